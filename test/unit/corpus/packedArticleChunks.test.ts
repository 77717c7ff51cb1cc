import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { packedArticleChunks, parsePackedArticle, serializePackedArticle } from '../../../src/core/corpus/indexCache';
import { packAnalysis } from '../../../src/core/corpus/packedAnalysis';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

describe('workspace index pack, written a chunk at a time', () => {
  it("gives exactly the article's line and its line break, read back as the article", () => {
    const folder = path.join(__dirname, '../../fixtures/news-collection');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length > 0);
    for (const file of files) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      const article = { key: `news/${file}`, uri: `file:///w/news/${file}`, text, cacheName: 'c0ffee', analysis: packAnalysis(analyzeArticle(text)) };
      const chunks = [...packedArticleChunks(article)];
      assert.equal(chunks.join(''), `${serializePackedArticle(article)}\n`, file);
      assert.deepEqual(parsePackedArticle(chunks.join('').trimEnd()), { article }, file);
    }
  });
});
