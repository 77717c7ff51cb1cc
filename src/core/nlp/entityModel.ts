// The statistical layer of the entity recogniser: a greedy left-to-right sequence tagger (averaged perceptron, BIO
// labels) over compromise's tokens, whose features are the word and its neighbours, its shape, compromise's tags, the
// gazetteer, the closed word classes and what the rules decided for it. It learns where the rules go wrong on
// annotated text (npm run train) and is combined with them (see EntityTagger.mode). Pure: the model comes in as data.
import type { EntityType } from './analysisModel';
import type { Candidate, Token } from './entityTokens';
import { allowed, ENTITY_LABELS, labelSpans } from './entityLabels';
import { isCommonWord, isCountryName, isDemonym, isPlaceName, isRegionName } from './gazetteer';
import {
  GOVERNMENT_NOUNS,
  KNOWN_ORGS,
  ORG_HEADS,
  ORG_KIND_NOUNS,
  ORG_OF_HEADS,
  PERSONAL_TITLES,
  PLACE_HEADS,
  PRODUCT_NOUNS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  SPORT_VERBS,
  TITLES,
} from './lexicons';
import type { LearnedEntityModel } from './learnedEntityModel';
import { argmax, Perceptron, type PerceptronData } from './perceptron';

const TYPE_LABEL: Record<EntityType, string> = { person: 'PER', place: 'LOC', organization: 'ORG' };

import { ENTITY_FEATURES_VERSION } from './entityFeaturesVersion';
export { ENTITY_FEATURES_VERSION };

/** A model file's content: the perceptron's weights and the feature set it was trained with. */
export interface EntityModelData extends PerceptronData {
  readonly featuresVersion: number;
  /** Where its training data came from, for the credit line. */
  readonly trainedOn?: string;
}

/**
 * How the model and the rules are combined:
 * - 'rules': the rules alone (the model is not run);
 * - 'model': the model's spans alone;
 * - 'retype': the rules' spans, typed by the model where it finds a name there;
 * - 'union': 'retype', plus the model's names where the rules found none;
 * - 'weak': 'retype' only for the rules' weak or untyped candidates (strength below 2).
 */
export type CombineMode = 'rules' | 'model' | 'retype' | 'union' | 'weak';

export interface EntityTagger {
  readonly model: Perceptron;
  readonly mode: CombineMode;
  /** What the workspace learned from its user's corrections, applied over the combined decision (learnedEntityModel.ts). */
  readonly learned?: LearnedEntityModel;
}

export function loadEntityModel(data: EntityModelData): Perceptron {
  if (data.featuresVersion !== ENTITY_FEATURES_VERSION) throw new Error(`entity model for features version ${data.featuresVersion}, expected ${ENTITY_FEATURES_VERSION}`);
  const labels = data.labels.join(' ');
  if (labels !== ENTITY_LABELS.join(' ')) throw new Error(`entity model labels "${labels}" are not "${ENTITY_LABELS.join(' ')}"`);
  return Perceptron.fromData(data);
}

const CONNECTOR_WORDS = new Set(['of', 'for', 'on', 'and', '&', 'the', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'y', 'upon', 'at']);
/** compromise tags that say something about names; the rest are left out to keep the model small. */
const USEFUL_TAGS = new Set([
  'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific', 'Place', 'Country', 'City', 'Region', 'Address',
  'Organization', 'SportsTeam', 'Company', 'School', 'ProperNoun', 'Acronym', 'Abbreviation', 'Noun', 'Plural', 'Singular',
  'Verb', 'PastTense', 'Gerund', 'Adjective', 'Comparable', 'Adverb', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction',
  'Value', 'Date', 'Month', 'WeekDay', 'Demonym', 'Religion', 'Possessive', 'Copula', 'Modal', 'Auxiliary', 'Infinitive',
]);

