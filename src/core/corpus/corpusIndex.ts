// A cross-article index over analysis results: one corpus entity per real-world name across articles, every mention
// of one, and a timeline of dates. Pure and in memory; the caller decides which articles are in it (keys are opaque,
// e.g. workspace-relative paths).
//
// Identity across articles, on top of each article's own linking (src/core/nlp/linking.ts decides that a later
// "Ghani" is that article's "Ashraf Ghani"):
// - a name of two words or more ("Ashraf Ghani", "Halvard Foods Inc.") is one entity per name and type in the whole
//   corpus; organization names compare without case, a leading "The" and a legal suffix ("Halvard Foods" = "Halvard
//   Foods Inc.");
// - a one-word name left bare by its article ("Ghani said") joins the only full name of the corpus it can stand for:
//   a person's surname, an organization's first word or initials. Ambiguous (two such full names) stays apart; among
//   several, one of the bare mention's own type wins. A one-word organization stays a name of its own ("Quillon" is
//   not "Quillon Music"), unless it is an acronym;
// - joining may retype a bare person or organization (the full name's article gave the evidence), never a place, and
//   not when the bare mention's own article has a full name of its type with that word in it (its own evidence);
// - a bare name that matches no full name takes the type most articles give it, if at least two articles do and at
//   least twice as many as any other type (person and organization only, under the same two conditions);
// - every different typing of an entity's names is kept as a conflict: "also typed as place in 2 articles".
// Updates are incremental: changing an article re-resolves only the names it contains or that its full names can
// stand for.
import type { QuotedSpan, TextSpan } from '../article/articleModel';
import { splitSentences } from '../article/sentences';
import { dateValueStart, ENTITY_TYPES, type Analysis, type DateMention, type DateValue, type EntityType } from '../nlp/analysisModel';
import { initials, nameParts, titleCase } from '../nlp/names';
import { findQuotations, type Quotation } from '../quotes/quotations';
import { StringPool } from '../text/stringPool';
import { dateCount, dateResolved, isPacked, mentionCanonical, mentionCount, mentionEnd, mentionNameKey, mentionStart, mentionText, mentionType, packAnalysis, samePacked, unpackDates, unpackEntities, type PackedAnalysis } from './packedAnalysis';

/** Another type that some articles give this entity's names. */
export interface TypeConflict {
  readonly type: EntityType;
  /** The article keys, sorted. */
  readonly articles: readonly string[];
}

export interface CorpusEntity {
  /** Stable while the entity exists: type and name key. */
  readonly id: string;
  readonly canonical: string;
  readonly type: EntityType;
  /** Mentions in all articles together. */
  readonly mentions: number;
  /** How many articles mention it. */
  readonly articles: number;
  /** Every distinct surface form of its mentions, the canonical first. */
  readonly aliases: readonly string[];
  /** Other types its names have in some articles, most articles first. */
  readonly conflicts: readonly TypeConflict[];
  /** The earliest article date (YYYY-MM-DD) among its articles, or null when none of them has one. */
  readonly firstDate: string | null;
}

export interface CorpusMention extends QuotedSpan {
  readonly article: string;
}

export interface ArticleMentions {
  readonly article: string;
  /** In text order. */
  readonly mentions: readonly CorpusMention[];
}

export interface CorpusEntityDetails extends CorpusEntity {
  /** Its mentions article by article, articles by key. */
  readonly byArticle: readonly ArticleMentions[];
}

/** A corpus entity as an event or a quotation names it. */
export interface EntityRef {
  readonly id: string;
  readonly canonical: string;
  readonly type: EntityType;
}

export interface TimelineEntry extends CorpusMention {
  readonly value: Exclude<DateValue, null>;
  /** The date it sorts by: the value, or the start of a range. */
  readonly sortKey: string;
  /** The sentence the date is in, offsets into the article text. */
  readonly sentence: QuotedSpan;
  /** The corpus entities mentioned in that sentence, in text order, each once. */
  readonly entities: readonly EntityRef[];
}

/** A quotation of one article, its speaker joined to the corpus entity it names when it names one. */
export interface CorpusQuotation extends Quotation {
  readonly article: string;
  /** The corpus entity of the speaker, so one person's quotes from every article come together; null when unnamed or not an entity. */
  readonly speakerEntity: EntityRef | null;
}

/**
 * What prepare() finds in an article: its quotations, and the sentence around each date mention with a resolved value
 * (in the order of the analysis' dates). The workspace index keeps it in its pack, so a reopen does not find it again.
 */
export interface PreparedArticle {
  readonly quotes: readonly Quotation[];
  readonly sentences: readonly TextSpan[];
}

/** One name with one type in one article, as the article's analysis gave it. */
interface LocalEntity {
  readonly article: string;
  readonly canonical: string;
  readonly type: EntityType;
  /**
   * The article's entry its mentions are in (a kept entity of a replaced article moves to the new entry), its first
   * mention there (an index into the entry's packed mentions) and how many it has: the others follow by the entry's links.
   */
  entry: ArticleEntry;
  first: number;
  count: number;
  /** For a name of two words or more: the corpus entity it always belongs to; undefined for a bare name. */
  readonly fixedId: string | undefined;
  /** How many words its name has (nameParts), worked out once: the summaries compare it. */
  readonly words: number;
  /** The corpus entity it belongs to now. */
  id: string;
}

/**
 * An indexed article. Its mentions are not objects of their own: the packed analysis holds their offsets, names and
 * types (see packedAnalysis.ts), `links` their local entities; a CorpusMention is made when a caller asks for one. What
 * the index keeps per article is what each of the host's young-generation collections copied while a collection was
 * indexed: the fewer objects, the shorter those pauses.
 */
interface ArticleEntry {
  /** The local entities, in the order of their first mention (what `links` points at; an article has a few dozen). */
  readonly localList: LocalEntity[];
  /** The analysis' mentions (in text order) and dates. */
  readonly packed: PackedAnalysis;
  /**
   * Two ints per mention: its local entity (index into localList) and the next mention of that entity (-1: none); then
   * two per resolved date, once `sentences` says they are found: the offsets of its sentence.
   */
  readonly links: Int32Array;
  readonly date: string | null;
  /** The text the quotations and the timeline's sentences are found in. */
  readonly text: string;
  /**
   * The quotations and whether the sentences are found: on first use, since most index updates (and a reopen of
   * thousands of cached articles) never need them, and finding sentences costs more than indexing.
   */
  quotes: readonly Quotation[] | undefined;
  sentences: boolean;
  /** The last summary that counted this article (see CorpusIndex.summary): articles are counted without a Set. */
  counted: number;
}

/** Everything the corpus knows about one canonical name. */
interface NameGroup {
  /** Its local entities in every article, whatever their type. */
  locals: Few<LocalEntity>;
  /** The corpus ids those belong to, with counts. */
  ids: IdCounts | undefined;
  /**
   * Its bare (one-word) local entities, and how many articles give each type; made with the first bare one (most names
   * of a collection are full names, and each Map or Set holds a table of its own, for the collector to copy).
   */
  bare: Few<LocalEntity> | undefined;
  bareTypes: Map<EntityType, number> | undefined;
  /** What the bare ones were last resolved against. */
  outcome: Outcome | undefined;
}

/** What decides a bare name's entity, whatever its article: the full names it can stand for, and its majority type. */
interface Outcome {
  /** Per type: the one full name of that type it can stand for; null when several, absent when none. */
  readonly byType: ReadonlyMap<EntityType, string | null>;
  /** The full name when it can stand for exactly one. */
  readonly only: string | undefined;
  /** The type most articles give the bare name, when it stands for no full name. */
  readonly majority: EntityType | undefined;
  /** All of the above in one string, to tell whether anything changed. */
  readonly key: string;
}

