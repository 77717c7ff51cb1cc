#!/usr/bin/env node
// npm run compare-dates -- <gold.jsonl>
//
// The measurement behind the choice of date library: chrono-node and compromise-dates, each used raw with the
// article's date as reference, against the project's own findDates (chrono-node for explicit dates plus rules),
// on the same gold file, scored like `npm run eval`. Prints span P/R/F1, value accuracy and time per finder.
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import fs from 'node:fs';
import { loadPipeline } from './lib/bundleCore.mjs';
import { score } from './lib/score.mjs';

const goldFile = process.argv[2];
if (!goldFile) {
  console.error('usage: npm run compare-dates -- <gold.jsonl>');
  process.exit(2);
}
const gold = fs.readFileSync(goldFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
nlp.plugin(datesPlugin);

const pad = (n) => String(n).padStart(2, '0');
const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** chrono's components as YYYY, YYYY-MM or YYYY-MM-DD, as precise as chrono says it is certain. */
function chronoValue(components) {
  const d = components.date();
  if (components.isCertain('day') || components.isCertain('weekday')) return isoDay(d);
  if (components.isCertain('month')) return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
  return String(d.getFullYear());
}

function chronoDates(text, docDate) {
  const reference = docDate ? new Date(`${docDate}T12:00:00`) : new Date();
  return chrono.parse(text, reference).map((r) => ({
    start: r.index,
    end: r.index + r.text.length,
    text: r.text,
    value: r.end ? { from: chronoValue(r.start), to: chronoValue(r.end) } : chronoValue(r.start),
  }));
}

function compromiseDates(text, docDate) {
  const doc = nlp(text);
  const found = doc.dates({ today: docDate ?? undefined, timezone: 'UTC' }).json({ offset: true });
  return found.flatMap((d) => {
    if (!d.offset) return [];
    const start = d.offset.start;
    const from = d.dates?.start?.slice(0, 10);
    const to = d.dates?.end?.slice(0, 10);
    const value = !from ? null : to && to !== from && d.dates?.duration?.days > 1 ? { from, to } : from;
    return [{ start, end: start + d.offset.length, text: text.slice(start, start + d.offset.length), value }];
  });
}

const core = await loadPipeline('compare-dates', 'src/core/nlp/dates.ts');
const finders = [
  ['chrono-node (raw)', chronoDates],
  ['compromise-dates (raw)', compromiseDates],
  ['findDates (this project)', (text, docDate) => core.findDates(text, docDate ?? null)],
];

const f = (x) => (x === null ? '  n/a' : (100 * x).toFixed(1).padStart(5));
console.log(`${'finder'.padEnd(26)}    P     R     F1   value accuracy   time`);
for (const [name, find] of finders) {
  const started = performance.now();
  const predDocs = gold.map((g) => ({ id: g.id, entities: [], dates: find(g.text, g.docDate) }));
  const millis = performance.now() - started;
  const d = score(gold, predDocs).dates;
  console.log(`${name.padEnd(26)} ${f(d.span.p)} ${f(d.span.r)} ${f(d.span.f1)}   ${`${d.valueCorrect}/${d.valueScored}`.padStart(6)} = ${f(d.valueAccuracy)}%  ${millis.toFixed(0).padStart(5)} ms`);
}
