// Annotating in a real VS Code: create by command in both views (stored against source offsets), edit, delete, undo,
// overlaps, following edits in the plain editor, re-anchoring after the file changed on disk, orphans, and a reload.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import { articleRecordKey, STATE_KEY } from '../../src/core/annotations/schemaVersions';
import { annotatorApi, closeAllEditors, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { openPlainEditor, openReadingView } from './articleEditors';
import { pressKeys, renderedDecorations, waitForQuickInputRows, workbenchAvailable } from './harness/workbench';

const TEXT = [
  'date 2022-05-10 Harbour council approves a new ferry line',
  '',
  'Marta Lindqvist, the mayor of Port Elsby, said on Tuesday that the Harbour Council had approved the new ferry line.',
  '',
  'The Elsby Ferry Company will run it from June, Lindqvist said, calling the vote "a good day for the islands".',
  '',
].join('\n');

const RELOAD_TEXT = 'date 2022-06-01 Bridge repairs begin in Norhaven\n\nWorkers from Kestrel Engineering started repairs on the old stone bridge on Monday.\n';
const RELOAD_NOTE = 'Checked against the **council minutes**';

async function annotate(args: Record<string, unknown>): Promise<Annotation> {
  const created = await vscode.commands.executeCommand<Annotation | undefined>('articleAnnotator.annotateSelection', args);
  assert.ok(created, `annotateSelection returned an annotation for ${JSON.stringify(args)}`);
  return created;
}

describe('annotations', function () {
  this.timeout(60_000);
  let uri: vscode.Uri;
  const key = 'seeds/annotations-ferry.txt';

  before(async () => {
    uri = writeArticle('annotations-ferry.txt', TEXT);
    await annotatorApi();
  });
  afterEach(closeAllEditors);

  it('creates an annotation by command in the plain editor, stored against source offsets with a quote', async () => {
    const api = await annotatorApi();
    await openPlainEditor(uri);
    const span = spanOf(TEXT, 'Marta Lindqvist');
    const created = await annotate({ uri: uri.toString(), ...span, label: 'person', note: 'The mayor' });
    assert.equal(created.article, key);
    assert.deepEqual(created.position, span);
    assert.equal(created.quote.exact, 'Marta Lindqvist');
    assert.equal(created.quote.suffix.startsWith(', the mayor'), true);
    assert.equal(created.label, 'person');
    assert.equal(created.note, 'The mayor');
    assert.equal(created.status, 'anchored');
    assert.deepEqual(api.annotations.get(created.id), created);
    await api.annotations.flush();
    const stored = api.annotations.storage.get(articleRecordKey(key)) as { schemaVersion: number; annotations: Annotation[] };
    assert.equal(stored.schemaVersion, 2);
    assert.ok((api.annotations.storage.get(STATE_KEY) as { articles: string[] }).articles.includes(key), 'the index lists the article');
    assert.ok(stored.annotations.some((a) => a.id === created.id));
  });

  it('shows the same annotation in the reading view and creates one there from a selection', async () => {
    const api = await annotatorApi();
    // the first test's annotation; made here when this test runs alone (a GREP selecting it)
    const existing = api.annotations.forArticle(key).find((a) => a.quote.exact === 'Marta Lindqvist') ?? (await annotate({ uri: uri.toString(), ...spanOf(TEXT, 'Marta Lindqvist'), label: 'person', note: 'The mayor' }));
    const editor = await openReadingView(uri);
    const drawn = await waitFor('the annotation drawn in the reading view', () => api.annotationDecorator.decorationsOf(editor).find((d) => d.id === existing.id));
    assert.equal(editor.document.getText(drawn.range), 'Marta Lindqvist');

    // Select "Port Elsby" in the reading view and annotate it with no span arguments: offsets are mapped to the source.
    const viewText = editor.document.getText();
    const at = viewText.indexOf('Port Elsby');
    assert.ok(at >= 0);
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + 'Port Elsby'.length));
    const created = await annotate({ label: 'place' });
    assert.deepEqual(created.position, spanOf(TEXT, 'Port Elsby'));
    assert.equal(TEXT.slice(created.position.start, created.position.end), 'Port Elsby');

    // And it shows in the plain editor too.
    const plain = await openPlainEditor(uri);
    const inPlain = await waitFor('the reading-view annotation drawn in the plain editor', () => api.annotationDecorator.decorationsOf(plain).find((d) => d.id === created.id));
    assert.equal(plain.document.getText(inPlain.range), 'Port Elsby');
  });

  it('renders annotation decorations in the workbench, in the label colour', async function () {
    if (!workbenchAvailable()) this.skip();
    const api = await annotatorApi();
    const editor = await openPlainEditor(uri);
    await waitFor('decorations', () => api.annotationDecorator.decorationsOf(editor).length >= 2 || undefined);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    editor.revealRange(new vscode.Range(0, 0, 4, 0), vscode.TextEditorRevealType.AtTop);
    // person is #2563eb = rgb(37, 99, 235) in the default label schema.
    let seen: unknown = [];
    const rendered = await waitFor(
      'a rendered annotation underline in the person colour',
      async () => {
        const all = await renderedDecorations();
        seen = all.map((d) => `${d.text} | ${d.textDecoration} | ${d.before}`);
        return all.find((d) => d.textDecoration.includes('underline') && d.textDecoration.includes('rgb(37, 99, 235)'));
      },
      30_000,
    ).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; rendered: ${JSON.stringify(seen).slice(0, 1500)}`);
    });
    assert.match(rendered.text, /Marta|Lindqvist/);
  });

  it('edits the label and note, shows them in the hover, deletes, and undoes the delete', async () => {
    const api = await annotatorApi();
    // its own annotation, so that the test also runs alone (a GREP selecting it); removed at the end
    await openPlainEditor(uri);
    const target = await annotate({ uri: uri.toString(), ...spanOf(TEXT, 'Marta Lindqvist'), label: 'person', note: 'The mayor' });
    const edited = await vscode.commands.executeCommand<Annotation>('articleAnnotator.editAnnotation', { id: target.id, label: 'quote', note: 'Mayor **since 2019** <img src=x onerror=alert(1)> [run](command:workbench.action.quit) [a [b] c](file:///etc/passwd) [minutes](https://example.org/minutes)' });
    assert.equal(edited.label, 'quote');
    assert.equal(api.annotations.get(target.id)?.note.includes('since 2019'), true);
    assert.ok(edited.modified >= target.modified);

    const editor = await openPlainEditor(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(target.position.start + 2));
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')));
    const joined = markdown.join('\n');
    assert.match(joined, /\*\*quote\*\* annotation/);
    assert.match(joined, /since 2019/);
    assert.match(joined, /command:articleAnnotator\.editAnnotation/);
    assert.doesNotMatch(joined, /<img/, 'HTML in a note is escaped');
    assert.doesNotMatch(joined, /\]\(command:workbench/, 'a command link in a note is disarmed');
    assert.doesNotMatch(joined, /\]\(file:/, 'a file link with brackets nested in its label is disarmed');
    assert.match(joined, /\[minutes\]\(https:\/\/example\.org\/minutes\)/, 'a web link stays a link');

    const removed = await vscode.commands.executeCommand<Annotation | undefined>('articleAnnotator.deleteAnnotation', { id: target.id });
    assert.equal(removed?.id, target.id);
    assert.equal(api.annotations.get(target.id), undefined);
    const undone = await vscode.commands.executeCommand<string | undefined>('articleAnnotator.undoAnnotationChange');
    assert.ok(undone, 'something was undone');
    assert.equal(api.annotations.get(target.id)?.label, 'quote');
    await api.annotations.remove(target.id);
  });

  it('editing interactively keeps the current label when the label pick is accepted as it opens', async function () {
    if (!workbenchAvailable()) this.skip();
    const api = await annotatorApi();
    await openPlainEditor(uri);
    const created = await annotate({ uri: uri.toString(), ...spanOf(TEXT, 'Elsby Ferry Company'), label: 'claim', note: 'Runs from June' });
    const editing = vscode.commands.executeCommand<Annotation | undefined>('articleAnnotator.editAnnotation', { id: created.id });
    const [active = ''] = await waitForQuickInputRows();
    assert.match(active, /^claim\b/, 'the current label is the active item');
    await pressKeys('Enter');
    const edited = await editing;
    assert.equal(edited?.label, 'claim');
    assert.equal(api.annotations.get(created.id)?.label, 'claim');
    // the note is then edited in place in its comment thread, opened for it (no one-line input box)
    const thread = api.noteComments.threadsNow().find((t) => t.annotationId === created.id);
    assert.equal(thread?.thread.collapsibleState, vscode.CommentThreadCollapsibleState.Expanded);
    assert.deepEqual(thread?.comments.map((c) => c.body), ['Runs from June']);
    await api.annotations.remove(created.id);
  });

  it('offers the article\'s annotations, nearest first, when Delete Annotation runs with the cursor on none', async function () {
    if (!workbenchAvailable()) this.skip();
    const api = await annotatorApi();
    const editor = await openPlainEditor(uri);
    const near = await annotate({ uri: uri.toString(), ...spanOf(TEXT, 'a good day'), label: 'quote' });
    const far = await annotate({ uri: uri.toString(), ...spanOf(TEXT, 'Marta Lindqvist'), label: 'person' });
    const cursor = editor.document.positionAt(TEXT.indexOf('calling the vote'));
    editor.selection = new vscode.Selection(cursor, cursor);
    const deleting = vscode.commands.executeCommand('articleAnnotator.deleteAnnotation');
    const [active = ''] = await waitForQuickInputRows();
    assert.match(active, /^quote\b/, 'the nearest annotation is the first choice');
    await pressKeys('Enter');
    await deleting;
    assert.equal(api.annotations.get(near.id), undefined, 'the picked annotation is deleted');
    assert.ok(api.annotations.get(far.id), 'the other one stays');
    await api.annotations.remove(far.id);
  });

  it('draws overlapping and nested annotations on separate levels', async () => {
    const api = await annotatorApi();
    const editor = await openPlainEditor(uri);
    const outer = await annotate({ uri: uri.toString(), ...spanOf(TEXT, 'The Elsby Ferry Company will run it'), label: 'claim' });
    const inner = await annotate({ uri: uri.toString(), ...spanOf(TEXT, 'Elsby Ferry Company'), label: 'organization' });
    const crossing = await annotate({ uri: uri.toString(), ...spanOf(TEXT, 'run it from June'), label: 'event' });
    const drawn = await waitFor('three stacked annotations', () => {
      const d = api.annotationDecorator.decorationsOf(editor);
      return [outer, inner, crossing].every((a) => d.some((x) => x.id === a.id)) ? d : undefined;
    });
    const level = (id: string): number => drawn.find((d) => d.id === id)?.level ?? -1;
    assert.equal(level(outer.id), 0);
    assert.equal(level(inner.id), 1);
    assert.equal(level(crossing.id), 1, 'the crossing span overlaps the outer one only, after the inner one ended');
    assert.equal(editor.document.getText(drawn.find((d) => d.id === inner.id)!.range), 'Elsby Ferry Company');
  });

  it('follows edits made in the plain editor', async () => {
    const api = await annotatorApi();
    const editor = await openPlainEditor(uri);
    const place = api.annotations.forArticle(key).find((a) => a.quote.exact === 'Port Elsby');
    assert.ok(place);
    const inserted = 'Deputy ';
    const insertAt = editor.document.positionAt(TEXT.indexOf('Marta'));
    assert.ok(await editor.edit((b) => b.insert(insertAt, inserted)));
    const moved = await waitFor('the annotation shifted by the insertion', () => {
      const now = api.annotations.get(place.id);
      return now && now.position.start === place.position.start + inserted.length ? now : undefined;
    });
    assert.equal(editor.document.getText().slice(moved.position.start, moved.position.end), 'Port Elsby');
    assert.equal(moved.status, 'anchored');
    // Typing inside an annotation grows it.
    const inside = editor.document.positionAt(moved.position.start + 'Port'.length);
    assert.ok(await editor.edit((b) => b.insert(inside, ' of')));
    const grown = await waitFor('the annotation grown', () => (api.annotations.get(place.id)?.quote.exact === 'Port of Elsby' ? api.annotations.get(place.id) : undefined));
    assert.equal(grown.position.end - grown.position.start, 'Port of Elsby'.length);
    await editor.document.save();
    await api.annotationTracker.idle();
  });

  it('re-anchors by quote after the file changed on disk behind the editor, keeps orphans and re-attaches them', async () => {
    const api = await annotatorApi();
    await closeAllEditors();
    const onDisk = readFileSync(uri.fsPath, 'utf8');
    const org = api.annotations.forArticle(key).find((a) => a.quote.exact === 'Elsby Ferry Company');
    const place = api.annotations.forArticle(key).find((a) => a.quote.exact === 'Port of Elsby');
    assert.ok(org && place);
    // Another program rewrites the file: a paragraph added at the top moves everything, and "Port of Elsby" is gone.
    const changed = `Update: the vote was unanimous.\n\n${onDisk.replace('Port of Elsby', 'the town')}`;
    writeFileSync(uri.fsPath, changed, 'utf8');
    const report = await new Promise<unknown>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), 15_000);
      const sub = api.annotationTracker.onDidReanchor((r) => {
        if (r.key === key) {
          clearTimeout(timer);
          sub.dispose();
          resolve(r);
        }
      });
    });
    if (!report) await api.annotationTracker.reanchorFile(uri, 'disk'); // no watcher event in time: still the same code path
    const movedOrg = await waitFor('the organization re-found at its new offset', () => {
      const now = api.annotations.get(org.id);
      return now && now.position.start === changed.indexOf('Elsby Ferry Company') ? now : undefined;
    });
    assert.equal(movedOrg.status, 'anchored');
    assert.equal(changed.slice(movedOrg.position.start, movedOrg.position.end), 'Elsby Ferry Company');
    const orphan = await waitFor('the place orphaned, not dropped', () => (api.annotations.get(place.id)?.status === 'orphaned' ? api.annotations.get(place.id) : undefined));
    assert.equal(orphan.quote.exact, 'Port of Elsby');
    assert.ok(api.annotations.orphans().some((a) => a.id === place.id), 'listed among the orphans');

    // Re-attach it to "the town".
    const span = spanOf(changed, 'the town');
    const attached = await vscode.commands.executeCommand<Annotation>('articleAnnotator.reattachOrphan', { id: place.id, uri: uri.toString(), ...span });
    assert.equal(attached.status, 'anchored');
    assert.deepEqual(attached.position, span);
    assert.equal(attached.quote.exact, 'the town');
    assert.equal(api.annotations.get(place.id)?.status, 'anchored');
  });

  it('re-anchors an open, unmodified plain editor when the file changes on disk', async () => {
    const api = await annotatorApi();
    const editor = await openPlainEditor(uri);
    const org = api.annotations.forArticle(key).find((a) => a.quote.exact === 'Elsby Ferry Company');
    assert.ok(org);
    const before = editor.document.getText();
    const changed = before.replace('Update: the vote was unanimous.', 'Update: the vote was unanimous, eleven to nil, after a long debate.');
    writeFileSync(uri.fsPath, changed, 'utf8');
    await waitFor('the editor reloaded from disk', () => editor.document.getText() === changed || undefined, 20_000);
    const moved = await waitFor('the annotation re-found in the reloaded text', () => {
      const now = api.annotations.get(org.id);
      return now && now.position.start === changed.indexOf('Elsby Ferry Company') ? now : undefined;
    });
    assert.equal(moved.status, 'anchored');
  });

  it('sets up an annotation to check after a window reload', async () => {
    const api = await annotatorApi();
    const reloadUri = writeArticle('annotations-reload.txt', RELOAD_TEXT);
    for (const a of api.annotations.forArticle('seeds/annotations-reload.txt')) await api.annotations.remove(a.id);
    await annotate({ uri: reloadUri.toString(), ...spanOf(RELOAD_TEXT, 'Kestrel Engineering'), label: 'organization', note: RELOAD_NOTE });
    await api.annotations.flush();
  });

  it('@after-reload keeps annotations across a window reload and draws them again', async () => {
    const api = await annotatorApi();
    const kept = api.annotations.forArticle('seeds/annotations-reload.txt');
    assert.equal(kept.length, 1, `annotations after the reload: ${JSON.stringify(kept)}`);
    const [annotation] = kept;
    assert.equal(annotation!.label, 'organization');
    assert.equal(annotation!.note, RELOAD_NOTE);
    assert.deepEqual(annotation!.position, spanOf(RELOAD_TEXT, 'Kestrel Engineering'));
    assert.ok(api.annotations.forArticle('seeds/annotations-ferry.txt').length >= 4, 'the other test article kept its annotations too');
    const editor = await openReadingView(writeArticleUriOnly('annotations-reload.txt'));
    const drawn = await waitFor('the kept annotation drawn', () => api.annotationDecorator.decorationsOf(editor).find((d) => d.id === annotation!.id));
    assert.equal(editor.document.getText(drawn.range), 'Kestrel Engineering');
  });
});

function writeArticleUriOnly(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, 'seeds', name);
}
