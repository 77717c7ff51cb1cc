#!/usr/bin/env node
// npm run bench:corpus [-- --sizes 100,1000,5000] [--no-reference] [--objects]
//
// Scale of the whole-collection path (article-annotator corpus and the workspace index) on generated collections of
// DISTINCT articles: sentences of the seeds and of ../shared/train/gum-open.jsonl (open training data, never the eval
// data) mixed across source documents, their names (the gold person/place/organization spans of the training data,
// and the seeds' capitalised names) replaced by generated ones drawn from shared pools, so names recur across articles
// as they do in a real collection; every paragraph is unique. For each size it prints, in the same run:
// - raw compromise (nlp(text) + .people() + .places() + .organizations()) on the same texts, one thread;
// - indexing (read each file, analyse it, put it in a CorpusIndex, list the entities) with 1 and 2 worker threads,
//   the code of `article-annotator corpus`, and its ratio to raw compromise;
// - the index's memory (heap held by the CorpusIndex, after garbage collection) and the process's peak RSS;
// - reopening from the cache as the workspace index does at activation: the summary (the ranked entities, written and
//   checked by the extension's own code in indexCache.ts) read and checked: the Entities view lists the collection
//   then; the pack (every article on one line) read, each line checked and parsed, put in a new CorpusIndex, the
//   entities ranked: the articles' mentions are back then; and the per-article
//   entries read 16 at a time with each article, hashed, checked, parsed (what the index checks in the background
//   afterwards), with the time of each step; the memory the reopened index holds (texts, analyses, corpus);
// - re-indexing one changed article (analyse + setArticle) against analysing that article alone.
// Asserts nothing; the targets are printed beside the figures.
import nlp from 'compromise';
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, '.bench');
const sizesArg = process.argv.indexOf('--sizes');
const SIZES = (sizesArg > 0 ? process.argv[sizesArg + 1] : '100,1000,5000').split(',').map(Number);
// --no-reference: only the 2-worker index (memory, reopen and re-index figures without the ratios), for a loaded machine
const REFERENCE = !process.argv.includes('--no-reference');
// --objects: also count the objects the reopened index keeps per article (two heap snapshots; slow at 5,000)
const OBJECTS = process.argv.includes('--objects');

// --- the code under test, bundled from the sources as they are now ------------------------------------------------
fs.mkdirSync(benchDir, { recursive: true });
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };
await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/cli/corpus.ts')], outfile: path.join(benchDir, 'corpus-cli.cjs') });
await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/cli/corpusWorker.ts')], outfile: path.join(benchDir, 'corpusWorker.js') });
await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/core/nlp/pipeline.ts')], outfile: path.join(benchDir, 'corpus-pipeline.cjs') });
await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/core/corpus/corpusIndex.ts')], outfile: path.join(benchDir, 'corpus-index.cjs') });
await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/core/corpus/indexCache.ts')], outfile: path.join(benchDir, 'index-cache.cjs') });
await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/core/corpus/packedAnalysis.ts')], outfile: path.join(benchDir, 'packed-analysis.cjs') });
await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/core/nlp/shareAnalysisStrings.ts')], outfile: path.join(benchDir, 'share-strings.cjs') });
await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/core/text/stringPool.ts')], outfile: path.join(benchDir, 'string-pool.cjs') });
const require = createRequire(import.meta.url);
const { sharePackedStrings, shareQuotationStrings } = require(path.join(benchDir, 'share-strings.cjs'));
const { packAnalysis } = require(path.join(benchDir, 'packed-analysis.cjs'));
const { StringPool } = require(path.join(benchDir, 'string-pool.cjs'));
const { analyzeFiles } = require(path.join(benchDir, 'corpus-cli.cjs'));
const { CorpusIndex } = require(path.join(benchDir, 'corpus-index.cjs'));
const { analyzeArticle } = require(path.join(benchDir, 'corpus-pipeline.cjs'));
const { cacheOptionsKey, packHeader, packIdOf, parseIndexCacheEntry, parsePackedArticle, parseSummaryEntity, parseSummaryHeader, serializeIndexCacheEntry, serializePackedArticle, serializeSummaryEntity, summaryHeader } = require(path.join(benchDir, 'index-cache.cjs'));

