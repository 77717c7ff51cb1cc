#!/usr/bin/env node
// npm run bench [-- --runs N]
//
// Times the pipeline (analyzeArticle: entities, aliases, article date and dates) against raw compromise on the same
// texts in the same run: nlp(text) plus .people(), .places(), .organizations() (and, as a second baseline, their
// offsets, which any use of the names needs), runs interleaved, garbage collected before each when node runs with
// --expose-gc (npm run bench does). Texts: the seeds, the dev eval articles when ../shared/eval is there,
// and one large text of distinct paragraphs (the open training texts, the dev articles and the seeds, each once). Prints medians and ratios; asserts nothing.
import nlp from 'compromise';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPipeline } from './lib/bundleCore.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;

async function loadCore() {
  return loadPipeline('bench');
}

/** ../shared next to the repository (a worktree under wt/ finds it one level further up). */
function shared(...parts) {
  const found = [path.resolve(root, '..', 'shared'), path.resolve(root, '..', '..', 'shared')].find((d) => fs.existsSync(d));
  return path.join(found ?? path.resolve(root, '..', 'shared'), ...parts);
}

function texts() {
  const seedDir = path.join(root, 'seeds');
  const seeds = fs
    .readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(seedDir, f), 'utf8'));
  const sets = [{ name: `seeds (${seeds.length})`, docs: seeds }];
  const dev = shared('eval', 'gum-news-dev.jsonl');
  if (fs.existsSync(dev)) {
    const docs = fs
      .readFileSync(dev, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l).text);
    sets.push({ name: `dev eval articles (${docs.length})`, docs });
  }
  // One large article of distinct text, no paragraph repeated (a repeated one would flatter any per-paragraph cache):
  // the open training texts (../shared/train), the dev articles and the seeds, each once.
  const train = shared('train', 'gum-open.jsonl');
  const parts = [...seeds, ...(sets[1]?.docs ?? [])];
  if (fs.existsSync(train)) {
    for (const l of fs.readFileSync(train, 'utf8').split('\n')) if (l.trim()) parts.push(JSON.parse(l).text);
  }
  const big = parts.join('\n\n');
  // the offsets baseline takes minutes on a large text, so it is left out there
  sets.push({ name: `distinct text (${(big.length / 1e6).toFixed(2)} MB)`, docs: [big], runs: 3, withOffsets: false });
  return sets;
}

const raw = (text) => {
  const doc = nlp(text);
  return doc.people().length + doc.places().length + doc.organizations().length;
};
const rawWithOffsets = (text) => {
  const doc = nlp(text);
  return doc.people().json({ offset: true }).length + doc.places().json({ offset: true }).length + doc.organizations().json({ offset: true }).length;
};

/** Median milliseconds of each fn over every doc, runs interleaved so machine noise hits them alike. */
function time(fns, docs, runs) {
  for (const fn of fns) for (const d of docs) fn(d);
  const samples = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, k) => {
      globalThis.gc?.();
      const t0 = performance.now();
      for (const d of docs) fn(d);
      samples[k].push(performance.now() - t0);
    });
  }
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]);
}

const core = await loadCore();
const pipeline = (text) => core.analyzeArticle(text).entities.length;
const ms = (x) => `${x.toFixed(1)} ms`.padStart(11);
console.log(`${'texts'.padEnd(32)}${'compromise'.padStart(11)}${'+offsets'.padStart(11)}${'pipeline'.padStart(11)}   ratio (vs compromise, vs +offsets)`);
const totals = { raw: 0, pipeline: 0 };
for (const set of texts()) {
  const withOffsets = set.withOffsets ?? true;
  const runs = set.runs ?? RUNS;
  const [rawMs, pipelineMs, rawOffsetsMs] = time(withOffsets ? [raw, pipeline, rawWithOffsets] : [raw, pipeline], set.docs, runs);
  totals.raw += rawMs;
  totals.pipeline += pipelineMs;
  const offsetCols = withOffsets ? ms(rawOffsetsMs) : '-'.padStart(11);
  const offsetRatio = withOffsets ? `, ${(pipelineMs / rawOffsetsMs).toFixed(2)}x` : '';
  console.log(`${set.name.padEnd(32)}${ms(rawMs)}${offsetCols}${ms(pipelineMs)}   ${(pipelineMs / rawMs).toFixed(2)}x${offsetRatio}`);
}
console.log(`${'all'.padEnd(32)}${ms(totals.raw)}${'-'.padStart(11)}${ms(totals.pipeline)}   ${(totals.pipeline / totals.raw).toFixed(2)}x`);
console.log(`pipeline / raw compromise: ${(totals.pipeline / totals.raw).toFixed(2)}x (target <= 1.0x, aim 0.5x)`);
