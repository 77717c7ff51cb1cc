import * as assert from 'node:assert/strict';
import { exportBrat } from '../../../src/core/formats/brat';
import { exportConll } from '../../../src/core/formats/conll';
import { exportCsv } from '../../../src/core/formats/csv';
import {
  EXPORT_FORMAT_IDS,
  EXPORT_FORMATS,
  exportAs,
  exportFileName,
  importAs,
  importFormatOfName,
  IMPORT_FORMAT_IDS,
  quotationsCsvPath,
} from '../../../src/core/formats/formatRegistry';
import { exportJsonl } from '../../../src/core/formats/jsonl';
import { exportMarkdownReport } from '../../../src/core/formats/markdownReport';
import { exportW3C } from '../../../src/core/formats/w3c';
import { placeImported } from '../../../src/core/formats/placeImported';
import type { ImportedAnnotation } from '../../../src/core/formats/formatModel';
import { sample, SYNTHETIC } from './fixtures/sampleAnnotations';

describe('format registry', () => {
  it('lists every format once, with a label, an extension (folders none) and whether it reads back', () => {
    assert.deepEqual(EXPORT_FORMAT_IDS, ['w3c', 'brat', 'conll', 'spacy', 'doccano', 'csv', 'md']);
    assert.deepEqual(IMPORT_FORMAT_IDS, ['w3c', 'brat', 'spacy', 'doccano']);
    for (const format of EXPORT_FORMATS) {
      assert.ok(format.label.length > 0 && format.detail.length > 0, format.id);
      assert.equal(format.extension === '', format.folder, format.id);
    }
    assert.deepEqual(
      EXPORT_FORMATS.filter((f) => f.needsText).map((f) => f.id),
      ['brat', 'conll', 'spacy', 'doccano'],
    );
    assert.deepEqual(
      EXPORT_FORMATS.filter((f) => f.carriesQuotations).map((f) => f.id),
      ['w3c', 'csv', 'md'],
    );
  });

  it('writes what each format module writes, for the same input', () => {
    const { annotations, articles, placed } = sample();
    assert.equal(exportAs('w3c', { annotations, articles }).content, exportW3C(annotations, articles));
    assert.equal(exportAs('csv', { annotations, articles }).content, exportCsv(annotations, articles));
    assert.equal(exportAs('md', { annotations, articles, title: 'Mine' }).content, exportMarkdownReport(annotations, articles, { title: 'Mine' }));
    assert.equal(exportAs('spacy', { annotations, articles }).content, exportJsonl(annotations, articles, 'spacy'));
    assert.equal(exportAs('doccano', { annotations, articles }).content, exportJsonl(annotations, articles, 'doccano'));
    assert.equal(exportAs('conll', { annotations, articles, conllComments: false }).content, exportConll(annotations, articles, { comments: false }).content);
    assert.deepEqual(exportAs('brat', { annotations, articles }).files, exportBrat(annotations, articles));
    assert.equal(exportAs('brat', { annotations, articles }).content, '');
    assert.ok(placed.length < annotations.length);
  });

  it('names every annotation a text-offset format leaves out or changes, and none for W3C', () => {
    const { annotations, articles } = sample();
    const conll = exportAs('conll', { annotations, articles });
    assert.ok(conll.problems.some((p) => p.includes('orphaned')), conll.problems.join('\n'));
    assert.ok(conll.problems.some((p) => /overlapping annotations? left out/.test(p)), conll.problems.join('\n'));
    const brat = exportAs('brat', { annotations, articles });
    assert.ok(brat.problems.some((p) => p.includes('line break')), brat.problems.join('\n'));
    assert.deepEqual(exportAs('w3c', { annotations, articles }).problems, []);
  });

  it('leaves out the annotations of an article without text from a text-offset format, by name', () => {
    const { annotations, articles } = sample();
    const textless = articles.map((a) => (a.article === SYNTHETIC ? { article: a.article, date: a.date } : a));
    const out = exportAs('spacy', { annotations, articles: textless });
    assert.ok(!out.content.includes('São Paulo'));
    assert.ok(out.problems.some((p) => p.startsWith(SYNTHETIC) && p.includes('text is not available')), out.problems.join('\n'));
    // a format that does not need the text keeps them
    assert.ok(exportAs('csv', { annotations, articles: textless }).content.includes('São Paulo'));
  });

  it('names every left-out annotation of a huge export without overflowing the stack', () => {
    const { annotations, articles } = sample();
    const orphan = annotations.find((a) => a.status === 'orphaned');
    assert.ok(orphan);
    const many = Array.from({ length: 200_000 }, (_, i) => ({ ...orphan, id: `orphan-${i}` }));
    const out = exportAs('conll', { annotations: many, articles });
    assert.equal(out.problems.filter((p) => p.includes('orphaned')).length, 200_000);
  });

  it('adds quotations only to the formats that carry them', () => {
    const { annotations, articles } = sample();
    const quotations = [{ article: SYNTHETIC, date: null, text: 'x', quotations: [] }];
    assert.equal(exportAs('csv', { annotations, articles, quotations }).quotationsCsv?.split('\r\n')[0], '"article","date","start","end","speaker","speaker type","cue","quote"');
    assert.equal(exportAs('csv', { annotations, articles }).quotationsCsv, undefined);
    assert.equal(exportAs('conll', { annotations, articles, quotations }).quotationsCsv, undefined);
  });

  it('rejects an unknown export format and reports an unknown import format as a problem', () => {
    assert.throws(() => exportAs('xml' as never, { annotations: [], articles: [] }), /Unknown export format xml/);
    assert.deepEqual(importAs('conll', '', { articles: [] }).problems, ["unknown import format 'conll' (expected w3c, brat, spacy, doccano)"]);
    assert.deepEqual(importAs('constructor', '', { articles: [] }).annotations, []);
  });

  it('reads back what it writes, for every format that imports', () => {
    const { annotations, articles, placed } = sample();
    const fromW3C = importAs('w3c', exportAs('w3c', { annotations, articles }).content, { articles });
    assert.equal(fromW3C.annotations.length, annotations.length);
    const fromSpacy = importAs('spacy', exportAs('spacy', { annotations, articles }).content, { articles });
    const fromDoccano = importAs('doccano', exportAs('doccano', { annotations, articles }).content, { articles });
    assert.equal(fromSpacy.annotations.length, placed.length);
    assert.equal(fromDoccano.annotations.length, placed.length);
  });

  it('names files and guesses formats from names', () => {
    assert.equal(exportFileName('spacy', 'annotations'), 'annotations.spacy.jsonl');
    assert.equal(exportFileName('w3c', 'a'), 'a.jsonld');
    assert.equal(exportFileName('md', 'report'), 'report.md');
    assert.equal(exportFileName('brat', 'x'), 'x');
    assert.equal(quotationsCsvPath('/out/all.CSV'), '/out/all.quotes.csv');
    assert.equal(quotationsCsvPath('/out/all'), '/out/all.quotes.csv');
    assert.equal(importFormatOfName('dir/a.ANN'), 'brat');
    assert.equal(importFormatOfName('a.jsonl'), 'spacy');
    assert.equal(importFormatOfName('a.jsonld'), 'w3c');
    assert.equal(importFormatOfName('a.json'), 'w3c');
    assert.equal(importFormatOfName('a.txt'), undefined);
    assert.equal(importFormatOfName('noextension'), undefined);
  });
});