const LEGAL_SUFFIX = /,?\s+(?:inc|incorporated|ltd|limited|corp|corporation|co|llc|l\.l\.c|plc|ag|sa|s\.a|gmbh|nv|n\.v|pty)\.?$/iu;
const NO_MEMBERS: readonly LocalEntity[] = Object.freeze([]);
const NO_CONFLICTS: readonly TypeConflict[] = Object.freeze([]);
const NO_OUTCOME: Outcome = { byType: new Map(), only: undefined, majority: undefined, key: '\u0001undefined\u0001undefined' };
/** A full name's bare words when it has none (shortNamesOf). */
const NO_NAMES: readonly string[] = Object.freeze([]);
/** The entity types in the order of their names (an outcome's key lists them so). */
const TYPES_BY_NAME: readonly EntityType[] = [...ENTITY_TYPES].sort();
/** The outcome of a bare name that stands for no full name and has a majority type: one each, not one per resolution. */
const MAJORITY_OUTCOMES: ReadonlyMap<EntityType, Outcome> = new Map(ENTITY_TYPES.map((majority) => [majority, { byType: new Map(), only: undefined, majority, key: `\u0001undefined\u0001${majority}` }]));
/** Mentions or entities handled in one step of updateArticle. */
const STEP_ITEMS = 400;
/** Mentions compared in one step of an edit's scan for what it changed (a few ints and strings each). */
const SCAN_ITEMS = 8000;
const ACRONYM = /^\p{Lu}[\p{Lu}\d.&]+$/u;
const ALL_CAPS = /^\p{Lu}{3,}$/u;

export class CorpusIndex {
  /** Ids and name keys, held once however many articles make them (see StringPool). */
  private readonly strings = new StringPool(200_000, 512);
  private readonly articles = new Map<string, ArticleEntry>();
  private readonly names = new Map<string, NameGroup>();
  /** A bare word ("Ghani", "Halvard", "NATO") -> the corpus ids of the full names it can stand for, with counts. */
  private readonly shortNames = new Map<string, IdCounts>();
  /**
   * corpus id -> its local entities. Like a name's tables (NameGroup), a single one is held as itself and several in a
   * list: most entities of a collection are named in one article or a few, and a Set or Map per entity (a table of its
   * own each) was most of what the corpus kept per name, for the host's collector to copy.
   */
  private readonly members = new Map<string, Few<LocalEntity>>();
  private readonly summaries = new Map<string, CorpusEntity>();
  /** The conflicts of entities, once read (see summary), until the entity or one sharing its names changes. */
  private readonly conflictsRead = new Map<string, readonly TypeConflict[]>();
  /** A summary's `conflicts`: one getter for every summary, worked out when read. */
  private readonly conflictsProperty: PropertyDescriptor = ((corpus: CorpusIndex): PropertyDescriptor => ({
    enumerable: true,
    get(this: CorpusEntity): readonly TypeConflict[] {
      return corpus.conflictsNow(this.id, this.type);
    },
  }))(this);
  /** Every entity's summary in entities() order; kept up to date a few entities at a time (see `stale`). */
  private sorted: CorpusEntity[] | undefined;
  /** Entities whose summary changed since `sorted` was ordered: entities() moves only these. */
  private readonly stale = new Set<string>();
  private revisionValue = 0;
  private readonly updating = new Map<string, Generator<void, void, undefined>>();
  /** Numbers each summary made (see ArticleEntry.counted). */
  private summaryStamp = 0;

  /** Grows with every change of the index, so a view can tell whether what it derived is still current. */
  get revision(): number {
    return this.revisionValue;
  }

  /**
   * Adds or replaces an article; `text` is the text the analysis offsets point into. Replacing an article re-indexes only
   * the entities whose mentions changed other than by moving (an edit typed into a large article moves thousands of
   * mentions and changes a few): the others keep their place in every map and only take their new offsets.
   */
  setArticle(key: string, analysis: Analysis | PackedAnalysis, text: string, prepared?: PreparedArticle): void {
    this.finish(key);
    const steps = this.steps(key, analysis, text, prepared);
    while (!steps.next().done);
  }

  /**
   * setArticle a step at a time, for a caller that must not hold its thread for long (a large article's thousands of
   * entities took the extension host 100-300 ms at once): call step() until it returns true; each step handles at most
   * STEP_ITEMS mentions or entities. The index answers meanwhile as without the article (a new article's entities may
   * count it before it is listed); it is listed, with every entity resolved as setArticle resolves them, at the last
   * step. Any other change of the same article first finishes this one.
   */
  updateArticle(key: string, analysis: Analysis | PackedAnalysis, text: string, prepared?: PreparedArticle): { step(): boolean } {
    this.finish(key);
    const steps = this.steps(key, analysis, text, prepared);
    this.updating.set(key, steps);
    return {
      step: (): boolean => {
        if (!steps.next().done) return false;
        if (this.updating.get(key) === steps) this.updating.delete(key);
        return true;
      },
    };
  }

  /** Runs an unfinished updateArticle of this article to its end. */
  private finish(key: string): void {
    const steps = this.updating.get(key);
    if (!steps) return;
    this.updating.delete(key);
    while (!steps.next().done);
  }

  /** setArticle's work, yielding between steps (see updateArticle). */
  private *steps(key: string, analysis: Analysis | PackedAnalysis, text: string, prepared: PreparedArticle | undefined): Generator<void, void, undefined> {
    // the article's own entities and links first: nothing the index shares is touched until they are made
    const packed = isPacked(analysis) ? analysis : packAnalysis(analysis);
    const n = mentionCount(packed);
    const localList: LocalEntity[] = [];
    const links = new Int32Array(n * 2 + resolvedDates(packed) * 2);
    const entry: ArticleEntry = { localList, packed, links, date: packed.articleDate, text, quotes: undefined, sentences: false, counted: 0 };
    // found before (the pack keeps it): one sentence for each resolved date, or it is found again when wanted
    if (prepared && fitsDates(prepared, packed)) setSentences(entry, prepared.quotes, prepared.sentences);
    const previous = this.articles.get(key);
    // an edit of an indexed article (its date the same): only what changed is looked at (see edit)
    if (previous && previous.date === entry.date) {
      yield* this.edit(key, previous, entry);
      return;
    }
    /** A name's index in the packed names and its type -> its local entity's index, and that entity's last mention so far. */
    const byName = new Map<number, number>();
    const last: number[] = [];
    for (let i = 0; i < n; i++) {
      const nameKey = mentionNameKey(packed, i);
      const at = byName.get(nameKey);
      if (at === undefined) {
        const local = this.newLocal(key, entry, i, 1);
        byName.set(nameKey, localList.length);
        links[i * 2] = localList.length;
        last.push(i);
        localList.push(local);
      } else {
        links[i * 2] = at;
        links[last[at]! * 2 + 1] = i;
        last[at] = i;
        localList[at]!.count++;
      }
      links[i * 2 + 1] = -1;
      if ((i + 1) % STEP_ITEMS === 0) yield;
    }
    yield;
    if (previous) {
      // its date changed: the date is part of every entity's summary, so the article is indexed again whole, at once
      this.revisionValue++;
      const affected = new Set<string>();
      this.unindex(key, affected);
      this.articles.set(key, entry);
      for (const local of localList) this.indexLocal(local, affected);
      this.resolve(affected, bareByName(localList));
      return;
    }
    // a new article: its entities join a step at a time, full names first (its bare names are resolved against them),
    // and it is listed once all have joined (its entities' summaries find its date on their entry meanwhile)
    const all = localList;
    for (const group of [all.filter((l) => l.fixedId !== undefined), all.filter((l) => l.fixedId === undefined)]) {
      for (let at = 0; at < group.length; at += STEP_ITEMS) {
        this.revisionValue++;
        const affected = new Set<string>();
        const step = group.slice(at, at + STEP_ITEMS);
        for (const local of step) this.indexLocal(local, affected);
        this.resolve(affected, bareByName(step));
        yield;
      }
    }
    this.articles.set(key, entry);
    this.revisionValue++;
  }

