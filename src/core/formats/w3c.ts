// W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): an AnnotationCollection whose first page is
// inline; each item targets the article file (its full URI when known, as the model expects of a `source`) through a
// TextPositionSelector (counted in Unicode code points, as section 4.2.5 says) and a TextQuoteSelector, with a
// tagging body (the label), a commenting body (the Markdown note, when there is one) and a replying body per reply.
// A second context object adds the article's date (dcterms:date on the target) and the item's anchoring status and
// origin. Import reads positions in code points or, from older files and other tools, UTF-16 code units: with the
// text at hand, the count whose span holds the TextQuoteSelector's `exact` wins.
import type { AnchorStatus, Annotation, ArticleInfo, NoteReply } from '../annotations/annotationModel';
import { isCalendarDate } from '../article/articleDate';
import {
  compareAnnotations,
  findQuote,
  isTimestamp,
  shorten,
  withoutBom,
  type ImportedAnnotation,
  type ImportResult,
} from './formatModel';
import { codePointOffsets, type CodePointOffsets } from './codePointOffsets';
import { MAX_JSON_DEPTH, nestedDeeperThan } from './jsonDepth';

export const ANNO_CONTEXT_URL = 'http://www.w3.org/ns/anno.jsonld';

/** Terms added to the W3C context; `dcterms` and `xsd` are prefixes the W3C context defines. */
export const APP_CONTEXT = {
  aa: 'urn:article-annotator:',
  date: { '@id': 'dcterms:date', '@type': 'xsd:date' },
  status: 'aa:status',
  origin: 'aa:origin',
} as const;

export const W3C_CONTEXT = [ANNO_CONTEXT_URL, APP_CONTEXT] as const;

/** Characters of quote context computed when an import has the text but no prefix/suffix (as createAnnotation). */
const CONTEXT_LENGTH = 32;

export interface W3CTextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export interface W3CTextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface W3CTextualBody {
  readonly type: 'TextualBody';
  readonly purpose: 'tagging' | 'commenting' | 'replying';
  readonly value: string;
  readonly format?: string;
  /** A reply's time (ISO 8601). */
  readonly created?: string;
}

export interface W3CTarget {
  readonly type: 'SpecificResource';
  /** The article file's full URI when known (ArticleInfo.uri), else its key as stored on the annotation. */
  readonly source: string;
  /** The article's date (dateline), YYYY-MM-DD, when known. */
  readonly date?: string;
  readonly selector: readonly [W3CTextPositionSelector, W3CTextQuoteSelector];
}

export interface W3CAnnotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'tagging';
  readonly created: string;
  readonly modified: string;
  readonly origin: Annotation['origin'];
  readonly status: AnchorStatus;
  /** The label (tagging), the note (commenting, only when there is one), then each reply (replying), oldest first. */
  readonly body: readonly W3CTextualBody[];
  readonly target: W3CTarget;
}

export interface W3CCollection {
  readonly '@context': typeof W3C_CONTEXT;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly first: { readonly type: 'AnnotationPage'; readonly startIndex: 0; readonly items: readonly W3CAnnotation[] };
}

