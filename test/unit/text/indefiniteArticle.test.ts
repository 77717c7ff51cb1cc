import * as assert from 'node:assert/strict';
import { indefiniteArticle, withIndefiniteArticle } from '../../../src/core/text/indefiniteArticle';

describe('indefiniteArticle', () => {
  it('says "an" before a vowel sound and "a" before a consonant sound', () => {
    assert.equal(withIndefiniteArticle('organization'), 'an organization');
    assert.equal(withIndefiniteArticle('event'), 'an event');
    assert.equal(withIndefiniteArticle('person'), 'a person');
    assert.equal(withIndefiniteArticle('place'), 'a place');
    assert.equal(withIndefiniteArticle('date'), 'a date');
  });

  it('goes by the sound where the letter misleads', () => {
    assert.equal(indefiniteArticle('university'), 'a');
    assert.equal(indefiniteArticle('user label'), 'a');
    assert.equal(indefiniteArticle('hour'), 'an');
    assert.equal(indefiniteArticle('umbrella'), 'an');
    assert.equal(indefiniteArticle('“organization”'), 'an');
  });
});