  /**
   * Replaces an indexed article of the same date by its new entry (see setArticle), looking only at what the edit
   * changed. Typing into a large article changes a few mentions and moves the thousands after them: the mentions before
   * the edit and after it are the previous entry's (the same names, types and forms, in the same order), so every local
   * entity with no mention in between keeps its mentions' words and is kept as it was (its id, its summary, its place
   * in every map), taking its new offsets; only the entities with a mention in the changed stretch, before or after the
   * edit, are compared as a whole (the same words in the same order: kept; else re-indexed), and joined or left. The
   * decisions, and the order in which entities leave and join, are those of comparing every entity of the article (the
   * unit tests check the result against indexing the article anew). The work is in steps that touch nothing the index
   * shares, so it answers meanwhile as with the previous version; the change itself is made in the last one.
   */
  private *edit(key: string, previous: ArticleEntry, entry: ArticleEntry): Generator<void, void, undefined> {
    const before = previous.packed;
    const { packed, links, localList } = entry;
    const oldN = mentionCount(before);
    const newN = mentionCount(packed);
    // the unchanged mentions before the edit (`head`) and after it (`tail`)
    const limit = Math.min(oldN, newN);
    let head = 0;
    while (head < limit && sameMention(before, head, packed, head)) if (++head % SCAN_ITEMS === 0) yield;
    let tail = 0;
    while (tail < limit - head && sameMention(before, oldN - 1 - tail, packed, newN - 1 - tail)) if (++tail % SCAN_ITEMS === 0) yield;
    const moved = newN - oldN;
    // Each local entity of the new version has a slot: the index of the previous entry's local entity of its name and
    // type, or one after them for a name and type the article did not have. The previous entry's entities with a
    // mention in the changed stretch, before or after the edit, are `touched`.
    const oldLocals = previous.localList.length;
    const slotOf = new Int32Array(newN);
    const touched: number[] = [];
    const isTouched = new Uint8Array(oldLocals);
    const touch = (slot: number): void => {
      if (slot < oldLocals && isTouched[slot] === 0) {
        isTouched[slot] = 1;
        touched.push(slot);
      }
    };
    for (let i = head; i < oldN - tail; i++) touch(previous.links[i * 2]!);
    let added = 0;
    const slotByName = new Map<string, number>();
    for (let i = head; i < newN - tail; i++) {
      const canonical = mentionCanonical(packed, i);
      const type = mentionType(packed, i);
      const name = localKeyOf(canonical, type);
      let slot = slotByName.get(name);
      if (slot === undefined) {
        const was = this.localIn(previous, canonical, type);
        slot = was ? previous.links[was.first * 2]! : oldLocals + added++;
        slotByName.set(name, slot);
        touch(slot);
      }
      slotOf[i] = slot;
      if ((i - head + 1) % STEP_ITEMS === 0) yield;
    }
    for (let i = 0; i < head; i++) slotOf[i] = previous.links[i * 2]!;
    for (let i = newN - tail; i < newN; i++) slotOf[i] = previous.links[(i - moved) * 2]!;
    yield;
    // each slot's mentions, linked in text order (the links' second int), their first and how many
    const slots = oldLocals + added;
    const first = new Int32Array(slots).fill(-1);
    const count = new Int32Array(slots);
    for (let i = newN - 1; i >= 0; i--) {
      const slot = slotOf[i]!;
      links[i * 2 + 1] = first[slot]!;
      first[slot] = i;
      count[slot]!++;
    }
    // the local entities in the order of their first mention, as every entry lists them
    const indexOf = new Int32Array(slots).fill(-1);
    const slotAt: number[] = [];
    for (let i = 0; i < newN; i++) {
      const slot = slotOf[i]!;
      if (indexOf[slot]! < 0) indexOf[slot] = slotAt.push(slot) - 1;
      links[i * 2] = indexOf[slot]!;
    }
    yield;
    // the touched ones: kept when their mentions read the same words in the same order, else re-indexed
    const gone: LocalEntity[] = [];
    const joining: LocalEntity[] = [];
    const replaced = new Map<number, LocalEntity>();
    touched.sort((a, b) => a - b);
    for (const slot of touched) {
      const was = previous.localList[slot]!;
      if (count[slot] === 0) gone.push(was);
      else if (!sameForms(previous, was.first, was.count, entry, first[slot]!, count[slot]!)) {
        gone.push(was);
        replaced.set(slot, this.newLocal(key, entry, first[slot]!, count[slot]!));
      }
    }
    for (let slot = oldLocals; slot < slots; slot++) replaced.set(slot, this.newLocal(key, entry, first[slot]!, count[slot]!));
    // in order (pushed: a list given its length first is a sparse one, slow to read); they join in that order too
    for (const slot of slotAt) {
      const now = replaced.get(slot);
      if (now) joining.push(now);
      localList.push(now ?? previous.localList[slot]!);
    }
    yield;
    // the change, at once: nothing else changed this article meanwhile (any other change of it finishes this one first)
    this.revisionValue++;
    const affected = new Set<string>();
    for (let at = 0; at < localList.length; at++) {
      const local = localList[at]!;
      if (local.entry !== previous) continue;
      // kept: it takes its new mentions (the new entry's links)
      local.entry = entry;
      local.first = first[slotAt[at]!]!;
    }
    for (const old of gone) this.unindexLocal(old, affected, true);
    this.articles.set(key, entry);
    for (const local of joining) {
      this.indexLocal(local, affected);
      // a full name added or gone changes whether the article's own bare names have evidence of their type (ownEvidence)
      if (local.fixedId !== undefined) for (const part of nameParts(local.canonical)) affected.add(part);
    }
    // every bare name of the article with an affected name is resolved again, as if it were new: its evidence may have
    // changed with the edit (found by name: the affected names are a few, the article's entities thousands)
    const fresh = new Map<string, LocalEntity[]>();
    for (const name of affected) {
      const bare = this.names.get(name)?.bare;
      if (bare === undefined) continue;
      const own = fewList(bare).filter((local) => local.entry === entry);
      // in the article's order, as its list has them
      if (own.length > 0) fresh.set(name, own.sort((a, b) => a.first - b.first));
    }
    this.resolve(affected, fresh);
  }

  /** The local entity of this name and type in an indexed article (the name's entities across the corpus are few). */
  private localIn(entry: ArticleEntry, canonical: string, type: EntityType): LocalEntity | undefined {
    const group = this.names.get(canonical);
    if (group === undefined) return undefined;
    if (!Array.isArray(group.locals)) return group.locals.entry === entry && group.locals.type === type ? group.locals : undefined;
    for (const local of group.locals) if (local.entry === entry && local.type === type) return local;
    return undefined;
  }

  /** A local entity of an article's entry: its first mention (its name and type) and how many it has, the others by the entry's links. */
  private newLocal(key: string, entry: ArticleEntry, first: number, count: number): LocalEntity {
    const canonical = mentionCanonical(entry.packed, first);
    const type = mentionType(entry.packed, first);
    // a name other articles have too (a story's names are in hundreds) takes its word count and full name's id from
    // theirs: splitting it into words and making its id again was most of what a new local entity allocated
    const known = this.names.get(canonical);
    const other = known === undefined ? undefined : Array.isArray(known.locals) ? known.locals[0] : known.locals;
    const words = other?.words ?? nameParts(canonical).length;
    const fixedId = words < 2 ? undefined : other?.type === type ? other.fixedId : this.strings.get(entityId(canonical, type));
    return { article: key, canonical, type, entry, first, count, fixedId, words, id: fixedId ?? this.strings.get(entityId(canonical, type)) };
  }

