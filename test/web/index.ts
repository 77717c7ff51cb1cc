/*
 * Test entry point for the browser's web-worker extension host (`extensionTestsPath` of the web phases of
 * scripts/run-integration.mjs). Bundled by scripts/build.mjs with every test/web/*.test.ts into out/test/web/index.js,
 * inside the extension folder (tests run in the host of the extension that holds them).
 *
 * The web worker has no `process`, no environment and no Node built-ins, so:
 *   - the launcher's settings (phase, grep, timeouts, the workbench endpoint) come from
 *     `<workspace>/.article-annotator-test/env.json`, read with vscode.workspace.fs;
 *   - the report (spec-like lines) and the JSON summary leave through vscode.workspace.fs as
 *     `<workspace>/.article-annotator-test/report-web<phase>.log` and `summary-web<phase>.json`, which the launcher reads;
 *   - mocha is its browser build (mocha/mocha.js), set up with a reporter of our own.
 * Phases and `@after-reload` work as in test/integration/index.ts.
 */
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { countAfterReload, phaseFilter, userGrepPattern } from '../integration/harness/phases';
import { reloadWindowForPhase2 } from '../integration/harness/reloadWindow';
import { screenshot, workbenchAvailable } from '../integration/harness/workbench';
import { setTestEnv } from '../integration/harness/testEnv';

interface BrowserMocha {
  setup(options: { ui: string; reporter: unknown; timeout: number; slow: number; grep?: RegExp; cleanReferencesAfterRun?: boolean }): void;
  run(done: (failures: number) => void): MochaRunner;
  suite: MochaSuite;
}
interface MochaRunnable {
  title: string;
  fullTitle(): string;
  duration?: number;
}
interface MochaSuite {
  title: string;
  tests: MochaRunnable[];
  suites: MochaSuite[];
}
interface MochaRunner {
  on(event: 'pass' | 'pending', listener: (test: MochaRunnable) => void): void;
  on(event: 'fail', listener: (test: MochaRunnable, error: unknown) => void): void;
  on(event: 'suite', listener: (suite: { title: string; root?: boolean }) => void): void;
}

interface TestRecord {
  title: string;
  fullTitle: string;
  file: undefined;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number | undefined;
  error?: { message: string; stack: string | undefined };
}

