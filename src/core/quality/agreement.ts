// Agreement between two annotators (or two annotation files): pairwise F1 per label over exact spans (spanScores),
// and Cohen's kappa over tokens, where each token takes the label of the span that covers it, or "O".
import { compareStrings } from '../formats/formatModel';
import { scoreSpans, type LabelledSpan, type SpanScores } from './spanScores';

/** The label of a token no span covers. */
export const OUTSIDE = 'O';

export interface TokenAgreement {
  /** Tokens counted (every token of every article whose text is known). */
  readonly tokens: number;
  /** Tokens both gave the same label (OUTSIDE included). */
  readonly agreed: number;
  /** agreed / tokens; null without tokens. */
  readonly observed: number | null;
  /** Agreement expected by chance: Σ over labels of pA(label) · pB(label); null without tokens. */
  readonly expected: number | null;
  /** (observed − expected) / (1 − expected); null when it is undefined (no tokens, or chance agreement is 1). */
  readonly kappa: number | null;
}

export interface Agreement {
  readonly spans: SpanScores;
  readonly tokens: TokenAgreement;
  /** Articles measured for kappa (their text known), in order. */
  readonly articles: readonly string[];
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Word and punctuation tokens of a text, as [start, end) offsets. */
export function tokenOffsets(text: string): [number, number][] {
  const out: [number, number][] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Each token's label from the spans of one article: the span that overlaps it and starts first (the longer on a tie). */
function tokenLabels(tokens: readonly [number, number][], spans: readonly LabelledSpan[]): string[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || compareStrings(a.label, b.label));
  const labels = new Array<string>(tokens.length).fill(OUTSIDE);
  let first = 0; // tokens before this index end before every later span starts
  for (const span of sorted) {
    while (first < tokens.length && tokens[first]![1] <= span.start) first++;
    for (let i = first; i < tokens.length && tokens[i]![0] < span.end; i++) if (labels[i] === OUTSIDE) labels[i] = span.label;
  }
  return labels;
}

/** Cohen's kappa over the tokens of the given articles' texts. */
export function tokenKappa(texts: ReadonlyMap<string, string>, a: readonly LabelledSpan[], b: readonly LabelledSpan[]): TokenAgreement {
  const byArticle = (spans: readonly LabelledSpan[]) => {
    const map = new Map<string, LabelledSpan[]>();
    for (const s of spans) {
      let list = map.get(s.article);
      if (!list) map.set(s.article, (list = []));
      list.push(s);
    }
    return map;
  };
  const aBy = byArticle(a);
  const bBy = byArticle(b);
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let tokens = 0;
  let agreed = 0;
  for (const [article, text] of texts) {
    const offsets = tokenOffsets(text);
    const la = tokenLabels(offsets, aBy.get(article) ?? []);
    const lb = tokenLabels(offsets, bBy.get(article) ?? []);
    for (let i = 0; i < offsets.length; i++) {
      tokens++;
      if (la[i] === lb[i]) agreed++;
      countA.set(la[i]!, (countA.get(la[i]!) ?? 0) + 1);
      countB.set(lb[i]!, (countB.get(lb[i]!) ?? 0) + 1);
    }
  }
  if (tokens === 0) return { tokens, agreed, observed: null, expected: null, kappa: null };
  const observed = agreed / tokens;
  let expected = 0;
  for (const [label, n] of countA) expected += (n / tokens) * ((countB.get(label) ?? 0) / tokens);
  const kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
  return { tokens, agreed, observed, expected, kappa };
}

/** Pairwise F1 per label over exact spans (all of them), and kappa over the tokens of the articles whose text is given. */
export function agreement(a: readonly LabelledSpan[], b: readonly LabelledSpan[], texts: ReadonlyMap<string, string>): Agreement {
  const sorted = new Map([...texts].sort(([x], [y]) => compareStrings(x, y)));
  return { spans: scoreSpans(a, b), tokens: tokenKappa(sorted, a, b), articles: [...sorted.keys()] };
}