export interface W3CExportOptions {
  /** The collection's label; defaults to "Article Annotator annotations". */
  readonly label?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_PREFIX = 'urn:article-annotator:annotation:';

/** The item's IRI: urn:uuid for UUIDs (what createAnnotation makes), an IRI kept as is, anything else in our urn space. */
export function annotationIri(id: string): string {
  if (UUID.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(id)) return id;
  return `${ID_PREFIX}${encodeURIComponent(id)}`;
}

/** The inverse of annotationIri. */
export function annotationIdFromIri(iri: string): string {
  if (/^urn:uuid:/i.test(iri)) return iri.slice('urn:uuid:'.length);
  if (iri.startsWith(ID_PREFIX)) {
    try {
      return decodeURIComponent(iri.slice(ID_PREFIX.length));
    } catch {
      return iri;
    }
  }
  return iri;
}

/**
 * The item for one annotation. `source` is what the target names (the article's URI); `offsets` counts the position
 * in code points when the article's text is at hand (without it the stored position is the best there is).
 */
export function annotationToW3C(annotation: Annotation, date: string | null, source: string = annotation.article, offsets?: CodePointOffsets): W3CAnnotation {
  const { start, end } = annotation.position;
  const replies = annotation.replies ?? [];
  return {
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: 'tagging',
    created: annotation.created,
    modified: annotation.modified,
    origin: annotation.origin,
    status: annotation.status,
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: annotation.label },
      ...(annotation.note !== '' ? [{ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/markdown' } as const] : []),
      ...replies.map((reply): W3CTextualBody => ({ type: 'TextualBody', purpose: 'replying', value: reply.body, format: 'text/markdown', created: reply.created })),
    ],
    target: {
      type: 'SpecificResource',
      source,
      ...(date ? { date } : {}),
      selector: [
        { type: 'TextPositionSelector', start: offsets ? offsets.toCodePoint(start) : start, end: offsets ? offsets.toCodePoint(end) : end },
        { type: 'TextQuoteSelector', exact: annotation.quote.exact, prefix: annotation.quote.prefix, suffix: annotation.quote.suffix },
      ],
    },
  };
}

export function w3cCollection(
  annotations: readonly Annotation[],
  articles: readonly ArticleInfo[],
  options: W3CExportOptions = {},
): W3CCollection {
  const infos = new Map<string, ArticleInfo>();
  for (const article of articles) if (!infos.has(article.article)) infos.set(article.article, article);
  const offsets = new Map<string, CodePointOffsets>();
  const offsetsOf = (key: string): CodePointOffsets | undefined => {
    const text = infos.get(key)?.text;
    if (text === undefined) return undefined;
    let found = offsets.get(key);
    if (!found) offsets.set(key, (found = codePointOffsets(text)));
    return found;
  };
  const items = [...annotations].sort(compareAnnotations).map((a) => {
    const info = infos.get(a.article);
    return annotationToW3C(a, info?.date ?? null, info?.uri ?? a.article, offsetsOf(a.article));
  });
  return {
    '@context': W3C_CONTEXT,
    type: 'AnnotationCollection',
    label: options.label ?? 'Article Annotator annotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The collection as pretty-printed JSON-LD, newline-terminated. */
export function exportW3C(annotations: readonly Annotation[], articles: readonly ArticleInfo[], options: W3CExportOptions = {}): string {
  return `${JSON.stringify(w3cCollection(annotations, articles, options), null, 2)}\n`;
}

/**
 * Reads W3C Web Annotation JSON(-LD): what exportW3C writes, a single Annotation, an array of them, a collection or
 * page with `items` (or `first.items`, following inline `next` pages), `@graph`. Selectors may be an object or an
 * array; RangeSelector and other selector kinds are ignored with a warning. Articles given with their text let it
 * check each position against its quote (re-finding a moved quote), and place quote-only annotations.
 */
export interface W3CImportOptions {
  /**
   * The article key of a target `source` that no given article's `uri` names (a `file:` URI inside the workspace
   * becomes its relative path); the source itself when absent or when it returns undefined.
   */
  readonly articleKeyOf?: (source: string) => string | undefined;
}

export function importW3C(input: string, articles: readonly ArticleInfo[] = [], options: W3CImportOptions = {}): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(input));
  } catch (error) {
    return { annotations: [], problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`], articles: [] };
  }
  return importW3CValue(value, articles, options);
}

export function importW3CValue(value: unknown, articles: readonly ArticleInfo[] = [], options: W3CImportOptions = {}): ImportResult {
  const problems: string[] = [];
  const texts = new Map<string, string>();
  const byUri = new Map<string, string>();
  for (const article of articles) {
    if (article.text !== undefined && !texts.has(article.article)) texts.set(article.article, article.text);
    if (article.uri !== undefined && !byUri.has(article.uri)) byUri.set(article.uri, article.article);
  }
  // A source is the article's URI (what exportW3C writes) or its key (older files): either way, the article's key.
  const keyOf = (source: string): string => byUri.get(source) ?? options.articleKeyOf?.(source) ?? source;
  const items = collectItems(value, problems);
  const annotations: ImportedAnnotation[] = [];
  const dates = new Map<string, string | null>();
  const offsets = new Map<string, CodePointOffsets>();
  const offsetsOf = (key: string): CodePointOffsets | undefined => {
    const text = texts.get(key);
    if (text === undefined) return undefined;
    let found = offsets.get(key);
    if (!found) offsets.set(key, (found = codePointOffsets(text)));
    return found;
  };
  items.forEach((item, index) => {
    // Deeper than any real item (a refinedBy chain, nested values): walking it would overflow the stack.
    if (nestedDeeperThan(item)) {
      problems.push(`${itemName(item, index)}: nested more than ${MAX_JSON_DEPTH} levels deep; skipped`);
      return;
    }
    const read = readItem(item, index, keyOf, texts, offsetsOf, problems);
    if (!read) return;
    annotations.push(read.annotation);
    const known = dates.get(read.annotation.article);
    if (known === undefined || known === null) dates.set(read.annotation.article, read.date);
    else if (read.date !== null && read.date !== known) {
      problems.push(`${itemName(item, index)}: date ${read.date} differs from ${known} given earlier for ${read.annotation.article}; kept ${known}`);
    }
  });
  return { annotations, problems, articles: [...dates].map(([article, date]) => ({ article, date })) };
}

/** The target sources (article keys) the items of a W3C document name, in order, each once; read before the texts are. */
export function w3cSources(value: unknown): string[] {
  const sources = new Set<string>();
  for (const item of collectItems(value, [])) {
    if (!isObject(item)) continue;
    for (const target of asArray(item.target)) {
      if (!isObject(target)) continue;
      const source = target.source;
      const key = typeof source === 'string' ? source : isObject(source) ? (source.id ?? source['@id']) : undefined;
      if (typeof key === 'string' && key.trim() !== '') sources.add(key);
    }
  }
  return [...sources];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function typesOf(node: Json): string[] {
  return asArray(node.type ?? node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(oa:|as:|http:\/\/www\.w3\.org\/ns\/oa#|https:\/\/www\.w3\.org\/ns\/activitystreams#)/, ''));
}

function hasType(node: Json, ...names: string[]): boolean {
  const types = typesOf(node);
  return names.some((name) => types.includes(name));
}

/** Containers (collections, pages, `@graph`) nested in each other deeper than this are not opened. */
const MAX_CONTAINER_DEPTH = 8;

function collectItems(value: unknown, problems: string[], depth = 0): unknown[] {
  if (depth > MAX_CONTAINER_DEPTH) {
    problems.push(`collections nested more than ${MAX_CONTAINER_DEPTH} deep are not opened; their annotations are not imported`);
    return [];
  }
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const v of value) {
      if (!(isObject(v) && isContainer(v))) items.push(v);
      else for (const item of collectItems(v, problems, depth + 1)) items.push(item);
    }
    return items;
  }
  if (!isObject(value)) {
    problems.push('expected a JSON object or array of Web Annotations');
    return [];
  }
  if (Array.isArray(value['@graph'])) return collectItems(value['@graph'], problems, depth + 1);
  if (isContainer(value)) {
    const items: unknown[] = [];
    let page: unknown = Array.isArray(value.items) ? value : value.first;
    const seen = new Set<unknown>();
    let complete = true;
    while (page !== undefined && page !== null && !seen.has(page)) {
      seen.add(page);
      if (typeof page === 'string') {
        problems.push(`the page ${page} is not included in the file and is not fetched; its annotations are not imported`);
        complete = false;
        break;
      }
      if (!isObject(page) || !Array.isArray(page.items)) {
        problems.push('a collection page has no "items" array');
        complete = false;
        break;
      }
      for (const item of page.items as unknown[]) items.push(item); // one at a time, not spread into one call: a page can hold more items than the stack has room for arguments
      page = page.next;
    }
    if (typeof value.total === 'number' && value.total !== items.length && complete) {
      problems.push(`the collection says it has ${value.total} annotations but ${items.length} are included`);
    }
    return items;
  }
  if (hasType(value, 'Annotation') || 'target' in value) return [value];
  problems.push('no annotations found: expected an Annotation, an array of them, or an AnnotationCollection with items');
  return [];
}

function isContainer(node: Json): boolean {
  return hasType(node, 'AnnotationCollection', 'AnnotationPage', 'OrderedCollection', 'OrderedCollectionPage') || Array.isArray(node.items) || isObject(node.first);
}

function itemName(item: unknown, index: number): string {
  const id = isObject(item) ? (item.id ?? item['@id']) : undefined;
  return typeof id === 'string' ? `item ${index + 1} (${id})` : `item ${index + 1}`;
}

interface Selectors {
  position?: { start: number; end: number };
  quote?: { exact: string; prefix?: string; suffix?: string };
  /** Where to look first for a quote without a position of its own (the start of the selector it refines). */
  hint?: number;
}

function readItem(
  item: unknown,
  index: number,
  keyOf: (source: string) => string,
  texts: ReadonlyMap<string, string>,
  offsetsOf: (article: string) => CodePointOffsets | undefined,
  problems: string[],
): { annotation: ImportedAnnotation; date: string | null } | undefined {
  const name = itemName(item, index);
  const skip = (why: string): undefined => {
    problems.push(`${name}: ${why}; skipped`);
    return undefined;
  };
  if (!isObject(item)) return skip('not a JSON object');
  if (typesOf(item).length > 0 && !hasType(item, 'Annotation')) return skip(`its type is ${typesOf(item).join(', ')}, not Annotation`);

  const targets = asArray(item.target);
  if (targets.length === 0) return skip('no target');
  const objectTargets = targets.filter(isObject);
  const target = objectTargets.find((t) => t.selector !== undefined) ?? objectTargets[0];
  if (!target) return skip('its target is a bare IRI, with no selector to say which text');
  if (targets.length > 1) problems.push(`${name}: ${targets.length} targets; only the first with a selector is imported`);

  const sourceValue = target.source ?? target['@id'] ?? target.id;
  const source = typeof sourceValue === 'string' ? sourceValue : isObject(sourceValue) ? (sourceValue.id ?? sourceValue['@id']) : undefined;
  if (typeof source !== 'string' || source.trim() === '') return skip('its target has no source (the article file)');
  const article = keyOf(source);

  const selectors = readSelectors(target.selector, name, problems);
  const date = readDate(target, name, problems);
  const { label, note, replies } = readBodies(item, name, problems);

  const text = texts.get(article);
  const placed = placeSpan(selectors, text, offsetsOf(article), name, article, problems);
  if (!placed) return undefined;

  const created = readTimestamp(item, 'created', name, problems);
  const modified = readTimestamp(item, 'modified', name, problems);
  const status = readStatus(item.status, placed.orphaned);
  const origin = item.origin === 'entity' || item.origin === 'user' ? item.origin : undefined;
  const rawId = item.id ?? item['@id'];
  const id = typeof rawId === 'string' && rawId.trim() !== '' ? annotationIdFromIri(rawId) : undefined;

  return {
    date,
    annotation: {
      article,
      start: placed.start,
      end: placed.end,
      exact: placed.exact,
      ...(placed.prefix !== undefined ? { prefix: placed.prefix } : {}),
      ...(placed.suffix !== undefined ? { suffix: placed.suffix } : {}),
      label,
      note,
      ...(replies.length > 0 ? { replies } : {}),
      ...(id !== undefined ? { id } : {}),
      ...(created !== undefined ? { created } : {}),
      ...(modified !== undefined ? { modified } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(origin !== undefined ? { origin } : {}),
    },
  };
}

/**
 * The first usable position and quote among the selectors. A selector's `refinedBy` narrows it: a refining
 * TextPositionSelector counts from the start of a refined TextPositionSelector (inside any other kind it cannot be
 * located and is ignored), and a refining selector replaces what it refines (a refined position is then only a hint).
 */
function readSelectors(value: unknown, name: string, problems: string[], within: { start: number; end: number } | string | undefined = undefined): Selectors {
  const found: Selectors = {};
  for (const selector of asArray(value)) {
    if (!isObject(selector)) {
      problems.push(`${name}: a selector that is not an object is ignored`);
      continue;
    }
    const own: Selectors = {};
    const refinement = selector.refinedBy;
    if (hasType(selector, 'TextPositionSelector')) {
      const { start, end } = selector;
      if (typeof start === 'number' && typeof end === 'number' && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end) {
        if (within === undefined) own.position = { start, end };
        else if (typeof within === 'string') problems.push(`${name}: a TextPositionSelector inside a ${within} cannot be located; ignored`);
        else if (within.start + end <= within.end) own.position = { start: within.start + start, end: within.start + end };
        else problems.push(`${name}: a refining TextPositionSelector ${start}-${end} reaches past what it refines; ignored`);
      } else {
        problems.push(`${name}: TextPositionSelector needs integer start < end, both >= 0 (got ${JSON.stringify(start)}, ${JSON.stringify(end)}); ignored`);
      }
    } else if (hasType(selector, 'TextQuoteSelector')) {
      if (typeof selector.exact === 'string' && selector.exact !== '') {
        own.quote = {
          exact: selector.exact,
          ...(typeof selector.prefix === 'string' ? { prefix: selector.prefix } : {}),
          ...(typeof selector.suffix === 'string' ? { suffix: selector.suffix } : {}),
        };
      } else {
        problems.push(`${name}: TextQuoteSelector without a non-empty "exact"; ignored`);
      }
    } else {
      const kind = typesOf(selector)[0] ?? 'an untyped selector';
      problems.push(`${name}: ${kind} is not supported; ${refinement === undefined ? 'ignored' : 'only the selector refining it is read'}`);
    }
    if (refinement !== undefined) {
      const context = own.position ?? (typeof within === 'string' ? within : (typesOf(selector)[0] ?? 'selector'));
      const inner = readSelectors(refinement, name, problems, context);
      if (inner.position || inner.quote) {
        const hint = own.position?.start ?? own.hint;
        Object.assign(own, { position: inner.position, quote: inner.quote, hint: inner.hint ?? hint });
      }
    }
    found.position ??= own.position;
    found.quote ??= own.quote;
    found.hint ??= own.hint;
  }
  return found;
}

/**
 * A TextPositionSelector's span in UTF-16 code units, given the text: read as code points (the standard, what
 * exportW3C writes), unless only the UTF-16 reading of it selects the quote's `exact` (older files, other tools).
 * Undefined when the span reaches past the text either way.
 */
export function positionInText(position: { start: number; end: number }, exact: string | undefined, text: string, offsets: CodePointOffsets): { start: number; end: number } | undefined {
  const start = offsets.toUtf16(position.start);
  const end = offsets.toUtf16(position.end);
  const asCodePoints = start >= 0 && end >= 0 ? { start, end } : undefined;
  if (exact === undefined || (asCodePoints && text.slice(asCodePoints.start, asCodePoints.end) === exact)) return asCodePoints ?? (position.end <= text.length ? position : undefined);
  if (position.end <= text.length && text.slice(position.start, position.end) === exact) return position;
  return asCodePoints ?? (position.end <= text.length ? position : undefined);
}

/** Where the annotation goes: its position checked against the text when known, a moved quote re-found. */
function placeSpan(
  selectors: Selectors,
  text: string | undefined,
  offsets: CodePointOffsets | undefined,
  name: string,
  article: string,
  problems: string[],
): { start: number; end: number; exact: string; prefix?: string; suffix?: string; orphaned: boolean } | undefined {
  const { quote } = selectors;
  if (!selectors.position && !quote) {
    problems.push(`${name}: no usable TextPositionSelector or TextQuoteSelector; skipped`);
    return undefined;
  }
  if (text === undefined) {
    if (selectors.position && quote) return { ...selectors.position, ...quote, orphaned: false };
    problems.push(
      selectors.position
        ? `${name}: no TextQuoteSelector, and the text of ${article} is not available to read the quote from; skipped`
        : `${name}: no TextPositionSelector, and the text of ${article} is not available to find the quote in; skipped`,
    );
    return undefined;
  }
  const context = (start: number, end: number) => ({
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  });
  const given = selectors.position;
  const position = given && offsets ? positionInText(given, quote?.exact, text, offsets) : given;
  const counted = given && (given.start !== position?.start || given.end !== position.end) ? ` (${given.start}-${given.end} in code points)` : '';
  if (given && !quote) {
    if (!position) {
      problems.push(`${name}: position ${given.start}-${given.end} is past the end of ${article} (${offsets?.length ?? text.length} characters); skipped`);
      return undefined;
    }
    return { ...position, exact: text.slice(position.start, position.end), ...context(position.start, position.end), orphaned: false };
  }
  const q = quote as NonNullable<Selectors['quote']>;
  if (position && text.slice(position.start, position.end) === q.exact) {
    return { ...position, exact: q.exact, ...(q.prefix === undefined && q.suffix === undefined ? context(position.start, position.end) : { prefix: q.prefix ?? '', suffix: q.suffix ?? '' }), orphaned: false };
  }
  const start = findQuote(text, q.exact, q.prefix ?? '', q.suffix ?? '', position?.start ?? (selectors.hint !== undefined && offsets ? Math.max(0, offsets.toUtf16(selectors.hint)) : 0));
  if (start >= 0) {
    const end = start + q.exact.length;
    if (given) problems.push(`${name}: "${shorten(q.exact)}" is no longer at ${given.start}-${given.end}${counted} in ${article}; found at ${start}-${end}`);
    return { start, end, exact: q.exact, ...context(start, end), orphaned: false };
  }
  if (given) {
    problems.push(`${name}: "${shorten(q.exact)}" is not found in ${article}; imported as an orphan`);
    return { ...(position ?? given), ...q, orphaned: true };
  }
  problems.push(`${name}: "${shorten(q.exact)}" is not found in ${article} and has no position; skipped`);
  return undefined;
}

const DATE_KEYS = ['date', 'dcterms:date', 'http://purl.org/dc/terms/date'];

function readDate(target: Json, name: string, problems: string[]): string | null {
  for (const key of DATE_KEYS) {
    const raw = target[key];
    if (raw === undefined || raw === null) continue;
    const value = isObject(raw) ? raw['@value'] : raw;
    if (isCalendarDate(value)) return value;
    problems.push(`${name}: article date ${JSON.stringify(value)} is not a YYYY-MM-DD calendar date; ignored`);
  }
  return null;
}

const LABEL_PURPOSES = ['tagging', 'classifying', 'identifying'];

function readBodies(item: Json, name: string, problems: string[]): { label: string; note: string; replies: NoteReply[] } {
  const motivations = asArray(item.motivation).filter((m): m is string => typeof m === 'string').map((m) => m.replace(/^oa:/, ''));
  const tagging = motivations.some((m) => LABEL_PURPOSES.includes(m));
  const labels: string[] = [];
  const notes: string[] = [];
  const replies: NoteReply[] = [];
  if (typeof item.bodyValue === 'string') (tagging ? labels : notes).push(item.bodyValue);
  for (const body of asArray(item.body)) {
    if (typeof body === 'string') {
      problems.push(`${name}: a body given only as an IRI (${shorten(body)}) is ignored`);
      continue;
    }
    if (!isObject(body)) continue;
    const value = body.value ?? body['rdf:value'] ?? body.chars;
    if (typeof value !== 'string') {
      problems.push(`${name}: a body without a text value is ignored`);
      continue;
    }
    const purposes = asArray(body.purpose).filter((p): p is string => typeof p === 'string').map((p) => p.replace(/^oa:/, ''));
    if (purposes.includes('replying')) {
      // A reply to the note, as exportW3C writes them; one without a usable time sorts as the oldest.
      const created = isObject(body.created) ? body.created['@value'] : body.created;
      if (value.trim() !== '') replies.push({ body: value, created: isTimestamp(created) ? created : new Date(0).toISOString() });
      continue;
    }
    const isLabel = purposes.length > 0 ? purposes.some((p) => LABEL_PURPOSES.includes(p)) : tagging;
    (isLabel ? labels : notes).push(value);
  }
  const cleanLabels = labels.map((l) => l.trim()).filter((l) => l !== '');
  let label = cleanLabels[0];
  if (label === undefined) {
    label = 'note';
    problems.push(`${name}: no tagging body gives a label; labelled "note"`);
  } else if (cleanLabels.length > 1) {
    problems.push(`${name}: several labels (${cleanLabels.join(', ')}); kept "${label}"`);
  }
  return { label, note: notes.filter((n) => n !== '').join('\n\n'), replies };
}

function readTimestamp(item: Json, key: 'created' | 'modified', name: string, problems: string[]): string | undefined {
  const raw = item[key];
  if (raw === undefined) return undefined;
  const value = isObject(raw) ? raw['@value'] : raw;
  if (isTimestamp(value)) return value;
  problems.push(`${name}: "${key}" ${JSON.stringify(value)} is not an ISO 8601 date-time; ignored`);
  return undefined;
}

function readStatus(value: unknown, orphaned: boolean): AnchorStatus | undefined {
  if (orphaned || value === 'orphaned') return 'orphaned';
  // The reanchor command also writes "moved": placed, at a new position.
  if (value === 'anchored' || value === 'moved') return 'anchored';
  return undefined;
}
