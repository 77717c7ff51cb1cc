import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCsv } from '../../src/core/formats/csv';
import { exportW3C, importW3C } from '../../src/core/formats/w3c';
import { annotate, essentials, SEED_000, SEED_003, seedText } from '../unit/formats/fixtures/sampleAnnotations';
import { ROOT, runCli, type CliResult } from './runCli';

const root = ROOT;

/** A W3C collection the command line printed, its file: URI sources read back as paths relative to `base` (article keys). */
function readBack(json: string, base = root): ReturnType<typeof importW3C> {
  return importW3C(json, [], {
    articleKeyOf: (source) => {
      if (!source.startsWith('file:')) return undefined;
      const relative = path.relative(base, fileURLToPath(source));
      return relative.startsWith('..') ? undefined : relative.split(path.sep).join('/');
    },
  });
}

/** Runs the command line built (dist/cli.js) in the repository root, as `article-annotator ...` would run. */
function cli(...args: string[]): CliResult {
  return runCli(args);
}

describe('article-annotator export and import', function () {
  this.timeout(120_000);
  let dir: string;
  let collection: string;
  const t003 = seedText(SEED_003);
  const t000 = seedText(SEED_000);
  const annotations = [
    annotate(SEED_003, t003, 'Ashraf Ghani', 'person', 'President, *fled*.\nSecond line, with "quotes".'),
    annotate(SEED_003, t003, 'Kabul', 'place'),
    annotate(SEED_003, t003, 'Associated Press', 'organization', '=cmd|calc'),
    annotate(SEED_003, t003, 'Late Saturday', 'date'),
    annotate(SEED_000, t000, 'Tashkent, Uzbekistan', 'place', 'Where he fled.'),
    annotate(SEED_000, t000, 'Zabihullah Mujahid', 'named entity'),
  ];
  const articles = [
    { article: SEED_003, date: '2021-08-15' },
    { article: SEED_000, date: null },
  ];

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'article-annotator-formats-'));
    collection = path.join(dir, 'annotations.jsonld');
    writeFileSync(collection, exportW3C(annotations, articles));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exports W3C, CSV and Markdown to standard output, carrying quotes, labels, notes, files and datelines', () => {
    const w3c = cli('export', '--annotations', collection, '--format', 'w3c');
    assert.equal(w3c.status, 0, w3c.stderr);
    assert.deepEqual(essentials(readBack(w3c.stdout).annotations), essentials(annotations));
    const csv = cli('export', '--annotations', collection, '--format', 'csv');
    assert.equal(csv.status, 0, csv.stderr);
    const rows = parseCsv(csv.stdout);
    assert.equal(rows.length, annotations.length + 1);
    assert.ok(rows.some((r) => r[1] === SEED_003 && r[2] === '2021-08-15' && r[5] === 'Associated Press' && r[7] === "'=cmd|calc"));
    const md = cli('export', '--annotations', collection, '--format', 'md');
    assert.equal(md.status, 0, md.stderr);
    assert.ok(md.stdout.includes(`## \`${SEED_003}\` — 2021-08-15`));
    assert.ok(md.stdout.includes(`## \`${SEED_000}\` — no dateline`));
    // the sentence around each annotation (read from the article under the current folder), not character offsets
    assert.ok(md.stdout.includes('- > Ashraf Ghani\n\n  In context: In recent days, Afghan President **Ashraf Ghani** has met with local leaders'), md.stdout);
    assert.doesNotMatch(md.stdout, /characters \d+–\d+/);
    assert.ok(md.stdout.includes('  President, *fled*.\n  Second line, with "quotes".'));
  });

  it('round-trips through brat (a folder of .txt/.ann pairs) and back with import', () => {
    const out = path.join(dir, 'brat');
    const exported = cli('export', '--annotations', collection, '--format', 'brat', '--out', out);
    assert.equal(exported.status, 0, exported.stderr);
    for (const file of ['seeds/003_cf56c5e4736b5965.txt', 'seeds/003_cf56c5e4736b5965.ann', 'seeds/000_96c9ee8166b27d0f.ann', 'annotation.conf']) {
      assert.ok(existsSync(path.join(out, file)), file);
    }
    assert.equal(readFileSync(path.join(out, 'seeds/003_cf56c5e4736b5965.txt'), 'utf8'), t003);
    const imported = cli('import', '--format', 'brat', path.join(out, 'seeds/003_cf56c5e4736b5965.ann'), path.join(out, 'seeds/000_96c9ee8166b27d0f.ann'), '--root', out);
    assert.equal(imported.status, 0, imported.stderr);
    assert.deepEqual(essentials(readBack(imported.stdout, out).annotations), essentials(annotations));
    // From the repository root the exported .txt (outside it) is a copy: the seed with the same text is the article.
    const fromRepo = cli('import', '--format', 'brat', path.join(out, 'seeds/003_cf56c5e4736b5965.ann'));
    assert.equal(fromRepo.status, 0, fromRepo.stderr);
    assert.deepEqual(new Set(readBack(fromRepo.stdout).annotations.map((a) => a.article)), new Set([SEED_003]));
    const named = cli('import', '--format', 'brat', path.join(out, 'seeds/003_cf56c5e4736b5965.ann'), '--article', 'news/kabul.txt');
    assert.deepEqual(new Set(readBack(named.stdout).annotations.map((a) => a.article)), new Set(['news/kabul.txt']));
  });

  for (const format of ['spacy', 'doccano']) {
    it(`round-trips through ${format} JSONL, lines matched to the seeds by their text`, () => {
      const file = path.join(dir, `${format}.jsonl`);
      const exported = cli('export', '--annotations', collection, '--format', format, '--out', file);
      assert.equal(exported.status, 0, exported.stderr);
      assert.equal(readFileSync(file, 'utf8').trimEnd().split('\n').length, 2);
      const imported = cli('import', '--format', format, file, '--root', '.');
      assert.equal(imported.status, 0, imported.stderr);
      const back = readBack(imported.stdout);
      assert.deepEqual(essentials(back.annotations), essentials(annotations));
      assert.deepEqual(back.articles.find((a) => a.article === SEED_003)?.date, '2021-08-15');
    });
  }

  it('round-trips W3C positions in code points past emoji, from an older UTF-16 file, with file URIs as sources', () => {
    const news = path.join(dir, 'emoji-root');
    mkdirSync(path.join(news, 'notes'), { recursive: true });
    const text = 'Fans 🎉🎉 cheered as 👩‍🔬 Dr. Lee landed in Oslo.\n';
    writeFileSync(path.join(news, 'notes', 'emoji.txt'), text);
    const oslo = annotate('notes/emoji.txt', text, 'Oslo', 'place');
    // an older export: relative source, UTF-16 positions
    const old = path.join(dir, 'emoji-old.jsonld');
    writeFileSync(old, exportW3C([oslo], [{ article: 'notes/emoji.txt', date: null }]));
    const exported = cli('export', '--annotations', old, '--format', 'w3c', '--root', news);
    assert.equal(exported.status, 0, exported.stderr);
    const item = JSON.parse(exported.stdout).first.items[0];
    assert.equal(item.target.source, pathToFileURL(path.join(news, 'notes', 'emoji.txt')).href);
    const codePoints = [...text.slice(0, oslo.position.start)].length;
    assert.deepEqual([item.target.selector[0].start, item.target.selector[0].end], [codePoints, codePoints + 4]);
    assert.equal(oslo.position.start - codePoints, 4, 'four UTF-16 units more than code points before the span');
    // and back through import: the same span, the same article key
    const file = path.join(dir, 'emoji-new.jsonld');
    writeFileSync(file, exported.stdout);
    const imported = cli('import', '--format', 'w3c', file, '--root', news);
    assert.equal(imported.status, 0, imported.stderr);
    const back = readBack(imported.stdout, news);
    assert.deepEqual(back.annotations.map((a) => [a.article, a.exact]), [['notes/emoji.txt', 'Oslo']]);
    const again = importW3C(imported.stdout, [{ article: 'notes/emoji.txt', date: null, text, uri: pathToFileURL(path.join(news, 'notes', 'emoji.txt')).href }]);
    assert.deepEqual(again.problems, []);
    assert.deepEqual([again.annotations[0]?.start, again.annotations[0]?.end], [oslo.position.start, oslo.position.end]);
    // brat counts code points as well: the same offsets there
    const brat = cli('export', '--annotations', file, '--format', 'brat', '--root', news, '--out', path.join(dir, 'emoji-brat'));
    assert.equal(brat.status, 0, brat.stderr);
    assert.match(readFileSync(path.join(dir, 'emoji-brat', 'notes', 'emoji.ann'), 'utf8'), new RegExp(`^T1\tplace ${codePoints} ${codePoints + 4}\tOslo$`, 'm'));
  });

  it('imports an annotation written twice in one file once, and says how many repeats it left out', () => {
    const news = path.join(dir, 'repeats-root');
    mkdirSync(news, { recursive: true });
    const text = 'Marta Lindqvist spoke in Port Elsby on Tuesday.\n';
    writeFileSync(path.join(news, 'a.txt'), text);
    const marta = annotate('a.txt', text, 'Marta Lindqvist', 'person', 'The mayor');
    const port = annotate('a.txt', text, 'Port Elsby', 'place');
    const file = path.join(dir, 'repeats.jsonld');
    // the same annotation twice, and an exact copy of it under another id
    writeFileSync(file, exportW3C([marta, port, marta, { ...port, id: 'another-id' }], [{ article: 'a.txt', date: null, text }]));
    const imported = cli('import', '--format', 'w3c', file, '--root', news);
    assert.equal(imported.status, 0, imported.stderr);
    assert.deepEqual(readBack(imported.stdout, news).annotations.map((a) => [a.exact, a.label, a.note]), [['Marta Lindqvist', 'person', 'The mayor'], ['Port Elsby', 'place', '']]);
    assert.match(imported.stderr, /2 annotations imported, 2 repeated in the files left out/);
  });

  it('exports CoNLL with the seed tokens tagged', () => {
    const conll = cli('export', '--annotations', collection, '--format', 'conll');
    assert.equal(conll.status, 0, conll.stderr);
    assert.ok(conll.stdout.startsWith(`-DOCSTART- -X- -X- O\n# article = ${SEED_000}\n\n`));
    assert.ok(conll.stdout.includes(`-DOCSTART- -X- -X- O\n# article = ${SEED_003}\n# date = 2021-08-15\n\n`));
    assert.ok(conll.stdout.includes('Ashraf\tB-PER\nGhani\tI-PER\n'));
    assert.ok(conll.stdout.includes('Late\tB-DATE\nSaturday\tI-DATE\n'));
    assert.ok(conll.stdout.includes('Zabihullah\tB-NAMED_ENTITY\nMujahid\tI-NAMED_ENTITY\n'));
    const strict = cli('export', '--annotations', collection, '--format', 'conll', '--no-comments');
    assert.equal(strict.status, 0, strict.stderr);
    assert.ok(!strict.stdout.includes('# '));
    assert.equal(strict.stdout.replace(/^# .*\n/gm, ''), conll.stdout.replace(/^# .*\n/gm, ''));
  });

  it('fails with one clear line and a non-zero status on bad input', () => {
    const missing = cli('export', '--annotations', path.join(dir, 'missing.jsonld'), '--format', 'csv');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^article-annotator export: cannot read .*missing\.jsonld \(ENOENT\)\n$/);
    const notJson = cli('export', '--annotations', path.join(root, SEED_003), '--format', 'csv');
    assert.equal(notJson.status, 1);
    assert.match(notJson.stderr, /is not valid JSON/);
    const format = cli('export', '--annotations', collection, '--format', 'xml');
    assert.equal(format.status, 2);
    assert.match(format.stderr, /unknown format 'xml'/);
    const noText = cli('export', '--annotations', collection, '--format', 'conll', '--root', dir);
    assert.equal(noText.status, 1);
    assert.match(noText.stderr, /^article-annotator export: seeds\/00[03]_\w+\.txt: cannot read .* \(ENOENT\); conll needs its text, so its annotations are left out/);
    const noOut = cli('export', '--annotations', collection, '--format', 'brat');
    assert.equal(noOut.status, 2);
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"text": "nowhere to be found", "spans": [{"start": 0, "end": 7, "label": "x"}]}\n');
    const unmatched = cli('import', '--format', 'spacy', bad, '--root', '.');
    assert.equal(unmatched.status, 1);
    assert.match(unmatched.stderr, /line 1: its text matches no article, and it has no meta\.file/);
    const named = cli('import', '--format', 'spacy', bad, '--root', '.', '--article', 'notes/pasted.txt');
    assert.equal(named.status, 0, named.stderr);
    assert.equal(readBack(named.stdout).annotations[0]?.article, 'notes/pasted.txt');
  });
});
