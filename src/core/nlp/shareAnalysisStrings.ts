// An analysis just received (from the analysis worker or the index's cache) made to share its repeated strings: each
// mention's type and resolution point at one constant, its names and date values at the pool's copy. The values stay
// equal, so nothing that reads the analysis can tell; only the extension host's heap (and its collector) does.
import type { PackedAnalysis } from '../corpus/packedAnalysis';
import type { Quotation } from '../quotes/quotations';
import type { StringPool } from '../text/stringPool';
import { type Analysis, type DateMention, type EntityMention, type EntityType } from './analysisModel';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const TYPES: Readonly<Record<EntityType, EntityType>> = { person: 'person', place: 'place', organization: 'organization' };
const RESOLUTIONS: Readonly<Record<DateMention['resolvedAgainst'], DateMention['resolvedAgainst']>> = { 'article-date': 'article-date', self: 'self', none: 'none' };

/**
 * Points the strings of freshly received mentions at shared copies, in place. Only for objects the caller alone holds
 * (a structured clone or a JSON.parse result it has just made): the objects are changed, not copied, so that no second
 * set of them is made for the collector to copy.
 */
export function shareMentionStrings(entities: readonly EntityMention[], dates: readonly DateMention[], pool: StringPool): void {
  for (const mention of entities) {
    const e = mention as Writable<EntityMention>;
    e.type = TYPES[e.type] ?? e.type;
    e.canonical = pool.get(e.canonical);
    e.text = e.text === e.canonical ? e.canonical : pool.get(e.text);
  }
  for (const mention of dates) {
    const d = mention as Writable<DateMention>;
    d.text = pool.get(d.text);
    d.resolvedAgainst = RESOLUTIONS[d.resolvedAgainst] ?? d.resolvedAgainst;
    d.reference = pool.getOrNull(d.reference);
    if (typeof d.value === 'string') d.value = pool.get(d.value);
  }
}

/** shareMentionStrings for a whole analysis, its alias forms and its article date too; returns the same object. */
export function shareAnalysisStrings<A extends Analysis>(analysis: A, pool: StringPool): A {
  shareMentionStrings(analysis.entities, analysis.dates, pool);
  const a = analysis as Writable<Analysis>;
  a.articleDate = pool.getOrNull(a.articleDate);
  if (a.articleDateSource !== undefined) a.articleDateSource = pool.get(a.articleDateSource) as Analysis['articleDateSource'];
  for (const forms of Object.values(a.aliases)) {
    const list = forms as string[];
    for (let i = 0; i < list.length; i++) list[i] = pool.get(list[i]!);
  }
  return analysis;
}

/** The same for quotations just received: speakers, their kinds and cues. */
export function shareQuotationStrings(quotes: readonly Quotation[], pool: StringPool): void {
  for (const quote of quotes) {
    const q = quote as Writable<Quotation>;
    q.speaker = pool.getOrNull(q.speaker);
    q.speakerType = q.speakerType === null ? null : (pool.get(q.speakerType) as Quotation['speakerType']);
    q.cue = pool.getOrNull(q.cue);
  }
}

/** The same for an analysis packed elsewhere (the worker) and just received: its table of names and its article date. */
export function sharePackedStrings(packed: PackedAnalysis, pool: StringPool): void {
  const names = packed.names as string[];
  for (let i = 0; i < names.length; i++) names[i] = pool.get(names[i]!);
  const p = packed as Writable<PackedAnalysis>;
  p.articleDate = pool.getOrNull(p.articleDate);
  if (p.articleDateSource !== undefined) p.articleDateSource = pool.get(p.articleDateSource) as PackedAnalysis['articleDateSource'];
}
