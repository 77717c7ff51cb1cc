// The last text of each of a few keys, forgetting the least recently given: the extension host and its analysis worker
// each keep one, updated by the same messages in the same order, so both hold the same texts and the host can send an
// article's edit instead of its whole text (posting a megabyte to the worker at every pause in typing took 20 ms and more).

/** How many keys' texts are kept: the articles being typed into, a few at most. */
export const RECENT_TEXTS = 4;

/**
 * The last value of each of a few keys (texts, and the analysis worker's last result of each article, which it sends
 * the next one as a change of: see analysisDelta.ts).
 */
export class RecentTexts<T = string> {
  private readonly texts = new Map<string, T>();

  constructor(private readonly limit = RECENT_TEXTS) {}

  /** Keeps `text` as the key's latest, forgetting the least recently given key's beyond the limit. */
  remember(key: string, text: T): void {
    this.texts.delete(key);
    this.texts.set(key, text);
    while (this.texts.size > this.limit) {
      const oldest = this.texts.keys().next();
      if (oldest.done) break;
      this.texts.delete(oldest.value);
    }
  }

  get(key: string): T | undefined {
    return this.texts.get(key);
  }

  forget(key: string): void {
    this.texts.delete(key);
  }

  clear(): void {
    this.texts.clear();
  }
}
