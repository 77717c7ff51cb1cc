// Article texts are read only from under --root, only from regular files of article size: an annotation file cannot
// make the command line read (and embed in an export) a system file, /dev/zero or a FIFO.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXPORT_COMMAND } from '../../../src/cli/export';
import { IMPORT_COMMAND } from '../../../src/cli/import';
import { REANCHOR_COMMAND } from '../../../src/cli/reanchor';
import { type CliCommand, runCommand } from '../../../src/cli/runCommand';

async function run(command: CliCommand, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCommand(command, args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

const SECRET = 'TOP SECRET system file contents.';

function item(source: string, exact: string): object {
  return {
    type: 'Annotation',
    body: { type: 'TextualBody', purpose: 'tagging', value: 'place' },
    target: { source, selector: [{ type: 'TextPositionSelector', start: 0, end: exact.length }, { type: 'TextQuoteSelector', exact }] },
  };
}

describe('command line: sources under --root only', function () {
  this.timeout(60_000);
  let dir: string;
  let root: string;
  let secret: string;
  const sources: string[] = [];
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'outside-root-'));
    root = path.join(dir, 'root');
    mkdirSync(root);
    secret = path.join(dir, 'secret.txt');
    writeFileSync(secret, SECRET);
    writeFileSync(path.join(root, 'a.txt'), 'Oslo is a port.');
    symlinkSync(secret, path.join(root, 'link.txt'));
    symlinkSync('/dev/zero', path.join(root, 'zero.txt'));
    execFileSync('mkfifo', [path.join(root, 'fifo.txt')]);
    sources.push('../secret.txt', secret, pathToFileURL(secret).href, 'link.txt', 'zero.txt', 'fifo.txt');
    writeFileSync(path.join(dir, 'all.jsonld'), JSON.stringify([item('a.txt', 'Oslo'), ...sources.map((s) => item(s, 'TOP'))]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['spacy', 'brat']) {
    it(`export ${format}: refuses each outside, linked-out or special source by name and embeds none of them`, async () => {
      const out = path.join(dir, `out-${format}`);
      const result = await run(EXPORT_COMMAND, '--annotations', path.join(dir, 'all.jsonld'), '--format', format, '--root', root, ...(format === 'brat' ? ['--out', out] : []));
      assert.equal(result.status, 1);
      assert.ok(!result.stdout.includes('SECRET'), result.stdout);
      assert.match(result.stderr, /secret\.txt is outside .*only files under --root are read/);
      assert.match(result.stderr, /link\.txt is outside/);
      assert.match(result.stderr, /zero\.txt: is not a regular file|zero\.txt is outside/);
      assert.match(result.stderr, /fifo\.txt: is not a regular file/);
      if (format === 'spacy') assert.match(result.stdout, /Oslo is a port/);
    });
  }

  it('reanchor orphans what names an outside source, and import does not read it either', async () => {
    const reanchored = await run(REANCHOR_COMMAND, '--annotations', path.join(dir, 'all.jsonld'), '--root', root);
    assert.equal(reanchored.status, 0);
    assert.match(reanchored.stderr, /1 anchored, 0 moved, 6 orphaned/);
    const imported = await run(IMPORT_COMMAND, '--format', 'w3c', '--root', root, path.join(dir, 'all.jsonld'));
    assert.ok(!imported.stdout.includes('SECRET'));
  });

  it('refuses /dev/zero and a FIFO as the annotation file without reading them', async () => {
    const zero = await run(EXPORT_COMMAND, '--annotations', '/dev/zero', '--format', 'csv');
    assert.equal(zero.status, 1);
    assert.match(zero.stderr, /\/dev\/zero is not a regular file/);
    const fifo = await run(IMPORT_COMMAND, '--format', 'w3c', path.join(root, 'fifo.txt'));
    assert.match(fifo.stderr, /fifo\.txt is not a regular file/);
  });
});
