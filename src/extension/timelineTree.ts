// The "Timeline" view: every resolved date of the workspace's articles as an event, year → month → day, each event
// the sentence it is in (with the article); a click reveals the sentence. Dates no article date resolves ("on
// Tuesday" in an undated article) are listed apart, per article, with Set Article Date. Filterable by entity ("the
// timeline of Ashraf Ghani": events whose sentence mentions it) and by article.
import * as vscode from 'vscode';
import type { CorpusMention, TimelineEntry } from '../core/corpus/corpusIndex';
import type { ArticleDocuments } from './articleDocuments';
import { AnnotationService } from './annotationService';
import { revealSpanCommand } from './commands/revealEntity';
import { describeDateValue, MONTHS } from '../core/timeline/describeDate';
import { filterChartEvents, timelineSignature } from '../core/timeline/timelineChart';
import type { WorkspaceIndex } from './workspaceIndex';
import { SET_ARTICLE_DATE_COMMAND } from './commandIds';
import { inViewTurn } from './viewTurns';

export const TIMELINE_VIEW = 'articleAnnotator.timeline';
const FILTERED_CONTEXT = 'articleAnnotator.timelineFiltered';
const MAX_LABEL_CHARS = 100;
/**
 * Events listed at once in a period; the rest is a "… more" row that expands to the next as many. Every redraw hands
 * VS Code all the rows shown, and a year of a large collection has hundreds of events dated only by their year.
 */
const PAGE = 100;
const REFRESH_MILLIS = 300;
const REFRESH_BUSY_MILLIS = 5_000;

/** What the timeline is narrowed to: events whose sentence mentions an entity, and/or events of one article. */
export interface TimelineFilter {
  readonly entity?: { readonly id: string; readonly name: string };
  readonly article?: string;
}

export interface PeriodNode {
  readonly kind: 'period';
  /** "2021", "2021-08" or "2021-08-15". */
  readonly period: string;
  readonly events: readonly TimelineEntry[];
}
export interface EventNode {
  readonly kind: 'event';
  readonly event: TimelineEntry;
  readonly period: string;
}
export interface UnresolvedNode {
  readonly kind: 'unresolved';
  readonly mentions: readonly CorpusMention[];
}
export interface UnresolvedArticleNode {
  readonly kind: 'unresolvedArticle';
  readonly article: string;
  readonly mentions: readonly CorpusMention[];
}
export interface UnresolvedDateNode {
  readonly kind: 'unresolvedDate';
  readonly mention: CorpusMention;
}
export interface SetDateNode {
  readonly kind: 'setDate';
  readonly article: string;
}
/** The events of a period from `from` on, beyond a page: expands to the next page. */
export interface MoreEventsNode {
  readonly kind: 'more';
  readonly period: string;
  readonly events: readonly EventNode[];
  readonly from: number;
}
export type TimelineTreeNode = PeriodNode | EventNode | UnresolvedNode | UnresolvedArticleNode | UnresolvedDateNode | SetDateNode | MoreEventsNode;

