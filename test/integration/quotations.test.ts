// Who said what in the real extension host: quotations of the workspace exported with the annotations (W3C, CSV,
// Markdown), each speaker named as the collection names it. Invented articles only.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { annotatorApi, spanOf, workspaceUri } from './annotationTestKit';
import { closeAllEditors, completeDecorations, openPlainEditor, waitFor } from './articleEditors';
import { QUOTES_EARLY, QUOTES_EARLY_KEY, QUOTES_LATE_KEY, quoteArticlesIndexed, removeQuoteArticles } from './quoteTestKit';
import type { QuoteNode, SpeakerNode } from '../../src/extension/quotationsTree';

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

  after(async () => {
    rmSync(workspaceUri('exports/quotes').fsPath, { recursive: true, force: true });
    await vscode.workspace.getConfiguration('articleAnnotator').update('highlight.quote', undefined, vscode.ConfigurationTarget.Global);
    (await annotatorApi()).quotationsTree.setFilter(undefined);
    await closeAllEditors();
    removeQuoteArticles();
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

  it('exports who said what of an article with no annotations (the quotations alone), and says so when quotes are not asked for', async () => {
    const api = await annotatorApi();
    assert.equal(api.annotations.forArticle(QUOTES_LATE_KEY).length, 0, 'the late article has no annotations');
    const exportLate = (format: string, target: string, quotes: boolean): Thenable<ExportResult | undefined> =>
      vscode.commands.executeCommand<ExportResult>('articleAnnotator.exportAnnotations', { format, scope: 'article', uri: workspaceUri(QUOTES_LATE_KEY).toString(), target: workspaceUri(target).toString(), quotes });

    const md = await exportLate('md', 'exports/quotes/late.md', true);
    assert.equal(md?.annotations, 0);
    assert.deepEqual(md?.problems, []);
    assert.deepEqual(md?.files.length, 1);
    const report = readFileSync(workspaceUri('exports/quotes/late.md').fsPath, 'utf8');
    assert.match(report, /## Who said what\n\n1 quotation\./u);
    assert.match(report, /\| Halvard Tresling \(person\) \| “We finished a week early,” \| seeds\/quotes-dam-late\.txt \d+–\d+ \| told reporters \|/u);

    await exportLate('w3c', 'exports/quotes/late.jsonld', true);
    const json = JSON.parse(readFileSync(workspaceUri('exports/quotes/late.jsonld').fsPath, 'utf8')) as { first: { items: { target: { selector: { type: string; exact?: string }[] } }[] } };
    assert.deepEqual(
      json.first.items.map((i) => i.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact),
      ['We finished a week early,'],
    );

    const csv = await exportLate('csv', 'exports/quotes/late.csv', true);
    assert.equal(csv?.files.length, 2, JSON.stringify(csv?.files));
    const rows = readFileSync(workspaceUri('exports/quotes/late.quotes.csv').fsPath, 'utf8').trim().split('\r\n');
    assert.equal(rows.length, 2, rows.join('\n'));

    const without = await exportLate('md', 'exports/quotes/late-none.md', false);
    assert.deepEqual(without?.files, [], 'nothing to export without the quotations');
  });

  it('groups the quotes of one person across two articles in the Quotations view, unnamed sources apart, and a click reveals the quote', async () => {
    const api = await annotatorApi();
    const tree = api.quotationsTree;
    tree.setFilter(undefined);
    const roots = tree.getChildren() as SpeakerNode[];
    const tresling = roots.find((r) => r.name === 'Halvard Tresling');
    assert.ok(tresling, roots.map((r) => r.name).join(', '));
    const quotes = tree.getChildren(tresling) as QuoteNode[];
    const ours = quotes.filter((q) => q.quote.article === QUOTES_EARLY_KEY || q.quote.article === QUOTES_LATE_KEY);
    assert.deepEqual(
      ours.map((q) => [q.quote.article, q.quote.text, q.date]),
      [
        [QUOTES_EARLY_KEY, 'The spillway needs new gates,', '2022-06-02'],
        [QUOTES_LATE_KEY, 'We finished a week early,', '2022-09-15'],
      ],
      'one speaker node for both articles ("Tresling said" in one, the full name in the other), by article date',
    );
    const item = tree.getTreeItem(tresling);
    assert.equal(item.label, 'Halvard Tresling');
    assert.match(String(item.description), /^\d+ quotes · \d+ articles$/);
    const unnamed = roots[roots.length - 1];
    assert.equal(unnamed?.name, null, 'unnamed sources are the last group');
    assert.equal(tree.getTreeItem(unnamed!).label, 'Unnamed sources');
    assert.ok((tree.getChildren(unnamed) as QuoteNode[]).some((q) => q.quote.text === 'Nobody should fish below it,'));

    const late = ours[1]!;
    const quoteItem = tree.getTreeItem(late);
    assert.equal(quoteItem.label, '“We finished a week early,”');
    assert.ok(quoteItem.command);
    await vscode.commands.executeCommand(quoteItem.command.command, ...(quoteItem.command.arguments ?? []));
    const editor = await waitFor('the quote revealed', () => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.getText(active.selection) === 'We finished a week early,' ? active : undefined;
    });
    assert.ok(editor.document.uri.toString().includes('quotes-dam-late'), editor.document.uri.toString());
  });

  it('a quote hover names the speaker, with the article and its date, and links to the speaker\'s quotes', async () => {
    const editor = await openPlainEditor(QUOTES_EARLY_KEY);
    await completeDecorations(editor.document.uri);
    const hoverAt = async (needle: string): Promise<string> => {
      const at = editor.document.getText().indexOf(needle);
      assert.ok(at >= 0, needle);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at + 2));
      return hovers
        .flatMap((h) => h.contents)
        .map((c) => (c instanceof vscode.MarkdownString ? c.value : typeof c === 'string' ? c : c.value))
        .join('\n---\n');
    };
    const named = await hoverAt('spillway needs');
    assert.match(named, /\*\*Halvard Tresling\*\* \(person\), said:/u, named);
    assert.match(named, /> “The spillway needs new gates,”/u, named);
    assert.match(named, /quotes\\-dam\\-early\\\.txt|quotes-dam-early/u, named);
    assert.match(named, /2022\\?-06\\?-02/u, named);
    assert.ok(named.includes('command:articleAnnotator.showQuotesOf'), named);
    const unnamed = await hoverAt('Nobody should');
    assert.match(unnamed, /\*An unnamed source\*, said:/u, unnamed);
    assert.ok(!unnamed.includes('Halvard'), 'an unnamed source is never guessed');
    const entity = await hoverAt('Halvard Tresling inspected');
    assert.ok(entity.includes('command:articleAnnotator.showQuotesOf'), `the person's hover offers Show Quotes of This Person: ${entity}`);
  });

  it('"Show Quotes of This Person" narrows the Quotations view to that speaker', async () => {
    const api = await annotatorApi();
    const tree = api.quotationsTree;
    const entity = api.workspaceIndex.corpus.corpusEntityOf(undefined, { canonical: 'Halvard Tresling', type: 'person' });
    assert.ok(entity);
    const shown = await vscode.commands.executeCommand<{ speaker: string; quotes: number }>('articleAnnotator.showQuotesOf', entity.id);
    assert.equal(shown.speaker, 'Halvard Tresling');
    assert.ok(shown.quotes >= 2);
    const roots = tree.getChildren() as SpeakerNode[];
    assert.deepEqual(roots.map((r) => r.name), ['Halvard Tresling']);
    assert.equal(tree.describe(), 'quotes of Halvard Tresling');
    // from the Entities view's context menu: its node names the entity
    await vscode.commands.executeCommand('articleAnnotator.showAllQuotations');
    assert.ok((tree.getChildren() as SpeakerNode[]).length > 1);
    const fromView = await vscode.commands.executeCommand<{ speaker: string }>('articleAnnotator.showQuotesOf', { kind: 'entity', entityKind: 'person', name: 'Halvard Tresling' });
    assert.equal(fromView.speaker, 'Halvard Tresling');
    tree.setFilter(undefined);
  });

  it('highlights quotations when the quote highlight is switched on', async () => {
    const api = await annotatorApi();
    const editor = await openPlainEditor(QUOTES_EARLY_KEY);
    await completeDecorations(editor.document.uri);
    assert.equal(api.quoteDecorator.decorationsFor(editor.document.uri)?.quotes.length ?? 0, 0, 'off by default');
    await vscode.workspace.getConfiguration('articleAnnotator').update('highlight.quote', true, vscode.ConfigurationTarget.Global);
    const drawn = await waitFor('quotes highlighted', () => {
      const d = api.quoteDecorator.decorationsFor(editor.document.uri);
      return d && d.quotes.length === 2 ? d : undefined;
    });
    assert.deepEqual(
      drawn.quotes.map((q) => [QUOTES_EARLY.slice(q.start, q.end), q.speaker]),
      [
        ['The spillway needs new gates,', 'Halvard Tresling'],
        ['Nobody should fish below it,', null],
      ],
    );
    await vscode.workspace.getConfiguration('articleAnnotator').update('highlight.quote', false, vscode.ConfigurationTarget.Global);
    await waitFor('quote highlights cleared', () => api.quoteDecorator.decorationsFor(editor.document.uri)?.quotes.length === 0);
  });
});
