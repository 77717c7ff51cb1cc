// The keyboard in the read-only reading view: Ctrl+. lists the same quick fixes as in the plain editor and runs the
// one picked, Ctrl+Z undoes the last annotation change, and "Annotate Selection" is always in the palette and, with
// no selection, annotates the entity or word at the cursor (or asks for a selection). Invented article text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import { annotatorApi, closeAllEditors, restoreAfterCorrections, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { completeDecorations, openPlainEditor, openReadingView } from './articleEditors';
import { pressKeys, waitForQuickInputRows, waitForWorkbench, workbenchAvailable } from './harness/workbench';

const TEXT = 'date 2024-05-02 Harbour council meets the President\n\nEmmanuel Macron met the harbour council in Marseille on Tuesday. The council asked for a new pier, and Macron promised an answer by June.\n\nFishermen waited outside the town hall.\n';
const KEY = 'seeds/reader-keyboard.txt';

interface PackageJson {
  contributes: {
    keybindings: { command: string; key: string; when?: string }[];
    menus: { commandPalette: { command: string; when?: string }[] };
  };
}

const packageJson = (): PackageJson => vscode.extensions.getExtension('article-annotator.article-annotator')!.packageJSON as PackageJson;

/** Puts the cursor `inside` characters into the first `needle` of the reading view's body. */
function cursorAt(editor: vscode.TextEditor, needle: string, inside: number): void {
  const view = editor.document.getText();
  const at = view.indexOf(needle, view.indexOf('\n\n'));
  assert.ok(at > 0, `${needle} in the reading view`);
  const position = editor.document.positionAt(at + inside);
  editor.selection = new vscode.Selection(position, position);
}

