// The reload phase's blocking probe, one per extension host: the test runner starts it as the phase begins (index.ts),
// before mocha and the test files load, so it sees the workspace index's reopen from as early as the tests can; the
// scale test (workspaceIndexScale.test.ts) reads and stops it. Each test file is its own bundle, so the one probe is
// kept on globalThis rather than in a module's state.
import { BlockingProbe } from './blockingProbe';

export interface ReopenProbe {
  readonly probe: BlockingProbe;
  /** performance.now() when it started. */
  readonly startedAt: number;
}

const KEY = Symbol.for('articleAnnotator.reopenProbe');

/** The phase's probe, started by the first call. */
export function reopenProbe(): ReopenProbe {
  const holder = globalThis as { [KEY]?: ReopenProbe };
  return (holder[KEY] ??= { probe: new BlockingProbe(), startedAt: performance.now() });
}
