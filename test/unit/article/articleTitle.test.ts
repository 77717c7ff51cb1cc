import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DERIVED_TITLE_MAX_CHARS, displayTitle, shortenTitle } from '../../../src/core/article/articleTitle';
import { parseArticle } from '../../../src/core/article/parseArticle';
import { renderReadingView } from '../../../src/core/article/readingView';

const seed000 = readFileSync(path.join(__dirname, '..', '..', '..', 'seeds', '000_96c9ee8166b27d0f.txt'), 'utf8');

describe('displayTitle', () => {
  it('is the title the article states, on one line', () => {
    const article = parseArticle('date 2023-06-01 Harbour reopens after storm\n\nThe harbour reopened on Tuesday.\n');
    assert.equal(displayTitle(article), 'Harbour reopens after storm');
  });

  it('makes one from the first sentence of an article without a title (seed 000), not its file name', () => {
    const article = parseArticle(seed000);
    assert.equal(article.title, undefined, 'seed 000 states no title');
    const title = displayTitle(article)!;
    assert.ok(seed000.startsWith(title.replace(/…$/, '')), title);
    assert.ok(title.length <= DERIVED_TITLE_MAX_CHARS + 1, title);
    assert.ok(title.endsWith('…'), 'the long first sentence is shortened');
    const view = renderReadingView(article, { fileName: '000_96c9ee8166b27d0f.txt' });
    assert.equal(view.text.split('\n')[0], title);
    assert.ok(!view.text.includes('000_96c9ee8166b27d0f.txt'));
  });

  it('keeps a short first sentence whole, without its full stop', () => {
    assert.equal(displayTitle(parseArticle('Ferries stop for the winter. They run again in April.')), 'Ferries stop for the winter');
  });

  it('is undefined for an article without text, so the file name is shown', () => {
    assert.equal(displayTitle(parseArticle('   \n')), undefined);
    assert.equal(renderReadingView(parseArticle(''), { fileName: 'empty.txt' }).text.split('\n')[0], 'empty.txt');
  });
});

describe('shortenTitle', () => {
  it('cuts at a word boundary and marks the cut', () => {
    const long = 'Officials of the northern harbour authority announced a long list of new rules for ferries and fishing boats on Tuesday';
    const short = shortenTitle(long);
    assert.ok(short.endsWith('…'));
    assert.ok(short.length <= DERIVED_TITLE_MAX_CHARS + 1);
    assert.ok(long.startsWith(short.slice(0, -1)));
    assert.ok(long[short.length - 1] === ' ' || long[short.length - 1] === ',', `cut at a word boundary: ${short}`);
  });

  it('prefers a clause boundary near the end', () => {
    assert.equal(shortenTitle('The storm closed the harbour of the town for three whole days, after which the ferries ran again as usual'), 'The storm closed the harbour of the town for three whole days…');
  });
});