export class TimelineTreeProvider implements vscode.TreeDataProvider<TimelineTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TimelineTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private filterValue: TimelineFilter = {};
  private pending: NodeJS.Timeout | undefined;
  /** The corpus timeline as of an index revision: computed once per change, shared by the view and the chart. */
  private cache: { readonly revision: number; readonly events: readonly TimelineEntry[]; readonly undated: readonly CorpusMention[] } | undefined;
  /** What the view last showed (timelineSignature): an index change that leaves it equal redraws nothing. */
  private shown: string | undefined;
  /** The view this provider draws, once created: while it is hidden an index change costs nothing here. */
  private view: vscode.TreeView<TimelineTreeNode> | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly articles: ArticleDocuments,
  ) {
    this.disposables.push(
      this.changeEmitter,
      index.onDidChange(() => this.schedule(index.busy ? REFRESH_BUSY_MILLIS : REFRESH_MILLIS)),
    );
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, false);
  }

  /** The view that shows this tree (its visibility decides whether an index change is worked out at once). */
  setView(view: vscode.TreeView<TimelineTreeNode>): void {
    this.view = view;
  }

  get filter(): TimelineFilter {
    return this.filterValue;
  }

  setFilter(filter: TimelineFilter): void {
    this.filterValue = filter;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, filter.entity !== undefined || filter.article !== undefined);
    this.changeEmitter.fire(undefined);
  }

  /** Every event of the corpus timeline, in date order, unfiltered (the one source of the view and the chart). */
  timeline(): readonly TimelineEntry[] {
    return this.current().events;
  }

  /** The events the view shows, in date order (the corpus timeline, filtered). */
  events(): TimelineEntry[] {
    const { entity, article } = this.filterValue;
    return filterChartEvents(this.timeline(), { ...(entity ? { entityId: entity.id } : {}), ...(article !== undefined ? { article } : {}) });
  }

  /** Date mentions no article date resolves, by article (filtered by article; an entity filter leaves them out). */
  unresolved(): CorpusMention[] {
    if (this.filterValue.entity) return [];
    return this.current().undated.filter((m) => this.filterValue.article === undefined || m.article === this.filterValue.article);
  }

  private current(): { readonly events: readonly TimelineEntry[]; readonly undated: readonly CorpusMention[] } {
    const corpus = this.index.corpus;
    if (this.cache?.revision !== corpus.revision) this.cache = { revision: corpus.revision, events: corpus.timeline(), undated: corpus.undatedDates() };
    return this.cache;
  }

  getChildren(node?: TimelineTreeNode): TimelineTreeNode[] {
    if (!node) {
      const roots: TimelineTreeNode[] = groupBy(this.events(), 4).map(([period, events]) => ({ kind: 'period', period, events }));
      const unresolved = this.unresolved();
      if (unresolved.length > 0) roots.push({ kind: 'unresolved', mentions: unresolved });
      return roots;
    }
    switch (node.kind) {
      case 'period': {
        // an event dated only as precisely as this period ("2021", "August 2021") comes first, then the finer periods
        const depth = node.period.length;
        const own = node.events.filter((e) => precision(e) <= depth).map((event): EventNode => ({ kind: 'event', event, period: node.period }));
        if (depth >= 10) return eventPage(node.period, own, 0);
        const finer = groupBy(node.events.filter((e) => precision(e) > depth), depth === 4 ? 7 : 10).map(([period, events]): PeriodNode => ({ kind: 'period', period, events }));
        return [...eventPage(node.period, own, 0), ...finer];
      }
      case 'more':
        return eventPage(node.period, node.events, node.from);
      case 'unresolved': {
        const byArticle = new Map<string, CorpusMention[]>();
        for (const m of node.mentions) {
          const list = byArticle.get(m.article);
          if (list) list.push(m);
          else byArticle.set(m.article, [m]);
        }
        return [...byArticle].map(([article, mentions]): UnresolvedArticleNode => ({ kind: 'unresolvedArticle', article, mentions }));
      }
      case 'unresolvedArticle':
        return [{ kind: 'setDate', article: node.article }, ...node.mentions.map((mention): UnresolvedDateNode => ({ kind: 'unresolvedDate', mention }))];
      default:
        return [];
    }
  }

  /**
   * An event's tooltip, when the pointer rests on it: VS Code converts every Markdown tooltip handed over with the rows
   * on the extension host, and a redraw of a large timeline's rows held it for tens of milliseconds.
   */
  resolveTreeItem(item: vscode.TreeItem, node: TimelineTreeNode): vscode.TreeItem {
    if (node.kind !== 'event') return item;
    const e = node.event;
    const names = e.entities.map((r) => r.canonical);
    item.tooltip = new vscode.MarkdownString().appendText(`${describeDateValue(e.value)}: “${oneLine(e.text)}”\n\n${oneLine(e.sentence.text)}\n\n${e.article}${names.length > 0 ? `\n\nMentions ${names.join(', ')}` : ''}`);
    return item;
  }

  getTreeItem(node: TimelineTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'period': {
        const label = periodLabel(node.period);
        const articles = new Set(node.events.map((e) => e.article)).size;
        const item = new vscode.TreeItem(label, node.period.length === 4 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `period:${node.period}`;
        item.description = `${plural(node.events.length, 'event')} · ${plural(articles, 'article')}`;
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.accessibilityInformation = { label: `${label}, ${plural(node.events.length, 'event')} in ${plural(articles, 'article')}` };
        item.contextValue = 'timelinePeriod';
        return item;
      }
      case 'event': {
        const e = node.event;
        const sentence = oneLine(e.sentence.text);
        const label = sentence.length > MAX_LABEL_CHARS ? `${sentence.slice(0, MAX_LABEL_CHARS - 1)}…` : sentence;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        const article = AnnotationService.articleName(e.article);
        const when = describeDateValue(e.value);
        item.id = `event:${e.article}:${e.start}`;
        item.description = `${article} · “${oneLine(e.text)}”`;
        item.iconPath = new vscode.ThemeIcon('circle-small-filled');
        item.accessibilityInformation = { label: `${when}, ${article}: ${sentence}` };
        item.contextValue = 'timelineEvent';
        item.command = revealSpanCommand(this.index.uriOf(e.article), e.sentence, 'Reveal Sentence');
        return item;
      }
      case 'unresolved': {
        const item = new vscode.TreeItem('Unresolved dates', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'unresolved';
        item.description = `${node.mentions.length} · articles without a date`;
        item.tooltip = 'Relative dates ("on Tuesday", "last week") in articles without a date: set the article date to place them on the timeline.';
        item.iconPath = new vscode.ThemeIcon('question');
        item.contextValue = 'timelineUnresolved';
        return item;
      }
      case 'unresolvedArticle': {
        const item = new vscode.TreeItem(AnnotationService.articleName(node.article), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `unresolved:${node.article}`;
        item.description = plural(node.mentions.length, 'date');
        item.resourceUri = this.index.uriOf(node.article);
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'timelineUnresolvedArticle';
        return item;
      }
      case 'more': {
        const rest = node.events.length - node.from;
        const item = new vscode.TreeItem(`${rest} more…`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `more:${node.period}:${node.from}`;
        item.tooltip = `Expand for the next ${Math.min(PAGE, rest)} events, or filter the timeline by an entity or an article.`;
        item.accessibilityInformation = { label: `${rest} more events in ${periodLabel(node.period)}; expand for the next ${Math.min(PAGE, rest)}` };
        return item;
      }
      case 'setDate': {
        const item = new vscode.TreeItem('Set Article Date…', vscode.TreeItemCollapsibleState.None);
        item.id = `setDate:${node.article}`;
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.tooltip = `Store a date for ${node.article}, so its relative dates are placed on the timeline`;
        item.command = { command: SET_ARTICLE_DATE_COMMAND, title: 'Set Article Date', arguments: [this.index.uriOf(node.article).toString()] };
        return item;
      }
      case 'unresolvedDate': {
        const m = node.mention;
        const item = new vscode.TreeItem(`“${oneLine(m.text)}”`, vscode.TreeItemCollapsibleState.None);
        item.id = `unresolvedDate:${m.article}:${m.start}`;
        item.description = 'no article date';
        item.iconPath = new vscode.ThemeIcon('circle-small');
        item.command = revealSpanCommand(this.index.uriOf(m.article), m, 'Reveal Date');
        return item;
      }
    }
  }

  /** What the view's title bar says next to its name. */
  describe(): string | undefined {
    const parts: string[] = [];
    if (this.filterValue.entity) parts.push(`timeline of ${this.filterValue.entity.name}`);
    if (this.filterValue.article) parts.push(AnnotationService.articleName(this.filterValue.article));
    return parts.length > 0 ? parts.join(' · ') : undefined;
  }

  /** Filter: `{entity}` (an id or an Entities view node), `{article}` (a key), '' clears; without an argument, picks. */
  async pickFilter(arg?: unknown): Promise<TimelineFilter | undefined> {
    if (arg === '') {
      this.setFilter({});
      return {};
    }
    if (typeof arg === 'object' && arg !== null) {
      const o = arg as { entity?: unknown; article?: unknown };
      const entity = this.entityOf(o.entity ?? (('kind' in o || 'id' in o) ? arg : undefined));
      const article = typeof o.article === 'string' ? o.article : undefined;
      if (entity || article) {
        this.setFilter({ ...(entity ? { entity } : {}), ...(article ? { article } : {}) });
        return this.filterValue;
      }
    }
    const how = await vscode.window.showQuickPick(
      [
        { label: 'By Entity…', detail: 'Events whose sentence mentions a person, place or organization', by: 'entity' as const },
        { label: 'By Article…', detail: 'Events of one article', by: 'article' as const },
        { label: 'Show Everything', detail: 'No filter', by: 'none' as const },
      ],
      { title: 'Filter the Timeline' },
    );
    if (!how) return undefined;
    if (how.by === 'none') {
      this.setFilter({});
      return {};
    }
    if (how.by === 'entity') {
      const picked = await vscode.window.showQuickPick(
        this.index.corpus.entities().slice(0, 2000).map((e) => ({ label: e.canonical, description: `${e.type} · ${plural(e.mentions, 'mention')}`, id: e.id })),
        { title: 'Timeline of which entity?', matchOnDescription: true },
      );
      if (!picked) return undefined;
      this.setFilter({ ...this.filterValue, entity: { id: picked.id, name: picked.label } });
    } else {
      const picked = await vscode.window.showQuickPick(
        [...this.index.corpus.articleKeys].sort().map((key) => ({ label: AnnotationService.articleName(key), description: key, key })),
        { title: 'Timeline of which article?', matchOnDescription: true },
      );
      if (!picked) return undefined;
      this.setFilter({ ...this.filterValue, article: picked.key });
    }
    return this.filterValue;
  }

  /** "Show Timeline of This Entity": from the Entities view (its node), an id, or the entity under the cursor. */
  async showTimelineOf(arg?: unknown): Promise<TimelineFilter | undefined> {
    let entity = this.entityOf(arg);
    if (!entity && arg === undefined) {
      const editor = vscode.window.activeTextEditor;
      const article = editor ? this.articles.get(editor.document) : undefined;
      const at = article && editor ? article.toSourceSpan(new vscode.Range(editor.selection.active, editor.selection.active)) : undefined;
      const found = article && at ? this.index.corpus.entityAt(article.key, at.start) : undefined;
      if (found) entity = { id: found.id, name: found.canonical };
    }
    if (!entity) return this.pickFilter();
    this.setFilter({ entity });
    await vscode.commands.executeCommand(`${TIMELINE_VIEW}.focus`);
    return this.filterValue;
  }

  /** The corpus entity an argument names: an id, an Entities view node, or `{ canonical | name, type }`. */
  entityOf(arg: unknown): { id: string; name: string } | undefined {
    const corpus = this.index.corpus;
    if (typeof arg === 'string') {
      const e = corpus.entity(arg);
      return e ? { id: e.id, name: e.canonical } : undefined;
    }
    if (typeof arg !== 'object' || arg === null) return undefined;
    const o = arg as { id?: unknown; name?: unknown; canonical?: unknown; entityKind?: unknown; type?: unknown };
    if (typeof o.id === 'string') {
      const e = corpus.entity(o.id);
      if (e) return { id: e.id, name: e.canonical };
    }
    const name = typeof o.canonical === 'string' ? o.canonical : typeof o.name === 'string' ? o.name : undefined;
    const type = o.type ?? o.entityKind;
    if (name === undefined || (type !== 'person' && type !== 'place' && type !== 'organization')) return undefined;
    const e = corpus.corpusEntityOf(undefined, { canonical: name, type });
    return e ? { id: e.id, name: e.canonical } : undefined;
  }

  private schedule(delay: number): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      inViewTurn(() => this.redraw());
    }, delay);
  }

  /** Redraws after an index change when what the view shows changed (a hidden view only forgets what it showed). */
  private redraw(): void {
    if (this.view && !this.view.visible) {
      // nobody looks: the timeline of the whole corpus is worked out when the view (or the chart) asks for it
      this.shown = undefined;
      this.changeEmitter.fire(undefined);
      return;
    }
    const { events, undated } = this.current();
    const signature = timelineSignature(events, undated);
    if (signature === this.shown) return;
    this.shown = signature;
    this.changeEmitter.fire(undefined);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}

/** How precise an event's date is: 4 (a year), 7 (a month), 10 (a day), by its sort key. */
function precision(e: TimelineEntry): number {
  return e.sortKey.length;
}

/** Events (in date order) grouped by the first `length` characters of their sort key, in order. */
function groupBy(events: readonly TimelineEntry[], length: number): [string, TimelineEntry[]][] {
  const groups = new Map<string, TimelineEntry[]>();
  for (const e of events) {
    const key = e.sortKey.slice(0, length);
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return [...groups];
}

/** A page of a period's own events from `from` on, and a row for the rest. */
function eventPage(period: string, events: readonly EventNode[], from: number): TimelineTreeNode[] {
  const shown: TimelineTreeNode[] = events.slice(from, from + PAGE);
  if (events.length > from + PAGE) shown.push({ kind: 'more', period, events, from: from + PAGE });
  return shown;
}

function periodLabel(period: string): string {
  const [year, month, day] = period.split('-');
  if (month === undefined) return year ?? period;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
