// Article-wide decisions on the segments' candidates: a later "Ghani" is "Ashraf Ghani", "NATO" is the
// "North Atlantic Treaty Organization" the text defined, a sentence-initial word is what it is elsewhere in the article.
import type { EntityMention, EntityType } from './analysisModel';
import type { AcronymDefinition } from './entities';
import type { Candidate } from './entityTokens';
import { isCommonWord, isDemonym } from './gazetteer';
import { COMPANY_HEADS, COMPASS } from './lexicons';
import { bareAcronym, initials, isJoiner, nameParts, titleCase, words } from './names';

interface Mention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  strength: number;
  canonical: string;
  team?: 'score' | 'play';
}

/** Legal forms that end a company's name and may be left off: "Kestrel Line Ltd" is "Kestrel Line". */
const COMPANY_SUFFIXES = new Set(['ltd', 'inc', 'corp', 'co', 'plc', 'llc', 'gmbh', 'ag', 'sa', 'nv', 'bv', 'ab', 'asa', 'oy', 'spa', 'limited', 'incorporated', 'corporation']);
/** Links and types the candidates of a whole article; returns mentions in text order, without overlaps. */
export function linkEntities(text: string, candidates: readonly Candidate[], definitions: readonly AcronymDefinition[]): EntityMention[] {
  const all: Mention[] = candidates.map((c) => {
    const surface = text.slice(c.start, c.end);
    return { start: c.start, end: c.end, text: surface, type: c.type ?? 'organization', strength: c.type === null ? -1 : c.strength, canonical: surface, ...(c.team ? { team: c.team } : {}) };
  });
  teamsPlayThroughout(text, all);

  // Full names of people, fullest first: a surname stands for the first full name that ends with it, a first name
  // for the only sure full name that starts with it
  const bySurname = new Map<string, string>();
  const byFirstName = new Map<string, string | null>();
  const fullNames = all.filter((m) => m.type === 'person' && m.strength >= 1 && words(m.text).length >= 2);
  fullNames.sort((a, b) => words(b.text).length - words(a.text).length || b.strength - a.strength);
  for (const m of fullNames) {
    const ws = nameParts(m.text);
    const surname = ws[ws.length - 1]!;
    const first = ws[0]!;
    if (!bySurname.has(surname)) bySurname.set(surname, m.text);
    // a given name alone stands for a full name only when that name is surely a person's: two unknown words typed as a
    // person by their shape alone ("Velby Halmar runs the buses") would make every "Velby" of a travel guide a person
    if (m.strength < 2) continue;
    const known = byFirstName.get(first);
    if (known === undefined) byFirstName.set(first, m.text);
    else if (known !== null && !known.endsWith(m.text) && !known.startsWith(m.text)) byFirstName.set(first, null);
  }
  // A surname in an all-capitals headline ("DAHL WINS") is the same person as the body's "Arne Dahl", even where
  // the headline gave no candidate: one pass over the capitalised words, looked up among the known surnames.
  if (bySurname.size > 0) {
    const starts = new Set(all.map((m) => m.start));
    for (const w of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{3,}(?![\p{L}\p{N}])/gu)) {
      const full = bySurname.get(titleCase(w[0]));
      if (full === undefined || starts.has(w.index)) continue;
      all.push({ start: w.index, end: w.index + w[0].length, text: w[0], type: 'person', strength: 2, canonical: full });
    }
  }
  // Organizations: their names, acronyms and head words
  const orgs = all.filter((m) => m.type === 'organization' && m.strength >= 1);
  const orgByAcronym = new Map<string, string>();
  const terms = new Set<string>();
  for (const d of definitions) if (d.term) terms.add(d.short);
  // "Velmont Harbour Trust (VEHAT)": an acronym defined by an organization's name is that organization (a definition by
  // words typed otherwise, "System Under Test (SUT)", makes none)
  const orgNames = new Set(orgs.map((m) => m.text));
  for (const d of definitions) if (!d.term && orgNames.has(d.long)) orgByAcronym.set(bareAcronym(d.short), d.long);
  // "the sea surface salinity (SSS)" defines a term: no name anywhere in the article, unless surely one
  if (terms.size > 0) for (const m of all) if (m.strength < 2 && terms.has(bareAcronym(m.text))) m.strength = -1;
  for (const m of orgs) {
    const ws = words(m.text);
    if (ws.length >= 2) {
      const key = initials(m.text);
      if (key.length >= 2 && !orgByAcronym.has(key)) orgByAcronym.set(key, m.text);
    }
  }
  // "Halvard Foods Inc." names its company "Halvard" elsewhere in the article, even where "Halvard said" looks like a person
  const orgByFirstWord = new Map<string, string | null>();
  for (const m of orgs) {
    const ws = words(m.text);
    if (m.strength < 2 || ws.length < 2 || isJoiner(ws[0]!) || !/^\p{Lu}\p{Ll}/u.test(ws[0]!)) continue;
    const known = orgByFirstWord.get(ws[0]!);
    orgByFirstWord.set(ws[0]!, known === undefined || known === m.text ? m.text : null);
  }
  // "Brantwell Corp" … "Brantwell 's chairman": a company's first word alone, where nothing in the sentence typed it
  const companyByFirstWord = new Map<string, string | null>();
  for (const m of orgs) {
    const ws = words(m.text);
    const last = ws[ws.length - 1]!.toLowerCase().replace(/\.$/u, '');
    if (m.strength < 2 || ws.length < 2 || !COMPANY_HEADS.has(last) || !/^\p{Lu}\p{Ll}/u.test(ws[0]!) || COMPANY_HEADS.has(ws[0]!.toLowerCase())) continue;
    const known = companyByFirstWord.get(ws[0]!);
    companyByFirstWord.set(ws[0]!, known === undefined || known === m.text ? m.text : null);
  }
  // "Kestrel Line Ltd" names its company "Kestrel Line" too: a name that is a company's without its legal suffix
  const companyByName = new Map<string, string>();
  for (const m of orgs) {
    const ws = words(m.text);
    if (m.strength >= 2 && ws.length >= 3 && COMPANY_SUFFIXES.has(ws[ws.length - 1]!.toLowerCase().replace(/\.$/, ''))) companyByName.set(ws.slice(0, -1).join(' '), m.text);
  }
  const faithByName = new Map<string, string>();
  for (const m of orgs) {
    const of = /^(?:the\s+)?(?:church|order|nation|brotherhood|sisterhood|temple)\s+of\s+(\p{Lu}[\p{L}-]+)$/iu.exec(m.text);
    if (of && m.strength >= 2) faithByName.set(of[1]!, m.text);
  }
  const typed = new Map<string, { type: EntityType; strength: number }>();
  for (const m of all) {
    const known = typed.get(m.text);
    if (m.strength >= 1 && (!known || known.strength < m.strength)) typed.set(m.text, { type: m.type, strength: m.strength });
  }

  // how often each name is weakly typed each way, and its most frequent weak type
  const weakCounts = new Map<string, number>();
  for (const m of all) if (m.strength === 1) weakCounts.set(`${m.text}\u0000${m.type}`, (weakCounts.get(`${m.text}\u0000${m.type}`) ?? 0) + 1);
  const weakVotes = new Map<string, { type: EntityType; count: number }>();
  for (const [key, count] of weakCounts) {
    const [text, type] = key.split('\u0000') as [string, EntityType];
    const best = weakVotes.get(text);
    if (!best || count > best.count) weakVotes.set(text, { type, count });
  }
  for (const m of all) {
    const ws = words(m.text);
    if (ws.length === 1 || (ws.length === 2 && m.type === 'person')) {
      const last = ws[ws.length - 1]!;
      const bySur = bySurname.get(last) ?? (/^\p{Lu}{3,}$/u.test(last) ? bySurname.get(titleCase(last)) : undefined);
      // a place by the gazetteer or its context is no first name of a full name ("Virginia" beside a "Virginia Governor")
      const byFirst = ws.length === 1 && !(m.type === 'place' && m.strength >= 2) ? byFirstName.get(ws[0]!) : undefined;
      const full = (bySur?.toLowerCase().endsWith(m.text.toLowerCase()) ? bySur : undefined) ?? byFirst;
      if (full && full !== m.text && (m.type !== 'organization' || m.strength < 2)) {
        m.type = 'person';
        m.canonical = full;
        m.strength = 2;
        continue;
      }
    }
    const company = m.type === 'person' ? (ws.length === 1 ? orgByFirstWord.get(m.text) : companyByName.get(m.text)) : undefined;
    if (company) {
      m.type = 'organization';
      m.canonical = company;
      m.strength = 2;
      continue;
    }
    const acronym = orgByAcronym.get(bareAcronym(m.text));
    if (ws.length === 1 && acronym && acronym !== m.text && /^\p{Lu}[\p{Lu}\d.&]+$/u.test(m.text) && !(m.type === 'place' && m.strength >= 2)) {
      m.type = 'organization';
      m.canonical = acronym;
      m.strength = Math.max(m.strength, 2);
      continue;
    }
    const stronger = typed.get(m.text);
    const most = weakVotes.get(m.text);
    if (m.strength === 1 && (!stronger || stronger.strength <= 1) && most && most.type !== m.type && most.count > (weakCounts.get(`${m.text}\u0000${m.type}`) ?? 0)) {
      // one sense per article among weak typings too: what most of a name's mentions say
      m.type = most.type;
      continue;
    }
    if (m.strength === 1 && stronger && stronger.strength > 1 && stronger.type !== m.type) {
      // one sense per article: a weakly typed word is what the article's stronger evidence says it is ("President X" … "trail X")
      m.type = stronger.type;
      continue;
    }
    if (m.strength <= 0) {
      // a bare head word ("the Church") or an untyped word: what the article says it is elsewhere
      const same = typed.get(m.text);
      if (same) {
        m.type = same.type;
        m.strength = 1;
        continue;
      }
      // one word standing for an organization the article named in full: the word a church or an order is "of" ("the
      // Church of Velmorism" … "Velmorism has been waging"), else a company's first word ("Brantwell Corp" … "Brantwell")
      const organization = ws.length === 1 ? (faithByName.get(m.text) ?? companyByFirstWord.get(m.text)) : undefined;
      if (organization) {
        m.type = 'organization';
        m.canonical = organization;
        m.strength = 1;
        continue;
      }
      if (m.strength === 0 && ws.length === 1) {
        const head = m.text.toLowerCase();
        const org = orgs.find((o) => {
          const ow = words(o.text.toLowerCase());
          return ow.length > 1 && (ow[0] === head || ow[ow.length - 1] === head);
        });
        if (org) {
          m.type = 'organization';
          m.canonical = org.text;
          m.strength = 1;
        }
      }
    }
  }
  namesInCapitals(text, all);
  return all
    .filter((m) => m.strength >= 1)
    .map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type, canonical: m.canonical }));
}

