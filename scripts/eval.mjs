#!/usr/bin/env node
// npm run eval -- <gold.jsonl> [--json] [--pred out.jsonl] [--cli]
//
// Runs the pipeline over every document of a gold file (schema of the shared eval README: one JSON document a line
// with id, text, docDate, entities, dates), given the gold docDate as the article date, and scores it exactly like
// the shared score.mjs (strict / lenient / untyped entity P/R/F1 per type, date span P/R/F1 and value accuracy).
// It also runs without the article date and counts the articles whose date was detected, and detected right.
// By default the core is bundled from src with esbuild; --cli runs the built `dist/cli.js analyze` instead.
// The predictions are written to .bench/eval-pred.jsonl (or --pred FILE) for `show.mjs` and `score.mjs`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPipeline } from './lib/bundleCore.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--pred'));
const goldFile = positional[0];
if (!goldFile) {
  console.error('usage: npm run eval -- <gold.jsonl> [--json] [--pred out.jsonl] [--cli]');
  process.exit(1);
}
const asJson = flag('--json');
const predFile = option('--pred') ?? path.join(root, '.bench', 'eval-pred.jsonl');

const readJsonl = (f) =>
  fs
    .readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        console.error(`${f}:${i + 1}: ${e.message}`);
        process.exit(1);
      }
    });

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
  return {
    given: docs.map((d) => core.analyzeArticle(d.text, { articleDate: d.docDate ?? null })),
    detected: docs.map((d) => core.analyzeArticle(d.text)),
  };
}

// ---- scoring: a port of the shared score.mjs, same rules and figures ----

