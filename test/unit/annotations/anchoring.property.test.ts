// Many thousands of random edits on the seed articles: annotations follow them (applyTextEdits) or are found again after
// edits the editor never saw (reanchor); whatever survives is re-anchored exactly to it, nothing is ever lost.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAnnotation, quoteAt } from '../../../src/core/annotations/annotationFactory';
import type { Annotation } from '../../../src/core/annotations/annotationModel';
import { applyTextEdits, maxFuzzyErrors, reanchor, type TextEdit } from '../../../src/core/annotations/anchoring';
import { editDistance } from '../../../src/core/annotations/approximateMatch';
import { seededRandom } from '../../../src/core/random/seededRandom';

const SEEDS = ['000_96c9ee8166b27d0f.txt', '003_cf56c5e4736b5965.txt'].map((name) => ({
  name,
  text: readFileSync(path.join(__dirname, '..', '..', '..', 'seeds', name), 'utf8'),
}));

/** The document as text plus an identity per character, so the test knows which original characters survive. */
interface Doc {
  text: string;
  ids: number[];
}

/** A document after a change event: which ids each edit inserted, and where each id is now. */
interface Applied extends Doc {
  readonly inserted: readonly number[][];
  readonly indexOf: ReadonlyMap<number, number>;
}

class World {
  private nextId = 0;
  readonly random: () => number;
  doc: Doc;
  annotations: Annotation[] = [];

