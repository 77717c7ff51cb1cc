// What a workspace learns from its user's corrections: a small table of weights added to the entity tagger's decision,
// over the same features as the shipped model (entityModel.ts), updated online (no server, no retraining) each time
// the user accepts, rejects or retypes an entity or annotates one. The shipped decision (the rules, or the rules
// combined with the shipped model) is the prior: with an empty table the output is exactly the shipped one, and a
// learned weight changes a decision only where the features of a corrected name come back, so a correction reaches
// similar names ("Kelso Comets" after "Ostby Comets"), not only the same string (that is the lexicon's job).
// Pure: the table comes in and goes out as plain data (persisted by the editor beside the lexicon).
import type { EntityType } from './analysisModel';
import { ENTITY_FEATURES_VERSION } from './entityFeaturesVersion';
import { allowed, ENTITY_LABELS, labelSpans } from './entityLabels';
import type { Candidate, Token } from './entityTokens';
import { LEARNED_COMPONENTS, LEARNED_MODEL_FORMAT, learnedTableKey, type LearnedEntityModelData } from './learnedModelData';

export { LEARNED_MODEL_FORMAT, parseLearnedEntityModel, type LearnedEntityModelData } from './learnedModelData';

export interface LearningOptions {
  /**
   * How far past the prior a corrected token is pushed. A name sharing more than 1 / (margin + 1) of a corrected
   * token's learned features (by rate) is decided like it: 2 means more than a third.
   */
  readonly margin?: number;
}

/** Above this many features the weakest are dropped, so a workspace's table stays small in storage. */
export const MAX_LEARNED_FEATURES = 30_000;
export const DEFAULT_LEARNING_MARGIN = 2;
const LABEL_COUNT = ENTITY_LABELS.length;
const LABEL_INDEX = new Map<string, number>(ENTITY_LABELS.map((l, k) => [l, k]));
/**
 * What a learned weight is for: a kind (not a name, or a person, place, organization) and, apart, whether a word
 * continues the name before it. A label's score is its kind's, plus the continuation's for an inside label, so a word
 * learned inside "Church of Scientology" is still an organization when it stands alone (with B/I labels as such, it
 * would learn only "not at the start of a name").
 */
const COMPONENT_COUNT = LEARNED_COMPONENTS.length;
const CONTINUES = 4;
/** The components of each label of ENTITY_LABELS. */
const LABEL_COMPONENTS: readonly (readonly number[])[] = ENTITY_LABELS.map((l) => {
  if (l === 'O') return [0];
  const kind = LEARNED_COMPONENTS.indexOf(l.slice(2) as (typeof LEARNED_COMPONENTS)[number]);
  return l.startsWith('I-') ? [kind, CONTINUES] : [kind];
});
/**
 * How much of an update a feature takes, which is how much it counts when names are compared: the words of the name
 * itself most ("Comets" in "Ostby Comets" and "Kelvin Comets"), its word endings less.
 */
export function featureRate(feature: string): number {
  if (feature.startsWith('suf=')) return 0.3;
  if (feature.startsWith('pre=')) return 0.2;
  return 1;
}

/**
 * The features of each token the table learns on (null where the tagger does not decide): its own word and the
 * other words of the same capitalised run, and its word endings. Nothing generic (the bias, shapes, compromise's tags,
 * what the rules said) and no words around the name: every name of a kind has the first, and with corrections only
 * where the pipeline erred, the second pile up one-sided ("the", "said" before and after names of every kind), which
 * measured worse in the simulation (npm run eval:learning).
 */
export function learnableFeatures(tokens: readonly Token[], staticFeatures: readonly (string[] | null)[]): (string[] | null)[] {
  return staticFeatures.map((fixed, k) => {
    if (fixed === null) return null;
    const t = tokens[k]!;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    // a connector ("of", "and") is learned only by the words it joins: on its own it is in every kind of name
    const out = t.cap ? [`lw=${t.norm}`] : [];
    if (prev?.cap === true && staticFeatures[k - 1] !== null && !prev.breakAfter) out.push(`lw-1=${prev.norm}`);
    if (next?.cap === true && staticFeatures[k + 1] !== null && !t.breakAfter) out.push(`lw+1=${next.norm}`);
    if (t.cap) for (const f of fixed) if (f.startsWith('suf=') || f.startsWith('pre=')) out.push(f);
    return out;
  });
}

