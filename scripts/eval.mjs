#!/usr/bin/env node
// npm run eval -- <gold.jsonl> [--json] [--pred out.jsonl] [--cli] [--mode rules|retype|union|model] [--rename [--seed N]] [--spaced]
//
// Runs the pipeline over every document of a gold file (schema of the shared eval README: one JSON document a line
// with id, text, docDate, entities, dates), given the gold docDate as the article date, and scores it exactly like
// the shared score.mjs (strict / lenient / untyped entity P/R/F1 per type, date span P/R/F1 and value accuracy).
// It also runs without the article date and counts the articles whose date was detected, and detected right.
// By default the core is bundled from src with esbuild; --cli runs the built `dist/cli.js analyze` instead.
// The predictions are written to .bench/eval-pred.jsonl (or --pred FILE) for `show.mjs` and `score.mjs`.
// --rename scores a copy whose gold names are replaced by invented words (a proxy for news full of names nobody has used:
// what known names contribute no longer counts; --seed N draws other words); --spaced a copy with its punctuation spaced
// apart as CoNLL-2003 keeps it. Both move the gold spans with the text (scripts/lib/transform.mjs); the pred file holds
// the changed texts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPipeline } from './lib/bundleCore.mjs';
import { print, score } from './lib/score.mjs';
import { readJsonl } from './lib/jsonl.mjs';
import { renamed, spaced } from './lib/transform.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--pred', '--mode', '--seed'].includes(args[i - 1])));
// --mode: how the statistical entity model is combined with the rules (default: the shipped DEFAULT_COMBINE_MODE)
const mode = option('--mode');
const goldFile = positional[0];
if (!goldFile) {
  console.error('usage: npm run eval -- <gold.jsonl> [--json] [--pred out.jsonl] [--cli] [--mode M] [--rename [--seed N]] [--spaced]');
  process.exit(1);
}
const asJson = flag('--json');
const predFile = option('--pred') ?? path.join(root, '.bench', 'eval-pred.jsonl');


// ---- running the pipeline ----

const GOLD_TYPE = { person: 'PER', place: 'LOC', organization: 'ORG' };

/** Loads the core by bundling it from src, so the eval measures the sources as they are now. */
async function loadCore() {
  return loadPipeline('eval');
}

/** Runs `dist/cli.js analyze [--date D] FILE...` over the documents written to files; one result per document. */
function runCli(docs, withDate) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-eval-'));
  const analyze = (files, date) => {
    const cliArgs = [path.join(root, 'dist', 'cli.js'), 'analyze', ...(date ? ['--date', date] : []), ...files];
    const run = spawnSync(process.execPath, cliArgs, { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`dist/cli.js analyze failed: ${run.stderr}`);
    return JSON.parse(run.stdout).map((r) => ({ articleDate: r.date ?? null, entities: r.entities, dates: r.dates }));
  };
  try {
    const files = docs.map((doc, i) => {
      const file = path.join(dir, `${String(i).padStart(4, '0')}.txt`);
      fs.writeFileSync(file, doc.text);
      return file;
    });
    // with the article date each document needs its own run; without it one run takes them all
    return withDate ? files.map((f, i) => analyze([f], docs[i].docDate)[0]) : analyze(files, undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function predict(docs) {
  if (flag('--cli')) return { given: runCli(docs, true), detected: runCli(docs, false) };
  const core = await loadCore();
  const tagger = mode === undefined ? undefined : mode === 'rules' ? null : { model: core.defaultEntityTagger().model, mode };
  return {
    given: docs.map((d) => core.analyzeArticle(d.text, { articleDate: d.docDate ?? null }, tagger)),
    detected: docs.map((d) => core.analyzeArticle(d.text, {}, tagger)),
  };
}

const seed = Number(option('--seed') ?? 1);
const gold = readJsonl(goldFile)
  .map((d) => (flag('--rename') ? renamed(d, seed) : d))
  .map((d) => (flag('--spaced') ? spaced(d) : d));
const started = performance.now();
const { given, detected } = await predict(gold);
const elapsed = performance.now() - started;
const predDocs = gold.map((g, i) => ({
  id: g.id,
  entities: given[i].entities.map((e) => ({ start: e.start, end: e.end, type: GOLD_TYPE[e.type] ?? e.type, text: e.text })),
  dates: given[i].dates.map((d) => ({ start: d.start, end: d.end, text: d.text, value: d.value })),
}));
fs.mkdirSync(path.dirname(predFile), { recursive: true });
fs.writeFileSync(predFile, predDocs.map((d, i) => JSON.stringify({ ...d, text: gold[i].text, docDate: detected[i].articleDate })).join('\n') + '\n');

const out = score(gold, predDocs, { goldFile, predFile });
out.articleDate = {
  docs: gold.length,
  withDate: gold.filter((g) => g.docDate).length,
  detected: detected.filter((r) => r.articleDate).length,
  correct: gold.filter((g, i) => g.docDate && detected[i].articleDate === g.docDate).length,
};
out.seconds = elapsed / 1000;
if (asJson) console.log(JSON.stringify(out, null, 1));
else print(out);
