// Scoring against gold annotations: a port of the shared eval's score.mjs (same rules, same figures), so the
// project measures itself without the shared folder. score() takes gold and predicted documents; print() the figures.
const TYPES = ['PER', 'LOC', 'ORG'];
const EDGE = /[\s\p{P}\p{S}]/u;
const ABBR = /(^|\s)((\p{L}\.)+|Inc\.|Corp\.|Co\.|Ltd\.|Jr\.|Sr\.|St\.|Bros\.|Mt\.|Ft\.|Dr\.|Mr\.|Mrs\.|Ms\.)$/u;
const PAIR = { '(': ')', '[': ']', '{': '}' };
const OPEN = { ')': '(', ']': '[', '}': '{' };
// a bracket is kept when its partner is inside the span: "Radnicki (N)", "(Tom) Seaver"
function trim(text, s, e) {
  for (let changed = true; changed && s < e; ) {
    changed = false;
    while (s < e && EDGE.test(text[s]) && !(PAIR[text[s]] && text.slice(s + 1, e).includes(PAIR[text[s]]))) {
      s++;
      changed = true;
    }
    if (/['’][sS]$/.test(text.slice(s, e)) && e - s > 2) {
      e -= 2;
      changed = true;
    }
    while (
      s < e &&
      EDGE.test(text[e - 1]) &&
      !(text[e - 1] === '.' && ABBR.test(text.slice(s, e))) &&
      !(OPEN[text[e - 1]] && text.slice(s, e - 1).includes(OPEN[text[e - 1]]))
    ) {
      e--;
      changed = true;
    }
  }
  return [s, e];
}
const trimmed = (text, spans) =>
  (spans ?? []).map((x) => {
    const [s, t] = trim(text, x.start, x.end);
    return { ...x, start: s, end: t };
  });

// one-to-one matching of gold and predicted spans: exact pairs first, then by overlap size
function match(golds, preds, sameType) {
  const pairs = [];
  golds.forEach((g, i) =>
    preds.forEach((p, j) => {
      const ov = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (ov > 0 && (!sameType || g.type === p.type)) pairs.push([g.start === p.start && g.end === p.end ? 1 : 0, ov, i, j]);
    }),
  );
  pairs.sort((x, y) => y[0] - x[0] || y[1] - x[1]);
  const gi = new Map();
  const pj = new Set();
  for (const [, , i, j] of pairs)
    if (!gi.has(i) && !pj.has(j)) {
      gi.set(i, j);
      pj.add(j);
    }
  return gi; // gold index -> pred index
}

const anchor = (v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? (v.from ?? v.notBefore ?? v.notAfter ?? v.to ?? null) : null);

const prf = (tp, np, ng) => {
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

export function score(gold, predDocs, { goldFile = null, predFile = null } = {}) {
  const pred = new Map(predDocs.map((d) => [d.id, d]));
  const notes = [];
  const missing = gold.filter((g) => !pred.has(g.id)).length;
  if (missing) notes.push(`${missing} gold document(s) have no prediction`);
  const zero = () => ({ gold: 0, pred: 0, strict: 0, lenient: 0, untyped: 0 });
  const ent = Object.fromEntries([...TYPES, 'ALL'].map((t) => [t, zero()]));
  const dat = { gold: 0, pred: 0, found: 0, valueScored: 0, valueOk: 0 };
  let ignoredTypes = 0;
  let emptyAfterTrim = 0;
  for (const g of gold) {
    const p = pred.get(g.id) ?? { entities: [], dates: [] };
    const gEnts = trimmed(g.text, (g.entities ?? []).filter((e) => TYPES.includes(e.type)));
    const pEnts = [];
    for (const e of trimmed(g.text, p.entities)) {
      if (!TYPES.includes(e.type)) {
        ignoredTypes++;
        continue;
      }
      if (e.start >= e.end) {
        emptyAfterTrim++;
        continue;
      }
      pEnts.push(e);
    }
    for (const t of TYPES) {
      const gs = gEnts.filter((e) => e.type === t);
      const ps = pEnts.filter((e) => e.type === t);
      ent[t].gold += gs.length;
      ent[t].pred += ps.length;
      const keys = new Set(ps.map((e) => `${e.start}:${e.end}`));
      ent[t].strict += new Set(gs.filter((e) => keys.has(`${e.start}:${e.end}`)).map((e) => `${e.start}:${e.end}`)).size;
      ent[t].lenient += match(gs, ps, true).size;
    }
    ent.ALL.untyped += match(gEnts, pEnts, false).size;

    const gDates = trimmed(g.text, g.dates);
    const pDates = trimmed(g.text, p.dates).filter((d) => d.start < d.end);
    dat.gold += gDates.length;
    dat.pred += pDates.length;
    for (const [i, j] of match(gDates, pDates, false)) {
      dat.found++;
      const ga = anchor(gDates[i].value);
      if (!ga) continue;
      const want = ga.slice(0, 10);
      dat.valueScored++;
      const pa = anchor(pDates[j].value);
      if (typeof pa === 'string' && pa.slice(0, want.length) === want) dat.valueOk++;
    }
  }
  for (const t of TYPES) for (const k of ['gold', 'pred', 'strict', 'lenient']) ent.ALL[k] += ent[t][k];
  if (ignoredTypes) notes.push(`${ignoredTypes} predicted entities of other types ignored`);
  if (emptyAfterTrim) notes.push(`${emptyAfterTrim} predicted entities empty after trimming`);
  const out = { gold: goldFile, pred: predFile, docs: gold.length, entities: {}, dates: null, notes };
  for (const t of [...TYPES, 'ALL']) {
    const c = ent[t];
    out.entities[t] = { gold: c.gold, pred: c.pred, strict: prf(c.strict, c.pred, c.gold), lenient: prf(c.lenient, c.pred, c.gold) };
    if (t === 'ALL') out.entities[t].untyped = prf(c.untyped, c.pred, c.gold);
  }
  out.dates = {
    gold: dat.gold,
    pred: dat.pred,
    found: dat.found,
    span: prf(dat.found, dat.pred, dat.gold),
    valueAccuracy: dat.valueScored ? dat.valueOk / dat.valueScored : null,
    valueCorrect: dat.valueOk,
    valueScored: dat.valueScored,
  };
  out.F1 = out.entities.ALL.strict.f1;
  out.DATEACC = out.dates.valueAccuracy;
  return out;
}

export function print(out) {
  const f = (x) => (100 * x).toFixed(1).padStart(5);
  const row = (name, c, k) => `${name.padEnd(12)}${String(c.gold).padStart(6)}${String(c.pred).padStart(6)}  ${f(c[k].p)} ${f(c[k].r)} ${f(c[k].f1)}`;
  console.log(`${'entities'.padEnd(12)}${'gold'.padStart(6)}${'pred'.padStart(6)}    P     R     F1    (strict | lenient)`);
  for (const t of [...TYPES, 'ALL']) {
    const c = out.entities[t];
    console.log(`${row(t, c, 'strict')}  | ${f(c.lenient.p)} ${f(c.lenient.r)} ${f(c.lenient.f1)}`);
  }
  const u = out.entities.ALL.untyped;
  console.log(`${'ALL untyped'.padEnd(24)}  ${''.padStart(17)}  | ${f(u.p)} ${f(u.r)} ${f(u.f1)}`);
  const d = out.dates;
  const spanCols = d.gold ? `${f(d.span.p)} ${f(d.span.r)} ${f(d.span.f1)}` : '  (no gold dates)';
  console.log(
    `${'dates'.padEnd(12)}${String(d.gold).padStart(6)}${String(d.pred).padStart(6)}  ${''.padStart(17)}  | ${spanCols}   value ${d.valueCorrect}/${d.valueScored}${d.valueAccuracy === null ? '' : ` = ${f(d.valueAccuracy).trim()}%`}`,
  );
  const a = out.articleDate;
  console.log(`article date detected ${a.detected}/${a.docs}, correct ${a.correct}/${a.withDate} (of the articles with a gold docDate)`);
  for (const n of out.notes) console.log(`note: ${n}`);
  const num = (x) => (x === null ? 'n/a' : x.toFixed(4));
  console.log(`F1 ${num(out.F1)} DATEACC ${num(out.DATEACC)}`);
}

