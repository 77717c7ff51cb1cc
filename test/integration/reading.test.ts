// The reading view: seeds shown as paragraphs with a header, bad files explained, the source never modified.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openReadingView, SEED_000, SEED_003, waitFor, workspaceUri } from './articleEditors';

async function bytesOf(relative: string): Promise<Buffer> {
  return Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(relative)));
}

function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
}

describe('reading view', function () {
  this.timeout(60_000);
  before(activateExtension);
  after(closeAllEditors);

  it('shows seed 000 (one 9,465-character line) as paragraphs with its run-in subheadings on their own lines', async () => {
    const before = await bytesOf(SEED_000);
    assert.equal(new TextDecoder().decode(before).split('\n').filter((l) => l.trim() !== '').length, 1, 'the seed is one line on disk');
    const editor = await openReadingView(SEED_000);
    const text = editor.document.getText();
    const paragraphs = paragraphsOf(text);
    assert.ok(paragraphs.length >= 10, `expected many paragraphs, got ${paragraphs.length}`);
    for (const heading of ['Afghan defense minister curses fleeing president', 'American flag is down at U.S. embassy in Kabul']) {
      assert.ok(paragraphs.includes(heading), `"${heading}" is a paragraph of its own; paragraphs: ${JSON.stringify(paragraphs.slice(0, 40))}`);
    }
    // No paragraph is the whole article any more.
    assert.ok(Math.max(...paragraphs.map((p) => p.length)) < 3000, 'paragraphs are readable lengths');
    const after = await bytesOf(SEED_000);
    assert.deepEqual(after, before, 'viewing never modifies the source file');
    assert.equal(editor.document.isDirty, false);
  });

  it('recognises the licence sentence of seed 000 and names its source in the header', async () => {
    const editor = await openReadingView(SEED_000);
    const text = editor.document.getText();
    const licence = 'All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.';
    // the title is made from the first sentence, so the body's copy of it is the one after the header
    const firstBody = text.indexOf('Taliban forces are assuming control', text.indexOf('\n\n'));
    assert.ok(firstBody > 0, 'the body starts after a header');
    const header = text.slice(0, firstBody);
    assert.match(header, /Mehr News Agency/, `the header names the source: ${header}`);
    assert.match(header, /Creative Commons Attribution 4\.0/i, `the header names the licence: ${header}`);
    assert.match(header, /no dateline|date unknown|not dated|no date/i, `the header says the article has no date: ${header}`);
    assert.ok(paragraphsOf(text).includes(licence) || header.includes('Creative Commons'), 'the licence sentence is kept');
  });

  it('shows seed 003 with its date header and headline apart, and the body as paragraphs', async () => {
    const before = await bytesOf(SEED_003);
    const editor = await openReadingView(SEED_003);
    const text = editor.document.getText();
    const paragraphs = paragraphsOf(text);
    assert.ok(
      paragraphs.some((p) => p === 'Taliban militants are pouring into Kabul from all sides as the US Embassy is evacuated.' || p.endsWith('\nTaliban militants are pouring into Kabul from all sides as the US Embassy is evacuated.') || p.startsWith('Taliban militants are pouring into Kabul from all sides as the US Embassy is evacuated.\n')),
      `the headline is on its own line: ${JSON.stringify(paragraphs.slice(0, 5))}`,
    );
    assert.match(text.slice(0, text.indexOf('Taliban fighters are said')), /2021-08-15|15 August 2021|August 15, 2021/, 'the header shows the dateline');
    assert.ok(paragraphs.includes('Taliban fighters are said to have penetrated the outskirts of Kabul, Afghanistan’s capital.'));
    assert.equal(editor.document.languageId, 'article');
    assert.deepEqual(await bytesOf(SEED_003), before, 'viewing never modifies the source file');
  });

  it('titles the tab after the file and marks it as an article', async () => {
    const editor = await openReadingView(SEED_003);
    assert.equal(editor.document.uri.scheme, 'article');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab, 'an active tab');
    assert.equal(tab.label, '003_cf56c5e4736b5965.txt — Article');
  });

  it('follows the source file when it changes on disk', async () => {
    const copy = 'seeds/zz_reading_follow.txt';
    const original = await bytesOf(SEED_003);
    await vscode.workspace.fs.writeFile(workspaceUri(copy), original);
    try {
      const editor = await openReadingView(copy);
      assert.ok(!editor.document.getText().includes('A paragraph added on disk'));
      const added = new TextEncoder().encode(`${new TextDecoder().decode(original)}\n\nA paragraph added on disk about Lisbon.\n`);
      await vscode.workspace.fs.writeFile(workspaceUri(copy), added);
      await waitFor('the reading view to show the new paragraph', () => editor.document.getText().includes('A paragraph added on disk about Lisbon.'), 15_000);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(workspaceUri(copy));
    }
  });

  it('dates a wire dateline without a year from the weekday of its lead, and says so in the header', async () => {
    const copy = 'seeds/zz_reading_wire.txt';
    const text = 'Ferry fares rise\n\nBERGEN, March 3 (Wirecorp) - The harbour council on Monday voted to raise ferry fares.\n\nCrews were pleased.\n';
    await vscode.workspace.fs.writeFile(workspaceUri(copy), new TextEncoder().encode(text));
    try {
      const editor = await openReadingView(copy);
      const header = await waitFor('the header with the dateline', () => editor.document.getText().split('\n').find((l) => l.includes('year from')));
      // the latest March 3 on a Monday, not after the file was written
      const year = Number(/Monday, 3 March (\d{4}) \(year from the weekday in the lead\)/.exec(header)?.[1]);
      assert.ok(year >= 2014 && year <= new Date().getUTCFullYear(), header);
      assert.equal(new Date(Date.UTC(year, 2, 3)).getUTCDay(), 1, 'March 3 of that year is a Monday');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(workspaceUri(copy));
    }
  });

  it('explains binary and empty files instead of showing them, and leaves them untouched', async () => {
    const binary = 'notes/picture.txt';
    const empty = 'notes/empty.md';
    const binaryBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await vscode.workspace.fs.writeFile(workspaceUri(binary), binaryBytes);
    await vscode.workspace.fs.writeFile(workspaceUri(empty), new Uint8Array());
    try {
      const binaryView = await openReadingView(binary);
      assert.match(binaryView.document.getText(), /cannot be shown as an article: .*binary/);
      assert.match(binaryView.document.getText(), /has not been changed/);
      const emptyView = await openReadingView(empty);
      assert.match(emptyView.document.getText(), /cannot be shown as an article: .*empty/);
      assert.deepEqual(await bytesOf(binary), Buffer.from(binaryBytes));
      assert.equal((await bytesOf(empty)).length, 0);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(workspaceUri('notes'), { recursive: true });
    }
  });

  it('refuses a file over the size limit without reading it, and says so when the source file is deleted', async () => {
    const huge = 'notes/huge.txt';
    const gone = 'notes/gone.txt';
    // 21 MB of prose-like text: over the 20 MB article limit
    const line = Buffer.from('The harbour council met again on Tuesday to discuss the ferry timetable.\n');
    await vscode.workspace.fs.writeFile(workspaceUri(huge), Buffer.concat(Array.from({ length: Math.ceil((21 * 1024 * 1024) / line.length) }, () => line)));
    await vscode.workspace.fs.writeFile(workspaceUri(gone), Buffer.from('Ferry route approved\n\nThe council approved the route.\n'));
    try {
      const hugeView = await openReadingView(huge);
      assert.match(hugeView.document.getText(), /cannot be shown as an article: the file is 2\d(\.\d)? MB; articles larger than 20(\.0)? MB are not opened/);
      const goneView = await openReadingView(gone);
      assert.match(goneView.document.getText(), /The council approved the route\./);
      await vscode.workspace.fs.delete(workspaceUri(gone));
      await waitFor('the reading view to say the file is gone', () => goneView.document.getText().includes('does not exist (any more)'), 15_000);
      assert.match(goneView.document.getText(), /annotations are kept/);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(workspaceUri('notes'), { recursive: true });
    }
  });

  it('opens the reading view of the active plain editor when run without arguments', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(SEED_003)));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('articleAnnotator.openAsArticle');
    assert.equal(editor.document.uri.scheme, 'article');
    assert.equal(vscode.Uri.parse(editor.document.uri.query).path, workspaceUri(SEED_003).path);
  });
});
