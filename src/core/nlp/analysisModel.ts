// What the analysis pipeline finds in an article. Offsets are UTF-16 offsets into the analysed text, end exclusive.
import type { ArticleDateYearSource, QuotedSpan } from '../article/articleModel';

export type EntityType = 'person' | 'place' | 'organization';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

export interface EntityMention extends QuotedSpan {
  readonly type: EntityType;
  /** The fullest name this mention refers to in the article ("Ashraf Ghani" for a later "Ghani"). */
  readonly canonical: string;
}

/**
 * A vague stretch of time known by one bound: "the past few days", "several years ago", "in recent years" are not after
 * the article date; "in the coming weeks" is not before it.
 */
export type DateBound = { readonly notBefore: string; readonly notAfter?: undefined } | { readonly notBefore?: undefined; readonly notAfter: string };

/**
 * YYYY, YYYY-MM or YYYY-MM-DD; a range for "between July 2003 and December 2004"; a bound for a vague stretch ("the
 * past few days"); null when it cannot be resolved.
 */
export type DateValue = string | { readonly from: string; readonly to: string } | DateBound | null;

/** Where a date value starts, as far as it is known: its day, month or year, a range's start, a bound. */
export function dateValueStart(value: Exclude<DateValue, null>): string {
  if (typeof value === 'string') return value;
  return 'from' in value ? value.from : (value.notBefore ?? value.notAfter!);
}

export interface DateMention extends QuotedSpan {
  readonly value: DateValue;
  /** 'article-date' when resolved relative to the article's date, 'self' when the text is absolute, 'none' when it needed a reference and had none. */
  readonly resolvedAgainst: 'article-date' | 'self' | 'none';
  /** The reference date used (YYYY-MM-DD) when resolvedAgainst is 'article-date'. */
  readonly reference: string | null;
}

export interface Analysis {
  /** The reference date used to resolve relative dates (given or detected), YYYY-MM-DD, or null. */
  readonly articleDate: string | null;
  /**
   * Where the article date came from: 'given' (the caller's, such as a date the user set), else where the detected
   * dateline's year came from (see ArticleDateYearSource); absent when there is no article date.
   */
  readonly articleDateSource?: 'given' | ArticleDateYearSource;
  readonly entities: readonly EntityMention[];
  readonly dates: readonly DateMention[];
  /** canonical name -> every distinct surface form that refers to it (the canonical included). */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
}

/** A user's correction, applied to every article: drop a surface form, or give it another type. */
export interface LexiconEntry {
  readonly text: string;
  readonly action: 'reject' | 'retype' | 'accept';
  readonly type?: EntityType;
}

export interface AnalyzeOptions {
  /** Reference date YYYY-MM-DD; undefined means "detect from the text", null means "none". */
  readonly articleDate?: string | null;
  readonly lexicon?: readonly LexiconEntry[];
  /** The file's modification date (YYYY-MM-DD): the year of a wire dateline that states none, when nothing else tells. */
  readonly fileDate?: string;
  /**
   * The key of what the workspace learned from its user's corrections (LearnedEntityModel.key): part of the options so
   * that results and caches made with another table are not reused; the table itself travels with the analysis job.
   */
  readonly learnedModel?: string;
}
