#!/usr/bin/env node
// npm run eval:learning [-- <gold.jsonl>] [--margin M] [--confirm]
//
// Measures learning from the user's corrections by simulation: a user reads half of the articles of a gold file
// (default ../shared/eval/gum-news-dev.jsonl) one after another and corrects what the pipeline shows there against the
// gold entities (rejects what is not an entity, retypes what has the wrong type, annotates what was missed or cut
// wrong), as the editor's Reject / Change Type / Accept and Annotate Selection do; the other half is then scored
// three ways: without corrections, with the corrections as the user lexicon alone (exact strings), and with the
// lexicon plus the workspace model learned from them. Then the halves swap, and both folds are summed.
// --confirm: the user also annotates the entities the pipeline got right (as a user building a dataset does).
// This is measurement only: nothing learned here is kept or shipped.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPipeline } from './lib/bundleCore.mjs';
import { readJsonl } from './lib/jsonl.mjs';
import { score } from './lib/score.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--margin', '--kinds'].includes(args[i - 1])));
function shared(...parts) {
  const found = [path.resolve(root, '..', 'shared'), path.resolve(root, '..', '..', 'shared')].find((d) => fs.existsSync(d));
  return path.join(found ?? path.resolve(root, '..', 'shared'), ...parts);
}
const goldFile = positional[0] ?? shared('eval', 'gum-news-dev.jsonl');
const margin = option('--margin') === undefined ? undefined : Number(option('--margin'));
const confirm = args.includes('--confirm');
// --kinds reject,retype: learn only from these kinds of correction (the lexicon still takes all)
const kinds = option('--kinds')?.split(',');

const core = await loadPipeline('learning', 'scripts/lib/learningEntry.ts');
const GOLD_TYPE = { person: 'PER', place: 'LOC', organization: 'ORG' };
const TYPE_OF = { PER: 'person', LOC: 'place', ORG: 'organization' };
const TYPES = Object.keys(TYPE_OF);

function analyse(doc, lexicon, learned) {
  const tagger = learned ? { ...core.defaultEntityTagger(), learned } : undefined;
  return core.analyzeArticle(doc.text, { articleDate: doc.docDate ?? null, lexicon }, tagger).entities;
}

/** What the simulated user does on one article: the corrections (offsets and type, null = not an entity) and the lexicon entries. */
function corrections(doc, shown) {
  const gold = (doc.entities ?? []).filter((e) => TYPES.includes(e.type));
  const key = (e) => `${e.start}:${e.end}`;
  const goldBySpan = new Map(gold.map((g) => [key(g), g]));
  const shownBySpan = new Map(shown.map((e) => [key(e), e]));
  const out = [];
  const lexicon = [];
  for (const e of shown) {
    const g = goldBySpan.get(key(e));
    if (g && TYPE_OF[g.type] === e.type) continue;
    if (g) {
      out.push({ start: e.start, end: e.end, type: TYPE_OF[g.type], kind: 'retype' });
      lexicon.push({ text: e.text, action: 'retype', type: TYPE_OF[g.type] });
    } else if (!gold.some((x) => x.start < e.end && e.start < x.end)) {
      out.push({ start: e.start, end: e.end, type: null, kind: 'reject' });
      lexicon.push({ text: e.text, action: 'reject' });
    }
    // a name shown with the wrong bounds is fixed by annotating the gold span (below)
  }
  for (const g of gold) {
    const s = shownBySpan.get(key(g));
    if (s && s.type === TYPE_OF[g.type]) {
      if (confirm) out.push({ start: g.start, end: g.end, type: TYPE_OF[g.type], kind: 'confirm' });
      continue;
    }
    if (s) continue; // retyped above
    out.push({ start: g.start, end: g.end, type: TYPE_OF[g.type], kind: 'accept' });
    lexicon.push({ text: doc.text.slice(g.start, g.end), action: 'accept', type: TYPE_OF[g.type] });
  }
  return { corrections: out, lexicon };
}

function predictions(docs, lexicon, learned) {
  return docs.map((d) => ({
    id: d.id,
    entities: analyse(d, lexicon, learned).map((e) => ({ start: e.start, end: e.end, type: GOLD_TYPE[e.type], text: e.text })),
    dates: [],
  }));
}

