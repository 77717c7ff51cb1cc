// The user's corrections, applied after the rules: reject a surface form, retype it, or accept it everywhere.
import type { EntityMention, LexiconEntry } from './analysisModel';

const key = (s: string): string => s.trim().toLowerCase();
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function applyLexicon(text: string, mentions: readonly EntityMention[], lexicon: readonly LexiconEntry[]): EntityMention[] {
  if (lexicon.length === 0) return [...mentions];
  const byForm = new Map<string, LexiconEntry>();
  for (const entry of lexicon) if (entry.text.trim()) byForm.set(key(entry.text), entry);
  const out: EntityMention[] = [];
  for (const m of mentions) {
    const entry = byForm.get(key(m.text)) ?? byForm.get(key(m.canonical));
    if (entry?.action === 'reject') continue;
    if ((entry?.action === 'retype' || entry?.action === 'accept') && entry.type && entry.type !== m.type) out.push({ ...m, type: entry.type });
    else out.push(m);
  }
  const accepted: EntityMention[] = [];
  for (const entry of lexicon) {
    if (entry.action !== 'accept' || !entry.type || !entry.text.trim()) continue;
    const form = entry.text.trim();
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      accepted.push({ start: m.index, end: m.index + form.length, text: form, type: entry.type, canonical: form });
    }
  }
  if (accepted.length === 0) return out;
  // an accepted form wins over whatever the rules found overlapping it
  const kept = out.filter((m) => !accepted.some((a) => a.start < m.end && m.start < a.end && (a.start !== m.start || a.end !== m.end)));
  const merged = [...kept];
  for (const a of accepted) if (!merged.some((m) => m.start < a.end && a.start < m.end)) merged.push(a);
  return merged.sort((a, b) => a.start - b.start || b.end - a.end);
}
