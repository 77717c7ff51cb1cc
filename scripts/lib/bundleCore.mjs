// Bundles a core module (default src/core/nlp/pipeline.ts) with esbuild and loads it, so eval and bench measure the sources as they are now.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `name` names the bundle file under .bench/ so eval and bench can run side by side. */
export async function loadPipeline(name, entry = 'src/core/nlp/pipeline.ts') {
  const outfile = path.join(root, '.bench', `${name}-core.cjs`);
  await esbuild.build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  return require(outfile);
}
