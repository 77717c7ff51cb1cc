// Navigation with the editor's own gestures, through VS Code's own commands: Outline / Go to Symbol in Editor
// (executeDocumentSymbolProvider), highlights of the entity under the cursor (executeDocumentHighlights), and the
// Next / Previous Entity commands and their keys, in the plain editor and in the reading view. Invented articles only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EntityStep } from '../../src/extension/commands/stepEntity';
import { annotatorApi, closeAllEditors, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { openPlainEditor, openReadingView } from './articleEditors';
import { pressKeys, workbenchAvailable } from './harness/workbench';

export const FERRY = [
  'date 2024-03-10 Ferry line to Brackwater reopens after two years',
  '',
  'Mayor Tilda Ostrander cut the ribbon at the harbour in Brackwater on Friday. Ostrander thanked the Quayside Trust, which paid for the new pier.',
  '',
  'Costs and delays',
  '',
  'The Quayside Trust spent 4 million euros, said Ostrander. Engineers from Halvorsen Marine Ltd. worked on the pier for eighteen months.',
  '',
  'What comes next',
  '',
  'Engineer Baptiste Oyelaran will inspect the pier in Brackwater next week, Ostrander said.',
  '',
].join('\n');

type Symbol = vscode.DocumentSymbol;

function find(symbols: readonly Symbol[], name: string): Symbol {
  const found = symbols.find((s) => s.name === name);
  assert.ok(found, `a symbol "${name}" among ${symbols.map((s) => s.name).join(', ')}`);
  return found;
}

async function symbolsOf(uri: vscode.Uri): Promise<Symbol[]> {
  // the provider waits for the analysis; the Outline may ask before the article is registered as open
  return waitFor(`the outline of ${uri.toString()}`, async () => {
    const symbols = await vscode.commands.executeCommand<Symbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
    return symbols && symbols.some((s) => s.name === 'People') ? symbols : undefined;
  }, 60_000, 250);
}

function selectedText(editor: vscode.TextEditor): string {
  return editor.document.getText(editor.selection);
}

async function step(command: string, args?: unknown): Promise<EntityStep | undefined> {
  return vscode.commands.executeCommand<EntityStep | undefined>(`articleAnnotator.${command}`, args);
}

describe('navigation in an article', function () {
  this.timeout(120_000);
  let uri: vscode.Uri;

  before(async () => {
    await annotatorApi();
    uri = writeArticle('nav-ferry.txt', FERRY);
  });
  after(closeAllEditors);

  it('Outline / Go to Symbol in Editor: the headline with its sub-headings, then the entities by kind at their mentions', async () => {
    const editor = await openPlainEditor(uri);
    const symbols = await symbolsOf(uri);
    const text = (r: vscode.Range): string => editor.document.getText(r);
    // the editor orders top-level symbols by position (the dateline's date comes first in the plain editor)
    assert.deepEqual(symbols.map((s) => s.name).sort(), ['Dates', 'Ferry line to Brackwater reopens after two years', 'Organizations', 'People', 'Places']);
    const headline = find(symbols, 'Ferry line to Brackwater reopens after two years');
    assert.equal(headline.kind, vscode.SymbolKind.File);
    assert.equal(text(headline.selectionRange), 'Ferry line to Brackwater reopens after two years');
    assert.deepEqual(headline.children.map((s) => s.name), ['Costs and delays', 'What comes next']);
    assert.ok(headline.children.every((s) => s.kind === vscode.SymbolKind.String));
    assert.ok(text(headline.children[0]!.range).endsWith('for eighteen months.'), 'a section runs to the next sub-heading');
    const tilda = find(find(symbols, 'People').children, 'Tilda Ostrander');
    assert.equal(tilda.detail, '4 mentions · also Ostrander');
    assert.equal(text(tilda.selectionRange), 'Tilda Ostrander');
    assert.deepEqual(tilda.children.map((m) => text(m.selectionRange)), ['Tilda Ostrander', 'Ostrander', 'Ostrander', 'Ostrander']);
    assert.deepEqual(tilda.children.map((m) => editor.document.offsetAt(m.selectionRange.start)), [spanOf(FERRY, 'Tilda Ostrander').start, ...[1, 2, 3].map((n) => spanOf(FERRY, 'Ostrander', n).start)]);
    assert.ok(find(find(symbols, 'Organizations').children, 'Quayside Trust'));
    assert.ok(find(find(symbols, 'Places').children, 'Brackwater').kind === vscode.SymbolKind.Package);
  });

  it('asked while the article is typed into, the Outline waits for a pause in typing and outlines the text typing left', async () => {
    const typed = writeArticle('nav-typing.txt', FERRY);
    const editor = await openPlainEditor(typed);
    try {
      await symbolsOf(typed);
      const heading = spanOf(FERRY, 'What comes next');
      const at = (start: number, end: number): vscode.Range => new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
      // typed over and typed back: the text typing left is the one already analysed and outlined, so only the wait
      // for a pause in typing (200 ms for a short article) stands between the ask and the answer
      assert.ok(await editor.edit((b) => b.replace(at(heading.start, heading.end), 'What happens next')));
      assert.ok(await editor.edit((b) => b.replace(at(heading.start, heading.start + 'What happens next'.length), 'What comes next')));
      const edited = performance.now();
      // VS Code asks at every version of a document being typed into: the text, its analysis and the outline are made
      // once typing pauses, for the text it left, not at every pause between words
      const symbols = await vscode.commands.executeCommand<Symbol[] | undefined>('vscode.executeDocumentSymbolProvider', typed);
      const answered = performance.now() - edited;
      assert.ok(answered >= 180, `answered ${answered.toFixed(0)} ms after the last edit, before typing had paused for 200 ms`);
      const headline = find(symbols ?? [], 'Ferry line to Brackwater reopens after two years');
      assert.deepEqual(headline.children.map((s) => s.name), ['Costs and delays', 'What comes next']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await closeAllEditors();
    }
  });

  it('the reading view has the same outline, on its own text, without the hidden dateline', async () => {
    const editor = await openReadingView(uri);
    const symbols = await symbolsOf(editor.document.uri);
    const text = (r: vscode.Range): string => editor.document.getText(r);
    const headline = find(symbols, 'Ferry line to Brackwater reopens after two years');
    assert.equal(text(headline.selectionRange), 'Ferry line to Brackwater reopens after two years');
    assert.deepEqual(headline.children.map((s) => text(s.selectionRange)), ['Costs and delays', 'What comes next']);
    const tilda = find(find(symbols, 'People').children, 'Tilda Ostrander');
    assert.deepEqual(tilda.children.map((m) => text(m.selectionRange)), ['Tilda Ostrander', 'Ostrander', 'Ostrander', 'Ostrander']);
    const dates = find(symbols, 'Dates').children;
    assert.ok(dates.length > 0);
    for (const d of dates) assert.equal(text(d.selectionRange).replace(/\s+/g, ' '), d.name, 'every date symbol is on its text in the view');
    assert.ok(!dates.some((d) => d.name === '2024-03-10'), 'the dateline is not shown in the reading view, so it is not in its outline');
  });

  it('highlights every mention of the entity under the cursor, aliases included', async () => {
    for (const open of [openPlainEditor, openReadingView]) {
      const editor = await open(uri);
      const document = editor.document;
      const ostrander = document.getText().indexOf('Ostrander thanked');
      await symbolsOf(document.uri); // analysed
      const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, document.positionAt(ostrander + 3));
      assert.deepEqual(highlights.map((h) => document.getText(h.range)), ['Tilda Ostrander', 'Ostrander', 'Ostrander', 'Ostrander'], `in the ${document.uri.scheme} editor`);
      const quayside = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, document.positionAt(document.getText().indexOf('Quayside')));
      assert.deepEqual(quayside.map((h) => document.getText(h.range)), ['Quayside Trust', 'Quayside Trust']);
      const plain = await vscode.commands.executeCommand<vscode.DocumentHighlight[] | undefined>('vscode.executeDocumentHighlights', document.uri, document.positionAt(document.getText().indexOf('ribbon')));
      assert.equal(plain?.length ?? 0, 0, 'nothing on a plain word');
    }
  });

  it('Next / Previous Entity go through the mentions in reading order, wrapping around', async () => {
    const editor = await openPlainEditor(uri);
    await symbolsOf(uri);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await step('nextEntity');
      seen.push(selectedText(editor));
    }
    assert.deepEqual(seen, ['Tilda Ostrander', 'Brackwater', 'Friday', 'Ostrander']);
    assert.equal(vscode.window.activeTextEditor, editor);
    await step('previousEntity');
    assert.equal(selectedText(editor), 'Friday');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const wrapped = await step('previousEntity');
    assert.equal(wrapped?.wrapped, true);
    assert.equal(selectedText(editor), 'Ostrander');
    assert.equal(editor.document.offsetAt(editor.selection.start), spanOf(FERRY, 'Ostrander', 3).start, 'the last mention of the article');
  });

  it('Next / Previous Entity of the Same Kind stay with the kind under the cursor', async () => {
    const editor = await openPlainEditor(uri);
    await symbolsOf(uri);
    const tilda = spanOf(FERRY, 'Tilda Ostrander');
    editor.selection = new vscode.Selection(editor.document.positionAt(tilda.start + 2), editor.document.positionAt(tilda.start + 2));
    const people: string[] = [];
    for (let i = 0; i < 5; i++) {
      const moved = await step('nextEntityOfSameKind');
      assert.equal(moved?.kind, 'person');
      people.push(selectedText(editor));
    }
    assert.deepEqual(people, ['Ostrander', 'Ostrander', 'Baptiste Oyelaran', 'Ostrander', 'Tilda Ostrander']);
    await step('previousEntityOfSameKind');
    assert.equal(selectedText(editor), 'Ostrander');
    const place = await step('nextEntityOfSameKind', { kind: 'place' });
    assert.equal(place?.text, 'Brackwater', 'a kind can be given as an argument');
    editor.selection = new vscode.Selection(editor.document.positionAt(FERRY.indexOf('ribbon')), editor.document.positionAt(FERRY.indexOf('ribbon')));
    assert.equal(await step('nextEntityOfSameKind'), undefined, 'off an entity there is no kind to follow');
    assert.equal(selectedText(editor), '', 'and the cursor stays');
  });

  it('in the reading view, from the header, with the keys Alt+] and Alt+Shift+[', async function () {
    const editor = await openReadingView(uri);
    await symbolsOf(editor.document.uri);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = await step('nextEntity');
    assert.equal(selectedText(editor), 'Brackwater', 'the headline is shown, so its place is the first entity');
    assert.equal(first?.start, spanOf(FERRY, 'Brackwater').start, 'the result is in source offsets');
    await step('nextEntity');
    assert.equal(selectedText(editor), 'Tilda Ostrander');
    if (!workbenchAvailable()) this.skip();
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await pressKeys('Alt+BracketRight');
    await waitFor('Alt+] to select the next entity', () => selectedText(editor) === 'Brackwater', 10_000);
    await pressKeys('Alt+Shift+BracketLeft');
    await waitFor('Alt+Shift+[ to go back to the previous place', () => selectedText(editor) === 'Brackwater' && editor.document.offsetAt(editor.selection.start) === editor.document.getText().indexOf('Brackwater'), 10_000);
  });

  it('their keys clash with no default key binding of VS Code (they step aside for inline suggestions and the accessible view)', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const defaults = await waitFor('the default keybindings', () => {
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      return text.includes('"key"') ? text : undefined;
    });
    const ours = (vscode.extensions.getExtension('article-annotator.article-annotator')!.packageJSON as { contributes: { keybindings: { command: string; key: string; when: string }[] } }).contributes.keybindings.filter((k) => /Entity/.test(k.command));
    assert.equal(ours.length, 4);
    // every entry (VS Code's own, then those of extensions): { "key": "…", "command": "…", "when": "…" }
    const entries = [...defaults.matchAll(/\{\s*"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"(?:,\s*"when":\s*"([^"]*)")?/g)].map((m) => ({ key: m[1]!, command: m[2]!, when: m[3] ?? '' }));
    assert.ok(entries.length > 100, `parsed ${entries.length} default bindings`);
    for (const binding of ours) {
      // a default binding on the same key is fine only when ours steps aside in its context (`!thatKey` in our when)
      const negated = [...binding.when.matchAll(/!([\w.]+)/g)].map((m) => m[1]!);
      const clashes = entries.filter((e) => e.key === binding.key && !e.command.startsWith('articleAnnotator.') && !negated.some((key) => new RegExp(`(^|[^!\\w.])${key.replace(/\./g, '\\.')}\\b`).test(e.when)));
      assert.deepEqual(clashes, [], `${binding.key} (${binding.command})`);
    }
    await closeAllEditors();
  });
});
