// The next macrotask on any host: setImmediate in Node, a MessageChannel message in a browser worker (no 4 ms clamp
// as with nested setTimeout). Either way pending events (editor input, messages) run first, and one turn runs per
// turn of the event loop (see deferToMacrotask).

interface BrowserPort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
}

interface ImmediateGlobals {
  setImmediate?: (callback: () => void) => unknown;
  MessageChannel: new () => { readonly port1: BrowserPort; readonly port2: BrowserPort };
}

let channel: { readonly post: () => void; readonly turns: (() => void)[] } | undefined;

/** Node: the turns waiting, run one per turn of the event loop; whether an immediate is set for the first. */
const immediateTurns: (() => void)[] = [];
let immediateSet = false;

/**
 * Runs `turn` in a macrotask of its own, after the turns deferred before it. In Node one such turn runs per turn of the
 * event loop: Node runs every immediate queued before its check phase back to back, so work sliced by several callers
 * at once (the workspace index, the Outline, the in-process analysis) ran a slice of each between two timers, and the
 * extension host stalled for their sum (98 ms after a pause in typing a 1 MB article: the index's slice, the Outline's
 * and the analysis result in one go). A browser worker runs each message as a task of its own already.
 */
export function deferToMacrotask(turn: () => void): void {
  const immediate = (globalThis as unknown as ImmediateGlobals).setImmediate;
  if (immediate) {
    immediateTurns.push(turn);
    if (!immediateSet) {
      immediateSet = true;
      immediate(runImmediateTurn);
    }
    return;
  }
  if (!channel) {
    const ports = new (globalThis as unknown as ImmediateGlobals).MessageChannel();
    const turns: (() => void)[] = [];
    ports.port1.onmessage = () => turns.shift()?.();
    channel = { post: () => ports.port2.postMessage(0), turns };
  }
  channel.turns.push(turn);
  channel.post();
}

// one turn, with the next one's immediate set first (set during the check phase, it runs in the next turn of the loop)
function runImmediateTurn(): void {
  const turn = immediateTurns.shift();
  immediateSet = immediateTurns.length > 0;
  if (immediateSet) (globalThis as unknown as ImmediateGlobals).setImmediate!(runImmediateTurn);
  turn?.();
}

export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => deferToMacrotask(resolve));
}
