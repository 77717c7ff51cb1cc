// Bundles the extension (Node and browser hosts), its analysis workers, the command line and the integration tests with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
    // Node extension host (package.json "main"): the entry and the worker thread's bundle.
    entryPoints: [{ in: 'src/extension/node.ts', out: 'extension' }, { in: 'src/extension/analysisWorker.ts', out: 'analysisWorker' }],
    outdir: 'dist',
    external: ['vscode'],
  },
  // Browser web-worker extension host (package.json "browser"): one CommonJS file with only vscode external, and the
  // Web Worker's script (started from a Blob). No Node built-in may reach either: the build fails if one does.
  { ...common, platform: 'browser', target: 'es2022', entryPoints: ['src/extension/web.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] },
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['src/extension/analysisWorker.web.ts'], outfile: 'dist/web/analysisWorker.js' },
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  { ...common, entryPoints: ['src/cli/corpusWorker.ts'], outfile: 'dist/corpusWorker.js' },
  // The timeline chart's webview: its script and stylesheet, shipped in the extension (no CDN), the only folder the
  // webview may load from (localResourceRoots).
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['src/webview/timelineChart.ts', 'src/webview/timelineChart.css'], outdir: 'dist/webview' },
];
const tests = integrationTests();
if (tests.length > 0 && !production) {
  builds.push({ ...common, entryPoints: tests, outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] });
}
// The installed-package smoke tests (test/vsix) with the integration runner as their index, in a folder of their own:
// run-integration.mjs copies it into a small runner extension, so the workbench loads no development copy of this one.
const vsixTestsDir = path.join(root, 'test', 'vsix');
const vsixTests = existsSync(vsixTestsDir) ? readdirSync(vsixTestsDir).filter((f) => f.endsWith('.test.ts')).sort() : [];
if (vsixTests.length > 0 && !production) {
  builds.push({
    ...common,
    entryPoints: [{ in: 'test/integration/index.ts', out: 'index' }, ...vsixTests.map((f) => ({ in: `test/vsix/${f}`, out: f.replace(/\.ts$/, '') }))],
    outdir: 'out/test/vsix',
    external: ['vscode', 'mocha'],
  });
}

// mocha's browser build is a UMD script in an ESM package: bundled as is, its `module.exports = factory()` would replace
// the test bundle's own exports (run). Loaded with module/exports/define hidden, it only sets the mocha globals.
const mochaBrowserBuild = {
  name: 'mocha-browser-build',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `(function (module, exports, define) {\n${await readFile(args.path, 'utf8')}\n}).call(globalThis, undefined, undefined, undefined);\n`,
      loader: 'js',
    }));
  },
};

// The web-host tests: one browser bundle, inside the extension folder, loading every test/web/*.test.ts after mocha's
// browser build has set up its globals (test/web/index.ts).
const webTestsDir = path.join(root, 'test', 'web');
const webTests = existsSync(webTestsDir) ? readdirSync(webTestsDir).filter((f) => f.endsWith('.test.ts')).sort() : [];
if (webTests.length > 0 && !production) {
  builds.push({
    ...common,
    platform: 'browser',
    target: 'es2022',
    stdin: {
      contents: `import { runWith } from './index';\nexport function run(): Promise<void> {\n  return runWith(() => {\n${webTests.map((f) => `    require('./${f}');`).join('\n')}\n  });\n}\n`,
      resolveDir: webTestsDir,
      sourcefile: 'test/web/entry.ts',
      loader: 'ts',
    },
    outfile: 'out/test/web/index.js',
    external: ['vscode'],
    plugins: [mochaBrowserBuild],
  });
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
