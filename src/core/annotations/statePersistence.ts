// Reading and writing the store's state through a key-value storage (VS Code's workspace state): an index under
// STATE_KEY (articles, article dates, lexicon) and one record per article, so a save costs what that article holds.
// Older versions are migrated; anything unreadable is backed up before it may be replaced; writes run one at a time,
// each carrying every change made before it. Another store on the same storage (a second window) is never
// overwritten: each write re-reads what it replaces and merges by id, keeping the other's changes and its own.
import type { Annotation } from './annotationModel';
import type { LexiconEntry } from '../nlp/analysisModel';
import { articleRecordKey, CURRENT_SCHEMA_VERSION, emptyState, STATE_KEY, validateArticleRecord, validateState, type StoredArticleV2, type StoredIndexV2 } from './schemaVersions';
import { detectSchemaVersion, migrateToCurrent, NewerSchemaVersionError } from './migrations';

/** What the store writes through: `context.workspaceState` satisfies it. Writing `undefined` removes a key. */
export interface StateStorage {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface PersistenceOptions {
  /** Storage key of the index; default STATE_KEY. */
  readonly key?: string;
  /**
   * Given a stored value (as a string) that does not parse, validate or migrate, before anything may replace it:
   * back it up and report it. Until the returned promise resolves nothing is written; if it rejects, or no callback
   * is given, nothing is ever written.
   */
  readonly onCorrupt?: (raw: string, reason: string) => PromiseLike<unknown> | void;
  readonly now?: () => Date;
}

export interface LoadReport {
  readonly annotations: number;
  /** The version the stored value was at; undefined when nothing was stored. */
  readonly fromVersion: number | undefined;
  /** Migration ids applied. */
  readonly migrations: readonly string[];
  /** Why stored values were (partly) rejected and handed to onCorrupt; undefined when all were fine. */
  readonly corrupt: string | undefined;
}

/** What a write reads from the store's memory. */
export interface PersistedSource {
  forArticle(article: string): readonly Annotation[];
  articleDates(): Readonly<Record<string, string>>;
  lexicon(): readonly LexiconEntry[];
}

/** Told what another store on the same storage changed, found while merging before a write. */
export interface MergeSink {
  annotationsMerged(article: string, annotations: readonly Annotation[]): void;
  articleDatesMerged(dates: readonly (readonly [string, string])[]): void;
  lexiconMerged(entries: readonly LexiconEntry[]): void;
}

/** What changed in memory since the last write, by key, so a write re-reads and merges only that. */
export interface ChangedKeys {
  /** Per article, the ids of annotations added, changed or removed there. */
  readonly annotations?: ReadonlyMap<string, ReadonlySet<string>>;
  readonly articleDates?: readonly string[];
  /** Texts of lexicon entries added, changed or removed. */
  readonly lexicon?: readonly string[];
}

export interface LoadedState {
  readonly annotations: readonly Annotation[];
  readonly articleDates: Readonly<Record<string, string>>;
  readonly lexicon: readonly LexiconEntry[];
  readonly report: Omit<LoadReport, 'annotations'>;
  /** True when the state was migrated and should be written back. */
  readonly writeBack: boolean;
}

interface Corrupt {
  readonly key: string;
  readonly raw: unknown;
  readonly reason: string;
}

interface Pending {
  annotations: Map<string, Set<string>>;
  articleDates: Set<string>;
  lexicon: Set<string>;
  /** Articles whose record must be written whole (migration), whatever their ids. */
  wholeArticles: Set<string>;
  index: boolean;
}

export class StatePersistence {
  private readonly key: string;
  /** Writes wait for this: resolved normally, pending while a corrupt value is being backed up, rejected if it could not be. */
  private writeGate: Promise<void> = Promise.resolve();
  private writeBlockedReason: string | undefined;
  private queue: Promise<void> = Promise.resolve();
  private changeCount = 0;
  private savedCount = 0;
  private pending: Pending = emptyPending();
  /** The articles the stored index lists, as last read or written. */
  private indexed = new Set<string>();
  private sink: MergeSink | undefined;
  /** Per record key, the revision this store last read or wrote: the same revision stored means nobody else wrote it. */
  private readonly known = new Map<string, string | undefined>();
  private writeCounter = 0;
  private readonly session = Math.random().toString(36).slice(2, 10);
  /** Per storage key, the raw text of the value last backed up, so the same value is not backed up twice. */
  private readonly backedUp = new Map<string, string>();

