#!/usr/bin/env node
// `npm start`: builds the extension, installs code-server if needed (a real VS Code in the browser,
// see scripts/install-code-server.mjs) and serves it with the extension loaded on the repository's
// seeds/ folder, then prints the URL to open. Stays up until Ctrl-C, then ends the server's process group.
//
// The extension is registered in the server's extensions folder straight from this repository (no copy),
// so the workbench behaves like a normal install: notifications and dialogs show. Rebuild
// (`npm run build`) and run "Developer: Reload Window" to pick up changes.
// `npm start -- --dev` loads it as a development extension through the URL payload instead, which needs
// the smoke-test driver; that driver suppresses notifications and modal dialogs.
//
// State lives under .vscode-test/start/ (settings, logs) and, for workspaceState (annotations, article
// dates), in the browser's storage for the page's address: keep the same port to see them again.
// The port is PORT, else the one used last time, else 8765, else any free one.
//
// `npm start -- --web` runs the extension in the browser's web-worker extension host instead (as on vscode.dev and
// github.dev): its own profile under .vscode-test/start-web/ whose user setting `remote.extensionKind` moves it there.
//
// Environment: PORT, HOST (default 127.0.0.1), ARTICLE_ANNOTATOR_FOLDER (default <repo>/seeds).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { installCodeServer } from './install-code-server.mjs';
import { ROOT, freePort, killGroup, prepareProfile, profileEnv, removeProfileTmp, startCodeServer, waitForHealthz, workbenchUrl } from './lib/code-server.mjs';

const DEFAULT_PORT = 8765;
const dev = process.argv.includes('--dev');
const web = process.argv.includes('--web');
const host = process.env.HOST || '127.0.0.1';

function log(message) {
  console.log(`[start] ${message}`);
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

async function choosePort(portFile) {
  if (process.env.PORT) return Number(process.env.PORT);
  const saved = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) : undefined;
  for (const candidate of [saved, DEFAULT_PORT]) {
    if (candidate && (await portIsFree(candidate))) return candidate;
  }
  const port = await freePort();
  log(`port ${saved ?? DEFAULT_PORT} is busy, using ${port}: annotations made at another address are stored by the browser for that address.`);
  return port;
}

/**
 * The workbench opens a generated workspace file holding the one folder, with every `.txt`/`.md` file in it an
 * article (highlights in the plain editor too), so ARTICLE_ANNOTATOR_FOLDER can point at any folder of articles.
 */
function writeWorkspaceFile(base, folder) {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const properties = Object.assign({}, ...[manifest.contributes?.configuration ?? []].flat().map((c) => c.properties ?? {}));
  const key = Object.keys(properties).find((k) => k.endsWith('.articleGlobs'));
  const settings = {};
  if (key) settings[key] = [...new Set([...(properties[key].default ?? []), '*.txt', '*.md'])];
  const file = path.join(base, 'article-annotator.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: folder }], settings }, null, 2) + '\n');
  return file;
}

/** Registers the repository itself as an installed extension (VS Code reads extensions.json in the extensions dir). */
function registerExtension(extensionsDir) {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const entry = {
    identifier: { id: `${manifest.publisher}.${manifest.name}`.toLowerCase() },
    version: manifest.version,
    location: { $mid: 1, scheme: 'file', path: ROOT },
    metadata: { installedTimestamp: Date.now(), source: 'vsix', pinned: true },
  };
  writeFileSync(path.join(extensionsDir, 'extensions.json'), JSON.stringify(dev ? [] : [entry], null, 2) + '\n');
}

/** The user setting that runs an extension with both a `main` and a `browser` entry in the web worker. */
function moveToWebWorker(settingsFile) {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  let settings = {};
  try {
    settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  } catch {
    /* a settings file with comments or none: start from the quiet defaults written by prepareProfile */
  }
  settings['remote.extensionKind'] = { ...(settings['remote.extensionKind'] ?? {}), [`${manifest.publisher}.${manifest.name}`]: ['web'] };
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + '\n');
}

async function main() {
  log('building');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const paths = installCodeServer();

  const base = path.join(ROOT, '.vscode-test', web ? 'start-web' : 'start');
  const dirs = prepareProfile(base, { overwriteSettings: false });
  if (web) moveToWebWorker(path.join(dirs.userData, 'User', 'settings.json'));
  registerExtension(dirs.extensions);
  const folder = path.resolve(process.env.ARTICLE_ANNOTATOR_FOLDER || path.join(ROOT, 'seeds'));
  const workspaceFile = writeWorkspaceFile(base, folder);
  const portFile = path.join(base, 'port');
  const port = await choosePort(portFile);
  writeFileSync(portFile, `${port}\n`);

  const logFile = path.join(base, 'code-server.log');
  const serverLog = createWriteStream(logFile, { flags: 'a' });
  const server = startCodeServer({ paths, dirs, port, host, env: profileEnv(dirs), smokeTestDriver: dev });
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    await killGroup(server);
    removeProfileTmp(dirs);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));
  server.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] code-server exited (${code ?? signal}); see ${path.relative(ROOT, logFile)}`);
    process.exit(1);
  });

  await waitForHealthz(port, { child: server });
  const browserHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = dev
    ? workbenchUrl({ port, host: browserHost, workspace: workspaceFile, extensionPath: ROOT })
    : `http://${browserHost}:${port}/?workspace=${encodeURIComponent(workspaceFile)}`;
  console.log('');
  log(`VS Code (code-server) with Article Annotator${dev ? ' as a development extension' : ''}${web ? " in the browser's web-worker extension host" : ''} on ${path.relative(ROOT, folder) || folder}/`);
  console.log(`\n  Open ${url}\n`);
  log(`user data in ${path.relative(ROOT, base)}/, server log ${path.relative(ROOT, logFile)}. Ctrl-C to stop.`);
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
