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

/** The parts of a V8 CPU profile read here. */
interface Profile {
  readonly startTime: number;
  readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string }; readonly children?: readonly number[] }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export class CpuProfile {
  private readonly session: Session | undefined;
  private readonly started: Promise<void> = Promise.resolve();
  /** performance.now() at the profile's time 0 (known once stopped), to place a probe's stretch in the profile. */
  private startedAt: number | undefined;
  /** The profile recorded (once stopped). */
  private profile: Profile | undefined;

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

  /** Beside the profile's file, `<name>.heapprofile` for a sampling heap profile; undefined when not profiling. */
  heapFile(): string | undefined {
    return this.file ? this.file.replace(/\.cpuprofile$/, '.heapprofile') : undefined;
  }

  /** Where `time` (performance.now()) falls in the profile, for the test's output: `at 12.3 s of <file>`; '' when not profiling. */
  where(time: number): string {
    return this.startedAt !== undefined && this.file && time > 0 ? ` (at ${((time - this.startedAt) / 1000).toFixed(2)} s of ${path.basename(this.file)})` : '';
  }

  /**
   * Whose code the profile ran during a probe's stretch (`millis` from `time`, performance.now()), for the test's output:
   * `; Article Annotator 60% (setArticle), VS Code 30% (findCandidatePorts), garbage collection 10%`, the largest
   * first ('not running': no sample, the host was not given the CPU on a busy machine); '' when not profiling. A sample counts as the extension's when its code is anywhere in the call stack (the
   * editor's functions it calls included), else as VS Code's (its extension host and built-in extensions).
   */
  whose(time: number, millis: number): string {
    const profile = this.profile;
    if (!profile || this.startedAt === undefined || time <= 0 || millis <= 0) return '';
    const from = (time - this.startedAt) * 1000;
    const to = from + millis * 1000;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const shares = new Map<string, { micros: number; names: Map<string, number> }>();
    let at = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      at += profile.timeDeltas[i] ?? 0;
      if (at < from || at > to) continue;
      // a sample stands for at most 2 ms: a longer gap is time the host did not run (a busy machine), no one's code
      const micros = Math.min(profile.timeDeltas[i + 1] ?? 0, 2000);
      const leaf = nodes.get(profile.samples[i]!);
      if (!leaf || leaf.callFrame.functionName === '(idle)') continue;
      let whose = leaf.callFrame.functionName === '(garbage collector)' ? 'garbage collection' : 'V8 and Node.js';
      let name = '';
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const frame = nodes.get(id)!.callFrame;
        if (/\/dist\/(extension|analysisWorker|web)\.js$/.test(frame.url) && !/\/lib\/vscode\//.test(frame.url)) {
          whose = 'Article Annotator';
          name = frame.functionName || name;
          break;
        }
        // VS Code's: its extension host and built-in extensions; minified names say nothing, readable ones are kept
        if (/\/lib\/vscode\/|extensionHostProcess\.js$/.test(frame.url)) {
          whose = 'VS Code';
          if (!name && frame.functionName.length > 3) name = frame.functionName;
        }
      }
      const share = shares.get(whose) ?? { micros: 0, names: new Map<string, number>() };
      share.micros += micros;
      if (name) share.names.set(name, (share.names.get(name) ?? 0) + micros);
      shares.set(whose, share);
    }
    const sampled = [...shares.values()].reduce((sum, s) => sum + s.micros, 0);
    const total = Math.max(sampled, millis * 1000);
    if (total > sampled) shares.set('not running', { micros: total - sampled, names: new Map() });
    const parts = [...shares]
      .sort((a, b) => b[1].micros - a[1].micros)
      .map(([whose, share]) => {
        const top = [...share.names].sort((a, b) => b[1] - a[1])[0]?.[0];
        return `${whose} ${Math.round((100 * share.micros) / total)}%${top ? ` (${top})` : ''}`;
      });
    return `; ${parts.join(', ')}`;
  }

  /** Stops and writes the profile; returns its file, or undefined when not profiling. */
  async stop(): Promise<string | undefined> {
    if (!this.session || !this.file) return undefined;
    try {
      await this.started;
      const result = (await this.post('Profiler.stop')) as { profile: Profile };
      this.profile = result.profile;
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
