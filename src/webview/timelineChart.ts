// The timeline chart, inside its webview: draws the corpus timeline the panel sends (lanes by article or by entity, a
// time axis from decades to days), lets the reader zoom (buttons, + and - keys, Ctrl+wheel), filter, and move between
// events with the arrow keys; Enter or a click asks the panel to reveal the event's sentence. Article text is untrusted:
// every string goes in through textContent or an attribute, never as HTML. Geometry is src/core/timeline's.
import type { TimelineEntry } from '../core/corpus/corpusIndex';
import { CHART_ZOOMS, type ChartGrouping, type ChartLayout, type ChartZoom, eventLabel, filterChartEvents, fittingZoom, layoutChart, neighbour, pxPerDay, stepZoom } from '../core/timeline/timelineChart';
import type { FromChartMessage, TimelineDataMessage, ToChartMessage } from '../extension/timelineChartProtocol';

interface VsCodeApi {
  postMessage(message: FromChartMessage): void;
  getState(): unknown;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  readonly zoom?: ChartZoom;
  readonly grouping?: ChartGrouping;
  readonly query?: string;
}

/** Width of the lane labels column, px (the CSS uses the same). */
const LABEL_PX = 180;
const ROW_PX = 26;
const LANE_PADDING_PX = 8;
/** A marker this wide or more shows the date's words. */
const TEXT_MIN_PX = 64;
const ZOOM_NAMES: Readonly<Record<ChartZoom, string>> = { decades: 'Decades', years: 'Years', months: 'Months', days: 'Days' };

const vscode = acquireVsCodeApi();
const saved = (vscode.getState() ?? {}) as SavedState;

let data: TimelineDataMessage | undefined;
let zoom: ChartZoom | undefined = saved.zoom;
/** Whether the reader chose the zoom (kept); otherwise it fits the events shown, again whenever the filter changes. */
let zoomChosen = saved.zoom !== undefined;
/** The article and entity filter of the last timeline drawn, to re-fit an unchosen zoom when it changes. */
let lastFilter = '';
let grouping: ChartGrouping = saved.grouping ?? 'article';
let query = saved.query ?? '';
let layout: ChartLayout | undefined;
/** The event that holds the tab stop (its id: article and offset), kept across redraws. */
let activeId: string | undefined;
let lastWheelZoom = 0;

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`timeline chart: #${id} missing`);
  return el as T;
};
const scroller = byId<HTMLDivElement>('scroller');
const canvas = byId<HTMLDivElement>('canvas');
const status = byId<HTMLElement>('status');
const filterBox = byId<HTMLInputElement>('filter');
const articleSelect = byId<HTMLSelectElement>('article');
const entityChip = byId<HTMLElement>('entity-filter');
const entityName = byId<HTMLElement>('entity-name');

filterBox.value = query;

function idOf(e: TimelineEntry): string {
  return `${e.article}\u0000${e.start}`;
}

function articleName(key: string): string {
  return (data && Object.hasOwn(data.articleNames, key) ? data.articleNames[key] : undefined) ?? key;
}

function save(): void {
  vscode.setState({ ...(zoom && zoomChosen ? { zoom } : {}), grouping, query });
}

