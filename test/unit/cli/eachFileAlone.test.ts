// One bad file costs only its own result: a one-line message naming it, and the other files still come out.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXPORT_COMMAND } from '../../../src/cli/export';
import { IMPORT_COMMAND } from '../../../src/cli/import';
import { REANCHOR_COMMAND } from '../../../src/cli/reanchor';
import { type CliCommand, runCommand } from '../../../src/cli/runCommand';
import { importW3C } from '../../../src/core/formats/w3c';

async function run(command: CliCommand, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCommand(command, args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

const TEXT = 'Ships left Oslo for Bergen at dawn.';

function item(source: string, start: number, end: number, exact: string): object {
  return {
    type: 'Annotation',
    body: { type: 'TextualBody', purpose: 'tagging', value: 'place' },
    target: { source, selector: [{ type: 'TextPositionSelector', start, end }, { type: 'TextQuoteSelector', exact }] },
  };
}

describe('command line: each file on its own', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'each-file-'));
    writeFileSync(path.join(dir, 'a.txt'), TEXT);
    writeFileSync(path.join(dir, 'good.jsonld'), JSON.stringify([item('a.txt', 11, 15, 'Oslo')]));
    writeFileSync(path.join(dir, 'deep.jsonld'), '['.repeat(100_000) + ']'.repeat(100_000));
    writeFileSync(path.join(dir, 'two.jsonld'), JSON.stringify([item('a.txt', 20, 26, 'Bergen'), item('gone.txt', 0, 4, 'Gone')]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('import: a file nested too deep gets one line naming it; the good file is imported', async () => {
    const result = await run(IMPORT_COMMAND, '--format', 'w3c', '--root', dir, path.join(dir, 'deep.jsonld'), path.join(dir, 'good.jsonld'));
    assert.equal(result.status, 1);
    assert.deepEqual(importW3C(result.stdout).annotations.map((a) => a.exact), ['Oslo']);
    const deepLines = result.stderr.split('\n').filter((line) => line.includes('deep.jsonld'));
    assert.ok(deepLines.length >= 1, result.stderr);
    assert.ok(!/Maximum call stack/.test(result.stderr), result.stderr);
  });

  it('reanchor: a document nested too deep is one line naming it', async () => {
    const result = await run(REANCHOR_COMMAND, '--annotations', path.join(dir, 'deep.jsonld'), '--root', dir);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^article-annotator reanchor: .*deep\.jsonld: nested more than \d+ levels deep; not re-anchored\n$/);
  });

  it('export: an article that cannot be read leaves out only its own annotations', async () => {
    const result = await run(EXPORT_COMMAND, '--annotations', path.join(dir, 'two.jsonld'), '--format', 'conll', '--root', dir);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /Bergen\tB-LOC/);
    assert.match(result.stderr, /^article-annotator export: gone\.txt: .*conll needs its text, so its annotations are left out/m);
  });
});
