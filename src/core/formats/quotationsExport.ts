// Who said what, exported with the annotations: W3C Web Annotation items (a TextQuoteSelector target, a body naming
// the speaker), CSV rows with speaker columns, and a Markdown who-said-what table. Pure functions on the quotations
// of each article (src/core/quotes) and its text.
import { quoteAt } from '../annotations/annotationFactory';
import type { Quotation } from '../quotes/quotations';
import { codePointOffsets, type CodePointOffsets } from './codePointOffsets';
import { compareStrings } from './formatModel';
import { escapeMarkdown } from '../markdown/escapeMarkdown';
import { guardCell } from './csv';
import { W3C_CONTEXT, type W3CTextPositionSelector, type W3CTextQuoteSelector } from './w3c';

/** The quotations of one article, with the text their offsets point into. */
export interface ArticleQuotations {
  readonly article: string;
  readonly date: string | null;
  readonly text: string;
  readonly quotations: readonly Quotation[];
  /** The article file's full URI, when known: W3C targets name it. */
  readonly uri?: string;
}

export interface W3CQuotationAnnotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'describing';
  readonly body: readonly [
    { readonly type: 'TextualBody'; readonly purpose: 'tagging'; readonly value: 'quotation' },
    { readonly type: 'TextualBody'; readonly purpose: 'describing'; readonly value: string; readonly format: 'text/plain' },
  ];
  readonly target: {
    readonly type: 'SpecificResource';
    readonly source: string;
    readonly date?: string;
    readonly selector: readonly [W3CTextPositionSelector, W3CTextQuoteSelector];
  };
}

/** How a quotation's speaker reads in a body or a cell: "Ned Price (person), said" or "unnamed source, told CNN". */
export function speakerLine(q: Quotation): string {
  const who = q.speaker === null ? 'unnamed source' : `${q.speaker}${q.speakerType ? ` (${q.speakerType})` : ''}`;
  return q.cue ? `${who}, ${q.cue}` : who;
}

function sorted(articles: readonly ArticleQuotations[]): { article: ArticleQuotations; quotation: Quotation }[] {
  return [...articles]
    .sort((a, b) => compareStrings(a.article, b.article))
    .flatMap((article) => [...article.quotations].sort((a, b) => a.start - b.start).map((quotation) => ({ article, quotation })));
}

/** One W3C annotation per quotation: tagged "quotation", described by its speaker, targeting the quoted words. */
export function quotationsToW3C(articles: readonly ArticleQuotations[]): W3CQuotationAnnotation[] {
  const offsets = new Map<ArticleQuotations, CodePointOffsets>();
  return sorted(articles).map(({ article, quotation: q }) => {
    const quote = quoteAt(article.text, q.start, q.end);
    let counts = offsets.get(article);
    if (!counts) offsets.set(article, (counts = codePointOffsets(article.text)));
    return {
      id: `urn:article-annotator:quotation:${encodeURIComponent(article.article)}:${q.start}-${q.end}`,
      type: 'Annotation',
      motivation: 'describing',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'quotation' },
        { type: 'TextualBody', purpose: 'describing', value: speakerLine(q), format: 'text/plain' },
      ],
      target: {
        type: 'SpecificResource',
        source: article.uri ?? article.article,
        ...(article.date ? { date: article.date } : {}),
        selector: [
          { type: 'TextPositionSelector', start: counts.toCodePoint(q.start), end: counts.toCodePoint(q.end) },
          { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        ],
      },
    };
  });
}

/**
 * A W3C collection (as exportW3C writes) with the quotation items after the annotation items, `total` updated.
 * `collection` is the parsed output of exportW3C.
 */
export function withQuotationsW3C(collectionJson: string, articles: readonly ArticleQuotations[]): string {
  const collection = JSON.parse(collectionJson) as { '@context': unknown; total: number; first: { items: unknown[] } };
  const items = [...collection.first.items, ...quotationsToW3C(articles)];
  const merged = { ...collection, '@context': W3C_CONTEXT, total: items.length, first: { ...collection.first, items } };
  return `${JSON.stringify(merged, null, 2)}\n`;
}

export const QUOTATION_CSV_COLUMNS = ['article', 'date', 'start', 'end', 'speaker', 'speaker type', 'cue', 'quote'] as const;

function field(value: string): string {
  return `"${guardCell(value).replace(/"/g, '""')}"`;
}

/** The who-said-what table as RFC 4180 CSV (every text cell quoted and guarded against formulas, CRLF rows). */
export function exportQuotationsCsv(articles: readonly ArticleQuotations[]): string {
  const rows = [QUOTATION_CSV_COLUMNS.map((c) => `"${c}"`).join(',')];
  for (const { article, quotation: q } of sorted(articles)) {
    rows.push(
      [field(article.article), field(article.date ?? ''), String(q.start), String(q.end), field(q.speaker ?? ''), field(q.speakerType ?? ''), field(q.cue ?? ''), field(q.text)].join(','),
    );
  }
  return rows.map((row) => `${row}\r\n`).join('');
}

/** The who-said-what section of a Markdown report: speaker, quote, article and cue, one row per quotation. */
export function quotationsMarkdownSection(articles: readonly ArticleQuotations[]): string {
  const all = sorted(articles);
  const cell = (text: string): string => escapeMarkdown(text.replace(/\s+/gu, ' ').trim());
  const lines = ['## Who said what', ''];
  if (all.length === 0) return `${[...lines, 'No quotations found.'].join('\n')}\n`;
  lines.push(`${all.length} quotation${all.length === 1 ? '' : 's'}.`, '', '| speaker | quote | article | cue |', '| --- | --- | --- | --- |');
  for (const { article, quotation: q } of all) {
    const who = q.speaker === null ? '*unnamed source*' : `${cell(q.speaker)}${q.speakerType ? ` (${q.speakerType})` : ''}`;
    lines.push(`| ${who} | “${cell(q.text)}” | ${cell(article.article)} ${q.start}–${q.end} | ${q.cue ? cell(q.cue) : '—'} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** A Markdown report (as exportMarkdownReport writes) with the who-said-what section at its end. */
export function withQuotationsMarkdown(report: string, articles: readonly ArticleQuotations[]): string {
  return `${report.replace(/\n+$/u, '')}\n\n${quotationsMarkdownSection(articles)}`;
}
