// Worker thread of `article-annotator corpus --jobs N`: analyses the files the command sends, one message each.
// Bundled to dist/corpusWorker.js beside dist/cli.js.
import { parentPort } from 'node:worker_threads';
import { analyzeCorpusFile, type CorpusFileJob } from './corpusFile';

parentPort?.on('message', (message: { readonly id: number; readonly job: CorpusFileJob }) => {
  parentPort?.postMessage({ id: message.id, result: analyzeCorpusFile(message.job) });
});