  removeArticle(key: string): boolean {
    this.finish(key);
    this.revisionValue++;
    const affected = new Set<string>();
    const removed = this.unindex(key, affected);
    this.resolve(affected, new Map());
    return removed;
  }

  has(key: string): boolean {
    return this.articles.has(key);
  }

  get articleKeys(): readonly string[] {
    return [...this.articles.keys()];
  }

  /** The article's reference date as its analysis gave it (null: none), or undefined when it is not indexed. */
  articleDate(key: string): string | null | undefined {
    return this.articles.get(key)?.date;
  }

  /** Every entity (of one type, if given), most mentioned first, then by name. */
  entities(type?: EntityType): CorpusEntity[] {
    const sorted = this.rank();
    return type === undefined ? [...sorted] : sorted.filter((e) => e.type === type);
  }

  /**
   * Brings the ranking of entities() up to date. A caller that adds many articles calls it now and then, so the cost
   * is paid a little at a time rather than all at once by the first view that lists the entities. Returns the ranking
   * (not a copy: do not change it).
   */
  rank(): readonly CorpusEntity[] {
    this.rankSome(() => false);
    return this.sorted!;
  }

  /**
   * Part of rank(), for a caller that must not hold its thread for long (the extension host): works out the summaries
   * of the entities that changed until `stop()` says so, and returns false if some are left (call again later, after
   * any other change); once every summary is known, puts them in order and returns true. The summaries are the cost
   * (an entity named in hundreds of articles is summed over all of them); the ordering is one pass over the list.
   */
  rankSome(stop: () => boolean): boolean {
    const all = this.sorted === undefined || this.stale.size > 64 + this.sorted.length / 2;
    const pending = all ? this.members.keys() : this.stale.values();
    for (const id of pending) {
      if (this.summaries.has(id) || !this.members.has(id)) continue;
      this.summary(id);
      if (stop()) return false;
    }
    if (all) {
      // most of the list changed: one sort
      const keyed = [...this.members.keys()].map((id) => {
        const entity = this.summary(id);
        return { entity, name: nameKey(entity) };
      });
      keyed.sort((a, b) => byMentions(a.entity, b.entity) || compare(a.name, b.name) || tieBreak(a.entity, b.entity));
      this.sorted = keyed.map((k) => k.entity);
      this.stale.clear();
    } else if (this.stale.size > 0) this.reorder(this.sorted!);
    return true;
  }

  /**
   * Finds an article's quotations and timeline sentences now rather than on the first quotations() or timeline() call,
   * so a caller can spread that work (a view's first redraw would otherwise find them for every article at once).
   */
  /**
   * Takes an article's quotations and sentences found elsewhere (prepareArticle, in the analysis worker) for this text
   * and analysis; false when the article is no longer indexed with them (it changed meanwhile) or they do not fit.
   */
  setPrepared(key: string, text: string, analysis: Pick<Analysis, 'entities' | 'dates'> | PackedAnalysis, prepared: PreparedArticle): boolean {
    const entry = this.articles.get(key);
    if (!entry || entry.text !== text) return false;
    const { packed } = entry;
    // the same analysis: the one the article was indexed with, or one with the same mentions and dates
    if (isPacked(analysis) ? !samePacked(packed, analysis) : !samePacked(packed, packAnalysis({ articleDate: packed.articleDate, articleDateSource: packed.articleDateSource, entities: analysis.entities, dates: analysis.dates }))) return false;
    if (entry.quotes && entry.sentences) return true;
    if (!fitsDates(prepared, packed)) return false;
    setSentences(entry, prepared.quotes, prepared.sentences);
    return true;
  }

  prepare(key: string): void {
    const entry = this.articles.get(key);
    if (!entry) return;
    entry.quotes ??= findQuotations(entry.text, unpackEntities(entry.packed));
    findSentences(entry);
  }

  /** The analysis an article is indexed with, packed (undefined: not indexed). */
  packedOf(key: string): PackedAnalysis | undefined {
    return this.articles.get(key)?.packed;
  }

  /** What prepare() found for an article, once both its quotations and its timeline sentences are found. */
  prepared(key: string): PreparedArticle | undefined {
    const entry = this.articles.get(key);
    if (!entry?.quotes || !entry.sentences) return undefined;
    return { quotes: entry.quotes, sentences: sentenceSpans(entry) };
  }

  /**
   * Takes the stale entities out of the ordered list and merges their new summaries (if they still exist) in: one pass
   * over the list, whatever the number of stale entities (removing and inserting them one by one moved the whole list
   * for each).
   */
  private reorder(sorted: CorpusEntity[]): void {
    const moved = [...this.stale]
      .filter((id) => this.members.has(id))
      .map((id) => this.summary(id))
      .sort(entityOrder);
    // made at its length (grown a push at a time, a list of thousands was copied several times at every batch)
    let kept = 0;
    for (const entity of sorted) if (!this.stale.has(entity.id)) kept++;
    const out = new Array<CorpusEntity>(kept + moved.length);
    let at = 0;
    let next = 0;
    for (const entity of sorted) {
      if (this.stale.has(entity.id)) continue;
      while (next < moved.length && entityOrder(moved[next]!, entity) < 0) out[at++] = moved[next++]!;
      out[at++] = entity;
    }
    while (next < moved.length) out[at++] = moved[next++]!;
    this.sorted = out;
    this.stale.clear();
  }

  /** The corpus entity with this id, with its mentions article by article. */
  entity(id: string): CorpusEntityDetails | undefined {
    const members = this.members.get(id);
    if (!members) return undefined;
    const perArticle = new Map<string, CorpusMention[]>();
    for (const local of fewList(members)) {
      let list = perArticle.get(local.article);
      if (!list) perArticle.set(local.article, (list = []));
      corpusMentionsOf(local, list);
    }
    const byArticle = [...perArticle.entries()]
      .sort((a, b) => compare(a[0], b[0]))
      .map(([article, mentions]) => ({ article, mentions: mentions.sort((a, b) => a.start - b.start) }));
    return { ...this.summary(id), byArticle };
  }

  /**
   * The corpus entity an article-level entity belongs to (`canonical` and `type` as the article's analysis gave them).
   * Without an article: the entity of that name and type wherever it occurs.
   */
  corpusEntityOf(article: string | undefined, mention: { readonly canonical: string; readonly type: EntityType }): CorpusEntityDetails | undefined {
    const id = this.idOf(article, mention.canonical, mention.type);
    return id === undefined ? undefined : this.entity(id);
  }

