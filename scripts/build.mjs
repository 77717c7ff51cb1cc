// Bundles the extension, its analysis worker, the command line and the integration tests with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

function integrationTests() {
  const dir = path.join(root, 'test', 'integration');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join('test', 'integration', f));
}

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts', 'src/extension/analysisWorker.ts'].filter((f) => existsSync(path.join(root, f))),
    outdir: 'dist',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  { ...common, entryPoints: ['src/cli/corpusWorker.ts'], outfile: 'dist/corpusWorker.js' },
];
const tests = integrationTests();
if (tests.length > 0 && !production) {
  builds.push({ ...common, entryPoints: tests, outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] });
}

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
if (!production) rmSync(path.join(root, 'out'), { recursive: true, force: true });

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
