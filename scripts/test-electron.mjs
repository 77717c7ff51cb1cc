#!/usr/bin/env node
// Runs the same compiled integration suite (out/test/integration) in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (`npm run test:electron` builds first).
// The offline runner is scripts/run-integration.mjs; both use test/integration/index.ts unchanged.
//
// Like run-integration.mjs it opens a temporary copy of seeds/ and runs two phases: phase 1 (all tests
// but `@after-reload` ones), then, if any, phase 2 in a new VS Code process on the same user data and
// workspace. Prints `N passed, N failed` last.
//
// Environment:
//   ARTICLE_ANNOTATOR_VSCODE_VERSION   VS Code version to download (default: stable)
//   VSCODE_EXECUTABLE                  use this VS Code binary instead of downloading one
//   ARTICLE_ANNOTATOR_TEST_GREP        only tests whose full title matches this regular expression
// On Linux without a display run it under `xvfb-run -a npm run test:electron`.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { QUIET_SETTINGS, ROOT, prepareProfile, prepareWorkspace, removeProfileTmp } from './lib/code-server.mjs';

const AFTER_RELOAD = '@after-reload';
const started = Date.now();
const testsIndex = path.join(ROOT, 'out', 'test', 'integration', 'index.js');

function log(message) {
  console.log(`[test-electron] ${message}`);
}

async function main() {
  if (!existsSync(testsIndex)) throw new Error(`${path.relative(ROOT, testsIndex)} not found: run \`npm run build\` first (npm run test:electron does).`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('no DISPLAY: desktop VS Code needs one on Linux; run `xvfb-run -a npm run test:electron`, or use `npm run test:integration` (headless, offline).');
  }
  const runDir = path.join(ROOT, '.vscode-test', 'electron-run');
  rmSync(runDir, { recursive: true, force: true });
  const dirs = prepareProfile(runDir, { settings: { ...QUIET_SETTINGS, 'window.titleBarStyle': 'custom' } });
  const workspace = prepareWorkspace(path.join(runDir, 'workspace'));
  mkdirSync(path.join(ROOT, '.test-results'), { recursive: true });

  const totals = { passed: 0, failed: 0, pending: 0 };
  let afterReload = 0;
  for (const phase of [1, 2]) {
    if (phase === 2 && afterReload === 0) break;
    if (phase === 2) log(`phase 2: restarting VS Code for the ${afterReload} ${AFTER_RELOAD} test(s)`);
    const summaryFile = path.join(runDir, `summary-phase${phase}.json`);
    try {
      await runTests({
        version: process.env.ARTICLE_ANNOTATOR_VSCODE_VERSION || undefined,
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: testsIndex,
        launchArgs: [workspace, `--user-data-dir=${dirs.userData}`, `--extensions-dir=${dirs.extensions}`, '--disable-extensions', '--disable-telemetry'],
        extensionTestsEnv: {
          ARTICLE_ANNOTATOR_TEST_PHASE: String(phase),
          ARTICLE_ANNOTATOR_TEST_SUMMARY: summaryFile,
          ARTICLE_ANNOTATOR_TEST_WORKSPACE: workspace,
          ARTICLE_ANNOTATOR_TEST_RESULTS: path.join(ROOT, '.test-results'),
          // No ARTICLE_ANNOTATOR_WORKBENCH_URL: page evaluation and screenshots are unavailable here.
          ARTICLE_ANNOTATOR_WORKBENCH_URL: undefined,
          ARTICLE_ANNOTATOR_TEST_REPORT: undefined, // the extension host's console reaches this terminal already
        },
      });
    } catch (error) {
      log(`phase ${phase}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!existsSync(summaryFile)) {
      log(`phase ${phase}: no test summary was written (could VS Code be downloaded and started?)`);
      totals.failed += 1;
      break;
    }
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    totals.passed += summary.passed;
    totals.failed += summary.failed;
    totals.pending += summary.pending;
    if (phase === 1) afterReload = summary.afterReloadTests ?? 0;
  }
  removeProfileTmp(dirs);
  log(`wall ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (totals.pending > 0) console.log(`${totals.pending} pending`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  return totals.failed === 0 && totals.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[test-electron] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