/** A run of words in capitals ("SOCCER - OSTBY WANDERERS HOLD KELVIN ROVERS TO DRAW"), one line at most. */
const CAPITALS_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}.'’&-]*(?:[ \t]+\p{Lu}[\p{Lu}.'’&-]*)*(?![\p{L}\p{N}])/gu;
/** The line holding offset `at` is written in capitals: most of its words (of two letters or more) are. */
function inCapitalsLine(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (end - start > 400) return false;
  const ws = text.slice(start, end).match(/\p{L}[\p{L}.'’-]+/gu) ?? [];
  return ws.length >= 2 && ws.filter((w) => w === w.toUpperCase()).length / ws.length > 0.7;
}

/** Longest name looked up in a run of capitals, in words. */
const MAX_CAPITALS_NAME = 6;

/**
 * One sense per article for headlines in capitals: a name the article writes elsewhere ("Ostby Wanderers", "Brantwell",
 * "U.N.") is the same name where an all-capitals line writes it ("OSTBY WANDERERS HOLD …"), whatever the line's
 * own words gave (compromise knows little of words in capitals). Longest names first; a weaker candidate inside one
 * gives way, one reaching past it keeps its place.
 */
function namesInCapitals(text: string, all: Mention[]): void {
  const known = new Map<string, Mention>();
  for (const m of all) {
    if (m.strength < 1 || m.text.replace(/[^\p{L}]/gu, '').length < (/\p{Ll}/u.test(m.text) ? 3 : 2)) continue;
    const key = words(m.text).join(' ').toUpperCase();
    const before = known.get(key);
    if (!before || before.strength < m.strength) known.set(key, m);
  }
  if (known.size === 0) return;
  const added: Mention[] = [];
  for (const run of text.matchAll(CAPITALS_RUN)) {
    if (!/\p{Lu}{2}/u.test(run[0]) || !inCapitalsLine(text, run.index)) continue;
    const ws = [...run[0].matchAll(/\S+/gu)].map((w) => ({ start: run.index + w.index, end: run.index + w.index + w[0].length, text: w[0] }));
    for (let a = 0; a < ws.length; a++) {
      for (let b = Math.min(ws.length, a + MAX_CAPITALS_NAME); b > a; b--) {
        const same = known.get(ws.slice(a, b).map((w) => w.text).join(' '));
        if (!same) continue;
        const start = ws[a]!.start;
        const end = ws[b - 1]!.end;
        const overlapping = all.filter((m) => m.strength >= 1 && m.start < end && start < m.end);
        if (overlapping.some((m) => m.start < start || m.end > end || (m.strength >= 2 && m.type !== same.type) || (m.start === start && m.end === end))) break;
        for (const m of overlapping) m.strength = -1;
        added.push({ start, end, text: text.slice(start, end), type: same.type, strength: 2, canonical: same.canonical });
        a = b - 1;
        break;
      }
    }
  }
  for (const m of added) all.push(m);
}

/** Team mentions an article needs before its names are read as teams throughout: a match report, not one stray "beat". */
const TEAM_EVIDENCE = 2;

/**
 * One sense per article for teams: a name seen playing ("Norway 1 – 0", "beat Norway", a club in a results line) is the
 * team wherever else the same article names it ("Norway's first win", "the lead for Norway", "Ostby said"), unless a
 * mention says where ("in Norway").
 */
function teamsPlayThroughout(text: string, all: Mention[]): void {
  const teams = new Set<string>();
  let evidence = 0;
  let scored = false;
  for (const m of all) {
    if (!m.team) continue;
    teams.add(m.text);
    evidence++;
    scored ||= m.team === 'score';
  }
  // a match has a score somewhere: "Britain won the vote" and "Norway faces a choice" are no match report
  if (evidence < TEAM_EVIDENCE || !scored) return;
  // "putting the Estonians in the lead": a people in the plural, after "the", is a side in a match report
  const starts = new Set(all.map((m) => m.start));
  for (const w of text.matchAll(/(?<![\p{L}\p{N}])the\s+(\p{Lu}\p{Ll}+s)(?![\p{L}\p{N}'’-])(?!\s+\p{Lu})/gu)) {
    const start = w.index + w[0].length - w[1]!.length;
    if (starts.has(start) || !isDemonym(w[1]!)) continue;
    all.push({ start, end: start + w[1]!.length, text: w[1]!, type: 'organization', strength: 2, canonical: w[1]! });
  }
  // "South Varnia 1 – 0" … "Varnia substituted …": a distinctive word of a team's name of several words is the team too
  const teamWords = new Set<string>();
  for (const team of teams) {
    const ws = words(team);
    if (ws.length >= 2) for (const w of ws) if (/^\p{Lu}\p{Ll}/u.test(w) && !COMPASS.has(w.toLowerCase()) && !isCommonWord(w.toLowerCase())) teamWords.add(w);
  }
  for (const m of all) {
    // (a place too, "Varnia's keeper", "a chance to equalise for Varnia", though not where one goes: "flew home to Varnia")
    if ((m.strength < 1 || m.type === 'place') && teamWords.has(m.text)) {
      if (/(?:^|[^\p{L}])(?:in|at|near|from|across|of|to|into)\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, m.start - 12), m.start))) continue;
      m.type = 'organization';
      m.strength = 2;
      continue;
    }
    if (m.type === 'organization' || !teams.has(m.text)) continue;
    if (/(?:^|[^\p{L}])(?:in|at|near|from|across|of)\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, m.start - 12), m.start))) continue;
    m.type = 'organization';
    m.strength = 2;
  }
}
