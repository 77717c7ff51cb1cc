import * as assert from 'node:assert/strict';
import { exportMarkdownReport } from '../../../src/core/formats/markdownReport';
import { exportQuotationsCsv, quotationsToW3C, withQuotationsMarkdown, withQuotationsW3C, type ArticleQuotations } from '../../../src/core/formats/quotationsExport';
import { parseCsv } from '../../../src/core/formats/csv';
import { exportW3C } from '../../../src/core/formats/w3c';
import type { Quotation } from '../../../src/core/quotes/quotations';

const text = 'Harbour news\n\n"We will rebuild the pier," Ada Lind said. "=SUM(A1)|x," a source said.';
function quote(exact: string, speaker: string | null, cue: string | null): Quotation {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length, text: exact, speaker, speakerType: speaker ? 'person' : null, cue, cueSpan: null };
}
const articles: ArticleQuotations[] = [
  { article: 'news/pier.txt', date: '2019-05-03', text, quotations: [quote('=SUM(A1)|x,', null, 'said'), quote('We will rebuild the pier,', 'Ada Lind', 'said')] },
];

describe('quotations export', () => {
  it('W3C: one item per quotation, a TextQuoteSelector on the quoted words and a body naming the speaker', () => {
    const [first, second] = quotationsToW3C(articles);
    assert.ok(first && second);
    assert.equal(first.target.source, 'news/pier.txt');
    assert.equal(first.target.date, '2019-05-03');
    const [position, quoteSelector] = first.target.selector;
    assert.equal(text.slice(position.start, position.end), 'We will rebuild the pier,');
    assert.deepEqual(quoteSelector, { type: 'TextQuoteSelector', exact: 'We will rebuild the pier,', prefix: 'Harbour news\n\n"', suffix: '" Ada Lind said. "=SUM(A1)|x," a' });
    assert.equal(first.body[1].value, 'Ada Lind (person), said');
    assert.equal(second.body[1].value, 'unnamed source, said');
  });

  it('W3C: the quotations follow the annotations of an exported collection, total updated', () => {
    const merged = JSON.parse(withQuotationsW3C(exportW3C([], []), articles)) as { total: number; first: { items: { motivation: string }[] } };
    assert.equal(merged.total, 2);
    assert.deepEqual(merged.first.items.map((i) => i.motivation), ['describing', 'describing']);
  });

  it('CSV: a who-said-what table, formula cells guarded, in text order', () => {
    const rows = parseCsv(exportQuotationsCsv(articles));
    assert.deepEqual(rows[0], ['article', 'date', 'start', 'end', 'speaker', 'speaker type', 'cue', 'quote']);
    assert.deepEqual(rows.slice(1).map((r) => [r[4], r[5], r[6], r[7]]), [
      ['Ada Lind', 'person', 'said', 'We will rebuild the pier,'],
      ['', '', 'said', "'=SUM(A1)|x,"],
    ]);
  });

  it('Markdown: a who-said-what table after the report, cells escaped', () => {
    const md = withQuotationsMarkdown(exportMarkdownReport([], []), articles);
    assert.match(md, /## Who said what\n\n2 quotations\.\n\n\| speaker \| quote \| article \| cue \|/u);
    assert.match(md, /\| Ada Lind \(person\) \| “We will rebuild the pier,” \| news\/pier\.txt \d+–\d+ \| said \|/u);
    assert.match(md, /\| \*unnamed source\* \| “\\=SUM\(A1\)\\\|x,” \|/u);
  });
});