/** "Xxxx" -> "Xx", "NATO" -> "X", "U.S." -> "X.X.", "Wai-kwan" -> "Xx-x", "1990s" -> "dx". */
export function wordShape(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

/** The word classes a word belongs to, for features: organization heads, titles, speech verbs and so on. */
function classes(t: Token | undefined): string[] {
  if (!t) return [];
  const n = t.norm;
  const out: string[] = [];
  if (ORG_HEADS.has(n)) out.push('orghead');
  if (ORG_OF_HEADS.has(n)) out.push('orgof');
  if (PLACE_HEADS.has(n)) out.push('placehead');
  if (TITLES.has(n)) out.push('title');
  if (PERSONAL_TITLES.has(n)) out.push('ptitle');
  if (ROLE_NOUNS.has(n)) out.push('role');
  if (SPEECH_VERBS.has(n)) out.push('speech');
  if (ORG_KIND_NOUNS.has(n)) out.push('orgkind');
  if (PRODUCT_NOUNS.has(n)) out.push('product');
  if (SPORT_VERBS.has(n)) out.push('sport');
  if (GOVERNMENT_NOUNS.has(n)) out.push('gov');
  if (KNOWN_ORGS.has(n)) out.push('knownorg');
  return out;
}

/** Tokens the model decides: capitalised words and the connectors between them; every other token is O. */
export function openTokens(tokens: readonly Token[]): boolean[] {
  const open = tokens.map((t) => t.cap);
  for (let i = 1; i < tokens.length - 1; i++) {
    if (open[i] || !CONNECTOR_WORDS.has(tokens[i]!.norm) || !open[i - 1] || tokens[i - 1]!.breakAfter) continue;
    if (tokens[i + 1]!.cap || (CONNECTOR_WORDS.has(tokens[i + 1]!.norm) && tokens[i + 2]?.cap === true)) open[i] = true;
  }
  // a connector run ending without a name after it is not open
  for (let i = tokens.length - 1; i >= 0; i--) if (open[i] && !tokens[i]!.cap && !(open[i + 1] ?? false)) open[i] = false;
  return open;
}

/** What the rules said of each token: "B-ORG2", "I-UNK0", "O". */
export function ruleLabels(tokens: readonly Token[], candidates: readonly Candidate[]): string[] {
  const out = tokens.map(() => 'O');
  const index = new Map<number, number>();
  tokens.forEach((t, k) => index.set(t.start, k));
  for (const c of candidates) {
    const from = index.get(c.start);
    if (from === undefined) continue;
    const type = c.type === null ? 'UNK' : TYPE_LABEL[c.type];
    for (let k = from; k < tokens.length && tokens[k]!.end <= c.end; k++) out[k] = `${k === from ? 'B' : 'I'}-${type}${c.strength}`;
  }
  return out;
}

/** The features of every token that do not depend on the labels chosen before it; null for a token that is not open. */
export function staticFeatures(tokens: readonly Token[], candidates: readonly Candidate[]): (string[] | null)[] {
  const open = openTokens(tokens);
  const rules = ruleLabels(tokens, candidates);
  const norm = (k: number): string => (k < 0 ? '<s>' : k >= tokens.length ? '</s>' : tokens[k]!.norm);
  // a capitalised word stands for itself only when it is one of the closed word classes ("Ministry", "President")
  const word = (k: number): string => {
    const t = tokens[k];
    if (!t || !t.cap || classes(t).length > 0 || isCommonWord(t.norm)) return norm(k);
    return t.allCaps ? 'CAPS' : 'Cap';
  };
  const shape = (k: number): string => (k < 0 ? '<s>' : k >= tokens.length ? '</s>' : wordShape(tokens[k]!.text));
  return tokens.map((t, i) => {
    if (!open[i]) return null;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const rule = rules[i]!;
    const ruleKind = rule === 'O' ? 'O' : rule.slice(0, -1);
    const sh = shape(i);
    const f = [
      'b',
      // a name's own words are left out (they are other names in other articles): its neighbours, shape and classes say more
      `w=${word(i)}`,
      `w-1=${word(i - 1)}`,
      `w+1=${word(i + 1)}`,
      `w-2=${word(i - 2)}`,
      `w+2=${word(i + 2)}`,
      `w-1w=${word(i - 1)}|${word(i)}`,
      `ww+1=${word(i)}|${word(i + 1)}`,
      `sh=${sh}`,
      `sh-1=${shape(i - 1)}`,
      `sh+1=${shape(i + 1)}`,
      `suf=${t.norm.slice(-3)}`,
      `pre=${t.norm.slice(0, 3)}`,
      `r=${rule}`,
      `rk=${ruleKind}`,
      `rk&sh=${ruleKind}|${sh}`,
      `r-1=${rules[i - 1] ?? '<s>'}`,
      `r+1=${rules[i + 1] ?? '</s>'}`,
      `post=${t.post.trim().slice(0, 2)}`,
      `pre-p=${t.pre.trim().slice(-1)}`,
    ];
    if (t.initial) f.push('init', `init&w=${t.norm}`);
    if (t.allCaps) f.push('caps');
    if (t.possessive) f.push('poss');
    if (t.breakAfter) f.push('brk');
    if (prev?.breakAfter) f.push('brk-1');
    if (!open[i - 1]) f.push('first');
    if (!(open[i + 1] ?? false)) f.push('last');
    for (const tag of t.tags) if (USEFUL_TAGS.has(tag)) f.push(`t=${tag}`);
    if (prev) for (const tag of prev.tags) if (USEFUL_TAGS.has(tag)) f.push(`t-1=${tag}`);
    if (next) for (const tag of next.tags) if (USEFUL_TAGS.has(tag)) f.push(`t+1=${tag}`);
    if (isPlaceName(t.text)) f.push('gaz=place');
    if (isCountryName(t.text)) f.push('gaz=country');
    if (isRegionName(t.text)) f.push('gaz=region');
    if (isDemonym(t.text)) f.push('gaz=demonym');
    if (isCommonWord(t.norm)) f.push('gaz=common');
    if (prev && isPlaceName(prev.text)) f.push('gaz-1=place');
    if (next && isPlaceName(next.text)) f.push('gaz+1=place');
    for (const c of classes(t)) f.push(`lx=${c}`);
    for (const c of classes(prev)) f.push(`lx-1=${c}`);
    for (const c of classes(next)) f.push(`lx+1=${c}`);
    for (const c of classes(tokens[i + 2])) f.push(`lx+2=${c}`);
    return f;
  });
}

/** The features that depend on the labels already chosen to the left. */
export function dynamicFeatures(fixed: readonly string[], previous: string, beforePrevious: string): string[] {
  const sh = fixed[8]!;
  const rule = fixed[13]!;
  return [...fixed, `p=${previous}`, `pp=${beforePrevious}|${previous}`, `p&${rule}=${previous}`, `p&${sh}=${previous}`];
}

/** The best label allowed after `previous`, by score. */
export function bestAllowed(scores: Float64Array, previous: string): number {
  let best = -1;
  for (let k = 0; k < ENTITY_LABELS.length; k++) {
    if (!allowed(previous, ENTITY_LABELS[k]!)) continue;
    if (best < 0 || scores[k]! > scores[best]!) best = k;
  }
  return best < 0 ? argmax(scores) : best;
}

/** Labels a sentence left to right, each choice seen by the next. */
export function tagTokens(model: Perceptron, features: readonly (string[] | null)[]): string[] {
  const labels: string[] = [];
  let previous = 'O';
  let beforePrevious = 'O';
  for (const fixed of features) {
    const label = fixed === null ? 'O' : ENTITY_LABELS[bestAllowed(model.scores(dynamicFeatures(fixed, previous, beforePrevious)), previous)]!;
    labels.push(label);
    beforePrevious = previous;
    previous = label;
  }
  return labels;
}

/** Gold names as labels over tokens (for training): a token inside a name is labelled with it. */
export function goldLabels(tokens: readonly Token[], names: readonly { start: number; end: number; type: string }[]): string[] {
  const out = tokens.map(() => 'O');
  for (const n of names) {
    let first = true;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.start < n.start || t.end > n.end) continue;
      out[k] = `${first ? 'B' : 'I'}-${n.type}`;
      first = false;
    }
  }
  return out;
}