const TYPES = ['PER', 'LOC', 'ORG'];
const EDGE = /[\s\p{P}\p{S}]/u;
const ABBR = /(^|\s)((\p{L}\.)+|Inc\.|Corp\.|Co\.|Ltd\.|Jr\.|Sr\.|St\.|Bros\.|Mt\.|Ft\.|Dr\.|Mr\.|Mrs\.|Ms\.)$/u;
const PAIR = { '(': ')', '[': ']', '{': '}' };
const OPEN = { ')': '(', ']': '[', '}': '{' };
// a bracket is kept when its partner is inside the span: "Radnicki (N)", "(Tom) Seaver"
function trim(text, s, e) {
  for (let changed = true; changed && s < e; ) {
    changed = false;
    while (s < e && EDGE.test(text[s]) && !(PAIR[text[s]] && text.slice(s + 1, e).includes(PAIR[text[s]]))) {
      s++;
      changed = true;
    }
    if (/['’][sS]$/.test(text.slice(s, e)) && e - s > 2) {
      e -= 2;
      changed = true;
    }
    while (
      s < e &&
      EDGE.test(text[e - 1]) &&
      !(text[e - 1] === '.' && ABBR.test(text.slice(s, e))) &&
      !(OPEN[text[e - 1]] && text.slice(s, e - 1).includes(OPEN[text[e - 1]]))
    ) {
      e--;
      changed = true;
    }
  }
  return [s, e];
}
const trimmed = (text, spans) =>
  (spans ?? []).map((x) => {
    const [s, t] = trim(text, x.start, x.end);
    return { ...x, start: s, end: t };
  });

// one-to-one matching of gold and predicted spans: exact pairs first, then by overlap size
function match(golds, preds, sameType) {
  const pairs = [];
  golds.forEach((g, i) =>
    preds.forEach((p, j) => {
      const ov = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (ov > 0 && (!sameType || g.type === p.type)) pairs.push([g.start === p.start && g.end === p.end ? 1 : 0, ov, i, j]);
    }),
  );
  pairs.sort((x, y) => y[0] - x[0] || y[1] - x[1]);
  const gi = new Map();
  const pj = new Set();
  for (const [, , i, j] of pairs)
    if (!gi.has(i) && !pj.has(j)) {
      gi.set(i, j);
      pj.add(j);
    }
  return gi; // gold index -> pred index
}

const anchor = (v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? (v.from ?? v.notBefore ?? v.notAfter ?? v.to ?? null) : null);

const prf = (tp, np, ng) => {
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

function score(gold, predDocs) {
  const pred = new Map(predDocs.map((d) => [d.id, d]));
  const notes = [];
  const missing = gold.filter((g) => !pred.has(g.id)).length;
  if (missing) notes.push(`${missing} gold document(s) have no prediction`);
  const zero = () => ({ gold: 0, pred: 0, strict: 0, lenient: 0, untyped: 0 });
  const ent = Object.fromEntries([...TYPES, 'ALL'].map((t) => [t, zero()]));
  const dat = { gold: 0, pred: 0, found: 0, valueScored: 0, valueOk: 0 };
  let ignoredTypes = 0;
  let emptyAfterTrim = 0;
  for (const g of gold) {
    const p = pred.get(g.id) ?? { entities: [], dates: [] };
    const gEnts = trimmed(g.text, (g.entities ?? []).filter((e) => TYPES.includes(e.type)));
    const pEnts = [];
    for (const e of trimmed(g.text, p.entities)) {
      if (!TYPES.includes(e.type)) {
        ignoredTypes++;
        continue;
      }
      if (e.start >= e.end) {
        emptyAfterTrim++;
        continue;
      }
      pEnts.push(e);
    }
    for (const t of TYPES) {
      const gs = gEnts.filter((e) => e.type === t);
      const ps = pEnts.filter((e) => e.type === t);
      ent[t].gold += gs.length;
      ent[t].pred += ps.length;
      const keys = new Set(ps.map((e) => `${e.start}:${e.end}`));
      ent[t].strict += new Set(gs.filter((e) => keys.has(`${e.start}:${e.end}`)).map((e) => `${e.start}:${e.end}`)).size;
      ent[t].lenient += match(gs, ps, true).size;
    }
    ent.ALL.untyped += match(gEnts, pEnts, false).size;

    const gDates = trimmed(g.text, g.dates);
    const pDates = trimmed(g.text, p.dates).filter((d) => d.start < d.end);
    dat.gold += gDates.length;
    dat.pred += pDates.length;
    for (const [i, j] of match(gDates, pDates, false)) {
      dat.found++;
      const ga = anchor(gDates[i].value);
      if (!ga) continue;
      const want = ga.slice(0, 10);
      dat.valueScored++;
      const pa = anchor(pDates[j].value);
      if (typeof pa === 'string' && pa.slice(0, want.length) === want) dat.valueOk++;
    }
  }
  for (const t of TYPES) for (const k of ['gold', 'pred', 'strict', 'lenient']) ent.ALL[k] += ent[t][k];
  if (ignoredTypes) notes.push(`${ignoredTypes} predicted entities of other types ignored`);
  if (emptyAfterTrim) notes.push(`${emptyAfterTrim} predicted entities empty after trimming`);
  const out = { gold: goldFile, pred: predFile, docs: gold.length, entities: {}, dates: null, notes };
  for (const t of [...TYPES, 'ALL']) {
    const c = ent[t];
    out.entities[t] = { gold: c.gold, pred: c.pred, strict: prf(c.strict, c.pred, c.gold), lenient: prf(c.lenient, c.pred, c.gold) };
    if (t === 'ALL') out.entities[t].untyped = prf(c.untyped, c.pred, c.gold);
  }
  out.dates = {
    gold: dat.gold,
    pred: dat.pred,
    found: dat.found,
    span: prf(dat.found, dat.pred, dat.gold),
    valueAccuracy: dat.valueScored ? dat.valueOk / dat.valueScored : null,
    valueCorrect: dat.valueOk,
    valueScored: dat.valueScored,
  };
  out.F1 = out.entities.ALL.strict.f1;
  out.DATEACC = out.dates.valueAccuracy;
  return out;
}

function print(out) {
  const f = (x) => (100 * x).toFixed(1).padStart(5);
  const row = (name, c, k) => `${name.padEnd(12)}${String(c.gold).padStart(6)}${String(c.pred).padStart(6)}  ${f(c[k].p)} ${f(c[k].r)} ${f(c[k].f1)}`;
  console.log(`${'entities'.padEnd(12)}${'gold'.padStart(6)}${'pred'.padStart(6)}    P     R     F1    (strict | lenient)`);
  for (const t of [...TYPES, 'ALL']) {
    const c = out.entities[t];
    console.log(`${row(t, c, 'strict')}  | ${f(c.lenient.p)} ${f(c.lenient.r)} ${f(c.lenient.f1)}`);
  }
  const u = out.entities.ALL.untyped;
  console.log(`${'ALL untyped'.padEnd(24)}  ${''.padStart(17)}  | ${f(u.p)} ${f(u.r)} ${f(u.f1)}`);
  const d = out.dates;
  const spanCols = d.gold ? `${f(d.span.p)} ${f(d.span.r)} ${f(d.span.f1)}` : '  (no gold dates)';
  console.log(
    `${'dates'.padEnd(12)}${String(d.gold).padStart(6)}${String(d.pred).padStart(6)}  ${''.padStart(17)}  | ${spanCols}   value ${d.valueCorrect}/${d.valueScored}${d.valueAccuracy === null ? '' : ` = ${f(d.valueAccuracy).trim()}%`}`,
  );
  const a = out.articleDate;
  console.log(`article date detected ${a.detected}/${a.docs}, correct ${a.correct}/${a.withDate} (of the articles with a gold docDate)`);
  for (const n of out.notes) console.log(`note: ${n}`);
  const num = (x) => (x === null ? 'n/a' : x.toFixed(4));
  console.log(`F1 ${num(out.F1)} DATEACC ${num(out.DATEACC)}`);
}

const gold = readJsonl(goldFile);
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

const out = score(gold, predDocs);
out.articleDate = {
  docs: gold.length,
  withDate: gold.filter((g) => g.docDate).length,
  detected: detected.filter((r) => r.articleDate).length,
  correct: gold.filter((g, i) => g.docDate && detected[i].articleDate === g.docDate).length,
};
out.seconds = elapsed / 1000;
if (asJson) console.log(JSON.stringify(out, null, 1));
else print(out);
