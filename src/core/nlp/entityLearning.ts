// Learning from the user's corrections in their context: the sentence around a corrected span is read as the
// pipeline reads it (the same tokens and features), and the workspace's table (learnedEntityModel.ts) is updated so
// that the span comes out as the user said. Pure: the article text and the corrections in, the table changed in place.
import type { EntityType } from './analysisModel';
import { defaultEntityTagger } from './defaultEntityModel';
import { segmentSentences } from './entities';
import { allowed, ENTITY_LABELS } from './entityLabels';
import { combineWithModel, staticFeatures, type EntityTagger } from './entityModel';
import { DEFAULT_LEARNING_MARGIN, learnableFeatures, learnedLabels, LearnedEntityModel, priorLabels, tokenScores, type LearningOptions } from './learnedEntityModel';
import { paragraphGroups } from './pipeline';

/** One correction: text[start, end) is an entity of `type`, or (type null) not an entity. Offsets into the article's source text. */
export interface EntityCorrection {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType | null;
}

export interface CorrectionLearningOptions extends LearningOptions {
  /** The shipped decision the table corrects (default: the shipped tagger, as the editor and the CLI use it). */
  readonly tagger?: EntityTagger | null;
}

const TYPE_LABEL: Record<EntityType, string> = { person: 'PER', place: 'LOC', organization: 'ORG' };
const LABEL_INDEX = new Map<string, number>(ENTITY_LABELS.map((l, k) => [l, k]));
/** Passes over one correction at most: one is usually enough; a second handles a rival that moved up meanwhile. */
const MAX_PASSES = 4;

/**
 * Updates `model` with the corrections of one article; returns how many were learned (a span that covers no word
 * the tagger decides, such as a lowercase phrase, teaches nothing and is not counted).
 */
export function learnFromCorrections(model: LearnedEntityModel, text: string, corrections: readonly EntityCorrection[], options: CorrectionLearningOptions = {}): number {
  const tagger = options.tagger === undefined ? defaultEntityTagger() : options.tagger;
  const margin = options.margin ?? DEFAULT_LEARNING_MARGIN;
  const valid = corrections.filter((c) => c.start >= 0 && c.end <= text.length && c.start < c.end);
  let learned = 0;
  for (const group of paragraphGroups(text)) {
    const here = valid.filter((c) => c.start < group.end && c.end > group.start);
    if (here.length === 0) continue;
    for (const { tokens, candidates } of segmentSentences(text, group.start, group.end)) {
      if (tokens.length === 0) continue;
      const from = tokens[0]!.start;
      const to = tokens[tokens.length - 1]!.end;
      const inSentence = here.filter((c) => c.start < to && c.end > from);
      if (inSentence.length === 0) continue;
      const features = staticFeatures(tokens, candidates);
      const learnable = learnableFeatures(tokens, features);
      const shipped = tagger ? combineWithModel(tagger, tokens, candidates) : candidates;
      const prior = priorLabels(tokens, shipped);
      for (const correction of inSentence) {
        const span: number[] = [];
        tokens.forEach((t, k) => {
          if (t.start < correction.end && t.end > correction.start && learnable[k] !== null) span.push(k);
        });
        if (span.length === 0) continue;
        const target = learnedLabels(model, learnable, prior);
        span.forEach((k, i) => {
          // a word the tagger does not decide inside the span ends the name there, as in training (entityTraining.ts)
          const continues = i > 0 && span[i - 1] === k - 1;
          target[k] = correction.type === null ? 'O' : `${continues ? 'I' : 'B'}-${TYPE_LABEL[correction.type]}`;
        });
        const after = span[span.length - 1]! + 1;
        if (target[after]?.startsWith('I-') === true && target[after]!.slice(2) !== target[after - 1]!.slice(2)) target[after] = `B-${target[after]!.slice(2)}`;
        for (let pass = 0; pass < MAX_PASSES; pass++) {
          let updated = false;
          for (const k of span) {
            const f = learnable[k]!;
            if (f.length === 0) continue;
            const previous = target[k - 1] ?? 'O';
            const scores = tokenScores(model, f, prior[k]!, previous);
            const truth = LABEL_INDEX.get(target[k]!) ?? 0;
            let rival = -1;
            for (let l = 0; l < ENTITY_LABELS.length; l++) {
              if (l === truth || !allowed(previous, ENTITY_LABELS[l]!)) continue;
              if (rival < 0 || scores[l]! > scores[rival]!) rival = l;
            }
            if (rival < 0) continue;
            const gap = scores[truth]! - scores[rival]!;
            if (gap >= margin) continue;
            model.push(f, truth, rival, margin - gap);
            updated = true;
          }
          if (!updated) break;
        }
        // a correction the table already agreed with still counts: it confirms what is there
        model.counted();
        learned++;
      }
    }
  }
  return learned;
}
