// The outline of an article, as the editor's Outline, breadcrumbs and Go to Symbol show it: the headline with the
// article's sub-headings as sections, then its entities by kind (each entity at its mentions) and its dates.
import type { Article, TextSpan } from '../article/articleModel';
import type { Analysis, DateValue, EntityType } from '../nlp/analysisModel';
import type { MentionKind } from './entityNavigation';

export type OutlineRole = 'headline' | 'heading' | 'group' | 'entity' | 'mention';

export interface OutlineNode {
  readonly role: OutlineRole;
  /** For groups, entities, mentions: the kind; for the headline and headings: undefined. */
  readonly kind: MentionKind | undefined;
  readonly name: string;
  readonly detail: string;
  /** Everything the node covers (a section runs to the next heading; an entity from its first to its last mention). */
  readonly span: TextSpan;
  /** What is selected when the node is chosen (the heading's text, the first mention). */
  readonly selection: TextSpan;
  readonly children: readonly OutlineNode[];
}

export const KIND_GROUP_NAMES: Readonly<Record<MentionKind, string>> = { person: 'People', place: 'Places', organization: 'Organizations', date: 'Dates' };

const ENTITY_TYPES_IN_ORDER: readonly EntityType[] = ['person', 'place', 'organization'];

/**
 * Past this many entity mentions, entities are listed without their mentions as children: the editor asks for the
 * outline after every edit, and tens of thousands of symbols (a megabyte of text) stall its host for a second each time.
 */
export const OUTLINE_MENTION_LIMIT = 2000;

/**
 * At most this many entities of a kind (the most mentioned), and this many dates (the first), in a group: a megabyte
 * of distinct text names thousands of people and places, and twenty thousand symbols cost the editor's host most of a
 * second at each pause in typing to build and send. The group's detail says how many there are in all; the Entities
 * view lists every one. Each version's symbols are sent twice (the plain editor and its reading view), serialised and
 * compressed on the host: at 500 a group, 2,000 symbols were 578 KB of JSON, 13 ms to compress and 3 ms to serialise
 * each time (load 6); at 200, 230 KB, 5 ms and 1 ms.
 */
export const OUTLINE_GROUP_LIMIT = 200;

/**
 * The headline node (named by the title, else `fileName`) spans the whole article, so breadcrumbs read
 * "headline › sub-heading" wherever the cursor is; the kind groups follow, each entity named by its canonical name.
 */
