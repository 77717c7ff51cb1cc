// Runs the command line as users do: the built `dist/cli.js` (the package's `bin`) in its own Node process.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `article-annotator ...args`, run in `cwd` (default the project root); a timeout shows as a null status. */
export function runCli(args: readonly string[], options: { readonly cwd?: string; readonly timeout?: number; readonly input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
    maxBuffer: 256 * 1024 * 1024,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
