// An article's analysis as the workspace index keeps it for every article, open or not: its entity mentions' offsets
// and types in one Int32Array, their names and surface forms in one table of strings, each once. An Analysis holds an
// object per mention (and its aliases, derived from them); a thousand articles' tens of thousands of small objects were
// what each of the extension host's young-generation collections copied while the index filled (a collector's pause
// grows with the live objects it copies; a typed array's contents are one block, off the collected heap). An Analysis
// is made again from it only when one is asked for (unpackAnalysis).
import { aliasTable } from '../nlp/names';
import { ENTITY_TYPES, type Analysis, type DateMention, type DateValue, type EntityMention, type EntityType } from '../nlp/analysisModel';

/** Int32 fields of one entity mention in PackedAnalysis.ints: start, end, name, form, type. */
export const MENTION_FIELDS = 5;
const START = 0;
const END = 1;
const NAME = 2;
const FORM = 3;
const TYPE = 4;

export interface PackedAnalysis {
  readonly articleDate: string | null;
  readonly articleDateSource?: Analysis['articleDateSource'];
  /**
   * One block of ints (one typed array: two objects for the collector, whatever the article's size): first the entity
   * mentions in text order (the analysis' own order, which is text order; sorted by start if not), MENTION_FIELDS ints
   * each: start, end (UTF-16 offsets, end exclusive), its canonical name and its surface form (indexes into `names`), its
   * type (index into ENTITY_TYPES); then the date mentions in the analysis' order, DATE_FIELDS ints each: start, end,
   * text (index into `names`), the kind of value (null, a string, a range, a lower or an upper bound) and its one or two
   * strings (indexes into `names`, -1 when none), what it was resolved against (index into RESOLUTIONS) and the
   * reference date (index into `names`, -1 for none).
   */
  readonly ints: Int32Array;
  /** How many entity mentions `ints` starts with. */
  readonly mentions: number;
  /** The names and surface forms of the mentions, the dates' texts, values and references, each once. */
  readonly names: readonly string[];
}

/** Int32 fields of one date mention in PackedAnalysis.ints, after the entity mentions. */
export const DATE_FIELDS = 8;
/** Where a date mention's kind of value stands among its DATE_FIELDS. */
const DATE_KIND = 3;
/** The kinds of date value, as PackedAnalysis.ints gives them. */
const ValueKind = { None: 0, Text: 1, Range: 2, NotBefore: 3, NotAfter: 4 } as const;
const RESOLUTIONS: readonly DateMention['resolvedAgainst'][] = ['article-date', 'self', 'none'];

const TYPE_CODES: ReadonlyMap<EntityType, number> = new Map(ENTITY_TYPES.map((type, i) => [type, i]));

/** The packed form of an analysis; its strings are the analysis' own (pooled ones stay pooled). */
export function packAnalysis(analysis: Pick<Analysis, 'articleDate' | 'articleDateSource' | 'entities' | 'dates'>): PackedAnalysis {
  let entities = analysis.entities;
  for (let i = 1; i < entities.length; i++) {
    if (entities[i]!.start < entities[i - 1]!.start) {
      entities = [...entities].sort((a, b) => a.start - b.start);
      break;
    }
  }
  const ints = new Int32Array(entities.length * MENTION_FIELDS + analysis.dates.length * DATE_FIELDS);
  const datesAt = entities.length * MENTION_FIELDS;
  const names: string[] = [];
  const indexOf = new Map<string, number>();
  const nameIndex = (name: string): number => {
    let at = indexOf.get(name);
    if (at === undefined) {
      at = names.length;
      names.push(name);
      indexOf.set(name, at);
    }
    return at;
  };
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    const type = TYPE_CODES.get(e.type);
    if (type === undefined) throw new Error(`unknown entity type: ${String(e.type)}`);
    const at = i * MENTION_FIELDS;
    ints[at + START] = e.start;
    ints[at + END] = e.end;
    ints[at + NAME] = nameIndex(e.canonical);
    ints[at + FORM] = e.text === e.canonical ? ints[at + NAME]! : nameIndex(e.text);
    ints[at + TYPE] = type;
  }
  for (let i = 0; i < analysis.dates.length; i++) {
    const d = analysis.dates[i]!;
    const at = datesAt + i * DATE_FIELDS;
    const resolution = RESOLUTIONS.indexOf(d.resolvedAgainst);
    if (resolution < 0) throw new Error(`unknown date resolution: ${String(d.resolvedAgainst)}`);
    const value = d.value;
    const [kind, first, second] =
      value === null
        ? [ValueKind.None, -1, -1]
        : typeof value === 'string'
          ? [ValueKind.Text, nameIndex(value), -1]
          : 'from' in value
            ? [ValueKind.Range, nameIndex(value.from), nameIndex(value.to)]
            : value.notBefore !== undefined
              ? [ValueKind.NotBefore, nameIndex(value.notBefore), -1]
              : [ValueKind.NotAfter, nameIndex(value.notAfter), -1];
    ints.set([d.start, d.end, nameIndex(d.text), kind, first, second, resolution, d.reference === null ? -1 : nameIndex(d.reference)], at);
  }
  return {
    articleDate: analysis.articleDate,
    ...(analysis.articleDateSource === undefined ? {} : { articleDateSource: analysis.articleDateSource }),
    ints,
    mentions: entities.length,
    // a list made at its final length holds no spare room
    names: names.slice(),
  };
}

