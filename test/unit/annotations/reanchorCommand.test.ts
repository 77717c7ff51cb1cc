import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../../src/core/annotations/annotationFactory';
import { exportW3C } from '../../../src/core/formats/w3c';
import type { ArticleTextReader } from '../../../src/cli/articleFiles';
import { reanchorW3CDocument } from '../../../src/cli/reanchor';

const ARTICLE = 'notes/harbour.txt';
const TEXT = 'The harbour master of Port Vell said on Monday that the ferry company would resume crossings to Menorca.';

interface Item {
  status: string;
  target: { selector: [{ start: number; end: number }, { exact: string }] };
}

function collection(): unknown {
  const at = (word: string, label: string) => {
    const start = TEXT.indexOf(word);
    return createAnnotation({ article: ARTICLE, text: TEXT, start, end: start + word.length, label });
  };
  return JSON.parse(exportW3C([at('harbour master', 'person'), at('Port Vell', 'place'), at('Monday', 'date'), at('ferry company', 'organization')], [{ article: ARTICLE, date: null }]));
}

const reader = (text: string): ArticleTextReader => (source) => (source === ARTICLE ? { text } : { problem: 'no such file' });

function items(value: unknown): Item[] {
  return (value as { first: { items: Item[] } }).first.items;
}

describe('reanchor command (W3C collection)', () => {
  it('marks untouched items anchored, shifted or fuzzily found ones moved, lost ones orphaned; positions select the text', () => {
    const edited = `Update: ${TEXT.replace('Monday', 'Tuesday').replace('ferry company', 'ferry compagny')}`;
    const result = reanchorW3CDocument(collection(), reader(edited));
    const byQuote = new Map(items(result.value).map((item) => [item.target.selector[1].exact, item]));
    assert.equal(byQuote.get('Port Vell')?.status, 'moved');
    assert.equal(byQuote.get('ferry compagny')?.status, 'moved');
    assert.equal(byQuote.get('Monday')?.status, 'orphaned');
    for (const item of items(result.value)) {
      if (item.status === 'orphaned') continue;
      const [position, quote] = item.target.selector;
      assert.equal(edited.slice(position.start, position.end), quote.exact);
    }
    assert.deepEqual(result.counts, { anchored: 0, moved: 3, orphaned: 1 });
    assert.equal(result.problems.length, 1);
  });

  it('keeps every item, anchored in place when nothing changed, orphaned when the file cannot be read', () => {
    assert.deepEqual(reanchorW3CDocument(collection(), reader(TEXT)).counts, { anchored: 4, moved: 0, orphaned: 0 });
    const missing = reanchorW3CDocument(collection(), () => ({ problem: 'ENOENT' }));
    assert.deepEqual(missing.counts, { anchored: 0, moved: 0, orphaned: 4 });
    assert.equal(items(missing.value).length, 4);
    assert.ok(items(missing.value).every((item) => item.status === 'orphaned'));
  });

  it('does not modify its input and rejects documents without annotations', () => {
    const input = collection();
    const copy = JSON.stringify(input);
    reanchorW3CDocument(input, reader(`x${TEXT}`));
    assert.equal(JSON.stringify(input), copy);
    assert.throws(() => reanchorW3CDocument({ hello: 'world' }, reader(TEXT)), /no annotations found/);
  });
});
