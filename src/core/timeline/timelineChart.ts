// The timeline chart's geometry, decided without a browser: which events (filtered), in which lanes (by article or by
// entity), where on the time axis at a zoom level (decades to days), in which row of a lane so markers never overlap,
// the axis ticks, and which event the arrow keys move to. The events are the corpus timeline's own entries
// (CorpusIndex.timeline()): no date is computed again here, only placed.
import type { TimelineEntry } from '../corpus/corpusIndex';
import { dateValueStart, type DateValue } from '../nlp/analysisModel';
import { describeDateValue, MONTHS } from './describeDate';

export type ChartZoom = 'decades' | 'years' | 'months' | 'days';
export type ChartGrouping = 'article' | 'entity';

/** Coarsest first. */
export const CHART_ZOOMS: readonly ChartZoom[] = ['decades', 'years', 'months', 'days'];

/** Pixels per day at each zoom: a decade, a year, a month or a day is about 150 to 200 px wide. */
const PX_PER_DAY: Readonly<Record<ChartZoom, number>> = { decades: 0.04, years: 0.55, months: 6, days: 56 };
/** Pixels per day at a zoom level. */
export function pxPerDay(zoom: ChartZoom): number {
  return PX_PER_DAY[zoom];
}

/** The narrowest marker, so a one-day event stays visible (and clickable) at the coarsest zoom. */
export const MIN_MARKER_PX = 14;
/** Room between two markers of one row. */
const MARKER_GAP_PX = 4;
/** Room before the first event and after the last. */
const PADDING_DAYS_PX = 48;
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

/** What the chart is narrowed to. Every part optional; all given parts must hold. */
export interface ChartFilter {
  /** Events whose sentence mentions this corpus entity. */
  readonly entityId?: string;
  /** Events of this article (its key). */
  readonly article?: string;
  /** Free text: an entity name, the article or words of the sentence (case-insensitive). */
  readonly query?: string;
}

export interface ChartItem {
  readonly event: TimelineEntry;
  /** Left edge and width in px from the chart origin. */
  readonly x: number;
  readonly width: number;
  /** Row inside the lane, 0 first. */
  readonly row: number;
}

export interface ChartLane {
  /** The article key, the entity id, or NO_ENTITY_LANE. */
  readonly key: string;
  readonly label: string;
  /** 'article', or the entity's type. */
  readonly kind: string;
  readonly rows: number;
  /** By x, then row. */
  readonly items: readonly ChartItem[];
}

export interface ChartTick {
  readonly x: number;
  readonly label: string;
  /** A period boundary of the coarser unit (a decade, a year, a month start) drawn stronger. */
  readonly major: boolean;
}

export interface ChartLayout {
  readonly zoom: ChartZoom;
  readonly grouping: ChartGrouping;
  /** Day number (days since 1970-01-01) at x = 0. */
  readonly originDay: number;
  readonly width: number;
  readonly ticks: readonly ChartTick[];
  readonly lanes: readonly ChartLane[];
  /** Lanes left out beyond `maxLanes` (a filter shows them). */
  readonly hiddenLanes: number;
  /** Events after filtering (an event is counted once, whatever its lanes). */
  readonly events: number;
}

export const NO_ENTITY_LANE = '\u0000none';

/** Days since 1970-01-01 of the first day of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; NaN when not such a date. */
export function dayNumber(iso: string): number {
  const m = /^(-?\d{1,6})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return Number.NaN;
  return Math.round(utc(Number(m[1]), m[2] === undefined ? 0 : Number(m[2]) - 1, m[3] === undefined ? 1 : Number(m[3])) / 86_400_000);
}

/** The first day after the period "YYYY", "YYYY-MM" or "YYYY-MM-DD" ends. */
function dayAfter(iso: string): number {
  const m = /^(-?\d{1,6})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  if (m[2] === undefined) return Math.round(utc(year + 1, 0, 1) / 86_400_000);
  const month = Number(m[2]) - 1;
  if (m[3] === undefined) return Math.round(utc(year, month + 1, 1) / 86_400_000);
  return Math.round(utc(year, month, Number(m[3]) + 1) / 86_400_000);
}

