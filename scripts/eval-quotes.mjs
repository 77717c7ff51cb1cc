#!/usr/bin/env node
// npm run eval:quotes -- <gold.jsonl> [--texts texts.jsonl]... [--seeds DIR]... [--json] [--verbose]
//
// Finds the quotations of every document of a quotes gold file (schema of the shared quotes README: id, quotes
// [{start, end, quote, speaker, speakerType, cue, ambiguous}], skipped) with the same core `analyze` uses, and prints
// quote span precision / recall / F1 (exact span: the words between the marks) and the share of quotes with a named
// speaker attributed to that speaker. A document's text is its own `text` field when it has one, else the document
// of the same id in --texts files (default: every other .jsonl beside the gold file that carries texts), else the
// file of that name in --seeds directories (default: ../seeds beside the gold file, and this project's seeds/).
// --verbose lists every miss, false alarm and wrong speaker.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPipeline } from './lib/bundleCore.mjs';
import { readJsonl } from './lib/jsonl.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const valued = new Set(['--texts', '--seeds']);
const optionValues = (name) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && valued.has(args[i - 1])));
const goldFile = positional[0];
if (!goldFile) {
  console.error('usage: npm run eval:quotes -- <gold.jsonl> [--texts texts.jsonl]... [--seeds DIR]... [--json] [--verbose]');
  process.exit(2);
}


const gold = readJsonl(goldFile);
const goldDir = path.dirname(path.resolve(goldFile));
const textFiles = optionValues('--texts');
if (textFiles.length === 0) {
  for (const f of fs.readdirSync(goldDir)) {
    if (f.endsWith('.jsonl') && path.join(goldDir, f) !== path.resolve(goldFile)) textFiles.push(path.join(goldDir, f));
  }
}
const texts = new Map();
for (const file of textFiles) {
  for (const doc of readJsonl(file)) if (typeof doc.id === 'string' && typeof doc.text === 'string') texts.set(doc.id, doc);
}
const seedDirs = optionValues('--seeds');
if (seedDirs.length === 0) seedDirs.push(path.join(goldDir, '..', 'seeds'), path.join(root, 'seeds'));

function textOf(doc) {
  if (typeof doc.text === 'string') return { text: doc.text, date: doc.docDate };
  const known = texts.get(doc.id);
  if (known) return { text: known.text, date: known.docDate };
  for (const dir of seedDirs) {
    const file = path.join(dir, doc.id);
    if (fs.existsSync(file)) return { text: fs.readFileSync(file, 'utf8'), date: undefined };
  }
  return undefined;
}

const core = await loadPipeline('eval-quotes', 'scripts/lib/quotesEntry.ts');

const normalise = (name) =>
  name === null || name === undefined
    ? null
    : name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/^the\s+/iu, '')
        .replace(/\s+/gu, ' ')
        .trim()
        .toLowerCase();

