// Stacking levels of overlapping annotations (drawn one above the other in the editor).
import * as assert from 'node:assert/strict';
import { stackLevels } from '../../../src/core/annotations/stackLevels';
import { seededRandom } from '../../../src/core/random/seededRandom';

/** The rule spelled out: each span, taken by start (the longer first), gets the lowest level no open span overlapping it has. */
function reference(spans: readonly { start: number; end: number }[]): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end);
  const levels = spans.map(() => 0);
  const done: number[] = [];
  for (const i of order) {
    const used = new Set(done.filter((j) => spans[j]!.end > spans[i]!.start).map((j) => levels[j]!));
    let level = 0;
    while (used.has(level)) level++;
    levels[i] = level;
    done.push(i);
  }
  return levels;
}

describe('stackLevels', () => {
  it('puts separate spans on level 0 and touching ones too', () => {
    assert.deepEqual(stackLevels([{ start: 0, end: 4 }, { start: 4, end: 8 }, { start: 20, end: 25 }]), [0, 0, 0]);
  });

  it('stacks nested and overlapping spans, in input order, the longer of two at one start below', () => {
    // input order differs from start order: levels come back in input order
    assert.deepEqual(stackLevels([{ start: 2, end: 6 }, { start: 0, end: 10 }, { start: 5, end: 12 }, { start: 11, end: 14 }]), [1, 0, 2, 0]);
    assert.deepEqual(stackLevels([{ start: 3, end: 5 }, { start: 3, end: 9 }]), [1, 0]);
  });

  it('reuses a level freed by a span that ended', () => {
    assert.deepEqual(stackLevels([{ start: 0, end: 10 }, { start: 1, end: 3 }, { start: 4, end: 6 }, { start: 5, end: 8 }]), [0, 1, 1, 2]);
  });

  it('is empty for no spans', () => {
    assert.deepEqual(stackLevels([]), []);
  });

  it('agrees with the rule on random spans', () => {
    const random = seededRandom(12);
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: Math.floor(random() * 30) }, () => {
        const start = Math.floor(random() * 60);
        return { start, end: start + Math.floor(random() * 15) };
      });
      assert.deepEqual(stackLevels(spans), reference(spans), JSON.stringify(spans));
    }
  });
});
