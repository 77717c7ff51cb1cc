// Corrections as a reader expects them: a type change applies to every surface form of the same entity, listed for a
// yes first; messages say "an organization"; the undo puts every form back. Invented article text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LexiconEntry } from '../../src/core/nlp/analysisModel';
import { undoLexiconEntries } from '../../src/extension/commands/rejectEntity';
import { annotatorApi, restoreAfterCorrections, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { completeDecorations, openReadingView } from './articleEditors';
import { pressKeys, waitForQuickInputRows, waitForWorkbench, workbenchAvailable } from './harness/workbench';

const NAME = 'reader-corrections.txt';
const TEXT = 'date 2024-07-01 Harbour accord signed\n\nMark Tennerby of the Harbour Council signed the accord in Ottawa on Monday. Tennerby said the council would meet again in May. Fishermen welcomed it.\n';

describe('reader corrections', function () {
  this.timeout(120_000);
  let uri: vscode.Uri;
  const lexiconBefore = restoreAfterCorrections([NAME]);

  before(() => {
    uri = writeArticle(NAME, TEXT);
  });

  it('a type change lists every form of the entity first, then applies to all of them; the undo puts each back', async () => {
    const api = await annotatorApi();
    const reading = await openReadingView(uri);
    await waitFor('Mark Tennerby and Tennerby highlighted as a person', async () => {
      const people = (await completeDecorations(reading.document.uri)).kinds.person.map((s) => s.text);
      return people.includes('Mark Tennerby') && people.includes('Tennerby');
    }, 60_000);
    const short = spanOf(TEXT, 'Tennerby said');
    const args = { uri: uri.toString(), start: short.start, end: short.start + 'Tennerby'.length, type: 'organization' };
    let entry: LexiconEntry | undefined;
    if (workbenchAvailable()) {
      // without an answer given, the forms are listed (all ticked) before anything changes
      const asking = vscode.commands.executeCommand<LexiconEntry | undefined>('articleAnnotator.changeEntityType', args);
      const shown = await waitForWorkbench<string>(`(() => { const w = document.querySelector('.quick-input-widget'); return w && w.style.display !== 'none' && w.innerText.includes('Mark Tennerby') ? w.innerText : ''; })()`, { timeoutMs: 20_000 });
      assert.match(shown, /Make “Tennerby” an organization in every article/, shown);
      assert.ok(!api.annotations.lexicon.some((e) => e.text.includes('Tennerby')), 'nothing changed while the list is shown');
      await waitForQuickInputRows();
      await pressKeys('Enter');
      entry = await asking;
    } else {
      entry = await vscode.commands.executeCommand<LexiconEntry>('articleAnnotator.changeEntityType', { ...args, forms: 'all' });
    }
    assert.deepEqual(entry, { text: 'Tennerby', action: 'retype', type: 'organization' });
    const before = new Map(lexiconBefore().map((e) => [e.text, e]));
    assert.deepEqual(api.annotations.lexicon.filter((e) => e.text.includes('Tennerby')).map((e) => `${e.text}:${e.type}`).sort(), ['Mark Tennerby:organization', 'Tennerby:organization']);
    await waitFor('both forms shown as an organization', async () => {
      const d = await completeDecorations(reading.document.uri);
      const orgs = d.kinds.organization.map((s) => s.text);
      return orgs.includes('Mark Tennerby') && orgs.includes('Tennerby') && !d.kinds.person.some((s) => s.text.includes('Tennerby'));
    }, 60_000);
    await undoLexiconEntries(api.annotations, [['Tennerby', before.get('Tennerby')], ['Mark Tennerby', before.get('Mark Tennerby')]]);
    assert.ok(!api.annotations.lexicon.some((e) => e.text.includes('Tennerby')), 'both forms are back to what the analysis finds');
    await waitFor('both forms a person again', async () => {
      const people = (await completeDecorations(reading.document.uri)).kinds.person.map((s) => s.text);
      return people.includes('Mark Tennerby') && people.includes('Tennerby');
    }, 60_000);
  });

  it('says "an organization" where a type follows "a"', async () => {
    const reading = await openReadingView(uri);
    const view = reading.document.getText();
    const at = view.indexOf('Fishermen');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', reading.document.uri, new vscode.Range(reading.document.positionAt(at), reading.document.positionAt(at + 'Fishermen'.length)));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Mark “Fishermen” as an organization in every article'), titles.join(' | '));
    assert.ok(titles.includes('Mark “Fishermen” as a person in every article'), titles.join(' | '));
    assert.ok(!titles.some((t) => / a organization/.test(t)));
  });
});
