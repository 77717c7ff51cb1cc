// "Show Entity Quality": how well the automatic entities agree with the user's own annotations of the same kinds
// (labels person, place, organization, or the usual PER/LOC/ORG tags), per article and for the collection. Only
// articles where the user annotated at least one such entity are measured: elsewhere nothing says what is right.
import type { Annotation } from '../annotations/annotationModel';
import { escapeMarkdown } from '../markdown/escapeMarkdown';
import { isPlaced, shorten } from '../formats/formatModel';
import { ENTITY_TYPES, type EntityMention, type EntityType } from '../nlp/analysisModel';
import { entityTypeOfLabel, formatShare, scoreSpans, spansMissing, type LabelledSpan, type SpanScores } from './spanScores';

export interface QualityArticleInput {
  readonly article: string;
  /** The text the annotations' and entities' offsets point into (the source text); undefined when not available. */
  readonly text: string | undefined;
  readonly annotations: readonly Annotation[];
  /** The automatic entities of the article; undefined when it has not been analysed (yet). */
  readonly entities: readonly EntityMention[] | undefined;
}

export interface QualitySpan extends LabelledSpan {
  readonly text: string;
}

export interface ArticleQuality {
  readonly article: string;
  readonly scores: SpanScores;
  /** The user's entities the automatic ones do not have (exactly). */
  readonly missed: readonly QualitySpan[];
  /** Automatic entities the user did not annotate so. */
  readonly extra: readonly QualitySpan[];
}

export interface EntityQualityReport {
  readonly articles: readonly ArticleQuality[];
  /** Every measured article together. */
  readonly collection: SpanScores;
  /** Articles with entity annotations but no analysis or text yet: not measured. */
  readonly notAnalysed: readonly string[];
  /** Entity annotations left out because they are orphaned or no longer select their text. */
  readonly unplaced: number;
}

const TYPES: readonly string[] = ENTITY_TYPES;

/** Scores the automatic entities against the user's entity annotations, per article and for all of them. */
export function entityQuality(inputs: readonly QualityArticleInput[]): EntityQualityReport {
  const articles: ArticleQuality[] = [];
  const notAnalysed: string[] = [];
  const allRef: LabelledSpan[] = [];
  const allCmp: LabelledSpan[] = [];
  let unplaced = 0;
  for (const input of [...inputs].sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0))) {
    const typed = input.annotations.map((a) => ({ a, type: entityTypeOfLabel(a.label) })).filter((x): x is { a: Annotation; type: EntityType } => x.type !== undefined);
    if (typed.length === 0) continue;
    const { text, entities } = input;
    if (text === undefined || entities === undefined) {
      notAnalysed.push(input.article);
      continue;
    }
    const placed = typed.filter((x) => isPlaced(x.a, text));
    unplaced += typed.length - placed.length;
    if (placed.length === 0) continue;
    const ref: QualitySpan[] = placed.map(({ a, type }) => ({ article: input.article, start: a.position.start, end: a.position.end, label: type, text: a.quote.exact }));
    const cmp: QualitySpan[] = entities.map((e) => ({ article: input.article, start: e.start, end: e.end, label: e.type, text: text.slice(e.start, e.end) }));
    articles.push({
      article: input.article,
      scores: scoreSpans(ref, cmp, TYPES),
      missed: spansMissing(ref, cmp) as QualitySpan[],
      extra: spansMissing(cmp, ref) as QualitySpan[],
    });
    // loops, not a push spreading the list: an article can hold more entities than a call takes arguments
    for (const span of ref) allRef.push(span);
    for (const span of cmp) allCmp.push(span);
  }
  return { articles, collection: scoreSpans(allRef, allCmp, TYPES), notAnalysed, unplaced };
}

const TABLE_HEAD = '| Type | Yours | Automatic | Matched | Precision | Recall | F1 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |';

function table(scores: SpanScores): string {
  const line = (r: SpanScores['all'], name: string) =>
    `| ${name} | ${r.reference} | ${r.compared} | ${r.matched} | ${formatShare(r.precision)} | ${formatShare(r.recall)} | ${formatShare(r.f1)} |`;
  return [TABLE_HEAD, ...scores.labels.map((r) => line(r, r.label)), line(scores.all, '**all**')].join('\n');
}

/** At most this many missed and extra entities are listed per article. */
const LISTED = 12;

function spanList(title: string, spans: readonly QualitySpan[]): string[] {
  if (spans.length === 0) return [];
  const items = spans.slice(0, LISTED).map((s) => `- “${escapeMarkdown(shorten(s.text, 60))}” (${s.label}, ${s.start}–${s.end})`);
  if (spans.length > LISTED) items.push(`- and ${spans.length - LISTED} more`);
  return [`${title}:`, '', ...items, ''];
}

/** The report as Markdown: the collection's table, then each article's table with what was missed and what is extra. */
export function entityQualityMarkdown(report: EntityQualityReport): string {
  const out: string[] = ['# Entity quality', ''];
  out.push(
    'The automatic entities compared with your own annotations labelled person, place or organization, in the articles where you made such annotations. A match is the same span with the same type.',
    '',
  );
  if (report.articles.length === 0) {
    out.push('No article has annotations labelled person, place or organization yet: annotate the entities of an article (or accept the right automatic ones) and run this again.', '');
  } else {
    const n = report.articles.length;
    out.push(`## Collection (${n} article${n === 1 ? '' : 's'})`, '', table(report.collection), '');
  }
  if (report.notAnalysed.length > 0) {
    out.push(`Not measured (not analysed yet): ${report.notAnalysed.map((a) => escapeMarkdown(a)).join(', ')}.`, '');
  }
  if (report.unplaced > 0) {
    out.push(`${report.unplaced} annotation${report.unplaced === 1 ? '' : 's'} left out: orphaned, or no longer on their text.`, '');
  }
  for (const a of report.articles) {
    out.push(`## ${escapeMarkdown(a.article)}`, '', table(a.scores), '');
    for (const line of spanList('Missed (yours, not found automatically with that span and type)', a.missed)) out.push(line);
    for (const line of spanList('Extra (automatic, not annotated so by you)', a.extra)) out.push(line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