export class LearnedEntityModel {
  private readonly weights = new Map<string, Float64Array>();
  private corrections = 0;

  static empty(): LearnedEntityModel {
    return new LearnedEntityModel();
  }

  /** Loads stored data; throws a message saying what is wrong (parseLearnedEntityModel does the checking). */
  static fromData(data: LearnedEntityModelData): LearnedEntityModel {
    const model = new LearnedEntityModel();
    for (const [feature, row] of Object.entries(data.weights)) {
      const w = new Float64Array(COMPONENT_COUNT);
      row.forEach((x, k) => (w[k] = x));
      model.weights.set(feature, w);
    }
    model.corrections = data.corrections;
    return model;
  }

  get isEmpty(): boolean {
    return this.weights.size === 0;
  }

  get correctionCount(): number {
    return this.corrections;
  }

  get featureCount(): number {
    return this.weights.size;
  }

  /** The learned part of each label's score (one per ENTITY_LABELS) for a token's learnable features. */
  scores(learnable: readonly string[]): Float64Array {
    const sums = new Float64Array(COMPONENT_COUNT);
    for (const f of learnable) {
      const w = this.weights.get(f);
      if (w) for (let c = 0; c < COMPONENT_COUNT; c++) sums[c]! += w[c]!;
    }
    const out = new Float64Array(LABEL_COUNT);
    for (let k = 0; k < LABEL_COUNT; k++) for (const c of LABEL_COMPONENTS[k]!) out[k]! += sums[c]!;
    return out;
  }

  /** One feature's learned weights per component (LEARNED_COMPONENTS), if it has any. */
  weightsOf(feature: string): Float64Array | undefined {
    return this.weights.get(feature);
  }

  /** Does any of these features carry a learned weight? (Most sentences of an article have none: nothing to do.) */
  touches(learnable: readonly string[]): boolean {
    for (const f of learnable) if (this.weights.has(f)) return true;
    return false;
  }

  /**
   * One passive-aggressive perceptron step: label `truth` gains `amount` over label `rival` on these features, the
   * change shared among them by their rates (featureRate) and made only on the components where the labels differ.
   */
  push(learnable: readonly string[], truth: number, rival: number, amount: number): void {
    if (learnable.length === 0 || amount <= 0 || truth === rival) return;
    const direction = new Float64Array(COMPONENT_COUNT);
    for (const c of LABEL_COMPONENTS[truth]!) direction[c]! += 1;
    for (const c of LABEL_COMPONENTS[rival]!) direction[c]! -= 1;
    // whether a word continues a name is learned only between names: "not a name" says nothing of it
    if (truth === 0 || rival === 0) direction[CONTINUES] = 0;
    let norm = 0;
    for (const x of direction) norm += x * x;
    let rates = 0;
    for (const f of learnable) rates += featureRate(f);
    const unit = amount / (norm * rates);
    for (const f of learnable) {
      let w = this.weights.get(f);
      if (!w) {
        w = new Float64Array(COMPONENT_COUNT);
        this.weights.set(f, w);
      }
      const step = unit * featureRate(f);
      for (let c = 0; c < COMPONENT_COUNT; c++) w[c]! += step * direction[c]!;
    }
  }

  /** Counts one correction learned, and keeps the table within MAX_LEARNED_FEATURES. */
  counted(): void {
    this.corrections++;
    if (this.weights.size <= MAX_LEARNED_FEATURES) return;
    const bySize = [...this.weights.entries()].map(([f, w]) => [f, w.reduce((max, x) => Math.max(max, Math.abs(x)), 0)] as const).sort((a, b) => a[1] - b[1]);
    for (const [f] of bySize.slice(0, this.weights.size - MAX_LEARNED_FEATURES)) this.weights.delete(f);
  }

  /** Plain data for storage: features sorted, weights rounded, so the same learning gives the same bytes. */
  toData(): LearnedEntityModelData {
    const weights: Record<string, number[]> = {};
    for (const f of [...this.weights.keys()].sort()) {
      const row = Array.from(this.weights.get(f)!, (x) => Math.round(x * 1e5) / 1e5);
      if (row.some((x) => x !== 0)) weights[f] = row;
    }
    return { format: LEARNED_MODEL_FORMAT, featuresVersion: ENTITY_FEATURES_VERSION, corrections: this.corrections, weights };
  }

