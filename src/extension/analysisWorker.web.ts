// The analysis worker for the browser's web-worker extension host: a Web Worker (started from a Blob, since workers from
// vscode-remote: URLs are refused) running the same engine as the Node worker thread.
import { engineMessageLoop } from './analysisEngine';
import { type EngineMessage, type HostToEngine, transferablesOf } from './analysisProtocol';
import { deferToMacrotask } from './platform/macrotask';

interface WorkerScope {
  postMessage(message: EngineMessage, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { readonly data: HostToEngine }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
// Each turn is a macrotask, so messages from the host (cancel, prioritize) get in between.
// an indexed article's typed arrays are handed over, not copied (see IndexedArticle)
const handle = engineMessageLoop((message) => scope.postMessage(message, transferablesOf(message)), deferToMacrotask);
scope.onmessage = (event) => handle(event.data);
