// What users install is what is tested: scripts/run-integration.mjs packages the .vsix (npm run package), installs it
// with code-server's --install-extension into a fresh extensions folder and opens the workbench WITHOUT the development
// extension (only a small runner extension that carries these tests). A file missing from the package (a bundle, the
// analysis worker, the sample article) fails here.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testEnv } from '../integration/harness/testEnv';
import { renderedDecorations, workbenchAvailable } from '../integration/harness/workbench';

const EXTENSION_ID = 'article-annotator.article-annotator';

interface Decorations {
  complete: boolean;
  kinds: Record<'person' | 'place' | 'organization' | 'date', { text: string; start: number; sourceStart: number }[]>;
}

async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value ${JSON.stringify(last)?.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const installed = (): vscode.Extension<unknown> => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension;
};

/** The decorator's complete state for an editor's document (an internal command of the installed extension). */
function completeDecorations(uri: vscode.Uri): Promise<Decorations> {
  return waitFor(`complete highlights in ${uri.toString()}`, async () => {
    const d = await vscode.commands.executeCommand<Decorations | undefined>('articleAnnotator.internal.decorations', uri);
    return d?.complete ? d : undefined;
  });
}

async function hoverText(editor: vscode.TextEditor, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('installed .vsix', function () {
  this.timeout(120_000);

  it('is the copy installed from the package, not a development extension, and activates', async () => {
    const extension = installed();
    const extensionsDir = testEnv('ARTICLE_ANNOTATOR_VSIX_EXTENSIONS_DIR');
    assert.ok(extensionsDir, 'the launcher names the extensions folder it installed into');
    assert.ok(extension.extensionUri.path.startsWith(`${extensionsDir}/`), `${extension.extensionUri.toString()} is under ${extensionsDir}`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const c of (extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands) assert.ok(commands.includes(c.command), `${c.command} is registered`);
  });

  it('opens a seed as an article: header, highlights from the analysis worker, a hover', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, 'seeds', '000_96c9ee8166b27d0f.txt');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('articleAnnotator.openAsArticle', uri);
    assert.equal(editor.document.uri.scheme, 'article');
    assert.equal(editor.document.languageId, 'article');
    const decorations = await completeDecorations(editor.document.uri);
    const ghani = decorations.kinds.person.find((s) => s.text === 'Ashraf Ghani');
    assert.ok(ghani, `people: ${decorations.kinds.person.map((s) => s.text).join(', ')}`);
    assert.ok(decorations.kinds.place.some((s) => s.text === 'Kabul'));
    const hover = await hoverText(editor, ghani.start + 2);
    assert.match(hover, /\*\*Person\*\* · Ashraf Ghani/, hover);
    if (workbenchAvailable()) {
      // drawn in the page, not only computed
      const drawn = await waitFor('highlights rendered in the page', async () => {
        const texts = (await renderedDecorations()).map((d) => d.text).join(' ');
        return texts.includes('Ghani') && texts.includes('Kabul') ? texts : undefined;
      });
      assert.ok(drawn);
    }
  });

  it('opens the sample article that ships in the package', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('articleAnnotator.openSampleArticle');
    assert.ok(editor, 'an editor');
    assert.ok(editor.document.uri.query.startsWith(installed().extensionUri.toString()), `${editor.document.uri.query} is the installed copy's`);
    const decorations = await completeDecorations(editor.document.uri);
    assert.ok(decorations.kinds.person.some((s) => s.text === 'Maren Halvorsen'), decorations.kinds.person.map((s) => s.text).join(', '));
  });
});
