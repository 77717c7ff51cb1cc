// "Adjust Entity Span": an entity's boundaries fixed to the selection (shrink a too-long span, extend a cut name), from
// the quick fixes of the plain editor and from Ctrl+. in the reading view; what is highlighted and hovered afterwards,
// in every article and in the workspace index, and the undo. Invented article text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { undoLexiconEntry } from '../../src/extension/commands/rejectEntity';
import { annotatorApi, closeAllEditors, restoreAfterCorrections, spanOf, waitFor, workspaceUri, writeArticle } from './annotationTestKit';
import { completeDecorations, openPlainEditor, openReadingView } from './articleEditors';
import { pressKeys, waitForQuickInputRows, workbenchAvailable } from './harness/workbench';

const NAME = 'adjust-span.txt';
const KEY = `seeds/${NAME}`;
const OTHER = 'adjust-span-other.txt';
const TEXT = 'date 2024-03-05 Harbour plan goes ahead\n\nCouncillor Jora Tamsin said on Tuesday the harbour plan would go ahead. Abu Bakr al-Tamsini of the Wenmouth ferry trust disagreed. Later Jora Tamsin met the trust, and Abu Bakr left early.\n';
const OTHER_TEXT = 'date 2024-03-09 Ferry trust elects a chair\n\nThe Wenmouth ferry trust elected Abu Bakr al-Tamsini as its chair on Friday.\n';

interface PackageJson {
  contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string }[]> };
}

