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

/** How the article's own date was found in its text. */
export type ArticleDateForm = 'header' | 'dateline' | 'wire';

export interface ArticleDate extends QuotedSpan {
  /** Calendar date, YYYY-MM-DD. */
  readonly value: string;
  readonly form: ArticleDateForm;
}

export interface Article {
  readonly text: string;
  readonly title: QuotedSpan | undefined;
  readonly date: ArticleDate | undefined;
  /** The publisher named by the text ("Mehr News Agency"), when it states one. */
  readonly source: QuotedSpan | undefined;
  /** The licence sentence ("… is licensed under a Creative Commons …"), when present. */
  readonly licence: QuotedSpan | undefined;
  /** Reading order; spans never overlap and never include surrounding whitespace. */
  readonly paragraphs: readonly Paragraph[];
  readonly wordCount: number;
}