/** Whether a value is a PackedAnalysis rather than an Analysis. */
export function isPacked<A extends object>(analysis: A | PackedAnalysis): analysis is PackedAnalysis {
  return (analysis as PackedAnalysis).ints instanceof Int32Array;
}

export function mentionCount(packed: PackedAnalysis): number {
  return packed.mentions;
}

export function mentionStart(packed: PackedAnalysis, i: number): number {
  return packed.ints[i * MENTION_FIELDS + START]!;
}

export function mentionEnd(packed: PackedAnalysis, i: number): number {
  return packed.ints[i * MENTION_FIELDS + END]!;
}

/** The mention's surface form (the text at its offsets). */
export function mentionText(packed: PackedAnalysis, i: number): string {
  return packed.names[packed.ints[i * MENTION_FIELDS + FORM]!]!;
}

/** The fullest name the mention refers to in its article. */
export function mentionCanonical(packed: PackedAnalysis, i: number): string {
  return packed.names[packed.ints[i * MENTION_FIELDS + NAME]!]!;
}

/** The mention's canonical name and type as one number, the same for every mention of that name and type in the article. */
export function mentionNameKey(packed: PackedAnalysis, i: number): number {
  return packed.ints[i * MENTION_FIELDS + NAME]! * ENTITY_TYPES.length + packed.ints[i * MENTION_FIELDS + TYPE]!;
}

export function mentionType(packed: PackedAnalysis, i: number): EntityType {
  return ENTITY_TYPES[packed.ints[i * MENTION_FIELDS + TYPE]!]!;
}

/** The mention as the analysis gave it (a new object). */
export function mentionAt(packed: PackedAnalysis, i: number): EntityMention {
  return { start: mentionStart(packed, i), end: mentionEnd(packed, i), text: mentionText(packed, i), type: mentionType(packed, i), canonical: mentionCanonical(packed, i) };
}

/** Every entity mention, as new objects. */
export function unpackEntities(packed: PackedAnalysis): EntityMention[] {
  const n = mentionCount(packed);
  const entities = new Array<EntityMention>(n);
  for (let i = 0; i < n; i++) entities[i] = mentionAt(packed, i);
  return entities;
}

export function dateCount(packed: PackedAnalysis): number {
  return (packed.ints.length - packed.mentions * MENTION_FIELDS) / DATE_FIELDS;
}

/** Whether the date mention has a value (it was resolved). */
export function dateResolved(packed: PackedAnalysis, i: number): boolean {
  return packed.ints[packed.mentions * MENTION_FIELDS + i * DATE_FIELDS + DATE_KIND] !== ValueKind.None;
}

/** Where the date mention starts. */
export function dateStartOf(packed: PackedAnalysis, i: number): number {
  return packed.ints[packed.mentions * MENTION_FIELDS + i * DATE_FIELDS]!;
}

/** The date mention as the analysis gave it (a new object). */
export function dateAt(packed: PackedAnalysis, i: number): DateMention {
  const at = packed.mentions * MENTION_FIELDS + i * DATE_FIELDS;
  const d = packed.ints.subarray(at, at + DATE_FIELDS);
  const name = (at: number): string => packed.names[at]!;
  const kind = d[DATE_KIND];
  const value: DateValue =
    kind === ValueKind.None ? null : kind === ValueKind.Text ? name(d[4]!) : kind === ValueKind.Range ? { from: name(d[4]!), to: name(d[5]!) } : kind === ValueKind.NotBefore ? { notBefore: name(d[4]!) } : { notAfter: name(d[4]!) };
  return { start: d[0]!, end: d[1]!, text: name(d[2]!), value, resolvedAgainst: RESOLUTIONS[d[6]!]!, reference: d[7]! < 0 ? null : name(d[7]!) };
}

