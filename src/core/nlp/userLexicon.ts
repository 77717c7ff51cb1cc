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
  // the latest correction wins where accepted forms overlap ("Councillor Jora Tamsin", later adjusted to "Jora Tamsin")
  const accepted: EntityMention[] = [];
  for (let i = lexicon.length - 1; i >= 0; i--) {
    const entry = lexicon[i]!;
    if (entry.action !== 'accept' || !entry.type || !entry.text.trim()) continue;
    const form = entry.text.trim();
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + form.length;
      if (!accepted.some((a) => a.start < end && start < a.end)) accepted.push({ start, end, text: form, type: entry.type, canonical: form });
    }
  }
  if (accepted.length === 0) return out;
  // an accepted form wins over whatever the rules found overlapping it; the other mentions of a name it replaced
  // ("Abu Bakr" cut short, elsewhere alone) now refer to the accepted form
  const renamed = new Map<string, string>();
  const kept: EntityMention[] = [];
  for (const m of out) {
    const over = accepted.find((a) => a.start < m.end && m.start < a.end && (a.start !== m.start || a.end !== m.end));
    if (!over) kept.push(m);
    else if (over.type === m.type && m.canonical !== over.canonical && !renamed.has(`${m.type}\u0000${m.canonical}`)) renamed.set(`${m.type}\u0000${m.canonical}`, over.canonical);
  }
  const merged = kept.map((m) => {
    const canonical = renamed.get(`${m.type}\u0000${m.canonical}`);
    return canonical === undefined ? m : { ...m, canonical };
  });
  for (const a of accepted) if (!merged.some((m) => m.start < a.end && a.start < m.end)) merged.push(a);
  return merged.sort((a, b) => a.start - b.start || b.end - a.end);
}
