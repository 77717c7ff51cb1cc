// Agreement of two annotators: pairwise F1 per label and Cohen's kappa over tokens, against figures worked by hand.
import * as assert from 'node:assert/strict';
import { agreement, tokenKappa, tokenOffsets } from '../../../src/core/quality/agreement';

const TEXT = 'Ana met Bo in Rome .'; // tokens: Ana met Bo in Rome .
const span = (label: string, word: string, article = 'a.txt') => {
  const start = TEXT.indexOf(word);
  return { article, start, end: start + word.length, label };
};
const A = [span('PER', 'Ana'), span('PER', 'Bo'), span('LOC', 'Rome')];
const B = [span('PER', 'Ana'), span('ORG', 'Rome')];

describe('agreement of two annotators', () => {
  it('tokens are words and punctuation marks', () => {
    assert.deepEqual(tokenOffsets('Ana met Bo, in São Paulo.').map(([s, e]) => 'Ana met Bo, in São Paulo.'.slice(s, e)), ['Ana', 'met', 'Bo', ',', 'in', 'São', 'Paulo', '.']);
  });

  it("Cohen's kappa over tokens, worked by hand", () => {
    // A: PER O PER O LOC O; B: PER O O O ORG O: 4 of 6 tokens agree.
    // pA: PER 2/6, O 3/6, LOC 1/6; pB: PER 1/6, O 4/6, ORG 1/6; chance = (2·1 + 3·4) / 36 = 14/36
    // kappa = (24/36 − 14/36) / (1 − 14/36) = 10/22
    const t = tokenKappa(new Map([['a.txt', TEXT]]), A, B);
    assert.equal(t.tokens, 6);
    assert.equal(t.agreed, 4);
    assert.equal(t.observed, 4 / 6);
    assert.ok(Math.abs(t.expected! - 14 / 36) < 1e-12);
    assert.ok(Math.abs(t.kappa! - 10 / 22) < 1e-12);
  });

  it('pairwise F1 per label, worked by hand', () => {
    const r = agreement(A, B, new Map([['a.txt', TEXT]]));
    const rows = Object.fromEntries(r.spans.labels.map((x) => [x.label, [x.reference, x.compared, x.matched, x.f1]]));
    // PER: A 2, B 1, both 1: F1 2·1/(2+1) = 2/3; LOC and ORG: nothing in common
    assert.deepEqual(rows, { LOC: [1, 0, 0, 0], ORG: [0, 1, 0, 0], PER: [2, 1, 1, 2 / 3] });
    assert.equal(r.spans.all.f1, 2 / 5);
    assert.deepEqual(r.articles, ['a.txt']);
  });

  it('is symmetric in F1 and kappa', () => {
    const ab = agreement(A, B, new Map([['a.txt', TEXT]]));
    const ba = agreement(B, A, new Map([['a.txt', TEXT]]));
    assert.equal(ab.spans.all.f1, ba.spans.all.f1);
    assert.equal(ab.tokens.kappa, ba.tokens.kappa);
  });

  it('a span covers every token it overlaps; the earlier span wins an overlap', () => {
    const long = [{ article: 'a.txt', start: 0, end: 10, label: 'X' }, { article: 'a.txt', start: 8, end: 18, label: 'Y' }];
    const t = tokenKappa(new Map([['a.txt', TEXT]]), long, long);
    assert.equal(t.kappa, 1); // X X X Y Y O against itself
  });

  it('identical files agree fully; without tokens or with one label only kappa is undefined', () => {
    assert.equal(tokenKappa(new Map([['a.txt', TEXT]]), A, A).kappa, 1);
    assert.equal(tokenKappa(new Map(), A, B).kappa, null);
    assert.equal(tokenKappa(new Map([['a.txt', TEXT]]), [], []).kappa, null, 'all O on both sides: chance agreement is 1');
  });

  it('spans of articles without text still count for F1, not for kappa', () => {
    const r = agreement([...A, span('PER', 'Ana', 'b.txt')], B, new Map([['a.txt', TEXT]]));
    assert.equal(r.spans.all.reference, 4);
    assert.equal(r.tokens.tokens, 6);
  });
});
