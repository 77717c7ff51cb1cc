// The extension's settings read as one typed snapshot; one change handler tells listeners which parts changed.
import * as vscode from 'vscode';
import { readLabels, type AnnotationLabel } from '../core/annotations/labelSchema';
import { globToRegExp } from '../core/paths/glob';

export const SETTINGS_SECTION = 'articleAnnotator';

/** The kinds that get a highlight: the pipeline's entity types plus dates. */
export type HighlightKind = 'person' | 'place' | 'organization' | 'date';

export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['person', 'place', 'organization', 'date'];

export interface ArticleAnnotatorSettings {
  /** Glob patterns (workspace-relative) of files that are articles in the plain text editor. */
  readonly articleGlobs: readonly string[];
  /** Which kinds are highlighted. */
  readonly highlight: Readonly<Record<HighlightKind, boolean>>;
  /** Show a short type label ("PER") after each highlighted span, so highlights are not colour-only. */
  readonly showTypeLabels: boolean;
  /** Show an annotation's label after its span, so annotations are not colour-only. */
  readonly showAnnotationLabels: boolean;
  /** Count an entity's mentions across the other articles of the workspace in its hover. */
  readonly hoverWorkspaceCounts: boolean;
  /** Learn from the user's entity corrections and annotations, and apply what was learned. */
  readonly learnFromCorrections: boolean;
  /** Milliseconds to wait after the last edit before re-analysing a plain-editor article. */
  readonly reanalyzeDelay: number;
  /** The annotation label schema: names in order, each with its colour. */
  readonly labels: readonly AnnotationLabel[];
  /** What was wrong with the values as written, and what is used instead (empty when all is well). */
  readonly problems: readonly string[];
}

const DEFAULT_ARTICLE_GLOBS: readonly string[] = ['**/seeds/*.txt'];
const DEFAULT_REANALYZE_DELAY = 300;

/** Reads every setting; a value of the wrong shape is replaced by a sane one and described in `problems`, never thrown. */
export function readSettings(): ArticleAnnotatorSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const problems: string[] = [];
  const delay = config.get<unknown>('reanalyzeDelay');
  const delayOk = typeof delay === 'number' && Number.isFinite(delay) && delay >= 0;
  if (delay !== undefined && !delayOk) problems.push(`reanalyzeDelay ${JSON.stringify(delay)} is not a number of milliseconds ≥ 0; ${DEFAULT_REANALYZE_DELAY} is used`);
  return {
    articleGlobs: readArticleGlobs(config.get<unknown>('articleGlobs'), problems),
    highlight: {
      person: config.get<boolean>('highlight.person', true) !== false,
      place: config.get<boolean>('highlight.place', true) !== false,
      organization: config.get<boolean>('highlight.organization', true) !== false,
      date: config.get<boolean>('highlight.date', true) !== false,
    },
    showTypeLabels: config.get<boolean>('showTypeLabels', false) === true,
    showAnnotationLabels: config.get<boolean>('showAnnotationLabels', true) !== false,
    hoverWorkspaceCounts: config.get<boolean>('hover.workspaceCounts', true) !== false,
    learnFromCorrections: config.get<boolean>('learnFromCorrections', true) !== false,
    reanalyzeDelay: delayOk ? Math.min(delay, 10_000) : DEFAULT_REANALYZE_DELAY,
    labels: readLabels(config.get<unknown>('labels'), problems),
    problems,
  };
}

/** The article globs that can be matched; a glob that cannot (an unclosed `{`) is left out rather than breaking every editor. */
export function readArticleGlobs(raw: unknown, problems: string[] = []): readonly string[] {
  if (raw === undefined) return DEFAULT_ARTICLE_GLOBS;
  if (!Array.isArray(raw)) {
    problems.push(`articleGlobs must be a list of glob patterns, not ${JSON.stringify(raw)}; ${JSON.stringify(DEFAULT_ARTICLE_GLOBS)} is used`);
    return DEFAULT_ARTICLE_GLOBS;
  }
  const globs: string[] = [];
  for (const glob of raw) {
    if (typeof glob !== 'string') problems.push(`articleGlobs entry ${JSON.stringify(glob)} is not a glob pattern and is ignored`);
    else if (glob.trim() === '') continue;
    else if (!globToRegExp(glob)) problems.push(`articleGlobs entry ${JSON.stringify(glob)} is not a valid glob pattern (unbalanced braces?) and is ignored`);
    else globs.push(glob);
  }
  return globs;
}

/** Which groups of settings changed, so each listener rebuilds only what it depends on. */
export interface SettingsChange {
  readonly settings: ArticleAnnotatorSettings;
  readonly articleGlobs: boolean;
  /** Anything that changes how highlights look (which kinds, type labels). */
  readonly highlights: boolean;
  readonly hover: boolean;
  readonly labels: boolean;
  readonly event: vscode.ConfigurationChangeEvent;
}

/** Holds the current snapshot and re-reads it once per configuration change. */
export class SettingsWatcher implements vscode.Disposable {
  private current = readSettings();
  private readonly emitter = new vscode.EventEmitter<SettingsChange>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log?: vscode.LogOutputChannel) {
    this.reportProblems([]);
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      const before = this.current.problems;
      this.current = readSettings();
      this.reportProblems(before);
      this.emitter.fire({
        settings: this.current,
        articleGlobs: event.affectsConfiguration(`${SETTINGS_SECTION}.articleGlobs`),
        highlights: event.affectsConfiguration(`${SETTINGS_SECTION}.highlight`) || event.affectsConfiguration(`${SETTINGS_SECTION}.showTypeLabels`),
        hover: event.affectsConfiguration(`${SETTINGS_SECTION}.hover`),
        labels: event.affectsConfiguration(`${SETTINGS_SECTION}.labels`) || event.affectsConfiguration(`${SETTINGS_SECTION}.showAnnotationLabels`),
        event,
      });
    });
  }

  get settings(): ArticleAnnotatorSettings {
    return this.current;
  }

  // Said once per new problem, not on every unrelated change while the bad value stays.
  private reportProblems(before: readonly string[]): void {
    const fresh = this.current.problems.filter((p) => !before.includes(p));
    if (fresh.length === 0) return;
    for (const problem of fresh) this.log?.warn(`Setting ${SETTINGS_SECTION}.${problem}.`);
    void vscode.window.showWarningMessage(`Article Annotator settings: ${fresh.join('; ')}.`);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
