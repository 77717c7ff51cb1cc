// Lifecycle of the extension in a real VS Code: what activation costs, where the NLP pipeline is loaded, what is
// forgotten when documents close, and how bad settings and vanished files are handled.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AnalysisService } from '../../src/extension/analysisService';
import { analysisWorkerPath, nodeAnalysisHost } from '../../src/extension/platform/nodeAnalysisHost';
import { annotatorApi, closeAllEditors, waitFor, writeArticle } from './annotationTestKit';
import { completeDecorations, decorationsOf, openPlainEditor, openReadingView } from './articleEditors';

const EXTENSION_ID = 'article-annotator.article-annotator';

/**
 * Lets go of a bundle this test loaded: out of require's cache and out of the `children` of every module that required
 * it (Node keeps both). A copy left behind stays on the extension host's heap for the rest of the suite (each copy of
 * the pipeline bundle holds its lexicons and model: 9-13 MB), and every later collection of the whole heap walks it.
 */
function forgetModule(file: string): void {
  const loaded = require.cache[file];
  delete require.cache[file];
  if (!loaded) return;
  for (const holder of [module, ...Object.values(require.cache)]) {
    const at = holder?.children.indexOf(loaded) ?? -1;
    if (at >= 0) holder!.children.splice(at, 1);
  }
}

/** Loads a fresh copy of a bundle (the extension's own copy stays in place) and returns how long that took. */
function freshLoadMillis(file: string): number {
  const original = require.cache[file];
  delete require.cache[file];
  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(file);
  const millis = performance.now() - started;
  forgetModule(file);
  if (original) require.cache[file] = original;
  return millis;
}

/**
 * VS Code keeps a document the extension opened for up to 3 minutes after its editor closed, or until 50 newer ones
 * were opened; opening 60 small files makes it let go now, as a long session would.
 */
async function releaseClosedDocuments(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  const dir = path.join(folder.uri.fsPath, 'lifecycle-fillers');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 60; i++) {
    const file = path.join(dir, `filler-${i}.md`);
    writeFileSync(file, `filler ${i}\n`);
    await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  }
}

function extensionRoot(): vscode.Uri {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error('the extension is not loaded');
  return extension.extensionUri;
}

