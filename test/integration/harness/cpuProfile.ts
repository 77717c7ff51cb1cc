// Opt-in CPU profile of the extension host while a test runs: ARTICLE_ANNOTATOR_CPU_PROFILE=<file> writes a
// .cpuprofile (open it in Chrome DevTools or VS Code; scripts/blocking-stretches.mjs lists its longest stretches).
// Finding what blocks the host is a matter of reading a profile, not of guessing.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

export class CpuProfile {
  private readonly session: Session | undefined;

  constructor(private readonly file = typeof process === 'undefined' ? undefined : process.env.ARTICLE_ANNOTATOR_CPU_PROFILE) {
    if (!this.file) return;
    this.session = new Session();
    this.session.connect();
    this.session.post('Profiler.enable');
    this.session.post('Profiler.setSamplingInterval', { interval: 1000 });
    this.session.post('Profiler.start');
  }

  /** Writes the profile (when one was asked for) and stops profiling. */
  async stop(): Promise<void> {
    const session = this.session;
    if (!session || !this.file) return;
    const file = this.file;
    await new Promise<void>((resolve) =>
      session.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(file, JSON.stringify(result.profile));
        session.disconnect();
        resolve();
      }),
    );
  }
}
