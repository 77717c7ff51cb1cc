// A workspace's learned table as data (learnedEntityModel.ts learns and applies it): its stored shape, the checks on
// reading it back, its cache key, and the merge of two windows' learning. Light on purpose: the editor's side stores
// and merges tables without loading the tagger.
import { sha256Hex } from '../hash/sha256';
import { ENTITY_FEATURES_VERSION } from './entityFeaturesVersion';
import { foldedLowerCase, foldFinalSigma } from '../text/lowerCasePresence';

/** The version of the stored table's format; a table of another format or feature set is not read (see parseLearnedEntityModel). */
export const LEARNED_MODEL_FORMAT = 1;

/**
 * What a learned weight is for: a kind (not a name, or a person, place, organization) and, apart, whether a word
 * continues the name before it (see learnedEntityModel.ts).
 */
export const LEARNED_COMPONENTS = ['O', 'PER', 'LOC', 'ORG', 'I'] as const;

/** The learned table as stored: feature -> one weight per component of LEARNED_COMPONENTS (rounded; all-zero rows left out). */
export interface LearnedEntityModelData {
  readonly format: number;
  readonly featuresVersion: number;
  /** How many corrections it learned from (for the user: "learned from 12 corrections"). */
  readonly corrections: number;
  readonly weights: Readonly<Record<string, readonly number[]>>;
}

/** Checks stored data; a table of another format or feature set, or damaged, is reported rather than misread. */
export function parseLearnedEntityModel(value: unknown): { data: LearnedEntityModelData } | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'not an object' };
  const v = value as Record<string, unknown>;
  if (v.format !== LEARNED_MODEL_FORMAT) return { problem: `format ${JSON.stringify(v.format)}, expected ${LEARNED_MODEL_FORMAT}` };
  if (v.featuresVersion !== ENTITY_FEATURES_VERSION) return { problem: `learned for features version ${JSON.stringify(v.featuresVersion)}, this version uses ${ENTITY_FEATURES_VERSION}` };
  if (typeof v.corrections !== 'number' || !Number.isInteger(v.corrections) || v.corrections < 0) return { problem: '"corrections" is not a count' };
  if (typeof v.weights !== 'object' || v.weights === null || Array.isArray(v.weights)) return { problem: '"weights" is not an object' };
  for (const [f, row] of Object.entries(v.weights as Record<string, unknown>)) {
    if (!Array.isArray(row) || row.length !== LEARNED_COMPONENTS.length || !row.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      return { problem: `weights of "${f.slice(0, 40)}" are not ${LEARNED_COMPONENTS.length} numbers` };
    }
  }
  return { data: v as unknown as LearnedEntityModelData };
}

/** A key for caches of analyses made with this table: '' when nothing is learned (the shipped results stay valid). */
export function learnedTableKey(data: LearnedEntityModelData | null): string {
  if (!data || Object.keys(data.weights).length === 0) return '';
  return sha256Hex(JSON.stringify(data)).slice(0, 16);
}

const round = (x: number): number => Math.round(x * 1e5) / 1e5;

/**
 * Two windows learned from the same stored table (`base`): `theirs` is what the other wrote meanwhile, `mine` what
 * this one learned. Learning only adds to weights, so the merge keeps both: theirs plus what mine added to base.
 */
export function mergeLearnedTables(base: LearnedEntityModelData | null, mine: LearnedEntityModelData, theirs: LearnedEntityModelData): LearnedEntityModelData {
  const n = LEARNED_COMPONENTS.length;
  const sum = new Map<string, number[]>();
  const add = (data: LearnedEntityModelData | null, sign: number): void => {
    for (const [f, row] of Object.entries(data?.weights ?? {})) {
      const acc = sum.get(f) ?? new Array<number>(n).fill(0);
      for (let c = 0; c < n; c++) acc[c]! += sign * (row[c] ?? 0);
      sum.set(f, acc);
    }
  };
  add(theirs, 1);
  add(mine, 1);
  add(base, -1);
  const weights: Record<string, number[]> = {};
  for (const f of [...sum.keys()].sort()) {
    const row = sum.get(f)!.map(round);
    if (row.some((x) => x !== 0)) weights[f] = row;
  }
  const corrections = theirs.corrections + Math.max(0, mine.corrections - (base?.corrections ?? 0));
  return { format: LEARNED_MODEL_FORMAT, featuresVersion: ENTITY_FEATURES_VERSION, corrections, weights };
}

/**
 * The words the table can change a decision by, in lower case: a learned name is taken, and a shipped one dropped, only
 * where the name's last word carries a learned weight of its own (its `lw=` feature; see applyLearnedModel). A text
 * none of them occurs in is analysed exactly as without the table.
 */
export function learnedHeadWords(data: LearnedEntityModelData | null): string[] {
  if (!data) return [];
  const words: string[] = [];
  for (const feature of Object.keys(data.weights)) if (feature.startsWith('lw=') && feature.length > 3) words.push(foldFinalSigma(feature.slice(3)));
  return words;
}

/**
 * Whether the table can change this text's analysis: one of its head words (learnedHeadWords) occurs in it. Tested as a
 * substring of the text in lower case, which every token's lower-cased form is, so the answer is never a wrong "no"
 * (a word inside a longer one only costs an analysis with the table that comes out the same). LowerCasePresence gives
 * the same answers for one version of a text after another, looking only at what changed.
 */
export function learnedTableTouches(text: string, headWords: readonly string[]): boolean {
  if (headWords.length === 0) return false;
  const lower = foldedLowerCase(text);
  return headWords.some((w) => lower.includes(w));
}