/**
 * The candidates of one sentence after the model: per the tagger's mode, the rules' candidates retyped, joined or
 * replaced by the model's names. A name the model is sure of gets strength 2, so the article-wide step trusts it.
 */
export function combineWithModel(tagger: EntityTagger, tokens: readonly Token[], candidates: readonly Candidate[]): Candidate[] {
  if (tagger.mode === 'rules' || tokens.length === 0) return [...candidates];
  const features = staticFeatures(tokens, candidates);
  if (features.every((f) => f === null)) return [...candidates];
  const labels = tagTokens(tagger.model, features);
  const spans = labelSpans(labels);
  const asCandidate = (s: { from: number; to: number; type: EntityType }, strength: 0 | 1 | 2): Candidate => ({
    start: tokens[s.from]!.start,
    end: tokens[s.to - 1]!.end,
    type: s.type,
    strength,
  });
  if (tagger.mode === 'model') return spans.map((s) => asCandidate(s, 2));
  const index = new Map<number, number>();
  tokens.forEach((t, k) => index.set(t.start, k));
  const covered = tokens.map(() => false);
  const out: Candidate[] = [];
  for (const c of candidates) {
    const from = index.get(c.start);
    if (from === undefined || (tagger.mode === 'weak' && c.strength >= 2 && c.type !== null)) {
      out.push(c);
      continue;
    }
    let to = from;
    while (to < tokens.length && tokens[to]!.end <= c.end) to++;
    for (let k = from; k < to; k++) covered[k] = true;
    const inside = spans.filter((s) => s.from < to && s.to > from);
    const exact = inside.find((s) => s.from === from && s.to === to);
    if (exact) {
      // agreeing with the rules makes a name sure; disagreeing only retypes it weakly, so the article's stronger evidence still wins
      out.push({ ...c, type: exact.type, strength: exact.type === c.type ? 2 : 1 });
      continue;
    }
    if (inside.length === 0) {
      out.push(c);
      continue;
    }
    // the model sees a name here with other bounds: its type by the most tokens
    const votes = new Map<EntityType, number>();
    for (const s of inside) votes.set(s.type, (votes.get(s.type) ?? 0) + Math.min(s.to, to) - Math.max(s.from, from));
    let type: EntityType | null = null;
    let most = 0;
    for (const [t, v] of votes) if (v > most) [type, most] = [t, v];
    out.push({ ...c, type: type ?? c.type, strength: c.type === null ? 1 : c.strength });
  }
  if (tagger.mode === 'union') {
    for (const s of spans) {
      let free = true;
      for (let k = s.from; k < s.to; k++) if (covered[k]) free = false;
      if (free) out.push(asCandidate(s, 1));
    }
  }
  return out;
}