// --- generated collections ------------------------------------------------------------------------------------------
let seed = 20260501;
function random(n) {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
}
const pick = (list) => list[random(list.length)];
/** Zipf-like: low indexes far more often, so some names recur in many articles and most in few. */
const skewed = (list) => list[Math.floor(list.length * Math.pow(random(1_000_000) / 1_000_000, 3))];

const SYLLABLES = 'ba be bi bo da de di do fa fe ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi vo za ze zi zo an en in on ar er or el al ol'.split(' ');
const word = () => {
  let w = '';
  for (let i = 0, n = 2 + random(2); i < n; i++) w += pick(SYLLABLES);
  return w[0].toUpperCase() + w.slice(1);
};
const people = Array.from({ length: 4000 }, () => [word(), word()]);
const places = Array.from({ length: 1500 }, () => word() + pick(['', '', 'ville', 'burg', ' Springs', 'ford', 'stad']));
const orgs = Array.from({ length: 1500 }, () => `${word()} ${pick(['Group', 'Bank', 'Foods', 'Council', 'Party', 'University', 'Institute', 'Motors', 'Union', 'Airlines'])}`);

function sourceDocuments() {
  const docs = [];
  // ../shared from the repository, or from a worktree under wt/
  const train = [path.resolve(root, '..', 'shared'), path.resolve(root, '..', '..', 'shared')].map((d) => path.join(d, 'train', 'gum-open.jsonl')).find((f) => fs.existsSync(f));
  if (train) {
    for (const line of fs.readFileSync(train, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const doc = JSON.parse(line);
      const names = (doc.entities ?? []).filter((e) => ['PER', 'LOC', 'ORG'].includes(e.type)).map((e) => ({ text: e.text, type: e.type }));
      docs.push({ text: doc.text, names });
    }
  }
  for (const f of fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt'))) {
    const text = fs.readFileSync(path.join(root, 'seeds', f), 'utf8');
    // the seeds have no gold: their capitalised two-word names stand in
    const names = [...new Set(text.match(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g) ?? [])].map((t) => ({ text: t, type: 'PER' }));
    docs.push({ text, names });
  }
  return docs.map((d) => ({
    sentences: d.text
      .split(/(?<=[.!?])\s+(?=[A-Z"“])|\n+/)
      .map((s) => s.trim())
      .filter((s) => s.length > 30 && s.length < 400 && /[a-z]/.test(s)),
    names: [...new Map(d.names.filter((n) => n.text.length > 2).map((n) => [n.text, n])).values()].sort((a, b) => b.text.length - a.text.length),
  })).filter((d) => d.sentences.length >= 5);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function generateCollection(count, docs) {
  const paragraphs = new Set();
  const articles = [];
  while (articles.length < count) {
    const rename = new Map();
    const renamed = (name) => {
      let r = rename.get(name.text);
      if (r === undefined) {
        const words = name.text.split(/\s+/).length;
        if (name.type === 'PER') {
          const [first, last] = skewed(people);
          r = words >= 2 ? `${first} ${last}` : last;
        } else if (name.type === 'LOC') r = skewed(places);
        else r = words >= 2 ? skewed(orgs) : skewed(orgs).split(' ')[0];
        rename.set(name.text, r);
      }
      return r;
    };
    const sources = Array.from({ length: 2 + random(3) }, () => pick(docs));
    const body = [];
    for (let p = 0, n = 4 + random(5); p < n; p++) {
      const sentences = [];
      for (let s = 0, m = 2 + random(3); s < m; s++) {
        const doc = pick(sources);
        let sentence = pick(doc.sentences);
        for (const name of doc.names) if (sentence.includes(name.text)) sentence = sentence.split(name.text).join(renamed(name));
        sentences.push(sentence);
      }
      const paragraph = sentences.join(' ');
      if (paragraphs.has(paragraph)) continue;
      paragraphs.add(paragraph);
      body.push(paragraph);
    }
    const title = `${pick(body).split(/\s+/).slice(0, 6).join(' ').replace(/[.,;:]$/, '')}`;
    const year = 2005 + random(20);
    const date = new Date(Date.UTC(year, random(12), 1 + random(28)));
    const dateline = random(4) === 0 ? [] : [`${WEEKDAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${year}`];
    articles.push([title, ...dateline, ...body].join('\n\n') + '\n');
  }
  return articles;
}

// --- measuring ------------------------------------------------------------------------------------------------------
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
sampler.unref();
const gc = () => globalThis.gc?.();
const now = () => performance.now();

function raw(text) {
  const doc = nlp(text);
  return doc.people().length + doc.places().length + doc.organizations().length;
}

/** CPU milliseconds of the whole process (worker threads included) since `start`. */
const cpuMs = (start) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

async function indexWith(files, threads) {
  const t0 = now();
  const c0 = process.cpuUsage();
  const results = await analyzeFiles(files.map((file) => ({ file, dateFromFile: false })), threads);
  const index = new CorpusIndex();
  for (const r of results) if (!('problem' in r)) index.setArticle(r.file, r.analysis, r.text);
  const entities = index.entities();
  return { ms: now() - t0, cpu: cpuMs(c0), index, results, entities: entities.length };
}

const hash = (text) => createHash('sha256').update(text).digest('hex');
/** A heap snapshot of this process, parsed (node ids are stable between two snapshots of one process). */
function heapSnapshot() {
  gc();
  const file = v8.writeHeapSnapshot(path.join(benchDir, 'objects.heapsnapshot'));
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.unlinkSync(file);
  return snapshot;
}

/** Objects of `after` that `before` lacks, reachable from the global's property `root` (weak edges not followed; native memory left out). */
function objectsKept(before, after, root) {
  const NF = before.snapshot.meta.node_fields.length;
  const EF = after.snapshot.meta.edge_fields.length;
  const old = new Set();
  for (let i = 2; i < before.nodes.length; i += NF) old.add(before.nodes[i]);
  const { nodes, edges, strings } = after;
  const types = after.snapshot.meta.node_types[0];
  const edgeTypes = after.snapshot.meta.edge_types[0];
  const n = nodes.length / NF;
  const firstEdge = new Uint32Array(n + 1);
  for (let i = 0, e = 0; i < n; i++) {
    firstEdge[i] = e;
    e += nodes[i * NF + 4] * EF;
  }
  firstEdge[n] = edges.length;
  const stack = [];
  for (let v = 0; v < n; v++) for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) if (edgeTypes[edges[e]] === 'property' && strings[edges[e + 1]] === root) stack.push(edges[e + 2] / NF);
  const seen = new Uint8Array(n);
  const byKind = new Map();
  let objects = 0;
  let bytes = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (seen[v]) continue;
    seen[v] = 1;
    // a typed array's contents (native) are off the collected heap
    if (!old.has(nodes[v * NF + 2]) && types[nodes[v * NF]] !== 'native') {
      objects++;
      bytes += nodes[v * NF + 3];
      const type = types[nodes[v * NF]];
      const kind = type === 'object' ? strings[nodes[v * NF + 1]] : type;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) if (edgeTypes[edges[e]] !== 'weak') stack.push(edges[e + 2] / NF);
  }
  return { objects, bytes, top: [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 6) };
}

const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

const docs = sourceDocuments();
console.log(`bench:corpus  sources: ${docs.length} documents, ${docs.reduce((n, d) => n + d.sentences.length, 0)} sentences; node ${process.version}; ${globalThis.gc ? 'gc exposed' : 'run with --expose-gc for memory figures'}`);
raw('Warm-up of compromise.'); // its lexicon loads once, outside the timings
analyzeArticle('Warm-up of the pipeline in Kabul.');

for (const size of SIZES) {
  const texts = generateCollection(size, docs);
  const dir = path.join(benchDir, `corpus-${size}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = texts.map((text, i) => {
    const file = path.join(dir, `article-${String(i).padStart(5, '0')}.txt`);
    fs.writeFileSync(file, text);
    return file;
  });
  const chars = texts.reduce((n, t) => n + t.length, 0);
  console.log(`\n${size} distinct articles, ${(chars / 1e6).toFixed(2)} M characters (${Math.round(chars / size)} per article)`);

  gc();
  let t0 = now();
  let c0 = process.cpuUsage();
  let rawMs = 0;
  let rawCpu = 0;
  if (REFERENCE) {
    for (const text of texts) raw(text);
    rawMs = now() - t0;
    rawCpu = cpuMs(c0);
    gc();
    const one = await indexWith(files, 1);
    console.log(`  raw compromise, 1 thread        ${ms(rawMs).padStart(9)}   cpu ${ms(rawCpu)}`);
    console.log(`  index, 1 worker (in-process)    ${ms(one.ms).padStart(9)}   cpu ${ms(one.cpu)}; ${(one.ms / rawMs).toFixed(2)}x raw compromise`);
  }
  gc();
  const two = await indexWith(files, 2);
  console.log(`  index, 2 workers                ${ms(two.ms).padStart(9)}   cpu ${ms(two.cpu)}; ${REFERENCE ? `${(rawMs / two.ms).toFixed(2)}x faster than raw compromise (target >= 1.5x); on CPU time, with both cores its own, ${(rawCpu / (two.cpu / 2)).toFixed(2)}x;` : '(--no-reference)'} ${two.entities} entities`);
  console.log(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores (wall times need an idle machine; cpu times are the process's, workers included)`);

  // the on-disk cache as the workspace index writes it: one checked entry per article, named by content, pipeline and options
  let analyses = two.results.filter((r) => !('problem' in r));
  // the summary beside the pack, as the workspace index writes it: the ranked entities, one a line
  const summaryLines = [summaryHeader({ pipeline: 'bench', pack: 'bench-pack', articles: analyses.length }), ...two.index.entities().map(serializeSummaryEntity)];
  // each article's quotations and timeline sentences, found once as the index does, kept in the pack
  const preparedOf = new Map();
  for (const r of analyses) {
    two.index.prepare(r.file);
    preparedOf.set(r.file, two.index.prepared(r.file));
  }
  two.index = undefined;
  two.results = undefined;
  const cacheDir = path.join(dir, '.cache');
  fs.mkdirSync(cacheDir);
  const OPTIONS = {};
  const cacheNameOf = (text) => hash(`${hash(text)}\u0000bench\u0000${cacheOptionsKey(text, OPTIONS)}`).slice(0, 40);
  const packLines = [packHeader('bench', 'bench-pack')];
  for (const r of analyses) {
    const entry = serializeIndexCacheEntry({ pipeline: 'bench', contentHash: hash(r.text), optionsKey: cacheOptionsKey(r.text, OPTIONS), analysis: r.analysis });
    fs.writeFileSync(path.join(cacheDir, `${cacheNameOf(r.text)}.json`), entry);
    packLines.push(serializePackedArticle({ key: path.relative(dir, r.file), uri: `file://${r.file}`, text: r.text, cacheName: cacheNameOf(r.text), analysis: packAnalysis(r.analysis), prepared: preparedOf.get(r.file) }));
  }
  // the pack as the workspace index writes it once it settles: every article on one line
  const packFile = path.join(cacheDir, 'pack.jsonl');
  fs.writeFileSync(packFile, packLines.join('\n') + '\n');
  const packBytes = fs.statSync(packFile).size;
  const summaryFile = path.join(cacheDir, 'summary.jsonl');
  fs.writeFileSync(summaryFile, summaryLines.join('\n') + '\n');
  const summaryBytes = fs.statSync(summaryFile).size;
  packLines.length = 0;
  analyses = undefined;
  preparedOf.clear();
  gc();

  // reopen from the cache, as the workspace index does it: articles 16 at a time, each read, hashed, its entry read,
  // checked against the text and parsed, put in the corpus; then the entity list the Entities view shows
  const phases = { read: 0, hash: 0, parse: 0, index: 0, list: 0 };
  const timed = async (phase, work) => {
    const t = now();
    const result = await work();
    phases[phase] += now() - t;
    return result;
  };
  t0 = now();
  let reopened = new CorpusIndex();
  for (let i = 0; i < files.length; i += 16) {
    const batch = files.slice(i, i + 16);
    const textsRead = await timed('read', () => Promise.all(batch.map((file) => fs.promises.readFile(file, 'utf8'))));
    const keys = await timed('hash', () => textsRead.map((text) => ({ name: cacheNameOf(text), contentHash: hash(text), optionsKey: cacheOptionsKey(text, OPTIONS) })));
    const raws = await timed('read', () => Promise.all(keys.map((k) => fs.promises.readFile(path.join(cacheDir, `${k.name}.json`), 'utf8'))));
    const parsed = await timed('parse', () => raws.map((raw, j) => parseIndexCacheEntry(raw, textsRead[j], { contentHash: keys[j].contentHash, pipeline: 'bench', optionsKey: keys[j].optionsKey })));
    await timed('index', () =>
      parsed.forEach((p, j) => {
        if (!('analysis' in p)) throw new Error(`cache entry refused for ${batch[j]}: ${p.problem}`);
        reopened.setArticle(batch[j], p.analysis, textsRead[j]);
      }),
    );
  }
  const listed = await timed('list', () => reopened.entities());
  const reopenMs = now() - t0;
  console.log(`  reopen, one file per article    ${ms(reopenMs).padStart(9)}   ${Object.entries(phases).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}; ${listed.length} entities (what the index checks in the background after the pack)`);
  reopened = undefined;
  const snapshotBefore = OBJECTS ? heapSnapshot() : undefined;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;

  // reopen from the summary, as the workspace index does first at activation: one small file read, each entity line
  // checked and parsed: the Entities view lists the whole collection then, while the pack's articles come in
  t0 = now();
  const summaryRead = fs.readFileSync(summaryFile, 'utf8').split('\n');
  const summaryReadMs = now() - t0;
  const header = parseSummaryHeader(summaryRead[0], 'bench');
  if (!header || header.pack !== 'bench-pack') throw new Error('the summary header does not match');
  const listedFromSummary = [];
  for (let i = 1; i < summaryRead.length; i++) {
    if (summaryRead[i] === '') continue;
    const parsed = parseSummaryEntity(summaryRead[i]);
    if (!('entity' in parsed)) throw new Error(`summary line ${i} refused: ${parsed.problem}`);
    listedFromSummary.push(parsed.entity);
  }
  const summaryMs = now() - t0;
  console.log(`  reopen, Entities view listed    ${ms(summaryMs).padStart(9)}   (target <= 1 s at 1,000) from the summary: read ${ms(summaryReadMs)}, parse ${ms(summaryMs - summaryReadMs)}; ${listedFromSummary.length} entities; summary ${(summaryBytes / 1e3).toFixed(0)} kB`);

  // the pack, as the workspace index reads it after the summary: one file read, each line checked and parsed, put in
  // the corpus, the entities ranked: then the articles' mentions, hovers and navigation are back
  const packPhases = { read: 0, parse: 0, index: 0, list: 0 };
  const packTimed = (phase, work) => {
    const t = now();
    const result = work();
    packPhases[phase] += now() - t;
    return result;
  };
  t0 = now();
  c0 = process.cpuUsage();
  const lines = packTimed('read', () => fs.readFileSync(packFile, 'utf8').split('\n'));
  if (packIdOf(lines[0], 'bench') !== 'bench-pack') throw new Error('the pack header does not match');
  const fromPack = new CorpusIndex();
  const strings = new StringPool();
  const held = new Map();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const parsed = packTimed('parse', () => parsePackedArticle(lines[i]));
    lines[i] = '';
    if (!('article' in parsed)) throw new Error(`pack line ${i} refused: ${parsed.problem}`);
    const { key, text, analysis, cacheName, uri, prepared } = parsed.article;
    // as the workspace index does: the parsed names point at one shared copy each (see core/text/stringPool.ts)
    packTimed('parse', () => {
      sharePackedStrings(analysis, strings);
      if (prepared) shareQuotationStrings(prepared.quotes, strings);
    });
    packTimed('index', () => fromPack.setArticle(key, analysis, text, prepared));
    // as the workspace index's entries: the analysis as the pack stores it, the same object the corpus holds
    held.set(key, { uri, text, cacheName, packed: analysis });
  }
  const packListed = packTimed('list', () => (fromPack.rank(), fromPack.entities()));
  const packMs = now() - t0;
  const packCpu = cpuMs(c0);
  console.log(`  reopen, every article in        ${ms(packMs).padStart(9)}   cpu ${ms(packCpu)} from the pack (in slices of 10 ms in the extension host): ${Object.entries(packPhases).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}; ${packListed.length} entities; pack ${mb(packBytes)}`);
  gc();
  const heldBytes = process.memoryUsage().heapUsed - heapBefore;
  console.log(`  index memory                    ${mb(heldBytes).padStart(9)}   (target < 200 MB at 5,000: texts, analyses and corpus as reopened from the pack, heap after GC, ${held.size} articles); peak RSS so far ${mb(peakRss)}`);
  if (snapshotBefore) {
    // every article prepared (quotations, timeline sentences), as the workspace index has them once it settles
    for (const key of held.keys()) fromPack.prepare(key);
    fromPack.rank();
    globalThis.benchHeld = { fromPack, held, strings };
    const kept = objectsKept(snapshotBefore, heapSnapshot(), 'benchHeld');
    globalThis.benchHeld = undefined;
    console.log(
      `  index objects                   ${(kept.objects / held.size).toFixed(0).padStart(9)}   per article, ${(kept.bytes / held.size / 1024).toFixed(1)} KB (objects made since the reopen began that the corpus and the entries reach, every article prepared; what the host's young-generation collections copy while a collection is indexed): ${kept.top.map(([k, n]) => `${k} ${(n / held.size).toFixed(1)}`).join(', ')}`,
    );
  }

  // one article changes
  const victim = Math.floor(size / 2);
  const changedText = `${texts[victim]}\n${pick(people).join(' ')} said the ${pick(orgs)} would meet in ${pick(places)}.\n`;
  const runs = 7;
  const alone = [];
  const reindex = [];
  const setOnly = [];
  for (let r = 0; r < runs; r++) {
    gc();
    t0 = now();
    analyzeArticle(changedText);
    alone.push(now() - t0);
    gc();
    t0 = now();
    const analysis = analyzeArticle(changedText);
    const t1 = now();
    fromPack.setArticle(path.relative(dir, files[victim]), analysis, changedText);
    fromPack.entities();
    reindex.push(now() - t0);
    setOnly.push(now() - t1);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `  re-index one changed article    ${ms(median(reindex)).padStart(9)}   analysing it alone ${ms(median(alone))}: ${(median(reindex) / median(alone)).toFixed(2)}x (target <= 1x plus noise); index update + entity list ${ms(median(setOnly))}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`\npeak RSS ${mb(peakRss)}`);
