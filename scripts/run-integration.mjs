#!/usr/bin/env node
// Runs the compiled integration tests (out/test/integration) inside a real VS Code, offline:
// code-server (VS Code server + web workbench, from npm) opened by headless Debian Chromium (playwright-core).
// `npm run test:integration` builds first; this script builds nothing. Facts it relies on:
// ../shared/docs/VSCODE-TESTING.md. How tests are written: test/integration/index.ts.
//
// Per run: a fresh folder .vscode-test/runs/<id>/ with HOME/XDG/TMPDIR, user data, extensions and
// a workspace folder holding a copy of seeds/ (tests may edit it). The suite runs in phases:
// phase 1 all tests but `@after-reload` ones; then, if there are any, the tests reload the window (Developer: Reload
// Window, which waits for the workbench to write its state), the launcher answers that reload with an empty page,
// restarts the server on the same port, user data and browser profile (workspaceState and open editors survive), and
// phase 2 runs the `@after-reload` tests. Then the same again in the browser's web-worker extension host (test/web, built to
// out/test/web/index.js): a fresh profile whose settings move the extension there (`remote.extensionKind`), a fresh
// workspace, and results read from files the tests write with workspace.fs (no process in that host).
// Last, what users install: `npm run package` builds the .vsix (production build, vsce, scripts/check-vsix.mjs),
// code-server's --install-extension installs it into a fresh extensions folder, and the workbench opens WITHOUT this
// extension as a development extension: only a small runner extension carrying test/vsix (out/test/vsix) is loaded
// for the tests, which run against the installed copy. The development build (dist/) is kept aside meanwhile.
// The last line printed is `N passed, N failed`, summed over every phase of both hosts.
//
// Environment:
//   ARTICLE_ANNOTATOR_TEST_GREP=regex         only tests whose full title matches
//   ARTICLE_ANNOTATOR_UPDATE_SCREENSHOTS=1    readmeScreenshot() writes media/screenshots/*.png
//   ARTICLE_ANNOTATOR_TEST_TIMEOUT=seconds    overall timeout (default 1800)
//   ARTICLE_ANNOTATOR_TEST_TIMEOUT_MS=ms      per-test mocha timeout (default 20000)
//   ARTICLE_ANNOTATOR_SCALE_ARTICLES=n        articles the workspace-index scale test generates (default 1000)
//   ARTICLE_ANNOTATOR_KEEP_RUNS=n             run folders kept under .vscode-test/runs (default 5)
//   ARTICLE_ANNOTATOR_TEST_HOSTS=node,web,vsix suites to run: the Node host, the web-worker host, the installed .vsix
//                                             (default all three; with ARTICLE_ANNOTATOR_TEST_GREP, node and web)
//   CHROMIUM_PATH                             Chromium binary (default /usr/bin/chromium)
import { spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { installCodeServer } from './install-code-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, MAX_SOCKET_PATH, QUIET_SETTINGS, ROOT, freePort, killGroup, prepareProfile, prepareWorkspace, profileEnv, removeProfileTmp, startReadyCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { MemorySampler } from './lib/memory.mjs';

const AFTER_RELOAD = '@after-reload';
let started = Date.now();
const overallTimeoutMs = (Number(process.env.ARTICLE_ANNOTATOR_TEST_TIMEOUT) || 1800) * 1000;
const testsIndex = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const webTestsIndex = path.join(ROOT, 'out', 'test', 'web', 'index.js');
const MANIFEST = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${MANIFEST.publisher}.${MANIFEST.name}`;
const vsixTestsDir = path.join(ROOT, 'out', 'test', 'vsix');
const defaultHosts = process.env.ARTICLE_ANNOTATOR_TEST_GREP ? 'node,web' : 'node,web,vsix';
const hosts = (process.env.ARTICLE_ANNOTATOR_TEST_HOSTS || defaultHosts).split(',').map((h) => h.trim()).filter(Boolean);
const resultsDir = path.join(ROOT, '.test-results');
const screenshotsDir = path.join(ROOT, 'media', 'screenshots');
const updateScreenshots = process.env.ARTICLE_ANNOTATOR_UPDATE_SCREENSHOTS === '1';

function log(message) {
  console.log(`[integration] ${message}`);
}

function sanitize(name) {
  return (
    String(name)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'screenshot'
  );
}

function pruneRuns(runsDir, keep) {
  if (!existsSync(runsDir)) return;
  const runs = readdirSync(runsDir)
    .map((name) => ({ name, mtime: statSync(path.join(runsDir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const run of runs.slice(keep)) {
    // Leave folders of runs that may still be going on in parallel.
    if (Date.now() - run.mtime > 30 * 60_000 || runs.length > keep * 4) rmSync(path.join(runsDir, run.name), { recursive: true, force: true });
  }
}

/** Copies the report file's new bytes to stdout every few hundred ms. */
class Tail {
  constructor(file) {
    this.file = file;
    this.offset = 0;
    this.timer = setInterval(() => this.flush(), 250);
  }
  flush() {
    if (!existsSync(this.file)) return;
    const fd = openSync(this.file, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      for (;;) {
        const n = readSync(fd, buffer, 0, buffer.length, this.offset);
        if (n <= 0) break;
        this.offset += n;
        process.stdout.write(buffer.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
  }
  stop() {
    clearInterval(this.timer);
    this.flush();
  }
}

/** The frame (a webview's content frame, at any depth) whose document has an element matching `selector`. */
async function frameWith(page, selector) {
  if (typeof selector !== 'string') throw new Error('expected { selector: string }');
  for (const frame of page.frames()) {
    try {
      if (await frame.$(selector)) return frame;
    } catch {
      // a frame navigating or gone: not this one
    }
  }
  return undefined;
}

/** The local endpoint the tests call (test/integration/harness/workbench.ts). */
function startControlServer(state) {
  const routes = {
    async '/evaluate'({ expression }) {
      if (typeof expression !== 'string') throw new Error('expected { expression: string }');
      return await state.page.evaluate(expression);
    },
    async '/screenshot'({ name, readme }) {
      const dir = readme && updateScreenshots ? screenshotsDir : resultsDir;
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${sanitize(name ?? 'screenshot')}.png`);
      await state.page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      return file;
    },
    // A webview's page is a frame inside frames: these find the frame holding `selector` (test/integration/harness/workbench.ts).
    async '/webview/evaluate'({ selector, expression }) {
      const frame = await frameWith(state.page, selector);
      if (!frame) throw new Error(`no frame shows ${selector}`);
      return await frame.evaluate(expression);
    },
    async '/webview/click'({ selector }) {
      const frame = await frameWith(state.page, selector);
      if (!frame) throw new Error(`no frame shows ${selector}`);
      await frame.click(selector);
      return null;
    },
    async '/keyboard'({ keys }) {
      for (const key of Array.isArray(keys) ? keys : [keys]) await state.page.keyboard.press(String(key));
      return null;
    },
    // Types text as a person does, key by key with a pause between keys (Playwright keyboard.type).
    async '/type'({ text, delayMs }) {
      if (typeof text !== 'string') throw new Error('expected { text: string, delayMs?: number }');
      await state.page.keyboard.type(text, { delay: Number(delayMs) || 0 });
      return null;
    },
    async '/phase'() {
      return state.phase;
    },
    // The test entry point, its phase 1 done, is about to reload the window (Developer: Reload Window, which writes the
    // workbench's state first): the launcher takes that reload's page request, and reopens the page for phase 2 itself.
    async '/reload-for-phase-2'() {
      if (state.phase !== 1 || !state.catchReload) throw new Error(`no phase 2 follows phase ${state.phase}`);
      await state.catchReload();
      return null;
    },
    async '/reload'() {
      throw new Error(
        `a test cannot reload the window it runs in (the extension host, and Mocha with it, restart). Tag the checks that must run after a reload with "${AFTER_RELOAD}" in their title: the launcher runs them in phase 2, after reopening the workbench on the same user data and workspace.`,
      );
    },
  };
  const server = http.createServer((request, response) => {
    // The web-worker extension host calls from the workbench's origin.
    response.setHeader('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' });
      response.end();
      return;
    }
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      const answer = (status, body) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
      if (!route) return answer(404, { error: `no route ${request.url}` });
      if (!state.page) return answer(503, { error: 'the workbench page is not open' });
      try {
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const value = await route(body);
        answer(200, { value: value === undefined ? null : value });
      } catch (error) {
        answer(500, { error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Packages the extension as users get it, installs the .vsix into a fresh profile's extensions folder with
 * code-server's own --install-extension, and makes the runner extension that carries the test/vsix tests (so the
 * workbench loads no development copy of this extension). Throws with the reason when any step fails.
 */
function prepareInstalledPackage(base, paths) {
  const began = Date.now();
  rmSync(base, { recursive: true, force: true });
  const runner = path.join(base, 'runner');
  mkdirSync(runner, { recursive: true });
  cpSync(vsixTestsDir, runner, { recursive: true });
  writeFileSync(
    path.join(runner, 'package.json'),
    JSON.stringify({ name: 'vsix-tests', displayName: 'Article Annotator installed-package tests', publisher: 'article-annotator-tests', version: '0.0.0', engines: { vscode: MANIFEST.engines?.vscode ?? '*' }, main: './runner.js', activationEvents: [] }, null, 2) + '\n',
  );
  writeFileSync(path.join(runner, 'runner.js'), 'exports.activate = () => {};\nexports.deactivate = () => {};\n');
  const vsix = path.join(ROOT, `${MANIFEST.name}-${MANIFEST.version}.vsix`);
  rmSync(vsix, { force: true });
  const script = (name) => {
    const result = spawnSync(process.execPath, [path.join('scripts', name)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`${name} failed (${result.status ?? result.signal}):\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n')}`);
  };
  // the production build replaces dist/: keep the development build (source maps) aside and put it back after
  const dist = path.join(ROOT, 'dist');
  const devDist = path.join(ROOT, '.vscode-test', 'dist-development');
  rmSync(devDist, { recursive: true, force: true });
  if (existsSync(dist)) renameSync(dist, devDist);
  try {
    script('package.mjs');
  } finally {
    if (existsSync(devDist)) {
      rmSync(dist, { recursive: true, force: true });
      renameSync(devDist, dist);
    }
  }
  const dirs = prepareProfile(base);
  const install = spawnSync(paths.node, [paths.entry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix], { cwd: base, env: profileEnv(dirs), encoding: 'utf8', timeout: 180_000 });
  const installed = readdirSync(dirs.extensions).filter((name) => name.toLowerCase().startsWith(`${EXTENSION_ID.toLowerCase()}-`));
  if (install.status !== 0 || installed.length !== 1) {
    throw new Error(`code-server --install-extension ${path.basename(vsix)} did not install it (exit ${install.status ?? install.signal}, found ${installed.join(', ') || 'nothing'}):\n${`${install.stdout}\n${install.stderr}`.trim().slice(-2000)}`);
  }
  const workspace = prepareWorkspace(path.join(base, 'workspace'));
  log(`vsix: packaged and installed ${installed[0]} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  return { dirs, workspace, vsix, index: path.join(runner, 'index.js'), extensionPath: runner, env: { ARTICLE_ANNOTATOR_VSIX_EXTENSIONS_DIR: dirs.extensions } };
}

async function main() {
  if (!existsSync(testsIndex)) throw new Error(`${path.relative(ROOT, testsIndex)} not found: run \`npm run build\` first (npm run test:integration does).`);
  if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) log('warning: dist/extension.js not found, the extension under test cannot activate (npm run build).');

  const paths = installCodeServer();
  // The overall timeout covers the tests, not a first install (minutes on a loaded machine).
  started = Date.now();

  const runsDir = path.join(ROOT, '.vscode-test', 'runs');
  pruneRuns(runsDir, Number(process.env.ARTICLE_ANNOTATOR_KEEP_RUNS) || 5);
  // Short names: code-server puts a socket in user-data, and socket paths are limited to ~107 bytes.
  let runDir = path.join(runsDir, `${Date.now().toString(36)}-${process.pid}`);
  if (path.join(runDir, 'vsix', 'user-data', 'code-server-ipc.sock').length > MAX_SOCKET_PATH) {
    runDir = mkdtempSync(path.join(os.tmpdir(), 'article-annotator-run-'));
    log(`the project path is too deep for code-server's sockets, using ${runDir}`);
  }
  const dirs = prepareProfile(runDir);
  const workspace = prepareWorkspace(path.join(runDir, 'workspace'));
  // The web host: its own profile (settings moving the extension into the browser's web worker) and workspace.
  const webDirs = hosts.includes('web') ? prepareProfile(path.join(runDir, 'web'), { settings: { ...QUIET_SETTINGS, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } }) : undefined;
  const webWorkspace = webDirs ? prepareWorkspace(path.join(runDir, 'web', 'workspace')) : undefined;
  mkdirSync(resultsDir, { recursive: true });
  log(`run folder ${path.relative(ROOT, runDir)}`);

  const state = { page: undefined, phase: 0 };
  const control = await startControlServer(state);
  const controlUrl = `http://127.0.0.1:${control.address().port}`;
  const serverLog = createWriteStream(path.join(runDir, 'code-server.log'));
  const browserLog = createWriteStream(path.join(runDir, 'browser-console.log'));

  // Chromium's own HOME too (its crash handler writes under ~/.config/chromium otherwise).
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: profileEnv(dirs) });
  } catch (error) {
    control.close();
    removeProfileTmp(dirs);
    if (webDirs) removeProfileTmp(webDirs);
    throw error;
  }
  const memory = new MemorySampler();
  memory.track(process.pid, false);
  const browserPid = browser.process?.()?.pid;
  if (browserPid) memory.track(browserPid, true);
  memory.start();

  let server;
  let cleanedUp = false;
  const extraTmp = [];
  const cleanup = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    await killGroup(server);
    await browser.close().catch(() => {});
    control.close();
    memory.stop();
    removeProfileTmp(dirs);
    if (webDirs) removeProfileTmp(webDirs);
    for (const more of extraTmp) removeProfileTmp(more);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      void cleanup().then(() => process.exit(130));
    });
  }

  const totals = { passed: 0, failed: 0, pending: 0, failures: [] };
  const summaries = [];
  const runs = [
    { host: 'node', dirs, workspace, index: testsIndex },
    ...(webDirs && existsSync(webTestsIndex) ? [{ host: 'web', dirs: webDirs, workspace: webWorkspace, index: webTestsIndex }] : []),
    ...(existsSync(vsixTestsDir) ? [{ host: 'vsix', prepare: () => prepareInstalledPackage(path.join(runDir, 'vsix'), paths) }] : []),
  ].filter((run) => hosts.includes(run.host));
  if (hosts.includes('web') && !existsSync(webTestsIndex)) log(`warning: ${path.relative(ROOT, webTestsIndex)} not found, the web-host tests cannot run (npm run build).`);
  if (hosts.includes('vsix') && !existsSync(vsixTestsDir)) log(`warning: ${path.relative(ROOT, vsixTestsDir)} not found, the installed-package tests cannot run (npm run build).`);
  try {
    let timedOutOverall = false;
    for (let run of runs) {
      if (timedOutOverall) break;
      if (run.prepare) {
        try {
          run = { ...run, ...run.prepare() };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log(`${run.host}: ${message}`);
          summaries.push({ host: run.host, phase: 1, passed: 0, failed: 1, pending: 0, afterReloadTests: 0, tests: [] });
          totals.failed += 1;
          totals.failures.push({ fullTitle: `${run.host} preparation`, error: { message } });
          continue;
        }
        if (run.dirs.tmp) extraTmp.push(run.dirs);
      }
      // A fresh page (its own storage) and port per host: the web host's state never mixes with the Node host's.
      const port = await freePort();
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      state.page = page;
      // Phase 1 ends with the workbench reloading itself (test/integration/harness/reloadWindow.ts):
      // its reload's request for the page gets an empty page, the old workbench is gone, and phase 2 opens a new one
      // on a restarted code-server. Other navigations go through.
      let onReload = () => {};
      let reloadCaught = false;
      const isWorkbenchPage = (url) => url.pathname === '/' && url.searchParams.has('payload');
      const takeReload = async (route) => {
        const request = route.request();
        if (reloadCaught || !request.isNavigationRequest() || request.frame() !== page.mainFrame()) return route.fallback();
        reloadCaught = true;
        await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Reloading for phase 2</title>' });
        onReload();
      };
      state.catchReload = async () => {
        reloadCaught = false;
        await page.route(isWorkbenchPage, takeReload);
      };
      // A workbench that still holds unsaved editors asks before it unloads: the reload was asked for, let it go.
      page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => {}));
      let onExit = () => {};
      await page.exposeFunction('codeAutomationExit', (code, logs) => {
        onExit({ code, logs });
      });
      page.on('console', (message) => browserLog.write(`[${run.host} phase ${state.phase}] ${message.type()}: ${message.text()}\n`));
      page.on('pageerror', (error) => browserLog.write(`[${run.host} phase ${state.phase}] pageerror: ${error.stack ?? error.message}\n`));
      const hostSummaries = [];

      for (const phase of [1, 2]) {
        if (phase === 2 && !(hostSummaries[0]?.afterReloadTests > 0)) break;
        state.phase = phase;
        const label = run.host === 'node' ? `phase ${phase}` : `${run.host} phase ${phase}`;
        const testDir = path.join(run.workspace, '.article-annotator-test');
        const reportFile = run.host === 'web' ? path.join(testDir, `report-web${phase}.log`) : path.join(runDir, `report-phase${phase}.log`);
        const summaryFile = run.host === 'web' ? path.join(testDir, `summary-web${phase}.json`) : path.join(runDir, `summary-phase${phase}.json`);
        const testEnv = {
          ARTICLE_ANNOTATOR_TEST_PHASE: String(phase),
          ARTICLE_ANNOTATOR_TEST_REPORT: reportFile,
          ARTICLE_ANNOTATOR_TEST_SUMMARY: summaryFile,
          ARTICLE_ANNOTATOR_WORKBENCH_URL: controlUrl,
          ARTICLE_ANNOTATOR_TEST_WORKSPACE: run.workspace,
          ARTICLE_ANNOTATOR_TEST_RESULTS: resultsDir,
          ...(run.env ?? {}),
        };
        if (run.host === 'web') {
          // No process.env in the web worker: the tests read their settings from the workspace.
          mkdirSync(testDir, { recursive: true });
          const passOn = Object.fromEntries(['ARTICLE_ANNOTATOR_TEST_GREP', 'ARTICLE_ANNOTATOR_TEST_TIMEOUT_MS'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]));
          writeFileSync(path.join(testDir, 'env.json'), JSON.stringify({ ...passOn, ...testEnv }, null, 2) + '\n');
        }
        const env = profileEnv(run.dirs, testEnv);
        if (phase === 2) log(`${label}: reopening the workbench for the ${hostSummaries[0].afterReloadTests} ${AFTER_RELOAD} test(s)`);
        else if (run.host === 'web') log(`web phase 1: the extension in the browser's web-worker extension host`);
        else if (run.host === 'vsix') log(`vsix phase 1: the extension installed from ${path.basename(run.vsix)}, no development extension`);
        server = await startReadyCodeServer(
          { paths, dirs: run.dirs, port, env },
          {
            onSpawn: (child) => {
              server = child;
              child.stdout.pipe(serverLog, { end: false });
              child.stderr.pipe(serverLog, { end: false });
              memory.track(child.pid, true);
            },
            log: (message) => log(`${label}: ${message}`),
          },
        );
        const serverExited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ serverExit: code ?? signal })));

        const tail = new Tail(reportFile);
        const exited = new Promise((resolve) => {
          onExit = resolve;
        });
        const remaining = overallTimeoutMs - (Date.now() - started);
        let timer;
        const timedOut = new Promise((resolve) => {
          timer = setTimeout(() => resolve({ timeout: true }), Math.max(remaining, 1000));
        });
        // a loaded machine (several runs at once on 2 cores) can take well over 30 s to load the workbench
        await page.goto(workbenchUrl({ port, folder: run.workspace, extensionPath: run.extensionPath ?? ROOT, testsPath: run.index }), { timeout: 180_000 });
        const reloaded = new Promise((resolve) => {
          onReload = () => resolve({ reloaded: true });
        });
        const outcome = await Promise.race([exited, timedOut, serverExited, reloaded]);
        clearTimeout(timer);
        await page.unroute(isWorkbenchPage, takeReload).catch(() => {});
        // the web host writes its report whole through workspace.fs: let the last write land
        if (run.host === 'web') await new Promise((resolve) => setTimeout(resolve, 500));
        tail.stop();
        if (outcome.logs !== undefined) writeFileSync(path.join(runDir, `workbench-logs-${run.host}-phase${phase}.json`), JSON.stringify(outcome.logs, null, 2));

        let summary;
        try {
          summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
        } catch {
          summary = undefined;
        }
        if (outcome.timeout || outcome.serverExit !== undefined || !summary) {
          const reason = outcome.timeout
            ? `the whole run reached its ${Math.round(overallTimeoutMs / 1000)} s limit (ARTICLE_ANNOTATOR_TEST_TIMEOUT) during this phase`
            : outcome.serverExit !== undefined
              ? `code-server exited (${outcome.serverExit})`
              : `the test runner ended with code ${outcome.code} without writing a summary`;
          const shot = path.join(resultsDir, `harness-${run.host}-phase${phase}.png`);
          await page.screenshot({ path: shot }).catch(() => {});
          log(`${label}: ${reason}. Screenshot ${path.relative(ROOT, shot)}; logs in ${path.relative(ROOT, runDir)} (code-server.log, browser-console.log).`);
          const failedSummary = summary ?? { phase, passed: 0, failed: 0, pending: 0, afterReloadTests: 0, tests: [] };
          hostSummaries.push({ host: run.host, ...failedSummary });
          totals.passed += summary?.passed ?? 0;
          totals.failed += (summary?.failed ?? 0) + 1;
          totals.failures.push({ fullTitle: `${label} harness`, error: { message: reason } });
        } else {
          hostSummaries.push({ host: run.host, ...summary });
          totals.passed += summary.passed;
          totals.failed += summary.failed;
          totals.pending += summary.pending;
          for (const test of summary.tests) if (test.state === 'failed') totals.failures.push({ ...test, fullTitle: run.host === 'node' ? test.fullTitle : `[${run.host}] ${test.fullTitle}` });
        }

        if (outcome.reloaded) {
          log(`${label}: the workbench wrote its state and reloaded (Developer: Reload Window)`);
        } else {
          if (phase === 1 && hostSummaries[0]?.afterReloadTests > 0) log(`${label}: warning: the tests ended without reloading the window; what the workbench keeps may not all be written before phase 2`);
          // No reload asked for: give the workbench a moment for pending storage (its own flush runs every 5 s), close it.
          await new Promise((resolve) => setTimeout(resolve, 1000));
          await page.goto('about:blank').catch(() => {});
        }
        await killGroup(server);
        if (outcome.timeout) {
          timedOutOverall = true;
          break;
        }
      }
      summaries.push(...hostSummaries);
      await context.close().catch(() => {});
    }
  } finally {
    await cleanup();
  }

  const ran = totals.passed + totals.failed + totals.pending;
  writeFileSync(
    path.join(resultsDir, 'integration-summary.json'),
    JSON.stringify({ passed: totals.passed, failed: totals.failed, pending: totals.pending, runDir: path.relative(ROOT, runDir), phases: summaries }, null, 2) + '\n',
  );
  if (totals.failures.length > 0) {
    console.log('\nFailed:');
    for (const failure of totals.failures) console.log(`  - ${failure.fullTitle}: ${String(failure.error?.message ?? '').split('\n')[0]}`);
  }
  const peak = memory.peakBytes;
  const byHost = runs.map((run) => {
    const mine = summaries.filter((x) => x.host === run.host);
    return `${run.host} host ${mine.reduce((n, x) => n + (x.passed ?? 0), 0)} passed / ${mine.reduce((n, x) => n + (x.failed ?? 0), 0)} failed in ${mine.length} phase(s)`;
  });
  log(`${byHost.join('; ')}`);
  log(
    `VS Code ${summaries[0]?.vscodeVersion ?? '?'} (code-server), ${summaries.length} phase(s), wall ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (peak ? `, peak memory ${(peak / 1024 ** 3).toFixed(2)} GB (sum of RSS: launcher, code-server group, Chromium)` : '') +
      `, results .test-results/integration-summary.json`,
  );
  if (ran === 0 && !process.env.ARTICLE_ANNOTATOR_TEST_GREP) {
    log('no tests ran');
    totals.failed += totals.failed === 0 ? 1 : 0;
  }
  if (totals.pending > 0) console.log(`${totals.pending} pending`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  return totals.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[integration] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
