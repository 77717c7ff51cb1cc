// The analysis worker for the Node extension host: a worker thread running the engine (analysisEngine.ts).
// Bundled to dist/analysisWorker.js; the extension host also loads this bundle for its in-process fallback.
import { createHash } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { engineMessageLoop } from './analysisEngine';
import { type HostToEngine, transferablesOf, WORKER_MARKER } from './analysisProtocol';

export { analysisSlices, SegmentedAnalysisEngine } from './analysisEngine';

/**
 * Lowers this thread's scheduling priority (Linux: a thread's nice value is its own). On a machine with few cores the
 * busy analysis thread would otherwise take CPU time from the extension host's main thread and the editor.
 */
function yieldCpuToTheEditor(): void {
  try {
    const thread = /\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'));
    if (thread) setPriority(Number(thread[1]), 10);
  } catch {
    // Not Linux, or not allowed: the worker runs at normal priority.
  }
}

/** Node's native SHA-256: the same keys as the pure one, several times faster on a large article. */
export function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function runAsWorker(): void {
  const port = parentPort;
  if (!port) return;
  yieldCpuToTheEditor();
  // an indexed article's typed arrays are handed over, not copied (see IndexedArticle)
  const handle = engineMessageLoop((message) => port.postMessage(message, transferablesOf(message)), (turn) => setImmediate(turn), nodeSha256Hex);
  port.on('message', (message: HostToEngine) => handle(message));
}

if ((workerData as Record<string, unknown> | null)?.[WORKER_MARKER] === true) runAsWorker();
