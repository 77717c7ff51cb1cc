// No entity or date span contains a markup character: "Joe Biden](command:…)" in an article gave the person
// "Joe Biden](command:workbench.action.quit", which a hover, a code action title or an export carried on.
import * as assert from 'node:assert/strict';
import { cutAtMarkup, MARKUP_CHARACTERS } from '../../../src/core/nlp/markupFreeSpans';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

describe('spans never cross markup', () => {
  it('cuts a span at its first markup character, keeping the first piece with a letter or digit', () => {
    const text = 'x [Coastal Workers Union](https://e.example) Ilse Marrow`s';
    const cut = (s: string) => {
      const start = text.indexOf(s);
      const span = cutAtMarkup(text, start, start + s.length);
      return span && text.slice(span.start, span.end);
    };
    assert.equal(cut('[Coastal Workers Union](https'), 'Coastal Workers Union');
    assert.equal(cut('Ilse Marrow`s'), 'Ilse Marrow');
    assert.equal(cut('Ilse Marrow'), 'Ilse Marrow');
    assert.equal(cut(']('), undefined);
  });

  it('finds the names in an article with markup in its text, and no span holds markup', () => {
    const text = [
      'President Joe Biden](command:workbench.action.quit) met reporters in Washington on Monday.',
      '',
      'Talks with Emmanuel Macron</a> ended in Paris on Friday, said the [Coastal Workers Union](https://example.com).',
      '',
      'Officials of the United Nations](command:x?%5B%5D) and Ashraf Ghani<img src=x> met Ilse Marrow`s team.',
      '',
    ].join('\n');
    const analysis = analyzeArticle(text, { articleDate: '2021-08-15' });
    const entities = analysis.entities.map((e) => text.slice(e.start, e.end));
    for (const span of [...analysis.entities, ...analysis.dates]) assert.doesNotMatch(text.slice(span.start, span.end), MARKUP_CHARACTERS, JSON.stringify(entities));
    for (const name of ['Joe Biden', 'Emmanuel Macron', 'United Nations', 'Ashraf Ghani']) assert.ok(entities.includes(name), `${name} in ${JSON.stringify(entities)}`);
    for (const e of analysis.entities) assert.doesNotMatch(e.canonical, MARKUP_CHARACTERS);
  });
});
