// The labels both entity taggers (the shipped model, entityModel.ts, and the learned table, learnedEntityModel.ts)
// give tokens: BIO over person, place and organization, which label may follow which, and the names a label sequence
// spells.
import type { EntityType } from './analysisModel';

/** The labels the tagger chooses from, in a fixed order (a tie goes to the first, so O wins ties). */
export const ENTITY_LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

const LABEL_TYPE: Record<string, EntityType> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/** May `label` follow `previous`? An inside label continues a name of its own type. */
export function allowed(previous: string, label: string): boolean {
  if (!label.startsWith('I-')) return true;
  return previous.slice(2) === label.slice(2) && previous !== 'O';
}

/** The names in a label sequence, as token ranges [from, to) with their type. */
export function labelSpans(labels: readonly string[]): { from: number; to: number; type: EntityType }[] {
  const out: { from: number; to: number; type: EntityType }[] = [];
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k]!;
    if (l === 'O') continue;
    const type = l.slice(2);
    let e = k + 1;
    while (e < labels.length && labels[e] === `I-${type}`) e++;
    out.push({ from: k, to: e, type: LABEL_TYPE[type]! });
    k = e - 1;
  }
  return out;
}
