// Navigation across the collection through VS Code's own commands, on the real workspace index: Go to Symbol in
// Workspace finds an entity of an article no editor has open, Find All References lists its mentions in both
// articles (source files from a plain editor, article text from the reading view), Go to Definition goes to its
// first mention in the earliest-dated article. Invented articles only. Also takes the README's Peek picture.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { annotatorApi, closeAllEditors, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { openPlainEditor, openReadingView } from './articleEditors';
import { readmeScreenshot, waitForWorkbench, workbenchAvailable } from './harness/workbench';

// "alpha" sorts first by file name but is the later article: the definition must follow the dates, not the names.
const ALPHA_KEY = 'seeds/corpus-nav-alpha.txt';
const ALPHA = 'date 2024-02-14 Corvenna line opens\n\nThe first train reached Corvenna on Wednesday. Ingrid Valtonen thanked the Nordhavn Rail Authority, and Valtonen rode the train herself.\n';
const ZETA_KEY = 'seeds/corpus-nav-zeta.txt';
const ZETA = 'date 2023-11-05 Rail link to Corvenna approved\n\nTransport minister Ingrid Valtonen approved the rail link to Corvenna on Sunday. Valtonen said the Nordhavn Rail Authority would build it within four years.\n';

/** What a location shows: the file (or view) it opens and the text of its range there. */
async function shown(location: vscode.Location | vscode.LocationLink): Promise<{ scheme: string; file: string; text: string }> {
  const uri = 'targetUri' in location ? location.targetUri : location.uri;
  const range = 'targetUri' in location ? (location.targetSelectionRange ?? location.targetRange) : location.range;
  const document = await vscode.workspace.openTextDocument(uri);
  const file = (uri.scheme === 'article' ? uri.path.replace(/ — Article$/, '') : uri.path).replace(/^.*\//, '');
  return { scheme: uri.scheme, file, text: document.getText(range) };
}

describe('navigation across articles', function () {
  this.timeout(180_000);
  let alpha: vscode.Uri;
  let zeta: vscode.Uri;

  before(async () => {
    const api = await annotatorApi();
    await closeAllEditors();
    alpha = writeArticle('corpus-nav-alpha.txt', ALPHA);
    zeta = writeArticle('corpus-nav-zeta.txt', ZETA);
    const index = api.workspaceIndex;
    await waitFor('both articles in the workspace index', () => index.corpus.has(ALPHA_KEY) && index.corpus.has(ZETA_KEY), 120_000);
    await index.whenIdle();
  });
  after(closeAllEditors);

  it('Go to Symbol in Workspace (Ctrl+T) finds an entity of articles no editor has open', async () => {
    assert.equal(vscode.window.visibleTextEditors.length, 0, 'no article is open');
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Valton');
    const ours = symbols.filter((s) => s.name === 'Ingrid Valtonen');
    assert.deepEqual(ours.map((s) => s.location.uri.path.replace(/^.*\//, '')).sort(), ['corpus-nav-alpha.txt', 'corpus-nav-zeta.txt'], 'one symbol per article, at its first mention');
    for (const s of ours) {
      assert.equal(s.kind, vscode.SymbolKind.Object, 'a person');
      assert.equal((await shown(s.location)).text, 'Ingrid Valtonen');
    }
    assert.deepEqual(ours.map((s) => s.containerName).sort(), ['Corvenna line opens', 'Rail link to Corvenna approved'], 'named by the article headline');
    const org = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'nordhavn rail');
    assert.ok(org.some((s) => s.name === 'Nordhavn Rail Authority' && s.kind === vscode.SymbolKind.Struct), `organizations too: ${org.map((s) => s.name).join(', ')}`);
  });

  it('Find All References (Shift+F12) lists every mention in both articles, aliases included', async () => {
    const editor = await openPlainEditor(alpha);
    const position = editor.document.positionAt(spanOf(ALPHA, 'Valtonen rode').start + 2);
    const locations = await waitFor('references', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', alpha, position);
      return found && found.length > 0 ? found : undefined;
    }, 60_000, 250);
    const seen = await Promise.all(locations.map(shown));
    assert.deepEqual(seen.map((s) => `${s.file}: ${s.text}`).sort(), ['corpus-nav-alpha.txt: Ingrid Valtonen', 'corpus-nav-alpha.txt: Valtonen', 'corpus-nav-zeta.txt: Ingrid Valtonen', 'corpus-nav-zeta.txt: Valtonen']);
    assert.ok(seen.every((s) => s.scheme === alpha.scheme), 'from a plain editor, the source files');
  });

  it('from the reading view, references are in the reading views, so a Peek shows article text', async () => {
    const editor = await openReadingView(alpha);
    const text = editor.document.getText();
    const position = editor.document.positionAt(text.indexOf('Valtonen rode') + 2);
    const locations = await waitFor('references', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, position);
      return found && found.length > 0 ? found : undefined;
    }, 60_000, 250);
    const seen = await Promise.all(locations.map(shown));
    assert.deepEqual(seen.map((s) => `${s.scheme} ${s.file}: ${s.text}`).sort(), ['article corpus-nav-alpha.txt: Ingrid Valtonen', 'article corpus-nav-alpha.txt: Valtonen', 'article corpus-nav-zeta.txt: Ingrid Valtonen', 'article corpus-nav-zeta.txt: Valtonen']);
  });

  it('Go to Definition (F12) goes to the first mention in the earliest-dated article', async () => {
    for (const open of [openPlainEditor, openReadingView]) {
      const editor = await open(alpha);
      const at = editor.document.getText().indexOf('Valtonen rode');
      const links = await waitFor('a definition', async () => {
        const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, editor.document.positionAt(at + 1));
        return found && found.length > 0 ? found : undefined;
      }, 60_000, 250);
      assert.equal(links.length, 1);
      const target = await shown(links[0]!);
      assert.equal(target.file, 'corpus-nav-zeta.txt', 'dated 2023-11-05, before alpha (2024-02-14)');
      assert.equal(target.text, 'Ingrid Valtonen');
      const link = links[0] as vscode.LocationLink;
      if (link.originSelectionRange) assert.equal(editor.document.getText(link.originSelectionRange), 'Valtonen', 'the whole name under the cursor is the link');
    }
    // from the first mention itself, it stays there
    const first = await openPlainEditor(zeta);
    const self = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', zeta, first.document.positionAt(spanOf(ZETA, 'Ingrid Valtonen').start));
    assert.equal((await shown(self[0]!)).text, 'Ingrid Valtonen');
  });

  it('Peek References in the reading view shows the mentions of both articles (README picture)', async function () {
    if (!workbenchAvailable()) this.skip();
    await closeAllEditors();
    const editor = await openReadingView(alpha);
    const at = editor.document.positionAt(editor.document.getText().indexOf('Valtonen rode') + 2);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
    // the Outline of the article shows in the side bar of the picture too
    await vscode.commands.executeCommand('outline.focus');
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.referenceSearch.trigger');
    const titles = await waitForWorkbench<string>(`(() => {
      const widget = document.querySelector('.reference-zone-widget');
      const rows = widget ? [...widget.querySelectorAll('.monaco-list-row')].map((r) => r.textContent).join(' | ') : '';
      return rows.includes('corpus-nav-zeta') && rows.includes('corpus-nav-alpha') ? rows : '';
    })()`, { timeoutMs: 30_000 });
    assert.match(titles, /corpus-nav-zeta/);
    // on to the other article's first mention: the editor and the peek show its text
    await vscode.commands.executeCommand('goToNextReference');
    await waitForWorkbench<boolean>(`[...document.querySelectorAll('.reference-zone-widget .monaco-list-row.selected')].some((r) => r.textContent.includes('minister'))`, { timeoutMs: 15_000 });
    await readmeScreenshot('peek-references');
    await vscode.commands.executeCommand('closeReferenceSearch');
  });
});
