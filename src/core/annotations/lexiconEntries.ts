// The user's lexicon: corrections of automatic entities (accept, reject, retype), one entry per text.
import type { LexiconEntry } from '../nlp/analysisModel';

export class LexiconEntries {
  private value: readonly LexiconEntry[] = [];

  get entries(): readonly LexiconEntry[] {
    return this.value;
  }

  reset(entries: readonly LexiconEntry[]): void {
    this.value = [...entries];
  }

  /** Adds a correction, replacing any entry for the same text (case-sensitive, trimmed); returns the entry stored. */
  add(entry: LexiconEntry): LexiconEntry {
    const text = entry.text.trim();
    if (text === '') throw new RangeError('A lexicon entry needs a text');
    if (entry.action === 'retype' && entry.type === undefined) throw new RangeError('A retype entry needs a type');
    const clean: LexiconEntry = entry.type === undefined ? { text, action: entry.action } : { text, action: entry.action, type: entry.type };
    this.value = [...this.value.filter((e) => e.text !== text), clean];
    return clean;
  }

  /** Removes the entry for `text`; returns whether there was one. */
  remove(text: string): boolean {
    const next = this.value.filter((e) => e.text !== text.trim());
    if (next.length === this.value.length) return false;
    this.value = next;
    return true;
  }
}