export function articleOutline(article: Article, analysis: Analysis, fileName: string): OutlineNode[] {
  const steps = articleOutlineSteps(article, analysis, fileName);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Mentions, entities, headings or dates handled between two yields of articleOutlineSteps. */
export const OUTLINE_STEP_ITEMS = 1000;

/**
 * articleOutline a step at a time: the generator yields between parts of the work (every OUTLINE_STEP_ITEMS mentions,
 * entities, headings or dates) and returns the same outline. A megabyte's outline (tens of thousands of mentions
 * grouped, counted and sorted) held the editor's host for tens of milliseconds in one go after every pause in typing;
 * a caller can give the event loop a turn between steps.
 */
export function* articleOutlineSteps(article: Article, analysis: Analysis, fileName: string): Generator<void, OutlineNode[], undefined> {
  const nodes: OutlineNode[] = [];
  const shown = article.paragraphs.filter((p) => p.kind !== 'dateline');
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (first && last) {
    const titleParagraph = article.paragraphs.find((p) => p.kind === 'title');
    const sections: OutlineNode[] = [];
    const headings = shown.filter((p) => p.kind === 'heading');
    // a section ends with the last paragraph before the next heading; paragraphs are in order, so one pass over them
    // (filtering every paragraph for every heading was quadratic)
    let at = 0;
    for (let i = 0; i < headings.length; i++) {
      const heading = headings[i]!;
      const next = headings[i + 1];
      while (at < shown.length && shown[at]!.start < heading.start) at++;
      let end = heading.end;
      for (; at < shown.length && (next === undefined || shown[at]!.end <= next.start); at++) if (shown[at]!.kind !== 'licence') end = shown[at]!.end;
      sections.push({ role: 'heading', kind: undefined, name: oneLine(article.text.slice(heading.start, heading.end)), detail: '', span: { start: heading.start, end }, selection: { start: heading.start, end: heading.end }, children: [] });
      if (i % OUTLINE_STEP_ITEMS === OUTLINE_STEP_ITEMS - 1) yield;
    }
    const selection = titleParagraph ? { start: titleParagraph.start, end: titleParagraph.end } : { start: first.start, end: first.start };
    const name = titleParagraph ? oneLine(article.text.slice(titleParagraph.start, titleParagraph.end)) : fileName;
    nodes.push({ role: 'headline', kind: undefined, name: name || fileName, detail: article.date ? article.date.value : '', span: { start: Math.min(first.start, selection.start), end: last.end }, selection, children: sections });
  }
  const withMentions = analysis.entities.length <= OUTLINE_MENTION_LIMIT;
  // every entity mention grouped by type and canonical name in one pass (a map keeps the order of first mention); the
  // mentions themselves kept only when they are listed (a megabyte's 11,000 are not: a list per entity grown by each)
  const byType = new Map<EntityType, Map<string, EntityGroup>>(ENTITY_TYPES_IN_ORDER.map((type) => [type, new Map()]));
  for (let i = 0; i < analysis.entities.length; i++) {
    const e = analysis.entities[i]!;
    const byEntity = byType.get(e.type);
    if (byEntity) {
      let entry = byEntity.get(e.canonical);
      if (!entry) byEntity.set(e.canonical, (entry = { canonical: e.canonical, count: 0, first: e, end: e.end, mentions: withMentions ? [] : undefined }));
      entry.count++;
      if (e.start < entry.first.start) entry.first = e;
      if (e.end > entry.end) entry.end = e.end;
      entry.mentions?.push(e);
    }
    if (i % OUTLINE_STEP_ITEMS === OUTLINE_STEP_ITEMS - 1) yield;
  }
  for (const type of ENTITY_TYPES_IN_ORDER) {
    const byEntity = byType.get(type)!;
    if (byEntity.size === 0) continue;
    const listed = mostMentioned([...byEntity.values()], OUTLINE_GROUP_LIMIT);
    yield;
    const entities: OutlineNode[] = [];
    let items = 0;
    for (const group of listed) {
      entities.push(entityNode(type, group, analysis.aliases[group.canonical] ?? []));
      items += group.count;
      if (items >= OUTLINE_STEP_ITEMS) {
        items = 0;
        yield;
      }
    }
    nodes.push(groupNode(type, sortByPosition(entities), byEntity.size));
    yield;
  }
  if (analysis.dates.length > 0) {
    const first = [...analysis.dates].sort((a, b) => a.start - b.start).slice(0, OUTLINE_GROUP_LIMIT);
    yield;
    const dates = first.map((d): OutlineNode => ({ role: 'mention', kind: 'date', name: oneLine(d.text), detail: describeValue(d.value), span: span(d), selection: span(d), children: [] }));
    nodes.push(groupNode('date', sortByPosition(dates), analysis.dates.length));
  }
  return nodes;
}

/** An entity's mentions in an article: how many, the first (by place, the earlier listed among equals) and where the last ends; the mentions themselves when they are listed. */
interface EntityGroup {
  readonly canonical: string;
  count: number;
  first: { readonly start: number; readonly end: number; readonly text: string };
  end: number;
  readonly mentions: { start: number; end: number; text: string }[] | undefined;
}

/**
 * The `limit` entities with the most mentions (the first mentioned first among equals); all of them when there are
 * fewer. Sorts the list it is given (a copy of the groups made for it).
 */
function mostMentioned(entities: EntityGroup[], limit: number): EntityGroup[] {
  if (entities.length <= limit) return entities;
  return entities.sort((a, b) => b.count - a.count || a.first.start - b.first.start).slice(0, limit);
}

function entityNode(type: EntityType, group: EntityGroup, aliases: readonly string[]): OutlineNode {
  const { canonical, count: mentionCount, mentions } = group;
  const others = aliases.filter((a) => a !== canonical);
  const count = `${mentionCount} ${mentionCount === 1 ? 'mention' : 'mentions'}`;
  let children: OutlineNode[] = [];
  if (mentions && mentions.length > 1) {
    // the mentions come in the analysis's order, by position: copied and sorted only when they are not
    let inOrder = true;
    for (let i = 1; i < mentions.length && inOrder; i++) inOrder = mentions[i - 1]!.start <= mentions[i]!.start;
    const sorted = inOrder ? mentions : [...mentions].sort((a, b) => a.start - b.start);
    children = sorted.map((m, i): OutlineNode => ({ role: 'mention', kind: type, name: oneLine(m.text), detail: `${i + 1} of ${sorted.length}`, span: span(m), selection: span(m), children: [] }));
  }
  return {
    role: 'entity',
    kind: type,
    name: oneLine(canonical),
    detail: others.length > 0 ? `${count} · also ${others.join(', ')}` : count,
    span: { start: group.first.start, end: group.end },
    selection: span(group.first),
    children,
  };
}

/** `total` is how many the group has in all, when it lists only some of them (see OUTLINE_GROUP_LIMIT). */
function groupNode(kind: MentionKind, children: readonly OutlineNode[], total = children.length): OutlineNode {
  // a loop, not a spread: an article can have more mentions than the stack has room for arguments
  let start = Infinity;
  let end = 0;
  for (const c of children) {
    start = Math.min(start, c.span.start);
    end = Math.max(end, c.span.end);
  }
  const first = children[0]!;
  const detail = total > children.length ? `${children.length.toLocaleString('en')} of ${total.toLocaleString('en')}` : String(children.length);
  return { role: 'group', kind, name: KIND_GROUP_NAMES[kind], detail, span: { start, end }, selection: first.selection, children };
}

function sortByPosition(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.sort((a, b) => a.selection.start - b.selection.start || a.name.localeCompare(b.name));
}

function span(s: TextSpan): TextSpan {
  return { start: s.start, end: s.end };
}

/** Symbol names are one line; article text may break inside a hard-wrapped heading or name. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function describeValue(value: DateValue): string {
  if (value === null) return 'not resolved';
  if (typeof value === 'string') return value;
  if ('from' in value) return `${value.from} to ${value.to}`;
  return value.notBefore !== undefined ? `not before ${value.notBefore}` : `not after ${value.notAfter}`;
}
