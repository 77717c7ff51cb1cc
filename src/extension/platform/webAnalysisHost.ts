// Background analysis in the browser's web-worker extension host: a Web Worker started from a Blob holding
// dist/web/analysisWorker.js (workers from vscode-remote: URLs are refused), and the engine bundled for the fallback.
import * as vscode from 'vscode';
import { SegmentedAnalysisEngine } from '../analysisEngine';
import type { EngineMessage, HostToEngine } from '../analysisProtocol';
import type { AnalysisHost, EngineWorker } from './analysisHost';
import { deferToMacrotask } from './macrotask';

/** The browser worker bundle inside the extension. */
export function webAnalysisWorkerUri(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'analysisWorker.js');
}

interface BrowserWorker {
  postMessage(message: HostToEngine): void;
  terminate(): void;
  onmessage: ((event: { readonly data: EngineMessage }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
}

interface BrowserGlobals {
  Worker?: new (url: string, options?: { name?: string }) => BrowserWorker;
  Blob?: new (parts: readonly Uint8Array[], options?: { type?: string }) => object;
  URL: { createObjectURL?(blob: object): string; revokeObjectURL?(url: string): void };
}

export function webAnalysisHost(workerBundle: vscode.Uri): AnalysisHost {
  const globals = globalThis as unknown as BrowserGlobals;
  return {
    kind: 'web',
    startWorker(received, failed): EngineWorker {
      const WorkerClass = globals.Worker;
      const BlobClass = globals.Blob;
      if (!WorkerClass || !BlobClass || !globals.URL.createObjectURL) throw new Error('this host has no Web Workers');
      // The worker's code is read through workspace.fs, so messages posted before it runs wait here, in order.
      const pending: HostToEngine[] = [];
      let worker: BrowserWorker | undefined;
      let url: string | undefined;
      let ended = false;
      void Promise.resolve(vscode.workspace.fs.readFile(workerBundle)).then((code) => {
        if (ended) return;
        url = globals.URL.createObjectURL?.(new BlobClass([code], { type: 'text/javascript' })) ?? '';
        try {
          worker = new WorkerClass(url, { name: 'Article Annotator analysis' });
        } catch (error) {
          failed(`cannot start the analysis worker (${error instanceof Error ? error.message : String(error)})`);
          return;
        }
        worker.onmessage = (event) => received(event.data);
        worker.onerror = (event) => {
          if (!ended) failed(`the analysis worker failed (${event.message ?? 'no message'})`);
        };
        for (const message of pending.splice(0)) worker.postMessage(message);
      }, (error: unknown) => failed(`cannot read the analysis worker (${error instanceof Error ? error.message : String(error)})`));
      return {
        post: (message) => (worker ? worker.postMessage(message) : pending.push(message)),
        terminate: () => {
          ended = true;
          worker?.terminate();
          if (url) globals.URL.revokeObjectURL?.(url);
        },
      };
    },
    loadEngine: (post) => new SegmentedAnalysisEngine(post),
    defer: deferToMacrotask,
  };
}
