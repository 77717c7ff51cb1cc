import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { collectFiles, CORPUS_COMMAND } from '../../src/cli/corpus';
import { runCommand } from '../../src/cli/runCommand';
import { runCli, type CliResult } from './runCli';


interface CorpusOutput {
  articles: { file: string; date: string | null; dateSource: string | null; yearSource?: string }[];
  entities: {
    canonical: string;
    type: string;
    mentions: number;
    articles: { file: string; mentions: { start: number; end: number; text: string }[] }[];
    aliases: string[];
    conflicts: { type: string; articles: string[] }[];
    firstDate: string | null;
  }[];
  quotes: { file: string; start: number; end: number; text: string; speaker: string | null; speakerType: string | null; cue: string | null }[];
  timeline: {
    file: string;
    start: number;
    end: number;
    text: string;
    value: string | { from: string; to: string };
    sentence: { start: number; end: number; text: string };
    entities: { canonical: string; type: string }[];
  }[];
}

/** Runs the command line built (dist/cli.js), as `article-annotator corpus ...` would run. */
function corpus(cwd: string, ...args: string[]): CliResult {
  return runCli(['corpus', ...args], { cwd, timeout: 300_000 });
}

// Invented articles with names spread over files: the full name in one, the bare surname in others.
const ARTICLES: Record<string, string> = {
  'desk/harbour.txt':
    'Ferry strike ends\n\nFriday, March 3, 2023\n\nMayor Ada Quennell announced on Friday that the ferry strike was over. Quennell thanked the Northern Ferry Union and the Port Vale Harbour Board for their patience.\n',
  'desk/council.md':
    '# Council vote\n\nQuennell told the council in Port Vale that the new timetable would start in April. The union said it would watch closely.\n',
  'desk/notes/boats.txt': 'Boats again\n\nQuennell said the harbour would reopen to fishing boats in Port Vale next week.\n',
};