const totals = { gold: 0, pred: 0, exact: 0, overlap: 0, predOnSkipped: 0, named: 0, namedRight: 0, namedMatched: 0, namedClear: 0, namedClearRight: 0, unnamed: 0, unnamedRight: 0 };
const details = [];
for (const doc of gold) {
  const source = textOf(doc);
  if (!source) {
    console.error(`no text for document ${doc.id}: give --texts or --seeds`);
    process.exit(1);
  }
  const predicted = core.quotationsOf(source.text, source.date ?? undefined);
  const skipped = doc.skipped ?? [];
  const byspan = new Map(predicted.map((p) => [`${p.start}:${p.end}`, p]));
  totals.gold += doc.quotes.length;
  totals.pred += predicted.length;
  for (const p of predicted) {
    const hit = doc.quotes.some((g) => g.start === p.start && g.end === p.end);
    if (!hit && skipped.some((s) => s.start < p.end && p.start < s.end)) totals.predOnSkipped++;
    if (!hit) details.push(`${doc.id} FALSE ${p.start}-${p.end} [${p.speaker}] ${JSON.stringify(p.text.slice(0, 70))}`);
  }
  for (const g of doc.quotes) {
    const p = byspan.get(`${g.start}:${g.end}`);
    if (p) totals.exact++;
    if (predicted.some((q) => q.start < g.end && g.start < q.end)) totals.overlap++;
    if (!p) details.push(`${doc.id} MISS ${g.start}-${g.end} [${g.speaker}] ${JSON.stringify(g.quote.slice(0, 70))}`);
    if (g.speaker !== null) {
      totals.named++;
      if (!g.ambiguous) totals.namedClear++;
      if (p) totals.namedMatched++;
      const right = p !== undefined && normalise(p.speaker) === normalise(g.speaker);
      if (right) totals.namedRight++;
      if (right && !g.ambiguous) totals.namedClearRight++;
      if (p && !right) details.push(`${doc.id} SPEAKER ${g.start}-${g.end} gold [${g.speaker}] got [${p.speaker}] cue ${p.cue} ${JSON.stringify(g.quote.slice(0, 50))}`);
    } else {
      totals.unnamed++;
      if (p && p.speaker === null) totals.unnamedRight++;
      if (p && p.speaker !== null) details.push(`${doc.id} SPEAKER ${g.start}-${g.end} gold [unnamed] got [${p.speaker}] ${JSON.stringify(g.quote.slice(0, 50))}`);
    }
  }
}

const ratio = (a, b) => (b === 0 ? 0 : a / b);
const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const precision = ratio(totals.exact, totals.pred);
const recall = ratio(totals.exact, totals.gold);
const precisionNoSkipped = ratio(totals.exact, totals.pred - totals.predOnSkipped);
const summary = {
  documents: gold.length,
  gold: totals.gold,
  predicted: totals.pred,
  span: { precision, recall, f1: f1(precision, recall) },
  spanIgnoringSkipped: { precision: precisionNoSkipped, recall, f1: f1(precisionNoSkipped, recall) },
  overlapRecall: ratio(totals.overlap, totals.gold),
  namedSpeaker: { quotes: totals.named, right: totals.namedRight, share: ratio(totals.namedRight, totals.named), shareOfFound: ratio(totals.namedRight, totals.namedMatched) },
  namedSpeakerUnambiguous: { quotes: totals.namedClear, right: totals.namedClearRight, share: ratio(totals.namedClearRight, totals.namedClear) },
  unnamed: { quotes: totals.unnamed, keptUnnamed: totals.unnamedRight },
};

if (args.includes('--json')) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  if (args.includes('--verbose')) for (const d of details) console.log(d);
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  const f = (x) => x.toFixed(3);
  console.log(`quotes: ${summary.documents} documents, ${summary.gold} gold quotes, ${summary.predicted} found`);
  console.log(`span (exact)          P ${f(precision)}  R ${f(recall)}  F1 ${f(summary.span.f1)}`);
  console.log(`span, skipped ignored P ${f(precisionNoSkipped)}  R ${f(recall)}  F1 ${f(summary.spanIgnoringSkipped.f1)}  (${totals.predOnSkipped} found on spans the gold lists as skipped)`);
  console.log(`span overlap recall   ${f(summary.overlapRecall)}`);
  console.log(`named speaker right   ${totals.namedRight}/${totals.named} = ${pct(summary.namedSpeaker.share)}  (of the quotes found: ${pct(summary.namedSpeaker.shareOfFound)}; unambiguous only: ${totals.namedClearRight}/${totals.namedClear} = ${pct(summary.namedSpeakerUnambiguous.share)})`);
  console.log(`unnamed kept unnamed  ${totals.unnamedRight}/${totals.unnamed}`);
  console.log(`F1 ${f(summary.span.f1)} SPEAKER ${f(summary.namedSpeaker.share)}`);
}