describe('placing imported annotations', () => {
  const text = 'The mayor of Oldharbour met Wendeline Prask. Later, Wendeline Prask left.';
  const item = (over: Partial<ImportedAnnotation>): ImportedAnnotation => ({ article: 'a.txt', start: 28, end: 43, exact: 'Wendeline Prask', label: 'person', note: '', ...over });

  it('keeps a position that still selects its quote, with the item\'s own id and stamps', () => {
    const placed = placeImported(item({ id: 'keep-me', created: '2020-01-01T00:00:00.000Z' }), text, 'new-id', '2026-01-01T00:00:00.000Z');
    assert.ok(typeof placed !== 'string');
    assert.equal(placed.id, 'keep-me');
    assert.deepEqual(placed.position, { start: 28, end: 43 });
    assert.equal(placed.created, '2020-01-01T00:00:00.000Z');
    assert.equal(placed.modified, '2020-01-01T00:00:00.000Z');
  });

  it('re-finds a moved quote by its context, nearest the old position', () => {
    const placed = placeImported(item({ start: 50, end: 65, prefix: 'Later, ', suffix: ' left' }), text, 'new-id', '2026-01-01T00:00:00.000Z');
    assert.ok(typeof placed !== 'string');
    assert.deepEqual(placed.position, { start: 52, end: 67 });
    assert.equal(placed.id, 'new-id');
  });

  it('keeps an item whose quote is gone as an orphan, and names one whose article is not at hand', () => {
    const orphan = placeImported(item({ exact: 'Ottilie Marsh' }), text, 'new-id', '2026-01-01T00:00:00.000Z');
    assert.ok(typeof orphan !== 'string');
    assert.equal(orphan.status, 'orphaned');
    assert.equal(orphan.quote.exact, 'Ottilie Marsh');
    const missing = placeImported(item({}), undefined, 'new-id', '2026-01-01T00:00:00.000Z');
    assert.equal(missing, 'a.txt 28-43 “Wendeline Prask” (person): the article is not in this workspace');
  });

  it('names an item that cannot be made (a blank label) instead of throwing', () => {
    const placed = placeImported(item({ label: '  ' }), text, 'new-id', '2026-01-01T00:00:00.000Z');
    assert.equal(typeof placed, 'string');
    assert.match(placed as string, /needs a label/);
  });
});
