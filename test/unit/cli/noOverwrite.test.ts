// --out never replaces a file without --force, never writes over an article or input, and a brat export into the
// article folder leaves the article's bytes as they are (a Latin-1 article was rewritten as UTF-8 with U+FFFD).
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXPORT_COMMAND } from '../../../src/cli/export';
import { IMPORT_COMMAND } from '../../../src/cli/import';
import { type CliCommand, runCommand } from '../../../src/cli/runCommand';

async function run(command: CliCommand, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCommand(command, args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

describe('command line: no silent overwrites', function () {
  this.timeout(60_000);
  let dir: string;
  let annotations: string;
  const latin1 = Buffer.from('Caf\xe9 in S\xe3o Paulo opened.', 'latin1');
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'no-overwrite-'));
    writeFileSync(path.join(dir, 'a.txt'), latin1);
    annotations = path.join(dir, 'a.jsonld');
    // The article is read as UTF-8 (its Latin-1 bytes as U+FFFD); 'Paulo' is at the same offsets either way.
    const item = { type: 'Annotation', body: { purpose: 'tagging', value: 'place' }, target: { source: 'a.txt', selector: [{ type: 'TextPositionSelector', start: 12, end: 17 }, { type: 'TextQuoteSelector', exact: 'Paulo' }] } };
    writeFileSync(annotations, JSON.stringify([item]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--out replaces an existing file only with --force', async () => {
    const out = path.join(dir, 'out.csv');
    writeFileSync(out, 'precious');
    const refused = await run(EXPORT_COMMAND, '--annotations', annotations, '--format', 'csv', '--out', out);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /out\.csv exists; give --force to replace it/);
    assert.equal(readFileSync(out, 'utf8'), 'precious');
    const forced = await run(EXPORT_COMMAND, '--annotations', annotations, '--format', 'csv', '--out', out, '--force');
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(out, 'utf8'), /Paulo/);
  });

  it('never writes over the article or the input, even with --force', async () => {
    for (const target of [path.join(dir, 'a.txt'), annotations]) {
      const result = await run(EXPORT_COMMAND, '--annotations', annotations, '--format', 'w3c', '--root', dir, '--out', target, '--force');
      assert.equal(result.status, 1);
      assert.match(result.stderr, /is an article or input file of this command; it is never written over/);
    }
    // Without --root the article is not found under the current folder, but a path ending in its name is taken for it.
    const unrooted = await run(EXPORT_COMMAND, '--annotations', annotations, '--format', 'csv', '--out', path.join(dir, 'a.txt'), '--force');
    assert.equal(unrooted.status, 1);
    assert.match(unrooted.stderr, /may be the article a\.txt named by the annotations; it is never written over/);
    const imported = await run(IMPORT_COMMAND, '--format', 'w3c', annotations, '--root', dir, '--out', annotations, '--force');
    assert.equal(imported.status, 1);
    assert.match(imported.stderr, /never written over/);
    assert.deepEqual(readFileSync(path.join(dir, 'a.txt')), latin1);
  });

  it('brat into the article folder keeps the article byte for byte and writes its .ann', async () => {
    const result = await run(EXPORT_COMMAND, '--annotations', annotations, '--format', 'brat', '--root', dir, '--out', dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /a\.txt is the article itself; left as it is \(not re-encoded\)/);
    assert.match(result.stderr, /a\.txt is not UTF-8 text; brat will not show it as the \.ann counts it/);
    assert.deepEqual(readFileSync(path.join(dir, 'a.txt')), latin1);
    assert.match(readFileSync(path.join(dir, 'a.ann'), 'utf8'), /^T1\tplace 12 17\tPaulo$/m);
    const again = await run(EXPORT_COMMAND, '--annotations', annotations, '--format', 'brat', '--root', dir, '--out', dir);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /a\.ann exists; give --force/);
  });

  it('brat over an earlier copy of the article needs --force, and a refused export writes nothing', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'no-overwrite-copy-'));
    try {
      writeFileSync(path.join(copy, 'a.txt'), 'an older copy');
      const refused = await run(EXPORT_COMMAND, '--annotations', annotations, '--format', 'brat', '--root', dir, '--out', copy);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /a\.txt exists; give --force to replace it/);
      assert.match(refused.stderr, /nothing written under/);
      assert.equal(readFileSync(path.join(copy, 'a.txt'), 'utf8'), 'an older copy');
      assert.equal(existsSync(path.join(copy, 'a.ann')), false);
      const forced = await run(EXPORT_COMMAND, '--annotations', annotations, '--format', 'brat', '--root', dir, '--out', copy, '--force');
      assert.equal(forced.status, 0, forced.stderr);
      assert.match(readFileSync(path.join(copy, 'a.ann'), 'utf8'), /^T1\tplace 12 17\tPaulo$/m);
      // The copy is UTF-8 (brat reads it so); the article itself is untouched.
      assert.equal(readFileSync(path.join(copy, 'a.txt'), 'utf8'), 'Caf\uFFFD in S\uFFFDo Paulo opened.');
      assert.deepEqual(readFileSync(path.join(dir, 'a.txt')), latin1);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('import --out replaces an existing file only with --force', async () => {
    const out = path.join(dir, 'imported.jsonld');
    writeFileSync(out, 'precious');
    const refused = await run(IMPORT_COMMAND, '--format', 'w3c', annotations, '--root', dir, '--out', out);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /imported\.jsonld exists; give --force to replace it/);
    assert.equal(readFileSync(out, 'utf8'), 'precious');
    const forced = await run(IMPORT_COMMAND, '--format', 'w3c', annotations, '--root', dir, '--out', out, '--force');
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(out, 'utf8'), /Paulo/);
  });
});