/** Runs the web tests; `loadTests` requires the bundled test files (after mocha's globals exist). */
export async function runWith(loadTests: () => void): Promise<void> {
  const started = Date.now();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('the web tests need the workspace folder the launcher opens');
  const dir = vscode.Uri.joinPath(folder, '.article-annotator-test');
  const env = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'env.json')))) as Record<string, string>;
  setTestEnv(env);
  const phase = Number(env.ARTICLE_ANNOTATOR_TEST_PHASE) || 1;
  const reportUri = vscode.Uri.joinPath(dir, `report-web${phase}.log`);
  const summaryUri = vscode.Uri.joinPath(dir, `summary-web${phase}.json`);

  // The report is rewritten whole (workspace.fs has no append), a few times a second at most; it only grows.
  let report = '';
  let flushing: Promise<void> = Promise.resolve();
  let flushQueued = false;
  const flush = (): Promise<void> => {
    if (flushQueued) return flushing;
    flushQueued = true;
    flushing = flushing.then(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      flushQueued = false;
      await vscode.workspace.fs.writeFile(reportUri, new TextEncoder().encode(report));
    });
    return flushing;
  };
  const line = (text: string): void => {
    report += `${text}\n`;
    void flush();
  };
  for (const name of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[name].bind(console);
    try {
      Object.defineProperty(console, name, {
        value: (...args: unknown[]) => {
          line(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
          original(...args);
        },
        configurable: true,
        writable: true,
      });
    } catch {
      /* keep the original */
    }
  }

  const userGrep = userGrepPattern(env.ARTICLE_ANNOTATOR_TEST_GREP);
  const records: TestRecord[] = [];
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  let depth = 0;
  function Reporter(runner: MochaRunner): void {
    runner.on('suite', (suite) => {
      if (suite.root) return;
      line(`${'  '.repeat(++depth)}${suite.title}`);
    });
    (runner as unknown as { on(event: 'suite end', listener: (suite: { root?: boolean }) => void): void }).on('suite end', (suite) => {
      if (!suite.root) depth--;
    });
    runner.on('pass', (test) => {
      records.push({ title: test.title, fullTitle: test.fullTitle(), file: undefined, state: 'passed', durationMs: test.duration });
      line(`${'  '.repeat(depth + 1)}✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on('pending', (test) => {
      records.push({ title: test.title, fullTitle: test.fullTitle(), file: undefined, state: 'pending', durationMs: undefined });
      line(`${'  '.repeat(depth + 1)}- ${test.title}`);
    });
    runner.on('fail', (test, error) => {
      const message = error instanceof Error ? error.message : String(error);
      records.push({ title: test.title, fullTitle: test.fullTitle(), file: undefined, state: 'failed', durationMs: test.duration, error: { message, stack: error instanceof Error ? error.stack : undefined } });
      line(`${'  '.repeat(depth + 1)}✖ ${test.title}\n${message}\n${error instanceof Error ? (error.stack ?? '') : ''}`);
    });
  }
  mocha.setup({ ui: 'bdd', reporter: Reporter, timeout: Number(env.ARTICLE_ANNOTATOR_TEST_TIMEOUT_MS) || 20_000, slow: 2_000, grep: phaseFilter(phase, userGrep, mocha.suite) as unknown as RegExp, cleanReferencesAfterRun: false });
  line(`\nArticle Annotator web-host tests: VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web UI' : 'desktop UI'}, phase ${phase}${userGrep ? `, grep /${userGrep}/` : ''}`);
  let loadError: unknown;
  try {
    // A screenshot of the workbench for every failed test, as in the Node host.
    (globalThis as unknown as { afterEach(fn: (this: { currentTest?: { state?: string; fullTitle(): string } }) => Promise<void>): void }).afterEach(async function () {
      const test = this.currentTest;
      if (test?.state !== 'failed') return;
      const file = await screenshot(`failed web ${test.fullTitle()}`);
      if (file) line(`      screenshot: ${file}`);
    });
    loadTests();
  } catch (error) {
    loadError = error;
  }
  if (loadError === undefined) await new Promise<void>((resolve) => mocha.run(() => resolve()));
  else records.push({ title: 'loading the test files', fullTitle: 'loading the test files', file: undefined, state: 'failed', durationMs: undefined, error: { message: loadError instanceof Error ? loadError.message : String(loadError), stack: loadError instanceof Error ? loadError.stack : undefined } });
  const summary = {
    phase,
    host: 'web',
    passed: records.filter((r) => r.state === 'passed').length,
    failed: records.filter((r) => r.state === 'failed').length,
    pending: records.filter((r) => r.state === 'pending').length,
    afterReloadTests: countAfterReload(mocha.suite, userGrep ? new RegExp(userGrep) : undefined),
    durationMs: Date.now() - started,
    vscodeVersion: vscode.version,
    tests: records,
  };
  line(`\n  ${summary.passed} passing, ${summary.failed} failing${summary.pending ? `, ${summary.pending} pending` : ''} (web host)`);
  flushQueued = false;
  await flushing;
  await vscode.workspace.fs.writeFile(reportUri, new TextEncoder().encode(report));
  await vscode.workspace.fs.writeFile(summaryUri, new TextEncoder().encode(JSON.stringify(summary, null, 2) + '\n'));
  // phase 2 after a reload of this window, as in the Node host (test/integration/index.ts)
  if (phase === 1 && summary.afterReloadTests > 0 && workbenchAvailable()) await reloadWindowForPhase2();
  if (summary.failed > 0) throw new Error(`${summary.failed} test${summary.failed === 1 ? '' : 's'} failed in the web host.`);
}
