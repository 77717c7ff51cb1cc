// The analysis engine behind its message loop, as the worker runs it, with its turns run only when a test asks: what
// the engine posts for the messages sent so far.
import { engineMessageLoop } from '../../../src/extension/analysisEngine';
import type { EngineMessage, HostToEngine } from '../../../src/extension/analysisProtocol';

/** An engine behind its message loop, its turns run when `drain()` is called. */
export function engine(): { send: (message: HostToEngine) => void; drain: () => EngineMessage[] } {
  const posted: EngineMessage[] = [];
  const turns: (() => void)[] = [];
  const send = engineMessageLoop((message) => posted.push(message), (turn) => turns.push(turn));
  return {
    send,
    drain: () => {
      for (let turn = turns.shift(); turn; turn = turns.shift()) turn();
      return posted.splice(0);
    },
  };
}
