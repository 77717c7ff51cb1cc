// What the workspace index keeps on disk for one article, and the checks that decide whether a stored entry can be used.
// Cache files are untrusted input (another version, a crash mid-write, a hand edit): every field is checked, every
// span must lie in the article's text and quote it exactly, or the entry is refused with the reason.
import type { Analysis, AnalyzeOptions, DateMention, DateValue, EntityMention, EntityType, LexiconEntry } from '../nlp/analysisModel';
import { ENTITY_TYPES } from '../nlp/analysisModel';
import type { TextSpan } from '../article/articleModel';
import type { Quotation } from '../quotes/quotations';
import { jsonChunks } from '../text/jsonPieces';
import type { CorpusEntity, PreparedArticle, TypeConflict } from './corpusIndex';
import { DATE_FIELDS, dateCount, dateResolved, dateStartOf, isIsoDate, MENTION_FIELDS, packedProblem, type PackedAnalysis } from './packedAnalysis';

const ARTICLE_DATE_SOURCES: readonly NonNullable<Analysis['articleDateSource']>[] = ['given', 'stated', 'text', 'weekday', 'file-date'];

/** Version of the cache entry layout; a different one is discarded. */
export const INDEX_CACHE_FORMAT = 1;

export interface IndexCacheEntry {
  readonly format: number;
  /** Version of the analysis pipeline that produced it. */
  readonly pipeline: string;
  /** Hash of the exact article text analysed. */
  readonly contentHash: string;
  /** The options that can change the result for this text (article date, the lexicon entries it touches), serialised. */
  readonly optionsKey: string;
  readonly analysis: Analysis;
}

/**
 * The lexicon entries that can change this text's analysis: those whose form occurs in it as whole words
 * (case-insensitively, any run of white space between its words), as applyLexicon matches mentions and accepted forms.
 * A form inside a longer word ("Riga" in "Brigade") changes nothing, so a correction does not send such articles back
 * to the worker.
 */