  /** The corpus entity of the mention at `offset` in an article (a mention's end counts, for a cursor just after it). */
  entityAt(article: string, offset: number): CorpusEntityDetails | undefined {
    const entry = this.articles.get(article);
    if (!entry) return undefined;
    const { packed, links, localList } = entry;
    const n = mentionCount(packed);
    let lo = 0;
    let hi = n - 1;
    let found: LocalEntity | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < mentionStart(packed, mid)) hi = mid - 1;
      else if (offset > mentionEnd(packed, mid)) lo = mid + 1;
      else {
        // a cursor between two adjacent mentions belongs to the one it is inside of
        const at = offset === mentionEnd(packed, mid) && mid + 1 < n && mentionStart(packed, mid + 1) === offset ? mid + 1 : mid;
        found = localList[links[at * 2]!];
        break;
      }
    }
    return found ? this.entity(found.id) : undefined;
  }

  /** The corpus entities an article mentions, in the order of their first mention there. */
  entitiesIn(article: string): CorpusEntity[] {
    const entry = this.articles.get(article);
    if (!entry) return [];
    const ids = new Set<string>();
    // the mentions' links only: the resolved dates' sentences follow them (see ArticleEntry.links)
    for (let i = 0, n = mentionCount(entry.packed); i < n; i++) ids.add(entry.localList[entry.links[i * 2]!]!.id);
    return [...ids].map((id) => this.summary(id));
  }

  /** Every mention of an entity across articles, by article key then position (the entity as corpusEntityOf finds it). */
  mentionsOf(canonical: string, type: EntityType): CorpusMention[] {
    return (this.corpusEntityOf(undefined, { canonical, type })?.byArticle ?? []).flatMap((a) => a.mentions);
  }

  aliasesOf(canonical: string, type: EntityType): readonly string[] {
    const id = this.idOf(undefined, canonical, type);
    return id === undefined ? [] : this.summary(id).aliases;
  }

  conflictsOf(canonical: string, type: EntityType): readonly TypeConflict[] {
    const id = this.idOf(undefined, canonical, type);
    return id === undefined ? [] : this.summary(id).conflicts;
  }

  /**
   * Entities whose canonical name or an alias matches `query` (case-insensitive; whole name, then its start, then a
   * word start, then anywhere, then the letters in order), best first; an empty query gives the most mentioned.
   */
  search(query: string, limit = 200): CorpusEntity[] {
    const q = query.trim().toLowerCase();
    const scored: { entity: CorpusEntity; score: number }[] = [];
    for (const entity of this.entities()) {
      let best = q === '' ? 1 : 0;
      for (const name of entity.aliases) {
        best = Math.max(best, matchScore(name.toLowerCase(), q));
        if (best === 5) break;
      }
      if (best > 0) scored.push({ entity, score: best });
    }
    // entities() is already most mentioned first, and the sort is stable
    scored.sort((a, b) => b.score - a.score);
    return scored.slice(0, limit).map((s) => s.entity);
  }

  /** Dates with a resolved value, in calendar order (a year before its months and days), then by article and position. */
  timeline(): TimelineEntry[] {
    const all = [...this.articles].flatMap(([key, a]) => {
      findSentences(a);
      return timelineOf(key, unpackDates(a.packed), a.text, sentenceSpans(a)).map((t): TimelineEntry => ({ ...t, entities: this.entitiesBetween(a, t.sentence.start, t.sentence.end) }));
    });
    return all.sort((a, b) => compare(a.sortKey, b.sortKey) || compare(a.article, b.article) || a.start - b.start);
  }

  /** Date mentions with no resolved value (relative dates in articles without a date), by article then position. */
  undatedDates(): CorpusMention[] {
    const keys = [...this.articles.keys()].sort(compare);
    return keys.flatMap((key) =>
      unpackDates(this.articles.get(key)!.packed)
        .filter((d) => d.value === null)
        .map((d): CorpusMention => ({ article: key, start: d.start, end: d.end, text: d.text })),
    );
  }

  /** Every quotation of the corpus, by article key then position, each speaker joined to its corpus entity. */
  quotations(article?: string): CorpusQuotation[] {
    const keys = article === undefined ? [...this.articles.keys()].sort(compare) : this.articles.has(article) ? [article] : [];
    return keys.flatMap((key) => {
      const entry = this.articles.get(key)!;
      entry.quotes ??= findQuotations(entry.text, unpackEntities(entry.packed));
      return entry.quotes.map((q): CorpusQuotation => ({ ...q, article: key, speakerEntity: this.speakerEntity(entry, q) }));
    });
  }

  /** The quotations whose speaker is this corpus entity, from every article. */
  quotationsOf(id: string): CorpusQuotation[] {
    return this.quotations().filter((q) => q.speakerEntity?.id === id);
  }

  private speakerEntity(entry: ArticleEntry, q: Quotation): EntityRef | null {
    if (q.speaker === null) return null;
    const types: EntityType[] = q.speakerType === 'person' ? ['person'] : ['organization', 'place'];
    for (const type of types) {
      const local = localOf(entry, q.speaker, type);
      if (local) return this.refOf(local.id);
    }
    return null;
  }

  private refOf(id: string): EntityRef {
    const summary = this.summary(id);
    return { id, canonical: summary.canonical, type: summary.type };
  }

  /** The corpus entities with a mention inside [start, end) of an article, in text order, each once. */
  private entitiesBetween(entry: ArticleEntry, start: number, end: number): EntityRef[] {
    const refs: EntityRef[] = [];
    const seen = new Set<string>();
    const { packed, links, localList } = entry;
    const n = mentionCount(packed);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentionStart(packed, mid) < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < n && mentionStart(packed, i) < end; i++) {
      const local = localList[links[i * 2]!]!;
      if (seen.has(local.id)) continue;
      seen.add(local.id);
      refs.push(this.refOf(local.id));
    }
    return refs;
  }

  private idOf(article: string | undefined, canonical: string, type: EntityType): string | undefined {
    if (article !== undefined) {
      const entry = this.articles.get(article);
      return entry && localOf(entry, canonical, type)?.id;
    }
    const own = entityId(canonical, type);
    if (this.members.has(own)) return own;
    const group = this.names.get(canonical);
    for (const local of group ? fewList(group.locals) : NO_MEMBERS) if (local.type === type) return local.id;
    return undefined;
  }

  private indexLocal(local: LocalEntity, affected: Set<string>): void {
    let group = this.names.get(local.canonical);
    if (!group) this.names.set(local.canonical, (group = { locals: local, ids: undefined, bare: undefined, bareTypes: undefined, outcome: undefined }));
    else group.locals = fewAdd(group.locals, local);
    if (local.fixedId === undefined) {
      group.bare = group.bare === undefined ? local : fewAdd(group.bare, local);
      count((group.bareTypes ??= new Map()), local.type, 1);
    }
    affected.add(local.canonical);
    if (local.fixedId !== undefined) {
      for (const short of shortNamesOf(local.canonical, local.type)) {
        this.shortNames.set(short, countId(this.shortNames.get(short), local.fixedId, 1)!);
        affected.add(short);
        affected.add(short.toUpperCase());
      }
    }
    this.join(local, local.id);
  }

  /** Takes an article's entities out of every map; the names they touched go into `affected`. */
  private unindex(key: string, affected: Set<string>): boolean {
    const entry = this.articles.get(key);
    if (!entry) return false;
    this.articles.delete(key);
    for (const local of entry.localList) this.unindexLocal(local, affected, false);
    return true;
  }

  /** Takes one local entity out of every map; with `parts`, each word of a full name counts as affected too (see setArticle). */
  private unindexLocal(local: LocalEntity, affected: Set<string>, parts: boolean): void {
    this.leave(local);
    const group = this.names.get(local.canonical)!;
    const locals = fewDelete(group.locals, local);
    if (group.bare !== undefined && fewHas(group.bare, local)) {
      group.bare = fewDelete(group.bare, local);
      if (group.bareTypes) count(group.bareTypes, local.type, -1);
    }
    if (group.bare === undefined) group.bareTypes = undefined;
    if (locals === undefined) this.names.delete(local.canonical);
    else group.locals = locals;
    affected.add(local.canonical);
    if (local.fixedId !== undefined) {
      for (const short of shortNamesOf(local.canonical, local.type)) {
        const ids = countId(this.shortNames.get(short), local.fixedId, -1);
        if (ids === undefined) this.shortNames.delete(short);
        else this.shortNames.set(short, ids);
        affected.add(short);
        affected.add(short.toUpperCase());
      }
      if (parts) for (const part of nameParts(local.canonical)) affected.add(part);
    }
  }

  /**
   * Resolves the bare entities with these names: all of a name's when what they resolve against changed (the full
   * names it can stand for, its majority type), else only the article's new ones (`fresh`), so a common name costs
   * nothing.
   */
  private resolve(affected: ReadonlySet<string>, fresh: ReadonlyMap<string, readonly LocalEntity[]>): void {
    for (const name of affected) {
      const group = this.names.get(name);
      if (group?.bare === undefined) continue;
      const outcome = this.outcomeFor(name, group);
      const same = outcome.key === group.outcome?.key;
      group.outcome = outcome;
      for (const local of same ? (fresh.get(name) ?? []) : fewList(group.bare)) {
        const id = this.bareId(local, outcome);
        if (id !== local.id) {
          this.leave(local);
          this.join(local, id);
        }
      }
    }
  }

  private outcomeFor(word: string, group: NameGroup): Outcome {
    if (!this.shortNames.has(word) && !ALL_CAPS.test(word)) {
      // the common case: a bare name that stands for no full name
      const majority = group.bareTypes && majorityType(group.bareTypes);
      return (majority && MAJORITY_OUTCOMES.get(majority)) ?? NO_OUTCOME;
    }
    const byType = new Map<EntityType, string | null>();
    let only: string | undefined;
    let n = 0;
    const lookups = ALL_CAPS.test(word) ? 2 : 1;
    for (let l = 0; l < lookups; l++) {
      for (const id of idsOf(this.shortNames.get(l === 0 ? word : titleCase(word)))) {
        const type = typeOfId(id);
        const known = byType.get(type);
        if (known === id) continue;
        byType.set(type, known === undefined ? id : null);
        n++;
        only = id;
      }
    }
    if (n !== 1) only = undefined;
    const majority = n === 0 && group.bareTypes ? majorityType(group.bareTypes) : undefined;
    // a bare organization joins its full name only if some article names that with its legal form (see bareId): whether
    // one does is part of the outcome, or an article adding "Halvard Foods Inc." would leave the others' "Halvard" apart
    const organization = byType.get('organization');
    const legal = typeof organization === 'string' && this.namedWithLegalForm(organization);
    // the types in name order, as a sort of the entries gave them (its arrays and their strings were most of this)
    let types = '';
    for (const type of TYPES_BY_NAME) {
      const id = byType.get(type);
      if (id !== undefined) types += `${types === '' ? '' : '|'}${type},${id ?? ''}`;
    }
    return { byType, only, majority, key: `${types}\u0001${only}\u0001${majority}${legal ? '\u0001legal form' : ''}` };
  }

  private bareId(local: LocalEntity, outcome: Outcome): string {
    const retypable = local.type !== 'place';
    const sameType = outcome.byType.get(local.type);
    // an organization named by one word is a name of its own ("Quillon" is not "Quillon Music"), unless an acronym or
    // the short name of a company the collection names with its legal form ("Halvard" of "Halvard Foods Inc.")
    if (typeof sameType === 'string' && (local.type !== 'organization' || ACRONYM.test(local.canonical) || this.namedWithLegalForm(sameType))) return sameType;
    if (sameType === undefined && outcome.only !== undefined && retypable && typeOfId(outcome.only) !== 'place' && !this.ownEvidence(local)) return outcome.only;
    const majority = outcome.majority;
    if (majority !== undefined && majority !== local.type && retypable && majority !== 'place' && !this.ownEvidence(local)) return entityId(local.canonical, majority);
    return entityId(local.canonical, local.type);
  }

  /** Whether some article names this organization with its legal form ("… Inc.", "… Ltd"). */
  private namedWithLegalForm(id: string): boolean {
    const members = this.members.get(id);
    for (const member of members ? fewList(members) : NO_MEMBERS) if (LEGAL_SUFFIX.test(member.canonical)) return true;
    return false;
  }

  /** Whether the bare entity's own article has a full name of the same type with that word in it ("Halvard Lake"). */
  private ownEvidence(local: LocalEntity): boolean {
    const entry = local.entry;
    const word = ALL_CAPS.test(local.canonical) ? titleCase(local.canonical) : local.canonical;
    for (const other of entry.localList) if (other.fixedId !== undefined && other.type === local.type && nameParts(other.canonical).includes(word)) return true;
    return false;
  }

  private join(local: LocalEntity, joined: string): void {
    // one copy of each id, however many articles' names and resolutions made it
    const id = this.strings.get(joined);
    local.id = id;
    const members = this.members.get(id);
    this.members.set(id, members === undefined ? local : fewAdd(members, local));
    const group = this.names.get(local.canonical);
    if (group) group.ids = countId(group.ids, id, 1);
    this.changed(local);
  }

  private leave(local: LocalEntity): void {
    const members = this.members.get(local.id);
    if (members !== undefined) {
      const left = fewDelete(members, local);
      if (left === undefined) this.members.delete(local.id);
      else this.members.set(local.id, left);
    }
    const group = this.names.get(local.canonical);
    if (group) group.ids = countId(group.ids, local.id, -1);
    this.changed(local);
  }

  /** Forgets what was computed about the entity and about every entity that shares the local's name (their conflicts). */
  private changed(local: LocalEntity): void {
    this.summaries.delete(local.id);
    this.conflictsRead.delete(local.id);
    this.stale.add(local.id);
    for (const id of idsOf(this.names.get(local.canonical)?.ids)) {
      this.summaries.delete(id);
      this.conflictsRead.delete(id);
      this.stale.add(id);
    }
  }

  private summary(id: string): CorpusEntity {
    const cached = this.summaries.get(id);
    if (cached) return cached;
    // summed again whenever one of its articles changes (a thousand articles joining in batches sum a story's names tens
    // of times): nothing is copied or allocated here that the summary does not keep
    const few = this.members.get(id);
    const members = few === undefined ? NO_MEMBERS : fewList(few);
    const type = typeOfId(id);
    // its articles counted by marking each once (a Set of a story's hundreds of articles, made again at every batch,
    // was most of what ranking allocated); its forms in a table only once it has two
    const stamp = ++this.summaryStamp;
    let articles = 0;
    let firstForm: string | undefined;
    let firstCount = 0;
    let forms: Map<string, number> | undefined;
    let mentions = 0;
    let firstDate: string | null = null;
    for (const local of members) {
      mentions += local.count;
      const entry = local.entry;
      if (entry.counted !== stamp) {
        entry.counted = stamp;
        articles++;
        const date = entry.date;
        if (date !== null && (firstDate === null || date < firstDate)) firstDate = date;
      }
      const { packed } = entry;
      for (let i = local.first; i >= 0; i = next(local, i)) {
        const form = mentionText(packed, i);
        if (forms !== undefined) forms.set(form, (forms.get(form) ?? 0) + 1);
        else if (firstForm === undefined || form === firstForm) {
          firstForm = form;
          firstCount++;
        } else forms = new Map([[firstForm, firstCount], [form, 1]]);
      }
    }
    const canonical = canonicalOf(members, firstForm);
    const others = forms === undefined ? (firstForm === undefined || firstForm === canonical ? [] : [firstForm]) : [...forms.keys()].filter((f) => f !== canonical).sort((a, b) => forms.get(b)! - forms.get(a)! || compare(a, b));
    const aliases = others.length === 0 ? [canonical] : [canonical, ...others];
    // its conflicts worked out when first read (a view's tooltip, a hover, the summary file), not at every batch: an
    // entity named in a story's hundreds of articles listed them all again each time (15 KB per article indexed)
    // (an accessor of its own, enumerable, in its place: JSON, a spread and a deep comparison see the field as before)
    const made: Omit<CorpusEntity, 'conflicts' | 'firstDate'> & { firstDate?: string | null } = { id, canonical, type, mentions, articles, aliases };
    Object.defineProperty(made, 'conflicts', this.conflictsProperty);
    made.firstDate = firstDate;
    const summary = made as CorpusEntity;
    this.summaries.set(id, summary);
    return summary;
  }

  /** The entity's conflicts as the corpus is now (a summary's `conflicts`), worked out once until it changes. */
  private conflictsNow(id: string, type: EntityType): readonly TypeConflict[] {
    let known = this.conflictsRead.get(id);
    if (known === undefined) {
      const few = this.members.get(id);
      // an entity gone since its summary was made: no names left to conflict
      if (few === undefined) return NO_CONFLICTS;
      known = this.conflicts(id, type, fewList(few));
      this.conflictsRead.set(id, known);
    }
    return known;
  }

  /** Articles that type one of the entity's names otherwise: its own mentions it retyped, and those that went to an entity of another type. */
  private conflicts(id: string, type: EntityType, members: readonly LocalEntity[]): readonly TypeConflict[] {
    let byType: Map<EntityType, Set<string>> | undefined;
    const note = (article: string, other: EntityType): void => {
      if (other !== type) setOf((byType ??= new Map()), other).add(article);
    };
    let names: string | Set<string> | undefined;
    for (const local of members) {
      note(local.article, local.type);
      // its names (most entities have one)
      if (names === undefined) names = local.canonical;
      else if (typeof names === 'string') {
        if (names !== local.canonical) names = new Set([names, local.canonical]);
      } else names.add(local.canonical);
    }
    const others = (name: string): void => {
      const group = this.names.get(name);
      if (group && Array.isArray(group.locals)) for (const local of group.locals) if (local.id !== id) note(local.article, typeOfId(local.id));
    };
    if (typeof names === 'string') others(names);
    else if (names) for (const name of names) others(name);
    if (!byType) return NO_CONFLICTS;
    return [...(byType as Map<EntityType, Set<string>>).entries()]
      .map(([t, articles]) => ({ type: t, articles: [...articles].sort(compare) }))
      .sort((a, b) => b.articles.length - a.articles.length || compare(a.type, b.type));
  }
}