  /** A key for caches of analyses made with this table: '' when empty (the shipped model's own results stay valid). */
  key(): string {
    return learnedTableKey(this.toData());
  }
}

const TYPE_LABEL: Record<EntityType, string> = { person: 'PER', place: 'LOC', organization: 'ORG' };
/** The component of LEARNED_COMPONENTS for each kind ('none': not a name). */
const KIND_COMPONENT: Record<EntityType | 'none', number> = { none: 0, person: 1, place: 2, organization: 3 };

/** The labels the shipped decision gives each token (an untyped candidate counts as O: the article decides it later). */
export function priorLabels(tokens: readonly Token[], candidates: readonly Candidate[]): string[] {
  const out = tokens.map(() => 'O');
  const index = new Map<number, number>();
  tokens.forEach((t, k) => index.set(t.start, k));
  for (const c of candidates) {
    const from = index.get(c.start);
    if (from === undefined || c.type === null) continue;
    for (let k = from; k < tokens.length && tokens[k]!.end <= c.end; k++) out[k] = `${k === from ? 'B' : 'I'}-${TYPE_LABEL[c.type]}`;
  }
  return out;
}

/** The prior as the label index for a token after `previous`: an inside label that cannot follow it begins a name. */
export function priorIndex(prior: string, previous: string): number {
  const label = allowed(previous, prior) ? prior : `B-${prior.slice(2)}`;
  return LABEL_INDEX.get(label) ?? 0;
}

/** Each label's score for one token: the learned weights, plus one for the shipped decision. */
export function tokenScores(model: LearnedEntityModel, learnable: readonly string[], prior: string, previous: string): Float64Array {
  const s = model.scores(learnable);
  s[priorIndex(prior, previous)]! += 1;
  return s;
}

/**
 * The learned labels of a sentence: the best sequence (Viterbi; an inside label only after its own type) by the
 * learned weights plus one for each token labelled as the shipped decision has it, so a name is judged as a whole
 * ("Kelvin Comets" turns into an organization together, not word by word). Tokens the tagger does not decide
 * (null features) are O. With nothing learned this is exactly the prior.
 */
export function learnedLabels(model: LearnedEntityModel, learnable: readonly (string[] | null)[], prior: readonly string[]): string[] {
  const n = learnable.length;
  if (n === 0) return [];
  // best[k][l]: the best score of tokens 0..k with token k labelled l; back[k][l]: token k - 1's label on that path
  const best: Float64Array[] = [];
  const back: Int8Array[] = [];
  for (let k = 0; k < n; k++) {
    const f = learnable[k];
    const own = f ? model.scores(f) : null;
    const row = new Float64Array(LABEL_COUNT).fill(-Infinity);
    const from = new Int8Array(LABEL_COUNT);
    for (let p = 0; p < (k === 0 ? 1 : LABEL_COUNT); p++) {
      const before = k === 0 ? 0 : best[k - 1]![p]!;
      if (before === -Infinity) continue;
      const previous = ENTITY_LABELS[p]!;
      const preferred = priorIndex(prior[k] ?? 'O', previous);
      for (let l = 0; l < (own ? LABEL_COUNT : 1); l++) {
        if (!allowed(previous, ENTITY_LABELS[l]!)) continue;
        const score = before + (own ? own[l]! + (l === preferred ? 1 : 0) : 0);
        if (score > row[l]!) {
          row[l] = score;
          from[l] = p;
        }
      }
    }
    best.push(row);
    back.push(from);
  }
  let label = 0;
  const lastRow = best[n - 1]!;
  for (let l = 1; l < LABEL_COUNT; l++) if (lastRow[l]! > lastRow[label]!) label = l;
  const labels = new Array<string>(n);
  for (let k = n - 1; k >= 0; k--) {
    labels[k] = ENTITY_LABELS[label]!;
    label = back[k]![label]!;
  }
  return labels;
}