describe('lifecycle', function () {
  this.timeout(90_000);
  // One channel for the whole suite: channels are identified by name, so disposing one closes its namesakes too.
  let log: vscode.LogOutputChannel;
  before(() => {
    log = vscode.window.createOutputChannel('Article Annotator lifecycle test', { log: true });
  });
  after(() => log.dispose());

  it('activates without loading the NLP pipeline on the extension host (activation time reported)', async () => {
    const api = await annotatorApi();
    const root = extensionRoot().fsPath;
    const bundle = path.join(root, 'dist', 'extension.js');
    const pipeline = path.join(root, 'dist', 'analysisWorker.js');
    // Best of three, both in this run: the machine is shared, so only the ratio between them means something.
    const bundleMillis = Math.min(freshLoadMillis(bundle), freshLoadMillis(bundle), freshLoadMillis(bundle));
    const pipelineMillis = Math.min(freshLoadMillis(pipeline), freshLoadMillis(pipeline), freshLoadMillis(pipeline));
    console.log(`      activate() took ${api.activationMillis.toFixed(0)} ms; loading extension.js ${bundleMillis.toFixed(1)} ms, the pipeline bundle ${pipelineMillis.toFixed(1)} ms`);
    assert.ok(bundleMillis < pipelineMillis / 2, `loading the extension bundle (${bundleMillis.toFixed(1)} ms) must not include the pipeline (${pipelineMillis.toFixed(1)} ms)`);
  });

  it('the in-process fallback loads the pipeline on demand and finds entities', async () => {
    const service = new AnalysisService(nodeAnalysisHost(analysisWorkerPath(extensionRoot())), log, () => ({}), false);
    try {
      const text = 'Marta Lindqvist flew from Oslo to Madrid on Monday to meet officials of the World Health Organization.';
      const analysis = await service.analyze('fallback-test', text, {});
      assert.ok(analysis, 'the in-process engine produced a result');
      const names = analysis.entities.map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
      assert.ok(names.includes('place:Oslo') && names.includes('place:Madrid'), `entities: ${names.join(', ')}`);
      assert.equal(service.lastRun('fallback-test')?.inWorker, false);
      assert.equal(service.usesWorker, false);
    } finally {
      service.dispose();
      // the extension itself runs the pipeline in its worker: the copy loaded for this test goes
      forgetModule(analysisWorkerPath(extensionRoot()));
    }
  });

  it('an engine that cannot be loaded ends the job with nothing, not a hang or a throw', async () => {
    const service = new AnalysisService(nodeAnalysisHost(path.join(extensionRoot().fsPath, 'dist', 'no-such-worker.js')), log, () => ({}));
    try {
      const result = await Promise.race([service.analyze('missing-engine', 'Anna Berg lives in Oslo.', {}), new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 20_000))]);
      assert.equal(result, undefined);
      assert.equal(service.usesWorker, false);
    } finally {
      service.dispose();
    }
  });

  it('forgets the analysis and the reading-view styling of an article when its last document closes', async () => {
    const api = await annotatorApi();
    const uri = writeArticle('lifecycle-close.txt', 'OSLO 2021-03-04\n\nIngrid Solberg met Tomas Vik in Bergen on Tuesday.\n');
    const editor = await openReadingView(uri);
    const viewUri = editor.document.uri;
    await completeDecorations(viewUri);
    const key = 'seeds/lifecycle-close.txt';
    assert.ok(api.analysis.current(key), 'analysed while open');
    assert.ok(api.readingViewStyler.applied.has(viewUri.toString()), 'styled while open');
    await closeAllEditors();
    await releaseClosedDocuments();
    await waitFor('the reading view document to close', () => editor.document.isClosed);
    await waitFor('the analysis to be forgotten', () => api.analysis.current(key) === undefined && api.analysis.lastRun(key) === undefined);
    assert.equal(api.readingViewStyler.applied.has(viewUri.toString()), false, 'styling state forgotten');
  });

  it('a document closed while its analysis runs leaves no result behind', async () => {
    const api = await annotatorApi();
    const paragraph = (i: number): string => `Minister Karin Dahl${i} visited Tromsø and Narvik with delegates from the Nordic Fisheries Council on Friday ${i}.`;
    const uri = writeArticle('lifecycle-running.txt', `BERGEN 2021-05-06\n\n${Array.from({ length: 3000 }, (_, i) => paragraph(i)).join('\n\n')}\n`);
    const editor = await openReadingView(uri);
    const key = 'seeds/lifecycle-running.txt';
    await waitFor('the analysis to start', () => api.analysis.current(key) !== undefined || editor.document.getText().length > 0);
    await closeAllEditors();
    await releaseClosedDocuments();
    await waitFor('the reading view document to close', () => editor.document.isClosed);
    // Longer than the analysis would take to finish and post its result.
    for (let i = 0; i < 30; i++) {
      assert.equal(api.analysis.current(key), undefined, 'no result kept for a closed article');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});

describe('settings with bad values', function () {
  this.timeout(90_000);
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('articleAnnotator');
  const reset = async (): Promise<void> => {
    for (const key of ['articleGlobs', 'labels', 'reanalyzeDelay']) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
  };
  afterEach(async () => {
    await reset();
    await closeAllEditors();
  });

  it('an unbalanced glob is left out with a message; the other globs still make articles', async () => {
    const api = await annotatorApi();
    await config().update('articleGlobs', ['**/*.{txt', '**/seeds/*.txt'], vscode.ConfigurationTarget.Workspace);
    await waitFor('the settings snapshot to change', () => api.settings.settings.articleGlobs.length === 1);
    assert.deepEqual(api.settings.settings.articleGlobs, ['**/seeds/*.txt']);
    assert.ok(api.settings.settings.problems.some((p) => p.includes('**/*.{txt')), `problems: ${api.settings.settings.problems.join(' | ')}`);
    const uri = writeArticle('lifecycle-globs.txt', 'OSLO 2021-03-04\n\nIngrid Solberg met Tomas Vik in Bergen on Tuesday.\n');
    await openPlainEditor(uri);
    const decorations = await completeDecorations(uri);
    assert.ok(decorations.kinds.place.length > 0, 'the seed is still highlighted in the plain editor');
  });

  it('values of the wrong shape fall back to defaults, each named in a message', async () => {
    const api = await annotatorApi();
    await config().update('articleGlobs', '**/seeds/*.txt', vscode.ConfigurationTarget.Workspace);
    await config().update('labels', [{ name: 'claim', color: 'teal' }, { color: '#ff0000' }, 'quote'], vscode.ConfigurationTarget.Workspace);
    await config().update('reanalyzeDelay', -5, vscode.ConfigurationTarget.Workspace);
    await waitFor('the settings snapshot to change', () => api.settings.settings.reanalyzeDelay === 300 && api.settings.settings.labels.length === 2);
    const { settings } = api.settings;
    assert.deepEqual(settings.articleGlobs, ['**/seeds/*.txt']);
    assert.deepEqual(settings.labels.map((l) => l.name), ['claim', 'quote']);
    assert.equal(settings.labels[0]?.color, '#0891b2', 'a label with a bad colour gets its default colour');
    const problems = settings.problems.join(' | ');
    for (const expected of ['articleGlobs', '"claim"', 'no name', 'reanalyzeDelay']) assert.ok(problems.includes(expected), `a problem about ${expected}: ${problems}`);
  });

  it('a file that stops matching the article globs loses its highlights', async () => {
    const api = await annotatorApi();
    const uri = writeArticle('lifecycle-unmatched.txt', 'OSLO 2021-03-04\n\nIngrid Solberg met Tomas Vik in Bergen on Tuesday.\n');
    await openPlainEditor(uri);
    await completeDecorations(uri);
    await config().update('articleGlobs', ['**/no-such-folder/*.txt'], vscode.ConfigurationTarget.Workspace);
    await waitFor('the settings snapshot to change', () => api.settings.settings.articleGlobs[0] === '**/no-such-folder/*.txt');
    await waitFor('the highlights to be removed', async () => (await decorationsOf(uri)) === undefined);
  });
});

describe('source file renamed', function () {
  this.timeout(60_000);
  after(closeAllEditors);

  it('annotations and the article date follow a file renamed in VS Code', async () => {
    const api = await annotatorApi();
    const text = 'Ingrid Solberg met Tomas Vik in Bergen on Tuesday.\n';
    const oldUri = writeArticle('lifecycle-rename-before.txt', text);
    const newUri = vscode.Uri.joinPath(oldUri, '..', 'lifecycle-rename-after.txt');
    const created = await api.annotations.create({ article: 'seeds/lifecycle-rename-before.txt', text, start: 0, end: 14, label: 'person' });
    await api.annotations.setArticleDate('seeds/lifecycle-rename-before.txt', '2021-03-04');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(oldUri, newUri, { overwrite: true });
    assert.equal(await vscode.workspace.applyEdit(edit), true, 'the rename was applied');
    await waitFor('the annotation to follow the rename', () => api.annotations.forArticle('seeds/lifecycle-rename-after.txt').length === 1);
    assert.equal(api.annotations.forArticle('seeds/lifecycle-rename-before.txt').length, 0, 'nothing left under the old name');
    assert.equal(api.annotations.get(created.id)?.article, 'seeds/lifecycle-rename-after.txt');
    await waitFor('the article date to follow', () => api.annotations.articleDate('seeds/lifecycle-rename-after.txt') === '2021-03-04');
    assert.equal(api.annotations.articleDate('seeds/lifecycle-rename-before.txt'), undefined);
  });
});
