// The units the entity rules and both taggers (the shipped model, entityModel.ts, and the learned table,
// learnedEntityModel.ts) work on: a sentence's tokens and the candidate names found over them. Types only, in a module
// of their own so the rules and the models depend on them rather than on each other.
import type { EntityType } from './analysisModel';

/**
 * How sure the segment is of a candidate's type: 2 = by form, data or context; 1 = by a weaker cue (compromise's
 * tag, the default for an unexplained capitalised name); 0 = untyped or a bare head word ("the Church"), kept only
 * if the article explains it.
 */
export type Strength = 0 | 1 | 2;

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType | null;
  readonly strength: Strength;
  /**
   * A name playing as a team here: 'score' in a sentence with a score or in a results line ("Norway 1 – 0"), 'play'
   * by a sports verb alone ("beat Norway"). The article's other mentions of the name follow it (see linking).
   */
  readonly team?: 'score' | 'play';
}

export interface Token {
  readonly start: number;
  readonly end: number;
  /** Surface text (without a possessive 's, with an abbreviation's final dot). */
  readonly text: string;
  readonly norm: string;
  readonly pre: string;
  readonly post: string;
  readonly tags: ReadonlySet<string>;
  readonly cap: boolean;
  readonly allCaps: boolean;
  /** First word of a sentence or of a quotation: capitalised whatever it is. */
  readonly initial: boolean;
  readonly possessive: boolean;
  /** Punctuation after it ends a name ("Kabul, Afghanistan" is two names; "U.S. Navy" one). */
  breakAfter: boolean;
}
