// General rules for known weak spots (issue 9), pinned on invented sentences.
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

const entities = (text: string): [string, string][] => analyzeArticle(text, { articleDate: null }).entities.map((e) => [e.text, e.type]);

describe('entities: known weak spots', () => {
  it('a name right before a kind of product names the product, not an organization', () => {
    const found = entities('Buyers queued for the Zephyr X2 phone, and the agency launched the Skylark-7 probe.');
    assert.ok(!found.some(([t]) => /Zephyr|Skylark/.test(t)), JSON.stringify(found));
  });

  it('a title stays out of the name', () => {
    assert.deepEqual(entities('Councillor Ada Brisk opened the bridge.').filter(([t]) => t.includes('Brisk')), [['Ada Brisk', 'person']]);
  });

  it('a nationality before a given name and surname leaves a person', () => {
    assert.deepEqual(entities('The race was won by Chilean Marta Ibáñez in the rain.').filter(([t]) => t.includes('Marta')), [['Marta Ibáñez', 'person']]);
  });

  it('a legislature and its chamber are one organization', () => {
    const found = entities('The House of Representatives passed the bill on a close vote.');
    assert.deepEqual(found.filter(([t]) => t.includes('House')), [['House of Representatives', 'organization']]);
  });
});
