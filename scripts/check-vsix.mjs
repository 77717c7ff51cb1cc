#!/usr/bin/env node
// Checks a packaged .vsix: it must hold the bundle, manifest, README, LICENSE, CHANGELOG and icon,
// and nothing of the sources, tests, maps, seeds or dev folders. Usage: node scripts/check-vsix.mjs [file.vsix]
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/code-server.mjs';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const file = process.argv[2] ?? path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
const listing = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
const entries = listing.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));

const required = ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/extension.js', 'dist/analysisWorker.js', 'dist/web/extension.js', 'dist/web/analysisWorker.js', 'dist/webview/timelineChart.js', 'media/walkthrough/sample-article.txt', ...(manifest.contributes?.walkthroughs ?? []).flatMap((w) => w.steps.flatMap((s) => Object.values(s.media ?? {}).filter((m) => typeof m === 'string'))), manifest.icon].filter(Boolean);
const forbidden = [/^src\//, /^test\//, /^out\//, /^scripts\//, /^seeds\//, /^node_modules\//, /^\.vscode-test\//, /^\.ci\//, /^\.test-results\//, /^media\/screenshots\//, /^eval\//, /\.map$/, /\.ts$/, /^tsconfig/, /^package-lock\.json$/];
const lower = new Set(entries.map((e) => e.toLowerCase()));
const missing = required.filter((r) => !lower.has(r.toLowerCase()));
const leaked = entries.filter((e) => forbidden.some((re) => re.test(e)));
console.log(`${path.relative(process.cwd(), file)}: ${entries.length} files, ${(statSync(file).size / 1024).toFixed(0)} KB`);
for (const e of entries) console.log(`  ${e}`);
if (missing.length) console.error(`missing: ${missing.join(', ')}`);
if (leaked.length) console.error(`must not be packaged: ${leaked.join(', ')}`);
process.exit(missing.length || leaked.length ? 1 : 0);
