// Smoke test: the extension under development is loaded into a real VS Code and activates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot, testWorkspaceFolder, workbenchAvailable } from './harness/workbench';

const EXTENSION_ID = 'article-annotator.article-annotator';

describe('smoke', () => {
  it('runs inside a real VS Code', () => {
    console.log(`      VS Code ${vscode.version} (${vscode.env.appName}, ui ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, remote ${vscode.env.remoteName ?? 'none'})`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it('has the extension and activates it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('opens the workspace folder holding the seeds', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'one workspace folder');
    const expected = testWorkspaceFolder();
    if (expected) assert.equal(folders[0]!.uri.path, expected);
    const seeds = await vscode.workspace.findFiles('seeds/*.txt');
    assert.ok(seeds.length >= 2, `seed articles in the workspace: ${seeds.map((u) => u.path).join(', ')}`);
  });

  it('reaches the workbench page', async function () {
    if (!workbenchAvailable()) this.skip();
    const file = await screenshot('smoke-workbench');
    assert.ok(file && file.endsWith('.png'), `screenshot saved: ${file}`);
  });
});
