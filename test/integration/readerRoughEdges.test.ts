// Rough edges a new user meets: note threads (note and replies) show notes through the hovers' sanitiser, and the
// Entities view's mention rows never start with the `date …` header marker. Invented article text.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import { sanitiseNoteMarkdown } from '../../src/core/markdown/noteMarkdown';
import type { EntitiesTreeNode } from '../../src/extension/entitiesTree';
import type { NoteComment, NoteThreadInfo } from '../../src/extension/noteComments';
import { annotatorApi, closeAllEditors, spanOf, waitFor, workspaceUri, writeArticle } from './annotationTestKit';
import { openReadingView } from './articleEditors';
import { waitForWorkbench, workbenchAvailable } from './harness/workbench';

const NOTES_TEXT = 'date 2024-04-09 Ferry timetable changes\n\nThe spring timetable adds a late crossing on Fridays, the operator said.\n';
const HOSTILE_NOTE = 'See [the timetable](command:workbench.action.quit) and <img src=x onerror=alert(1)> **bold**';
const HOSTILE_REPLY = 'Agreed [again](command:workbench.action.quit) <b>raw</b>';

const HEADLINE_KEY = 'seeds/reader-headline.txt';
const HEADLINE_TEXT = 'date 2024-06-01 Jacinda Ardern opens the harbour festival\n\nJacinda Ardern opened the harbour festival in Wellington on Saturday. Ardern thanked the volunteers.\n';

describe('reader rough edges', function () {
  this.timeout(120_000);
  after(async () => {
    await closeAllEditors();
    // other suites count the workspace's articles and entities
    for (const name of ['reader-notes.txt', 'reader-headline.txt']) rmSync(workspaceUri(`seeds/${name}`).fsPath, { force: true });
  });

  async function threadOf(id: string, where: (t: NoteThreadInfo) => boolean): Promise<NoteThreadInfo> {
    const api = await annotatorApi();
    return waitFor(`the note thread of ${id}`, async () => {
      await api.noteComments.settled();
      return api.noteComments.threadsNow().find((t) => t.annotationId === id && where(t));
    });
  }

  it('note threads show the note and its replies through the same sanitiser as the hover; editing shows what was written', async () => {
    const api = await annotatorApi();
    const uri = writeArticle('reader-notes.txt', NOTES_TEXT);
    await closeAllEditors();
    await openReadingView(uri);
    const annotation = (await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { uri: uri.toString(), ...spanOf(NOTES_TEXT, 'late crossing'), label: 'claim', note: HOSTILE_NOTE }))!;
    try {
      let thread = await threadOf(annotation.id, () => true);
      await vscode.commands.executeCommand('articleAnnotator.notes.reply', { thread: thread.thread, text: HOSTILE_REPLY });
      thread = await threadOf(annotation.id, (t) => t.comments.length === 2);
      assert.deepEqual(thread.comments.map((c) => c.body), [sanitiseNoteMarkdown(HOSTILE_NOTE), sanitiseNoteMarkdown(HOSTILE_REPLY)]);
      for (const c of thread.comments) {
        assert.doesNotMatch(c.body, /\]\(command:/, 'no command link survives');
        assert.doesNotMatch(c.body, /<(img|b)\b/, 'no HTML survives');
      }
      const markdown = thread.thread.comments.map((c) => c.body as vscode.MarkdownString);
      assert.ok(markdown.every((m) => m.isTrusted === false && m.supportHtml === false), 'untrusted, no HTML');
      // the stored note is what the user wrote; editing shows it, not the escaped Markdown
      assert.equal(api.annotations.get(annotation.id)?.note, HOSTILE_NOTE);
      const reply = thread.thread.comments[1] as NoteComment;
      await vscode.commands.executeCommand('articleAnnotator.notes.edit', reply);
      assert.equal(reply.body, HOSTILE_REPLY);
      await vscode.commands.executeCommand('articleAnnotator.notes.cancelEdit', reply);
      assert.equal((thread.thread.comments[1]!.body as vscode.MarkdownString).value, sanitiseNoteMarkdown(HOSTILE_REPLY));
      if (!workbenchAvailable()) return;
      thread.thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
      const links = await waitForWorkbench<{ text: string; links: string[] }>(`(() => {
        const w = [...document.querySelectorAll('.review-widget')].find((e) => e.innerText.includes('Agreed'));
        return w ? { text: w.innerText, links: [...w.querySelectorAll('a[href], a[data-href]')].map((a) => a.getAttribute('href') || a.getAttribute('data-href')) } : undefined;
      })()`, { timeoutMs: 20_000 });
      assert.ok(!links.links.some((l) => /^command:/i.test(l)), `no command link rendered: ${links.links.join(', ')}`);
      assert.ok(links.text.includes('(command:workbench.action.quit)'), `the link shows as text: ${links.text}`);
    } finally {
      await api.annotations.remove(annotation.id);
    }
  });

  it('an Entities-view mention in the headline reads from the headline, without the `date …` header marker', async () => {
    const api = await annotatorApi();
    writeArticle('reader-headline.txt', HEADLINE_TEXT);
    const index = api.workspaceIndex;
    await waitFor('the headline article indexed with Jacinda Ardern', () => index.corpus.mentionsOf('Jacinda Ardern', 'person').some((m) => m.article === HEADLINE_KEY && m.start === HEADLINE_TEXT.indexOf('Jacinda')), 60_000);
    await index.whenIdle();
    await vscode.commands.executeCommand('articleAnnotator.showWorkspaceEntities');
    await vscode.commands.executeCommand('articleAnnotator.filterEntities', 'ardern');
    try {
      const tree = api.entitiesTree;
      const ardern = await waitFor('Jacinda Ardern in the Entities view', () =>
        tree.getChildren().flatMap((n) => (n.kind === 'kind' ? n.entities : [])).find((e): e is Extract<EntitiesTreeNode, { kind: 'entity' }> => e.kind === 'entity' && e.name === 'Jacinda Ardern'), 20_000);
      const article = tree.getChildren(ardern).find((a): a is Extract<EntitiesTreeNode, { kind: 'article' }> => a.kind === 'article' && a.key === HEADLINE_KEY);
      assert.ok(article, 'the headline article under the entity');
      const rows = tree.getChildren(article).map((m) => tree.getTreeItem(m));
      const labels = rows.map((r) => (r.label as vscode.TreeItemLabel).label);
      assert.ok(labels.length >= 2, labels.join(' | '));
      const first = labels[0]!;
      assert.ok(first.startsWith('Jacinda Ardern opens the harbour festival'), first);
      for (const label of labels) assert.doesNotMatch(label, /date 2024|2024-06-01/, label);
      const highlight = (rows[0]!.label as vscode.TreeItemLabel).highlights![0]!;
      assert.equal(first.slice(highlight[0], highlight[1]), 'Jacinda Ardern');
      // the body's first mention keeps to its own paragraph: no words of the headline before it
      assert.ok(labels.some((l) => l.startsWith('Jacinda Ardern opened the harbour festival in')), labels.join(' | '));
      assert.ok(!labels.some((l) => /festival Jacinda/.test(l)), labels.join(' | '));
    } finally {
      await vscode.commands.executeCommand('articleAnnotator.clearEntitiesFilter');
    }
  });
});
