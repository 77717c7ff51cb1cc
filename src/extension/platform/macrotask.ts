// The next macrotask on any host: setImmediate in Node, a MessageChannel message in a browser worker (no 4 ms clamp
// as with nested setTimeout). Either way pending events (editor input, messages) run first.

interface BrowserPort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
}

interface ImmediateGlobals {
  setImmediate?: (callback: () => void) => unknown;
  MessageChannel: new () => { readonly port1: BrowserPort; readonly port2: BrowserPort };
}

let channel: { readonly post: () => void; readonly turns: (() => void)[] } | undefined;

export function deferToMacrotask(turn: () => void): void {
  const immediate = (globalThis as unknown as ImmediateGlobals).setImmediate;
  if (immediate) {
    immediate(turn);
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

export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => deferToMacrotask(resolve));
}