/**
 * The candidates of one sentence after what the workspace learned. The learned labels (learnedLabels) propose names;
 * a proposal is taken only where it generalises a correction the way a user means it, measured by simulation
 * (npm run eval:learning: taking every proposal lost about 2 points of strict F1 on unseen articles):
 * - it spans two words or more and begins and ends on a capitalised word: one word alone is the lexicon's job (the
 *   exact form the user corrected), and a single word learned inside another name
 *   or a lone capitalised sentence opener says nothing of a different name;
 * - its last word, the head of a name ("Comets", "Dynamics", "Pavilion"), itself carries a learned weight for the
 *   new kind over the old one: words at the front ("St", "National", a nationality) are shared by names of every kind,
 *   and word endings alone never make or unmake a name;
 * - it never cuts a name the shipped decision found: it covers it whole (retyped or lengthened) or leaves it alone;
 * - a new name lies over words the rules took for a possible name (typed or not), not over plain capitalised words.
 * Learned names have strength 1, so the article's own stronger evidence for the same name still decides elsewhere in it.
 * `rules` are the rules' candidates (the tagger's input), `shipped` the candidates of the shipped decision.
 */
export function applyLearnedModel(model: LearnedEntityModel, tokens: readonly Token[], staticFeatures: readonly (string[] | null)[], shipped: readonly Candidate[], rules: readonly Candidate[] = shipped): Candidate[] {
  if (model.isEmpty || tokens.length === 0) return [...shipped];
  const learnable = learnableFeatures(tokens, staticFeatures);
  if (!learnable.some((f) => f !== null && model.touches(f))) return [...shipped];
  const prior = priorLabels(tokens, shipped);
  const labels = learnedLabels(model, learnable, prior);
  if (labels.every((l, k) => l === prior[k])) return [...shipped];
  const index = new Map<number, number>();
  tokens.forEach((t, k) => index.set(t.start, k));
  const rangeOf = (c: Candidate): { from: number; to: number } | null => {
    const from = index.get(c.start);
    if (from === undefined) return null;
    let to = from;
    while (to < tokens.length && tokens[to]!.end <= c.end) to++;
    return { from, to };
  };
  const typed = shipped.filter((c) => c.type !== null).map((c) => ({ c, r: rangeOf(c) }));
  const byRules = tokens.map(() => false);
  for (const c of rules) {
    const r = rangeOf(c);
    if (r) for (let k = r.from; k < r.to; k++) byRules[k] = true;
  }
  // the learned weight of a name's last word as its own word (not as a neighbour, not its endings): new kind over old
  const headFavours = (k: number, now: EntityType | null, before: EntityType | null): boolean => {
    const w = model.weightsOf(`lw=${tokens[k]!.norm}`);
    return w !== undefined && w[KIND_COMPONENT[now ?? 'none']]! > w[KIND_COMPONENT[before ?? 'none']]!;
  };
  const removed = new Set<Candidate>();
  const added: Candidate[] = [];
  for (const s of labelSpans(labels)) {
    if (s.to - s.from < 2 || !tokens[s.from]!.cap || !tokens[s.to - 1]!.cap) continue;
    const over = typed.filter((x) => x.r !== null && x.r.from < s.to && s.from < x.r.to);
    if (over.some((x) => x.r!.from === s.from && x.r!.to === s.to && x.c.type === s.type)) continue;
    if (over.some((x) => x.r!.from < s.from || x.r!.to > s.to)) continue;
    if (!headFavours(s.to - 1, s.type, over.length === 1 ? over[0]!.c.type : null)) continue;
    if (over.length === 0) {
      let possible = true;
      for (let k = s.from; k < s.to; k++) if (!byRules[k]) possible = false;
      if (!possible) continue;
    }
    for (const x of over) removed.add(x.c);
    added.push({ start: tokens[s.from]!.start, end: tokens[s.to - 1]!.end, type: s.type, strength: 1 });
  }
  // a shipped name of two words or more that the learned labels leave out entirely, its head learned as no name: rejected
  for (const x of typed) {
    if (!x.r || x.r.to - x.r.from < 2 || !headFavours(x.r.to - 1, null, x.c.type)) continue;
    let none = true;
    for (let k = x.r.from; k < x.r.to; k++) if (labels[k] !== 'O') none = false;
    if (none) removed.add(x.c);
  }
  const out = shipped.filter((c) => !removed.has(c));
  for (const a of added) if (!out.some((c) => c.type !== null && c.start < a.end && a.start < c.end)) out.push(a);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