const docs = readJsonl(goldFile);
const halves = [docs.filter((_, i) => i % 2 === 0), docs.filter((_, i) => i % 2 === 1)];
const runs = { without: [], lexicon: [], learned: [] };
const counts = { reject: 0, retype: 0, accept: 0, confirm: 0 };
let features = 0;
for (const [taught, scored] of [halves, [halves[1], halves[0]]]) {
  const learned = core.LearnedEntityModel.empty();
  let lexicon = [];
  for (const doc of taught) {
    // the user sees the article as analysed with everything learned so far, and corrects that
    const shown = analyse(doc, lexicon, learned);
    const found = corrections(doc, shown);
    for (const c of found.corrections) counts[c.kind]++;
    const taughtKinds = kinds ? found.corrections.filter((c) => kinds.includes(c.kind)) : found.corrections;
    core.learnFromCorrections(learned, doc.text, taughtKinds, margin === undefined ? {} : { margin });
    const byText = new Map(lexicon.map((e) => [e.text, e]));
    for (const e of found.lexicon) byText.set(e.text, e);
    lexicon = [...byText.values()];
  }
  features += learned.featureCount;
  runs.without.push(...predictions(scored, [], undefined));
  runs.lexicon.push(...predictions(scored, lexicon, undefined));
  runs.learned.push(...predictions(scored, lexicon, learned));
}

const f = (x) => (100 * x).toFixed(1).padStart(5);
const d = (x) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`.padStart(5);
console.log(`${goldFile}: ${docs.length} articles; corrections taken from one half and scored on the other, both ways`);
console.log(`simulated corrections: ${counts.reject} rejected, ${counts.retype} retyped, ${counts.accept} annotated (missed or cut wrong)${confirm ? `, ${counts.confirm} confirmed` : ''}; learned table ${features} features (both folds)`);
console.log(`strict F1          ${TYPES.map((t) => t.padStart(5)).join(' ')}   ALL`);
const scores = Object.fromEntries(Object.entries(runs).map(([name, preds]) => [name, score(docs, preds).entities]));
const rows = { without: 'no corrections', lexicon: 'lexicon only', learned: 'lexicon + learned' };
for (const [name, label] of Object.entries(rows)) {
  const e = scores[name];
  console.log(`${label.padEnd(18)} ${TYPES.map((t) => f(e[t].strict.f1)).join(' ')} ${f(e.ALL.strict.f1)}`);
}
for (const [name, label] of [['lexicon', 'lexicon'], ['learned', 'learned']]) {
  const e = scores[name];
  console.log(`${`diff ${label}`.padEnd(18)} ${TYPES.map((t) => d(e[t].strict.f1 - scores.without[t].strict.f1)).join(' ')} ${d(e.ALL.strict.f1 - scores.without.ALL.strict.f1)}`);
}
const e = scores.learned.ALL.strict.f1 - scores.lexicon.ALL.strict.f1;
console.log(`learned over lexicon alone: ${d(e).trim()} points of strict F1`);
if (args.includes('--changes')) {
  // what learning changed on the scored articles, each change marked right (+) or wrong (-) against gold
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  for (let i = 0; i < runs.learned.length; i++) {
    const doc = byId.get(runs.learned[i].id);
    const gold = new Set((doc.entities ?? []).map((g) => `${g.start}:${g.end}:${g.type}`));
    const before = new Set(runs.lexicon[i].entities.map((x) => `${x.start}:${x.end}:${x.type}`));
    const after = new Set(runs.learned[i].entities.map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const x of after) if (!before.has(x)) console.log(`${gold.has(x) ? '+' : '-'} added   ${x} ${JSON.stringify(doc.text.slice(Number(x.split(':')[0]), Number(x.split(':')[1])))}`);
    for (const x of before) if (!after.has(x)) console.log(`${gold.has(x) ? '-' : '+'} removed ${x} ${JSON.stringify(doc.text.slice(Number(x.split(':')[0]), Number(x.split(':')[1])))}`);
  }
}
