// Shared by the annotation, correction, export, view and storage tests: the extension's real services and fixture articles.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LexiconEntry } from '../../src/core/nlp/analysisModel';
import type { ArticleAnnotatorApi } from '../../src/extension/extension';
import { waitFor, workspaceUri } from './articleEditors';

export async function annotatorApi(): Promise<ArticleAnnotatorApi> {
  const extension = vscode.extensions.getExtension<ArticleAnnotatorApi>('article-annotator.article-annotator');
  if (!extension) throw new Error('the extension is not loaded');
  const api = await extension.activate();
  if (!api || !api.annotations) throw new Error('activate() returned no API object');
  return api;
}

/** Writes an article of our own into the workspace's seeds/ folder (matched by the default article globs). */
export function writeArticle(name: string, text: string): vscode.Uri {
  const uri = workspaceUri(`seeds/${name}`);
  mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  writeFileSync(uri.fsPath, text, 'utf8');
  return uri;
}

/** Offsets of the n-th occurrence (0-based) of `needle` in `text`. */
export function spanOf(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return { start: at, end: at + needle.length };
}

/** Closes every editor so each test starts from the same workbench. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Hooks for a suite that corrects entities, registered in its describe: the lexicon is put back as it was after the
 * suite (other suites analyse the same workspace), editors are closed before and after it, and the seed files it
 * names are deleted after it (other suites count the workspace's articles and entities). Returns the lexicon as it
 * was before the suite.
 */
export function restoreAfterCorrections(seedFiles: readonly string[] = []): () => readonly LexiconEntry[] {
  let saved: readonly LexiconEntry[] = [];
  before(async () => {
    saved = (await annotatorApi()).annotations.lexicon;
    await closeAllEditors();
  });
  after(async () => {
    const api = await annotatorApi();
    await api.annotations.setLexicon(saved);
    // and what the workspace learned from the corrections (learnedCorrections.ts)
    await api.learnedCorrections.reset();
    await closeAllEditors();
    for (const name of seedFiles) rmSync(workspaceUri(`seeds/${name}`).fsPath, { force: true });
  });
  return () => saved;
}

export { waitFor, workspaceUri };
