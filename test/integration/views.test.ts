// The side-bar views through their registered TreeDataProviders (the real ones activate() created): Annotations by
// article, label and annotation with orphans apart; Entities of the current article by kind with mention counts.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import type { AnnotationsTreeNode } from '../../src/extension/annotationsTree';
import type { EntitiesTreeNode } from '../../src/extension/entitiesTree';
import { annotatorApi, closeAllEditors, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { openPlainEditor } from './articleEditors';

const KEY = 'seeds/views-river.txt';
const TEXT = 'date 2021-09-20 Flood warning for the Danube\n\nAuthorities in Vienna issued a flood warning on Sunday. Vienna expects the river to peak on Tuesday, said Karl Huber of the city council.\n';

describe('views', function () {
  this.timeout(90_000);
  let uri: vscode.Uri;
  const created: Annotation[] = [];

  before(async () => {
    const api = await annotatorApi();
    uri = writeArticle('views-river.txt', TEXT);
    for (const a of api.annotations.forArticle(KEY)) await api.annotations.remove(a.id);
    for (const [needle, label] of [
      ['Vienna', 'place'],
      ['flood warning', 'event'],
      ['Karl Huber', 'person'],
    ] as const) {
      created.push(await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { uri: uri.toString(), ...spanOf(TEXT, needle), label, note: '' }));
    }
  });
  after(closeAllEditors);
  after(() => vscode.commands.executeCommand('articleAnnotator.showWorkspaceEntities'));

  it('are contributed in their own activity-bar container, with welcome texts for the empty states', async () => {
    const extension = vscode.extensions.getExtension('article-annotator.article-annotator');
    const contributes = extension?.packageJSON.contributes as { viewsContainers: { activitybar: { id: string }[] }; views: Record<string, { id: string }[]>; viewsWelcome: { view: string }[] };
    assert.ok(contributes.viewsContainers.activitybar.some((c) => c.id === 'articleAnnotator'));
    assert.deepEqual(contributes.views.articleAnnotator?.map((v) => v.id), ['articleAnnotator.annotations', 'articleAnnotator.entities', 'articleAnnotator.quotations', 'articleAnnotator.timeline']);
    assert.ok(contributes.viewsWelcome.some((w) => w.view === 'articleAnnotator.quotations'));
    assert.ok(contributes.viewsWelcome.some((w) => w.view === 'articleAnnotator.annotations'));
    assert.ok(contributes.viewsWelcome.some((w) => w.view === 'articleAnnotator.entities'));
    // Focusing a view fails unless a view with that id is registered.
    await vscode.commands.executeCommand('articleAnnotator.annotations.focus');
  });

  it('Annotations: article, then label, then annotation; a click reveals it', async () => {
    const api = await annotatorApi();
    const tree = api.annotationsTree;
    const roots = tree.getChildren();
    const article = roots.find((n): n is Extract<AnnotationsTreeNode, { kind: 'article' }> => n.kind === 'article' && n.key === KEY);
    assert.ok(article, `article node among ${roots.map((r) => (r.kind === 'article' ? r.key : r.kind)).join(', ')}`);
    assert.equal(tree.getTreeItem(article).label, 'views-river.txt');
    assert.equal(tree.getTreeItem(article).description, '3 · seeds', 'the count and the folder, not the file name again');
    const labels = tree.getChildren(article);
    assert.deepEqual(labels.map((n) => (n.kind === 'label' ? n.label : n.kind)), ['event', 'person', 'place']);
    const person = labels.find((n) => n.kind === 'label' && n.label === 'person')!;
    const [leaf] = tree.getChildren(person);
    assert.ok(leaf && leaf.kind === 'annotation');
    const item = tree.getTreeItem(leaf);
    assert.equal(item.label, 'Karl Huber');
    assert.equal(item.description, '…peak on Tuesday, said Karl Huber of the city council.', 'without a note, the words around it');
    assert.equal(item.contextValue, 'annotation', 'inline edit and delete actions apply');
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await waitFor('the annotation revealed', () => vscode.window.activeTextEditor);
    assert.equal(editor.document.getText(editor.selection), 'Karl Huber');
  });

  it('Annotations: orphans are listed in their own group and re-attachable from there', async () => {
    const api = await annotatorApi();
    await closeAllEditors();
    const person = created.find((a) => a.label === 'person')!;
    const changed = TEXT.replace('Karl Huber', 'a spokesperson');
    writeFileSync(uri.fsPath, changed, 'utf8');
    await api.annotationTracker.reanchorFile(uri, 'disk');
    await waitFor('the person orphaned', () => api.annotations.get(person.id)?.status === 'orphaned');
    const group = api.annotationsTree.getChildren().find((n) => n.kind === 'orphans');
    assert.ok(group, 'an orphans group');
    const orphans = api.annotationsTree.getChildren(group);
    const node = orphans.find((n) => n.kind === 'annotation' && n.annotation.id === person.id);
    assert.ok(node);
    assert.equal(api.annotationsTree.getTreeItem(node).contextValue, 'annotation.orphan');
    // The inline Re-attach action passes the node; the span comes from the editor selection.
    const editor = await openPlainEditor(uri);
    await waitFor('the editor showing the changed file', () => editor.document.getText() === changed, 20_000);
    const span = spanOf(changed, 'a spokesperson');
    editor.selection = new vscode.Selection(editor.document.positionAt(span.start), editor.document.positionAt(span.end));
    const attached = await vscode.commands.executeCommand<Annotation>('articleAnnotator.reattachOrphan', node);
    assert.deepEqual(attached.position, span);
    assert.equal(api.annotationsTree.getChildren().some((n) => n.kind === 'orphans' && n.annotations.some((a) => a.id === person.id)), false);
  });

  it('Entities: kinds, then entities with mention counts for the current article; a click reveals the first mention', async () => {
    const api = await annotatorApi();
    const editor = await openPlainEditor(uri);
    // the current-article mode (the view shows the whole workspace by default)
    await vscode.commands.executeCommand('articleAnnotator.showArticleEntities');
    const tree = api.entitiesTree;
    const roots = await waitFor('entities of the article', () => {
      const nodes = tree.getChildren();
      return nodes.some((n) => n.kind === 'kind' && n.entityKind === 'place' && n.entities.some((e) => e.name === 'Vienna')) ? nodes : undefined;
    }, 60_000);
    const places = roots.find((n): n is Extract<EntitiesTreeNode, { kind: 'kind' }> => n.kind === 'kind' && n.entityKind === 'place')!;
    const vienna = tree.getChildren(places).find((n) => n.kind === 'entity' && n.name === 'Vienna');
    assert.ok(vienna && vienna.kind === 'entity');
    assert.equal(vienna.mentions, 2);
    const item = tree.getTreeItem(vienna);
    assert.equal(item.description, '2 mentions');
    assert.equal(item.contextValue, 'entity');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const shown = vscode.window.activeTextEditor!;
    assert.equal(shown.document.getText(shown.selection), 'Vienna');
    assert.equal(shown.document.offsetAt(shown.selection.start), editor.document.getText().indexOf('Vienna'));
    assert.ok(roots.some((n) => n.kind === 'kind' && n.entityKind === 'date'), 'dates are listed too');
  });
});
