// The reading view in a light and a dark theme: the highlights follow the theme (contributed colours), and the README's
// two pictures of it are taken here (media/screenshots/reading-view-light.png and -dark.png, written when the launcher
// runs with ARTICLE_ANNOTATOR_UPDATE_SCREENSHOTS=1). The article is the walkthrough's sample, invented people only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor } from './annotationTestKit';
import { completeDecorations } from './articleEditors';
import { evaluateInWorkbench, readmeScreenshot, workbenchAvailable } from './harness/workbench';

/** The background colours of the highlights drawn in the page (Monaco draws them as overlays) and the editor's background. */
async function drawnColours(): Promise<{ highlight: string; editor: string }> {
  return waitFor('highlights drawn', async () => {
    const colours = await evaluateInWorkbench<string[]>(`[...new Set([...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].map((e) => getComputedStyle(e).backgroundColor).filter((c) => c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent'))].sort()`);
    const editor = await evaluateInWorkbench<string>(`getComputedStyle(document.querySelector('.monaco-editor .monaco-editor-background') || document.body).backgroundColor`);
    return colours.length >= 3 ? { highlight: colours.join(' '), editor } : undefined;
  }, 30_000);
}

const isDark = (rgb: string): boolean => {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (r! + g! + b!) / 3 < 100;
};

describe('reading view themes', function () {
  this.timeout(120_000);
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('workbench');
  let theme: string | undefined;

  before(async () => {
    theme = config().inspect<string>('colorTheme')?.globalValue;
    await closeAllEditors();
  });

  after(async () => {
    await config().update('colorTheme', theme, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await closeAllEditors();
  });

  it('follows a light, a dark and a high-contrast theme (underline styles per kind there); the README pictures are taken here', async function () {
    if (!workbenchAvailable()) this.skip();
    await config().update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const reading = await vscode.commands.executeCommand<vscode.TextEditor>('articleAnnotator.openSampleArticle');
    await completeDecorations(reading.document.uri);
    await waitFor('a light workbench', () => evaluateInWorkbench<boolean>(`document.querySelector('.monaco-workbench').classList.contains('vs')`), 20_000);
    const light = await drawnColours();
    assert.ok(!isDark(light.editor), `light editor background ${light.editor}`);
    await readmeScreenshot('reading-view-light');

    await config().update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    await waitFor('a dark workbench', () => evaluateInWorkbench<boolean>(`document.querySelector('.monaco-workbench').classList.contains('vs-dark')`), 20_000);
    const dark = await waitFor('the highlight redrawn in the dark theme', async () => {
      const colours = await drawnColours();
      return colours.highlight !== light.highlight && isDark(colours.editor) ? colours : undefined;
    }, 30_000);
    assert.notEqual(dark.highlight, light.highlight, 'the highlights have colours of their own in each theme');
    await readmeScreenshot('reading-view-dark');

    // High Contrast: each kind has its own underline style, not only its own colour
    await config().update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
    await waitFor('a high-contrast workbench', () => evaluateInWorkbench<boolean>(`document.querySelector('.monaco-workbench').classList.contains('hc-black')`), 20_000);
    const styles = await waitFor('four underline styles drawn', async () => {
      // the underlines are drawn on Monaco's overlay elements as well as inline ones: every decoration element counts
      const drawn = new Set(await evaluateInWorkbench<string[]>(`[...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].map((e) => getComputedStyle(e).borderBottomStyle)`));
      return ['solid', 'dashed', 'dotted', 'double'].every((style) => drawn.has(style)) ? [...drawn] : undefined;
    }, 30_000);
    assert.ok(styles.includes('double'));
  });
});
