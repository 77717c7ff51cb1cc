import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../src/core/article/parseArticle';
import { contextWindow, sentenceSpanAround, sentenceTextAround } from '../../../src/core/article/sentenceContext';

describe('sentenceTextAround', () => {
  const text = 'date 2023-06-01 Harbour reopens after storm\n\nThe harbour reopened on Tuesday. Ferries from Tallinn arrived at noon. Crews said the quay held.\n';
  const article = parseArticle(text);

  it('is the sentence holding the span', () => {
    const at = text.indexOf('Tallinn');
    assert.equal(sentenceTextAround(article, at, at + 'Tallinn'.length), 'Ferries from Tallinn arrived at noon.');
  });

  it('never shows the header marker for a mention in the headline', () => {
    const at = text.indexOf('Harbour');
    assert.equal(sentenceTextAround(article, at, at + 7), 'Harbour reopens after storm');
  });

  it('gives no sentence for the dateline marker itself, and falls back to the span text', () => {
    assert.equal(sentenceSpanAround(article, 5, 15), undefined);
    assert.equal(sentenceTextAround(article, 5, 15), '2023-06-01');
  });

  it('covers a span running over a sentence boundary', () => {
    const at = text.indexOf('Tuesday');
    const end = text.indexOf('Ferries') + 7;
    assert.equal(sentenceTextAround(article, at, end), 'The harbour reopened on Tuesday. Ferries from Tallinn arrived at noon.');
  });

  it('shortens a very long sentence around the span at word boundaries', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`);
    words[60] = 'Tallinn';
    const long = `${words.join(' ')}.`;
    const a = parseArticle(long);
    const at = long.indexOf('Tallinn');
    const shown = sentenceTextAround(a, at, at + 7, 80);
    assert.ok(shown.includes('Tallinn'), shown);
    assert.ok(shown.startsWith('…') && shown.endsWith('…'), shown);
    assert.ok(shown.length <= 84, `${shown.length}: ${shown}`);
    for (const piece of shown.replace(/…/g, '').split(' ')) assert.ok(/^(word\d+|Tallinn)$/.test(piece), `whole words only: ${piece}`);
  });
});

describe('contextWindow', () => {
  const text = 'date 2023-06-01 Harbour reopens after storm\n\nThe harbour reopened on Tuesday. Ferries from Tallinn arrived at noon. Crews said the quay held.\n';
  const article = parseArticle(text);

  it('keeps a headline mention clear of the header marker', () => {
    const at = text.indexOf('Harbour');
    const w = contextWindow(article, at, at + 7, 40);
    assert.equal(text.slice(w.from, w.to), 'Harbour reopens after storm');
    assert.deepEqual([w.cutBefore, w.cutAfter], [false, false]);
  });

  it('stays inside the paragraph of the mention and says where it cut', () => {
    const at = text.indexOf('Tallinn');
    const w = contextWindow(article, at, at + 7, 20);
    assert.equal(text.slice(w.from, w.to), 'esday. Ferries from Tallinn arrived at noon. Cr');
    assert.deepEqual([w.cutBefore, w.cutAfter], [true, true]);
    const first = contextWindow(article, text.indexOf('The harbour'), text.indexOf('The harbour') + 3, 40);
    assert.equal(first.from, text.indexOf('The harbour'), 'not back into the headline');
  });
});
