// A user annotation, stored against the article's source text (never the reading view), W3C-style: position and quote.

export interface PositionSelector {
  readonly start: number;
  readonly end: number;
}

export interface QuoteSelector {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export type AnchorStatus = 'anchored' | 'orphaned';

export interface Annotation {
  readonly id: string;
  /** Article key: the source file's workspace-relative path with '/' separators (absolute URI string outside a workspace). */
  readonly article: string;
  readonly label: string;
  /** Markdown, rendered safely. */
  readonly note: string;
  readonly position: PositionSelector;
  readonly quote: QuoteSelector;
  readonly status: AnchorStatus;
  /** ISO 8601 timestamps. */
  readonly created: string;
  readonly modified: string;
  /** 'user' when drawn by hand, 'entity' when an automatic entity was accepted. */
  readonly origin: 'user' | 'entity';
  /** Replies to the note (the Comments UI), oldest first; absent when there are none (older states have none). */
  readonly replies?: readonly NoteReply[];
}

/** A reply in a note's thread: Markdown, rendered safely. */
export interface NoteReply {
  readonly body: string;
  /** ISO 8601 timestamp. */
  readonly created: string;
}

/** What an export needs to know about each article besides its annotations. */
export interface ArticleInfo {
  readonly article: string;
  /** The article's date (YYYY-MM-DD), detected or set by the user, or null. */
  readonly date: string | null;
  /** The source text, when available (brat, CoNLL, JSONL need it). */
  readonly text?: string;
  /** The article file's full URI (`file:///…`), when known: W3C targets name it as their `source`. */
  readonly uri?: string;
}