  constructor(
    private readonly storage: StateStorage,
    private readonly source: PersistedSource,
    private readonly options: PersistenceOptions = {},
  ) {
    this.key = options.key ?? STATE_KEY;
  }

  /** Where merged-in changes of another store go (the store's memory). */
  setMergeSink(sink: MergeSink): void {
    this.sink = sink;
  }

  /**
   * Reads, migrates and validates the stored state. Values that cannot be read go to onCorrupt, and what could be
   * salvaged is returned, but nothing is written until the backups resolved. A value from a newer schema version is
   * backed up too, and then never written over (that would downgrade it): writes reject, saying why, until a later
   * read finds a state this version reads.
   */
  read(): LoadedState {
    this.pending = emptyPending();
    this.known.clear();
    const stored = this.storage.get(this.key);
    const corrupt: Corrupt[] = [];
    let newerVersion: number | undefined;
    let fromVersion: number | undefined;
    let migrations: readonly string[] = [];
    let index = { ...emptyState(), annotations: [] as readonly Annotation[] };
    if (stored !== undefined && stored !== null) {
      try {
        const migrated = migrateToCurrent(parseStored(stored), this.now());
        fromVersion = migrated.fromVersion;
        migrations = migrated.applied;
        const validated = validateState(migrated.value);
        index = validated.state;
        if (validated.problems.length > 0) corrupt.push({ key: this.key, raw: stored, reason: problemsReason(validated.problems) });
      } catch (error) {
        if (error instanceof NewerSchemaVersionError) newerVersion = error.version;
        corrupt.push({ key: this.key, raw: stored, reason: message(error) });
      }
    }
    const ids = new Set(index.annotations.map((a) => a.id));
    const annotations: Annotation[] = [...index.annotations];
    const inline = new Set(index.annotations.map((a) => a.article));
    for (const article of index.articles) {
      if (inline.has(article)) continue;
      const key = articleRecordKey(article);
      const record = this.storage.get(key);
      if (record === undefined || record === null) continue;
      try {
        const value = parseStored(record);
        const version = recordVersion(value);
        if (version !== undefined && version > CURRENT_SCHEMA_VERSION) throw new NewerSchemaVersionError(version);
        const validated = validateArticleRecord(value, article, ids);
        this.known.set(key, revisionOf(value));
        for (const annotation of validated.annotations) annotations.push(annotation);
        if (validated.problems.length > 0) corrupt.push({ key, raw: record, reason: `${article}: ${problemsReason(validated.problems)}` });
      } catch (error) {
        if (error instanceof NewerSchemaVersionError) newerVersion = error.version;
        corrupt.push({ key, raw: record, reason: `${article}: ${message(error)}` });
      }
    }
    this.indexed = new Set(fromVersion === CURRENT_SCHEMA_VERSION ? index.articles : []);
    const writeBack = migrations.length > 0 || index.annotations.length > 0;
    if (writeBack) {
      // Every article is written out as a record, then the index (which is what makes version 2 the stored version).
      for (const a of annotations) this.pending.wholeArticles.add(a.article);
      this.pending.index = true;
    }
    if (corrupt.length > 0) this.blockWritesUntilBackedUp(corrupt, newerVersion);
    else this.allowWrites();
    return {
      annotations,
      articleDates: index.articleDates,
      lexicon: index.lexicon,
      report: { fromVersion, migrations, corrupt: corrupt.length === 0 ? undefined : corrupt.map((c) => c.reason).join('; ') },
      writeBack: writeBack && corrupt.length === 0,
    };
  }

  /** Why writes are refused, or undefined when they are not. */
  get writeError(): string | undefined {
    return this.writeBlockedReason;
  }

  /** True while a change is in memory that no finished write holds yet (deferred or still being written). */
  get hasUnsavedChanges(): boolean {
    return this.savedCount < this.changeCount;
  }

  /** Notes what changed; with `defer` no write starts (the next one carries it; edit-following debounces this way). */
  changed(keys: ChangedKeys, defer = false): Promise<void> {
    for (const [article, ids] of keys.annotations ?? []) {
      let set = this.pending.annotations.get(article);
      if (!set) this.pending.annotations.set(article, (set = new Set()));
      // forEach: at every key typed into an annotated article, early in a session in code not yet optimised, a for-of
      // makes a result per id
      const pending = set;
      ids.forEach((id) => pending.add(id));
    }
    for (const article of keys.articleDates ?? []) this.pending.articleDates.add(article);
    for (const text of keys.lexicon ?? []) this.pending.lexicon.add(text);
    if ((keys.articleDates?.length ?? 0) > 0 || (keys.lexicon?.length ?? 0) > 0) this.pending.index = true;
    if (defer) {
      this.changeCount += 1;
      return Promise.resolve();
    }
    return this.persist();
  }

