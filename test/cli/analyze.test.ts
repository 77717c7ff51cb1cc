import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ANALYZE_COMMAND, type AnalyzedFile } from '../../src/cli/analyze';
import { runCommand } from '../../src/cli/runCommand';
import { ROOT, runCli, type CliResult } from './runCli';

const root = ROOT;
const seed000 = path.join('seeds', '000_96c9ee8166b27d0f.txt');
const seed003 = path.join('seeds', '003_cf56c5e4736b5965.txt');

/** Runs the command line built (dist/cli.js), as `article-annotator analyze ...` would run. */
function analyze(...args: string[]): CliResult {
  return runCli(['analyze', ...args]);
}

function assertExactOffsets(file: AnalyzedFile, text: string): void {
  for (const span of [...file.entities, ...file.dates, ...file.quotes]) {
    assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length, `${span.start}-${span.end}`);
    assert.equal(text.slice(span.start, span.end), span.text);
  }
}

describe('article-annotator analyze', function () {
  this.timeout(120_000);

  it('prints one object per seed, with the detected date and offsets that slice the file text exactly', () => {
    const { status, stdout, stderr } = analyze(seed000, seed003);
    assert.equal(status, 0, stderr);
    const files = JSON.parse(stdout) as AnalyzedFile[];
    assert.deepEqual(files.map((f) => f.file), [seed000, seed003]);
    const [f000, f003] = files as [AnalyzedFile, AnalyzedFile];
    assert.equal(f000.date, null);
    assert.equal(f003.date, '2021-08-15');
    for (const f of files) {
      assert.deepEqual(Object.keys(f), ['file', 'date', 'entities', 'dates', 'quotes']);
      for (const q of f.quotes) assert.deepEqual(Object.keys(q), ['start', 'end', 'text', 'speaker', 'speakerType', 'cue']);
      assertExactOffsets(f, readFileSync(path.join(root, f.file), 'utf8'));
      for (const e of f.entities) {
        assert.deepEqual(Object.keys(e), ['start', 'end', 'text', 'type']);
        assert.ok(['person', 'place', 'organization'].includes(e.type));
      }
      for (const d of f.dates) assert.deepEqual(Object.keys(d), ['start', 'end', 'text', 'value']);
    }
    assert.ok(f003.entities.some((e) => e.text === 'Ashraf Ghani' && e.type === 'person'));
    assert.ok(f003.entities.some((e) => e.text === 'Kabul' && e.type === 'place'));
    assert.ok(f003.dates.some((d) => d.text === 'Thursday' && d.value === '2021-08-12'));
  });

  it('uses --date as the reference, keeps a BOM in the offsets, and reports unreadable files on one line each', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'analyze-'));
    try {
      const bom = path.join(dir, 'bom.txt');
      writeFileSync(bom, '\uFEFFHarbour news\n\nThe ferry to Port Vale sailed on Thursday with Mayor Ada Lind aboard.\n');
      const binary = path.join(dir, 'image.bin');
      writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
      const missing = path.join(dir, 'missing.txt');
      const { status, stdout, stderr } = analyze('--date', '2021-08-15', bom, missing, dir, binary);
      assert.equal(status, 1);
      const lines = stderr.trim().split('\n');
      assert.equal(lines.length, 3, stderr);
      assert.match(lines[0]!, /missing\.txt: no such file$/);
      assert.match(lines[1]!, /is a directory/);
      assert.match(lines[2]!, /image\.bin: the file looks binary/);
      const [file] = JSON.parse(stdout) as AnalyzedFile[];
      assert.equal(file!.date, '2021-08-15');
      const text = readFileSync(bom, 'utf8');
      assert.equal(text[0], '\uFEFF');
      assertExactOffsets(file!, text);
      assert.ok(file!.dates.some((d) => d.text === 'Thursday' && d.value === '2021-08-12'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with a usage message for a bad date, an unknown option or no file', async () => {
    const run = async (...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> => {
      let stdout = '';
      let stderr = '';
      const status = await runCommand(ANALYZE_COMMAND, args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      return { status, stdout, stderr };
    };
    const badDate = await run('--date', '2021-02-30', seed003);
    assert.equal(badDate.status, 2);
    assert.match(badDate.stderr, /--date must be a calendar date/);
    assert.match(badDate.stderr, /Usage: article-annotator analyze/);
    assert.equal(badDate.stdout, '');
    const unknown = await run('--dates', '2021-02-03', seed003);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option '--dates'/);
    assert.equal((await run()).status, 2);
    const help = await run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: article-annotator analyze/);
  });
});
