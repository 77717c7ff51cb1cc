// A 1 MB article made from the seeds: the extension host keeps responding while it is analysed, and highlights arrive.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, decorationsOf, openPlainEditor, SEED_000, SEED_003, waitFor, workspaceUri } from './articleEditors';
import { BlockingProbe } from './harness/blockingProbe';

const FILE = 'seeds/zz_performance_1mb.txt';

/** Paragraphs of both seeds, each copy numbered so no two paragraphs are alike (nothing comes from the cache). */
async function megabyteArticle(): Promise<string> {
  const seeds = await Promise.all([SEED_000, SEED_003].map(async (s) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(s)))));
  const paragraphs = seeds.flatMap((s) => s.split(/\n\s*\n|\s{3,}/)).map((p) => p.trim()).filter((p) => p.length > 0);
  const out: string[] = [];
  let size = 0;
  for (let copy = 1; size < 1_000_000; copy++) {
    for (const p of paragraphs) {
      const numbered = `${p} (Report ${copy}.)`;
      out.push(numbered);
      size += numbered.length + 2;
    }
  }
  return out.join('\n\n') + '\n';
}

describe('performance', function () {
  this.timeout(180_000);
  before(activateExtension);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(FILE)).then(undefined, () => undefined);
  });

  it('analyses a 1 MB article without blocking the extension host, visible text first', async () => {
    const text = await megabyteArticle();
    await vscode.workspace.fs.writeFile(workspaceUri(FILE), new TextEncoder().encode(text));
    const probe = new BlockingProbe();
    const started = performance.now();
    let visibleAt = 0;
    let completeAt = 0;
    try {
      const editor = await openPlainEditor(FILE);
      const opened = performance.now() - started;
      const visibleEnd = editor.document.offsetAt(editor.visibleRanges[0]!.end);
      probe.reset();
      await waitFor('highlights in the visible text', async () => {
        const d = await decorationsOf(editor.document.uri);
        const visible = d && Object.values(d.kinds).some((spans) => spans.some((s) => s.end <= visibleEnd));
        if (visible && !visibleAt) visibleAt = performance.now() - started;
        return d?.complete;
      }, 170_000, 20);
      completeAt = performance.now() - started;
      const blockingWhileAnalysing = probe.describe();
      const stats = await vscode.commands.executeCommand<{ millis: number; analysedSlices: number; reusedSlices: number; inWorker: boolean } | undefined>('articleAnnotator.internal.analysisStats', FILE);
      const d = await decorationsOf(editor.document.uri);
      console.log(`      1 MB article: ${text.length.toLocaleString('en')} characters, ${editor.document.lineCount.toLocaleString('en')} lines, opened in ${opened.toFixed(0)} ms`);
      console.log(`      visible text highlighted after ${visibleAt.toFixed(0)} ms, whole article after ${completeAt.toFixed(0)} ms (analysis ${stats?.millis} ms, ${stats?.analysedSlices} slices, ${stats?.inWorker ? 'worker thread' : 'in-process'})`);
      console.log(`      extension host while analysing: ${blockingWhileAnalysing}`);
      console.log(`      decorated around the visible lines: ${Object.values(d!.kinds).reduce((n, s) => n + s.length, 0)} spans`);
      assert.ok(visibleAt > 0 && visibleAt < 60_000, `highlights appear within 60 s (${visibleAt.toFixed(0)} ms)`);
      assert.ok(stats && stats.analysedSlices > 100, 'the article was analysed in slices');

      // An edit re-analyses only the paragraph it touched; every other slice comes from the cache.
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Olaf Scholz visited Madrid. '));
      const edited = editor.document.getText();
      await waitFor('re-analysis after the edit', async () => {
        const s = await vscode.commands.executeCommand<{ characters: number; analysedSlices: number; reusedSlices: number } | undefined>('articleAnnotator.internal.analysisStats', FILE);
        return s && s.characters === edited.length ? s : undefined;
      }, 60_000).then((s) => {
        console.log(`      after an edit: ${s.analysedSlices} slice(s) analysed again, ${s.reusedSlices} reused from the cache`);
        assert.ok(s.analysedSlices <= 2, `only the touched paragraph is analysed again (${s.analysedSlices})`);
      });
    } finally {
      probe.stop();
    }
  });
});
