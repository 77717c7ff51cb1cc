// Who said what in the real extension host: quotations of the workspace exported with the annotations (W3C, CSV,
// Markdown), each speaker named as the collection names it. Invented articles only.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { annotatorApi, spanOf, workspaceUri } from './annotationTestKit';
import { QUOTES_EARLY, QUOTES_EARLY_KEY, quoteArticlesIndexed } from './quoteTestKit';

interface ExportResult {
  files: string[];
  annotations: number;
  problems: string[];
}

describe('quotations', function () {
  this.timeout(120_000);

  before(async () => {
    await quoteArticlesIndexed();
    const api = await annotatorApi();
    for (const a of api.annotations.forArticle(QUOTES_EARLY_KEY)) await api.annotations.remove(a.id);
    await vscode.commands.executeCommand('articleAnnotator.annotateSelection', { uri: workspaceUri(QUOTES_EARLY_KEY).toString(), ...spanOf(QUOTES_EARLY, 'Osterby dam'), label: 'place', note: '' });
  });

  after(() => {
    rmSync(workspaceUri('exports/quotes').fsPath, { recursive: true, force: true });
  });

  it('exports who said what with the annotations: W3C items naming the speaker, a Markdown table, a CSV file beside the export', async () => {
    const exportAs = (format: string, target: string): Thenable<ExportResult | undefined> =>
      vscode.commands.executeCommand<ExportResult>('articleAnnotator.exportAnnotations', { format, scope: 'article', uri: workspaceUri(QUOTES_EARLY_KEY).toString(), target: workspaceUri(target).toString(), quotes: true });

    const w3c = await exportAs('w3c', 'exports/quotes/dam.jsonld');
    assert.deepEqual(w3c?.problems, []);
    const json = JSON.parse(readFileSync(workspaceUri('exports/quotes/dam.jsonld').fsPath, 'utf8')) as {
      total: number;
      first: { items: { body: { purpose: string; value: string }[]; target: { source: string; selector: { type: string; exact?: string }[] } }[] };
    };
    const quoteItems = json.first.items.filter((i) => i.body.some((b) => b.purpose === 'tagging' && b.value === 'quotation'));
    assert.equal(json.total, json.first.items.length);
    assert.deepEqual(
      quoteItems.map((i) => [i.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact, i.body.find((b) => b.purpose === 'describing')?.value]),
      [
        ['The spillway needs new gates,', 'Halvard Tresling (person), said'],
        ['Nobody should fish below it,', 'unnamed source, said'],
      ],
    );

    await exportAs('md', 'exports/quotes/dam.md');
    const md = readFileSync(workspaceUri('exports/quotes/dam.md').fsPath, 'utf8');
    assert.match(md, /## Who said what\n\n2 quotations\./u);
    assert.match(md, /\| Halvard Tresling \(person\) \| “The spillway needs new gates,” \| seeds\/quotes-dam-early\.txt \d+–\d+ \| said \|/u);

    const csv = await exportAs('csv', 'exports/quotes/dam.csv');
    assert.equal(csv?.files.length, 2, JSON.stringify(csv?.files));
    const rows = readFileSync(workspaceUri('exports/quotes/dam.quotes.csv').fsPath, 'utf8').trim().split('\r\n');
    assert.equal(rows[0], '"article","date","start","end","speaker","speaker type","cue","quote"');
    assert.ok(rows[1]?.includes('"Halvard Tresling","person","said","The spillway needs new gates,"'), rows.join('\n'));
  });
});
