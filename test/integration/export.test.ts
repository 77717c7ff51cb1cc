// Export in every format through the real command, parsed back and checked (spans, labels, notes, file, dateline),
// then import (W3C, brat, both JSONL styles) with arguments instead of the preview.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import { annotatorApi, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { evaluateInWorkbench, pressKeys, waitForWorkbench, workbenchAvailable } from './harness/workbench';
import { workspaceUri } from './articleEditors';

const KEY = 'seeds/export-lighthouse.txt';
const TEXT = [
  'date 2023-02-14 Lighthouse keepers vote to strike',
  '',
  'Keepers at the Skarvik lighthouse voted on Monday to strike, said Ilse Marrow of the Coastal Workers Union.',
  '',
  'The strike would begin in March.',
  '',
].join('\n');
const NOTE = 'Union spokesperson, "confirmed", see *minutes*';

/** RFC 4180, written here so the test does not trust the exporter's own reader. */
function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const c = content[i]!;
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && content[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

interface ExportResult {
  format: string;
  files: string[];
  annotations: number;
  problems: string[];
  refused?: string;
  kept?: string[];
}

async function exportAs(format: string, target: vscode.Uri, extra: Record<string, unknown> = {}): Promise<ExportResult> {
  const result = await vscode.commands.executeCommand<ExportResult>('articleAnnotator.exportAnnotations', { format, scope: 'article', uri: workspaceUri(KEY).toString(), target: target.toString(), ...extra });
  assert.ok(result, `export ${format} returned a result`);
  return result;
}

describe('export and import', function () {
  this.timeout(60_000);
  const created: Annotation[] = [];
  const spans = {
    person: spanOf(TEXT, 'Ilse Marrow'),
    organization: spanOf(TEXT, 'Coastal Workers Union'),
    place: spanOf(TEXT, 'Skarvik lighthouse'),
    event: spanOf(TEXT, 'voted on Monday to strike'),
  };

  before(async () => {
    const api = await annotatorApi();
    writeArticle('export-lighthouse.txt', TEXT);
    for (const a of api.annotations.forArticle(KEY)) await api.annotations.remove(a.id);
    for (const [label, span] of Object.entries(spans)) {
      const note = label === 'person' ? NOTE : '';
      const annotation = await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { uri: workspaceUri(KEY).toString(), ...span, label, note });
      created.push(annotation);
    }
    assert.equal(api.annotations.forArticle(KEY).length, 4);
  });

  it('writes W3C JSON-LD with position and quote selectors, tag and comment bodies, file and date', async () => {
    const target = workspaceUri('exports/lighthouse.jsonld');
    const result = await exportAs('w3c', target);
    assert.equal(result.annotations, 4);
    const json = JSON.parse(readFileSync(target.fsPath, 'utf8')) as { type: string; total: number; '@context': unknown; first: { items: { target: { source: string; date?: string; selector: { type: string; start?: number; end?: number; exact?: string }[] }; body: { purpose: string; value: string }[] }[] } };
    assert.equal(json.type, 'AnnotationCollection');
    assert.equal(json.total, 4);
    assert.ok(JSON.stringify(json['@context']).includes('http://www.w3.org/ns/anno.jsonld'));
    const person = json.first.items.find((i) => i.body.some((b) => b.purpose === 'tagging' && b.value === 'person'));
    assert.ok(person);
    // the article file's full URI, as the Web Annotation model expects of a source
    assert.equal(person.target.source, workspaceUri(KEY).toString());
    assert.equal(person.target.date, '2023-02-14');
    const position = person.target.selector.find((s) => s.type === 'TextPositionSelector');
    const quote = person.target.selector.find((s) => s.type === 'TextQuoteSelector');
    assert.deepEqual({ start: position?.start, end: position?.end }, spans.person);
    assert.equal(quote?.exact, 'Ilse Marrow');
    assert.equal(person.body.find((b) => b.purpose === 'commenting')?.value, NOTE);
    // no empty note bodies: the annotations without a note carry only their label
    const place = json.first.items.find((i) => i.body.some((b) => b.purpose === 'tagging' && b.value === 'place'));
    assert.deepEqual(place?.body.map((b) => b.purpose), ['tagging']);
  });

  it('writes CSV rows with file, date, offsets, quote, label and note (quoted where needed)', async () => {
    const target = workspaceUri('exports/lighthouse.csv');
    await exportAs('csv', target);
    const rows = parseCsv(readFileSync(target.fsPath, 'utf8'));
    assert.deepEqual(rows[0], ['id', 'article', 'date', 'start', 'end', 'exact', 'label', 'note', 'replies', 'origin', 'created', 'modified', 'status']);
    assert.equal(rows.length, 5);
    const person = rows.find((r) => r[5] === 'Ilse Marrow');
    assert.ok(person, JSON.stringify(rows));
    assert.deepEqual(person.slice(0, 10), [created[0]!.id, KEY, '2023-02-14', String(spans.person.start), String(spans.person.end), 'Ilse Marrow', 'person', NOTE, '', 'user']);
    assert.equal(person[12], 'anchored');
  });

  it('writes a Markdown report with a section per article (file and dateline), per label, quotes and notes', async () => {
    const target = workspaceUri('exports/lighthouse.md');
    await exportAs('md', target);
    const md = readFileSync(target.fsPath, 'utf8');
    assert.match(md, /^# Annotations of seeds\/export-lighthouse\.txt/m);
    assert.ok(md.includes('## `seeds/export-lighthouse.txt` — 2023-02-14'), md);
    for (const label of ['person', 'organization', 'place', 'event']) assert.match(md, new RegExp(`^### ${label} \\(1\\)`, 'm'));
    // the sentence around each annotation, the span in bold, rather than character offsets
    assert.ok(md.includes('  In context: Keepers at the Skarvik lighthouse voted on Monday to strike, said **Ilse Marrow** of the Coastal Workers Union.'), md);
    assert.doesNotMatch(md, /characters \d+/);
    assert.ok(md.includes('confirmed'));
  });

  it('writes brat .txt/.ann pairs with T lines at code-point offsets and # notes', async () => {
    const folder = workspaceUri('exports/brat');
    const result = await exportAs('brat', folder);
    const ann = readFileSync(path.join(folder.fsPath, 'seeds', 'export-lighthouse.ann'), 'utf8');
    const txt = readFileSync(path.join(folder.fsPath, 'seeds', 'export-lighthouse.txt'), 'utf8');
    assert.equal(txt, TEXT);
    assert.ok(result.files.some((f) => f.endsWith('annotation.conf')));
    const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
    assert.equal(tLines.length, 4);
    const person = tLines.find((l) => l.endsWith('\tIlse Marrow'));
    assert.equal(person?.split('\t')[1], `person ${spans.person.start} ${spans.person.end}`);
    const tid = person?.split('\t')[0];
    assert.ok(ann.split('\n').some((l) => l.startsWith('#') && l.includes(`AnnotatorNotes ${tid}\t`) && l.includes('confirmed')), ann);
  });

  it('writes CoNLL-2003 BIO with the file and date, one token per line', async () => {
    const target = workspaceUri('exports/lighthouse.conll');
    const result = await exportAs('conll', target);
    const lines = readFileSync(target.fsPath, 'utf8').split('\n');
    assert.equal(lines[0], '-DOCSTART- -X- -X- O');
    assert.ok(lines.includes(`# article = ${KEY}`));
    assert.ok(lines.includes('# date = 2023-02-14'));
    assert.ok(lines.includes('Ilse\tB-PER'), lines.join('\n'));
    assert.ok(lines.includes('Marrow\tI-PER'));
    assert.ok(lines.includes('Coastal\tB-ORG'));
    assert.ok(lines.includes('Union\tI-ORG'));
    assert.ok(lines.includes('Skarvik\tB-LOC'));
    assert.ok(lines.includes('March\tO'));
    // "voted on Monday to strike" overlaps nothing else, so nothing was dropped.
    assert.equal(result.problems.length, 0, result.problems.join('; '));
  });

  it('writes spaCy and doccano JSONL with the text, spans, file and date', async () => {
    const spacyTarget = workspaceUri('exports/lighthouse.spacy.jsonl');
    const doccanoTarget = workspaceUri('exports/lighthouse.doccano.jsonl');
    await exportAs('spacy', spacyTarget);
    await exportAs('doccano', doccanoTarget);
    const spacy = readFileSync(spacyTarget.fsPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; spans: { start: number; end: number; label: string }[]; meta: { file: string; date: string; notes?: { note: string }[] } });
    assert.equal(spacy.length, 1);
    assert.equal(spacy[0]!.text, TEXT);
    assert.deepEqual(spacy[0]!.spans.find((s) => s.label === 'person'), { ...spans.person, label: 'person' });
    assert.equal(spacy[0]!.meta.file, KEY);
    assert.equal(spacy[0]!.meta.date, '2023-02-14');
    assert.equal(spacy[0]!.meta.notes?.[0]?.note, NOTE);
    const doccano = JSON.parse(readFileSync(doccanoTarget.fsPath, 'utf8').trim()) as { text: string; label: [number, number, string][] };
    assert.equal(doccano.text, TEXT);
    assert.ok(doccano.label.some(([s, e, l]) => s === spans.organization.start && e === spans.organization.end && l === 'organization'));
  });

  it('imports an annotation written twice in one file once, and says so', async () => {
    const api = await annotatorApi();
    const key = 'seeds/import-repeats.txt';
    const text = 'Marta Lindqvist spoke in Port Elsby on Tuesday.\n';
    const uri = writeArticle('import-repeats.txt', text);
    const target = (exact: string) => ({ source: uri.toString(), selector: [{ type: 'TextPositionSelector', ...spanOf(text, exact) }, { type: 'TextQuoteSelector', exact }] });
    const tag = (label: string) => ({ type: 'TextualBody', purpose: 'tagging', value: label });
    const marta = { type: 'Annotation', body: [tag('person'), { type: 'TextualBody', purpose: 'commenting', value: 'The mayor', format: 'text/markdown' }], target: target('Marta Lindqvist') };
    const port = { type: 'Annotation', body: [tag('place')], target: target('Port Elsby') };
    const file = writeArticle('../exports/import-repeats.jsonld', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: [marta, port, marta, port, port] }));
    const result = await vscode.commands.executeCommand<{ added: Annotation[]; duplicates: number; repeated: number; problems: string[] }>('articleAnnotator.importAnnotations', { format: 'w3c', file: file.toString() });
    try {
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.added.map((a) => [a.quote.exact, a.label, a.note]), [['Marta Lindqvist', 'person', 'The mayor'], ['Port Elsby', 'place', '']]);
      assert.equal(result.repeated, 3, 'the three repeats are counted');
      assert.equal(result.duplicates, 0);
      assert.equal(api.annotations.forArticle(key).length, 2, 'stored once each');
    } finally {
      for (const a of api.annotations.forArticle(key)) await api.annotations.remove(a.id);
    }
  });

  it('imports W3C, brat and both JSONL styles back: same spans, labels and notes; duplicates are not added twice', async () => {
    const api = await annotatorApi();
    const before = api.annotations.forArticle(KEY).map((a) => ({ start: a.position.start, end: a.position.end, label: a.label, note: a.note }));
    for (const a of api.annotations.forArticle(KEY)) await api.annotations.remove(a.id);
    assert.equal(api.annotations.forArticle(KEY).length, 0);

    const w3c = await vscode.commands.executeCommand<{ offered: number; added: Annotation[]; duplicates: number; problems: string[] }>('articleAnnotator.importAnnotations', { format: 'w3c', file: workspaceUri('exports/lighthouse.jsonld').toString() });
    assert.equal(w3c.added.length, 4, w3c.problems.join('; '));
    const after = api.annotations.forArticle(KEY).map((a) => ({ start: a.position.start, end: a.position.end, label: a.label, note: a.note }));
    const sort = (list: typeof before) => [...list].sort((x, y) => x.start - y.start);
    assert.deepEqual(sort(after), sort(before));

    for (const [format, file] of [
      ['brat', 'exports/brat/seeds/export-lighthouse.ann'],
      ['spacy', 'exports/lighthouse.spacy.jsonl'],
      ['doccano', 'exports/lighthouse.doccano.jsonl'],
    ] as const) {
      const again = await vscode.commands.executeCommand<{ added: Annotation[]; duplicates: number; problems: string[] }>('articleAnnotator.importAnnotations', { format, file: workspaceUri(file).toString() });
      assert.equal(again.added.length, 0, `${format}: nothing new (${again.problems.join('; ')})`);
      assert.equal(again.duplicates, 4, `${format}: all four recognised as already present`);
    }
    assert.equal(api.annotations.forArticle(KEY).length, 4);

    // Into an empty article state, brat brings back spans, labels and the note.
    for (const a of api.annotations.forArticle(KEY)) await api.annotations.remove(a.id);
    const brat = await vscode.commands.executeCommand<{ added: Annotation[] }>('articleAnnotator.importAnnotations', { format: 'brat', file: workspaceUri('exports/brat/seeds/export-lighthouse.ann').toString() });
    assert.deepEqual(sort(brat.added.map((a) => ({ start: a.position.start, end: a.position.end, label: a.label, note: a.note }))), sort(before));
  });

  it('never replaces an existing file without a yes, never writes over an article, and brat keeps the article\'s bytes', async () => {
    const target = workspaceUri('exports/precious.csv');
    mkdirSync(path.dirname(target.fsPath), { recursive: true });
    writeFileSync(target.fsPath, 'precious');
    // A given target that exists asks in a modal dialog first (the test workbench refuses to show it, naming its text).
    await assert.rejects(
      async () => vscode.commands.executeCommand('articleAnnotator.exportAnnotations', { format: 'csv', scope: 'article', uri: workspaceUri(KEY).toString(), target: target.toString() }),
      /exports\/precious\.csv already exists\. Replace it\?/,
    );
    assert.equal(readFileSync(target.fsPath, 'utf8'), 'precious');
    const replaced = await exportAs('csv', target, { overwrite: true });
    assert.equal(replaced.refused, undefined);
    assert.match(readFileSync(target.fsPath, 'utf8'), /Ilse Marrow/);

    // The article itself is never a target, even with overwrite.
    const article = workspaceUri(KEY);
    const refused = await exportAs('w3c', article, { overwrite: true });
    assert.match(refused.refused ?? '', /is an article; it is never written over/);
    assert.equal(readFileSync(article.fsPath, 'utf8'), TEXT);

    // brat into the article folder: a Latin-1 article stays byte for byte, its .ann is written beside it.
    const latin1 = Buffer.from('Caf\xe9 in S\xe3o Paulo opened its doors.\n', 'latin1');
    const latinKey = 'seeds/export-latin1.txt';
    writeFileSync(workspaceUri(latinKey).fsPath, latin1);
    await vscode.commands.executeCommand('articleAnnotator.annotateSelection', { uri: workspaceUri(latinKey).toString(), start: 12, end: 17, label: 'place', note: '' });
    const brat = await vscode.commands.executeCommand<ExportResult>('articleAnnotator.exportAnnotations', { format: 'brat', scope: 'article', uri: workspaceUri(latinKey).toString(), target: workspaceUri('').toString(), overwrite: true });
    assert.equal(brat.refused, undefined);
    assert.deepEqual(brat.kept, [workspaceUri(latinKey).fsPath]);
    assert.deepEqual(readFileSync(workspaceUri(latinKey).fsPath), latin1);
    assert.match(readFileSync(workspaceUri('seeds/export-latin1.ann').fsPath, 'utf8'), /^T1\tplace 12 17\tPaulo$/m);
  });

  it('offers an exports/ folder outside the article globs in the save dialog, and the workspace folder when the globs take exports/', async function () {
    if (!workbenchAvailable()) this.skip();
    const api = await annotatorApi();
    const dialogValue = `(() => { const w = document.querySelector('.quick-input-widget'); if (!w || w.style.display === 'none') return ''; const input = w.querySelector('.quick-input-box input'); return input ? input.value : ''; })()`;
    // run as a user would, without a target: the save dialog opens on the proposed file
    const exportWithDialog = async (format: string, expected: RegExp): Promise<ExportResult | undefined> => {
      const running = vscode.commands.executeCommand<ExportResult | undefined>('articleAnnotator.exportAnnotations', { format, scope: 'article', uri: workspaceUri(KEY).toString() });
      const shown = await waitForWorkbench<string>(`(() => { const v = ${dialogValue}; return ${expected.toString()}.test(v) ? v : ''; })()`, { timeoutMs: 20_000 }).catch(async () => evaluateInWorkbench<string>(dialogValue));
      assert.match(shown, expected, `the save dialog proposes ${expected}`);
      await pressKeys('Enter');
      return running;
    };
    const md = await exportWithDialog('md', /\/exports\/export-lighthouse\.md$/u);
    assert.deepEqual(md?.files, [workspaceUri('exports/export-lighthouse.md').fsPath]);
    assert.match(readFileSync(workspaceUri('exports/export-lighthouse.md').fsPath, 'utf8'), /In context: /u);
    // articles matched under exports/ too: the proposal moves to the workspace folder, where the globs take no .jsonld
    const config = vscode.workspace.getConfiguration('articleAnnotator');
    await config.update('articleGlobs', ['**/seeds/*.txt', 'exports/**'], vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the article globs to take exports/', () => api.settings.settings.articleGlobs.includes('exports/**'));
      const w3c = await exportWithDialog('w3c', /\/export-lighthouse\.jsonld$/u);
      assert.deepEqual(w3c?.files, [workspaceUri('export-lighthouse.jsonld').fsPath]);
    } finally {
      await config.update('articleGlobs', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('dates a wire dateline without a year as the reading view does (weekday in the lead, file date), though the article was never opened', async () => {
    // the year is known only from the file's modification time and the weekday of the lead: 2025-03-03 was a Monday
    const key = 'seeds/export-wire.txt';
    const text = 'Ferry fares rise\n\nBERGEN, March 3 (Wirecorp) - The harbour council on Monday voted to raise ferry fares, said Tove Lindqvist.\n';
    const uri = writeArticle('export-wire.txt', text);
    const written = new Date(Date.UTC(2025, 5, 1, 12));
    utimesSync(uri.fsPath, written, written);
    try {
      await vscode.commands.executeCommand('articleAnnotator.annotateSelection', { uri: uri.toString(), ...spanOf(text, 'Tove Lindqvist'), label: 'person' });
      const target = workspaceUri('exports/wire.csv');
      await vscode.commands.executeCommand('articleAnnotator.exportAnnotations', { format: 'csv', scope: 'article', uri: uri.toString(), target: target.toString() });
      const rows = parseCsv(readFileSync(target.fsPath, 'utf8'));
      assert.deepEqual(rows.slice(1).map((r) => [r[1], r[2], r[5]]), [[key, '2025-03-03', 'Tove Lindqvist']]);
    } finally {
      const api = await annotatorApi();
      for (const a of api.annotations.forArticle(key)) await api.annotations.remove(a.id);
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('reports a malformed import file instead of failing or adding anything', async () => {
    const api = await annotatorApi();
    const count = api.annotations.all().length;
    const bad = writeArticle('../exports/broken.jsonld', '{"type": "AnnotationCollection", "items": [{"target": 12}');
    const result = await vscode.commands.executeCommand<{ added: Annotation[]; problems: string[] }>('articleAnnotator.importAnnotations', { format: 'w3c', file: bad.toString() });
    assert.equal(result.added.length, 0);
    assert.ok(result.problems.some((p) => /JSON/.test(p)), result.problems.join('; '));
    assert.equal(api.annotations.all().length, count);
    assert.ok(existsSync(bad.fsPath));
  });
});
