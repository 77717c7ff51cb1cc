// Who said what: quoted spans that report speech, each attributed to a speaker. Pure; works on the text and the
// entities the analysis already found (names are never re-detected here, only looked up).
//
// A paragraph is cut into sentences in which a quotation counts as one word, so "“A,” he said, “B.”" is one sentence
// with two quotes and one cue. A quote is kept when its sentence reports speech (a reporting verb, "according to",
// a dash and a name after a pull-quote) or when it is a sentence of its own (a continuation of the speaker before);
// a short quote with no reporting frame, a name ("a robot named …") or a title ("on “Meet the Press”") is not.
// The speaker is the subject of the cue (before the verb, or after it in "…," said X), resolved through the
// analysis' entities, pronouns and descriptions ("he", "the spokesman", "the ministry") to the speakers and names
// before it; unnamed sources ("a source", "officials") stay unnamed.
import type { QuotedSpan, TextSpan } from '../article/articleModel';
import { splitSentences } from '../article/sentences';
import type { EntityMention } from '../nlp/analysisModel';
import { NEVER_NAMES, ORG_HEADS, ROLE_NOUNS, TITLES } from '../nlp/lexicons';
import { findMarkedSpans, paragraphsOf, type MarkedSpan } from './quoteMarks';
import {
  INDEFINITE,
  NAMING_BEFORE,
  ORGANIZATION_NOUNS,
  REPORTING_VERBS,
  SKIPPABLE_BEFORE_VERB,
  SOURCE_NOUNS,
  SPEAKER_PRONOUNS,
  TITLE_PREPOSITIONS,
  UNKNOWN_WORDS,
} from './reportingWords';

export type SpeakerType = 'person' | 'organization';

export interface Quotation extends QuotedSpan {
  /** The speaker's canonical name, or null when the article does not name one (or it cannot be told). */
  readonly speaker: string | null;
  readonly speakerType: SpeakerType | null;
  /** The reporting expression of the quote's own sentence as written ("said", "told reporters", "according to"), or null. */
  readonly cue: string | null;
  /** Where the cue is in the text, when there is one. */
  readonly cueSpan: TextSpan | null;
}

interface Speaker {
  readonly name: string | null;
  readonly type: SpeakerType | null;
}

const UNNAMED: Speaker = { name: null, type: null };

interface Group {
  readonly quotes: MarkedSpan[];
  readonly frames: TextSpan[];
}

interface Cue extends TextSpan {
  readonly kind: 'verb' | 'according' | 'dash';
  readonly word: string;
}

interface SpeechEvent {
  readonly at: number;
  readonly speaker: Speaker;
}

interface Word extends TextSpan {
  readonly text: string;
}

const WORD = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*/gu;
const TERMINAL = /[.!?…]["'”’)\]]*$/u;
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'these', 'those', 'such', 'in', 'of', 'recent', 'new', 'earlier', 'latest', 'this', 'that', 'whose']);
const STOP_AFTER_VERB = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'while', 'when', 'from', 'to', 'about', 'via', 'through', 'as', 'that', 'and', 'but', 'who', 'which', 'last', 'this', 'on', 'earlier', 'later', 'yesterday', 'today', 'tonight', 'recently', 'adding', 'noting', 'saying', 'citing']);
const CLAUSE_OPENERS = new Set(['as', 'but', 'and', 'while', 'however', 'so', 'yet', 'then', 'meanwhile', 'now', 'later', 'earlier', 'also', 'instead', 'still']);
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'der', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'ben', 'abu']);
const SPEAKER_ROLES = new Set([...ROLE_NOUNS, 'spokesman', 'spokeswoman', 'spokesperson', 'coauthor', 'co-author', 'author', 'poster', 'official', 'source']);

function words(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
  return out;
}

const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

/** Finds the quotations of an article and their speakers, given the entities of its analysis (any order). */
export function findQuotations(text: string, entities: readonly EntityMention[]): Quotation[] {
  return new QuoteFinder(text, entities).run();
}

