// `article-annotator agree A B` as a process: two files of different formats, read by the import code, compared.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, type CliResult } from './runCli';


/** Runs `article-annotator agree` (dist/cli.js) with the files of `dir` (and `--root dir`). */
function cli(dir: string, ...args: string[]): CliResult {
  const inDir = args.map((a) => (/\.(?:ann|jsonl|bak)$/.test(a) ? path.join(dir, a) : a));
  return runCli([...inDir, '--root', dir]);
}

const TEXT = 'Ana met Bo in Rome .\n';

describe('article-annotator agree', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'article-annotator-agree-'));
    writeFileSync(path.join(dir, 'a.txt'), TEXT);
    // annotator A in brat: Ana, Bo (PER), Rome (LOC)
    writeFileSync(path.join(dir, 'a.ann'), 'T1\tPER 0 3\tAna\nT2\tPER 8 10\tBo\nT3\tLOC 14 18\tRome\n');
    // annotator B in doccano JSONL: Ana (PER), Rome (ORG)
    writeFileSync(path.join(dir, 'b.jsonl'), JSON.stringify({ text: TEXT, label: [[0, 3, 'PER'], [14, 18, 'ORG']] }) + '\n');
    writeFileSync(path.join(dir, 'notes.txt.bak'), 'x');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints pairwise F1 per label and kappa over tokens, figures worked by hand', () => {
    const r = cli(dir, 'agree', 'a.ann', 'b.jsonl');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    const row = (label: string) => lines.find((l) => l.startsWith(`${label} `))?.trim().split(/\s+/);
    assert.deepEqual(row('PER'), ['PER', '2', '1', '1', '0.667']);
    assert.deepEqual(row('LOC'), ['LOC', '1', '0', '0', '0.000']);
    assert.deepEqual(row('ORG'), ['ORG', '0', '1', '0', '0.000']);
    assert.deepEqual(row('all'), ['all', '3', '2', '1', '0.400']);
    // 6 tokens, 4 agree, chance 14/36: kappa 10/22
    assert.ok(r.stdout.includes("Cohen's kappa over 6 tokens of 1 article: 0.455 (observed agreement 0.667, by chance 0.389)"), r.stdout);
  });

  it('--json gives the same figures', () => {
    const r = cli(dir, 'agree', 'b.jsonl', 'a.ann', '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { all: { f1: number }; tokens: { kappa: number; tokens: number }; articles: string[] };
    assert.equal(out.all.f1, 0.4);
    assert.ok(Math.abs(out.tokens.kappa - 10 / 22) < 1e-12);
    assert.equal(out.tokens.tokens, 6);
    assert.deepEqual(out.articles, ['a.txt']);
  });

  it('a file against itself agrees fully', () => {
    const r = cli(dir, 'agree', 'a.ann', 'a.ann', '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { all: { f1: number }; tokens: { kappa: number } };
    assert.equal(out.all.f1, 1);
    assert.equal(out.tokens.kappa, 1);
  });

  it('bad usage exits 2 with the usage; an unreadable file exits 1 naming it', () => {
    const one = cli(dir, 'agree', 'a.ann');
    assert.equal(one.status, 2);
    assert.match(one.stderr, /give exactly two annotation files/);
    const unknown = cli(dir, 'agree', 'a.ann', 'notes.txt.bak');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /cannot tell the format of \S*notes\.txt\.bak from its name; give --format/);
    const missing = cli(dir, 'agree', 'a.ann', 'nowhere.jsonl');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nowhere\.jsonl/);
  });
});