/** Milliseconds of a UTC calendar day; month and day may overflow (month 12 is January of the next year); years below 100 stay as they are. */
function utc(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d.getTime();
}

/** The days a date value covers: [from, to), a day one day, a month its days, a range from its start to its end, a bound its own. */
export function daySpan(value: Exclude<DateValue, null>): { readonly from: number; readonly to: number } {
  if (typeof value === 'string') return { from: dayNumber(value), to: dayAfter(value) };
  if (!('from' in value)) return daySpan(dateValueStart(value)); // a vague stretch is drawn at its bound
  const from = dayNumber(value.from);
  const to = dayAfter(value.to);
  return { from, to: to > from ? to : dayAfter(value.from) };
}

/**
 * What a timeline shows, as one string: equal strings, nothing to redraw (an index change elsewhere, an article
 * re-analysed to the same dates). Every field a view or the chart shows or filters by is in it.
 */
export function timelineSignature(events: readonly TimelineEntry[], undated: readonly { readonly article: string; readonly start: number; readonly end: number; readonly text: string }[] = []): string {
  const parts: string[] = [];
  for (const e of events) {
    const value = typeof e.value === 'string' ? e.value : 'from' in e.value ? `${e.value.from}/${e.value.to}` : `${e.value.notBefore ?? ''}<>${e.value.notAfter ?? ''}`;
    parts.push(`${e.article}\u0001${e.start}\u0001${e.end}\u0001${e.text}\u0001${value}\u0001${e.sentence.start}\u0001${e.sentence.text}\u0001${e.entities.map((r) => `${r.id}=${r.canonical}`).join('\u0002')}`);
  }
  parts.push('\u0003');
  for (const m of undated) parts.push(`${m.article}\u0001${m.start}\u0001${m.end}\u0001${m.text}`);
  return parts.join('\n');
}

/** The text a screen reader says for an event, and its tooltip: date, sentence, article. */
export function eventLabel(event: TimelineEntry, articleName: string): string {
  const sentence = event.sentence.text.replace(/\s+/g, ' ').trim();
  return `${describeDateValue(event.value)}: ${sentence} (${articleName}, “${event.text.replace(/\s+/g, ' ').trim()}”)`;
}

/** The events the filter keeps, in their order. */
export function filterChartEvents(events: readonly TimelineEntry[], filter: ChartFilter, articleName: (key: string) => string = (k) => k): TimelineEntry[] {
  const query = filter.query?.trim().toLowerCase() ?? '';
  return events.filter((e) => {
    if (filter.article !== undefined && e.article !== filter.article) return false;
    if (filter.entityId !== undefined && !e.entities.some((r) => r.id === filter.entityId)) return false;
    if (query === '') return true;
    return (
      e.entities.some((r) => r.canonical.toLowerCase().includes(query)) ||
      articleName(e.article).toLowerCase().includes(query) ||
      e.sentence.text.toLowerCase().includes(query) ||
      e.text.toLowerCase().includes(query)
    );
  });
}

/**
 * Lanes of events: one per article (first dated article first), or one per entity the events' sentences mention (most
 * events first, then by name; events that mention none in a last lane). An event is in every lane of its entities.
 */
export function groupChartEvents(events: readonly TimelineEntry[], grouping: ChartGrouping, articleName: (key: string) => string = (k) => k): { key: string; label: string; kind: string; events: TimelineEntry[] }[] {
  const lanes = new Map<string, { key: string; label: string; kind: string; events: TimelineEntry[] }>();
  const add = (key: string, label: string, kind: string, event: TimelineEntry): void => {
    const lane = lanes.get(key);
    if (lane) lane.events.push(event);
    else lanes.set(key, { key, label, kind, events: [event] });
  };
  for (const e of events) {
    if (grouping === 'article') add(e.article, articleName(e.article), 'article', e);
    else if (e.entities.length === 0) add(NO_ENTITY_LANE, 'No named entity', 'none', e);
    else for (const r of e.entities) add(r.id, r.canonical, r.type, e);
  }
  const all = [...lanes.values()];
  // a reduce, not the list spread into the arguments of Math.min: a lane can hold more events than a call takes arguments
  const firstDay = (lane: { events: TimelineEntry[] }): number => lane.events.reduce((min, e) => Math.min(min, daySpan(e.value).from), Infinity);
  if (grouping === 'article') {
    const first = new Map(all.map((l) => [l.key, firstDay(l)]));
    return all.sort((a, b) => first.get(a.key)! - first.get(b.key)! || compare(a.key, b.key));
  }
  return all.sort((a, b) => Number(a.key === NO_ENTITY_LANE) - Number(b.key === NO_ENTITY_LANE) || b.events.length - a.events.length || compare(a.label, b.label) || compare(a.key, b.key));
}

