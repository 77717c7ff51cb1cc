// Deferred turns run one per turn of the event loop in Node: a timer that comes due during one turn runs before the
// next, however many turns are waiting (several callers slicing their work at once stalled the host for their sum).
import * as assert from 'node:assert/strict';
import { deferToMacrotask, nextMacrotask } from '../../../src/extension/platform/macrotask';

const busy = (millis: number): void => {
  const until = performance.now() + millis;
  while (performance.now() < until);
};

describe('deferToMacrotask (Node)', () => {
  it('runs a timer that came due during one deferred turn before the next deferred turn', async () => {
    const order: string[] = [];
    const done = new Promise<void>((resolve) => {
      deferToMacrotask(() => {
        order.push('first');
        setTimeout(() => order.push('timer'), 0);
        busy(5);
      });
      deferToMacrotask(() => order.push('second'));
      deferToMacrotask(() => {
        order.push('third');
        resolve();
      });
    });
    await done;
    assert.deepEqual(order, ['first', 'timer', 'second', 'third']);
  });

  it('keeps the order turns were deferred in, also of turns deferred by a turn, and nextMacrotask waits its turn', async () => {
    const order: number[] = [];
    deferToMacrotask(() => {
      order.push(1);
      deferToMacrotask(() => order.push(4));
    });
    deferToMacrotask(() => order.push(2));
    const third = nextMacrotask().then(() => order.push(3));
    await third;
    await nextMacrotask();
    assert.deepEqual(order, [1, 2, 3, 4]);
  });
});
