// The context keys behind the editor context menu: Edit/Delete Annotation only on an annotation, the entity
// corrections only on an automatic entity; and the Entities view names the article it shows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/annotationModel';
import { annotatorApi, closeAllEditors, spanOf, waitFor, writeArticle } from './annotationTestKit';
import { openPlainEditor } from './articleEditors';

const NAME = 'cursor-harbour.txt';
const TEXT = 'date 2022-03-01 Harbour reopens\n\nThe mayor of Bergen, Ingrid Solvang, reopened the old harbour on Monday after a long repair.\n';

describe('cursor context keys', function () {
  this.timeout(90_000);
  let annotation: Annotation | undefined;

  after(async () => {
    const api = await annotatorApi();
    if (annotation) await api.annotations.remove(annotation.id);
    await closeAllEditors();
  });

  it('say whether the cursor is on an entity or an annotation, and the Entities view names its article', async () => {
    const api = await annotatorApi();
    const uri = writeArticle(NAME, TEXT);
    const editor = await openPlainEditor(uri);
    const put = (needle: string, into = 1): void => {
      const at = editor.document.positionAt(TEXT.indexOf(needle) + into);
      editor.selection = new vscode.Selection(at, at);
    };
    await waitFor('the analysis of the article', () => api.analysis.current(`seeds/${NAME}`)?.complete);

    put('Ingrid Solvang', 3);
    await waitFor('the cursor on an entity', () => api.cursorContext.state.onEntity);
    assert.equal(api.cursorContext.state.onAnnotation, false);

    put('old harbour', 1);
    await waitFor('the cursor off entities', () => !api.cursorContext.state.onEntity);

    annotation = await vscode.commands.executeCommand<Annotation>('articleAnnotator.annotateSelection', { uri: uri.toString(), ...spanOf(TEXT, 'old harbour'), label: 'place', note: '' });
    await waitFor('the cursor on the new annotation', () => api.cursorContext.state.onAnnotation);
    put('long repair', 2);
    await waitFor('the cursor off annotations', () => !api.cursorContext.state.onAnnotation);

    // in its current-article mode (the default mode shows the whole workspace)
    await vscode.commands.executeCommand('articleAnnotator.showArticleEntities');
    try {
      await vscode.commands.executeCommand('articleAnnotator.refreshEntities');
      await waitFor('the Entities view to name the article', () => api.entitiesView.description === NAME);
    } finally {
      await vscode.commands.executeCommand('articleAnnotator.showWorkspaceEntities');
    }
  });
});
