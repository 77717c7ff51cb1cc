#!/usr/bin/env node
// `npm run package`: production build, then article-annotator-<version>.vsix with @vscode/vsce, then a check
// of its contents (scripts/check-vsix.mjs). The extension bundles its dependencies, hence --no-dependencies.
// The README's screenshot stays out of the .vsix (media/screenshots is in .vscodeignore), and there is no
// public repository to point relative images at, so the packaged README is a copy without that image.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/code-server.mjs';

function run(command, args) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });
}

run(process.execPath, [path.join('scripts', 'build.mjs'), '--production']);

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const packagedReadme = readme
  .split('\n')
  .filter((line) => !/!\[[^\]]*\]\((?!https?:)[^)]*\)/.test(line)) // local images are not in the .vsix
  .join('\n');
const dir = path.join(ROOT, '.vscode-test', 'package');
mkdirSync(dir, { recursive: true });
const readmePath = path.join(dir, 'README.md');
writeFileSync(readmePath, packagedReadme);

const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--readme-path', path.relative(ROOT, readmePath)]);
run(process.execPath, [path.join('scripts', 'check-vsix.mjs')]);
