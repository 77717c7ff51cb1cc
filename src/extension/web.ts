// Entry point of the browser's web-worker extension host (vscode.dev, github.dev, code-server with the extension moved
// to the web worker): package.json "browser" (dist/web/extension.js). No Node built-in reaches this bundle.
import type * as vscode from 'vscode';
import { sha256Hex } from '../core/hash/sha256';
import { activate as activateOn, type ArticleAnnotatorApi } from './extension';
import { webAnalysisHost, webAnalysisWorkerUri } from './platform/webAnalysisHost';

export { deactivate } from './extension';
export type { ArticleAnnotatorApi } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<ArticleAnnotatorApi> {
  const workerBundle = webAnalysisWorkerUri(context.extensionUri);
  return activateOn(context, { kind: 'web', analysis: webAnalysisHost(workerBundle), analysisBundle: workerBundle, sha256Hex });
}
