#!/usr/bin/env -S npx tsx
// npm run bench:allocation [-- ARTICLES [BATCH]]
//
// What the extension host allocates in the corpus (CorpusIndex) while the workspace index fills: ARTICLES (1,000) of the
// scale test's distinct articles (test/integration/scaleArticles.ts, from the two seeds), analysed and packed first,
// then joined a step at a time and ranked after every BATCH (16) as the index does. Then the reopen: the same articles
// read back from the cache's pack (its bytes, a line at a time, as the index reads it: parsed, checked, their names
// shared, joined to a new corpus, ranked). Load-independent: V8's sampling heap profiler, freed objects counted, in KB
// per article, by the innermost function of the core code. A young-generation collection runs each time the new space
// is full, so these bytes decide how often the host pauses.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusIndex } from '../src/core/corpus/corpusIndex';
import { PackReader, serializePackedArticle } from '../src/core/corpus/indexCache';
import { packAnalysis } from '../src/core/corpus/packedAnalysis';
import { sharePackedStrings, shareQuotationStrings } from '../src/core/nlp/shareAnalysisStrings';
import { StringPool } from '../src/core/text/stringPool';
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

interface SamplingNode {
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly selfSize: number;
  readonly children: readonly SamplingNode[];
}

/** What `work` allocates, in KB per article: the total, then the ten largest by function. */
async function allocated(work: () => void): Promise<string> {
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  work();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  let total = 0;
  const byFunction = new Map<string, number>();
  const walk = (node: SamplingNode, name: string): void => {
    // tsx's module URLs name the source file (percent-encoded)
    const own = /src(%2F|\/)core/.test(node.callFrame.url) ? node.callFrame.functionName || '(anonymous)' : name;
    total += node.selfSize;
    byFunction.set(own, (byFunction.get(own) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, own);
  };
  walk(profile.head as unknown as SamplingNode, '(outside the core)');
  const kb = (bytes: number): string => (bytes / ARTICLES / 1024).toFixed(1);
  const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return `${kb(total)} KB allocated per article: ${top.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`;
}

const corpus = new CorpusIndex();
const filling = await allocated(() => {
  for (let i = 0; i < ARTICLES; i++) {
    const update = corpus.updateArticle(`a${i}.txt`, packed[i]!, texts[i]!);
    while (!update.step());
    if (i % BATCH === BATCH - 1 || i === ARTICLES - 1) while (!corpus.rankSome(() => false));
  }
});
console.log(`corpus: ${filling} (${ARTICLES} articles joined, ranked every ${BATCH}; ${corpus.entities().length} entities)`);

// the pack as the index writes it once it settles: every article with its quotations and sentences
const lines: string[] = [];
for (let i = 0; i < ARTICLES; i++) {
  corpus.prepare(`a${i}.txt`);
  lines.push(serializePackedArticle({ key: `a${i}.txt`, uri: `file:///w/a${i}.txt`, text: texts[i]!, cacheName: `c${i}`, analysis: packed[i]!, prepared: corpus.prepared(`a${i}.txt`) }));
}
const pack = new TextEncoder().encode(`${lines.join('\n')}\n`);
lines.length = 0;
const reopened = new CorpusIndex();
const reopening = await allocated(() => {
  const strings = new StringPool();
  const reader = new PackReader();
  const decoder = new TextDecoder();
  for (let at = 0; at < pack.length; ) {
    const end = pack.indexOf(10, at);
    const line = decoder.decode(pack.subarray(at, end));
    at = end + 1;
    for (const item of reader.read(line)) {
      if ('problem' in item) throw new Error(`the pack refused an article: ${item.problem}`);
      const { key, text, analysis, prepared } = item.article;
      sharePackedStrings(analysis, strings);
      if (prepared) shareQuotationStrings(prepared.quotes, strings);
      const update = reopened.updateArticle(key, analysis, text, prepared);
      while (!update.step());
    }
  }
  while (!reopened.rankSome(() => false));
});
console.log(`reopen from the pack (${(pack.length / 1e6).toFixed(2)} MB): ${reopening}`);
session.disconnect();