/** Draws the chart again; `anchor` keeps that day under that x (px from the scroller's left edge) after a zoom. */
function render(anchor?: { day: number; x: number }): void {
  if (!data) return;
  const filter = { ...(data.filter.entity ? { entityId: data.filter.entity.id } : {}), ...(data.filter.article !== undefined ? { article: data.filter.article } : {}), query };
  zoom ??= fittingZoom(filterChartEvents(data.events, filter, articleName), Math.max(400, scroller.clientWidth - LABEL_PX));
  layout = layoutChart(data.events, { grouping, zoom, filter, articleName });
  const focused = document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('event');

  canvas.replaceChildren();
  canvas.style.width = `${LABEL_PX + layout.width}px`;
  const axis = document.createElement('div');
  axis.className = 'axis';
  axis.setAttribute('aria-hidden', 'true');
  const corner = document.createElement('div');
  corner.className = 'axis-corner';
  corner.textContent = grouping === 'article' ? 'Article' : 'Entity';
  axis.append(corner);
  for (const tick of layout.ticks) {
    const el = document.createElement('div');
    el.className = tick.major ? 'tick major' : 'tick';
    el.style.left = `${LABEL_PX + tick.x}px`;
    el.textContent = tick.label;
    axis.append(el);
  }
  canvas.append(axis);

  const ids = new Set<string>();
  layout.lanes.forEach((lane, laneIndex) => {
    const row = document.createElement('div');
    row.className = `lane kind-${lane.kind}`;
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', `${lane.label}: ${lane.items.length} ${lane.items.length === 1 ? 'event' : 'events'}`);
    row.style.height = `${lane.rows * ROW_PX + LANE_PADDING_PX}px`;
    const label = document.createElement('div');
    label.className = 'lane-label';
    label.textContent = lane.label;
    label.title = lane.label;
    row.append(label);
    for (const [index, item] of lane.items.entries()) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = item.width >= TEXT_MIN_PX ? 'event wide' : 'event';
      button.dataset.lane = String(laneIndex);
      button.dataset.index = String(index);
      button.dataset.id = idOf(item.event);
      button.tabIndex = -1;
      const text = eventLabel(item.event, articleName(item.event.article));
      button.setAttribute('aria-label', text);
      button.title = text;
      button.style.left = `${LABEL_PX + item.x}px`;
      button.style.top = `${item.row * ROW_PX + LANE_PADDING_PX / 2}px`;
      button.style.width = `${item.width}px`;
      if (item.width >= TEXT_MIN_PX) button.textContent = item.event.text;
      row.append(button);
      ids.add(idOf(item.event));
    }
    canvas.append(row);
  });
  if (layout.hiddenLanes > 0) {
    const more = document.createElement('p');
    more.className = 'more';
    more.textContent = `${layout.hiddenLanes} more ${grouping === 'article' ? 'articles' : 'entities'} not drawn: filter to see them.`;
    canvas.append(more);
  }
  if (layout.events === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = data.events.length === 0 ? 'No dated events in the workspace’s articles yet (indexing may still be running).' : 'No event matches the filter.';
    canvas.append(empty);
  }

  // one tab stop: the event that had it, else the first
  if (activeId === undefined || !ids.has(activeId)) activeId = layout.lanes[0]?.items[0] ? idOf(layout.lanes[0].items[0].event) : undefined;
  const active = activeButton();
  if (active) active.tabIndex = 0;

  for (const button of document.querySelectorAll<HTMLButtonElement>('.toolbar [data-zoom]')) button.setAttribute('aria-pressed', String(button.dataset.zoom === zoom));
  for (const button of document.querySelectorAll<HTMLButtonElement>('.toolbar [data-grouping]')) button.setAttribute('aria-pressed', String(button.dataset.grouping === grouping));
  byId<HTMLButtonElement>('zoom-in').disabled = zoom === 'days';
  byId<HTMLButtonElement>('zoom-out').disabled = zoom === 'decades';
  const lanes = layout.lanes.length + layout.hiddenLanes;
  status.textContent = `${layout.events} ${layout.events === 1 ? 'event' : 'events'} in ${lanes} ${grouping === 'article' ? (lanes === 1 ? 'article' : 'articles') : lanes === 1 ? 'entity' : 'entities'} · ${ZOOM_NAMES[zoom]}`;

  if (anchor) scroller.scrollLeft = Math.max(0, (anchor.day - layout.originDay) * pxPerDay(zoom) + LABEL_PX - anchor.x);
  if (focused && active) {
    active.focus({ preventScroll: !!anchor });
    if (!anchor) active.scrollIntoView({ block: 'nearest', inline: 'center' });
  }
}

function activeButton(): HTMLButtonElement | undefined {
  if (activeId === undefined) return undefined;
  for (const b of canvas.querySelectorAll<HTMLButtonElement>('button.event')) if (b.dataset.id === activeId) return b;
  return undefined;
}

function updateFilters(message: TimelineDataMessage): void {
  // the article picker: every article with an event, by name
  const keys = [...new Set(message.events.map((e) => e.article))].sort((a, b) => articleName(a).localeCompare(articleName(b)) || (a < b ? -1 : 1));
  const options = [new Option('All articles', '')];
  for (const key of keys) options.push(new Option(articleName(key), key));
  articleSelect.replaceChildren(...options);
  articleSelect.value = message.filter.article ?? '';
  entityChip.hidden = message.filter.entity === undefined;
  entityName.textContent = message.filter.entity?.name ?? '';
}

