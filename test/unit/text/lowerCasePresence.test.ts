// Whether some lower-case words occur in a text lower-cased, asked for one version of a text after another: the answers
// must be those of lower-casing each whole text (learnedTableTouches), wherever the edits fall.
import * as assert from 'node:assert/strict';
import { learnedTableTouches } from '../../../src/core/nlp/learnedModelData';
import { seededRandom } from '../../../src/core/random/seededRandom';
import { foldedLowerCase, LowerCasePresence } from '../../../src/core/text/lowerCasePresence';

const FILLER = ['harbour ', 'the council met on Tuesday. ', 'İstanbul ', 'ΟΔΥΣΣΕΑΣ ', 'ferry ', '😀 ', 'Comet', 's ', '\n\n', 'Kelvin '];

describe('lower-case presence across edits', () => {
  it('answers as lower-casing the whole text does, edit after edit (random edits, long texts, odd characters)', () => {
    const random = seededRandom(12);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const words = ['comets', 'οδυσσεασ', foldedLowerCase('İstanbul')];
    const answers = { true: 0, false: 0 };
    for (let round = 0; round < 6; round++) {
      const wanted = words.filter(() => random() < 0.6);
      const presence = new LowerCasePresence(wanted);
      // long enough for a whole search to take several pieces
      let text = Array.from({ length: 9000 + Math.floor(random() * 9000) }, () => pick(FILLER.filter((f) => !/Comet|ΟΔΥ|İst/.test(f)))).join('');
      for (let edit = 0; edit < 120; edit++) {
        const at = Math.floor(random() * (text.length + 1));
        const kind = random();
        if (kind < 0.4) text = text.slice(0, at) + pick(FILLER) + text.slice(at);
        else if (kind < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 40));
        else text = text.slice(0, at) + pick(FILLER).toUpperCase() + text.slice(at + Math.floor(random() * 10));
        const expected = learnedTableTouches(text, wanted);
        assert.equal(presence.occursIn(text), expected, `round ${round}, edit ${edit} (${wanted.join(', ')})`);
        answers[`${expected}`]++;
      }
    }
    assert.ok(answers.true > 50 && answers.false > 50, `both answers were asked for (${JSON.stringify(answers)})`);
  });

  it('finds a word across the pieces a whole search lower-cases, and one typed or deleted across an edit', () => {
    const base = 'x'.repeat(64 * 1024 - 3);
    const presence = new LowerCasePresence(['comets']);
    assert.equal(presence.occursIn(`${base}COMETS and more`), true, 'across the first piece’s end');
    assert.equal(presence.occursIn(`${base}CO and more`), false, 'an edit that removes it');
    assert.equal(presence.occursIn(`${base}COmets and more`), true, 'typed back in');
    assert.equal(presence.occursIn(`${base}COxmets and more`), false);
    assert.equal(presence.occursIn(`${base}COmets and more`), true, 'a deletion that joins it');
    assert.equal(new LowerCasePresence([]).occursIn('Comets'), false, 'no words: never');
  });

  it('lower-cases as words are compared: the final sigma folded', () => {
    assert.equal(foldedLowerCase('ΟΔΥΣΣΕΑΣ'), 'οδυσσεασ');
    assert.equal(new LowerCasePresence(['οδυσσεασ']).occursIn('Ο ΟΔΥΣΣΕΑΣ είπε'), true);
  });
});
