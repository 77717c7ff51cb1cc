// Import files as other tools and editors write them: a UTF-8 BOM, Windows line endings, blank and bad lines.
import * as assert from 'node:assert/strict';
import { importBrat } from '../../../src/core/formats/brat';
import { importCsv } from '../../../src/core/formats/csv';
import { importJsonl } from '../../../src/core/formats/jsonl';
import { importW3C } from '../../../src/core/formats/w3c';

const TEXT = 'Ships left Oslo for Bergen at dawn.';
const ARTICLES = [{ article: 'a.txt', date: null, text: TEXT }];
const BOM = '\uFEFF';

describe('importers on files saved with a BOM and Windows line endings', () => {
  it('JSONL: a BOM before the first line, CRLF, blank lines and a bad line in the middle (reported by its number)', () => {
    const line = (start: number, end: number, label: string) => JSON.stringify({ text: TEXT, spans: [{ start, end, label }] });
    const content = `${BOM}${line(11, 15, 'place')}\r\n\r\n{"text": oops}\r\n   \r\n${line(20, 26, 'place')}\r\n`;
    const result = importJsonl(content, ARTICLES);
    assert.deepEqual(result.annotations.map((a) => a.exact), ['Oslo', 'Bergen']);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]!, /^line 3: not valid JSON/);
  });

  it('W3C: a BOM before the JSON', () => {
    const annotation = { type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'place' }, target: { source: 'a.txt', selector: { type: 'TextQuoteSelector', exact: 'Oslo' } } };
    const result = importW3C(`${BOM}${JSON.stringify(annotation)}`, ARTICLES);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.annotations.map((a) => [a.start, a.end, a.label]), [[11, 15, 'place']]);
  });

  it('brat: a BOM before T1, CRLF lines, A/R/E lines ignored with a note', () => {
    const ann = `${BOM}T1\tplace 11 15\tOslo\r\nT2\tplace 20 26\tBergen\r\nA1\tNegated T1\r\nR1\tNear Arg1:T1 Arg2:T2\r\nE1\tTravel:T1\r\n`;
    const result = importBrat(ann, TEXT, 'a.txt');
    assert.deepEqual(result.annotations.map((a) => a.exact), ['Oslo', 'Bergen']);
    assert.equal(result.problems.length, 3);
    for (const problem of result.problems) assert.match(problem, /\((A|R|E)\) ignored/);
  });

  it('CSV: a BOM, CRLF, and cells with quotes, commas, line breaks and formula characters', () => {
    const csv = `${BOM}"article","start","end","exact","label","note"\r\n"a.txt","11","15","Oslo","'=place","say ""hi"",\r\nthen\nleave"\r\n`;
    const result = importCsv(csv);
    assert.deepEqual(result.problems, []);
    assert.equal(result.annotations[0]!.label, '=place');
    assert.equal(result.annotations[0]!.note, 'say "hi",\r\nthen\nleave');
  });
});
