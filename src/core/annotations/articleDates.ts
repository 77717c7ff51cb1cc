// The dates users set for articles ("Set Article Date"): article key -> YYYY-MM-DD, the one place they are kept.
import { isCalendarDate } from '../article/articleDate';

export class ArticleDates {
  /** A Map, so that any article key (even "__proto__") is just a key. */
  private readonly dates = new Map<string, string>();
  private recordCache: Readonly<Record<string, string>> | undefined;

  reset(dates: Iterable<readonly [string, string]>): void {
    this.dates.clear();
    for (const [article, date] of dates) this.dates.set(article, date);
    this.recordCache = undefined;
  }

  get(article: string): string | undefined {
    return this.dates.get(article);
  }

  /** Every date set, as a plain record (own properties only). */
  all(): Readonly<Record<string, string>> {
    // fromEntries defines own properties, so "__proto__" stays a key rather than setting the prototype.
    this.recordCache ??= Object.fromEntries(this.dates) as Record<string, string>;
    return this.recordCache;
  }

  entries(): [string, string][] {
    return [...this.dates];
  }

  /** Sets (YYYY-MM-DD) or clears (null) an article's date; returns whether anything changed. */
  set(article: string, date: string | null): boolean {
    if (date !== null && !isCalendarDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
    if ((this.dates.get(article) ?? null) === date) return false;
    if (date === null) this.dates.delete(article);
    else this.dates.set(article, date);
    this.recordCache = undefined;
    return true;
  }
}
