// Notes through VS Code's comment UI: a note is a comment thread on its span in the reading view (multi-line Markdown),
// replies and edits in place are store changes (Undo covers them), and the Comments panel lists notes of closed articles.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import type { NoteComment, NoteThreadInfo } from '../../src/extension/noteComments';
import { annotatorApi, closeAllEditors, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { openReadingView } from './articleEditors';
import { screenshot, waitForWorkbench, workbenchAvailable } from './harness/workbench';

const TEXT = [
  'date 2023-03-14 Lighthouse keepers return to Skarvik',
  '',
  'The Skarvik lighthouse will be staffed again from April, the coastal authority said on Monday.',
  '',
  'Keepers left the island in 1998 when the light was automated.',
  '',
].join('\n');
const NOTE = 'Checked with the **harbour log**\n\n- staffing from April\n- second line of the note';

describe('notes as comments', function () {
  this.timeout(90_000);
  let uri: vscode.Uri;
  let annotation: Annotation;

  before(async () => {
    uri = writeArticle('notes-lighthouse.txt', TEXT);
    await annotatorApi();
  });
  after(closeAllEditors);

  async function threadOf(id: string, where: (t: NoteThreadInfo) => boolean = () => true): Promise<NoteThreadInfo> {
    const api = await annotatorApi();
    return waitFor(`the note thread of ${id}`, async () => {
      await api.noteComments.settled();
      return api.noteComments.threadsNow().find((t) => t.annotationId === id && where(t));
    });
  }

  it('shows a multi-line Markdown note as a comment thread on its span in the reading view', async () => {
    await closeAllEditors();
    const editor = await openReadingView(uri);
    annotation = (await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { uri: uri.toString(), ...spanOf(TEXT, 'Skarvik lighthouse'), label: 'claim', note: NOTE }))!;
    const thread = await threadOf(annotation.id, (t) => t.uri === editor.document.uri.toString());
    assert.equal(editor.document.getText(thread.range), 'Skarvik lighthouse');
    assert.equal(thread.label, 'claim: “Skarvik lighthouse”');
    assert.deepEqual(thread.comments.map((c) => [c.author, c.body]), [['Note', NOTE]]);
    if (!workbenchAvailable()) return;
    thread.thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    const shown = await waitForWorkbench<string>(`[...document.querySelectorAll('.review-widget')].map((w) => w.innerText).find((t) => t.includes('harbour log') && t.includes('second line of the note'))`);
    assert.ok(!shown.includes('**'), `Markdown rendered, not shown raw: ${shown}`);
    await screenshot('note-thread');
  });

  it('takes replies and edits in place as store changes, undone by Undo Annotation Change', async () => {
    const api = await annotatorApi();
    let thread = await threadOf(annotation.id);
    await vscode.commands.executeCommand('articleAnnotator.notes.reply', { thread: thread.thread, text: 'The authority confirmed it by phone.' });
    assert.deepEqual(api.annotations.get(annotation.id)?.replies?.map((r) => r.body), ['The authority confirmed it by phone.']);
    thread = await threadOf(annotation.id, (t) => t.comments.length === 2);
    assert.deepEqual(thread.comments.map((c) => c.author), ['Note', 'Reply']);

    // edit in place: the note's comment switches to editing, its body is changed there and saved
    const noteComment = thread.thread.comments[0] as NoteComment;
    await vscode.commands.executeCommand('articleAnnotator.notes.edit', noteComment);
    assert.equal(thread.thread.comments[0]!.mode, vscode.CommentMode.Editing);
    noteComment.body = 'Corrected: staffed from **May**\nnot April';
    await vscode.commands.executeCommand('articleAnnotator.notes.saveEdit', noteComment);
    assert.equal(api.annotations.get(annotation.id)?.note, 'Corrected: staffed from **May**\nnot April');
    thread = await threadOf(annotation.id, (t) => t.comments[0]?.body.startsWith('Corrected') === true);
    assert.equal(thread.comments[0]!.mode, vscode.CommentMode.Preview);
    assert.equal(thread.comments.length, 2, 'the reply stays');

    await vscode.commands.executeCommand('articleAnnotator.undoAnnotationChange');
    assert.equal(api.annotations.get(annotation.id)?.note, NOTE);
    await threadOf(annotation.id, (t) => t.comments[0]?.body === NOTE);

    // deleting the reply leaves the note
    const reply = (await threadOf(annotation.id)).thread.comments[1] as NoteComment;
    await vscode.commands.executeCommand('articleAnnotator.notes.delete', reply);
    assert.equal(api.annotations.get(annotation.id)?.replies, undefined);
    await threadOf(annotation.id, (t) => t.comments.length === 1);
  });

  it('Add Note opens an empty thread on an annotation without one; the first text saved becomes its note', async () => {
    const api = await annotatorApi();
    const bare = (await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { uri: uri.toString(), ...spanOf(TEXT, 'coastal authority'), label: 'organization' }))!;
    assert.equal(bare.note, '');
    const opened = await vscode.commands.executeCommand<vscode.CommentThread | undefined>('articleAnnotator.addNote', bare.id);
    assert.ok(opened, 'a thread was opened');
    assert.equal(opened.comments.length, 0);
    assert.equal(opened.collapsibleState, vscode.CommentThreadCollapsibleState.Expanded);
    await vscode.commands.executeCommand('articleAnnotator.notes.save', { thread: opened, text: 'Runs every lighthouse on this coast.\nSecond line.' });
    assert.equal(api.annotations.get(bare.id)?.note, 'Runs every lighthouse on this coast.\nSecond line.');
    await threadOf(bare.id, (t) => t.comments.length === 1 && t.comments[0]!.author === 'Note');
  });

  it('lists the notes of a closed article in the Comments panel, on its source file', async () => {
    await closeAllEditors();
    const thread = await threadOf(annotation.id, (t) => t.uri === uri.toString());
    const { start, end } = spanOf(TEXT, 'Skarvik lighthouse');
    const lines = TEXT.split('\n');
    assert.equal(lines[thread.range.start.line]!.slice(thread.range.start.character, thread.range.end.character), 'Skarvik lighthouse');
    assert.equal(TEXT.slice(start, end), 'Skarvik lighthouse');
    if (!workbenchAvailable()) return;
    await vscode.commands.executeCommand('workbench.action.focusCommentsPanel');
    // maximized, so the list (virtualised: rows out of view are not in the page) shows both threads of this article
    // below the notes other suites left on their articles
    await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
    try {
      const panel = await waitForWorkbench<string>(`(() => { const p = [...document.querySelectorAll('.comments-panel, [id="workbench.panel.comments"]')].map((e) => e.innerText).join('\\n'); return p.includes('harbour log') && p.includes('notes-lighthouse.txt') && p.includes('Runs every lighthouse') ? p : undefined; })()`);
      assert.match(panel, /Runs every lighthouse/);
      await screenshot('notes-comments-panel');
    } finally {
      await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
      await vscode.commands.executeCommand('workbench.action.closePanel'); // later tests measure the editor's height
    }
  });
});
