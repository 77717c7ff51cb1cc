// The word counter of the reading view's header: the same count as the word regex it replaced, on any text.
import * as assert from 'node:assert/strict';
import { countWordsIn } from '../../../src/core/article/wordCount';
import { seededRandom } from '../../../src/core/random/seededRandom';

/** What the header counted before: matches of the word regex over the span. */
function regexCount(text: string, start: number, end: number): number {
  return text.slice(start, end).match(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

// letters and digits of several scripts (astral ones too), the joiners, spaces, punctuation, an emoji, lone surrogates
const PIECES = ['a', 'Z', '7', 'é', 'ß', 'ж', '中', '٣', '𝐀', '𐐷', '-', "'", '’', '.', ' ', '\n', ',', '"', '—', '😀', '\uD835', '\uDC00', '_', '²'];

describe('countWordsIn', () => {
  it('counts words, hyphenated, with apostrophes and abbreviations, as one each', () => {
    const text = "Mazar-i-Sharif isn't in the U.S. — it's 2,500 km away, ’twas said.";
    assert.equal(countWordsIn(text, 0, text.length), regexCount(text, 0, text.length));
    assert.equal(countWordsIn('a--b a- -b', 0, 10), 4);
    assert.equal(countWordsIn('', 0, 0), 0);
  });

  it('agrees with the word regex on random text and random spans (surrogate pairs cut by the span included)', () => {
    const random = seededRandom(12);
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      const start = Math.floor(random() * (text.length + 1));
      const end = start + Math.floor(random() * (text.length - start + 1));
      assert.equal(countWordsIn(text, start, end), regexCount(text, start, end), `${JSON.stringify(text)} [${start}, ${end})`);
    }
  });
});
