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

describe('W3C import of foreign but valid Web Annotations', () => {
  const tag = { type: 'TextualBody', purpose: 'tagging', value: 'place' };
  const item = (target: unknown, body: unknown = tag) => JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body, target });
  const bergen = TEXT.indexOf('Bergen');

  it('reads a TextQuoteSelector that refines a selector it does not know, and says so', () => {
    const result = importW3C(item({ source: 'a.txt', selector: { type: 'FragmentSelector', value: 'para-1', refinedBy: { type: 'TextQuoteSelector', exact: 'Bergen' } } }), ARTICLES);
    assert.deepEqual(result.annotations.map((a) => [a.start, a.end, a.exact]), [[bergen, bergen + 6, 'Bergen']]);
    assert.deepEqual(result.problems, ['item 1: FragmentSelector is not supported; only the selector refining it is read']);
  });

  it('counts a refining TextPositionSelector from the start of the position it refines, and ignores one inside an unknown kind', () => {
    const refined = importW3C(item({ source: 'a.txt', selector: { type: 'TextPositionSelector', start: 11, end: 30, refinedBy: { type: 'TextPositionSelector', start: 9, end: 15 } } }), ARTICLES);
    assert.deepEqual(refined.problems, []);
    assert.deepEqual(refined.annotations.map((a) => [a.start, a.end, a.exact]), [[bergen, bergen + 6, 'Bergen']]);
    const lost = importW3C(item({ source: 'a.txt', selector: { type: 'CssSelector', value: '#p1', refinedBy: { type: 'TextPositionSelector', start: 0, end: 5 } } }), ARTICLES);
    assert.deepEqual(lost.annotations, []);
    assert.ok(lost.problems.some((p) => /TextPositionSelector inside a CssSelector cannot be located/.test(p)), lost.problems.join('\n'));
  });

  it('reports clearly what it cannot use: a target that is a bare IRI, a body that is a bare IRI', () => {
    const bare = importW3C(item('a.txt'), ARTICLES);
    assert.deepEqual(bare.annotations, []);
    assert.match(bare.problems[0]!, /target is a bare IRI/);
    const iriBody = importW3C(item({ source: 'a.txt', selector: { type: 'TextPositionSelector', start: 11, end: 15 } }, 'http://example.org/tags/place'), ARTICLES);
    assert.deepEqual(iriBody.annotations.map((a) => [a.exact, a.label]), [['Oslo', 'note']]);
    assert.ok(iriBody.problems.some((p) => /body given only as an IRI/.test(p)));
  });

  it('reads a TextPositionSelector without a quote from the text, and refuses it clearly without the text', () => {
    const target = { source: 'a.txt', selector: { type: 'TextPositionSelector', start: 11, end: 15 } };
    assert.deepEqual(importW3C(item(target), ARTICLES).annotations.map((a) => a.exact), ['Oslo']);
    const without = importW3C(item(target), []);
    assert.deepEqual(without.annotations, []);
    assert.match(without.problems[0]!, /no TextQuoteSelector, and the text of a.txt is not available/);
  });
});
