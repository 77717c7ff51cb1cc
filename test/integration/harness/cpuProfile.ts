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
  /** performance.now() at the profile's time 0 (known once stopped), to place a probe's stretch in the profile. */
  private startedAt: number | undefined;

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

  /**
   * Resolves once the profiler runs (starting it holds the host for up to a second, which a blocking probe reset
   * afterwards does not count: it is not the code under test).
   */
  whenStarted(): Promise<void> {
    return this.started;
  }

  /** Starts profiling into `<name>.cpuprofile` when ARTICLE_ANNOTATOR_PROFILE_DIR is set; otherwise does nothing. */
  static async start(name: string): Promise<CpuProfile> {
    const dir = testEnv('ARTICLE_ANNOTATOR_PROFILE_DIR');
    const profile = new CpuProfile(dir ? path.join(dir, `${name}.cpuprofile`) : '', 500);
    await profile.started;
    return profile;
  }

  /** Where `time` (performance.now()) falls in the profile, for the test's output: `at 12.3 s of <file>`; '' when not profiling. */
  where(time: number): string {
    return this.startedAt !== undefined && this.file && time > 0 ? ` (at ${((time - this.startedAt) / 1000).toFixed(2)} s of ${path.basename(this.file)})` : '';
  }

  /** Stops and writes the profile; returns its file, or undefined when not profiling. */
  async stop(): Promise<string | undefined> {
    if (!this.session || !this.file) return undefined;
    try {
      await this.started;
      const result = (await this.post('Profiler.stop')) as { profile: { startTime: number } };
      // V8 counts the profile's start in microseconds of the monotonic clock, as process.hrtime does
      this.startedAt = result.profile.startTime / 1000 - (Number(process.hrtime.bigint() / 1000n) / 1000 - performance.now());
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