  /** Writes what is deferred (and waits for any write in flight). */
  save(): Promise<void> {
    return this.hasUnsavedChanges ? this.persist() : this.queue;
  }

  /** Resolves when every write requested so far has finished (rejects if the last one failed). */
  flush(): Promise<void> {
    return this.queue;
  }

  /** Writes what a read migrated (records, then the index). */
  writeBack(): Promise<void> {
    return this.persist();
  }

  /**
   * Queues a write. Writes run one at a time; a write that starts after later changes carries them too, and the
   * writes queued behind it then have nothing left to do, so N quick changes cost few writes and lose none.
   */
  private persist(): Promise<void> {
    this.changeCount += 1;
    const wanted = this.changeCount;
    const write = this.queue
      .catch(() => undefined)
      .then(() => this.writeGate)
      .then(async () => {
        if (this.savedCount >= wanted) return;
        const upTo = this.changeCount;
        const work = this.pending;
        this.pending = emptyPending();
        try {
          await this.write(work);
        } catch (error) {
          // Nothing is forgotten: what this write did not store stays pending for the next one.
          this.restore(work);
          throw error;
        }
        this.savedCount = Math.max(this.savedCount, upTo);
      });
    this.queue = write;
    return write;
  }

  private async write(work: Pending): Promise<void> {
    const articles = new Set([...work.annotations.keys(), ...work.wholeArticles]);
    for (const article of articles) {
      const key = articleRecordKey(article);
      // Backing up an unreadable record is the only wait; from the read to the update nothing else can run, so
      // another store's write cannot slip in between.
      const current = this.storage.get(key);
      // Unchanged since this store last read or wrote it (the usual case): nothing to merge, nothing to parse.
      const untouched = work.wholeArticles.has(article) || (this.known.has(key) && this.known.get(key) === revisionOf(current) && (current !== undefined || this.known.get(key) === undefined));
      if (!untouched) await this.backUpIfUnreadable(key, article);
      // Read again after the only possible wait; from here to the update nothing else runs, so no other write slips in.
      // A record this store knew and another removed counts as emptied; one that cannot be read (backed up) as absent.
      const now = untouched ? undefined : this.storage.get(key);
      const storedList = untouched ? undefined : now === undefined || now === null ? (this.known.get(key) !== undefined ? [] : undefined) : this.readForMerge(key, article);
      // Changes made since this write began are ours too (and stay pending for the next write).
      const local = this.source.forArticle(article);
      const dirty = new Set([...(work.annotations.get(article) ?? []), ...(this.pending.annotations.get(article) ?? [])]);
      const merged = storedList === undefined ? local : mergeById(storedList, local, dirty);
      const revision = merged.length === 0 ? undefined : `${this.session}-${(this.writeCounter += 1).toString(36)}`;
      const record: StoredArticleV2 | undefined = revision === undefined ? undefined : { schemaVersion: CURRENT_SCHEMA_VERSION, article, revision, annotations: merged };
      const written = this.storage.update(key, record);
      this.known.set(key, revision);
      if (merged !== local && !sameAnnotations(merged, local)) this.sink?.annotationsMerged(article, merged);
      if ((merged.length > 0) !== this.indexed.has(article)) work.index = true;
      await written;
    }
    if (work.index) await this.writeIndex(work);
  }

