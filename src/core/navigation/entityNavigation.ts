// Moving through an article's highlighted mentions (people, places, organizations, dates) and finding every mention
// of the entity under the cursor. Offsets are source-text offsets, as everywhere in the core.
import type { TextSpan } from '../article/articleModel';
import type { Analysis, EntityMention, EntityType } from '../nlp/analysisModel';

/** What the reader can step through: the three entity types and dates, the kinds the editor highlights. */
export type MentionKind = EntityType | 'date';

export const MENTION_KINDS: readonly MentionKind[] = ['person', 'place', 'organization', 'date'];

export interface NavigableMention extends TextSpan {
  readonly kind: MentionKind;
  readonly text: string;
}

export interface Step {
  readonly mention: NavigableMention;
  /** True when the step went past the end (or the start) of the article and started over from the other end. */
  readonly wrapped: boolean;
}

/** Entities and dates of an analysis in reading order (by start, then the longer first). */
export function navigableMentions(analysis: Analysis): NavigableMention[] {
  const all: NavigableMention[] = [
    ...analysis.entities.map((e) => ({ start: e.start, end: e.end, text: e.text, kind: e.type })),
    ...analysis.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, kind: 'date' as const })),
  ];
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The mention at a cursor offset: one that contains it, else one that ends exactly there (the cursor just after a
 * word, as after a double-click or typing), so a gesture works from either edge of a name.
 */
export function mentionAt<T extends TextSpan>(mentions: readonly T[], offset: number): T | undefined {
  return mentions.find((m) => m.start <= offset && offset < m.end) ?? mentions.find((m) => m.start < offset && offset === m.end);
}

/**
 * The next (direction 1) or previous (-1) mention from a cursor offset, of one kind if given. A cursor inside a
 * mention counts as being at its start, so "previous" leaves the current mention rather than going to its start.
 * Past the last (first) mention it wraps around, like the editor's Next Problem. Undefined when there is none.
 */
export function stepMention(mentions: readonly NavigableMention[], offset: number, direction: 1 | -1, kind?: MentionKind): Step | undefined {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const candidates = kind === undefined ? sorted : sorted.filter((m) => m.kind === kind);
  if (candidates.length === 0) return undefined;
  const current = sorted.find((m) => m.start <= offset && offset < m.end);
  const from = current?.start ?? offset;
  if (direction === 1) {
    const next = candidates.find((m) => m.start > from);
    return next ? { mention: next, wrapped: false } : { mention: candidates[0]!, wrapped: true };
  }
  let previous: NavigableMention | undefined;
  for (const m of candidates) {
    if (m.start >= from) break;
    previous = m;
  }
  return previous ? { mention: previous, wrapped: false } : { mention: candidates[candidates.length - 1]!, wrapped: true };
}

/** Every mention in the article of the same entity as `mention` (same type and canonical name, so aliases too), in order. */
export function mentionsOfSameEntity(analysis: Analysis, mention: Pick<EntityMention, 'type' | 'canonical'>): EntityMention[] {
  return analysis.entities.filter((e) => e.type === mention.type && e.canonical === mention.canonical).sort((a, b) => a.start - b.start);
}

/**
 * Where an entity is first mentioned in a corpus: the first mention in the earliest-dated article that mentions it
 * (articles without a date after the dated ones), ties broken by article key. The article's date, not the order of
 * files, because a collection of articles on one story is read in the order things were reported.
 */
export function firstMention<M extends TextSpan>(byArticle: readonly { readonly article: string; readonly mentions: readonly M[] }[], dateOf: (article: string) => string | null): M | undefined {
  const ordered = byArticle.filter((a) => a.mentions.length > 0).sort((a, b) => {
    const da = dateOf(a.article);
    const db = dateOf(b.article);
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
    return a.article < b.article ? -1 : a.article > b.article ? 1 : 0;
  });
  const mentions = ordered[0]?.mentions;
  return mentions ? [...mentions].sort((a, b) => a.start - b.start)[0] : undefined;
}
