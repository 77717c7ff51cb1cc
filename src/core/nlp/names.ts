// How names are taken apart and gathered, with no word lists: shared by the entity rules (linking.ts) and the
// workspace index on the extension host (corpus), which must not load the pipeline's gazetteer and lexicons.
import type { EntityMention } from './analysisModel';

const JOINERS = new Set(['of', 'the', 'and', 'for', 'on', '&', 'de', 'del', 'di', 'da', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'al', 'el', 'bin']);
/** "of", "de", "al" and the like: words inside a name that are not its parts. */
export const isJoiner = (word: string): boolean => JOINERS.has(word.toLowerCase());
export const words = (s: string): string[] => s.split(/[\s]+/u).filter(Boolean);
/** The words of a name that are not joiners ("of", "de", "al"): what its surname and initials come from. */
export const nameParts = (s: string): string[] => words(s).filter((w) => !isJoiner(w));
/** "North Atlantic Treaty Organization" -> "NATO". */
export const initials = (s: string): string =>
  nameParts(s)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
export const bareAcronym = (s: string): string => s.replace(/\./g, '');
/** "GHANI" -> "Ghani": how an all-capitals headline word is looked up among names. */
export const titleCase = (s: string): string => s.charAt(0) + s.slice(1).toLowerCase();

/** canonical name -> its distinct surface forms, the canonical first. */
export function aliasTable(mentions: readonly EntityMention[]): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const m of mentions) {
    const forms = (table[m.canonical] ??= [m.canonical]);
    if (!forms.includes(m.text)) forms.push(m.text);
  }
  return table;
}

/** Mentions sorted by position, overlapping ones dropped (the earlier, then the longer, wins). */
export function withoutOverlaps<T extends { start: number; end: number }>(mentions: readonly T[]): T[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const m of sorted) if (out.length === 0 || m.start >= out[out.length - 1]!.end) out.push(m);
  return out;
}