describe('reader keyboard', function () {
  this.timeout(120_000);
  let uri: vscode.Uri;
  restoreAfterCorrections(['reader-keyboard.txt']);

  before(() => {
    uri = writeArticle('reader-keyboard.txt', TEXT);
  });

  after(async () => {
    const api = await annotatorApi();
    for (const a of api.annotations.forArticle(KEY)) await api.annotations.remove(a.id);
  });

  it('Ctrl+. in the reading view offers the quick fixes of the plain editor and runs the one picked', async function () {
    const api = await annotatorApi();
    const plain = await openPlainEditor(uri);
    await waitFor('Emmanuel Macron highlighted as a person in the plain editor', async () => (await completeDecorations(plain.document.uri)).kinds.person.some((s) => s.text === 'Emmanuel Macron'), 60_000);
    const macron = spanOf(TEXT, 'Emmanuel Macron');
    const plainActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plain.document.uri, new vscode.Range(plain.document.positionAt(macron.start + 3), plain.document.positionAt(macron.start + 3)));
    const plainTitles = plainActions.map((a) => a.title);
    assert.ok(plainTitles.some((t) => t.startsWith('Accept “Emmanuel Macron”')), plainTitles.join(' | '));

    await closeAllEditors();
    const reading = await openReadingView(uri);
    await waitFor('Emmanuel Macron highlighted in the reading view', async () => (await completeDecorations(reading.document.uri)).kinds.person.some((s) => s.text === 'Emmanuel Macron'), 60_000);
    cursorAt(reading, 'Emmanuel Macron', 3);
    const readingActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', reading.document.uri, reading.selection);
    assert.deepEqual(readingActions.map((a) => a.title), plainTitles, 'the same code actions on the reading-view document');
    const accept = readingActions.find((a) => a.title.startsWith('Accept'));
    assert.deepEqual(accept?.command?.arguments?.[0], { uri: uri.toString(), start: macron.start, end: macron.end, text: 'Emmanuel Macron' }, 'source offsets, as from the plain editor');

    // VS Code's own Quick Fix is disabled in a read-only editor; Ctrl+. there is bound to the reading view's own list
    const quickFix = packageJson().contributes.keybindings.find((k) => k.key === 'ctrl+.');
    assert.equal(quickFix?.command, 'articleAnnotator.quickFix');
    assert.match(quickFix?.when ?? '', /resourceScheme == '?article'?/);
    if (!workbenchAvailable()) this.skip();
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await pressKeys('Control+Period');
    const rows = await waitForQuickInputRows((r) => r.length > 2);
    assert.match(rows[0]!, /^Accept “Emmanuel Macron” as person/, 'the preferred fix is the one Enter picks');
    for (const title of plainTitles) assert.ok(rows.some((r) => r.startsWith(title)), `${title} in ${rows.join(' | ')}`);
    await pressKeys('Enter');
    const accepted = await waitFor('the accepted entity as an annotation', () => api.annotations.forArticle(KEY).find((a) => a.quote.exact === 'Emmanuel Macron' && a.label === 'person'), 20_000);
    assert.equal(accepted.origin, 'entity');
  });

  it('Ctrl+Z in the reading view undoes the last annotation change and says so in the status bar', async function () {
    const api = await annotatorApi();
    const reading = await openReadingView(uri);
    const binding = packageJson().contributes.keybindings.find((k) => k.key === 'ctrl+z');
    assert.equal(binding?.command, 'articleAnnotator.undoAnnotationChange');
    assert.match(binding?.when ?? '', /resourceScheme == '?article'?/, 'only in the reading view: the plain editor keeps its text undo');
    const created = await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { uri: uri.toString(), ...spanOf(TEXT, 'new pier'), label: 'claim' });
    assert.ok(api.annotations.get(created.id));
    if (!workbenchAvailable()) this.skip();
    await vscode.window.showTextDocument(reading.document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await pressKeys('Control+z');
    await waitFor('Ctrl+Z to remove the annotation just made', () => api.annotations.get(created.id) === undefined, 20_000);
    const status = await waitForWorkbench<string>(`[...document.querySelectorAll('.statusbar-item')].map((e) => e.textContent || '').find((t) => t.includes('Article Annotator: undid')) || ''`);
    assert.match(status, /undid/);
    assert.equal(reading.document.getText().includes('new pier'), true, 'the article text is untouched');
  });

  it('"Annotate Selection" is in the palette without a selection and annotates the entity or word at the cursor', async function () {
    const api = await annotatorApi();
    const palette = packageJson().contributes.menus.commandPalette.find((m) => m.command === 'articleAnnotator.annotateSelection');
    assert.equal(palette, undefined, 'no when clause hides it from the palette');
    const reading = await openReadingView(uri);
    await waitFor('Marseille analysed', async () => (await completeDecorations(reading.document.uri)).kinds.place.some((s) => s.text === 'Marseille'), 60_000);
    // the cursor inside "Macron" of "Emmanuel Macron": the whole entity
    cursorAt(reading, 'Emmanuel Macron', 11);
    const entity = await vscode.commands.executeCommand<Annotation | undefined>('articleAnnotator.annotateSelection', { label: 'person' });
    assert.equal(entity?.quote.exact, 'Emmanuel Macron');
    assert.deepEqual(entity?.position, spanOf(TEXT, 'Emmanuel Macron'));
    // the cursor in a plain word: that word
    cursorAt(reading, 'Fishermen', 4);
    const word = await vscode.commands.executeCommand<Annotation | undefined>('articleAnnotator.annotateSelection', { label: 'claim' });
    assert.equal(word?.quote.exact, 'Fishermen');
    assert.deepEqual(word?.position, spanOf(TEXT, 'Fishermen'));
    // on the blank line between paragraphs there is no word: it asks for a selection and annotates nothing
    const before = api.annotations.forArticle(KEY).length;
    const view = reading.document.getText();
    const blank = reading.document.positionAt(view.indexOf('\n\nFishermen') + 1);
    reading.selection = new vscode.Selection(blank, blank);
    const none = await vscode.commands.executeCommand<Annotation | undefined>('articleAnnotator.annotateSelection', { label: 'claim' });
    assert.equal(none, undefined);
    assert.equal(api.annotations.forArticle(KEY).length, before);
    if (!workbenchAvailable()) return;
    // the real palette lists it with the cursor in the text and nothing selected
    cursorAt(reading, 'harbour council', 2);
    await vscode.commands.executeCommand('workbench.action.quickOpen', '>Annotate Selection');
    try {
      const rows = await waitForQuickInputRows((r) => r.some((x) => x.includes('Annotate Selection')));
      assert.ok(rows.some((r) => r.includes('Article Annotator: Annotate Selection')), rows.join(' | '));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  });
});