class QuoteFinder {
  private readonly entities: readonly EntityMention[];
  private readonly events: SpeechEvent[] = [];
  /** Persons that begin a sentence (its subject, most likely): what a later "he" or "she" usually refers to. */
  private readonly subjects: SpeechEvent[] = [];
  private readonly result: Quotation[] = [];

  constructor(
    private readonly text: string,
    entities: readonly EntityMention[],
  ) {
    this.entities = [...entities].sort((a, b) => a.start - b.start);
  }

  run(): Quotation[] {
    for (const group of this.groups()) {
      this.noteSubject(group);
      if (group.quotes.length === 0) this.reportedSpeech(group);
      else this.quoteGroup(group);
    }
    return this.result;
  }

  // ---- sentences with quotes as words ----

  private groups(): Group[] {
    const { text } = this;
    const paragraphs = paragraphsOf(text);
    const marked = findMarkedSpans(text).sort((a, b) => a.open - b.open);
    const groups: Group[] = [];
    let qi = 0;
    for (let p = 0; p < paragraphs.length; ) {
      const regionStart = paragraphs[p]!.start;
      let regionEnd = paragraphs[p]!.end;
      p++;
      const quotes: MarkedSpan[] = [];
      for (;;) {
        while (qi < marked.length && marked[qi]!.open < regionEnd) quotes.push(marked[qi++]!);
        const last = quotes[quotes.length - 1];
        if (last && last.closed && last.close >= regionEnd && p < paragraphs.length) {
          regionEnd = paragraphs[p]!.end;
          p++;
          continue;
        }
        break;
      }
      this.groupRegion(regionStart, regionEnd, quotes, groups);
    }
    return groups;
  }

  private groupRegion(regionStart: number, regionEnd: number, quotes: readonly MarkedSpan[], groups: Group[]): void {
    let group: Group = { quotes: [], frames: [] };
    const close = (): void => {
      if (group.quotes.length > 0 || group.frames.length > 0) groups.push(group);
      group = { quotes: [], frames: [] };
    };
    for (let i = 0; i <= quotes.length; i++) {
      const prev = i > 0 ? quotes[i - 1]! : undefined;
      const gapStart = prev ? Math.min(prev.close + 1, regionEnd) : regionStart;
      const gapEnd = i < quotes.length ? Math.max(quotes[i]!.open, gapStart) : regionEnd;
      if (prev && TERMINAL.test(this.text.slice(prev.start, prev.end)) && !this.attributionAhead(gapStart, gapEnd)) close();
      if (prev && /^\s*[.!?]/u.test(this.text.slice(gapStart, gapEnd))) close();
      if (gapEnd > gapStart) {
        const pieces = splitSentences(this.text, gapStart, gapEnd).filter((s) => /[\p{L}\p{N}]/u.test(this.text.slice(s.start, s.end)));
        pieces.forEach((piece, k) => {
          if (k > 0) close();
          group.frames.push(piece);
        });
        const last = pieces[pieces.length - 1];
        if (last && i < quotes.length && TERMINAL.test(this.text.slice(last.start, last.end))) close();
      }
      if (i < quotes.length) group.quotes.push(quotes[i]!);
    }
    close();
  }

  /** Whether the text after a quote that ends a sentence still attributes it: "… ." Price said / — Name / he added. */
  private attributionAhead(start: number, end: number): boolean {
    const slice = this.text.slice(start, Math.min(end, start + 160));
    if (/^\s*[-–—]\s*\p{Lu}/u.test(slice)) return true;
    const ws = words(this.text, start, Math.min(end, start + 160));
    const first = ws[0];
    if (!first) return false;
    if (/^[.!?]/u.test(this.text.slice(start, first.start).trim())) return false;
    if (/^\p{Ll}/u.test(first.text)) return true;
    for (const w of ws.slice(0, 7)) {
      if (this.isCueWord(w)) return this.endsAttribution(w.end, end);
      if (/[.!?]/u.test(this.text.slice(w.end, w.end + 1))) return false;
    }
    return false;
  }