  constructor(seed: number, text: string) {
    this.random = seededRandom(seed);
    this.doc = { text, ids: Array.from(text, () => this.nextId++) };
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  freshIds(n: number): number[] {
    return Array.from({ length: n }, () => this.nextId++);
  }

  /** Tops the set up to `count` anchored annotations, some nested or overlapping others. */
  replenish(count: number): void {
    const anchored = this.annotations.filter((a) => a.status === 'anchored').length;
    for (let i = anchored; i < count; i += 1) {
      const text = this.doc.text;
      if (text.length < 2) return;
      const near = this.annotations.length > 0 && this.random() < 0.3 ? this.annotations[this.int(this.annotations.length)].position.start : -1;
      const start = near >= 0 && near < text.length - 1 ? Math.min(text.length - 1, near + this.int(5)) : this.int(text.length - 1);
      const length = 1 + (this.random() < 0.2 ? this.int(3) : this.int(60));
      const end = Math.min(text.length, start + length);
      this.annotations.push(createAnnotation({ article: 'seed', text, start, end, label: 'place' }));
    }
  }

  /** A random position, half the time near an annotation boundary. */
  position(): number {
    const length = this.doc.text.length;
    if (this.annotations.length > 0 && this.random() < 0.5) {
      const a = this.annotations[this.int(this.annotations.length)];
      const base = this.random() < 0.5 ? a.position.start : a.position.end;
      return Math.max(0, Math.min(length, base + this.int(7) - 3));
    }
    return this.int(length + 1);
  }

  replacement(deleted: string): string {
    const roll = this.random();
    if (roll < 0.15) return deleted; // same text again (formatters, whole-document replaces)
    if (roll < 0.3) {
      const text = this.doc.text;
      const from = this.int(Math.max(1, text.length - 40));
      return text.slice(from, from + 1 + this.int(40)); // a copy of other text: duplicates
    }
    const alphabet = 'aeiou tnrsl,.TKA\n';
    return Array.from({ length: 1 + this.int(this.random() < 0.9 ? 6 : 120) }, () => alphabet[this.int(alphabet.length)]).join('');
  }

  /** One change event: 1–3 non-overlapping edits, occasionally a whole-document replace. */
  randomEdits(): TextEdit[] {
    const text = this.doc.text;
    if (this.random() < 0.01) {
      return [{ start: 0, end: text.length, text: this.random() < 0.7 ? text : text.replace(/e/g, 'E') }];
    }
    const edits: TextEdit[] = [];
    const count = this.random() < 0.7 ? 1 : 2 + this.int(2);
    for (let tries = 0; edits.length < count && tries < 10; tries += 1) {
      const start = this.position();
      const kind = this.random();
      const span = this.random() < 0.85 ? 1 + this.int(8) : 1 + this.int(150);
      const end = kind < 0.3 ? start : Math.min(text.length, start + span); // insertion, else deletion or replacement
      const inserted = kind < 0.3 || kind > 0.6 ? this.replacement(text.slice(start, end)) : '';
      if (start === end && inserted === '') continue;
      const clash = edits.some((e) => (start < e.end && e.start < end) || (start === end && e.start === start) || (e.start === e.end && e.start === start));
      if (!clash) edits.push({ start, end, text: inserted });
    }
    return edits;
  }

  /** Applies edits (all in old offsets) to the document, returning the new one. */
  apply(edits: readonly TextEdit[]): Applied {
    let { text, ids } = this.doc;
    const inserted = edits.map((edit) => this.freshIds(edit.text.length));
    const order = edits.map((_, i) => i).sort((x, y) => edits[y].start - edits[x].start || edits[y].end - edits[x].end);
    for (const i of order) {
      const edit = edits[i];
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
      ids = [...ids.slice(0, edit.start), ...inserted[i], ...ids.slice(edit.end)];
    }
    return { text, ids, inserted, indexOf: new Map(ids.map((id, i) => [id, i])) };
  }
}

/** Which edits lie within [s, e] (their replacement joins the annotation): not a boundary insertion, not the whole span. */
function isInside(edit: TextEdit, s: number, e: number): boolean {
  if (edit.start < s || edit.end > e) return false;
  if (edit.start === edit.end && (edit.start === s || edit.start === e)) return false;
  return !(edit.start === s && edit.end === e);
}

/** Where the annotation's surviving characters (and text inserted inside it) are now; undefined when none survive. */
function expectedSpan(before: Doc, after: Applied, annotation: Annotation, edits: readonly TextEdit[]): { start: number; end: number; intact: boolean } | undefined {
  const { start: s, end: e } = annotation.position;
  const indices: number[] = [];
  for (const id of before.ids.slice(s, e)) {
    const at = after.indexOf.get(id);
    if (at !== undefined) indices.push(at);
  }
  const survivors = indices.length;
  if (survivors === 0) return undefined;
  let insertedInside = 0;
  edits.forEach((edit, i) => {
    if (!isInside(edit, s, e)) return;
    insertedInside += edit.text.length;
    for (const id of after.inserted[i]) indices.push(after.indexOf.get(id) ?? -1);
  });
  const start = Math.min(...indices);
  const end = Math.max(...indices) + 1;
  const intact = survivors === e - s && insertedInside === 0;
  return { start, end, intact };
}

/** Characters of stored context that agree with the text around an occurrence of the quote at `start`. */
function contextAgreement(annotation: Annotation, text: string, start: number): number {
  const { prefix, exact, suffix } = annotation.quote;
  let n = 0;
  while (n < prefix.length && text[start - n - 1] === prefix[prefix.length - n - 1]) n += 1;
  let m = 0;
  while (m < suffix.length && text[start + exact.length + m] === suffix[m]) m += 1;
  return n + m;
}

describe('anchoring under random edits (property)', function () {
  this.timeout(60000);

  for (const [index, seed] of SEEDS.entries()) {
    it(`applyTextEdits follows 4,000 random change events on ${seed.name}`, () => {
      const world = new World(1000 + index, seed.text);
      const stats = { checks: 0, shrunk: 0, orphaned: 0, refound: 0 };
      for (let step = 0; step < 4000; step += 1) {
        if (world.doc.text.length < 200) {
          world.doc = { text: seed.text, ids: world.freshIds(seed.text.length) };
          world.annotations = [];
        }
        world.replenish(30);
        const before = world.doc;
        const inputs = world.annotations;
        const edits = world.randomEdits();
        const after = world.apply(edits);
        const withText = step % 2 === 0;
        const outputs = applyTextEdits(inputs, edits, withText ? after.text : undefined);
        assert.deepEqual(outputs.map((a) => a.id), inputs.map((a) => a.id), 'same ids, same order');
        for (let i = 0; i < inputs.length; i += 1) {
          const input = inputs[i];
          const output = outputs[i];
          if (input.status === 'orphaned') {
            assert.equal(output.status, 'orphaned');
            assert.equal(output.quote, input.quote, 'an orphan keeps its quote');
            continue;
          }
          stats.checks += 1;
          const expected = expectedSpan(before, after, input, edits);
          const where = `step ${step}, edits ${JSON.stringify(edits)}, annotation ${JSON.stringify(input.position)} ${JSON.stringify(input.quote.exact)}`;
          if (!expected) {
            if (output.status === 'orphaned') {
              stats.orphaned += 1;
              assert.equal(output.quote.exact, input.quote.exact, `orphan keeps its quote: ${where}`);
            } else {
              stats.refound += 1;
              assert.equal(after.text.slice(output.position.start, output.position.end), input.quote.exact, `re-found in a replacement: ${where}`);
            }
            continue;
          }
          assert.equal(output.status, 'anchored', where);
          assert.deepEqual(output.position, { start: expected.start, end: expected.end }, where);
          const now = after.text.slice(expected.start, expected.end);
          if (expected.intact) assert.equal(now, input.quote.exact, where);
          else stats.shrunk += 1;
          if (withText) assert.deepEqual(output.quote, quoteAt(after.text, expected.start, expected.end), where);
          else assert.equal(output.quote.exact, now, `exact derived from the edits alone: ${where}`);
        }
        world.doc = after;
        world.annotations = outputs.filter((a) => a.status === 'anchored' || world.random() < 0.5);
        if (!withText) world.annotations = world.annotations.map((a) => (a.status === 'anchored' ? { ...a, quote: quoteAt(after.text, a.position.start, a.position.end) } : a));
      }
      if (process.env.ANCHORING_STATS) console.log(seed.name, stats);
      assert.ok(stats.checks > 50000 && stats.shrunk > 1000 && stats.orphaned > 100 && stats.refound > 0, JSON.stringify(stats));
    });

    it(`reanchor finds annotations again after 2,000 unseen random edits on ${seed.name}`, () => {
      const world = new World(2000 + index, seed.text);
      const stats = { intact: 0, atExpected: 0, moved: 0, fuzzy: 0, orphaned: 0 };
      for (let step = 0; step < 2000; step += 1) {
        if (world.doc.text.length < 200) {
          world.doc = { text: seed.text, ids: world.freshIds(seed.text.length) };
          world.annotations = [];
        }
        world.replenish(25);
        const before = world.doc;
        const edits = world.randomEdits();
        const after = world.apply(edits);
        const results = world.annotations.map((a) => ({ input: a, ...reanchor(a, after.text) }));
        assert.deepEqual(results.map((r) => r.annotation.id), world.annotations.map((a) => a.id), 'none lost');
        for (const { input, annotation, outcome } of results) {
          const where = `step ${step}, edits ${JSON.stringify(edits)}, annotation ${JSON.stringify(input.position)} ${JSON.stringify(input.quote.exact)}`;
          const { start, end } = annotation.position;
          assert.equal(outcome === 'orphaned', annotation.status === 'orphaned', where);
          if (outcome !== 'orphaned') {
            assert.equal(outcome === 'anchored', start === input.position.start && end === input.position.end, where);
            assert.deepEqual(annotation.quote, quoteAt(after.text, start, end), `quote refreshed: ${where}`);
          } else {
            assert.deepEqual(annotation.quote, input.quote, `an orphan keeps its quote: ${where}`);
          }
          const expected = input.status === 'anchored' ? expectedSpan(before, after, input, edits) : undefined;
          if (expected?.intact) {
            stats.intact += 1;
            assert.notEqual(outcome, 'orphaned', `a surviving quote is never orphaned: ${where}`);
            assert.equal(after.text.slice(start, end), input.quote.exact, `re-anchored exactly to its quote: ${where}`);
            if (start === expected.start) stats.atExpected += 1;
            else {
              assert.ok(contextAgreement(input, after.text, start) >= contextAgreement(input, after.text, expected.start), `never a worse-context occurrence: ${where}`);
            }
          } else if (outcome === 'orphaned') {
            stats.orphaned += 1;
          } else {
            const found = after.text.slice(start, end);
            if (found === input.quote.exact) stats.moved += 1;
            else stats.fuzzy += 1;
            assert.ok(editDistance(found, input.quote.exact) <= maxFuzzyErrors(input.quote.exact.length), `fuzzy match within budget: ${where}`);
          }
        }
        world.doc = after;
        world.annotations = results.map((r) => r.annotation).filter((a) => a.status === 'anchored' || world.random() < 0.3);
      }
      if (process.env.ANCHORING_STATS) console.log(seed.name, stats);
      assert.ok(stats.intact > 20000 && stats.atExpected / stats.intact > 0.995 && stats.fuzzy > 100 && stats.orphaned > 100, JSON.stringify(stats));
    });
  }
});
