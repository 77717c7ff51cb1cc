// Scores one set of labelled spans against another, as annotation teams count them: a span matches only when its
// article, start, end and label are all the same (strict). Used by "Show Entity Quality" (the automatic entities
// against the user's own annotations) and by `article-annotator agree` (one annotation file against another).
import type { EntityType } from '../nlp/analysisModel';
import { compareStrings } from '../formats/formatModel';

export interface LabelledSpan {
  /** Article key; spans of different articles never match. */
  readonly article: string;
  /** UTF-16 offsets, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface LabelScore {
  readonly label: string;
  /** Spans in the reference set (the user's annotations, or file A). */
  readonly reference: number;
  /** Spans in the compared set (the automatic entities, or file B). */
  readonly compared: number;
  readonly matched: number;
  /** matched / compared; null when there is nothing compared. */
  readonly precision: number | null;
  /** matched / reference; null when there is no reference span. */
  readonly recall: number | null;
  /** 2 · matched / (reference + compared): symmetric, so it is the pairwise agreement of two annotators; null when both are empty. */
  readonly f1: number | null;
}

export interface SpanScores {
  /** One row per label seen in either set, in code-unit order of the label (or the order given). */
  readonly labels: readonly LabelScore[];
  /** Every label together (a span matches only with its own label). */
  readonly all: LabelScore;
}

const key = (s: LabelledSpan): string => `${s.article}\u0000${s.start}\u0000${s.end}\u0000${s.label}`;

function row(label: string, reference: number, compared: number, matched: number): LabelScore {
  return {
    label,
    reference,
    compared,
    matched,
    precision: compared === 0 ? null : matched / compared,
    recall: reference === 0 ? null : matched / reference,
    f1: reference + compared === 0 ? null : (2 * matched) / (reference + compared),
  };
}

/**
 * Precision, recall and F1 per label of `compared` against `reference`. A span repeated within one set counts once.
 * `labels` fixes the rows (in that order, zeros included); without it, every label seen in either set.
 */
export function scoreSpans(reference: readonly LabelledSpan[], compared: readonly LabelledSpan[], labels?: readonly string[]): SpanScores {
  const refKeys = new Map<string, LabelledSpan>();
  for (const s of reference) refKeys.set(key(s), s);
  const cmpKeys = new Map<string, LabelledSpan>();
  for (const s of compared) cmpKeys.set(key(s), s);
  const counts = new Map<string, { reference: number; compared: number; matched: number }>();
  const countOf = (label: string) => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = { reference: 0, compared: 0, matched: 0 }));
    return c;
  };
  for (const label of labels ?? []) countOf(label);
  for (const [k, s] of refKeys) {
    const c = countOf(s.label);
    c.reference++;
    if (cmpKeys.has(k)) c.matched++;
  }
  for (const s of cmpKeys.values()) countOf(s.label).compared++;
  const order = labels ? [...labels, ...[...counts.keys()].filter((l) => !labels.includes(l)).sort(compareStrings)] : [...counts.keys()].sort(compareStrings);
  const rows = order.map((label) => {
    const c = counts.get(label)!;
    return row(label, c.reference, c.compared, c.matched);
  });
  const total = rows.reduce((t, r) => ({ reference: t.reference + r.reference, compared: t.compared + r.compared, matched: t.matched + r.matched }), { reference: 0, compared: 0, matched: 0 });
  return { labels: rows, all: row('all', total.reference, total.compared, total.matched) };
}

/** The spans of `a` that `b` does not have (same article, start, end and label), in article and text order. */
export function spansMissing(a: readonly LabelledSpan[], b: readonly LabelledSpan[]): LabelledSpan[] {
  const inB = new Set(b.map(key));
  const seen = new Set<string>();
  return a
    .filter((s) => {
      const k = key(s);
      if (inB.has(k) || seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((x, y) => compareStrings(x.article, y.article) || x.start - y.start || x.end - y.end || compareStrings(x.label, y.label));
}

/**
 * The entity type an annotation label stands for: the extension's own labels (person, place, organization) and the
 * usual tags of other tools (PER, LOC, GPE, ORG, …), in any case; undefined for any other label.
 */
export function entityTypeOfLabel(label: string): EntityType | undefined {
  const l = label.trim().toLowerCase();
  if (/^(?:person|persons|people|per|pers)$/.test(l)) return 'person';
  if (/^(?:place|places|location|locations|loc|gpe)$/.test(l)) return 'place';
  if (/^(?:organization|organisation|organizations|organisations|org)$/.test(l)) return 'organization';
  return undefined;
}

/** A share as a percentage with one decimal ("85.7%"), or "–" when there is nothing to measure. */
export function formatShare(value: number | null): string {
  return value === null ? '–' : `${(100 * value).toFixed(1)}%`;
}
