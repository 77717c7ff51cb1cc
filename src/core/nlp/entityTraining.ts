// Training the entity tagger (entityModel.ts) on annotated documents: the sentences as the rules see them, gold names
// as labels, an averaged perceptron over them in a seeded order. Pure, so `npm run train`, the tests and a future
// in-editor learner share one implementation; the same documents and options give the same model data.
import { segmentSentences } from './entities';
import { ENTITY_LABELS } from './entityLabels';
import { bestAllowed, dynamicFeatures, ENTITY_FEATURES_VERSION, goldLabels, staticFeatures, type EntityModelData } from './entityModel';
import { seededRandom } from '../random/seededRandom';
import { PerceptronTrainer, shuffled } from './perceptron';
import { paragraphGroups } from './pipeline';

/** An annotated document, in the schema of the eval and training files (types PER, LOC, ORG). */
export interface TrainingDocument {
  readonly text: string;
  readonly entities?: readonly { readonly start: number; readonly end: number; readonly type: string }[];
}

export interface TrainingOptions {
  readonly epochs?: number;
  readonly seed?: number;
  /** Weights are stored as integers at this scale; features whose weights all round below minWeight are dropped. */
  readonly scale?: number;
  readonly minWeight?: number;
  readonly trainedOn?: string;
  /** Called after each pass with the tokens guessed wrong and the tokens seen. */
  readonly progress?: (epoch: number, wrong: number, seen: number) => void;
}

interface Example {
  readonly features: (string[] | null)[];
  readonly gold: string[];
}

/** Every sentence of a document as (static features, gold labels); tokens the model does not decide are O. */
export function trainingExamples(doc: TrainingDocument): Example[] {
  const out: Example[] = [];
  for (const group of paragraphGroups(doc.text)) {
    for (const { tokens, candidates } of segmentSentences(doc.text, group.start, group.end)) {
      if (tokens.length === 0) continue;
      const features = staticFeatures(tokens, candidates);
      if (features.every((f) => f === null)) continue;
      const from = tokens[0]!.start;
      const to = tokens[tokens.length - 1]!.end;
      const names = (doc.entities ?? []).filter((e) => e.end > from && e.start < to);
      const gold = goldLabels(tokens, names).map((l, k) => (features[k] === null ? 'O' : l));
      // a name cut by a token the model does not decide goes on as a new name: every gold sequence is one it can produce
      for (let k = 0; k < gold.length; k++) {
        const l = gold[k]!;
        if (l.startsWith('I-') && (k === 0 || gold[k - 1]!.slice(2) !== l.slice(2))) gold[k] = `B-${l.slice(2)}`;
      }
      out.push({ features, gold });
    }
  }
  return out;
}

export function trainEntityModel(docs: readonly TrainingDocument[], options: TrainingOptions = {}): EntityModelData {
  const examples = docs.flatMap(trainingExamples);
  const index = new Map<string, number>(ENTITY_LABELS.map((l, k) => [l, k]));
  const trainer = new PerceptronTrainer(ENTITY_LABELS);
  const random = seededRandom(options.seed ?? 9);
  const epochs = options.epochs ?? 8;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let wrong = 0;
    let seen = 0;
    for (const ex of shuffled(examples, random)) {
      let previous = 'O';
      let beforePrevious = 'O';
      for (let k = 0; k < ex.features.length; k++) {
        const fixed = ex.features[k];
        let label = 'O';
        if (fixed) {
          const features = dynamicFeatures(fixed, previous, beforePrevious);
          const guess = bestAllowed(trainer.scores(features), previous);
          const truth = index.get(ex.gold[k]!) ?? 0;
          trainer.update(features, truth, guess);
          seen++;
          if (guess !== truth) wrong++;
          label = ENTITY_LABELS[guess]!;
        }
        beforePrevious = previous;
        previous = label;
      }
    }
    options.progress?.(epoch + 1, wrong, seen);
  }
  const data = trainer.toData(options.scale ?? 100, options.minWeight ?? 1);
  return {
    featuresVersion: ENTITY_FEATURES_VERSION,
    ...(options.trainedOn === undefined ? {} : { trainedOn: options.trainedOn }),
    labels: data.labels,
    scale: data.scale,
    weights: data.weights,
  };
}

/** The model file's text: one feature a line, so a retrained model diffs readably; byte-identical for the same data. */
export function serialiseEntityModel(data: EntityModelData): string {
  const { weights, ...head } = data;
  const rows = Object.keys(weights).map((f) => `${JSON.stringify(f)}:${JSON.stringify(weights[f])}`);
  return `${JSON.stringify(head).slice(0, -1)},"weights":{\n${rows.join(',\n')}\n}}\n`;
}
