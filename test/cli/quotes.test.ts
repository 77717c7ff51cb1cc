import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseCsv } from '../../src/core/formats/csv';
import { exportW3C } from '../../src/core/formats/w3c';
import { annotate, SEED_003, seedText } from '../unit/formats/fixtures/sampleAnnotations';
import { runCli, type CliResult } from './runCli';


function cli(...args: string[]): CliResult {
  return runCli(args, { timeout: 240_000 });
}

describe('article-annotator export --quotes', function () {
  this.timeout(300_000);

  it('adds the who-said-what CSV beside --out, and refuses formats that cannot carry quotations', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'article-annotator-quotes-'));
    try {
      const collection = path.join(dir, 'annotations.jsonld');
      writeFileSync(collection, exportW3C([annotate(SEED_003, seedText(SEED_003), 'Kabul', 'place')], [{ article: SEED_003, date: '2021-08-15' }]));
      const out = path.join(dir, 'out.csv');
      const run = cli('export', '--annotations', collection, '--format', 'csv', '--quotes', '--out', out);
      assert.equal(run.status, 0, run.stderr);
      const [header, ...rows] = parseCsv(readFileSync(path.join(dir, 'out.quotes.csv'), 'utf8')).filter((r) => r.length > 1);
      assert.deepEqual(header, ['article', 'date', 'start', 'end', 'speaker', 'speaker type', 'cue', 'quote']);
      const text = seedText(SEED_003);
      assert.ok(rows.length > 0);
      for (const row of rows) assert.equal(text.slice(Number(row[2]), Number(row[3])), row[7]);
      assert.ok(rows.some((r) => r[6]?.startsWith('told')));
      const refused = cli('export', '--annotations', collection, '--format', 'conll', '--quotes');
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /--quotes works with w3c, csv, md/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
