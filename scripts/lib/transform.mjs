// Copies of gold documents changed the way unseen news differs from the dev articles, for measuring only (eval.mjs
// --rename, --spaced): the gold spans and dates move with the text. Nothing here reaches the pipeline.
//
// renamed(doc, seed): every name word of the gold people, places and organizations is replaced by an invented word built
// from syllables (the same word for the same name throughout the document, capitalisation kept), so what the pipeline
// knows of real names (gazetteer, compromise's lexicon, well-known organizations) no longer helps; the words that say
// what a name is ("University", "River", "Inc.", "of", "the") stay, as they would in invented news.
// spaced(doc): punctuation set apart by spaces as CoNLL-2003 and wire archives keep it ("Dunmore , Texas", "Ada 's").

import { loadPipeline } from './bundleCore.mjs';

/** Words kept inside names: they say what kind of name it is, and invented news uses them too. */
const CUE_WORDS = new Set(
  `university college institute school academy hospital museum library foundation trust fund society association
  federation league union council committee commission board authority agency department ministry office bureau
  service services court police army navy force forces guard corps party group company corporation corp inc ltd llc plc
  co bank industries holdings systems technologies airlines airways motors energy news times post press herald journal
  network radio television tv channel studios records church government parliament senate house assembly congress
  center centre laboratory laboratories station airport club united fc city town county state states province region
  district republic kingdom empire federal national international royal world global river lake mountain mountains
  mount mt island islands sea ocean bay gulf valley street road avenue park square bridge hall castle cathedral palace
  beach desert forest canal strait peninsula coast hills heights falls port fort saint st north south east west
  northern southern eastern western central new upper lower great greater old village capital territory memorial
  stadium arena festival games cup`
    .split(/\s+/)
    .filter(Boolean),
);

const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'kr', 'l', 'm', 'n', 'p', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z', 'th', 'sk'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ei', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'nd', 'rt', 'lk', 'x', 'v'];

/** The project's one seeded generator (mulberry32), so a renamed copy is the same on every run. */
const { seededRandom: generator } = await loadPipeline('transform-random', 'src/core/random/seededRandom.ts');

function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Applies non-overlapping edits ({start, end, text}) to doc's text, moving its entities and dates with it. */
export function applyEdits(doc, edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let text = '';
  let from = 0;
  // each edit applied: its place in the old text, the shift before it and the length it put in
  const marks = [];
  let shift = 0;
  for (const e of sorted) {
    if (e.start < from) continue; // overlapping: the first wins
    text += doc.text.slice(from, e.start) + e.text;
    marks.push({ start: e.start, end: e.end, before: shift, inserted: e.text.length });
    shift += e.text.length - (e.end - e.start);
    from = e.end;
  }
  text += doc.text.slice(from);
  // a boundary up to an edit's start stays before it, one from its end on after it; one inside it goes to its edge
  const move = (offset, isEnd) => {
    let s = 0;
    for (const m of marks) {
      if (offset <= m.start) return offset + m.before;
      if (offset < m.end) return m.start + m.before + (isEnd ? m.inserted : 0);
      s = m.before + m.inserted - (m.end - m.start);
    }
    return offset + s;
  };
  const moveSpan = (x) => {
    const start = move(x.start, false);
    const end = move(x.end, true);
    return { ...x, start, end, text: text.slice(start, end) };
  };
  return { ...doc, text, entities: (doc.entities ?? []).map(moveSpan), dates: (doc.dates ?? []).map(moveSpan) };
}

/** The renamed copy of one gold document (see the top of the file). */
export function renamed(doc, seed = 1) {
  const random = generator(hash(`${seed}:${doc.id}`));
  const used = new Set();
  const names = new Map();
  const invent = (word) => {
    const key = word.toLowerCase();
    let out = names.get(key);
    if (out) return out;
    const letters = word.replace(/[^\p{L}]/gu, '');
    if (letters === letters.toUpperCase()) {
      // an acronym: as many invented capitals
      do out = Array.from(letters, () => String.fromCharCode(65 + Math.floor(random() * 26))).join('');
      while (used.has(out));
    } else {
      const syllables = Math.max(1, Math.min(4, Math.round(letters.length / 3.5)));
      do {
        out = '';
        for (let k = 0; k < syllables; k++) {
          const pick = (list) => list[Math.floor(random() * list.length)];
          out += pick(ONSETS) + pick(VOWELS) + (k === syllables - 1 || random() < 0.4 ? pick(CODAS) : '');
        }
      } while (used.has(out) || out.length < 3);
      out = out[0].toUpperCase() + out.slice(1);
    }
    used.add(out);
    names.set(key, out);
    return out;
  };
  const nameWord = (w) => /^\p{Lu}/u.test(w) && w.length >= 2 && !CUE_WORDS.has(w.toLowerCase());
  const edits = [];
  const inside = [];
  // the last name word of each span ("Trump" of "Donald Trump"; not "Afghan" of "Afghan Girls", a nationality that
  // the text also uses alone)
  const heads = new Set();
  for (const e of doc.entities ?? []) {
    if (!['PER', 'LOC', 'ORG'].includes(e.type)) continue;
    inside.push([e.start, e.end]);
    let head;
    for (const m of doc.text.slice(e.start, e.end).matchAll(/[\p{L}\p{M}]+/gu)) {
      if (!nameWord(m[0])) continue;
      const start = e.start + m.index;
      edits.push({ start, end: start + m[0].length, text: invent(m[0]) });
      head = m[0].toLowerCase();
    }
    if (head) heads.add(head);
  }
  // the same names outside the gold spans (a name used as a modifier, a mention the annotators left out)
  for (const m of doc.text.matchAll(/[\p{L}\p{M}]+/gu)) {
    if (!heads.has(m[0].toLowerCase()) || !nameWord(m[0])) continue;
    if (inside.some(([s, e]) => s <= m.index && m.index < e)) continue;
    if (m.index > 0 && /[\p{L}\p{M}]/u.test(doc.text[m.index - 1])) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, text: names.get(m[0].toLowerCase()) });
  }
  // one edit per place (two gold spans can overlap)
  const seen = new Set();
  return applyEdits(doc, edits.filter((e) => !seen.has(e.start) && seen.add(e.start)));
}

/** The copy with its punctuation spaced apart as CoNLL-2003 keeps it (see the top of the file). */
export function spaced(doc) {
  const text = doc.text;
  const edits = [];
  for (const m of text.matchAll(/[,;:!?()"“”]|['’]s\b|\.(?=\s|$)/gu)) {
    const i = m.index;
    const end = i + m[0].length;
    if (m[0] === '.') {
      // not after an abbreviation or initial ("U.S.", "Mr.", "J.")
      const word = /(\S+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
      if (/^(\p{L}\.)*\p{L}$/u.test(word) || /^(Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Corp|Co|Ltd|Gen|Lt|Col|Sgt|Gov|Sen|Rep|Prof|No|vs)$/i.test(word)) continue;
    }
    if ((m[0] === ',' || m[0] === ':') && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[end] ?? '')) continue; // 1,000; 10:30
    const before = i > 0 && !/\s/.test(text[i - 1]) ? ' ' : '';
    const after = end < text.length && !/\s/.test(text[end]) && !/^['’]s$/u.test(m[0]) ? ' ' : '';
    if (before || after) edits.push({ start: i, end, text: `${before}${m[0]}${after}` });
  }
  return applyEdits(doc, edits);
}
