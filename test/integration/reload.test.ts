// What the user set survives a window reload: the article date of seed 000 (header and date hovers) and a lexicon
// rejection (highlights and hovers).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LexiconEntry } from '../../src/core/nlp/analysisModel';
import { annotatorApi, closeAllEditors, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { completeDecorations, decorationsOf, type EditorDecorations, openPlainEditor, openReadingView, SEED_000, workspaceUri } from './articleEditors';

const DATE = '2021-08-16';
const LEXICON_TEXT = 'date 2023-06-01 Harbour news\n\nOfficials from Tallinn and Riga met in Vilnius on Friday to talk about ferries.\n';
const LEXICON_FILE = 'reload-lexicon.txt';

function named(d: EditorDecorations | undefined, text: string): boolean {
  return d !== undefined && (['person', 'place', 'organization'] as const).some((k) => d.kinds[k].some((s) => s.text === text));
}

async function hoverText(editor: vscode.TextEditor, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
  return hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c))).join('\n');
}

describe('window reload', function () {
  this.timeout(90_000);
  after(closeAllEditors);

  it('sets the date of seed 000 and rejects an entity, to check after a window reload', async () => {
    const api = await annotatorApi();
    assert.equal(await vscode.commands.executeCommand('articleAnnotator.setArticleDate', workspaceUri(SEED_000), DATE), DATE);
    const uri = writeArticle(LEXICON_FILE, LEXICON_TEXT);
    const editor = await openPlainEditor(uri);
    await waitFor('Riga highlighted before it is rejected', async () => named(await decorationsOf(editor.document.uri), 'Riga'), 60_000);
    const entry = await vscode.commands.executeCommand<LexiconEntry>('articleAnnotator.rejectEntity', { uri: uri.toString(), ...spanOf(LEXICON_TEXT, 'Riga') });
    assert.deepEqual(entry, { text: 'Riga', action: 'reject' });
    await api.annotationTracker.idle();
    await closeAllEditors();
  });

  it('@after-reload seed 000 keeps the date the user set: header and date hovers use it', async () => {
    const api = await annotatorApi();
    assert.equal(api.annotations.articleDate(SEED_000), DATE);
    const editor = await openReadingView(SEED_000);
    assert.match(editor.document.lineAt(1).text, /^Monday, 16 August 2021 \(set by you\)/, editor.document.lineAt(1).text);
    const d = await completeDecorations(editor.document.uri);
    const weekday = d.kinds.date.find((s) => /^(?:on )?(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)$/i.test(s.text));
    assert.ok(weekday, `a weekday in seed 000: ${d.kinds.date.map((s) => s.text).join(' | ')}`);
    const text = await hoverText(editor, weekday.start + 1);
    assert.match(text, /Resolved relative to the date you set for this article, Monday, 16 August 2021/, text);
    assert.doesNotMatch(text, /no dateline/);
    await vscode.commands.executeCommand('articleAnnotator.setArticleDate', workspaceUri(SEED_000), '');
  });

  it('@after-reload a rejected entity stays rejected: not highlighted, no entity hover', async () => {
    const api = await annotatorApi();
    assert.ok(api.annotations.lexicon.some((e) => e.text === 'Riga' && e.action === 'reject'), JSON.stringify(api.annotations.lexicon));
    const editor = await openPlainEditor(workspaceUri(`seeds/${LEXICON_FILE}`));
    const d = await waitFor('the other places highlighted', async () => {
      const x = await decorationsOf(editor.document.uri);
      return x?.complete && (named(x, 'Tallinn') || named(x, 'Vilnius')) ? x : undefined;
    }, 60_000);
    assert.ok(!named(d, 'Riga'), `Riga is not highlighted: ${JSON.stringify(d.kinds)}`);
    const text = await hoverText(editor, LEXICON_TEXT.indexOf('Riga') + 1);
    assert.doesNotMatch(text, /\*\*(Person|Place|Organization)\*\*/, text);
    await api.annotations.removeLexiconEntry('Riga');
  });
});
