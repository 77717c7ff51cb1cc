// The label picker shows each label in its colour: a swatch beside the name, as the annotation will be drawn.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { annotatorApi, closeAllEditors, spanOf, waitFor, workspaceUri, writeArticle } from './annotationTestKit';
import { openPlainEditor } from './articleEditors';
import { pressKeys, waitForWorkbench, workbenchAvailable } from './harness/workbench';

const NAME = 'label-picker.txt';
const TEXT = 'date 2024-04-02 Ferry fares\n\nThe harbour board raised ferry fares on Monday.\n';

describe('label picker', function () {
  this.timeout(60_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    rmSync(workspaceUri(`seeds/${NAME}`).fsPath, { force: true });
  });

  it('shows each label with a swatch of its colour', async function () {
    if (!workbenchAvailable()) this.skip();
    const api = await annotatorApi();
    const uri = writeArticle(NAME, TEXT);
    const editor = await openPlainEditor(uri);
    const span = spanOf(TEXT, 'ferry fares');
    editor.selection = new vscode.Selection(editor.document.positionAt(span.start), editor.document.positionAt(span.end));
    const before = api.annotations.all().length;
    const asking = vscode.commands.executeCommand('articleAnnotator.annotateSelection');
    const icons = await waitForWorkbench<{ label: string; image: string }[]>(
      `(() => {
        const w = document.querySelector('.quick-input-widget');
        if (!w || w.style.display === 'none') return undefined;
        const rows = [...w.querySelectorAll('.monaco-list-row')].map((r) => ({ label: r.getAttribute('aria-label') || '', image: [...r.querySelectorAll('*')].map((e) => getComputedStyle(e).backgroundImage).filter((b) => b && b !== 'none').join(' ') }));
        return rows.length >= 8 ? rows : undefined;
      })()`,
      { timeoutMs: 20_000 },
    );
    for (const label of api.settings.settings.labels) {
      const row = icons.find((r) => r.label.startsWith(label.name));
      assert.ok(row, `${label.name} in ${icons.map((r) => r.label).join(' | ')}`);
      assert.ok(decodeURIComponent(row.image).toLowerCase().includes(label.color.toLowerCase()), `${label.name}'s swatch is ${label.color}: ${row.image.slice(0, 200)}`);
    }
    await pressKeys('Escape');
    assert.equal(await asking, undefined);
    await waitFor('nothing added', () => api.annotations.all().length === before);
  });
});
