// The messages between the timeline chart's webview (src/webview/timelineChart.ts) and its panel
// (src/extension/timelineChart.ts). Types only: both sides import them.
import type { TimelineEntry } from '../core/corpus/corpusIndex';

/** The panel to the webview: the corpus timeline (unfiltered) and the filter the Timeline view and the chart share. */
export interface TimelineDataMessage {
  readonly type: 'timeline';
  readonly events: readonly TimelineEntry[];
  /** Article key -> the name shown for it (its file name). */
  readonly articleNames: Readonly<Record<string, string>>;
  readonly filter: { readonly entity?: { readonly id: string; readonly name: string }; readonly article?: string };
}

export type ToChartMessage = TimelineDataMessage;

/** The webview to the panel. */
export type FromChartMessage =
  /** The script is running and listening: send the data. */
  | { readonly type: 'ready' }
  /** Show the sentence of this event (its article and the date's offset) in the article. */
  | { readonly type: 'reveal'; readonly article: string; readonly start: number }
  /** The entity or article filter was cleared or changed in the chart. */
  | { readonly type: 'filter'; readonly article?: string; readonly clearEntity?: boolean };
