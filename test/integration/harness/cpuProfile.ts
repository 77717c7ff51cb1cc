// Opt-in CPU profile of the extension host while a test runs (open the .cpuprofile in Chrome DevTools or VS Code;
// scripts/blocking-stretches.mjs lists its longest stretches). Finding what blocks the host is a matter of reading a
// profile, not of guessing.
// - `new CpuProfile()` records when ARTICLE_ANNOTATOR_CPU_PROFILE names a file (the 1,000-article scale test);
// - `CpuProfile.start(name)` records `<name>.cpuprofile` when ARTICLE_ANNOTATOR_PROFILE_DIR names a folder (tests that
//   profile several stretches, such as the typing test).
import { writeFileSync, mkdirSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { testEnv } from './testEnv';

export class CpuProfile {
  private readonly session: Session | undefined;
  private readonly started: Promise<void> = Promise.resolve();

  constructor(private readonly file = testEnv('ARTICLE_ANNOTATOR_CPU_PROFILE'), samplingMicroseconds = 1000) {
    if (!this.file) return;
    this.session = new Session();
    this.session.connect();
    this.started = (async () => {
      await this.post('Profiler.enable');
      await this.post('Profiler.setSamplingInterval', { interval: samplingMicroseconds });
      await this.post('Profiler.start');
    })();
  }

  /** Starts profiling into `<name>.cpuprofile` when ARTICLE_ANNOTATOR_PROFILE_DIR is set; otherwise does nothing. */
  static async start(name: string): Promise<CpuProfile> {
    const dir = testEnv('ARTICLE_ANNOTATOR_PROFILE_DIR');
    const profile = new CpuProfile(dir ? path.join(dir, `${name}.cpuprofile`) : '', 500);
    await profile.started;
    return profile;
  }

  /** Stops and writes the profile; returns its file, or undefined when not profiling. */
  async stop(): Promise<string | undefined> {
    if (!this.session || !this.file) return undefined;
    try {
      await this.started;
      const result = (await this.post('Profiler.stop')) as { profile: unknown };
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify(result.profile));
      return this.file;
    } finally {
      this.session.disconnect();
    }
  }

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) => this.session!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  }
}
