import * as assert from 'node:assert/strict';
import { seededRandom } from '../../../src/core/random/seededRandom';
import { applyReplacement, commonPrefixLength, commonSuffixLength, replacementBetween } from '../../../src/core/text/textDifference';

describe('textDifference (the one edit between two versions of a text)', () => {
  it('finds the shared start and end, across the 4096-character blocks and without overlapping', () => {
    const long = 'abcdefghij'.repeat(1000);
    assert.equal(commonPrefixLength(long, `${long.slice(0, 5000)}X${long.slice(5000)}`), 5000);
    assert.equal(commonSuffixLength(long, `${long.slice(0, 5000)}X${long.slice(5000)}`, 5000), 5000);
    assert.equal(commonPrefixLength('', 'a'), 0);
    assert.equal(commonPrefixLength('same', 'same'), 4);
    // 'aa' -> 'aaa': the shared end may not reach into the shared start
    assert.equal(commonSuffixLength('aa', 'aaa', commonPrefixLength('aa', 'aaa')), 0);
  });

  it('turns the text before into the text after with one replacement, and it is the smallest', () => {
    const random = seededRandom(5);
    const alphabet = 'ab \n“é👩';
    const randomText = (length: number): string => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const before = randomText(Math.floor(random() * (i % 10 === 0 ? 9000 : 40)));
      const start = Math.floor(random() * (before.length + 1));
      const end = start + Math.floor(random() * (before.length - start + 1));
      const after = applyReplacement(before, { start, end, text: randomText(Math.floor(random() * 5)) });
      const found = replacementBetween(before, after);
      assert.equal(applyReplacement(before, found), after, `case ${i}`);
      assert.ok(found.end - found.start <= end - start, `case ${i}: no larger than the edit made`);
      assert.ok(found.start >= 0 && found.start <= found.end && found.end <= before.length, `case ${i}: inside the text`);
    }
    assert.deepEqual(replacementBetween('same', 'same'), { start: 4, end: 4, text: '' });
    assert.deepEqual(replacementBetween('', 'new'), { start: 0, end: 0, text: 'new' });
  });
});
