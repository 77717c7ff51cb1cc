#!/usr/bin/env node
// Checks a packaged .vsix: it must hold the bundle, manifest, README, LICENSE, CHANGELOG and icon,
// and nothing of the sources, tests, maps, seeds or dev folders. Usage: node scripts/check-vsix.mjs [file.vsix]
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/code-server.mjs';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const file = process.argv[2] ?? path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
const listing = zipEntries(readFileSync(file));
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

/** The names in a zip's central directory (no unzip binary needed on a fresh machine; a .vsix is far below zip64 sizes). */
function zipEntries(zip) {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = zip.readUInt16LE(end + 10);
  const names = [];
  for (let at = zip.readUInt32LE(end + 16), n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory at byte ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}
