// An article's date, reached one way by every part of the editor: the reading view's header, the analyses (and the
// workspace index's cache key), hovers, corpus navigation's view offsets, Set Article Date's suggestion and exports.
// The inputs are the date the user set (kept in the annotation store) and the file's modification day (the last resort
// for the year of a wire dateline that states none); the rules are core's (effectiveArticleDate, articleAnalysisOptions).
import * as vscode from 'vscode';
import { effectiveArticleDate, fileDateMatters, modificationDay, yearlessDateline } from '../core/article/articleDate';
import type { AnalyzeOptions, LexiconEntry } from '../core/nlp/analysisModel';
import { articleAnalysisOptions } from '../core/nlp/analysisOptions';
import { articleKeyOf } from './articleKeys';

/** Where user-set article dates are kept: the AnnotationService (the one way to the store). */
export interface ArticleDateStore {
  /** The date the user set for this article (YYYY-MM-DD), or undefined when the text's own date is used. */
  articleDate(key: string): string | undefined;
  /** Stores (or, with null, clears) the user's date for an article, awaiting the write. */
  setArticleDate(key: string, date: string | null): Promise<void>;
}

export class ArticleDating {
  /** Source URI -> its file's modification day, as last seen (reading view render, workspace index read, export). */
  private readonly fileDays = new Map<string, string>();

  constructor(private readonly store: ArticleDateStore) {}

  /** The date the user set for the article, if any. */
  userDate(key: string): string | undefined {
    return this.store.articleDate(key);
  }

  setUserDate(key: string, date: string | null): Promise<void> {
    return this.store.setArticleDate(key, date);
  }

  /** The file's modification day as last seen. */
  fileDateOf(sourceUri: vscode.Uri): string | undefined {
    return this.fileDays.get(sourceUri.toString());
  }

  /** Notes the file's modification time, whoever read the file. */
  noteFileTime(sourceUri: vscode.Uri, mtime: number): void {
    const day = modificationDay(mtime);
    if (day) this.fileDays.set(sourceUri.toString(), day);
    else this.fileDays.delete(sourceUri.toString());
  }

  /** Reads the file's modification time when the text's date depends on it and it was not seen yet. */
  async knowFileDate(sourceUri: vscode.Uri, text: string): Promise<void> {
    if (this.fileDays.has(sourceUri.toString()) || this.userDate(articleKeyOf(sourceUri)) !== undefined || !fileDateMatters(text)) return;
    try {
      this.noteFileTime(sourceUri, (await vscode.workspace.fs.stat(sourceUri)).mtime);
    } catch {
      // a file that cannot be stat'ed has no file date: its wire dateline stays without a year
    }
  }

  /** The analysis options of an article's text: the user's date, else detection with the file's day. */
  analysisOptions(key: string, sourceUri: vscode.Uri, text: string, lexicon: readonly LexiconEntry[], learnedModel?: string): AnalyzeOptions {
    return articleAnalysisOptions(text, { articleDate: this.userDate(key), lexicon, fileDate: this.fileDateOf(sourceUri), learnedModel });
  }

  /** The date relative dates of the text are resolved against, as the reading view's header and the analysis see it. */
  async effectiveDate(key: string, sourceUri: vscode.Uri | undefined, text: string | undefined): Promise<string | null> {
    if (sourceUri && text !== undefined) await this.knowFileDate(sourceUri, text);
    const fileDate = sourceUri ? this.fileDateOf(sourceUri) : undefined;
    return effectiveArticleDate(text, this.userDate(key), fileDate === undefined ? {} : { fileDate });
  }

  /** What Set Article Date pre-fills when the user set none: "YYYY-03-03" for a wire dateline whose year nothing tells. */
  suggestedDate(sourceUri: vscode.Uri, text: string): string | undefined {
    const fileDate = this.fileDateOf(sourceUri);
    const yearless = yearlessDateline(text, fileDate === undefined ? {} : { fileDate });
    return yearless ? `YYYY-${String(yearless.month).padStart(2, '0')}-${String(yearless.day).padStart(2, '0')}` : undefined;
  }
}
