// The analysis options of one article, built one way for every caller (the editor's analyses, the workspace index,
// its on-disk cache key), so the same text with the same settings always gets the same analysis and the same cache entry.
import { fileDateMatters } from '../article/articleDate';
import type { AnalyzeOptions, LexiconEntry } from './analysisModel';

export interface ArticleOptionInputs {
  /** The date the user set for the article (null: none, on purpose); undefined: detect it from the text. */
  readonly articleDate: string | null | undefined;
  readonly lexicon: readonly LexiconEntry[];
  /** The file's modification day (YYYY-MM-DD), when known. */
  readonly fileDate: string | undefined;
  /** The key of the workspace's learned table ('' or undefined: nothing learned). */
  readonly learnedModel?: string;
}

/**
 * The options to analyse `text` with. The file's date is passed only where it can change the result (a wire dateline
 * without a year and no date set by the user): touching a file, or seeing its date later, changes nothing elsewhere.
 */
export function articleAnalysisOptions(text: string, inputs: ArticleOptionInputs): AnalyzeOptions {
  const options: AnalyzeOptions = { articleDate: inputs.articleDate, lexicon: inputs.lexicon, ...(inputs.learnedModel ? { learnedModel: inputs.learnedModel } : {}) };
  if (inputs.articleDate !== undefined || inputs.fileDate === undefined || !fileDateMatters(text)) return options;
  return { ...options, fileDate: inputs.fileDate };
}
