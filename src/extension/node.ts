// Entry point of the Node extension host (desktop, remote, Codespaces): package.json "main" (dist/extension.js).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import * as vscode from 'vscode';
import { activate as activateOn, type ArticleAnnotatorApi } from './extension';
import { analysisWorkerPath, nodeAnalysisHost } from './platform/nodeAnalysisHost';
import { nodeStorage } from './platform/nodeStorage';

export { deactivate } from './extension';
export type { ArticleAnnotatorApi } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<ArticleAnnotatorApi> {
  const workerScript = analysisWorkerPath(context.extensionUri);
  return activateOn(context, {
    kind: 'node',
    analysis: nodeAnalysisHost(workerScript),
    analysisBundle: vscode.Uri.file(workerScript),
    realPath: (uri) => realpath(uri.fsPath),
    readSmallFileNow: (uri) => {
      if (uri.scheme !== 'file') return undefined;
      try {
        return readFileSync(uri.fsPath);
      } catch {
        return undefined;
      }
    },
    sha256Hex: (text) => createHash('sha256').update(text).digest('hex'),
    storage: nodeStorage,
  });
}
