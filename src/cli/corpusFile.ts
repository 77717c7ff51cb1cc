// One file of `article-annotator corpus`: read as `analyze` reads it, dated, analysed. Plain data in and out, so the
// same function runs in the command's process and in its worker threads (src/cli/corpusWorker.ts).
import { statSync } from 'node:fs';
import { detectArticleDate } from '../core/article/articleDate';
import type { Analysis } from '../core/nlp/analysisModel';
import { analyzeArticle } from '../core/nlp/pipeline';
import { readArticleBytes } from './articleFiles';

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
    let date: string | null = job.date ?? null;
    let dateSource: DateSource = date === null ? null : 'option';
    if (date === null) {
      date = detectArticleDate(read.text)?.value ?? null;
      if (date !== null) dateSource = 'text';
    }
    if (date === null && job.dateFromFile) {
      date = modificationDay(job.file);
      dateSource = 'file';
    }
    const analysis = analyzeArticle(read.text, { articleDate: date });
    return { file: job.file, ...(read.warning ? { warning: read.warning } : {}), text: read.text, analysis, dateSource };
  } catch (error) {
    return { file: job.file, problem: `analysis failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The file's modification day in the local time zone, YYYY-MM-DD. */
function modificationDay(file: string): string {
  const time = statSync(file).mtime;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(time.getFullYear()).padStart(4, '0')}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}
