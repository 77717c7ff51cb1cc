// Corrections that teach: reject / change type / accept an automatic entity, remembered in the lexicon and applied at
// once to every open article; code actions on entity spans; label all occurrences; lexicon export and import.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import type { LexiconEntry } from '../../src/core/nlp/analysisModel';
import { annotatorApi, restoreAfterCorrections, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { decorationsOf, type EditorDecorations, workspaceUri } from './articleEditors';
import { undoLexiconEntry } from '../../src/extension/commands/rejectEntity';

const TEXT_A = 'date 2022-03-01 Talks in Berlin\n\nAngela Merkel met officials of the United Nations in Berlin on Monday. Later talks in Berlin were called off.\n';
const TEXT_B = 'date 2022-03-02 More talks\n\nDelegates returned to Berlin on Tuesday, where the United Nations opened a small office.\n';

function texts(d: EditorDecorations | undefined, kind: 'person' | 'place' | 'organization'): string[] {
  return d ? d.kinds[kind].map((s) => s.text) : [];
}

describe('corrections', function () {
  this.timeout(90_000);
  let uriA: vscode.Uri;
  let uriB: vscode.Uri;
  let editorA: vscode.TextEditor;
  let editorB: vscode.TextEditor;
  restoreAfterCorrections();

  before(async () => {
    uriA = writeArticle('corrections-a.txt', TEXT_A);
    uriB = writeArticle('corrections-b.txt', TEXT_B);
    editorA = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriA), { viewColumn: vscode.ViewColumn.One, preview: false });
    editorB = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriB), { viewColumn: vscode.ViewColumn.Two, preview: false });
  });


  it('rejecting an entity removes it from every open article at once and stores it in the lexicon', async () => {
    const api = await annotatorApi();
    const both = await waitFor('Berlin highlighted as a place in both articles', async () => {
      const [a, b] = [await decorationsOf(editorA.document.uri), await decorationsOf(editorB.document.uri)];
      return texts(a, 'place').includes('Berlin') && texts(b, 'place').includes('Berlin') ? [a, b] : undefined;
    }, 60_000);
    assert.ok(both);
    const span = spanOf(TEXT_A, 'Berlin');
    const entry = await vscode.commands.executeCommand<LexiconEntry>('articleAnnotator.rejectEntity', { uri: uriA.toString(), ...span });
    assert.deepEqual(entry, { text: 'Berlin', action: 'reject' });
    assert.ok(api.annotations.lexicon.some((e) => e.text === 'Berlin' && e.action === 'reject'), 'stored in the lexicon');
    assert.ok((api.annotations.lexicon as LexiconEntry[]).some((e) => e.text === 'Berlin'), 'in the stored state');
    await waitFor('Berlin no longer highlighted in either article', async () => {
      const [a, b] = [await decorationsOf(editorA.document.uri), await decorationsOf(editorB.document.uri)];
      return a?.complete && b?.complete && !texts(a, 'place').includes('Berlin') && !texts(b, 'place').includes('Berlin') && texts(a, 'person').length + texts(a, 'organization').length > 0;
    }, 60_000);
  });

  it('the Undo of a correction puts back what the text had before, in every article', async () => {
    const api = await annotatorApi();
    assert.ok(api.annotations.lexicon.some((e) => e.text === 'Berlin' && e.action === 'reject'), 'Berlin was rejected by the previous test');
    await undoLexiconEntry(api.annotations, 'Berlin', undefined);
    assert.ok(!api.annotations.lexicon.some((e) => e.text === 'Berlin'), 'the rejection is gone from the lexicon');
    await waitFor('Berlin highlighted as a place again in both articles', async () => {
      const [a, b] = [await decorationsOf(editorA.document.uri), await decorationsOf(editorB.document.uri)];
      return texts(a, 'place').includes('Berlin') && texts(b, 'place').includes('Berlin');
    }, 60_000);
    // A second correction of the same text is undone to the first one, not to nothing.
    const first: LexiconEntry = { text: 'Berlin', action: 'retype', type: 'organization' };
    await api.annotations.addLexiconEntry(first);
    const entry = await vscode.commands.executeCommand<LexiconEntry>('articleAnnotator.rejectEntity', { uri: uriA.toString(), ...spanOf(TEXT_A, 'Berlin') });
    assert.equal(entry.action, 'reject');
    await undoLexiconEntry(api.annotations, 'Berlin', first);
    assert.deepEqual(api.annotations.lexicon.find((e) => e.text === 'Berlin'), first);
    // Leave Berlin rejected, as the lexicon export test below expects.
    await api.annotations.addLexiconEntry({ text: 'Berlin', action: 'reject' });
  });

  it('changing the type applies to every open article', async () => {
    const api = await annotatorApi();
    const span = spanOf(TEXT_B, 'United Nations');
    await waitFor('United Nations highlighted in B', async () => [...texts(await decorationsOf(editorB.document.uri), 'organization'), ...texts(await decorationsOf(editorB.document.uri), 'place')].includes('United Nations'), 60_000);
    const entry = await vscode.commands.executeCommand<LexiconEntry>('articleAnnotator.changeEntityType', { uri: uriB.toString(), ...span, type: 'person' });
    assert.equal(entry.type, 'person');
    assert.ok(api.annotations.lexicon.some((e) => e.text === 'United Nations' && e.type === 'person'));
    await waitFor('United Nations shown as a person in both articles', async () => {
      const [a, b] = [await decorationsOf(editorA.document.uri), await decorationsOf(editorB.document.uri)];
      return texts(a, 'person').includes('United Nations') && texts(b, 'person').includes('United Nations') && !texts(a, 'organization').includes('United Nations');
    }, 60_000);
  });

  it('accepting an entity makes it an annotation labelled with its type', async () => {
    const api = await annotatorApi();
    await waitFor('Angela Merkel highlighted as a person', async () => texts(await decorationsOf(editorA.document.uri), 'person').includes('Angela Merkel'), 60_000);
    const span = spanOf(TEXT_A, 'Angela Merkel');
    const annotation = await vscode.commands.executeCommand<Annotation>('articleAnnotator.acceptEntity', { uri: uriA.toString(), start: span.start + 2, end: span.start + 3 });
    assert.ok(annotation);
    assert.deepEqual(annotation.position, span);
    assert.equal(annotation.label, 'person');
    assert.equal(annotation.origin, 'entity');
    assert.ok(api.annotations.get(annotation.id));
  });

  it('offers accept / reject / change type as code actions on an entity span', async () => {
    await waitFor('Angela Merkel highlighted', async () => texts(await decorationsOf(editorA.document.uri), 'person').includes('Angela Merkel'), 60_000);
    const span = spanOf(TEXT_A, 'Angela Merkel');
    const range = new vscode.Range(editorA.document.positionAt(span.start + 1), editorA.document.positionAt(span.start + 1));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editorA.document.uri, range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Accept “Angela Merkel”')), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Reject “Angela Merkel”')));
    assert.ok(titles.some((t) => t.startsWith('Change “Angela Merkel” to place')));
    const reject = actions.find((a) => a.title.startsWith('Reject'));
    assert.equal(reject?.command?.command, 'articleAnnotator.rejectEntity');
    assert.deepEqual((reject?.command?.arguments?.[0] as { start: number; end: number }).start, span.start);
  });

  it('labels all occurrences in the article, or in all articles', async () => {
    const api = await annotatorApi();
    const inArticle = await vscode.commands.executeCommand<Annotation[]>('articleAnnotator.labelAllOccurrences', { uri: uriA.toString(), text: 'Berlin', label: 'place', scope: 'article' });
    assert.deepEqual(inArticle.map((a) => a.position.start), [TEXT_A.indexOf('Berlin'), spanOf(TEXT_A, 'Berlin', 1).start, spanOf(TEXT_A, 'Berlin', 2).start]);
    assert.ok(inArticle.every((a) => a.article === 'seeds/corrections-a.txt' && a.label === 'place'));
    const everywhere = await vscode.commands.executeCommand<Annotation[]>('articleAnnotator.labelAllOccurrences', { uri: uriA.toString(), text: 'Berlin', label: 'place', scope: 'workspace' });
    // The three in A already carry the label: only B's is new (other articles in the workspace may mention it too).
    assert.ok(everywhere.some((a) => a.article === 'seeds/corrections-b.txt' && a.position.start === TEXT_B.indexOf('Berlin')));
    assert.ok(!everywhere.some((a) => a.article === 'seeds/corrections-a.txt'));
    assert.equal(api.annotations.forArticle('seeds/corrections-b.txt').filter((a) => a.quote.exact === 'Berlin').length, 1);
    // From a selection, with whole words only: "talks" in A but not inside another word.
    editorA.selection = new vscode.Selection(editorA.document.positionAt(spanOf(TEXT_A, 'talks').start), editorA.document.positionAt(spanOf(TEXT_A, 'talks').end));
    await vscode.window.showTextDocument(editorA.document, vscode.ViewColumn.One);
    const fromSelection = await vscode.commands.executeCommand<Annotation[]>('articleAnnotator.labelAllOccurrences', { label: 'event', scope: 'article' });
    assert.equal(fromSelection.length, 1);
    assert.equal(fromSelection[0]!.quote.exact, 'talks');
  });

  it('exports the lexicon and imports it back into an emptied lexicon', async () => {
    const api = await annotatorApi();
    const target = workspaceUri('exports/lexicon.json');
    const exported = await vscode.commands.executeCommand<{ entries: number }>('articleAnnotator.exportLexicon', { target: target.toString() });
    assert.equal(exported.entries, api.annotations.lexicon.length);
    const file = JSON.parse(readFileSync(target.fsPath, 'utf8')) as { entries: LexiconEntry[] };
    assert.ok(file.entries.some((e) => e.text === 'Berlin' && e.action === 'reject'));
    const before = api.annotations.lexicon;
    await api.annotations.setLexicon([]);
    const imported = await vscode.commands.executeCommand<{ imported: number; problems: string[] }>('articleAnnotator.importLexicon', { file: target.toString() });
    assert.equal(imported.imported, before.length);
    assert.deepEqual([...api.annotations.lexicon].sort((a, b) => a.text.localeCompare(b.text)), [...before].sort((a, b) => a.text.localeCompare(b.text)));
    const bad = writeArticle('../exports/not-a-lexicon.json', '[{"text": "", "action": "reject"}, {"text": "X", "action": "explode"}]');
    const refused = await vscode.commands.executeCommand<{ imported: number; problems: string[] }>('articleAnnotator.importLexicon', { file: bad.toString() });
    assert.equal(refused.imported, 0);
    assert.equal(refused.problems.length, 2);
    assert.equal(api.annotations.lexicon.length, before.length, 'a bad file changes nothing');
  });
});
