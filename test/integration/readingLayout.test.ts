// What a person sees in the reading view: lines wrap inside the editor even with type labels after the spans, and
// the header (title, dateline line) is styled as a header.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { annotatorApi } from './annotationTestKit';
import { closeAllEditors, completeDecorations, openReadingView, SEED_000 } from './articleEditors';
import { screenshot, waitForWorkbench, workbenchAvailable } from './harness/workbench';

/** Lines of the visible editors whose rendered content (type labels included) ends past the editor's text area. */
const OVERFLOWING_LINES = `(() => {
  const out = [];
  let lines = 0;
  for (const editor of document.querySelectorAll('.editor-instance .monaco-editor')) {
    const area = editor.querySelector('.monaco-scrollable-element.editor-scrollable');
    if (!area) continue;
    const right = area.getBoundingClientRect().right - 14; // the vertical scrollbar
    for (const line of editor.querySelectorAll('.view-lines .view-line > span')) {
      lines++;
      const r = line.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 1) out.push({ text: line.textContent.slice(-40), over: Math.round(r.right - right) });
    }
  }
  return { lines, out };
})()`;

describe('reading layout', function () {
  this.timeout(90_000);
  after(async () => {
    await vscode.workspace.getConfiguration('articleAnnotator').update('showTypeLabels', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('wraps lines at a bounded column, so type labels after spans stay inside the editor', async function () {
    if (!workbenchAvailable()) this.skip();
    await closeAllEditors();
    const editor = await openReadingView(SEED_000);
    assert.equal(vscode.workspace.getConfiguration('editor', editor.document).get('wordWrap'), 'bounded');
    await vscode.workspace.getConfiguration('articleAnnotator').update('showTypeLabels', true, vscode.ConfigurationTarget.Global);
    await completeDecorations(editor.document.uri);
    await waitForWorkbench(`[...document.querySelectorAll('.monaco-editor .view-lines [class*="TextEditorDecorationType"]')].some((e) => /PER|LOC|ORG/.test(getComputedStyle(e, '::after').content))`);
    const measured = await waitForWorkbench<{ lines: number; out: { text: string; over: number }[] }>(OVERFLOWING_LINES);
    await screenshot('reading-layout-type-labels');
    assert.ok(measured.lines > 10, `lines measured: ${measured.lines}`);
    assert.deepEqual(measured.out, [], `lines running past the right edge: ${JSON.stringify(measured.out)}`);
  });

  it('styles the header: the title bold, the dateline line apart from the body', async function () {
    const api = await annotatorApi();
    const editor = await openReadingView(SEED_000);
    const applied = await waitForWorkbenchOrApi(() => api.readingViewStyler.applied.get(editor.document.uri.toString()));
    assert.equal(applied.title.length, 1);
    assert.equal(applied.title[0]!.start.line, 0);
    assert.ok(editor.document.getText(applied.title[0]).length > 10, 'the title text');
    assert.equal(applied.headerLine.length, 1);
    assert.equal(applied.headerLine[0]!.start.line, 1);
    assert.match(editor.document.lineAt(1).text, /words$/);
    if (!workbenchAvailable()) return;
    const title = editor.document.lineAt(0).text;
    const bold = await waitForWorkbench<string>(`(() => { for (const s of document.querySelectorAll('.monaco-editor .view-lines .view-line span')) { if (s.children.length === 0 && s.textContent.length > 3 && ${JSON.stringify(title)}.startsWith(s.textContent.replace(/\u00a0/g, ' ')) && Number(getComputedStyle(s).fontWeight) >= 600) return getComputedStyle(s).fontWeight; } return undefined; })()`);
    assert.ok(Number(bold) >= 600);
  });
});

async function waitForWorkbenchOrApi<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the reading view to be styled');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
