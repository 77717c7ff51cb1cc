// The statistical entity layer: the perceptron, the tagger's labels and features, training determinism and the shipped
// model file, on invented sentences.
import * as assert from 'node:assert/strict';
import shipped from '../../../src/core/nlp/data/entityModel.json';
import { segmentSentences } from '../../../src/core/nlp/entities';
import { allowed, ENTITY_LABELS, labelSpans } from '../../../src/core/nlp/entityLabels';
import {
  combineWithModel,
  ENTITY_FEATURES_VERSION,
  goldLabels,
  loadEntityModel,
  openTokens,
  staticFeatures,
  wordShape,
  type EntityModelData,
} from '../../../src/core/nlp/entityModel';
import { serialiseEntityModel, trainEntityModel, type TrainingDocument } from '../../../src/core/nlp/entityTraining';
import { Perceptron, PerceptronTrainer } from '../../../src/core/nlp/perceptron';

/** Invented documents with gold names at the offsets of the named strings. */
function doc(text: string, names: [string, string][]): TrainingDocument {
  const entities = names.map(([name, type]) => {
    const start = text.indexOf(name);
    assert.ok(start >= 0, name);
    return { start, end: start + name.length, type };
  });
  return { text, entities };
}

const DOCS: TrainingDocument[] = [
  doc('Orvika Tamsalu said the Brenmoor Council had agreed.', [['Orvika Tamsalu', 'PER'], ['Brenmoor Council', 'ORG']]),
  doc('The ferry left Kestrelby for Vanholm on Monday.', [['Kestrelby', 'LOC'], ['Vanholm', 'LOC']]),
  doc('Analysts at Quillon Partners expect Idris Falkenrath to resign.', [['Quillon Partners', 'ORG'], ['Idris Falkenrath', 'PER']]),
];

describe('entity model: perceptron', () => {
  it('learns a separable toy problem and exports the same data every time', () => {
    const run = (): ReturnType<PerceptronTrainer['toData']> => {
      const p = new PerceptronTrainer(['no', 'yes']);
      for (let epoch = 0; epoch < 5; epoch++) {
        p.update(['b', 'round'], 1, p.best(['b', 'round']));
        p.update(['b', 'square'], 0, p.best(['b', 'square']));
      }
      return p.toData();
    };
    const data = run();
    assert.deepEqual(run(), data);
    const model = Perceptron.fromData(data);
    assert.equal(model.best(['b', 'round']), 1);
    assert.equal(model.best(['b', 'square']), 0);
    assert.deepEqual(Object.keys(data.weights), [...Object.keys(data.weights)].sort());
  });
});

describe('entity model: labels and features', () => {
  it('shapes words by case, digits and punctuation', () => {
    assert.equal(wordShape('Kestrelby'), 'Xx');
    assert.equal(wordShape('NATO'), 'X');
    assert.equal(wordShape('U.S.'), 'X.X.');
    assert.equal(wordShape('Wai-kwan'), 'Xx-x');
    assert.equal(wordShape('1990s'), 'dx');
  });

  it('never continues a name of another type', () => {
    assert.equal(allowed('O', 'I-PER'), false);
    assert.equal(allowed('B-ORG', 'I-PER'), false);
    assert.equal(allowed('B-PER', 'I-PER'), true);
    assert.equal(allowed('I-LOC', 'B-ORG'), true);
  });

  it('reads names out of labels and labels out of names', () => {
    assert.deepEqual(labelSpans(['O', 'B-PER', 'I-PER', 'B-ORG', 'O', 'B-LOC']), [
      { from: 1, to: 3, type: 'person' },
      { from: 3, to: 4, type: 'organization' },
      { from: 5, to: 6, type: 'place' },
    ]);
    const text = 'Orvika Tamsalu said the Brenmoor Council had agreed.';
    const [{ tokens }] = segmentSentences(text, 0, text.length);
    const labels = goldLabels(tokens!, DOCS[0]!.entities!);
    assert.deepEqual(labels.slice(0, 6), ['B-PER', 'I-PER', 'O', 'O', 'B-ORG', 'I-ORG']);
  });

  it('decides only capitalised words and the connectors inside a name', () => {
    const text = 'The Bank of Kestrelby and the ferry of Vanholm met.';
    const [{ tokens, candidates }] = segmentSentences(text, 0, text.length);
    const open = openTokens(tokens!);
    const decided = tokens!.filter((_, k) => open[k]).map((t) => t.text);
    assert.deepEqual(decided, ['The', 'Bank', 'of', 'Kestrelby', 'Vanholm']);
    const features = staticFeatures(tokens!, candidates!);
    assert.equal(features[4], null, 'a lowercase word outside a name has no features');
    assert.ok(features[1]!.some((f) => f.startsWith('r=B-ORG')), `the rules' decision is a feature: ${features[1]!.join(' ')}`);
  });
});

describe('entity model: training and the shipped file', () => {
  it('the same documents and seed give the same file, byte for byte', () => {
    const a = serialiseEntityModel(trainEntityModel(DOCS, { epochs: 3, seed: 4 }));
    const b = serialiseEntityModel(trainEntityModel(DOCS, { epochs: 3, seed: 4 }));
    assert.equal(a, b);
    assert.deepEqual(JSON.parse(a).labels, [...ENTITY_LABELS]);
  });

  it('a model trained on invented documents tags their names', () => {
    const model = loadEntityModel(trainEntityModel(DOCS, { epochs: 6 }));
    const text = DOCS[0]!.text;
    const [{ tokens, candidates }] = segmentSentences(text, 0, text.length);
    const found = combineWithModel({ model, mode: 'model' }, tokens!, candidates!).map((c) => [text.slice(c.start, c.end), c.type]);
    assert.deepEqual(found, [
      ['Orvika Tamsalu', 'person'],
      ['Brenmoor Council', 'organization'],
    ]);
  });

  it('the rules alone leave the candidates as they are', () => {
    const text = DOCS[1]!.text;
    const [{ tokens, candidates }] = segmentSentences(text, 0, text.length);
    const model = loadEntityModel(shipped as EntityModelData);
    assert.deepEqual(combineWithModel({ model, mode: 'rules' }, tokens!, candidates!), candidates);
  });

  it('the shipped model loads, is of the current feature set, and is small', () => {
    const data = shipped as EntityModelData;
    assert.equal(data.featuresVersion, ENTITY_FEATURES_VERSION);
    const model = loadEntityModel(data);
    assert.ok(model.featureCount > 1000, `${model.featureCount} features`);
    assert.ok(serialiseEntityModel(data).length < 3e6);
  });

  it('refuses a model of another feature set', () => {
    assert.throws(() => loadEntityModel({ ...(shipped as EntityModelData), featuresVersion: ENTITY_FEATURES_VERSION + 1 }), /features version/);
  });
});
