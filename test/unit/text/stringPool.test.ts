import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { Analysis } from '../../../src/core/nlp/analysisModel';
import { shareAnalysisStrings, shareQuotationStrings } from '../../../src/core/nlp/shareAnalysisStrings';
import { StringPool } from '../../../src/core/text/stringPool';

/** A string equal to `s` but made anew (as a structured clone or JSON.parse makes one). */
function fresh(s: string): string {
  return (JSON.parse(JSON.stringify({ s })) as { s: string }).s;
}

// `===` cannot tell two equal strings apart: the pool's contract is checked through its size and its answers' values
// (the heap it saves is measured by the scale test's heap figures, not here).
describe('StringPool', () => {
  it('keeps one entry per distinct short string and answers equal values', () => {
    const pool = new StringPool();
    const values = ['person', fresh('person'), 'Kessel Bay', fresh('Kessel Bay'), fresh('person')];
    const answers = values.map((v) => pool.get(v));
    assert.deepEqual(answers, values);
    assert.equal(pool.size, 2);
  });

  it('leaves long strings out and starts over at its limit', () => {
    const pool = new StringPool(3, 10);
    assert.equal(pool.get('a'.repeat(11)), 'a'.repeat(11));
    assert.equal(pool.size, 0, 'a string over maxLength is not kept');
    for (const s of ['a', 'b', 'c']) pool.get(s);
    assert.equal(pool.size, 3);
    pool.get('d');
    assert.equal(pool.size, 1, 'full: cleared, then the new one kept');
    assert.equal(pool.getOrNull(null), null);
  });
});

describe('shareAnalysisStrings', () => {
  const analysis = (): Analysis =>
    JSON.parse(
      JSON.stringify({
        articleDate: '2024-03-05',
        articleDateSource: 'stated',
        entities: [
          { start: 0, end: 10, text: 'Orla Vance', type: 'person', canonical: 'Orla Vance' },
          { start: 20, end: 25, text: 'Vance', type: 'person', canonical: 'Orla Vance' },
          { start: 30, end: 37, text: 'Ruskiel', type: 'place', canonical: 'Ruskiel' },
        ],
        dates: [
          { start: 40, end: 47, text: 'Tuesday', value: '2024-03-05', resolvedAgainst: 'article-date', reference: '2024-03-05' },
          { start: 50, end: 59, text: 'last year', value: { from: '2023-01-01', to: '2023-12-31' }, resolvedAgainst: 'article-date', reference: '2024-03-05' },
          { start: 60, end: 64, text: 'soon', value: null, resolvedAgainst: 'none', reference: null },
        ],
        aliases: { 'Orla Vance': ['Orla Vance', 'Vance'] },
      }),
    ) as Analysis;

  it('changes no value, key or key order of the analysis it is given, and returns that same object', () => {
    const original = analysis();
    const copy = analysis();
    const shared = shareAnalysisStrings(copy, new StringPool());
    assert.equal(shared, copy, 'changed in place');
    assert.deepEqual(shared, original);
    assert.deepEqual(JSON.stringify(shared), JSON.stringify(original), 'same key order');
  });

  it('pools every name, label and date value it holds: two analyses of one collection add nothing the second time', () => {
    const pool = new StringPool();
    shareAnalysisStrings(analysis(), pool);
    const after = pool.size;
    assert.ok(after >= 5, `names, date texts and values pooled (${after})`);
    shareAnalysisStrings(analysis(), pool);
    assert.equal(pool.size, after, 'the second, equal analysis finds every string in the pool');
  });

  it('pools quotations’ speakers and cues, leaving their values as they were', () => {
    const pool = new StringPool();
    const quotes = [{ start: 0, end: 9, text: '"We won."', speaker: 'Orla Vance', speakerType: 'person' as const, cue: 'said', cueSpan: { start: 10, end: 14 } }, { start: 20, end: 29, text: '"We did."', speaker: null, speakerType: null, cue: null, cueSpan: null }];
    const before = JSON.stringify(quotes);
    shareQuotationStrings(quotes, pool);
    assert.equal(JSON.stringify(quotes), before);
    assert.equal(pool.size, 3);
  });
});
