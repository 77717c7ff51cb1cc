// Learning from corrections in the real extension host: a type change of one invented club name types a DIFFERENT,
// similar club name in another article (highlight and hover), the learned table is kept in workspace state beside
// the lexicon, Reset Learned Corrections undoes it, and a broken stored table is backed up rather than misread.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LexiconEntry } from '../../src/core/nlp/analysisModel';
import { LEARNED_CORRECTIONS_KEY } from '../../src/extension/learnedCorrections';
import { annotatorApi, closeAllEditors, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { decorationsOf, type EditorDecorations } from './articleEditors';

// no score in it: with one, the rules already take a club of several words beating another for a team (as in the unit test)
const TEXT_A = 'date 2024-03-02 Kestrels win\n\nOstby Kestrels beat Harrowgate Town on Saturday. Manager Pell Dunmore said the Kestrels deserved it.\n';
const TEXT_B = 'date 2024-03-03 Home defeat\n\nKelvin Kestrels lost at home on Sunday. Their coach Mara Tollis said the squad was tired.\n';
const TEXT_C = 'date 2024-03-04 Harbour fees\n\nThe Tolden harbour board voted on Monday to raise its fees, said its chair Ines Varga.\n';

function texts(d: EditorDecorations | undefined, kind: 'person' | 'place' | 'organization'): string[] {
  return d ? d.kinds[kind].map((s) => s.text) : [];
}

async function hoverText(editor: vscode.TextEditor, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('learning from corrections', function () {
  this.timeout(120_000);
  let uriA: vscode.Uri;
  let editorB: vscode.TextEditor;
  let savedLexicon: readonly LexiconEntry[] = [];

  before(async () => {
    const api = await annotatorApi();
    savedLexicon = api.annotations.lexicon;
    await api.learnedCorrections.reset();
    uriA = writeArticle('learning-club-a.txt', TEXT_A);
    const uriB = writeArticle('learning-club-b.txt', TEXT_B);
    writeArticle('learning-harbour.txt', TEXT_C);
    await closeAllEditors();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriA), { viewColumn: vscode.ViewColumn.One, preview: false });
    editorB = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriB), { viewColumn: vscode.ViewColumn.Two, preview: false });
  });

  after(async () => {
    const api = await annotatorApi();
    await api.annotations.setLexicon(savedLexicon);
    await api.learnedCorrections.reset();
    await closeAllEditors();
  });

  it('a club name made an organization types a similar club name in another article; Reset undoes it', async () => {
    const api = await annotatorApi();
    const kelvin = spanOf(TEXT_B, 'Kelvin Kestrels');
    await waitFor('Kelvin Kestrels highlighted as a person before any correction', async () => texts(await decorationsOf(editorB.document.uri), 'person').includes('Kelvin Kestrels'), 60_000);
    assert.match(await hoverText(editorB, kelvin.start + 2), /\*\*Person\*\*/);

    const index = api.workspaceIndex;
    await waitFor('the three articles in the index', () => ['learning-club-a.txt', 'learning-club-b.txt', 'learning-harbour.txt'].every((f) => index.corpus.articleKeys.some((k) => k.endsWith(f))), 60_000);
    await index.whenIdle();
    const analysedBefore = index.stats.analysed;
    const entry = await vscode.commands.executeCommand<LexiconEntry>('articleAnnotator.changeEntityType', { uri: uriA.toString(), ...spanOf(TEXT_A, 'Ostby Kestrels'), type: 'organization', forms: 'one' });
    assert.equal(entry.type, 'organization');
    // the lexicon holds the exact form only: what changes "Kelvin Kestrels" is what was learned
    assert.ok(!api.annotations.lexicon.some((e) => e.text.includes('Kelvin')));
    await waitFor('a correction learned', () => api.learnedCorrections.corrections >= 1, 60_000);
    const stored = api.annotations.storage.get(LEARNED_CORRECTIONS_KEY) as { corrections?: number } | undefined;
    assert.ok(stored && (stored.corrections ?? 0) >= 1, 'kept in workspace state');

    await waitFor('Kelvin Kestrels highlighted as an organization', async () => {
      const d = await decorationsOf(editorB.document.uri);
      return d?.complete && texts(d, 'organization').includes('Kelvin Kestrels') && !texts(d, 'person').includes('Kelvin Kestrels');
    }, 60_000);
    assert.match(await hoverText(editorB, kelvin.start + 2), /\*\*Organization\*\*/);
    const after = await decorationsOf(editorB.document.uri);
    assert.ok(texts(after, 'person').includes('Mara Tollis'), `the coach is still a person: ${JSON.stringify(after?.kinds)}`);
    // the workspace index analyses again only the articles holding a word the table learned (and the corrected form)
    await index.whenIdle();
    const learnedWords = Object.keys((api.annotations.storage.get(LEARNED_CORRECTIONS_KEY) as { weights: Record<string, unknown> }).weights).filter((f) => f.startsWith('lw=')).map((f) => f.slice(3));
    const holding = index.corpus.articleKeys.filter((key) => learnedWords.some((w) => (index.textOf(key) ?? '').toLowerCase().includes(w)));
    assert.ok(holding.length >= 2 && index.corpus.articleKeys.length > holding.length, `${holding.length} of ${index.corpus.articleKeys.length} articles hold a learned word (${learnedWords.join(', ')})`);
    // (the article holding the corrected form may be analysed twice: for the lexicon's change, then for the table's)
    const holdingForm = index.corpus.articleKeys.filter((key) => (index.textOf(key) ?? '').toLowerCase().includes('ostby kestrels'));
    assert.ok(index.stats.analysed - analysedBefore <= holding.length + holdingForm.length, `analysed again: ${index.stats.analysed - analysedBefore}, articles holding a learned word: ${holding.join(', ')}`);
    assert.equal(index.corpus.mentionsOf('Kelvin Kestrels', 'organization').length, 1, 'the index has the learned type too');

    assert.equal(await vscode.commands.executeCommand<boolean>('articleAnnotator.resetLearnedCorrections', { confirmed: true }), true);
    assert.equal(api.learnedCorrections.corrections, 0);
    assert.equal(api.annotations.storage.get(LEARNED_CORRECTIONS_KEY), undefined);
    await waitFor('Kelvin Kestrels a person again after the reset', async () => {
      const d = await decorationsOf(editorB.document.uri);
      return d?.complete && texts(d, 'person').includes('Kelvin Kestrels');
    }, 60_000);
    assert.match(await hoverText(editorB, kelvin.start + 2), /\*\*Person\*\*/);
    // the exact form stays corrected by the lexicon
    assert.ok(api.annotations.lexicon.some((e) => e.text === 'Ostby Kestrels' && e.type === 'organization'));
  });

  it('a stored table that cannot be read is backed up and reported, and learning starts afresh', async () => {
    const api = await annotatorApi();
    const backups = api.learnedCorrections.corruptState.backups.length;
    await api.annotations.storage.update(LEARNED_CORRECTIONS_KEY, { format: 99, weights: 'broken' });
    await api.learnedCorrections.load();
    assert.equal(api.learnedCorrections.corruptState.backups.length, backups + 1);
    assert.match(api.learnedCorrections.corruptState.backups.at(-1)!.reason, /format 99/);
    assert.equal(api.learnedCorrections.table(), undefined);
    // the broken value stays until something replaces it: a correction learned now
    await vscode.commands.executeCommand('articleAnnotator.changeEntityType', { uri: uriA.toString(), ...spanOf(TEXT_A, 'Ostby Kestrels'), type: 'organization', forms: 'one' });
    await waitFor('the correction learned over the broken value', () => (api.annotations.storage.get(LEARNED_CORRECTIONS_KEY) as { format?: number } | undefined)?.format === 1, 60_000);
  });
});