/**
 * Whether two chains of mentions (a first mention and the entry's links from it; `count` each) read the same words in
 * the same order, wherever they are.
 */
function sameForms(a: ArticleEntry, aFirst: number, aCount: number, b: ArticleEntry, bFirst: number, bCount: number): boolean {
  if (aCount !== bCount) return false;
  for (let i = aFirst, j = bFirst; i >= 0 && j >= 0; i = a.links[i * 2 + 1]!, j = b.links[j * 2 + 1]!) if (mentionText(a.packed, i) !== mentionText(b.packed, j)) return false;
  return true;
}

/** Whether two mentions, of two versions of an article, are of the same name and type, in the same words (wherever they are). */
function sameMention(a: PackedAnalysis, i: number, b: PackedAnalysis, j: number): boolean {
  return mentionType(a, i) === mentionType(b, j) && mentionCanonical(a, i) === mentionCanonical(b, j) && mentionText(a, i) === mentionText(b, j);
}

/** The bare local entities of a list by name, in the list's order. */
function bareByName(list: readonly LocalEntity[]): Map<string, LocalEntity[]> {
  const byName = new Map<string, LocalEntity[]>();
  for (const local of list) {
    if (local.fixedId !== undefined) continue;
    const same = byName.get(local.canonical);
    if (same) same.push(local);
    else byName.set(local.canonical, [local]);
  }
  return byName;
}

