#!/usr/bin/env node
// npm run bench:growth [-- --size N]
//
// How the cost grows with the input (issue 12, defect 6): each case runs at n and at 4n characters and prints the
// times and their ratio (about 4 when linear, 16 when quadratic), with raw compromise (nlp(text) and its people,
// places and organizations) on the same inputs in the same run as the reference. Cases: a realistic one-line article
// of distinct text (the open training texts, ../shared/train, joined on one line), a long run without spaces, many
// dates on one line, and re-anchoring a collection whose quotes are gone. Fastest of 3 runs each; asserts nothing.
//
// Raw compromise is itself super-linear on some of these inputs (its people / places / organizations matching on one
// sentence of tens of thousands of terms, the run without spaces: about 4x the time for 2x the input), so it runs in a
// worker thread with a time limit (--reference-limit seconds, default 60): past it the line says so and the run goes on.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { loadPipeline } from './lib/bundleCore.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sizeArg = process.argv.indexOf('--size');
const N = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 100_000;
const limitArg = process.argv.indexOf('--reference-limit');
const REFERENCE_LIMIT_MS = (limitArg > 0 ? Number(process.argv[limitArg + 1]) : 60) * 1000;

const { analyzeArticle } = await loadPipeline('growth');
const { parseArticle } = await loadPipeline('growth-parse', 'src/core/article/parseArticle.ts');
const { reanchorAll } = await loadPipeline('growth-anchoring', 'src/core/annotations/anchoring.ts');
const { createAnnotation } = await loadPipeline('growth-factory', 'src/core/annotations/annotationFactory.ts');
const { seededRandom } = await loadPipeline('growth-random', 'src/core/random/seededRandom.ts');

function fastest(run, runs = 3) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    global.gc?.();
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

// Raw compromise (nlp(text) and its people, places and organizations), timed inside a worker thread that is ended
// after `limitMs`: resolves with the milliseconds, or undefined when it did not finish in time.
const REFERENCE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const nlp = require(workerData.compromise);
const run = (text) => {
  const doc = nlp(text);
  doc.people().out('array');
  doc.places().out('array');
  doc.organizations().out('array');
};
run(workerData.text.slice(0, 2000)); // warm up
const start = performance.now();
run(workerData.text);
parentPort.postMessage(performance.now() - start);
`;
const compromisePath = createRequire(import.meta.url).resolve('compromise');

function compromiseWithin(text, limitMs) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(REFERENCE_WORKER, { eval: true, workerData: { text, compromise: compromisePath } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(undefined);
    }, limitMs);
    worker.once('message', (ms) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(ms);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Distinct text from the open training texts (or seeded random words when they are not there), on one line. */
function distinctText() {
  const found = [path.resolve(root, '..', 'shared'), path.resolve(root, '..', '..', 'shared')].find((d) => fs.existsSync(d));
  const train = found && path.join(found, 'train', 'gum-open.jsonl');
  const parts = [];
  if (train && fs.existsSync(train)) for (const l of fs.readFileSync(train, 'utf8').split('\n')) if (l.trim()) parts.push(JSON.parse(l).text);
  for (const f of fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort()) parts.push(fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
  return parts.join(' ').replace(/\s+/g, ' ');
}
const corpus = distinctText();

function randomWords(length, seed) {
  const random = seededRandom(seed);
  const out = [];
  let size = 0;
  while (size < length) {
    const word = Array.from({ length: 2 + Math.floor(random() * 8) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ').slice(0, length);
}

function lostQuotes(n) {
  const old = randomWords(n, 7);
  const text = randomWords(n, 11);
  const annotations = [];
  for (let i = 0; i < n / 2000; i++) {
    const start = (i * 1999 + 500) % (n - 50);
    annotations.push(createAnnotation({ article: 'a.txt', text: old, start, end: start + 40, label: 'place', now: new Date(0), id: `a${i}` }));
  }
  return { text, annotations };
}

const cases = [
  {
    name: 'one-line article of distinct text, analyzeArticle',
    make: (n) => corpus.slice(0, n),
    run: (text) => analyzeArticle(text),
    reference: true,
    usable: (n) => corpus.length >= n,
  },
  { name: 'run without spaces, parseArticle', make: (n) => `Opening words. ${'ab.'.repeat(n / 3)}`, run: (text) => parseArticle(text) },
  { name: 'run without spaces, analyzeArticle', make: (n) => `Opening words. ${'ab-'.repeat(n / 3)}`, run: (text) => analyzeArticle(text), reference: true },
  {
    name: 'many dates on one line, analyzeArticle',
    make: (n) => Array.from({ length: Math.ceil(n / 14) }, (_, i) => `May ${1 + (i % 28)}, 2020;`).join(' '),
    run: (text) => analyzeArticle(text),
    reference: true,
  },
  { name: `re-anchoring n/2000 lost quotes, reanchorAll`, make: lostQuotes, run: ({ text, annotations }) => reanchorAll(annotations, text) },
];

console.log(`n = ${N.toLocaleString('en-US')} characters; fastest of 3 runs; ratio = time at 4n / time at n (linear ~4, quadratic ~16)\n`);
for (const c of cases) {
  if (c.usable && !c.usable(4 * N)) {
    console.log(`${c.name}: skipped (not enough distinct text for ${4 * N} characters)`);
    continue;
  }
  const small = c.make(N);
  const large = c.make(4 * N);
  c.run(c.make(N / 16));
  const a = fastest(() => c.run(small));
  const b = fastest(() => c.run(large));
  let line = `${c.name}: ${a.toFixed(0)} ms -> ${b.toFixed(0)} ms, ratio ${(b / a).toFixed(1)}`;
  if (c.reference) {
    const ra = await compromiseWithin(small, REFERENCE_LIMIT_MS);
    const rb = ra === undefined ? undefined : await compromiseWithin(large, REFERENCE_LIMIT_MS);
    const shown = (ms) => (ms === undefined ? `over ${REFERENCE_LIMIT_MS / 1000} s (stopped)` : `${ms.toFixed(0)} ms`);
    line += `; raw compromise ${shown(ra)} -> ${ra === undefined ? 'not run' : shown(rb)}`;
    if (ra !== undefined && rb !== undefined) line += `, ratio ${(rb / ra).toFixed(1)}; pipeline / compromise at 4n ${(b / rb).toFixed(2)}`;
    else if (ra !== undefined) line += `, ratio over ${(REFERENCE_LIMIT_MS / ra).toFixed(1)}; pipeline / compromise at 4n under ${(b / REFERENCE_LIMIT_MS).toFixed(2)}`;
  }
  console.log(line);
}
