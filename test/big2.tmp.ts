import { analyzeArticle } from '../src/core/nlp/pipeline';
import { CorpusIndex } from '../src/core/corpus/corpusIndex';
import { serializePackedArticle, parsePackedArticle } from '../src/core/corpus/indexCache';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
const paragraph = (i: number): string => `Minister Karin Dahl${i} visited Tromsø and Narvik with delegates from the Nordic Fisheries Council on Friday ${i}.`;
const text = `BERGEN 2021-05-06\n\n${Array.from({ length: 3000 }, (_, i) => paragraph(i)).join('\n\n')}\n`;
let line: string;
if (existsSync('/tmp/s18i/line.json')) line = readFileSync('/tmp/s18i/line.json', 'utf8');
else {
  const analysis = analyzeArticle(text, {});
  const c0 = new CorpusIndex();
  c0.setArticle('a', analysis, text); c0.prepare('a');
  line = serializePackedArticle({ key: 'a', uri: 'file:///a', text, cacheName: 'x', analysis, prepared: c0.prepared('a') });
  writeFileSync('/tmp/s18i/line.json', line);
}
for (let r = 0; r < 5; r++) {
  let t = performance.now(); const p = parsePackedArticle(line); const tpp = performance.now() - t;
  if (!('article' in p)) throw new Error(p.problem);
  const c = new CorpusIndex();
  t = performance.now(); c.setArticle('a', p.article.analysis, text, p.article.prepared); const ts = performance.now() - t;
  t = performance.now(); c.rank(); const tr = performance.now() - t;
  console.log({ parsePacked: tpp.toFixed(1), setArticle: ts.toFixed(1), rank: tr.toFixed(1) });
}
