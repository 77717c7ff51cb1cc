// One file of `article-annotator corpus`: read as `analyze` reads it, dated, analysed. Plain data in and out, so the
// same function runs in the command's process and in its worker threads (src/cli/corpusWorker.ts).
import { detectArticleDate } from '../core/article/articleDate';
import type { Analysis } from '../core/nlp/analysisModel';
import { analyzeArticle } from '../core/nlp/pipeline';
import { articleAnalysisOptions } from '../core/nlp/analysisOptions';
import { fileModificationDay, readArticleBytes } from './articleFiles';

export interface CorpusFileJob {
  readonly file: string;
  /** --date: the reference date of every article. */
  readonly date?: string;
  /** --date-from-files: an article without a date of its own is dated by its file's modification day. */
  readonly dateFromFile: boolean;
}

/** Where an article's reference date came from: --date, its own text, its file's modification day, or nowhere. */
export type DateSource = 'option' | 'text' | 'file' | null;

export type CorpusFileResult =
  | { readonly file: string; readonly problem: string }
  | { readonly file: string; readonly warning?: string; readonly text: string; readonly analysis: Analysis; readonly dateSource: DateSource };

export function analyzeCorpusFile(job: CorpusFileJob): CorpusFileResult {
  const read = readArticleBytes(job.file);
  if ('problem' in read) return { file: job.file, problem: read.problem };
  try {
    if (job.date !== undefined) return { file: job.file, ...warningOf(read), text: read.text, analysis: analyzeArticle(read.text, { articleDate: job.date }), dateSource: 'option' };
    // Detected as `analyze` detects it: the file's day can give a wire dateline its year ("ELSBY, March 3 (…) -").
    const fileDate = fileModificationDay(job.file);
    const options = articleAnalysisOptions(read.text, { articleDate: undefined, lexicon: [], fileDate });
    if (detectArticleDate(read.text, options) !== undefined) return { file: job.file, ...warningOf(read), text: read.text, analysis: analyzeArticle(read.text, options), dateSource: 'text' };
    const dated = job.dateFromFile && fileDate !== undefined;
    const analysis = analyzeArticle(read.text, dated ? { articleDate: fileDate } : { articleDate: null });
    return { file: job.file, ...warningOf(read), text: read.text, analysis, dateSource: dated ? 'file' : null };
  } catch (error) {
    return { file: job.file, problem: `analysis failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function warningOf(read: { readonly warning?: string }): { readonly warning?: string } {
  return read.warning ? { warning: read.warning } : {};
}
