/*
 * Test entry point loaded by VS Code's extension host (`extensionTestsPath`).
 *
 * It runs every compiled `out/test/integration/**\/*.test.js` with Mocha (bdd: describe/it) inside
 * the real extension host, under either launcher:
 *   - scripts/run-integration.mjs (`npm run test:integration`): code-server + headless Chromium, offline;
 *   - scripts/test-electron.mjs (`npm run test:electron`): desktop VS Code via @vscode/test-electron.
 *
 * Output. The extension host's console only reaches the browser console, so the reporter output
 * (spec reporter, no colours) and everything tests print with console.log/info/warn/error is also
 * appended to the file named by ARTICLE_ANNOTATOR_TEST_REPORT; the launcher streams it to stdout.
 * A JSON summary { phase, passed, failed, pending, tests: [{ fullTitle, state, error }] } is written
 * to ARTICLE_ANNOTATOR_TEST_SUMMARY. Both are optional (without them output goes to the console only).
 *
 * Filtering. ARTICLE_ANNOTATOR_TEST_GREP: a regular expression matched against each test's full title
 * ("describe title it title"), like mocha --grep. When it selects `@after-reload` tests, phase 1 also runs the other
 * tests of their files, which set up what they check (./harness/phases.ts).
 *
 * Reload phases. A window reload restarts the extension host, so Mocha cannot continue a run across one.
 * Tests that check what survives a reload are split in two, and the launcher runs the suite twice:
 *   phase 1 (ARTICLE_ANNOTATOR_TEST_PHASE=1): every test whose full title does NOT contain `@after-reload`;
 *   phase 2 (ARTICLE_ANNOTATOR_TEST_PHASE=2): only the tests whose full title contains `@after-reload`,
 *            after the window was reloaded (Developer: Reload Window, which first waits for the workbench to
 *            write its state: open editors, workspaceState) and reopened on a restarted code-server with the same
 *            user-data dir, browser profile and workspace folder (so what phase 1 left is still there).
 * Phase 2 only runs when phase 1 reported such tests. Write them as
 *     it('creates an annotation', ...)                                  // phase 1: set state up
 *     it('@after-reload the annotation is still there', ...)            // phase 2: check it
 * (`AFTER_RELOAD` and `testPhase()` in ./harness/workbench). Without a phase (e.g. a debugger launch
 * configuration) phase 1 runs and the @after-reload tests are skipped with a note.
 *
 * Failures. When running under run-integration.mjs, a screenshot of the workbench is saved under
 * .test-results/ for each failed test (see ./harness/workbench).
 */
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import type MochaType from 'mocha';
import { countAfterReload, phaseFilter, userGrepPattern } from './harness/phases';
import { reloadWindowForPhase2 } from './harness/reloadWindow';
import { reopenProbe } from './harness/reopenProbe';
import { AFTER_RELOAD, screenshot, testPhase, workbenchAvailable } from './harness/workbench';

type MochaConstructor = typeof MochaType;

function loadMocha(): MochaConstructor {
  // mocha 12 is ESM with a CommonJS core; load the core directly so esbuild's interop does not get in the way.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('mocha/lib/mocha.cjs') as MochaConstructor & { default?: MochaConstructor };
  return loaded.default ?? loaded;
}

interface TestRecord {
  title: string;
  fullTitle: string;
  file: string | undefined;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number | undefined;
  error?: { message: string; stack: string | undefined; expected?: unknown; actual?: unknown };
}

export interface TestSummary {
  phase: number;
  passed: number;
  failed: number;
  pending: number;
  /** Tests tagged @after-reload that match the grep (the launcher runs phase 2 when > 0 in phase 1). */
  afterReloadTests: number;
  durationMs: number;
  vscodeVersion: string;
  tests: TestRecord[];
}

const reportFile = process.env.ARTICLE_ANNOTATOR_TEST_REPORT;
const summaryFile = process.env.ARTICLE_ANNOTATOR_TEST_SUMMARY;
let reportClosed = false;

function toReport(text: string): void {
  if (!reportFile || reportClosed) return;
  try {
    appendFileSync(reportFile, text);
  } catch {
    /* the report is best effort */
  }
}

/** Tees console.* into the report file. Plain assignment is ignored in the extension host, hence defineProperty. */
function teeConsole(): Record<'log' | 'info' | 'warn' | 'error' | 'debug', (...args: unknown[]) => void> {
  const original = {
    log: console.log.bind(console),
    info: console.info.bind(console),
    warn: console.warn.bind(console),
    error: console.error.bind(console),
    debug: console.debug.bind(console),
  };
  if (!reportFile) return original;
  for (const name of Object.keys(original) as (keyof typeof original)[]) {
    const write = original[name];
    const tee = (...args: unknown[]): void => {
      toReport(format(...args) + '\n');
      write(...args);
    };
    try {
      Object.defineProperty(console, name, { value: tee, configurable: true, writable: true, enumerable: true });
    } catch {
      /* keep the original */
    }
  }
  return original;
}

/**
 * The test files, by name; in the reload phase (2) the files that measure the reopen (`*Scale.test.js`) come first, so
 * the index brings the workspace back from its cache with the host to itself: the other @after-reload tests (reading
 * views, hovers, edits) ran while it did, and their own work was counted as the reopen's blocking stretch.
 */
function findTests(dir: string, phase: number): string[] {
  const measuresReopen = (f: string): number => (phase === 2 && f.endsWith('Scale.test.js') ? 0 : 1);
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .sort((a, b) => measuresReopen(a) - measuresReopen(b))
    .map((f) => path.join(dir, f));
}