/** The zoom one step finer or coarser, the same at either end. */
export function stepZoom(zoom: ChartZoom, direction: 1 | -1): ChartZoom {
  const i = CHART_ZOOMS.indexOf(zoom) + direction;
  return CHART_ZOOMS[Math.max(0, Math.min(CHART_ZOOMS.length - 1, i))]!;
}

/** The finest zoom at which the events' whole time span fits `widthPx` (else decades). */
export function fittingZoom(events: readonly TimelineEntry[], widthPx: number): ChartZoom {
  if (events.length === 0) return 'years';
  let from = Infinity;
  let to = -Infinity;
  for (const e of events) {
    const s = daySpan(e.value);
    from = Math.min(from, s.from);
    to = Math.max(to, s.to);
  }
  for (const zoom of [...CHART_ZOOMS].reverse()) if ((to - from) * PX_PER_DAY[zoom] + 2 * PADDING_DAYS_PX <= widthPx) return zoom;
  return 'decades';
}

export interface ChartOptions {
  readonly grouping: ChartGrouping;
  readonly zoom: ChartZoom;
  readonly filter?: ChartFilter;
  /** Lanes drawn at most (default 60): the rest are counted in hiddenLanes. */
  readonly maxLanes?: number;
  readonly articleName?: (key: string) => string;
}

/** Everything the chart draws, for these events (the corpus timeline, in date order). */
export function layoutChart(events: readonly TimelineEntry[], options: ChartOptions): ChartLayout {
  const articleName = options.articleName ?? ((k: string) => k);
  const kept = filterChartEvents(events, options.filter ?? {}, articleName);
  const scale = PX_PER_DAY[options.zoom];
  let first = Infinity;
  let last = -Infinity;
  for (const e of kept) {
    const s = daySpan(e.value);
    first = Math.min(first, s.from);
    last = Math.max(last, s.to);
  }
  if (kept.length === 0) {
    const today = Math.floor(Date.now() / 86_400_000);
    first = today;
    last = today + 1;
  }
  // the origin on a tick of the zoom, so the axis starts on a labelled boundary
  const originDay = floorToUnit(first - PADDING_DAYS_PX / scale, options.zoom);
  const endDay = last + PADDING_DAYS_PX / scale;
  const width = Math.ceil((endDay - originDay) * scale);
  const groups = groupChartEvents(kept, options.grouping, articleName);
  const maxLanes = options.maxLanes ?? 60;
  const lanes = groups.slice(0, maxLanes).map((g): ChartLane => {
    const placed = placeInRows(g.events, originDay, scale);
    return { key: g.key, label: g.label, kind: g.kind, rows: placed.rows, items: placed.items };
  });
  return { zoom: options.zoom, grouping: options.grouping, originDay, width, ticks: axisTicks(originDay, originDay + width / scale, options.zoom), lanes, hiddenLanes: Math.max(0, groups.length - maxLanes), events: kept.length };
}

