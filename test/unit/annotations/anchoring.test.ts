// Hand-made edge cases of following edits: boundaries, one-character annotations, overlapping edits, whole-document replaces.
import * as assert from 'node:assert/strict';
import { createAnnotation, quoteAt } from '../../../src/core/annotations/annotationFactory';
import type { Annotation } from '../../../src/core/annotations/annotationModel';
import { applyTextEdits, editsReachQuotes, type TextEdit } from '../../../src/core/annotations/anchoring';
import { seededRandom } from '../../../src/core/random/seededRandom';

function at(text: string, start: number, end: number): Annotation {
  return createAnnotation({ article: 'a.txt', text, start, end, label: 'place', now: new Date(0), id: `${start}-${end}` });
}

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

describe('applyTextEdits edge cases', () => {
  const text = 'Ships left Oslo at dawn.';
  const oslo = text.indexOf('Oslo');

  it('an insertion at the start shifts the annotation, one at the end leaves it: both boundaries are exclusive', () => {
    const a = at(text, oslo, oslo + 4);
    const edits = [{ start: oslo, end: oslo, text: 'old ' }];
    const [shifted] = applyTextEdits([a], edits, apply(text, edits));
    assert.deepEqual(shifted!.position, { start: oslo + 4, end: oslo + 8 });
    assert.equal(shifted!.quote.exact, 'Oslo');
    const after = [{ start: oslo + 4, end: oslo + 4, text: 'fjord' }];
    const [same] = applyTextEdits([a], after, apply(text, after));
    assert.deepEqual(same!.position, a.position);
    assert.equal(same!.quote.exact, 'Oslo');
  });

  it('a one-character annotation follows edits on both sides and is orphaned when that character is replaced', () => {
    const a = at(text, oslo, oslo + 1);
    const edits = [
      { start: 0, end: 5, text: 'Boats' },
      { start: oslo + 1, end: oslo + 4, text: 'SLO' },
    ];
    const [kept] = applyTextEdits([a], edits, apply(text, edits));
    assert.deepEqual(kept!.position, a.position);
    const [orphan] = applyTextEdits([a], [{ start: oslo, end: oslo + 1, text: 'X' }]);
    assert.equal(orphan!.status, 'orphaned');
    assert.equal(orphan!.quote.exact, 'O');
  });

  it('rejects overlapping edits instead of guessing', () => {
    const a = at(text, oslo, oslo + 4);
    assert.throws(() => applyTextEdits([a], [{ start: 2, end: 8, text: '' }, { start: 5, end: 12, text: 'x' }]), /must not overlap/);
    assert.throws(() => applyTextEdits([a], [{ start: 5, end: 3, text: '' }]), /Invalid edit range/);
  });

  it('after a whole-document replace, a repeated quote goes to the occurrence with its own context, not the first one', () => {
    const before = 'Preface. The mayor of Oslo spoke. Later the mayor of Bergen spoke. Then the mayor of Oslo left.';
    const lastMayor = before.lastIndexOf('mayor');
    const second = before.indexOf('mayor', before.indexOf('mayor') + 1);
    const annotations = [at(before, lastMayor, lastMayor + 5), at(before, second, second + 5)];
    const after = before.replace('Preface. ', '');
    const edits = [{ start: 0, end: before.length, text: after }];
    const [last, middle] = applyTextEdits(annotations, edits, after);
    assert.equal(last!.status, 'anchored');
    assert.deepEqual(last!.position, { start: after.lastIndexOf('mayor'), end: after.lastIndexOf('mayor') + 5 });
    assert.equal(middle!.status, 'anchored');
    assert.equal(after.slice(middle!.position.end, middle!.position.end + 10), ' of Bergen');
  });
});

describe('quoteAt', () => {
  it('never cuts the context inside a surrogate pair', () => {
    const text = '😀'.repeat(20) + ' harbour ' + '🚢'.repeat(20);
    const start = text.indexOf('harbour');
    const quote = quoteAt(text, start, start + 'harbour'.length, 4);
    assert.equal(quote.exact, 'harbour');
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(quote.prefix + quote.suffix), JSON.stringify(quote));
    assert.equal(quote.prefix, '😀 ');
    assert.equal(quote.suffix, ' 🚢');
  });

  it('an edit that reaches no quote (text or context) moves annotations the same without the text as with it', () => {
    // the editor follows typing without joining the document's text unless an edit comes near an annotation
    const random = seededRandom(5);
    const words = ['harbour', 'Oslo', 'ferry', 'council', 'said', 'on', 'Tuesday', 'the'];
    let reached = 0;
    for (let round = 0; round < 400; round++) {
      const base = Array.from({ length: 120 }, () => words[Math.floor(random() * words.length)]).join(' ');
      const annotations: Annotation[] = [];
      for (let i = 0; i < 3; i++) {
        const start = Math.floor(random() * (base.length - 10));
        annotations.push(at(base, start, start + 1 + Math.floor(random() * 8)));
      }
      const start = Math.floor(random() * base.length);
      const edits: TextEdit[] = [{ start, end: Math.min(base.length, start + Math.floor(random() * 3)), text: random() < 0.5 ? 'x' : '' }];
      const withText = applyTextEdits(annotations, edits, apply(base, edits));
      if (editsReachQuotes(annotations, edits)) {
        reached++;
        continue;
      }
      assert.deepEqual(applyTextEdits(annotations, edits), withText, `round ${round}`);
    }
    assert.ok(reached > 0 && reached < 400, `both cases were tried (${reached} reached a quote)`);
  });
});
