import * as assert from 'node:assert/strict';
import { seededRandom } from '../../../src/core/random/seededRandom';
import { applyReplacement, applyReplacements, commonPrefixLength, commonSuffixLength, replacementBetween, replacementsByPart } from '../../../src/core/text/textDifference';

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

describe('replacementsByPart (a reading view follows an edit: its header and its body, each changed on its own)', () => {
  it('gives one small replacement for each part that changed, and they turn the text before into the text after', () => {
    const header = (words: number): string => `Harbour news\\nMarch 3 · ${words} words\\n\\n`;
    const body = 'The ferry to Ostholm runs twice a day. '.repeat(200);
    const before = header(1400) + body;
    const typedBody = `${body.slice(0, 5000)}Late news: ${body.slice(5000)}`;
    const after = header(1402) + typedBody;
    const found = replacementsByPart(before, after, header(1400).length, header(1402).length);
    assert.equal(applyReplacements(before, found), after);
    assert.equal(found.length, 2);
    assert.ok(found.every((r) => r.end - r.start + r.text.length < 20), JSON.stringify(found));
    assert.deepEqual(replacementsByPart(before, before, header(1400).length, header(1400).length), []);
    // only the header changed (a date set), or only the body (a word count that stays the same)
    assert.equal(replacementsByPart(before, header(1399) + body, header(1400).length, header(1399).length).length, 1);
    assert.equal(replacementsByPart(before, header(1400) + body.replace('Ostholm', 'Ostholn'), header(1400).length, header(1400).length).length, 1);
  });

  it('never starts or ends inside a surrogate pair, whatever was replaced', () => {
    const random = seededRandom(9);
    const alphabet = Array.from('a 👩👨é\n');
    // whole code points: an edit typed into an editor never leaves half a pair
    const randomPoints = (length: number): string[] => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]!);
    const inside = (text: string, at: number): boolean => at > 0 && at < text.length && /[\ud800-\udbff]/.test(text[at - 1]!) && /[\udc00-\udfff]/.test(text[at]!);
    for (let i = 0; i < 2000; i++) {
      const headBefore = randomPoints(Math.floor(random() * 12)).join('');
      const headAfter = random() < 0.5 ? headBefore : randomPoints(Math.floor(random() * 12)).join('');
      const points = randomPoints(Math.floor(random() * 40));
      const at = Math.floor(random() * (points.length + 1));
      const bodyBefore = points.join('');
      const bodyAfter = [...points.slice(0, at), ...randomPoints(Math.floor(random() * 4)), ...points.slice(at + Math.floor(random() * 3))].join('');
      const before = headBefore + bodyBefore;
      const after = headAfter + bodyAfter;
      const found = replacementsByPart(before, after, headBefore.length, headAfter.length);
      assert.equal(applyReplacements(before, found), after, `case ${i}`);
      for (const r of found) assert.ok(!inside(before, r.start) && !inside(before, r.end), `case ${i}: ${JSON.stringify(r)} splits a pair of ${JSON.stringify(before)}`);
    }
  });
});