export function relevantLexicon(text: string, lexicon: readonly LexiconEntry[]): LexiconEntry[] {
  if (lexicon.length === 0) return [];
  const lower = text.toLowerCase();
  return lexicon.filter((e) => {
    const words = e.text.trim().toLowerCase().split(/\s+/);
    if (words[0] === '') return false;
    // the cheap test first: most entries are in no article
    if (!words.every((w) => lower.includes(w))) return false;
    return new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`, 'u').test(lower);
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The cache-relevant part of an article's analysis options: a lexicon change that touches no form of this text keeps
 * the key (and the cached analysis) as it was. Entries are sorted, so the order of the lexicon does not matter, except
 * among accepted forms (the latest wins where they overlap).
 */
export function cacheOptionsKey(text: string, options: AnalyzeOptions): string {
  const relevant = relevantLexicon(text, options.lexicon ?? []);
  const lexicon = relevant.map((e) => [e.text, e.action, e.type ?? ''] as const).sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
  // where accepted forms overlap the latest wins (applyLexicon), so their order is part of the key when there are several
  const accepts = relevant.filter((e) => e.action === 'accept').map((e) => e.text);
  // the file's date is in the options only where it can change this text's article date (see articleAnalysisOptions)
  return JSON.stringify({ articleDate: options.articleDate === undefined ? 'detect' : options.articleDate, lexicon, ...(accepts.length > 1 ? { acceptOrder: accepts } : {}), ...(options.fileDate === undefined ? {} : { fileDate: options.fileDate }), ...(options.learnedModel ? { learnedModel: options.learnedModel } : {}) });
}

export function serializeIndexCacheEntry(entry: Omit<IndexCacheEntry, 'format'>): string {
  return JSON.stringify({ format: INDEX_CACHE_FORMAT, ...entry });
}

/** What names a cache entry besides its analysis: the pipeline, the text's hash and its options' key (see parseIndexCacheEntry). */
export type IndexCacheKey = Omit<IndexCacheEntry, 'format' | 'analysis'>;

/** The entry as the bytes of its file. */
export function encodeIndexCacheEntry(key: IndexCacheKey, analysis: Analysis): Uint8Array {
  return new TextEncoder().encode(serializeIndexCacheEntry({ pipeline: key.pipeline, contentHash: key.contentHash, optionsKey: key.optionsKey, analysis }));
}

export type ParsedIndexCacheEntry = { readonly analysis: Analysis } | { readonly problem: string };

/** Reads a stored entry for `text`; refuses it (with the reason) unless it is well-formed and made for exactly this text, pipeline and options. */
export function parseIndexCacheEntry(raw: string, text: string, expected: { readonly contentHash: string; readonly pipeline: string; readonly optionsKey: string }): ParsedIndexCacheEntry {
  const read = jsonObject(raw);
  if ('problem' in read) return read;
  const { value } = read;
  if (value.format !== INDEX_CACHE_FORMAT) return { problem: `format ${JSON.stringify(value.format)}, expected ${INDEX_CACHE_FORMAT}` };
  if (value.pipeline !== expected.pipeline) return { problem: 'made by another pipeline version' };
  if (value.contentHash !== expected.contentHash) return { problem: 'made for other text' };
  if (value.optionsKey !== expected.optionsKey) return { problem: 'made with other options (article date or lexicon)' };
  const analysis = checkAnalysis(value.analysis, text);
  return typeof analysis === 'string' ? { problem: analysis } : { analysis };
}

function checkAnalysis(value: unknown, text: string): Analysis | string {
  if (!isRecord(value)) return 'no analysis';
  const { articleDate, articleDateSource, entities, dates, aliases } = value;
  if (articleDate !== null && !isIsoDate(articleDate)) return 'bad article date';
  if (articleDateSource !== undefined && !ARTICLE_DATE_SOURCES.includes(articleDateSource as never)) return 'bad article date source';
  if (!Array.isArray(entities) || !Array.isArray(dates) || !isRecord(aliases)) return 'analysis lacks entities, dates or aliases';
  const checkedEntities: EntityMention[] = [];
  const checkedDates: DateMention[] = [];
  const problem = checkEntities(entities, text, checkedEntities) ?? checkDates(dates, text, checkedDates);
  if (problem !== undefined) return problem;
  const checkedAliases: Record<string, readonly string[]> = {};
  for (const [name, forms] of Object.entries(aliases)) {
    if (!Array.isArray(forms) || !forms.every((f) => typeof f === 'string')) return 'bad aliases';
    checkedAliases[name] = forms as string[];
  }
  const analysis: Analysis = { articleDate, entities: checkedEntities, dates: checkedDates, aliases: checkedAliases };
  // where the article date came from (the hover and the reading view say it) survives the cache
  return articleDateSource === undefined ? analysis : { ...analysis, articleDateSource: articleDateSource as NonNullable<Analysis['articleDateSource']> };
}

/** Checks entity mentions against the text, adding them to `out`; the problem, if any. */
function checkEntities(entities: readonly unknown[], text: string, out: EntityMention[]): string | undefined {
  for (const e of entities) {
    if (!isRecord(e) || !spanQuotes(e, text)) return 'an entity span does not quote the text';
    if (typeof e.canonical !== 'string' || e.canonical.length === 0 || !ENTITY_TYPES.includes(e.type as EntityType)) return 'an entity has no canonical name or a bad type';
    // the parsed object itself when it has just these fields: a copy of each doubled what a reopen allocates (and its
    // garbage collection pauses)
    out.push(fieldCount(e) === 5 ? (e as unknown as EntityMention) : { start: e.start as number, end: e.end as number, text: e.text as string, type: e.type as EntityType, canonical: e.canonical });
  }
  return undefined;
}

/** Checks date mentions against the text, adding them to `out`; the problem, if any. */
function checkDates(dates: readonly unknown[], text: string, out: DateMention[]): string | undefined {
  for (const d of dates) {
    if (!isRecord(d) || !spanQuotes(d, text)) return 'a date span does not quote the text';
    if (!isDateValue(d.value)) return 'a date has a bad value';
    if (d.resolvedAgainst !== 'article-date' && d.resolvedAgainst !== 'self' && d.resolvedAgainst !== 'none') return 'a date has a bad resolution';
    if (d.reference !== null && !isIsoDate(d.reference)) return 'a date has a bad reference';
    if (fieldCount(d) === 6) out.push(d as unknown as DateMention);
    else out.push({ start: d.start as number, end: d.end as number, text: d.text as string, value: d.value, resolvedAgainst: d.resolvedAgainst, reference: d.reference });
  }
  return undefined;
}

/** One line or file of the index's storage read as a JSON object, or what is wrong with it (it is untrusted input). */
function jsonObject(raw: string): { readonly value: Record<string, unknown> } | { readonly problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return isRecord(value) ? { value } : { problem: 'not an object' };
}

/** How many fields an object has (a checked mention with exactly its own fields is kept as parsed). */
function fieldCount(value: Record<string, unknown>): number {
  let n = 0;
  for (const key in value) if (Object.hasOwn(value, key)) n++;
  return n;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function spanQuotes(span: Record<string, unknown>, text: string): boolean {
  const { start, end } = span;
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) < (end as number) && (end as number) <= text.length && text.slice(start as number, end as number) === span.text;
}

function isDateValue(value: unknown): value is DateValue {
  if (value === null || isIsoDate(value)) return true;
  if (!isRecord(value)) return false;
  if (isIsoDate(value.from) && isIsoDate(value.to)) return true;
  // a bound: exactly one of notBefore and notAfter
  return (value.notBefore === undefined) !== (value.notAfter === undefined) && isIsoDate(value.notBefore ?? value.notAfter);
}

// ---- the pack: every indexed article in one file, so a reopen reads one file instead of two per article ----

/**
 * Version of the pack layout; a pack of another is ignored (and rewritten). 4: an article's analysis stored packed (its
 * ints and table of names, see packedAnalysis.ts), not as an Analysis: a reopen read an object per mention and packed it
 * (20 KB allocated per article on the extension host).
 */
export const INDEX_PACK_FORMAT = 4;

/**
 * Items (entity and date mentions, quotations, sentences) on one line of the pack. A larger article's line holds its
 * text and its table of names, and says how many lines of `parts` follow with those items: parsing and checking a large
 * article's line at once (1.6 MB, 6,000 entities) held the extension host for 200 ms at a reopen; a reader takes a part
 * line in a slice of its own (see PackReader).
 */
export const PACK_PART_ITEMS = 400;

/** One article as the index held it when the pack was written: its text, the cache name of its analysis, the analysis. */
export interface PackedArticle {
  /** The index's key for it (a workspace-relative path). */
  readonly key: string;
  /** Its file, as a URI string. */
  readonly uri: string;
  /** The text the analysis offsets point into. */
  readonly text: string;
  /** The cache name of the analysis (content hash, pipeline and options): a reopen compares it with the file's. */
  readonly cacheName: string;
  /** As the index holds it: the pack stores its ints and names as they are. */
  readonly analysis: PackedAnalysis;
  /** Its quotations and timeline sentences, when the index had found them (a reopen then does not find them again). */
  readonly prepared?: PreparedArticle;
}

/**
 * The pack's first line: its layout, the pipeline that made its analyses, and an id that is new with every pack written
 * (the summary written beside it names the pack it summarises).
 */
export function packHeader(pipeline: string, id: string): string {
  return JSON.stringify({ pack: INDEX_PACK_FORMAT, pipeline, id });
}

/** The id of a pack of this layout and pipeline, from its first line; undefined for another layout or pipeline, or a broken line. */
export function packIdOf(line: string, pipeline: string): string | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return isRecord(value) && value.pack === INDEX_PACK_FORMAT && value.pipeline === pipeline && typeof value.id === 'string' && value.id !== '' ? value.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An article's lines of the pack, joined by line breaks: one line (JSON escapes line breaks, so an article is one line
 * whatever its text), or for a large analysis a line and its parts (see PACK_PART_ITEMS).
 */
export function serializePackedArticle(article: PackedArticle): string {
  return [...packedArticleChunks(article)].join('').slice(0, -1);
}

/**
 * One line of the pack: an object, and the ints that follow its other fields as `"ints":[...]` (last, written by the
 * typed array's own join: no list of numbers is made to be serialised).
 */
interface PackLine {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly ints?: Int32Array;
}

/**
 * What the pack's lines hold for an article: its key, file, cache name and text, the packed analysis' article date,
 * count of mentions and names, and its ints last; its quotations (a quote's text is the article's, from its offsets) and
 * sentences (two offsets each). A large analysis: the first line without ints, with `parts` (and `prepared: true` when
 * the parts hold its quotations and sentences), then the part lines, each with a slice of the ints (whole mentions and
 * dates), of the quotations and of the sentences.
 */
function packedLines(article: PackedArticle): PackLine[] {
  const { key, uri, cacheName, text, analysis: packed, prepared } = article;
  const head = { key, uri, cacheName, text, articleDate: packed.articleDate, ...(packed.articleDateSource === undefined ? {} : { articleDateSource: packed.articleDateSource }), mentions: packed.mentions, names: packed.names };
  const quotes = prepared?.quotes.map(({ start, end, speaker, speakerType, cue, cueSpan }) => ({ start, end, speaker, speakerType, cue, cueSpan: cueSpan && { start: cueSpan.start, end: cueSpan.end } }));
  const sentences = prepared?.sentences.map((s) => [s.start, s.end]);
  const records = packed.mentions + dateCount(packed);
  const items = records + (quotes?.length ?? 0) + (sentences?.length ?? 0);
  if (items <= PACK_PART_ITEMS) return [{ fields: quotes && sentences ? { ...head, prepared: { quotes, sentences } } : head, ints: packed.ints }];
  // where record r (a mention, then a date) starts in the ints
  const offset = (r: number): number => (r <= packed.mentions ? r * MENTION_FIELDS : packed.mentions * MENTION_FIELDS + (r - packed.mentions) * DATE_FIELDS);
  const parts: { fields: Record<string, unknown[]>; from: number; to: number }[] = [];
  let part = { fields: {} as Record<string, unknown[]>, from: 0, to: 0 };
  let room = PACK_PART_ITEMS;
  const next = (): void => {
    if (room > 0) return;
    parts.push(part);
    part = { fields: {}, from: part.to, to: part.to };
    room = PACK_PART_ITEMS;
  };
  for (let r = 0; r < records; ) {
    next();
    const take = Math.min(room, records - r);
    part.to = r += take;
    room -= take;
  }
  const fill = (name: string, list: readonly unknown[] | undefined): void => {
    for (let at = 0; list && at < list.length; ) {
      next();
      const piece = list.slice(at, at + room);
      const into = (part.fields[name] ??= []);
      for (const item of piece) into.push(item);
      at += piece.length;
      room -= piece.length;
    }
  };
  fill('quotes', quotes);
  fill('sentences', sentences);
  parts.push(part);
  const lines: PackLine[] = [{ fields: { ...head, parts: parts.length, ...(quotes && sentences ? { prepared: true } : {}) } }];
  for (const p of parts) lines.push(p.to > p.from ? { fields: p.fields, ints: packed.ints.subarray(offset(p.from), offset(p.to)) } : { fields: p.fields });
  return lines;
}

/**
 * The article's lines, each followed by its line break, a chunk at a time: a writer that yields between chunks never
 * holds its thread for a whole large article (serialising a megabyte's analysis at once took the extension host 100 ms).
 */
export function* packedArticleChunks(article: PackedArticle): Generator<string, void, undefined> {
  for (const { fields, ints } of packedLines(article)) {
    if (!ints) {
      yield* jsonChunks(fields);
      yield '\n';
      continue;
    }
    // the object's text without its closing brace, then the ints
    let last: string | undefined;
    for (const chunk of jsonChunks(fields)) {
      if (last !== undefined) yield last;
      last = chunk;
    }
    yield `${(last ?? '{}').slice(0, -1)}${Object.keys(fields).length > 0 ? ',' : ''}"ints":[${ints.join(',')}]}\n`;
  }
}

/** What a line of the pack gives: an article, or why a line or an article was refused. */
export type PackItem = { readonly article: PackedArticle } | { readonly problem: string };

/** The head of an article's lines as read: all but its ints, quotations and sentences. */
type PackHead = Omit<PackedArticle, 'analysis' | 'prepared'> & Pick<PackedAnalysis, 'articleDate' | 'articleDateSource' | 'mentions' | 'names'>;

/**
 * Reads the pack's article lines one at a time (after its header), a large article's parts included: read() gives an
 * article once complete, a problem for a line or an article refused, or nothing while a large article's parts are still
 * to come (and both a problem and an article when a line starts a new article before the last one's parts all came).
 * Each line costs about its length: a caller can yield between lines.
 */
export class PackReader {
  private pending:
    | {
        readonly head: PackHead;
        left: number;
        readonly prepared: boolean;
        readonly ints: number[];
        readonly quotes: unknown[];
        readonly sentences: unknown[];
        problem: string | undefined;
      }
    | undefined;

  read(line: string): PackItem[] {
    const pending = this.pending;
    if (!pending) return this.first(line);
    const read = jsonObject(line);
    if ('problem' in read || read.value.parts !== undefined || read.value.key !== undefined) {
      // parts missing: this line is another article's
      this.pending = undefined;
      return [{ problem: 'an article of parts cut short' }, ...this.first(line)];
    }
    const { ints, quotes, sentences } = read.value;
    if (pending.problem === undefined) {
      if ((ints !== undefined && !Array.isArray(ints)) || (quotes !== undefined && !Array.isArray(quotes)) || (sentences !== undefined && !Array.isArray(sentences))) pending.problem = 'a part lacks its mentions';
      else for (const [from, into] of [[ints, pending.ints], [quotes, pending.quotes], [sentences, pending.sentences]] as const) for (const item of (from ?? []) as unknown[]) (into as unknown[]).push(item);
    }
    pending.left--;
    if (pending.left > 0) return [];
    this.pending = undefined;
    if (pending.problem !== undefined) return [{ problem: pending.problem }];
    return [articleOf(pending.head, pending.ints, pending.prepared ? { quotes: pending.quotes, sentences: pending.sentences } : undefined)];
  }

  /** At the end of the pack: a large article whose parts did not all come. */
  end(): { readonly problem: string } | undefined {
    const cut = this.pending !== undefined;
    this.pending = undefined;
    return cut ? { problem: 'an article of parts cut short' } : undefined;
  }

  private first(line: string): PackItem[] {
    const read = jsonObject(line);
    if ('problem' in read) return [read];
    const head = headOf(read.value);
    if (typeof head === 'string') return [{ problem: head }];
    const parts = read.value.parts;
    if (parts === undefined) return [articleOf(head, read.value.ints, read.value.prepared)];
    if (!Number.isInteger(parts) || (parts as number) < 1) return [{ problem: 'a bad count of parts' }];
    this.pending = { head, left: parts as number, prepared: read.value.prepared === true, ints: [], quotes: [], sentences: [], problem: undefined };
    return [];
  }
}

/** Reads one line of the pack, checked as a cache entry is: every span must quote the stored text. */
export function parsePackedArticle(line: string): PackItem {
  const read = jsonObject(line);
  if ('problem' in read) return read;
  const head = headOf(read.value);
  return typeof head === 'string' ? { problem: head } : articleOf(head, read.value.ints, read.value.prepared);
}

/** The fields of an article's first line but its ints and prepared, checked; or what is wrong. */
function headOf(value: Record<string, unknown>): PackHead | string {
  const { key, uri, text, cacheName, articleDate, articleDateSource, mentions, names } = value;
  if (typeof key !== 'string' || key === '' || typeof uri !== 'string' || uri === '' || typeof text !== 'string' || typeof cacheName !== 'string' || cacheName === '') return 'lacks its key, file, text or cache name';
  if (articleDate !== null && typeof articleDate !== 'string') return 'bad article date';
  if (articleDateSource !== undefined && !ARTICLE_DATE_SOURCES.includes(articleDateSource as never)) return 'bad article date source';
  if (!Number.isInteger(mentions) || !Array.isArray(names) || !names.every((n) => typeof n === 'string')) return 'lacks its mentions or names';
  return { key, uri, text, cacheName, articleDate, ...(articleDateSource === undefined ? {} : { articleDateSource: articleDateSource as NonNullable<Analysis['articleDateSource']> }), mentions: mentions as number, names: names as string[] };
}

/** The article of a checked head and its stored ints (and quotations and sentences): every span must quote the text. */
function articleOf(head: PackHead, storedInts: unknown, storedPrepared: unknown): PackItem {
  if (!Array.isArray(storedInts)) return { problem: 'lacks its mentions or names' };
  const ints = new Int32Array(storedInts.length);
  for (let i = 0; i < storedInts.length; i++) {
    const n: unknown = storedInts[i];
    if (!Number.isInteger(n) || (n as number) < -1 || (n as number) > 0x7fffffff) return { problem: 'a mention is not numbers' };
    ints[i] = n as number;
  }
  const { key, uri, text, cacheName, articleDate, articleDateSource, mentions, names } = head;
  const analysis: PackedAnalysis = { articleDate, ...(articleDateSource === undefined ? {} : { articleDateSource }), ints, mentions, names };
  const problem = packedProblem(analysis, text);
  if (problem !== undefined) return { problem };
  // found again when wanted if missing or not right: it is a by-product of the analysis, not part of it
  const prepared = storedPrepared === undefined ? undefined : checkPrepared(storedPrepared, text, analysis);
  return { article: { key, uri, text, cacheName, analysis, ...(prepared ? { prepared } : {}) } };
}

function checkPrepared(value: unknown, text: string, analysis: PackedAnalysis): PreparedArticle | undefined {
  if (!isRecord(value) || !Array.isArray(value.quotes) || !Array.isArray(value.sentences)) return undefined;
  const quotes: Quotation[] = [];
  if (!checkQuotes(value.quotes, text, quotes)) return undefined;
  const sentences = checkSentences(value.sentences, text, analysis);
  return sentences && { quotes, sentences };
}

/** Checks stored quotations against the text, adding them to `out`; false when one does not fit. */
function checkQuotes(stored: readonly unknown[], text: string, out: Quotation[]): boolean {
  for (const q of stored) {
    if (!isRecord(q) || !isSpanIn(q, text)) return false;
    const { speaker, speakerType, cue, cueSpan } = q;
    if (speaker !== null && typeof speaker !== 'string') return false;
    if (speakerType !== null && speakerType !== 'person' && speakerType !== 'organization') return false;
    if (cue !== null && typeof cue !== 'string') return false;
    if (cueSpan !== null && !(isRecord(cueSpan) && isSpanIn(cueSpan, text))) return false;
    const start = q.start as number;
    const end = q.end as number;
    out.push({ start, end, text: text.slice(start, end), speaker, speakerType, cue, cueSpan: cueSpan === null ? null : { start: cueSpan.start as number, end: cueSpan.end as number } });
  }
  return true;
}

/** The stored sentence of each resolved date (offset pairs), checked: each holds its date's start; undefined when one does not. */
function checkSentences(stored: readonly unknown[], text: string, analysis: PackedAnalysis): TextSpan[] | undefined {
  const sentences: TextSpan[] = [];
  const dates = dateCount(analysis);
  for (let i = 0; i < dates; i++) {
    if (!dateResolved(analysis, i)) continue;
    const pair: unknown = stored[sentences.length];
    if (!Array.isArray(pair) || pair.length !== 2) return undefined;
    const span = { start: pair[0] as unknown, end: pair[1] as unknown };
    const dateStart = dateStartOf(analysis, i);
    // the sentence a date is in holds its start
    if (!isSpanIn(span, text) || (span.start as number) > dateStart || (span.end as number) <= dateStart) return undefined;
    sentences.push({ start: span.start as number, end: span.end as number });
  }
  return sentences.length === stored.length ? sentences : undefined;
}

function isSpanIn(span: Record<string, unknown>, text: string): boolean {
  const { start, end } = span;
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) < (end as number) && (end as number) <= text.length;
}

// ---- the summary: what the Entities view lists, written beside the pack, read first at a reopen ----
// A reopen reads this small file and lists the collection at once; the pack's texts and analyses come in afterwards,
// a slice at a time. It stands for the corpus only until then, and only with the pack it names.

/** Version of the summary layout; one of another is ignored (and rewritten with the next pack). */
export const INDEX_SUMMARY_FORMAT = 1;

/** The summary's first line: its layout, the pipeline, the pack it summarises and how many articles that pack holds. */
export interface CorpusSummaryHeader {
  readonly pipeline: string;
  readonly pack: string;
  readonly articles: number;
}

export function summaryHeader(header: CorpusSummaryHeader): string {
  return JSON.stringify({ summary: INDEX_SUMMARY_FORMAT, ...header });
}

/** The header of a summary of this layout and pipeline; undefined for another layout or pipeline, or a broken line. */
export function parseSummaryHeader(line: string, pipeline: string): CorpusSummaryHeader | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (!isRecord(value) || value.summary !== INDEX_SUMMARY_FORMAT || value.pipeline !== pipeline) return undefined;
    const { pack, articles } = value;
    return typeof pack === 'string' && pack !== '' && Number.isInteger(articles) && (articles as number) >= 0 ? { pipeline, pack, articles: articles as number } : undefined;
  } catch {
    return undefined;
  }
}

/** One entity of the summary, one line (in the order entities() lists them). */
export function serializeSummaryEntity(entity: CorpusEntity): string {
  return JSON.stringify(entity);
}

/** Reads one entity line of the summary, every field checked (the file is untrusted input like the pack). */
export function parseSummaryEntity(line: string): { readonly entity: CorpusEntity } | { readonly problem: string } {
  const read = jsonObject(line);
  if ('problem' in read) return read;
  const { value } = read;
  const { id, canonical, type, mentions, articles, aliases, conflicts, firstDate } = value;
  if (!ENTITY_TYPES.includes(type as EntityType) || typeof id !== 'string' || !id.startsWith(`${type as string}\u0000`)) return { problem: 'a bad id or type' };
  if (typeof canonical !== 'string' || canonical === '') return { problem: 'no name' };
  if (!isCount(mentions) || !isCount(articles) || articles > mentions) return { problem: 'bad counts' };
  if (!Array.isArray(aliases) || aliases[0] !== canonical || !aliases.every((a) => typeof a === 'string')) return { problem: 'bad aliases' };
  if (firstDate !== null && !isIsoDate(firstDate)) return { problem: 'a bad first date' };
  if (!Array.isArray(conflicts)) return { problem: 'bad conflicts' };
  const checked: TypeConflict[] = [];
  for (const c of conflicts) {
    if (!isRecord(c) || !ENTITY_TYPES.includes(c.type as EntityType) || c.type === type || !Array.isArray(c.articles) || c.articles.length === 0 || !c.articles.every((a) => typeof a === 'string')) return { problem: 'bad conflicts' };
    checked.push({ type: c.type as EntityType, articles: c.articles as string[] });
  }
  return { entity: { id, canonical, type: type as EntityType, mentions, articles, aliases: aliases as string[], conflicts: checked, firstDate } };
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0;
}
