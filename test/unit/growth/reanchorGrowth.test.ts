// Issue 12, defect 6: quotes that are gone each searched the whole text, exactly and approximately, with no cap, so
// re-anchoring a collection whose article changed a lot cost (quotes x text). One search budget per text caps it.
import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../../src/core/annotations/annotationFactory';
import type { Annotation } from '../../../src/core/annotations/annotationModel';
import { applyTextEdits, reanchorAll } from '../../../src/core/annotations/anchoring';
import { seededRandom } from '../../../src/core/random/seededRandom';
import { describeGrowth, growth } from './growthProbe';

/** Distinct prose-like text: random words of random letters, so no stretch repeats. */
function words(length: number, seed: number): string {
  const random = seededRandom(seed);
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const word = Array.from({ length: 2 + Math.floor(random() * 8) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ').slice(0, length);
}

interface Case {
  readonly text: string;
  readonly annotations: Annotation[];
}

/** n characters of text whose n/2000 (or `count`) annotations quote 40 characters of another text: none is found again. */
function gone(n: number, count = n / 2000): Case {
  const old = words(n, 7);
  const text = words(n, 11);
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor((i * 1999 + 500) % (n - 50));
    annotations.push(createAnnotation({ article: 'a.txt', text: old, start, end: start + 40, label: 'place', now: new Date(0), id: `a${i}` }));
  }
  return { text, annotations };
}

describe('re-anchoring quotes that are gone', function () {
  this.timeout(600_000);

  it('grows linearly with the text when the number of lost quotes grows with it', () => {
    const g = growth(gone, ({ text, annotations }) => reanchorAll(annotations, text), 100_000);
    assert.ok(g.ratio < g.bound, describeGrowth(g));
  });

  it('still finds a quote that moved far while the budget lasts, and orphans the gone ones keeping their quotes', () => {
    const { text, annotations } = gone(400_000, 20);
    // one quote that did survive, moved from the start to the end of the text
    const kept = createAnnotation({ article: 'a.txt', text, start: text.length - 60, end: text.length - 20, label: 'place', now: new Date(0), id: 'kept' });
    const moved: Annotation = { ...kept, position: { start: 10, end: 50 } };
    const results = reanchorAll([...annotations, moved], text);
    const last = results[results.length - 1]!;
    assert.equal(last.outcome, 'moved');
    assert.deepEqual(last.annotation.position, kept.position);
    for (const r of results.slice(0, -1)) {
      assert.equal(r.outcome, 'orphaned');
      assert.equal(r.annotation.status, 'orphaned');
      assert.equal(r.annotation.quote.exact.length, 40);
    }
  });

  it('once the budget is spent, a quote is looked for near its old place only, and says so', () => {
    const { text, annotations } = gone(100_000, 200);
    const near = createAnnotation({ article: 'a.txt', text, start: 5000, end: 5040, label: 'place', now: new Date(0), id: 'near' });
    const results = reanchorAll([...annotations, { ...near, position: { start: 5100, end: 5140 } }], text);
    assert.ok(results.some((r) => r.searchedNearOnly), 'some gone quotes were searched near their place only');
    assert.ok(results.slice(0, 2).every((r) => !r.searchedNearOnly), 'the first ones had the whole text searched');
    assert.deepEqual(results[results.length - 1]!.annotation.position, near.position, 'a quote near its old place is still found');
  });

  it('a whole-document replace that drops many quotes follows the edit in linear time', () => {
    const g = growth(
      gone,
      ({ text, annotations }) => applyTextEdits(annotations, [{ start: 0, end: text.length, text }], text),
      200_000,
    );
    assert.ok(g.ratio < g.bound, describeGrowth(g));
  });
});
