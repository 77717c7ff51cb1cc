import * as assert from 'node:assert/strict';
import { seededRandom } from '../../../src/core/random/seededRandom';
import { jsonChunks } from '../../../src/core/text/jsonPieces';

/** Joined chunks, cut as finely as they can be (size 1: a chunk at every cut). */
const joined = (value: unknown, size = 1): string | undefined => {
  const chunks = [...jsonChunks(value, size)];
  return chunks.length === 0 ? undefined : chunks.join('');
};

/** A random JSON-ish value with the odd cases JSON.stringify treats specially. */
function randomValue(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 4 ? 8 : 12));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return [0, -0, 1.5, -3, 1e21, NaN, Infinity, -Infinity][Math.floor(random() * 8)];
    case 3:
      return ['', 'plain', 'quote " and \\ backslash', 'line\nbreak\ttab', 'lone \ud800 surrogate', '“curly” — Zürich 北京 👩🏽‍💻', '\u0000\u001f\u2028'][Math.floor(random() * 7)];
    case 4:
      return undefined;
    case 5:
      return () => 1;
    case 6:
      return new Date(Math.floor(random() * 2e12));
    case 7:
      return Symbol('s');
    case 8:
    case 9: {
      const list: unknown[] = [];
      const length = Math.floor(random() * 6);
      for (let i = 0; i < length; i++) list.push(randomValue(random, depth + 1));
      if (random() < 0.1) list.length += 2; // holes
      return list;
    }
    default: {
      const object: Record<string, unknown> = {};
      const length = Math.floor(random() * 6);
      for (let i = 0; i < length; i++) object[['a', 'b c', '"q"', '2', '10', 'toString', '__proto__x'][Math.floor(random() * 7)]!] = randomValue(random, depth + 1);
      if (random() < 0.05) object.toJSON = () => ({ replaced: true });
      return object;
    }
  }
}

describe('jsonChunks (JSON.stringify a piece at a time)', () => {
  it('joins to exactly what JSON.stringify writes, over random values', () => {
    const random = seededRandom(12);
    for (let i = 0; i < 3000; i++) {
      const value = randomValue(random, 0);
      assert.equal(joined(value), JSON.stringify(value), `value ${i}`);
      assert.equal(joined(value, 64), JSON.stringify(value), `value ${i} in chunks of 64`);
    }
  });

  it('follows JSON.stringify on the special cases', () => {
    for (const value of [undefined, null, 0, 'x', [], {}, [undefined, () => 1, Symbol('s')], { a: undefined, b: () => 1, c: 1 }, new Date(0), { d: new Date(0) }, { toJSON: () => undefined }, { nested: { toJSON: (key: string) => `key ${key}` } }, [{ toJSON: (key: string) => `index ${key}` }], new Map([[1, 2]]), Object.assign(Object.create({ inherited: 1 }) as object, { own: 2 })]) {
      assert.equal(joined(value), JSON.stringify(value));
    }
  });

  it('throws on a cycle and on a BigInt, as JSON.stringify does', () => {
    const cycle: Record<string, unknown> = { a: [{}] };
    (cycle.a as Record<string, unknown>[])[0]!.back = cycle;
    assert.throws(() => [...jsonChunks(cycle, 1)], TypeError);
    assert.throws(() => [...jsonChunks({ a: [{ b: 1n }] }, 1)], TypeError);
    // the same object twice is no cycle
    const shared = { x: [1] };
    assert.equal(joined({ a: shared, b: [shared, shared] }), JSON.stringify({ a: shared, b: [shared, shared] }));
  });

  it('cuts a large analysis between its items: no piece but a string is longer than one item', () => {
    // a cycle deep in a large value, past what is serialised whole
    const deep = { list: Array.from({ length: 300 }, (_, i) => ({ i })) as unknown[] };
    deep.list.push({ back: deep });
    assert.throws(() => [...jsonChunks(deep, 1)], TypeError);
    const text = 'Distinct words, one after another. '.repeat(30_000);
    const entities = Array.from({ length: 20_000 }, (_, i) => ({ start: i * 50, end: i * 50 + 8, text: `Name ${i}`, type: i % 3 === 0 ? 'person' : 'place', canonical: `Name ${i}`, evidence: [{ rule: 'title', weight: 1 }] }));
    const value = { key: 'seeds/a.txt', text, analysis: { entities, dates: [] } };
    const pieces = [...jsonChunks(value, 1)];
    assert.equal(pieces.join(''), JSON.stringify(value));
    assert.ok(pieces.length > 20_000, `${pieces.length} pieces`);
    const longest = pieces.filter((p) => !p.includes('Distinct words')).reduce((most, p) => Math.max(most, p.length), 0);
    assert.ok(longest < 200, `longest piece ${longest} characters`);
  });

  it('jsonChunks gathers the pieces into chunks of about the size asked for', () => {
    const value = { list: Array.from({ length: 5000 }, (_, i) => ({ i, name: `item ${i}` })), long: 'y'.repeat(10_000) };
    const chunks = [...jsonChunks(value, 1000)];
    assert.equal(chunks.join(''), JSON.stringify(value));
    // a chunk ends once it reaches the size: at most a piece of a long string (the size again) past it
    for (const chunk of chunks.slice(0, -1)) assert.ok(chunk.length >= 1000 && chunk.length < 2100, `chunk of ${chunk.length}`);
    assert.deepEqual([...jsonChunks(undefined)], []);
    assert.deepEqual([...jsonChunks(1)], ['1']);
  });
});

describe('jsonChunks: long strings', () => {
  it('cuts a string longer than the chunk size into pieces, never between the halves of a surrogate pair, joined exactly as JSON.stringify writes it', () => {
    const random = seededRandom(7);
    const alphabet = ['a', ' ', '"', '\\', '\n', '\u0001', '\u2028', 'é', '北', '👩🏽‍💻', '\ud800', '\udc00', '😀'];
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = 1 + Math.floor(random() * 300);
      while (text.length < length) text += alphabet[Math.floor(random() * alphabet.length)]!;
      const value = { text, list: [text, 1] };
      for (const size of [1, 2, 3, 7, 64]) {
        const chunks = [...jsonChunks(value, size)];
        assert.equal(chunks.join(''), JSON.stringify(value), `size ${size}, round ${round}`);
      }
    }
  });

  it('yields a 1 MB text in pieces of about the chunk size instead of one', () => {
    const text = 'Words of an article, with “quotes” and 👩🏽‍💻. '.repeat(25_000);
    const chunks = [...jsonChunks({ text }, 64 * 1024)];
    assert.equal(chunks.join(''), JSON.stringify({ text }));
    assert.ok(chunks.length >= 15, `${chunks.length} chunks`);
    assert.ok(chunks.every((c) => c.length < 80 * 1024), 'no chunk much over the size');
  });
});