function writeSummary(summary: TestSummary): void {
  if (!summaryFile) return;
  mkdirSync(path.dirname(summaryFile), { recursive: true });
  writeFileSync(summaryFile, JSON.stringify(summary, null, 2) + '\n');
}

function errorRecord(error: unknown): NonNullable<TestRecord['error']> {
  if (error instanceof Error) {
    const withDiff = error as Error & { expected?: unknown; actual?: unknown; showDiff?: boolean };
    return {
      message: error.message,
      stack: error.stack,
      ...(withDiff.showDiff !== false && 'expected' in withDiff ? { expected: withDiff.expected, actual: withDiff.actual } : {}),
    };
  }
  return { message: String(error), stack: undefined };
}

export async function run(): Promise<void> {
  const started = Date.now();
  const original = teeConsole();
  const Mocha = loadMocha();
  const phase = testPhase() ?? 0;
  // the index reopens from its cache as the window comes back: measured from here, not from when the scale test's file loads
  if (phase === 2) reopenProbe();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscodeVersion = (require('vscode') as typeof import('vscode')).version;

  const grep = userGrepPattern(process.env.ARTICLE_ANNOTATOR_TEST_GREP);

  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.ARTICLE_ANNOTATOR_TEST_TIMEOUT_MS) || 20_000,
    slow: 2_000,
  });
  // mocha calls only the filter's test(fullTitle); it reads the suite tree once mocha has loaded the files
  mocha.grep(phaseFilter(phase, grep, mocha.suite) as unknown as RegExp);
  mocha.cleanReferencesAfterRun(false); // the summary walks the suite tree after the run
  Mocha.reporters.Base.useColors = false;
  // Mocha's ✔/✖ come from log-symbols, coloured on their own whenever the environment looks colourful (CI=true).
  const base = Mocha.reporters.Base as unknown as { symbols: Record<string, string> };
  base.symbols = { ...base.symbols, ok: '✔', err: '✖' };
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args: unknown[]) => {
    toReport(format(...args) + '\n');
    original.log(...args);
  };

  const testsRoot = __dirname;
  const files = findTests(testsRoot, phase);
  for (const file of files) mocha.addFile(file);

  // Screenshot of the workbench for every failed test (only under run-integration.mjs).
  mocha.suite.afterEach(async function () {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const file = await screenshot(`failed ${test.fullTitle()}`);
    if (file) console.log(`      screenshot: ${file}`);
  });

  const records: TestRecord[] = [];
  const record = (test: MochaType.Runnable, state: TestRecord['state'], error?: unknown): void => {
    records.push({
      title: test.title,
      fullTitle: test.fullTitle(),
      file: test.file ? path.relative(testsRoot, test.file) : undefined,
      state,
      durationMs: test.duration,
      ...(error === undefined ? {} : { error: errorRecord(error) }),
    });
  };

  toReport(`\nArticle Annotator integration tests: VS Code ${vscodeVersion}, phase ${phase || '(none)'}, ${files.length} test files${grep ? `, grep /${grep}/` : ''}\n`);
  const summary = await new Promise<TestSummary>((resolve, reject) => {
    try {
      // the test files load here rather than in run(): the reload phase's probe does not count their loading (the
      // runner's own work, a second and more on a busy machine) as the reopen's blocking stretch
      // (both are mocha's own; its typings mark loadFiles protected and omit lazyLoadFiles)
      const loading = mocha as unknown as { loadFiles(): void; lazyLoadFiles(enable: boolean): void };
      loading.loadFiles();
      loading.lazyLoadFiles(true);
      if (phase === 2) reopenProbe().probe.skip();
      const runner = mocha.run(() => {
        const passed = records.filter((r) => r.state === 'passed').length;
        const failed = records.filter((r) => r.state === 'failed').length;
        const pending = records.filter((r) => r.state === 'pending').length;
        const afterReloadTests = countAfterReload(mocha.suite, grep ? new RegExp(grep) : undefined);
        if (phase === 0 && afterReloadTests > 0) {
          console.log(`(${afterReloadTests} ${AFTER_RELOAD} tests not run: no ARTICLE_ANNOTATOR_TEST_PHASE, so no reload between phases)`);
        }
        resolve({ phase, passed, failed, pending, afterReloadTests, durationMs: Date.now() - started, vscodeVersion, tests: records });
      });
      runner.on('pass', (test) => record(test, 'passed'));
      runner.on('fail', (test, error) => record(test, 'failed', error));
      runner.on('pending', (test) => record(test, 'pending'));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  }).catch((error: unknown) => {
    // A test file that throws while loading: report it as one failure.
    const summary: TestSummary = {
      phase,
      passed: 0,
      failed: 1,
      pending: 0,
      afterReloadTests: 0,
      durationMs: Date.now() - started,
      vscodeVersion,
      tests: [{ title: 'loading the test files', fullTitle: 'loading the test files', file: undefined, state: 'failed', durationMs: undefined, error: errorRecord(error) }],
    };
    console.error(`Loading the tests failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return summary;
  });
  writeSummary(summary);
  reportClosed = true; // what VS Code logs about the rejected run() below would only repeat the report
  // Phase 2 runs after a reload of this window, made the way a person makes it (the launcher reopens the page on a
  // restarted code-server): it waits until the workbench has written its state.
  if (phase === 1 && summary.afterReloadTests > 0 && workbenchAvailable()) await reloadWindowForPhase2();
  if (summary.failed > 0) throw new Error(`${summary.failed} test${summary.failed === 1 ? '' : 's'} failed.`);
}
