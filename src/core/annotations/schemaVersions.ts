// The shapes of the stored workspace state, one per schema version, and the validator of the current one.
import type { Annotation } from './annotationModel';
import { isCalendarDate } from '../article/articleDate';
import { ENTITY_TYPES, type LexiconEntry } from '../nlp/analysisModel';

/** Bump together with a new entry in MIGRATIONS (migrations.ts) and a test that loads the previous version. */
export const CURRENT_SCHEMA_VERSION = 2;

/** The workspace-state key of the state's index (version 2; the whole state in versions 0 and 1). */
export const STATE_KEY = 'articleAnnotator.state';

/** Version 2 keeps each article's annotations under a key of its own, so a save costs what that article holds. */
export function articleRecordKey(article: string): string {
  return `articleAnnotator.article:${article}`;
}

/** Version 1: one object holding everything the workspace remembers. */
export interface StoredStateV1 {
  readonly schemaVersion: 1;
  readonly annotations: readonly Annotation[];
  /** Article key -> YYYY-MM-DD set by the user ("Set Article Date"). */
  readonly articleDates: Readonly<Record<string, string>>;
  readonly lexicon: readonly LexiconEntry[];
}

/**
 * Version 2, the index under STATE_KEY: which articles have a record (see articleRecordKey), the article dates and the
 * lexicon. `annotations` appears only in a state just migrated from version 1 and not yet written out as records.
 */
export interface StoredIndexV2 {
  readonly schemaVersion: 2;
  readonly articles: readonly string[];
  /** Article key -> YYYY-MM-DD set by the user ("Set Article Date"). */
  readonly articleDates: Readonly<Record<string, string>>;
  readonly lexicon: readonly LexiconEntry[];
  readonly annotations?: readonly Annotation[];
}

/** Version 2, one article's record: its annotations. */
export interface StoredArticleV2 {
  readonly schemaVersion: 2;
  readonly article: string;
  /** Changes with every write, so a store sees at a glance whether another one wrote the record since it last did. */
  readonly revision?: string;
  readonly annotations: readonly Annotation[];
}

export type StoredState = StoredIndexV2;

/** Version 0 (pre-release builds): a bare array of annotations, no quote context, no status or origin. */
export interface AnnotationV0 {
  readonly id?: string;
  /** Workspace-relative path of the article. */
  readonly file: string;
  readonly start: number;
  readonly end: number;
  /** The annotated text. */
  readonly text: string;
  readonly label: string;
  readonly note?: string;
  readonly created?: string;
}

export type StoredStateV0 = readonly AnnotationV0[];

export function emptyState(): StoredState {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, articles: [], articleDates: {}, lexicon: [] };
}

export interface ValidatedState {
  /** Everything valid; an invalid item is left out and named in `problems`. `annotations` holds the inline ones ([] when none). */
  readonly state: StoredState & { readonly annotations: readonly Annotation[] };
  readonly problems: readonly string[];
}


/** Checks an index (with any inline annotations) claiming to be the current version; throws a TypeError when its overall shape is wrong. */
export function validateState(value: unknown): ValidatedState {
  if (!isRecord(value)) throw new TypeError(`expected an object, found ${describe(value)}`);
  if (value.schemaVersion !== CURRENT_SCHEMA_VERSION) throw new TypeError(`expected schemaVersion ${CURRENT_SCHEMA_VERSION}, found ${describe(value.schemaVersion)}`);
  const problems: string[] = [];
  const annotations = validAnnotations(value.annotations ?? [], 'annotations', new Set(), problems);
  const articlesRaw = value.articles ?? [];
  if (!Array.isArray(articlesRaw)) throw new TypeError(`"articles" is ${describe(articlesRaw)}, not an array`);
  const articles = new Set<string>();
  articlesRaw.forEach((item: unknown, index) => {
    if (typeof item === 'string' && item !== '') articles.add(item);
    else problems.push(`articles[${index}]: ${describe(item)} is not an article key`);
  });
  const datesRaw = value.articleDates ?? {};
  if (!isRecord(datesRaw)) throw new TypeError(`"articleDates" is ${describe(datesRaw)}, not an object`);
  // No prototype: an article keyed "__proto__" is stored like any other, not swallowed by the assignment.
  const articleDates: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [article, date] of Object.entries(datesRaw)) {
    if (isCalendarDate(date)) articleDates[article] = date;
    else problems.push(`articleDates[${JSON.stringify(article)}]: ${describe(date)} is not a YYYY-MM-DD date`);
  }
  const lexiconRaw = value.lexicon ?? [];
  if (!Array.isArray(lexiconRaw)) throw new TypeError(`"lexicon" is ${describe(lexiconRaw)}, not an array`);
  const lexicon: LexiconEntry[] = [];
  lexiconRaw.forEach((item: unknown, index) => {
    const problem = lexiconProblem(item);
    if (problem) problems.push(`lexicon[${index}]: ${problem}`);
    else lexicon.push(item as LexiconEntry);
  });
  return { state: { schemaVersion: CURRENT_SCHEMA_VERSION, articles: [...articles], articleDates, lexicon, annotations }, problems };
}

