// Unsaved edits in a plain editor: the reading view shows the buffer (not the file on disk) so annotations land on the
// same words in both; edit-following keeps annotations right in memory at once but writes workspace state once typing
// pauses, and what it wrote is what a reloaded window finds.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import { articleRecordKey } from '../../src/core/annotations/schemaVersions';
import { annotatorApi, closeAllEditors, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { openReadingView, workspaceUri } from './articleEditors';
import { EDIT_WRITE_DEBOUNCE_MILLIS } from '../../src/extension/annotationTracker';

const TEXT = 'date 2023-02-10 Ferry timetable changes\n\nThe ferry to Ostholm will run twice a day from March. The harbour office said the winter timetable ends early.\n';
const KEY = 'seeds/unsaved-edits.txt';
const TYPING_TEXT = 'date 2023-02-11 Bridge repairs\n\nRepairs to the Vennick bridge start next week, the county engineer said.\n';
const TYPING_KEY = 'seeds/typing-writes.txt';
const TYPED = 50;
const FIRST_KEY_TEXT = 'date 2023-03-02 Pier reopens\n\nThe harbour master opened the pier on Thursday, a day early.\n';
const FIRST_KEY = 'seeds/first-key.txt';

describe('unsaved edits', function () {
  this.timeout(90_000);

  after(async () => {
    await closeAllEditors();
  });

  it('the reading view follows the unsaved text of the plain editor, and an annotation made there is drawn over the same words', async () => {
    const api = await annotatorApi();
    const uri = writeArticle('unsaved-edits.txt', TEXT);
    for (const a of api.annotations.forArticle(KEY)) await api.annotations.remove(a.id);
    await closeAllEditors();
    const document = await vscode.workspace.openTextDocument(uri);
    const reading = await openReadingView(uri);
    // Side by side: the reading view stays visible while the plain editor is typed into.
    const plain = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Two, preview: false });
    assert.equal(reading.document.uri.scheme, 'article');
    assert.ok(reading.document.getText().includes('The ferry to Ostholm'));
    const wholeBefore = api.articleProvider.wholeViewsGiven(reading.document.uri);
    try {
      // Type a new sentence at the start of the body, without saving.
      const inserted = 'Late news: the Ostholm pier reopened on Tuesday. ';
      const bodyStart = TEXT.indexOf('The ferry');
      for (let k = 0; k < inserted.length; k++) {
        await plain.edit((b) => b.insert(plain.document.positionAt(bodyStart + k), inserted[k]!));
      }
      const typed = plain.document.getText();
      assert.ok(typed.includes(inserted + 'The ferry'), typed);
      assert.ok(plain.document.isDirty, 'not saved');
      assert.equal(readFileSync(uri.fsPath, 'utf8'), TEXT, 'the file on disk is unchanged');
      await waitFor('the reading view shows the typed sentence', () => reading.document.getText().includes('the Ostholm pier reopened on Tuesday. The ferry'), 10_000);
      // ...by an edit of what changed: VS Code was not given the whole view again (a megabyte serialised on the extension
      // host, compressed, sent and diffed in the workbench at each pause in typing).
      assert.equal(api.articleProvider.wholeViewsGiven(reading.document.uri), wholeBefore, 'the view followed the typing by an edit, not by its whole text');

      // Annotate "pier reopened" from a selection in the plain editor.
      const span = spanOf(typed, 'pier reopened');
      plain.selection = new vscode.Selection(plain.document.positionAt(span.start), plain.document.positionAt(span.end));
      await vscode.window.showTextDocument(plain.document, vscode.ViewColumn.Two);
      const created = await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { label: 'event', note: '' });
      assert.ok(created);
      assert.deepEqual(created.position, span);
      const inReading = await waitFor('the annotation drawn in the reading view', () => api.annotationDecorator.decorationsOf(reading).find((d) => d.id === created.id));
      assert.equal(reading.document.getText(inReading.range), 'pier reopened');
      const inPlain = await waitFor('the annotation drawn in the plain editor', () => api.annotationDecorator.decorationsOf(plain).find((d) => d.id === created.id));
      assert.equal(plain.document.getText(inPlain.range), 'pier reopened');
    } finally {
      await vscode.window.showTextDocument(plain.document, vscode.ViewColumn.Two);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    // Reverted: the view goes back to the file's text.
    await waitFor('the reading view back to the file text', () => !reading.document.getText().includes('pier reopened'), 10_000);
    for (const a of api.annotations.forArticle(KEY)) await api.annotations.remove(a.id);
  });

  it(`${TYPED} quick edits move an annotation at once but write workspace state only a few times`, async () => {
    const api = await annotatorApi();
    const uri = writeArticle('typing-writes.txt', TYPING_TEXT);
    for (const a of api.annotations.forArticle(TYPING_KEY)) await api.annotations.remove(a.id);
    await closeAllEditors();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const span = spanOf(TYPING_TEXT, 'county engineer');
    const created = await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { uri: uri.toString(), ...span, label: 'person', note: 'who said it' });
    await api.annotationTracker.idle();
    const writesBefore = api.annotations.storage.writes;
    const at = TYPING_TEXT.indexOf('Repairs');
    // When each edit was asked for and when it was done: on a loaded machine one edit's round trip can outlast the
    // typing pause after which moved annotations are written, and each such gap may rightly cost a write.
    const asked: number[] = [];
    const done: number[] = [];
    for (let i = 0; i < TYPED; i++) {
      asked.push(performance.now());
      await editor.edit((b) => b.insert(editor.document.positionAt(at), 'x'));
      done.push(performance.now());
      // Decorations and commands see the moved annotation right away.
      assert.equal(api.annotations.get(created.id)?.position.start, span.start + i + 1, `moved after edit ${i + 1}`);
    }
    const writesWhileTyping = api.annotations.storage.writes - writesBefore;
    // the longest two edits' change events can lie apart is from asking for the first to the second being done
    let pauses = 0;
    for (let i = 1; i < TYPED; i++) if (done[i]! - asked[i - 1]! >= EDIT_WRITE_DEBOUNCE_MILLIS) pauses++;
    const drawn = await waitFor('the moved annotation drawn', () => api.annotationDecorator.decorationsOf(editor).find((d) => d.id === created.id && editor.document.getText(d.range) === 'county engineer'));
    assert.ok(drawn);
    await api.annotationTracker.idle();
    const writes = api.annotations.storage.writes - writesBefore;
    assert.ok(writes >= 1, 'the moved annotation was written');
    // one write once typing paused, and at most one more for each gap between two edits as long as the typing pause
    assert.ok(writes <= pauses + 2, `${TYPED} edits cost ${writes} writes (${writesWhileTyping} while typing, ${pauses} gaps of ${EDIT_WRITE_DEBOUNCE_MILLIS} ms or more between edits)`);
    if (pauses === 0) assert.ok(writesWhileTyping <= 1, `${writesWhileTyping} writes while typing without a pause`);
    const stored = api.annotations.storage.get(articleRecordKey(TYPING_KEY)) as { annotations: Annotation[] };
    assert.deepEqual(stored.annotations.find((a) => a.id === created.id)?.position, { start: span.start + TYPED, end: span.end + TYPED });
    await editor.document.save();
    await closeAllEditors();
  });

  it('the first key typed into a clean article moves its annotations with the edit; a reload from disk finds them by quote', async () => {
    const api = await annotatorApi();
    const uri = writeArticle('first-key.txt', FIRST_KEY_TEXT);
    for (const a of api.annotations.forArticle(FIRST_KEY)) await api.annotations.remove(a.id);
    await closeAllEditors();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const span = spanOf(FIRST_KEY_TEXT, 'harbour master');
    const created = await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { uri: uri.toString(), ...span, label: 'person' });
    await api.annotationTracker.idle();
    const reanchored: string[] = [];
    const listening = api.annotationTracker.onDidReanchor((report) => (report.key === FIRST_KEY ? reanchored.push(report.trigger) : undefined));
    try {
      assert.ok(!editor.document.isDirty, 'a clean document');
      // VS Code reports the first change of a clean document before it reports the document dirty: a keystroke, not
      // a reload from disk, so no whole-text search for every quote in the middle of typing
      assert.ok(await editor.edit((b) => b.insert(editor.document.positionAt(FIRST_KEY_TEXT.indexOf('The')), 'x')));
      assert.deepEqual(api.annotations.get(created.id)?.position, { start: span.start + 1, end: span.end + 1 }, 'moved with the edit at once');
      await api.annotationTracker.idle();
      assert.deepEqual(reanchored, [] as string[], 'not found again by its quote, as after a reload from disk');
      await editor.document.save();
      // the file changed on disk: the clean editor reloads it (a coarse diff), and the annotation is found by its quote
      const changed = `${editor.document.getText().replace('The harbour master', 'Late on Friday the harbour master')}`;
      writeFileSync(uri.fsPath, changed, 'utf8');
      await waitFor('the editor reloaded from disk', () => editor.document.getText() === changed || undefined, 20_000);
      await waitFor('re-anchored after the reload', () => reanchored.includes('disk') || undefined, 20_000);
      await api.annotationTracker.idle();
      assert.deepEqual(api.annotations.get(created.id)?.position, { start: changed.indexOf('harbour master'), end: changed.indexOf('harbour master') + 'harbour master'.length });
    } finally {
      listening.dispose();
      await closeAllEditors();
    }
  });

  it(`@after-reload the annotation moved by ${TYPED} edits is stored where the saved text has it`, async () => {
    const api = await annotatorApi();
    const text = readFileSync(workspaceUri(TYPING_KEY).fsPath, 'utf8');
    assert.ok(text.startsWith(TYPING_TEXT.slice(0, TYPING_TEXT.indexOf('Repairs')) + 'x'.repeat(TYPED) + 'Repairs'), 'the edits were saved');
    const stored = (api.annotations.storage.get(articleRecordKey(TYPING_KEY)) as { annotations: Annotation[] }).annotations;
    assert.equal(stored.length, 1, JSON.stringify(stored));
    assert.equal(text.slice(stored[0]!.position.start, stored[0]!.position.end), 'county engineer');
    assert.equal(stored[0]!.note, 'who said it');
    assert.equal(api.annotations.get(stored[0]!.id)?.status, 'anchored');
  });
});
