#!/usr/bin/env node
// npm run train [-- --data FILE ...] [--epochs N] [--seed N] [--folds K] [--out FILE]
//
// Trains the statistical entity tagger (src/core/nlp/entityModel.ts, an averaged perceptron over compromise's tokens
// with the rules, gazetteer and word classes as features) on open annotated text, by default ../shared/train/gum-open.jsonl
// (never the eval files: they measure the pipeline), and writes src/core/nlp/data/entityModel.json. Deterministic: the
// same data, seed and epochs give the same file byte for byte (examples shuffled by a seeded generator, features sorted,
// weights rounded). --folds K instead measures K-fold cross-validation on the training documents, per combine mode.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPipeline } from './lib/bundleCore.mjs';
import { score } from './lib/score.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const options = (name) => args.flatMap((a, i) => (args[i - 1] === name ? [a] : []));

function shared(...parts) {
  const found = [path.resolve(root, '..', 'shared'), path.resolve(root, '..', '..', 'shared')].find((d) => fs.existsSync(d));
  return path.join(found ?? path.resolve(root, '..', 'shared'), ...parts);
}

const dataFiles = options('--data').length > 0 ? options('--data') : [shared('train', 'gum-open.jsonl')];
for (const f of dataFiles) {
  if (path.resolve(f).split(path.sep).includes('eval')) {
    console.error(`${f}: refusing to train on evaluation data`);
    process.exit(1);
  }
}
const EPOCHS = Number(option('--epochs', '8'));
const SEED = Number(option('--seed', '9'));
const FOLDS = Number(option('--folds', '0'));
const MIN_WEIGHT = Number(option('--min-weight', '1'));
const outFile = option('--out', path.join(root, 'src', 'core', 'nlp', 'data', 'entityModel.json'));

const core = await loadPipeline('train', 'scripts/lib/trainEntry.ts');
const docs = dataFiles.flatMap((f) =>
  fs
    .readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l)),
);

const progress = args.includes('--verbose') ? (epoch, wrong, seen) => console.error(`epoch ${epoch}: ${wrong}/${seen} tokens wrong`) : undefined;
const train = (trainingDocs) =>
  core.trainEntityModel(trainingDocs, { epochs: EPOCHS, seed: SEED, minWeight: MIN_WEIGHT, trainedOn: dataFiles.map((f) => path.basename(f)).join(', '), progress });

const GOLD_TYPE = { person: 'PER', place: 'LOC', organization: 'ORG' };
const f1 = (x) => (100 * x).toFixed(1);

if (FOLDS > 1) {
  const modes = ['rules', 'retype', 'union', 'model', 'weak'];
  const predictions = Object.fromEntries(modes.map((m) => [m, []]));
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = docs.filter((_, i) => i % FOLDS === fold);
    const model = core.loadEntityModel(train(docs.filter((_, i) => i % FOLDS !== fold)));
    for (const mode of modes) {
      for (const doc of held) {
        const analysis = core.analyzeArticle(doc.text, { articleDate: doc.docDate ?? null }, mode === 'rules' ? null : { model, mode });
        predictions[mode].push({ id: doc.id, entities: analysis.entities.map((e) => ({ start: e.start, end: e.end, type: GOLD_TYPE[e.type], text: e.text })), dates: [] });
      }
    }
    console.error(`fold ${fold + 1}/${FOLDS} done`);
  }
  console.log(`${FOLDS}-fold cross-validation on ${docs.length} documents, ${EPOCHS} epochs (strict F1: ALL PER LOC ORG)`);
  for (const mode of modes) {
    const out = score(docs, predictions[mode]);
    const e = out.entities;
    console.log(`${mode.padEnd(8)} ${f1(e.ALL.strict.f1)}  ${f1(e.PER.strict.f1)} ${f1(e.LOC.strict.f1)} ${f1(e.ORG.strict.f1)}`);
  }
} else {
  const text = core.serialiseEntityModel(train(docs));
  fs.writeFileSync(outFile, text);
  console.log(`${path.relative(root, outFile)}: ${Object.keys(JSON.parse(text).weights).length} features, ${(text.length / 1e6).toFixed(2)} MB`);
}