  /** Re-reads the index, merges the dates and lexicon entries this store changed into it, and writes it. */
  private async writeIndex(work: Pending): Promise<void> {
    await this.backUpIfUnreadable(this.key, undefined);
    const stored = this.readIndexForMerge();
    const articles = new Set(stored?.articles ?? this.indexed);
    for (const article of new Set([...work.annotations.keys(), ...work.wholeArticles])) {
      // Listed while it has a record, whoever wrote it (read now, so another store's add is not unlisted).
      const record = this.storage.get(articleRecordKey(article));
      if (record === undefined || record === null) articles.delete(article);
      else articles.add(article);
    }
    const changedDates = new Set([...work.articleDates, ...this.pending.articleDates]);
    const changedLexicon = new Set([...work.lexicon, ...this.pending.lexicon]);
    const localDates = this.source.articleDates();
    const dates = new Map(Object.entries(stored?.articleDates ?? localDates));
    for (const article of stored ? changedDates : []) {
      const date = Object.hasOwn(localDates, article) ? localDates[article] : undefined;
      if (date === undefined) dates.delete(article);
      else dates.set(article, date);
    }
    const localLexicon = this.source.lexicon();
    let lexicon: readonly LexiconEntry[] = localLexicon;
    if (stored) {
      const ours = new Map(localLexicon.map((e) => [e.text, e]));
      const merged = stored.lexicon.filter((e) => !changedLexicon.has(e.text));
      for (const text of changedLexicon) {
        const entry = ours.get(text);
        if (entry) merged.push(entry);
      }
      // Our order where we have the entry, theirs after.
      const order = new Map(localLexicon.map((e, i) => [e.text, i]));
      lexicon = merged.sort((a, b) => (order.get(a.text) ?? Infinity) - (order.get(b.text) ?? Infinity));
    }
    const index: StoredIndexV2 = { schemaVersion: CURRENT_SCHEMA_VERSION, articles: [...articles].sort(), articleDates: Object.fromEntries(dates), lexicon };
    const written = this.storage.update(this.key, index);
    const newcomers = index.articles.filter((a) => !this.indexed.has(a) && this.source.forArticle(a).length === 0);
    this.indexed = new Set(index.articles);
    await written;
    if (!this.sink || !stored) return;
    if (!sameDates(index.articleDates, localDates)) this.sink.articleDatesMerged(Object.entries(index.articleDates));
    if (JSON.stringify(lexicon) !== JSON.stringify(localLexicon)) this.sink.lexiconMerged(lexicon);
    // Articles another store added: read their records in.
    for (const article of newcomers) {
      const list = this.readForMerge(articleRecordKey(article), article);
      if (list && list.length > 0) this.sink.annotationsMerged(article, list);
    }
  }

  /**
   * Before a value is replaced: if it cannot be read (or not fully), back it up; if another version of the extension
   * wrote it since (a newer schema), stop writing altogether. `article` undefined means the index.
   */
  private async backUpIfUnreadable(key: string, article: string | undefined): Promise<void> {
    const stored = this.storage.get(key);
    if (stored === undefined || stored === null) return;
    const label = article === undefined ? '' : `${article}: `;
    let problem: string | undefined;
    try {
      const value = parseStored(stored);
      const version = recordVersion(value);
      if (version !== undefined && version > CURRENT_SCHEMA_VERSION) {
        this.blockWritesUntilBackedUp([{ key, raw: stored, reason: `${label}${message(new NewerSchemaVersionError(version))}` }], version);
        await this.writeGate;
        return;
      }
      // An older whole state under the index key is the one a read just migrated: its content is in memory, to be written out.
      const indexVersion = article === undefined ? detectSchemaVersion(value) : undefined;
      if (indexVersion !== undefined && indexVersion < CURRENT_SCHEMA_VERSION) return;
      const problems = article === undefined ? validateState(value).problems : validateArticleRecord(value, article, new Set()).problems;
      if (problems.length > 0) problem = problemsReason(problems);
    } catch (error) {
      problem = message(error);
    }
    if (problem !== undefined) await this.backup(key, stored, `${label}${problem}`);
  }

  /** A stored record's valid annotations as they are now; undefined when there is none or it cannot be read (backed up already). */
  private readForMerge(key: string, article: string): readonly Annotation[] | undefined {
    const record = this.storage.get(key);
    if (record === undefined || record === null) return undefined;
    try {
      return validateArticleRecord(parseStored(record), article, new Set()).annotations;
    } catch {
      return undefined;
    }
  }

  /** The stored index as it is now, when it is a readable version-2 index. */
  private readIndexForMerge(): (StoredIndexV2 & { readonly annotations: readonly Annotation[] }) | undefined {
    const stored = this.storage.get(this.key);
    if (stored === undefined || stored === null) return undefined;
    try {
      const value = parseStored(stored);
      return recordVersion(value) === CURRENT_SCHEMA_VERSION ? validateState(value).state : undefined;
    } catch {
      return undefined;
    }
  }

  /** Backs up a value found unreadable while writing, unless that very value was backed up already. */
  private async backup(key: string, raw: unknown, reason: string): Promise<void> {
    const text = rawText(raw);
    if (this.backedUp.get(key) === text) return;
    const callback = this.options.onCorrupt;
    if (!callback) throw new Error(`Not saving: a stored value could not be read (${reason}) and there is no way to back it up.`);
    await callback(text, reason);
    this.backedUp.set(key, text);
  }

