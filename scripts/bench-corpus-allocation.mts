#!/usr/bin/env -S npx tsx
// npm run bench:allocation [-- ARTICLES [BATCH]]
//
// What the extension host allocates in the corpus (CorpusIndex) while the workspace index fills: ARTICLES (1,000) of the
// scale test's distinct articles (test/integration/scaleArticles.ts, from the two seeds), analysed and packed first,
// then joined a step at a time and ranked after every BATCH (16) as the index does. Load-independent: V8's sampling
// heap profiler, freed objects counted, in KB per article, by the innermost function of the corpus or the NLP code.
// A young-generation collection runs each time the new space is full, so these bytes decide how often the host pauses.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusIndex } from '../src/core/corpus/corpusIndex';
import { packAnalysis } from '../src/core/corpus/packedAnalysis';
import { analyzeArticle } from '../src/core/nlp/pipeline';
import { scaleArticles } from '../test/integration/scaleArticles';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLES = Number(process.argv[2] ?? 1000);
const BATCH = Number(process.argv[3] ?? 16);
const seeds = ['000_96c9ee8166b27d0f.txt', '003_cf56c5e4736b5965.txt'].map((f) => readFileSync(path.join(root, 'seeds', f), 'utf8'));
const texts = scaleArticles(seeds, ARTICLES);
const packed = texts.map((t) => packAnalysis(analyzeArticle(t)));

const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const corpus = new CorpusIndex();
for (let i = 0; i < ARTICLES; i++) {
  const update = corpus.updateArticle(`a${i}.txt`, packed[i]!, texts[i]!);
  while (!update.step());
  if (i % BATCH === BATCH - 1 || i === ARTICLES - 1) while (!corpus.rankSome(() => false));
}
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();

interface SamplingNode {
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly selfSize: number;
  readonly children: readonly SamplingNode[];
}
let total = 0;
const byFunction = new Map<string, number>();
const walk = (node: SamplingNode, name: string): void => {
  // tsx's module URLs name the source file (percent-encoded)
  const own = /src(%2F|\/)core/.test(node.callFrame.url) ? node.callFrame.functionName || '(anonymous)' : name;
  total += node.selfSize;
  byFunction.set(own, (byFunction.get(own) ?? 0) + node.selfSize);
  for (const child of node.children) walk(child, own);
};
walk(profile.head as unknown as SamplingNode, '(outside the corpus)');
const kb = (bytes: number): string => (bytes / ARTICLES / 1024).toFixed(1);
const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 10);
console.log(`corpus: ${kb(total)} KB allocated per article (${ARTICLES} articles joined, ranked every ${BATCH}; ${corpus.entities().length} entities): ${top.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`);