/** The mention of the same local entity after mention `i` (-1: none). */
function next(local: LocalEntity, i: number): number {
  return local.entry.links[i * 2 + 1]!;
}

/** A local entity's mentions as CorpusMentions (new objects), in text order. */
function corpusMentionsOf(local: LocalEntity, out: CorpusMention[]): void {
  const { packed } = local.entry;
  for (let i = local.first; i >= 0; i = next(local, i)) out.push({ article: local.article, start: mentionStart(packed, i), end: mentionEnd(packed, i), text: mentionText(packed, i) });
}

/** Corpus id of a name with a type: organizations compare without case, a leading "The" and a legal suffix. */
function entityId(canonical: string, type: EntityType): string {
  return `${type}\u0000${type === 'organization' ? organizationKey(canonical) : canonical}`;
}

function organizationKey(name: string): string {
  const stripped = name.replace(/^the\s+/iu, '').replace(LEGAL_SUFFIX, '');
  return (stripped.length > 0 ? stripped : name).toLowerCase();
}

/** The type an id starts with: the constant itself, not a slice of the id (a summary keeps it: a copy each). */
function typeOfId(id: string): EntityType {
  // compared in place: a slice of the id per call was most of what a summary's conflicts allocated (every article's
  // entity of the name is asked, at every batch)
  for (const type of ENTITY_TYPES) if (id.charCodeAt(type.length) === 0 && id.startsWith(type)) return type;
  return id.slice(0, id.indexOf('\u0000')) as EntityType;
}

/** The bare words a full name can be mentioned by in another article: a person's surname, an organization's first word and initials. */
function shortNamesOf(canonical: string, type: EntityType): readonly string[] {
  // a place has none: its name is not taken apart (a full name of every article is asked)
  if (type === 'place') return NO_NAMES;
  const parts = nameParts(canonical.replace(/^the\s+/iu, '').replace(LEGAL_SUFFIX, ''));
  if (parts.length < 2) return NO_NAMES;
  if (type === 'person') return [parts[parts.length - 1]!];
  const acronym = initials(parts.join(' '));
  return acronym.length >= 2 && acronym !== parts[0] ? [parts[0]!, acronym] : [parts[0]!];
}

/** The type at least two articles give a bare name, at least twice as many as any other type. */
function majorityType(articles: ReadonlyMap<EntityType, number>): EntityType | undefined {
  if (articles.size < 2) return undefined;
  // the two largest counts (the first of equal ones first), without a list: resolving a name asks at every article
  let first: EntityType | undefined;
  let firstCount = 0;
  let secondCount = 0;
  articles.forEach((n, type) => {
    if (n > firstCount) {
      secondCount = firstCount;
      firstCount = n;
      first = type;
    } else if (n > secondCount) secondCount = n;
  });
  return first !== undefined && firstCount >= 2 && firstCount >= 2 * secondCount ? first : undefined;
}

/** The fullest name among its members (most words, then most mentioned), else its most frequent form. */
function canonicalOf(members: readonly LocalEntity[], firstForm: string | undefined): string {
  // most entities have one name: no counting then
  let only: LocalEntity | undefined;
  let several = false;
  for (const local of members) {
    if (only === undefined) only = local;
    else if (local.canonical !== only.canonical) {
      several = true;
      break;
    }
  }
  if (only !== undefined && !several) return only.canonical;
  let best: { name: string; words: number; count: number } | undefined;
  const counts = new Map<string, { count: number; words: number }>();
  for (const local of members) {
    const known = counts.get(local.canonical);
    if (known) known.count += local.count;
    else counts.set(local.canonical, { count: local.count, words: local.words });
  }
  for (const [name, { count, words }] of counts) {
    if (!best || words > best.words || (words === best.words && (count > best.count || (count === best.count && compare(name, best.name) < 0)))) best = { name, words, count };
  }
  return best?.name ?? firstForm ?? '';
}