  private restore(work: Pending): void {
    for (const [article, ids] of work.annotations) {
      const set = this.pending.annotations.get(article) ?? new Set<string>();
      for (const id of ids) set.add(id);
      this.pending.annotations.set(article, set);
    }
    for (const a of work.articleDates) this.pending.articleDates.add(a);
    for (const t of work.lexicon) this.pending.lexicon.add(t);
    for (const a of work.wholeArticles) this.pending.wholeArticles.add(a);
    this.pending.index ||= work.index;
  }

  private blockWritesUntilBackedUp(corrupt: readonly Corrupt[], newerVersion?: number): void {
    const callback = this.options.onCorrupt;
    const reason = corrupt.map((c) => c.reason).join('; ');
    const newer =
      newerVersion === undefined
        ? undefined
        : `Not saving: the stored annotations are at schemaVersion ${newerVersion}, written by a newer version of Article Annotator; saving would downgrade them, so they are left untouched (update the extension).`;
    this.writeBlockedReason = newer ?? `the stored annotations could not be read (${reason}) and are being backed up`;
    const backup = callback
      ? Promise.all(
          corrupt.map(async (c) => {
            const text = rawText(c.raw);
            await callback(text, c.reason);
            this.backedUp.set(c.key, text);
          }),
        )
      : Promise.reject(new Error('no backup callback was given'));
    const gate = backup.then(
      () => {
        if (newer !== undefined) throw new Error(newer);
        this.writeBlockedReason = undefined;
      },
      (error: unknown) => {
        if (newer !== undefined) {
          this.writeBlockedReason = newer;
          throw new Error(newer);
        }
        const text = `Not saving: the stored annotations could not be read (${reason}) nor backed up (${message(error)}), so they are left untouched.`;
        this.writeBlockedReason = text;
        throw new Error(text);
      },
    );
    this.writeGate = gate;
    // The gate's rejection is reported by each write that waits for it.
    gate.catch(() => undefined);
  }

  /** A read found a state it reads: whatever blocked writes before no longer applies. */
  private allowWrites(): void {
    this.writeGate = Promise.resolve();
    this.writeBlockedReason = undefined;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/**
 * Three-way merge of one article's annotations by id: what this store changed (`dirty`) comes from `local`, anything
 * else from `stored` (which holds another store's adds, edits and removals). Stored order first, then new ones.
 */
export function mergeById(stored: readonly Annotation[], local: readonly Annotation[], dirty: ReadonlySet<string>): readonly Annotation[] {
  const ours = new Map(local.map((a) => [a.id, a]));
  const merged: Annotation[] = [];
  const seen = new Set<string>();
  for (const a of stored) {
    seen.add(a.id);
    if (!dirty.has(a.id)) merged.push(a);
    else {
      const mine = ours.get(a.id);
      if (mine) merged.push(mine);
    }
  }
  for (const a of local) if (dirty.has(a.id) && !seen.has(a.id)) merged.push(a);
  return merged;
}

function emptyPending(): Pending {
  return { annotations: new Map(), articleDates: new Set(), lexicon: new Set(), wholeArticles: new Set(), index: false };
}

function sameAnnotations(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => x === b[i] || JSON.stringify(x) === JSON.stringify(b[i]));
}

function sameDates(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && b[k] === a[k]);
}

function revisionOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && typeof (value as { revision?: unknown }).revision === 'string' ? (value as { revision: string }).revision : undefined;
}

function recordVersion(value: unknown): number | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { schemaVersion?: unknown }).schemaVersion === 'number' ? (value as { schemaVersion: number }).schemaVersion : undefined;
}

function problemsReason(problems: readonly string[]): string {
  const shown = problems.slice(0, 5).join('; ');
  return `${problems.length} invalid item(s) left out: ${shown}${problems.length > 5 ? '; …' : ''}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function parseStored(stored: unknown): unknown {
  if (typeof stored !== 'string') return stored;
  try {
    return JSON.parse(stored) as unknown;
  } catch (error) {
    throw new SyntaxError(`not valid JSON (${message(error)})`);
  }
}

/** The stored value as text for a backup: strings byte for byte, anything else as JSON. */
function rawText(stored: unknown): string {
  if (typeof stored === 'string') return stored;
  try {
    return JSON.stringify(stored, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2) ?? String(stored);
  } catch {
    return String(stored);
  }
}