/** Runs the command in this process (worker threads included), files given by absolute path. */
async function corpusHere(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCommand(CORPUS_COMMAND, args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

describe('article-annotator corpus', function () {
  this.timeout(600_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    for (const [file, text] of Object.entries(ARTICLES)) {
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    writeFileSync(path.join(dir, 'desk', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    mkdirSync(path.join(dir, 'desk', '.git'));
    writeFileSync(path.join(dir, 'desk', '.git', 'HEAD.txt'), 'ref: refs/heads/main\n');
    // the boats article has no date of its own; its file was last changed on 2023-03-09 (local time)
    utimesSync(path.join(dir, 'desk/notes/boats.txt'), new Date(2023, 2, 9, 12), new Date(2023, 2, 9, 12));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('walks folders for articles and prints entities across them, every mention quoting its file exactly', () => {
    const { status, stdout, stderr } = corpus(dir, '--jobs', '2', 'desk');
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    const out = JSON.parse(stdout) as CorpusOutput;
    assert.deepEqual(Object.keys(out), ['articles', 'entities', 'quotes', 'timeline']);
    const files = [path.join('desk', 'council.md'), path.join('desk', 'harbour.txt'), path.join('desk', 'notes', 'boats.txt')];
    assert.deepEqual(out.articles.map((a) => a.file), files, 'sorted, hidden folders and other extensions left out');
    assert.deepEqual(out.articles.map((a) => [a.date, a.dateSource]), [[null, null], ['2023-03-03', 'text'], [null, null]]);
    for (const entity of out.entities) {
      assert.deepEqual(Object.keys(entity), ['canonical', 'type', 'mentions', 'articles', 'aliases', 'conflicts', 'firstDate']);
      assert.equal(entity.mentions, entity.articles.reduce((n, a) => n + a.mentions.length, 0));
      for (const article of entity.articles) {
        const text = readFileSync(path.join(dir, article.file), 'utf8');
        for (const m of article.mentions) assert.equal(text.slice(m.start, m.end), m.text);
      }
    }
    const mayor = out.entities.find((e) => e.canonical === 'Ada Quennell');
    assert.ok(mayor, JSON.stringify(out.entities.map((e) => e.canonical)));
    assert.equal(mayor.type, 'person');
    assert.deepEqual(mayor.articles.map((a) => a.file), files, 'the bare surname in the other articles joins the full name');
    assert.deepEqual(mayor.aliases, ['Ada Quennell', 'Quennell'].sort((a, b) => (a === 'Ada Quennell' ? -1 : b === 'Ada Quennell' ? 1 : 0)));
    assert.equal(mayor.firstDate, '2023-03-03');
    const place = out.entities.find((e) => e.canonical === 'Port Vale' && e.type === 'place');
    assert.ok(place && place.articles.length >= 2);
  });

  it('lists who said what with the file, one speaker across articles, and a timeline sorted by date with its sentences and entities', async () => {
    const quotesDir = path.join(dir, 'quotes');
    mkdirSync(quotesDir, { recursive: true });
    // invented: the full name in the later article, the bare surname (joined to it) in the earlier one
    const later = path.join(quotesDir, 'later.txt');
    const earlier = path.join(quotesDir, 'earlier.txt');
    writeFileSync(later, 'Bridge reopens\n\nTuesday, May 9, 2023\n\nEngineer Tomas Vellacourt said on Monday that the bridge was safe. "We checked every bolt twice," Vellacourt said.\n');
    writeFileSync(earlier, 'Bridge closed\n\nFriday, April 14, 2023\n\nThe Harbour Bridge closed on Thursday for repairs. "It will take weeks," Vellacourt told reporters. "Nobody crosses until then," a source said.\n');
    const { status, stdout, stderr } = await corpusHere(later, earlier);
    assert.equal(status, 0, stderr);
    const out = JSON.parse(stdout) as CorpusOutput;
    for (const q of out.quotes) assert.equal(readFileSync(q.file, 'utf8').slice(q.start, q.end), q.text);
    assert.deepEqual(
      out.quotes.map((q) => [path.basename(q.file), q.text, q.speaker, q.speakerType, q.cue]),
      [
        ['earlier.txt', 'It will take weeks,', 'Tomas Vellacourt', 'person', 'told reporters'],
        ['earlier.txt', 'Nobody crosses until then,', null, null, 'said'],
        ['later.txt', 'We checked every bolt twice,', 'Tomas Vellacourt', 'person', 'said'],
      ],
    );
    const keys = out.timeline.map((t) => (typeof t.value === 'string' ? t.value : t.value.from));
    assert.deepEqual(keys, [...keys].sort(), 'sorted by date');
    for (const t of out.timeline) {
      const text = readFileSync(t.file, 'utf8');
      assert.equal(text.slice(t.start, t.end), t.text);
      assert.equal(text.slice(t.sentence.start, t.sentence.end), t.sentence.text);
      assert.ok(t.sentence.start <= t.start && t.end <= t.sentence.end);
    }
    const thursday = out.timeline.find((t) => t.text === 'Thursday');
    assert.equal(thursday?.value, '2023-04-13');
    const monday = out.timeline.find((t) => t.text === 'Monday');
    assert.equal(monday?.value, '2023-05-08');
    assert.deepEqual(monday.entities, [{ canonical: 'Tomas Vellacourt', type: 'person' }]);
    assert.ok(out.timeline.indexOf(thursday) < out.timeline.indexOf(monday));
  });

  it('gives the same output with one job as with several', async () => {
    const one = await corpusHere('--jobs', '1', path.join(dir, 'desk'));
    const two = await corpusHere('--jobs', '2', path.join(dir, 'desk'));
    assert.equal(one.status, 0, one.stderr);
    assert.equal(one.stdout, two.stdout);
  });

  it('dates an article without a dateline by its file with --date-from-files, and by --date when given', async () => {
    const notes = path.join(dir, 'desk', 'notes');
    const harbour = path.join(dir, 'desk', 'harbour.txt');
    const fromFiles = JSON.parse((await corpusHere('--date-from-files', notes, harbour)).stdout) as CorpusOutput;
    assert.deepEqual(fromFiles.articles, [
      { file: path.join(notes, 'boats.txt'), date: '2023-03-09', dateSource: 'file' },
      { file: harbour, date: '2023-03-03', dateSource: 'text' },
    ]);
    const given = JSON.parse((await corpusHere('--date', '2024-01-05', notes)).stdout) as CorpusOutput;
    assert.deepEqual(given.articles, [{ file: path.join(notes, 'boats.txt'), date: '2024-01-05', dateSource: 'option' }]);
  });

  it('gives a wire dateline without a year the year analyze gives it (a weekday in the lead, not after the file\'s day) and says where it came from', async () => {
    const wire = path.join(dir, 'wire');
    mkdirSync(wire, { recursive: true });
    const file = path.join(wire, 'pier.txt');
    // 3 March was a Tuesday in 2026 and 2020; the file was last changed in November 2026
    writeFileSync(file, 'Pier vote\n\nTALMOUTH, March 3 (Coastwire) - The Talmouth pier board said on Tuesday it would decide in May.\n');
    utimesSync(file, new Date('2026-11-20T12:00:00'), new Date('2026-11-20T12:00:00'));
    const out = JSON.parse((await corpusHere(wire)).stdout) as CorpusOutput;
    assert.deepEqual(out.articles, [{ file, date: '2026-03-03', dateSource: 'text', yearSource: 'weekday' }]);
    const analyzed = JSON.parse(runCli(['analyze', file], { cwd: dir }).stdout) as { date: string | null; yearSource?: string }[];
    assert.deepEqual([analyzed[0]!.date, analyzed[0]!.yearSource], ['2026-03-03', 'weekday']);
  });

  it('leaves out a link in a walked folder that leads outside it, saying so, and reads links inside it', async () => {
    const linked = path.join(dir, 'linked');
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'corpus-outside-'));
    try {
      mkdirSync(linked, { recursive: true });
      writeFileSync(path.join(elsewhere, 'private.txt'), 'Private notes\n\nOrla Fenwick keeps her accounts at the Brisk Savings Bank.\n');
      writeFileSync(path.join(linked, 'own.txt'), 'Quay works\n\nThe Talmouth quay will close for repairs, Mayor Ines Calloway said.\n');
      symlinkSync(path.join(elsewhere, 'private.txt'), path.join(linked, 'outside.txt'));
      symlinkSync(path.join(linked, 'own.txt'), path.join(linked, 'same.txt'));
      const { status, stdout, stderr } = await corpusHere(linked);
      const out = JSON.parse(stdout) as CorpusOutput;
      assert.deepEqual(out.articles.map((a) => path.basename(a.file)), ['own.txt', 'same.txt']);
      assert.ok(!stdout.includes('Fenwick'), 'nothing of the outside file is printed');
      assert.match(stderr, /outside\.txt: left out: a link to a file outside the folder/);
      assert.equal(status, 0, 'a left-out link is a warning, not a failure');
      // named on the command line, it is read
      const named = JSON.parse((await corpusHere(path.join(linked, 'outside.txt'))).stdout) as CorpusOutput;
      assert.equal(named.articles.length, 1);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('reports bad files on standard error, one line each, prints the rest and exits 1', async () => {
    const harbour = path.join(dir, 'desk', 'harbour.txt');
    const missing = path.join(dir, 'missing.txt');
    const image = path.join(dir, 'desk', 'image.png');
    const { status, stdout, stderr } = await corpusHere(harbour, missing, image, harbour);
    assert.equal(status, 1);
    assert.deepEqual(stderr.trim().split('\n'), [`article-annotator corpus: ${missing}: no such file`, `article-annotator corpus: ${image}: the file is not UTF-8 text (25% of its first bytes cannot be decoded)`]);
    const out = JSON.parse(stdout) as CorpusOutput;
    assert.deepEqual(out.articles.map((a) => a.file), [harbour], 'a file named twice is read once');
  });

  it('refuses bad usage with exit code 2', async () => {
    for (const args of [[], ['--jobs', '0', 'desk'], ['--jobs', 'many', 'desk'], ['--date', 'yesterday', 'desk'], ['--date', '2024-01-01', '--date-from-files', 'desk']]) {
      const { status, stderr } = await corpusHere(...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /^article-annotator corpus: .*\nUsage: article-annotator corpus /);
    }
  });

  it('says so when a folder has no articles, without failing', () => {
    const empty = path.join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const messages: string[] = [];
    assert.deepEqual(collectFiles([empty], (file, message, problem) => messages.push(`${file}: ${message} ${problem}`)), []);
    assert.deepEqual(messages, [`${empty}: no .txt or .md files in this folder false`]);
  });
});