/** Checks one article's record; `ids` (shared across records) catches an id stored twice. Throws a TypeError when its overall shape is wrong. */
export function validateArticleRecord(value: unknown, article: string, ids: Set<string>): { readonly annotations: readonly Annotation[]; readonly problems: readonly string[] } {
  if (!isRecord(value)) throw new TypeError(`expected an object, found ${describe(value)}`);
  if (value.schemaVersion !== CURRENT_SCHEMA_VERSION) throw new TypeError(`expected schemaVersion ${CURRENT_SCHEMA_VERSION}, found ${describe(value.schemaVersion)}`);
  const problems: string[] = [];
  const annotations = validAnnotations(value.annotations ?? [], 'annotations', ids, problems).filter((a) => {
    if (a.article === article) return true;
    problems.push(`annotation ${a.id} belongs to ${JSON.stringify(a.article)}, not to this record`);
    ids.delete(a.id);
    return false;
  });
  return { annotations, problems };
}

function validAnnotations(raw: unknown, name: string, ids: Set<string>, problems: string[]): Annotation[] {
  if (!Array.isArray(raw)) throw new TypeError(`"${name}" is ${describe(raw)}, not an array`);
  const annotations: Annotation[] = [];
  raw.forEach((item: unknown, index) => {
    const problem = annotationProblem(item);
    if (problem) problems.push(`${name}[${index}]: ${problem}`);
    else {
      const annotation = item as Annotation;
      if (ids.has(annotation.id)) problems.push(`${name}[${index}]: duplicate id ${annotation.id}`);
      else {
        ids.add(annotation.id);
        annotations.push(annotation);
      }
    }
  });
  return annotations;
}

/**
 * Why a value is not a valid annotation, undefined when it is. Checked for every annotation moved by a keystroke: the
 * fields one by one, with no list of names walked (a for-of over one makes garbage in code not yet optimised).
 */
export function annotationProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `expected an object, found ${describe(value)}`;
  const missing = !nonEmpty(value.id) ? 'id' : !nonEmpty(value.article) ? 'article' : !nonEmpty(value.label) ? 'label' : undefined;
  if (missing) return `"${missing}" must be a non-empty string`;
  const notString = typeof value.note !== 'string' ? 'note' : typeof value.created !== 'string' ? 'created' : typeof value.modified !== 'string' ? 'modified' : undefined;
  if (notString) return `"${notString}" must be a string`;
  const position = value.position;
  if (!isRecord(position) || !isOffset(position.start) || !isOffset(position.end) || position.start > position.end) {
    return '"position" must be {start, end} with 0 <= start <= end';
  }
  const quote = value.quote;
  if (!isRecord(quote) || typeof quote.exact !== 'string' || typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string') {
    return '"quote" must be {exact, prefix, suffix} strings';
  }
  if (value.status !== 'anchored' && value.status !== 'orphaned') return `"status" must be anchored or orphaned, found ${describe(value.status)}`;
  if (value.origin !== 'user' && value.origin !== 'entity') return `"origin" must be user or entity, found ${describe(value.origin)}`;
  // optional and added within version 2: a state without replies is the same state
  if (value.replies !== undefined && (!Array.isArray(value.replies) || !value.replies.every((r: unknown) => isRecord(r) && typeof r.body === 'string' && typeof r.created === 'string'))) {
    return '"replies" must be a list of {body, created} strings';
  }
  return undefined;
}

function lexiconProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `expected an object, found ${describe(value)}`;
  if (typeof value.text !== 'string' || value.text.trim() === '') return '"text" must be a non-empty string';
  if (value.action !== 'reject' && value.action !== 'retype' && value.action !== 'accept') return `"action" must be reject, retype or accept, found ${describe(value.action)}`;
  if (value.type !== undefined && !(ENTITY_TYPES as readonly unknown[]).includes(value.type)) return `"type" must be one of ${ENTITY_TYPES.join(', ')}`;
  if (value.action === 'retype' && value.type === undefined) return 'a retype entry needs a "type"';
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A short description of a value for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