/** Markers of one lane, left to right; each in the first row where it does not touch the one before. */
function placeInRows(events: readonly TimelineEntry[], originDay: number, scale: number): { rows: number; items: ChartItem[] } {
  const boxes = events.map((event) => {
    const s = daySpan(event.value);
    return { event, x: (s.from - originDay) * scale, width: Math.max(MIN_MARKER_PX, (s.to - s.from) * scale) };
  });
  boxes.sort((a, b) => a.x - b.x || b.width - a.width);
  const rowEnds: number[] = [];
  const items = boxes.map((b): ChartItem => {
    let row = rowEnds.findIndex((end) => end + MARKER_GAP_PX <= b.x);
    if (row < 0) row = rowEnds.push(0) - 1;
    rowEnds[row] = b.x + b.width;
    return { event: b.event, x: round(b.x), width: round(b.width), row };
  });
  return { rows: Math.max(1, rowEnds.length), items };
}

/** The labelled ticks between two days at a zoom: decades at every 10 years, years, months, or days. */
export function axisTicks(fromDay: number, toDay: number, zoom: ChartZoom): ChartTick[] {
  const scale = PX_PER_DAY[zoom];
  const ticks: ChartTick[] = [];
  const start = new Date(floorToUnit(fromDay, zoom) * 86_400_000);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  let d = start.getUTCDate();
  for (let guard = 0; guard < 5000; guard++) {
    const day = Math.round(utc(y, m, d) / 86_400_000);
    if (day > toDay) break;
    if (day >= fromDay) {
      const x = round((day - fromDay) * scale);
      switch (zoom) {
        case 'decades':
          ticks.push({ x, label: `${y}s`, major: y % 100 === 0 });
          break;
        case 'years':
          ticks.push({ x, label: String(y), major: y % 10 === 0 });
          break;
        case 'months':
          ticks.push({ x, label: m === 0 ? `${SHORT_MONTHS[m]} ${y}` : SHORT_MONTHS[m]!, major: m === 0 });
          break;
        case 'days':
          ticks.push({ x, label: d === 1 ? `${d} ${SHORT_MONTHS[m]} ${y}` : String(d), major: d === 1 });
          break;
      }
    }
    if (zoom === 'decades') y += 10;
    else if (zoom === 'years') y += 1;
    else if (zoom === 'months') {
      m += 1;
      if (m === 12) {
        m = 0;
        y += 1;
      }
    } else {
      const next = new Date(utc(y, m, d + 1));
      y = next.getUTCFullYear();
      m = next.getUTCMonth();
      d = next.getUTCDate();
    }
  }
  return ticks;
}

/** The first day of the zoom's unit (decade, year, month, day) on or before `day`. */
function floorToUnit(day: number, zoom: ChartZoom): number {
  const date = new Date(Math.floor(day) * 86_400_000);
  const y = date.getUTCFullYear();
  switch (zoom) {
    case 'decades':
      return Math.round(utc(Math.floor(y / 10) * 10, 0, 1) / 86_400_000);
    case 'years':
      return Math.round(utc(y, 0, 1) / 86_400_000);
    case 'months':
      return Math.round(utc(y, date.getUTCMonth(), 1) / 86_400_000);
    case 'days':
      return Math.floor(day);
  }
}

/** Where an arrow key moves from item `index` of lane `lane`: the next/previous marker of the lane, or the nearest in time in the lane above/below. */
export function neighbour(layout: Pick<ChartLayout, 'lanes'>, lane: number, index: number, key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End'): { lane: number; index: number } {
  const here = layout.lanes[lane]?.items[index];
  if (!here) return { lane, index };
  const count = layout.lanes[lane]!.items.length;
  switch (key) {
    case 'ArrowLeft':
      return { lane, index: Math.max(0, index - 1) };
    case 'ArrowRight':
      return { lane, index: Math.min(count - 1, index + 1) };
    case 'Home':
      return { lane, index: 0 };
    case 'End':
      return { lane, index: count - 1 };
    case 'ArrowUp':
    case 'ArrowDown': {
      const target = lane + (key === 'ArrowUp' ? -1 : 1);
      const other = layout.lanes[target];
      if (!other || other.items.length === 0) return { lane, index };
      let best = 0;
      for (let i = 1; i < other.items.length; i++) if (Math.abs(other.items[i]!.x - here.x) < Math.abs(other.items[best]!.x - here.x)) best = i;
      return { lane: target, index: best };
    }
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