/** Every date mention, as new objects. */
export function unpackDates(packed: PackedAnalysis): DateMention[] {
  const n = dateCount(packed);
  const dates = new Array<DateMention>(n);
  for (let i = 0; i < n; i++) dates[i] = dateAt(packed, i);
  return dates;
}

/** The analysis again (new objects; its aliases made from its mentions, as the pipeline makes them). */
export function unpackAnalysis(packed: PackedAnalysis): Analysis {
  const entities = unpackEntities(packed);
  return {
    articleDate: packed.articleDate,
    ...(packed.articleDateSource === undefined ? {} : { articleDateSource: packed.articleDateSource }),
    entities,
    dates: unpackDates(packed),
    aliases: aliasTable(entities),
  };
}

/** Whether two packed analyses hold the same mentions, dates and article date. */
export function samePacked(a: PackedAnalysis, b: PackedAnalysis): boolean {
  if (a === b) return true;
  if (a.articleDate !== b.articleDate || a.articleDateSource !== b.articleDateSource || a.mentions !== b.mentions || a.ints.length !== b.ints.length) return false;
  for (let i = 0; i < dateCount(a); i++) if (JSON.stringify(dateAt(a, i)) !== JSON.stringify(dateAt(b, i))) return false;
  const n = mentionCount(a);
  for (let i = 0; i < n; i++) {
    const at = i * MENTION_FIELDS;
    if (a.ints[at + START] !== b.ints[at + START] || a.ints[at + END] !== b.ints[at + END] || a.ints[at + TYPE] !== b.ints[at + TYPE]) return false;
    if (mentionText(a, i) !== mentionText(b, i) || mentionCanonical(a, i) !== mentionCanonical(b, i)) return false;
  }
  return true;
}

/** A date value's form in an analysis (a year, a month or a day), the one check of the index's storage. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value);
}

/**
 * What is wrong with a packed analysis read from untrusted storage (the index's pack), or undefined: its layout, every
 * index into `names`, every mention and date span within `text` and quoting it (as the checks of an Analysis do), the
 * entity mentions in text order, the dates' values ISO dates. No string is made: a reopen checks a thousand articles.
 */
export function packedProblem(packed: PackedAnalysis, text: string): string | undefined {
  const { ints, mentions, names } = packed;
  if (packed.articleDate !== null && !isIsoDate(packed.articleDate)) return 'bad article date';
  if (!Number.isInteger(mentions) || mentions < 0 || mentions * MENTION_FIELDS > ints.length || (ints.length - mentions * MENTION_FIELDS) % DATE_FIELDS !== 0) return 'a bad count of mentions';
  const quotes = (start: number, end: number, form: number): boolean =>
    start >= 0 && start < end && end <= text.length && form >= 0 && form < names.length && names[form]!.length === end - start && text.startsWith(names[form]!, start);
  let last = 0;
  for (let i = 0; i < mentions; i++) {
    const at = i * MENTION_FIELDS;
    const start = ints[at + START]!;
    if (!quotes(start, ints[at + END]!, ints[at + FORM]!)) return 'an entity span does not quote the text';
    const name = ints[at + NAME]!;
    if (name < 0 || name >= names.length || names[name] === '' || ints[at + TYPE]! < 0 || ints[at + TYPE]! >= ENTITY_TYPES.length) return 'an entity has no canonical name or a bad type';
    if (start < last) return 'entity mentions out of text order';
    last = start;
  }
  const isDate = (at: number): boolean => at >= 0 && at < names.length && isIsoDate(names[at]);
  for (let at = mentions * MENTION_FIELDS; at < ints.length; at += DATE_FIELDS) {
    if (!quotes(ints[at]!, ints[at + 1]!, ints[at + 2]!)) return 'a date span does not quote the text';
    const kind = ints[at + DATE_KIND]!;
    const first = ints[at + 4]!;
    const second = ints[at + 5]!;
    const value = kind === ValueKind.None ? first === -1 && second === -1 : kind === ValueKind.Range ? isDate(first) && isDate(second) : kind >= ValueKind.Text && kind <= ValueKind.NotAfter && isDate(first) && second === -1;
    if (!value) return 'a date has a bad value';
    const resolution = ints[at + 6]!;
    if (resolution < 0 || resolution >= RESOLUTIONS.length) return 'a date has a bad resolution';
    if (ints[at + 7] !== -1 && !isDate(ints[at + 7]!)) return 'a date has a bad reference';
  }
  return undefined;
}
