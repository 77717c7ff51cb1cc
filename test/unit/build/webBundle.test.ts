// The browser host's bundles (package.json "browser" and its Web Worker) must hold no Node built-in: vscode.dev and
// github.dev have none. Bundled here in memory exactly as scripts/build.mjs does, then inspected.
import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function bundle(entry: string, format: 'cjs' | 'iife'): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format,
    target: 'es2022',
    external: ['vscode'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('browser bundles', function () {
  this.timeout(120_000);

  for (const [entry, format] of [['src/extension/web.ts', 'cjs'], ['src/extension/analysisWorker.web.ts', 'iife']] as const) {
    it(`${entry} bundles for the browser with vscode as its only import`, async () => {
      const code = await bundle(entry, format);
      const required = [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))];
      assert.deepEqual(required.filter((name) => name !== 'vscode'), [], `modules required at run time: ${required.join(', ')}`);
      const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
      assert.deepEqual(required.filter((name) => name !== undefined && builtins.has(name)), []);
      assert.doesNotMatch(code, /from\s*["']node:|import\(\s*["']node:/, 'no node: import left in');
    });
  }
});