function matchScore(name: string, q: string): number {
  if (name === q) return 5;
  if (name.startsWith(q)) return 4;
  const at = name.indexOf(q);
  if (at > 0 && /[\s\-.'’]/u.test(name[at - 1]!)) return 3;
  if (at > 0) return 2;
  let i = 0;
  for (const ch of name) if (ch === q[i]) i++;
  return i === q.length ? 1 : 0;
}

function byMentions(a: CorpusEntity, b: CorpusEntity): number {
  return b.mentions - a.mentions || b.articles - a.articles;
}

/** Ties of mentions, articles and name: any fixed order, so the list has one order (binary searches rely on it). */
function tieBreak(a: CorpusEntity, b: CorpusEntity): number {
  return compare(a.canonical, b.canonical) || compare(a.type, b.type) || compare(a.id, b.id);
}

/** The entities() order. */
function entityOrder(a: CorpusEntity, b: CorpusEntity): number {
  return byMentions(a, b) || compare(nameKey(a), nameKey(b)) || tieBreak(a, b);
}

/** Lower-cased names, once per summary: merging a batch's changed entities into the list compares thousands. */
const nameKeys = new WeakMap<CorpusEntity, string>();

function nameKey(entity: CorpusEntity): string {
  let key = nameKeys.get(entity);
  if (key === undefined) nameKeys.set(entity, (key = entity.canonical.toLowerCase()));
  return key;
}


function localKeyOf(canonical: string, type: EntityType): string {
  return `${type}\u0000${canonical}`;
}

/**
 * One value held as itself, several in a list (in the order they came): what a Set was for the corpus's tables per name
 * and per entity, without a table of its own for the common single value. The values are objects, never lists.
 */
type Few<T extends object> = T | T[];

function fewAdd<T extends object>(few: Few<T>, value: T): Few<T> {
  if (!Array.isArray(few)) return few === value ? few : [few, value];
  if (!few.includes(value)) few.push(value);
  return few;
}

/** The values without `value`; undefined when none is left. */
function fewDelete<T extends object>(few: Few<T>, value: T): Few<T> | undefined {
  if (!Array.isArray(few)) return few === value ? undefined : few;
  const at = few.indexOf(value);
  if (at >= 0) few.splice(at, 1);
  return few.length > 1 ? few : few[0];
}

function fewHas<T extends object>(few: Few<T>, value: T): boolean {
  return Array.isArray(few) ? few.includes(value) : few === value;
}

/** The values as a list (the list itself, or a new one of the single value: do not change it). */
function fewList<T extends object>(few: Few<T>): readonly T[] {
  return Array.isArray(few) ? few : [few];
}

/** Ids with counts; a single id (the common case) without a table. */
type IdCounts = { readonly id: string; n: number } | Map<string, number>;

/** The counts with `delta` added to the id's, an id dropped at zero; undefined when none is left. */
function countId(counts: IdCounts | undefined, id: string, delta: number): IdCounts | undefined {
  if (counts === undefined) return delta > 0 ? { id, n: delta } : undefined;
  if (!(counts instanceof Map)) {
    if (counts.id === id) {
      counts.n += delta;
      return counts.n > 0 ? counts : undefined;
    }
    if (delta <= 0) return counts;
    return new Map([
      [counts.id, counts.n],
      [id, delta],
    ]);
  }
  count(counts, id, delta);
  if (counts.size > 1) return counts;
  for (const [only, n] of counts) return { id: only, n };
  return undefined;
}

function idsOf(counts: IdCounts | undefined): readonly string[] {
  return counts === undefined ? NO_IDS : counts instanceof Map ? [...counts.keys()] : [counts.id];
}

const NO_IDS: readonly string[] = Object.freeze([]);

/** Adds `delta` to a count, dropping the key at zero. */
function count<K>(map: Map<K, number>, key: K, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * An article's quotations and the sentence of each of its resolved dates: what its corpus entry's Quotations and
 * Timeline need (see CorpusIndex.prepare), found apart from the index (the analysis worker runs it).
 */
export function prepareArticle(text: string, analysis: Pick<Analysis, 'entities' | 'dates'>): PreparedArticle {
  return { quotes: findQuotations(text, analysis.entities), sentences: timelineOf('', analysis.dates, text).map((t) => ({ start: t.sentence.start, end: t.sentence.end })) };
}

/** Whether prepared sentences fit an analysis: one for each resolved date. */
function fitsDates(prepared: PreparedArticle, packed: PackedAnalysis): boolean {
  return prepared.sentences.length === resolvedDates(packed);
}

/** How many of the article's dates have a value (each has a sentence in the timeline). */
function resolvedDates(packed: PackedAnalysis): number {
  let resolved = 0;
  for (let i = 0; i < dateCount(packed); i++) if (dateResolved(packed, i)) resolved++;
  return resolved;
}

/** An article's local entity of this name and type (a scan: an article has a few dozen). */
function localOf(entry: ArticleEntry, canonical: string, type: EntityType): LocalEntity | undefined {
  for (const local of entry.localList) if (local.canonical === canonical && local.type === type) return local;
  return undefined;
}

/** Keeps an article's quotations and its resolved dates' sentences (one each: see fitsDates) in its entry. */
function setSentences(entry: ArticleEntry, quotes: readonly Quotation[], sentences: readonly TextSpan[]): void {
  entry.quotes = quotes;
  writeSentences(entry, sentences);
}

function writeSentences(entry: ArticleEntry, sentences: readonly TextSpan[]): void {
  const at = mentionCount(entry.packed) * 2;
  for (let i = 0; i < sentences.length; i++) {
    entry.links[at + i * 2] = sentences[i]!.start;
    entry.links[at + i * 2 + 1] = sentences[i]!.end;
  }
  entry.sentences = true;
}

/** Finds the sentence of each resolved date of an article in its text, unless found. */
function findSentences(entry: ArticleEntry): void {
  if (!entry.sentences) writeSentences(entry, timelineOf('', unpackDates(entry.packed), entry.text).map((t) => t.sentence));
}

/** The sentences of an article's resolved dates, as found (see findSentences). */
function sentenceSpans(entry: ArticleEntry): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let i = mentionCount(entry.packed) * 2; i < entry.links.length; i += 2) spans.push({ start: entry.links[i]!, end: entry.links[i + 1]! });
  return spans;
}


/** The timeline entries of an article's dates; `found`, when given, is the sentence of each resolved one (see PreparedArticle). */
function timelineOf(key: string, dates: readonly DateMention[], text: string, found?: readonly TextSpan[]): Omit<TimelineEntry, 'entities'>[] {
  const dated = dates.filter((d): d is typeof d & { value: Exclude<DateValue, null> } => d.value !== null);
  const sentences = dated.length > 0 && !found ? sentencesOf(text) : [];
  return dated.map((d, i): Omit<TimelineEntry, 'entities'> => {
    const sentence = found?.[i] ?? sentenceAround(sentences, d) ?? { start: d.start, end: d.end };
    return {
      article: key,
      start: d.start,
      end: d.end,
      text: d.text,
      value: d.value,
      sortKey: dateValueStart(d.value),
      sentence: { ...sentence, text: text.slice(sentence.start, sentence.end) },
    };
  });
}

/** Sentences line by line, so a heading line is not glued to the sentence after it. */
function sentencesOf(text: string): TextSpan[] {
  const sentences: TextSpan[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    for (const sentence of splitSentences(text, lineStart, lineEnd)) sentences.push(sentence);
    lineStart = lineEnd + 1;
  }
  return sentences;
}

function sentenceAround(sentences: readonly TextSpan[], span: TextSpan): TextSpan | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (span.start < s.start) hi = mid - 1;
    else if (span.start >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