  private noteSubject(group: Group): void {
    const first = group.frames[0];
    if (!first || group.quotes.some((q) => q.open < first.start)) return;
    const person = this.entitiesIn({ start: first.start, end: Math.min(first.end, first.start + 80) }).find((e) => e.type === 'person' && e.start < first.start + 60);
    if (person && !this.possessor(person)) this.subjects.push({ at: person.start, speaker: { name: person.canonical, type: 'person' } });
  }

  /**
   * Whether a verb closes an attribution ("Price said." / "said during a briefing" / "told reporters on Monday")
   * rather than opening a sentence of its own ("The poster wrote that …", "He said, “…”").
   */
  private endsAttribution(verbEnd: number, limit: number): boolean {
    let rest = this.text.slice(verbEnd, Math.min(limit, verbEnd + 80));
    if (/^\s*(?:that|whether|how|what|why|if)\b/iu.test(rest)) return false;
    rest = rest.replace(/^\s+(?:[\p{Lu}][\p{L}’'.-]*\s*){0,4}(?:[’']s\s+[\p{Lu}][\p{L}’'.-]*\s*){0,3}/u, ' ').replace(/^\s+(?:reporters|journalists|the\s+press|the\s+media|him|her|them|us)\b/u, '');
    if (/^\s*[,:]?\s*["“‘]/u.test(rest)) return false;
    return /^\s*(?:[,.;!?]|$|(?:on|in|during|at|to|from|after|before|via|while|when|according|as|through|adding|noting|citing|referring|earlier|later|last|this|today|yesterday|also|again)\b)/iu.test(rest);
  }

  // ---- cues ----

  private isCueWord(w: Word): boolean {
    if (!REPORTING_VERBS.has(w.text) || isCapitalised(w.text)) return false;
    if (['said', 'told', 'wrote', 'added', 'says'].includes(w.text)) return true;
    // "his comments", "the reports": nouns after a determiner, not verbs
    const prev = /(\p{L}+)\s*$/u.exec(this.text.slice(Math.max(0, w.start - 20), w.start))?.[1]?.toLowerCase();
    return !(prev !== undefined && DETERMINERS.has(prev));
  }

  private cuesIn(frame: TextSpan): Cue[] {
    const cues: Cue[] = [];
    const ws = words(this.text, frame.start, frame.end);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      if (w.text.toLowerCase() === 'according' && ws[i + 1]?.text.toLowerCase() === 'to') {
        cues.push({ start: w.start, end: ws[i + 1]!.end, kind: 'according', word: 'according' });
        i++;
      } else if (this.isCueWord(w) && !(/^call/u.test(w.text) && !/^(?!\s*(?:for|on|off|up|in)\b)[^.;!?"“]{0,50}["“]/u.test(this.text.slice(w.end, w.end + 60)))) {
        // "called" reports speech only when a quote follows it ("called the ruling “dangerous”"), not in "a device called X"
        cues.push({ start: w.start, end: w.end, kind: 'verb', word: w.text.toLowerCase() });
      }
    }
    return cues;
  }

  /** The cue as written: the verb, "told" with its object ("told reporters"), or "according to". */
  private cueText(cue: Cue): { text: string; span: TextSpan } {
    if (cue.kind !== 'verb' || cue.word !== 'told') return { text: this.text.slice(cue.start, cue.end), span: { start: cue.start, end: cue.end } };
    let end = cue.end;
    const ws = words(this.text, cue.end, Math.min(this.text.length, cue.end + 80));
    for (const w of ws.slice(0, 5)) {
      if (/[,.;:!?"“”]/u.test(this.text.slice(end, w.start))) break;
      if (STOP_AFTER_VERB.has(w.text.toLowerCase()) && w.text !== 'the') break;
      end = w.end;
      if (/^[’']s$/u.test(this.text.slice(w.end, w.end + 2))) continue;
    }
    return { text: this.text.slice(cue.start, end), span: { start: cue.start, end } };
  }

  // ---- groups ----

  private reportedSpeech(group: Group): void {
    for (const frame of group.frames) {
      for (const cue of this.cuesIn(frame)) {
        const speaker = this.subjectOf(cue, frame, undefined);
        if (speaker) this.addEvent({ at: cue.start, speaker });
      }
    }
  }

  private quoteGroup(group: Group): void {
    const cues = group.frames.flatMap((f) => this.cuesIn(f).map((c) => ({ cue: c, frame: f })));
    const chosen = new Map(group.quotes.map((q) => [q, this.cueFor(q, group, cues)]));
    const used = new Set(chosen.values());
    const items: { at: number; quote?: MarkedSpan; cue?: { cue: Cue; frame: TextSpan } }[] = [
      ...group.quotes.map((quote) => ({ at: quote.open, quote })),
      ...cues.filter((c) => !used.has(c)).map((cue) => ({ at: cue.cue.start, cue })),
    ].sort((a, b) => a.at - b.at);
    for (const item of items) {
      if (item.cue) {
        const speaker = this.subjectOf(item.cue.cue, item.cue.frame, undefined);
        if (speaker) this.addEvent({ at: item.cue.cue.start, speaker });
      } else if (item.quote) this.quote(item.quote, cues, chosen.get(item.quote));
    }
  }

  private quote(quote: MarkedSpan, cues: readonly { cue: Cue; frame: TextSpan }[], chosen: { cue: Cue; frame: TextSpan } | undefined): void {
    {
      const quoted = this.text.slice(quote.start, quote.end);
      if (this.isNameOrTitle(quote, quoted, chosen !== undefined)) return;
      let speaker: Speaker | undefined;
      let cueText: { text: string; span: TextSpan } | null = null;
      if (chosen) {
        if (quote.single && !this.tightCue(quote, chosen.cue)) return;
        cueText = chosen.cue.kind === 'dash' ? null : this.cueText(chosen.cue);
        speaker = this.subjectOf(chosen.cue, chosen.frame, quote);
        // "…, and told the police, “…”": a verb without its own subject shares the one before it
        for (let k = cues.indexOf(chosen) - 1; !speaker && k >= 0; k--) speaker = this.subjectOf(cues[k]!.cue, cues[k]!.frame, undefined);
      } else {
        if (quote.single || !sentenceLike(quoted)) return;
      }
      speaker ??= this.continuing(quote.open);
      this.result.push({
        start: quote.start,
        end: quote.end,
        text: quoted,
        speaker: speaker.name,
        speakerType: speaker.name === null ? null : speaker.type,
        cue: cueText?.text ?? null,
        cueSpan: cueText?.span ?? null,
      });
      this.addEvent({ at: quote.start, speaker });
    }
  }

  /** Single marks are scare quotes as often as not: they count only with a cue right next to them. */
  private tightCue(quote: MarkedSpan, cue: Cue): boolean {
    if (cue.kind === 'dash') return false;
    if (cue.start > quote.close) return words(this.text, quote.close + 1, cue.start).length <= 6 && !/[.!?]/u.test(this.text.slice(quote.close + 1, cue.start));
    return /^(?:\s+(?:that|in\s+a\s+statement))?\s*[,:]?\s*$/u.test(this.text.slice(cue.end, quote.open));
  }

  private cueFor(quote: MarkedSpan, group: Group, cues: readonly { cue: Cue; frame: TextSpan }[]): { cue: Cue; frame: TextSpan } | undefined {
    // right after the quote: "…," he said / said X / — X
    const after = group.frames.find((f) => f.start > quote.close && !/\S/u.test(this.text.slice(quote.close + 1, f.start).replace(/[,.;:]/gu, '')));
    if (after) {
      const dash = /^[-–—]\s*(?=\p{Lu})/u.exec(this.text.slice(after.start, after.end));
      if (dash) return { cue: { start: after.start, end: after.start + 1, kind: 'dash', word: '' }, frame: after };
      const firstWords = words(this.text, after.start, after.end).slice(0, 8);
      const near = cues.find((c) => c.frame === after && firstWords.some((w) => w.start === c.cue.start));
      if (near) return near;
    }
    const before = cues.filter((c) => c.cue.end <= quote.open);
    if (before.length > 0) return before[before.length - 1];
    return cues.find((c) => c.cue.start >= quote.close);
  }

  private isNameOrTitle(quote: MarkedSpan, quoted: string, hasCue: boolean): boolean {
    const before = this.text.slice(Math.max(0, quote.open - 60), quote.open);
    if (NAMING_BEFORE.test(before)) return true;
    const ws = quoted.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (ws.length === 0) return true;
    const titleCase = ws.length <= 15 && ws.every((w, i) => isCapitalised(w) || /^\p{N}/u.test(w) || (i > 0 && w.length <= 4)) && !/[.!?]\S*\s+\S/u.test(quoted);
    if (titleCase && (TITLE_PREPOSITIONS.test(before) || !hasCue)) return true;
    // "is called a “…”": a name given, not words said
    return /\b(?:is|was|are|were|be|been|being)\s+(?:also\s+)?(?:called|named|known\s+as|termed|dubbed)\b[^.;!?]{0,30}$/iu.test(before);
  }

  // ---- speakers ----

  /** The speaker a cue reports, or undefined when its subject is not in its sentence. */
  private subjectOf(cue: Cue, frame: TextSpan, quote: MarkedSpan | undefined): Speaker | undefined {
    if (cue.kind === 'according' || cue.kind === 'dash') return this.phraseAfter(cue.end, frame.end);
    const { text } = this;
    // "…," said X: the verb first, the speaker after it
    const inverted = quote !== undefined && quote.close < cue.start && !/[\p{L}\p{N}]/u.test(text.slice(quote.close + 1, cue.start));
    if (inverted || (frame.start === cue.start && quote === undefined && /^\s*[\p{Lu}]/u.test(text.slice(cue.end, cue.end + 3)))) {
      const after = this.phraseAfter(cue.end, frame.end);
      if (after) return after;
    }
    if (cue.word.endsWith('ing')) {
      // "…, writing in a post": the subject of the main clause
      const firstChunk = /^[^,;:]*/u.exec(text.slice(frame.start, cue.start))![0];
      return this.nounPhrase(frame.start, frame.start + firstChunk.length, false);
    }
    return this.nounPhrase(frame.start, cue.start, true);
  }

  /** The speaker named right after a verb or "according to", up to a comma or a preposition. */
  private phraseAfter(start: number, limit: number): Speaker | undefined {
    const ws = words(this.text, start, Math.min(limit, start + 200));
    let end = start;
    for (const w of ws.slice(0, 12)) {
      if (/[,;:.!?"“”()]/u.test(this.text.slice(end, w.start)) && end > start) break;
      if (STOP_AFTER_VERB.has(w.text.toLowerCase()) && end > start) break;
      end = w.end;
    }
    if (end === start) return undefined;
    return this.nounPhrase(start, end, false);
  }

  /**
   * The speaker a noun phrase region names, reading it right to left when it is the subject before a verb:
   * a pronoun, a person or organization of the analysis, an unnamed source, a description, or capitalised words.
   */
  private nounPhrase(start: number, end: number, beforeVerb: boolean): Speaker | undefined {
    const { text } = this;
    let ws = words(text, start, end);
    if (beforeVerb) while (ws.length > 0 && SKIPPABLE_BEFORE_VERB.has(ws[ws.length - 1]!.text.toLowerCase())) ws = ws.slice(0, -1);
    while (ws.length > 0 && CLAUSE_OPENERS.has(ws[0]!.text.toLowerCase())) ws = ws.slice(1);
    if (ws.length === 0) return undefined;
    const regionEnd = ws[ws.length - 1]!.end;
    const last = ws[ws.length - 1]!;
    if (beforeVerb && SPEAKER_PRONOUNS.has(last.text.toLowerCase())) return this.pronoun(last.text.toLowerCase(), last.start);
    if (!beforeVerb && ws.length === 1 && SPEAKER_PRONOUNS.has(last.text.toLowerCase())) return this.pronoun(last.text.toLowerCase(), last.start);
    const chunks = this.chunks(ws[0]!.start, regionEnd);
    if (chunks.length === 0) return undefined;
    // "X, a spokesman for Y, said": the appositive after a comma right before the verb
    const lastChunk = chunks[chunks.length - 1]!;
    const relative = /^(?:who|whose|which)\b/iu.test(text.slice(lastChunk.start, lastChunk.end));
    const appositive = beforeVerb && chunks.length >= 2 && (relative || /,\s*$/u.test(text.slice(regionEnd, end)));
    const primary = beforeVerb ? (appositive ? chunks[chunks.length - 2]! : chunks[chunks.length - 1]!) : chunks[0]!;
    const candidates = appositive ? [chunks[chunks.length - 1]!, primary] : [primary];

    if (this.unnamed(primary)) {
      const named = appositive ? this.entityIn(chunks[chunks.length - 1]!, 'person') : undefined;
      return named ?? UNNAMED;
    }
    for (const chunk of candidates) {
      const person = this.entityIn(chunk, 'person');
      if (person) return person;
    }
    const description = this.description(primary);
    if (description) return description;
    if (this.bareName(primary)) {
      const name = this.capitalisedName(primary, beforeVerb);
      if (name) return name;
    }
    for (const chunk of candidates) {
      const org = this.entityIn(chunk, 'organization') ?? this.entityIn(chunk, 'place');
      if (org) return org;
    }
    for (const chunk of candidates) {
      const name = this.capitalisedName(chunk, beforeVerb);
      if (name) return name;
    }
    return undefined;
  }

  /** Comma, paren and dash separated parts of a region, trimmed, without empty ones. */
  private chunks(start: number, end: number): TextSpan[] {
    const out: TextSpan[] = [];
    const re = /[^,;:()\[\]—–]+/gu;
    const slice = this.text.slice(start, end);
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const ws = words(this.text, start + m.index, start + m.index + m[0].length);
      if (ws.length > 0) out.push({ start: ws[0]!.start, end: ws[ws.length - 1]!.end });
    }
    return out;
  }

  /** A chunk that is only capitalised words (and name particles): a name the analysis may have missed. */
  private bareName(chunk: TextSpan): boolean {
    const ws = words(this.text, chunk.start, chunk.end);
    return ws.length > 0 && ws.length <= 5 && ws.every((w) => isCapitalised(w.text) || NAME_PARTICLES.has(w.text)) && !SPEAKER_PRONOUNS.has(ws[0]!.text.toLowerCase());
  }

  private unnamed(chunk: TextSpan): boolean {
    const ws = words(this.text, chunk.start, chunk.end).map((w) => w.text.toLowerCase());
    while (ws.length > 0 && CLAUSE_OPENERS.has(ws[0]!)) ws.shift();
    const first = ws[0];
    if (!first) return false;
    if (ws.some((w) => UNKNOWN_WORDS.has(w))) return true;
    const hasName = this.entitiesIn(chunk).some((e) => e.type === 'person' && !this.possessor(e));
    if (INDEFINITE.has(first) && !hasName) return true;
    // bare plurals: "officials said", "sources told"
    return SOURCE_NOUNS.has(first) && /s$/u.test(first) && !hasName;
  }

  private entitiesIn(span: TextSpan): EntityMention[] {
    const out: EntityMention[] = [];
    for (let i = this.firstEntityAt(span.start); i < this.entities.length && this.entities[i]!.start < span.end; i++) {
      if (this.entities[i]!.end <= span.end) out.push(this.entities[i]!);
    }
    return out;
  }

  /** Index of the first entity starting at or after `offset`. */
  private firstEntityAt(offset: number): number {
    let lo = 0;
    let hi = this.entities.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entities[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Entities of a type ending before `offset`, the nearest last, at most `limit` of them. */
  private entitiesBefore(offset: number, type: EntityMention['type'], limit = 200): EntityMention[] {
    const out: EntityMention[] = [];
    for (let i = this.firstEntityAt(offset) - 1; i >= 0 && out.length < limit; i--) {
      const e = this.entities[i]!;
      if (e.type === type && e.end <= offset) out.push(e);
    }
    return out.reverse();
  }

  private names: { canonical: Map<string, EntityMention>; lastWord: Map<string, EntityMention> } | undefined;

  /** Entities by canonical name, and persons by the last word of their name ("Lindqvist" for "Anna Lindqvist"). */
  private byName(): { canonical: Map<string, EntityMention>; lastWord: Map<string, EntityMention> } {
    if (!this.names) {
      const canonical = new Map<string, EntityMention>();
      const lastWord = new Map<string, EntityMention>();
      for (const e of this.entities) {
        if (!canonical.has(e.canonical)) canonical.set(e.canonical, e);
        const last = e.canonical.split(/\s+/u).pop()!;
        if (e.type === 'person' && !lastWord.has(last)) lastWord.set(last, e);
      }
      this.names = { canonical, lastWord };
    }
    return this.names;
  }

  private addEvent(event: SpeechEvent): void {
    let i = this.events.length;
    while (i > 0 && this.events[i - 1]!.at > event.at) i--;
    this.events.splice(i, 0, event);
  }

  private possessor(e: EntityMention): boolean {
    return /^(?:[’']s?\b|s[’'])/u.test(this.text.slice(e.end, e.end + 3));
  }

  private entityIn(chunk: TextSpan, type: EntityMention['type']): Speaker | undefined {
    const found = this.entitiesIn(chunk).filter((e) => e.type === type && !this.possessor(e));
    const e = found[0];
    if (!e) return undefined;
    return { name: e.canonical, type: type === 'person' ? 'person' : 'organization' };
  }

  /** "the spokesman", "the group's spokesperson", "the ministry": the person or organization described before. */
  private description(chunk: TextSpan): Speaker | undefined {
    const ws = words(this.text, chunk.start, chunk.end).map((w) => w.text.toLowerCase().replace(/[’']s$/u, ''));
    if (ws[0] !== 'the' && !/^(?:his|her|its|their)$/u.test(ws[0] ?? '')) return undefined;
    // "The U.S. Department of Agriculture" is a name, not a description
    if (words(this.text, chunk.start, chunk.end).slice(1).some((w) => isCapitalised(w.text))) return undefined;
    const cut = ws.findIndex((w, i) => i > 0 && ['of', 'for', 'at', 'in', 'with', 'from', 'to', 'by', 'on'].includes(w));
    const head = (cut > 0 ? ws.slice(0, cut) : ws).pop()!;
    // a description no one before fits stays unnamed rather than guessed
    if (SPEAKER_ROLES.has(head)) return this.personDescribed(head, chunk.start) ?? UNNAMED;
    if (ORGANIZATION_NOUNS.has(head)) return this.organizationDescribed(head, chunk.start);
    return undefined;
  }

  private personDescribed(role: string, before: number): Speaker | undefined {
    const roles = /^spokes/u.test(role) ? 'spokes(?:man|woman|person)' : role.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    // "spokesman Ivo Sand", "Ivo Sand, the agency's spokesman": the role right next to the name
    const nearBefore = new RegExp(`\\b${roles}\\s+(?:\\p{Lu}[\\p{L}.’'-]*\\s+){0,3}$`, 'u');
    const nearAfter = new RegExp(`^\\s*,\\s*(?:\\S+\\s+){0,4}${roles}\\b`, 'u');
    const introduced = [...this.text.slice(Math.max(0, before - 3000), before).matchAll(new RegExp(`\\b(\\p{L}+)\\s+${roles}\\b(?!\\s+\\p{Lu})`, 'gu'))].pop();
    if (introduced && INDEFINITE.has(introduced[1]!.toLowerCase())) return UNNAMED;
    const persons = this.entitiesBefore(before, 'person', 40);
    for (let i = persons.length - 1; i >= 0; i--) {
      const e = persons[i]!;
      if (nearBefore.test(this.text.slice(Math.max(0, e.start - 60), e.start)) || nearAfter.test(this.text.slice(e.end, e.end + 60))) {
        return { name: e.canonical, type: 'person' };
      }
    }
    return this.lastEvent(before, 'person', 3000);
  }

  private organizationDescribed(noun: string, before: number): Speaker | undefined {
    const orgs = this.entitiesBefore(before, 'organization');
    for (let i = orgs.length - 1; i >= 0; i--) {
      if (orgs[i]!.canonical.toLowerCase().includes(noun)) return { name: orgs[i]!.canonical, type: 'organization' };
    }
    const last = orgs[orgs.length - 1];
    if (last && before - last.end < 1500) return { name: last.canonical, type: 'organization' };
    return this.lastEvent(before, 'organization', 3000);
  }

  private pronoun(word: string, at: number): Speaker {
    if (word === 'it') return this.organizationDescribed('\u0000', at) ?? UNNAMED;
    if (word === 'they' || word === 'we') return this.lastEvent(at, 'organization', 1000) ?? UNNAMED;
    const spoke = this.lastEvent(at, 'person', 3000);
    let subject: SpeechEvent | undefined;
    for (let i = this.subjects.length - 1; i >= 0 && !subject; i--) if (this.subjects[i]!.at < at && at - this.subjects[i]!.at < 3000) subject = this.subjects[i];
    let spokeAt = -1;
    for (let i = this.events.length - 1; i >= 0 && spokeAt < 0; i--) if (this.events[i]!.speaker === spoke && this.events[i]!.at < at) spokeAt = this.events[i]!.at;
    if (subject && subject.at > spokeAt) return subject.speaker;
    if (spoke) return spoke;
    const persons = this.entitiesBefore(at, 'person', 1);
    const last = persons[persons.length - 1];
    return last ? { name: last.canonical, type: 'person' } : UNNAMED;
  }

  /** The most recent named speaker of a type within `distance` characters before `at`. */
  private lastEvent(at: number, type: SpeakerType, distance: number): Speaker | undefined {
    const events = this.events;
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i]!;
      if (e.at > at) continue;
      if (at - e.at > distance) return undefined;
      if (e.speaker.type === type && e.speaker.name !== null) return e.speaker;
    }
    return undefined;
  }

  /** A quote with no cue of its own continues the most recent speaker, if one spoke shortly before. */
  private continuing(at: number): Speaker {
    let last: SpeechEvent | undefined;
    for (let i = this.events.length - 1; i >= 0 && !last; i--) if (this.events[i]!.at < at) last = this.events[i];
    return last && at - last.at < 1500 ? last.speaker : UNNAMED;
  }

  /** A run of capitalised words the analysis did not name ("Mr. Lindqvist"), matched to a known name if one ends so. */
  private capitalisedName(chunk: TextSpan, fromEnd: boolean): Speaker | undefined {
    const ws = words(this.text, chunk.start, chunk.end);
    const runs: Word[][] = [];
    let run: Word[] = [];
    for (const w of ws) {
      if (isCapitalised(w.text) || (run.length > 0 && NAME_PARTICLES.has(w.text))) run.push(w);
      else {
        if (run.length > 0) runs.push(run);
        run = [];
      }
    }
    if (run.length > 0) runs.push(run);
    const picked = fromEnd ? runs[runs.length - 1] : runs[0];
    if (!picked) return undefined;
    const name = picked
      .map((w) => ({ ...w, text: w.text.replace(/[’']s$/u, '') }))
      .filter((w) => !TITLES.has(w.text.toLowerCase().replace(/\.$/u, '')) && !NEVER_NAMES.has(w.text.toLowerCase()) && !/ly$/u.test(w.text));
    if (name.length === 0) return undefined;
    const surface = name.map((w) => w.text).join(' ');
    const lastWord = name[name.length - 1]!.text;
    const known = this.byName().canonical.get(surface) ?? this.byName().lastWord.get(lastWord);
    if (known) return { name: known.canonical, type: known.type === 'person' ? 'person' : 'organization' };
    if (name.length === 1 && /^(?:I|We|He|She|They|It)$/u.test(surface)) return undefined;
    return { name: surface, type: name.some((w) => ORG_HEADS.has(w.text.toLowerCase())) ? 'organization' : 'person' };
  }
}

/** A quote that reads as speech on its own: a capitalised sentence, or a long stretch of words. */
function sentenceLike(quoted: string): boolean {
  const count = quoted.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (count >= 8) return true;
  return count >= 3 && /^[\p{Lu}.…[]/u.test(quoted) && /[.!?…,]["'”’)\]]*$/u.test(quoted);
}