/** The day under x px from the scroller's left edge. */
function dayAt(x: number): number | undefined {
  if (!layout || !zoom) return undefined;
  return layout.originDay + (scroller.scrollLeft + x - LABEL_PX) / pxPerDay(zoom);
}

function setZoom(next: ChartZoom, anchorX?: number): void {
  if (!zoom || next === zoom) return;
  const active = activeButton();
  // keep what the reader looks at in place: the pointer's day, else the focused event, else the middle
  const x = anchorX ?? (active && document.activeElement === active ? active.getBoundingClientRect().left - scroller.getBoundingClientRect().left : scroller.clientWidth / 2);
  const day = dayAt(x);
  zoom = next;
  zoomChosen = true;
  save();
  render(day === undefined ? undefined : { day, x });
}

window.addEventListener('message', (event: MessageEvent<ToChartMessage>) => {
  const message = event.data;
  if (message?.type !== 'timeline') return;
  data = message;
  const filterNow = `${message.filter.article ?? ''}\u0000${message.filter.entity?.id ?? ''}`;
  if (filterNow !== lastFilter && !zoomChosen) zoom = undefined;
  lastFilter = filterNow;
  updateFilters(message);
  render();
});

canvas.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button.event');
  if (!button || !layout) return;
  const item = layout.lanes[Number(button.dataset.lane)]?.items[Number(button.dataset.index)];
  if (!item) return;
  const previous = activeButton();
  if (previous) previous.tabIndex = -1;
  activeId = idOf(item.event);
  button.tabIndex = 0;
  vscode.postMessage({ type: 'reveal', article: item.event.article, start: item.event.start });
});

canvas.addEventListener('keydown', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button.event');
  if (!button || !layout) return;
  const key = event.key;
  if (key !== 'ArrowLeft' && key !== 'ArrowRight' && key !== 'ArrowUp' && key !== 'ArrowDown' && key !== 'Home' && key !== 'End') return;
  event.preventDefault();
  const to = neighbour(layout, Number(button.dataset.lane), Number(button.dataset.index), key);
  const item = layout.lanes[to.lane]?.items[to.index];
  if (!item) return;
  button.tabIndex = -1;
  activeId = idOf(item.event);
  const next = activeButton();
  if (next) {
    next.tabIndex = 0;
    next.focus();
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
});

document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.ctrlKey || event.metaKey || event.altKey || !zoom) return;
  if (event.key === '+' || event.key === '=') setZoom(stepZoom(zoom, 1));
  else if (event.key === '-' || event.key === '_') setZoom(stepZoom(zoom, -1));
  else return;
  event.preventDefault();
});

scroller.addEventListener(
  'wheel',
  (event) => {
    // Ctrl+wheel (and a pinch, which browsers report with ctrlKey) zooms around the pointer; the plain wheel scrolls
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    if (!zoom || event.deltaY === 0 || event.timeStamp - lastWheelZoom < 150) return;
    lastWheelZoom = event.timeStamp;
    setZoom(stepZoom(zoom, event.deltaY < 0 ? 1 : -1), event.clientX - scroller.getBoundingClientRect().left);
  },
  { passive: false },
);

byId('zoom-in').addEventListener('click', () => zoom && setZoom(stepZoom(zoom, 1)));
byId('zoom-out').addEventListener('click', () => zoom && setZoom(stepZoom(zoom, -1)));
for (const button of document.querySelectorAll<HTMLButtonElement>('.toolbar [data-zoom]')) {
  button.addEventListener('click', () => {
    const next = button.dataset.zoom as ChartZoom;
    if (CHART_ZOOMS.includes(next)) setZoom(next);
  });
}
for (const button of document.querySelectorAll<HTMLButtonElement>('.toolbar [data-grouping]')) {
  button.addEventListener('click', () => {
    grouping = button.dataset.grouping === 'entity' ? 'entity' : 'article';
    save();
    render();
  });
}
let filterTimer: ReturnType<typeof setTimeout> | undefined;
filterBox.addEventListener('input', () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => {
    query = filterBox.value;
    save();
    render();
  }, 150);
});
articleSelect.addEventListener('change', () => vscode.postMessage({ type: 'filter', article: articleSelect.value }));
byId('clear-entity').addEventListener('click', () => vscode.postMessage({ type: 'filter', clearEntity: true }));

vscode.postMessage({ type: 'ready' });
