// Input far larger or deeper than any real file must cost only its own items, with a message, never a stack overflow.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../src/core/article/parseArticle';
import { importJsonl } from '../../../src/core/formats/jsonl';
import { nestedDeeperThan } from '../../../src/core/formats/jsonDepth';
import { importW3C, importW3CValue } from '../../../src/core/formats/w3c';

const TEXT = 'Ships left Oslo for Bergen at dawn.';
const ARTICLES = [{ article: 'a.txt', date: null, text: TEXT }];

function item(start: number, end: number, exact: string): object {
  return {
    type: 'Annotation',
    body: { type: 'TextualBody', purpose: 'tagging', value: 'place' },
    target: { source: 'a.txt', selector: [{ type: 'TextPositionSelector', start, end }, { type: 'TextQuoteSelector', exact }] },
  };
}

/** A TextQuoteSelector under `depth` levels of refinedBy. */
function refinedChain(depth: number): object {
  let selector: object = { type: 'TextQuoteSelector', exact: 'Bergen' };
  for (let i = 0; i < depth; i++) selector = { type: 'FragmentSelector', value: `p${i}`, refinedBy: selector };
  return { type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'place' }, target: { source: 'a.txt', selector } };
}

describe('huge and deeply nested input', function () {
  this.timeout(60_000);

  it('parses an article of 250,000 non-blank lines', () => {
    const lines: string[] = [];
    for (let i = 0; i < 250_000; i++) lines.push(`Line ${i} reports ${(i * 7919) % 100_003} ships.`);
    const article = parseArticle(lines.join('\n'));
    assert.ok(article.paragraphs.length >= 200_000, String(article.paragraphs.length));
  });

  it('imports a W3C collection of 200,000 items', function () {
    this.timeout(300_000);
    const items: object[] = [];
    for (let i = 0; i < 200_000; i++) items.push(item(11, 15, 'Oslo'));
    const result = importW3CValue({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } });
    assert.equal(result.annotations.length, 200_000);
  });

  it('skips an item with a 100,000-deep refinedBy chain with one message, and imports the others', () => {
    const result = importW3CValue([refinedChain(100_000), item(11, 15, 'Oslo'), refinedChain(3)], ARTICLES);
    assert.deepEqual(result.annotations.map((a) => a.exact), ['Oslo', 'Bergen']);
    assert.equal(result.problems.filter((p) => p.startsWith('item 1:')).length, 1);
    assert.match(result.problems[0]!, /^item 1: nested more than \d+ levels deep; skipped$/);
  });

  it('skips an item holding a deeply nested value, read from JSON text', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const json = `[{"type":"Annotation","body":${deep},"target":{"source":"a.txt","selector":{"type":"TextQuoteSelector","exact":"Oslo"}}},${JSON.stringify(item(20, 26, 'Bergen'))}]`;
    const result = importW3C(json, ARTICLES);
    assert.deepEqual(result.annotations.map((a) => a.exact), ['Bergen']);
    assert.match(result.problems[0]!, /^item 1: nested more than/);
  });

  it('does not open collections nested in each other without end', () => {
    let value: unknown = [item(11, 15, 'Oslo')];
    for (let i = 0; i < 50_000; i++) value = { type: 'AnnotationCollection', '@graph': [value] };
    const result = importW3CValue(value, ARTICLES);
    assert.equal(result.annotations.length, 0);
    assert.match(result.problems.join('\n'), /collections nested more than \d+ deep are not opened/);
  });

  it('JSONL: a deeply nested line is skipped by its number, the others imported', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const content = `{"text": ${JSON.stringify(TEXT)}, "spans": [${deep}]}\n${JSON.stringify({ text: TEXT, spans: [{ start: 11, end: 15, label: 'place' }] })}\n`;
    const result = importJsonl(content, ARTICLES);
    assert.deepEqual(result.annotations.map((a) => a.exact), ['Oslo']);
    assert.match(result.problems[0]!, /^line 1: nested more than \d+ levels deep; skipped$/);
  });

  it('nestedDeeperThan counts levels of arrays and objects', () => {
    assert.equal(nestedDeeperThan('x', 0), false);
    assert.equal(nestedDeeperThan([], 0), true);
    assert.equal(nestedDeeperThan([[1]], 2), false);
    assert.equal(nestedDeeperThan([{ a: [1] }], 2), true);
  });
});
