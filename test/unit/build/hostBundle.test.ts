// The Node extension host's bundle (package.json "main") must not carry the NLP pipeline: compromise, chrono-node, the
// gazetteer's place and word lists, the entity model. They belong to the analysis worker's bundle; on the extension
// host they cost start-up time (parsing and indexing some 30,000 place names) and heap that every collection of the
// host walks for as long as VS Code runs. Bundled here in memory as scripts/build.mjs does, then its inputs listed.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Inputs that only the analysis worker may bundle. */
const PIPELINE_ONLY = [/node_modules\/(compromise|chrono-node|efrt)\//, /^src\/core\/nlp\/data\//, /^src\/core\/nlp\/(gazetteer|pipeline|entities|linking|dates|perceptron|entityModel)\.ts$/];

describe('Node extension host bundle', function () {
  this.timeout(120_000);

  it('holds none of the NLP pipeline, its packages or its data', async () => {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['src/extension/node.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((f) => f.startsWith('src/core/corpus/')), 'the bundle was listed (the workspace index is in it)');
    assert.deepEqual(inputs.filter((f) => PIPELINE_ONLY.some((pattern) => pattern.test(f))), []);
  });
});
