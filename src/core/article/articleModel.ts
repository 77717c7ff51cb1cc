// The parsed article: every offset is a UTF-16 code-unit offset into the source text (what is on disk), end exclusive.

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface QuotedSpan extends TextSpan {
  readonly text: string;
}

export type ParagraphKind = 'title' | 'dateline' | 'heading' | 'body' | 'licence';

export interface Paragraph extends TextSpan {
  readonly kind: ParagraphKind;
}

/** How the article's own date was found in its text ('run-in': a dateline running into the first sentence). */
export type ArticleDateForm = 'header' | 'dateline' | 'wire' | 'run-in';

/**
 * Where the year of the article's date came from: written in the dateline ('stated'); for a wire dateline without one
 * ("WASHINGTON, March 3 (Reuters) -"), the one year the text mentions ('text'), the weekday the lead names ('weekday':
 * the latest year, not after the file's date, in which the day falls on it), or the file's modification date ('file-date').
 */
export type ArticleDateYearSource = 'stated' | 'text' | 'weekday' | 'file-date';

export interface ArticleDate extends QuotedSpan {
  /** Calendar date, YYYY-MM-DD. */
  readonly value: string;
  readonly form: ArticleDateForm;
  /** Where the year came from; absent means 'stated'. */
  readonly yearSource?: ArticleDateYearSource;
}

/** A wire dateline whose year nothing tells ("March 3 (year unknown)"): the day it names. */
export interface YearlessDateline extends QuotedSpan {
  readonly month: number;
  readonly day: number;
}

export interface Article {
  readonly text: string;
  readonly title: QuotedSpan | undefined;
  readonly date: ArticleDate | undefined;
  /** When there is no date: a wire dateline that names a day but whose year cannot be known. */
  readonly yearlessDateline?: YearlessDateline;
  /** The publisher named by the text ("Mehr News Agency"), when it states one. */
  readonly source: QuotedSpan | undefined;
  /** The licence sentence ("… is licensed under a Creative Commons …"), when present. */
  readonly licence: QuotedSpan | undefined;
  /** Reading order; spans never overlap and never include surrounding whitespace. */
  readonly paragraphs: readonly Paragraph[];
  readonly wordCount: number;
}
