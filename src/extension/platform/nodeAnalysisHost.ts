// Background analysis in the Node extension host: a worker thread from dist/analysisWorker.js, and the same bundle
// loaded with require() for the in-process fallback (so activation never pays for the pipeline).
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type * as analysisWorkerModule from '../analysisWorker';
import { type EngineMessage, WORKER_MARKER } from '../analysisProtocol';
import type { AnalysisHost, EngineWorker } from './analysisHost';
import { deferToMacrotask } from './macrotask';

/** Where the bundled worker lives next to the bundled extension. */
export function analysisWorkerPath(extensionUri: vscode.Uri): string {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'analysisWorker.js').fsPath;
}

export function nodeAnalysisHost(workerScript: string): AnalysisHost {
  return {
    kind: 'node',
    startWorker(received, failed): EngineWorker {
      const worker = new Worker(workerScript, { workerData: { [WORKER_MARKER]: true }, name: 'Article Annotator analysis' });
      let ended = false;
      worker.on('message', (message: EngineMessage) => received(message));
      worker.on('error', (error) => failed(`the analysis worker failed (${error.message})`));
      worker.on('exit', (code) => {
        if (!ended) failed(`the analysis worker exited with code ${code}`);
      });
      return {
        post: (message) => worker.postMessage(message),
        terminate: () => {
          ended = true;
          void worker.terminate().catch(() => undefined);
        },
      };
    },
    loadEngine(post) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const engineModule = require(workerScript) as typeof analysisWorkerModule;
      return new engineModule.SegmentedAnalysisEngine(post, engineModule.nodeSha256Hex);
    },
    defer: deferToMacrotask,
  };
}