async function hoverAt(editor: vscode.TextEditor, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** The people highlighted in the editor, as `text@sourceStart`. */
async function people(editor: vscode.TextEditor): Promise<string[]> {
  return (await completeDecorations(editor.document.uri)).kinds.person.map((s) => `${s.text}@${s.sourceStart}`);
}

describe('adjust entity span', function () {
  this.timeout(180_000);
  let uri: vscode.Uri;
  const lexiconBefore = restoreAfterCorrections([NAME, OTHER]);

  before(() => {
    uri = writeArticle(NAME, TEXT);
    writeArticle(OTHER, OTHER_TEXT);
  });

  it('is a palette command and, over a selection that overlaps an entity, in the context menu', () => {
    const pkg = vscode.extensions.getExtension('article-annotator.article-annotator')!.packageJSON as PackageJson;
    assert.equal(pkg.contributes.commands.find((c) => c.command === 'articleAnnotator.adjustEntitySpan')?.title, 'Adjust Entity Span (remember in lexicon)');
    assert.match(pkg.contributes.menus.commandPalette!.find((m) => m.command === 'articleAnnotator.adjustEntitySpan')?.when ?? '', /activeEditorIsArticle/);
    assert.match(pkg.contributes.menus['editor/context']!.find((m) => m.command === 'articleAnnotator.adjustEntitySpan')?.when ?? '', /selectionOnEntity/);
  });

  it('shrinks a too-long span in the plain editor from its quick fix: highlight and hover follow, the undo puts it back', async () => {
    const api = await annotatorApi();
    // an earlier correction made the span too long (the analysis itself leaves titles out)
    await api.annotations.setLexicon([...lexiconBefore(), { text: 'Councillor Jora Tamsin', action: 'accept', type: 'person' }]);
    const plain = await openPlainEditor(uri);
    const long = spanOf(TEXT, 'Councillor Jora Tamsin');
    await waitFor('“Councillor Jora Tamsin” highlighted as a person', async () => (await people(plain)).includes(`Councillor Jora Tamsin@${long.start}`), 60_000);

    const name = spanOf(TEXT, 'Jora Tamsin');
    plain.selection = new vscode.Selection(plain.document.positionAt(name.start), plain.document.positionAt(name.end));
    await waitFor('the context key of a selection over an entity', () => api.cursorContext.state.selectionOnEntity);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plain.document.uri, plain.selection);
    const adjust = actions.find((a) => a.title.startsWith('Adjust “Councillor Jora Tamsin” to “Jora Tamsin”'));
    assert.ok(adjust?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(adjust.isPreferred, true, 'the fix a selection asks for is the preferred one');
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    await vscode.commands.executeCommand(adjust.command.command, ...(adjust.command.arguments ?? []));
    assert.deepEqual(api.annotations.lexicon.find((e) => e.text === 'Jora Tamsin'), { text: 'Jora Tamsin', action: 'accept', type: 'person' });

    await waitFor('“Jora Tamsin” highlighted without the title, both mentions', async () => {
      const now = await people(plain);
      return now.includes(`Jora Tamsin@${name.start}`) && now.includes(`Jora Tamsin@${spanOf(TEXT, 'Jora Tamsin', 1).start}`) && !now.some((p) => p.startsWith('Councillor')) ? now : undefined;
    }, 60_000);
    const hover = await hoverAt(plain, name.start + 2);
    assert.match(hover, /\*\*Person\*\* · Jora Tamsin\n/, hover);
    assert.match(hover, /Mentioned \*\*2\*\* times in this article/, hover);
    assert.doesNotMatch(hover, /· Councillor Jora Tamsin/);
    // the hover over "Councillor" finds nothing any more
    assert.doesNotMatch(await hoverAt(plain, long.start + 2), /\*\*Person\*\*/);

    await undoLexiconEntry(api.annotations, 'Jora Tamsin', undefined);
    await waitFor('the too-long span back after the undo', async () => (await people(plain)).includes(`Councillor Jora Tamsin@${long.start}`), 60_000);
  });

  it('extends a cut name from Ctrl+. in the reading view, in every article and in the workspace index', async function () {
    const api = await annotatorApi();
    await api.annotations.setLexicon(lexiconBefore());
    await closeAllEditors();
    const reading = await openReadingView(uri);
    const cut = spanOf(TEXT, 'Abu Bakr');
    await waitFor('the cut name “Abu Bakr” highlighted as a person', async () => (await people(reading)).includes(`Abu Bakr@${cut.start}`), 60_000);
    const full = spanOf(TEXT, 'Abu Bakr al-Tamsini');
    const view = reading.document.getText();
    const at = view.indexOf('Abu Bakr al-Tamsini');
    reading.selection = new vscode.Selection(reading.document.positionAt(at), reading.document.positionAt(at + 'Abu Bakr al-Tamsini'.length));
    await waitFor('the context key of a selection over an entity', () => api.cursorContext.state.selectionOnEntity);

    const title = 'Adjust “Abu Bakr” to “Abu Bakr al-Tamsini” (person, in every article)';
    if (workbenchAvailable()) {
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await pressKeys('Control+Period');
      const rows = await waitForQuickInputRows((r) => r.length > 2);
      assert.ok(rows[0]!.startsWith(title), `the preferred fix first, where Enter picks it: ${rows.join(' | ')}`);
      await pressKeys('Enter');
    } else {
      // without the page to press keys in, the same code action the list shows, run as the list runs it
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', reading.document.uri, reading.selection);
      const adjust = actions.find((a) => a.title === title);
      assert.ok(adjust?.command, actions.map((a) => a.title).join(' | '));
      await vscode.commands.executeCommand(adjust.command.command, ...(adjust.command.arguments ?? []));
    }
    await waitFor('the lexicon entry for the whole name', () => api.annotations.lexicon.some((e) => e.text === 'Abu Bakr al-Tamsini' && e.action === 'accept' && e.type === 'person'), 20_000);
    const later = spanOf(TEXT, 'Abu Bakr', 1);
    await waitFor('the whole name highlighted in the reading view, the later bare mention kept', async () => {
      const now = await people(reading);
      return now.includes(`Abu Bakr al-Tamsini@${full.start}`) && now.includes(`Abu Bakr@${later.start}`) && !now.includes(`Abu Bakr@${cut.start}`) ? now : undefined;
    }, 60_000);
    // the later "Abu Bakr" is the same person now: its hover names him in full
    const hover = await hoverAt(reading, view.lastIndexOf('Abu Bakr') + 2);
    assert.match(hover, /\*\*Person\*\* · Abu Bakr al\\?-Tamsini\n/, hover);
    assert.match(hover, /Also written: “Abu Bakr”/, hover);

    // every article: the other one, opened now, and the workspace index, which re-analyses the articles with the name
    const other = await openPlainEditor(workspaceUri(`seeds/${OTHER}`));
    const otherFull = spanOf(OTHER_TEXT, 'Abu Bakr al-Tamsini');
    await waitFor('the whole name highlighted in the other article', async () => (await people(other)).includes(`Abu Bakr al-Tamsini@${otherFull.start}`), 60_000);
    await waitFor('the index holds the whole name in both articles', async () => {
      await api.workspaceIndex.whenIdle();
      const articles = new Set(api.workspaceIndex.corpus.mentionsOf('Abu Bakr al-Tamsini', 'person').map((m) => m.article));
      return articles.has(KEY) && articles.has(`seeds/${OTHER}`);
    }, 60_000);

    await undoLexiconEntry(api.annotations, 'Abu Bakr al-Tamsini', undefined);
    await vscode.window.showTextDocument(reading.document, { preview: false });
    await waitFor('the cut name back after the undo', async () => (await people(reading)).includes(`Abu Bakr@${cut.start}`), 60_000);
  });

  it('explains, and changes nothing, when the selection does not overlap an entity', async () => {
    const api = await annotatorApi();
    const before = api.annotations.lexicon;
    const plan = spanOf(TEXT, 'harbour plan');
    const result = await vscode.commands.executeCommand('articleAnnotator.adjustEntitySpan', { uri: uri.toString(), ...plan });
    assert.equal(result, undefined);
    assert.deepEqual(api.annotations.lexicon, before);
  });
});
