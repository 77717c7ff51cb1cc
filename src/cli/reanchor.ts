// `article-annotator reanchor`: finds the annotations of a W3C collection again in the current article files.
import path from 'node:path';
import { reanchor, SearchBudget, type ReanchorOutcome } from '../core/annotations/anchoring';
import type { Annotation } from '../core/annotations/annotationModel';
import { annotationFromImport, shorten, withoutBom } from '../core/formats/formatModel';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../core/formats/jsonDepth';
import { codePointOffsets, type CodePointOffsets } from '../core/formats/codePointOffsets';
import { importW3CValue, positionInText } from '../core/formats/w3c';
import { parseArgs, UsageError } from './args';
import { articleFileReader, readAnnotationFile, type ArticleTextReader } from './articleFiles';
import type { CliCommand } from './runCommand';

export interface ReanchorCounts {
  anchored: number;
  moved: number;
  orphaned: number;
}

export interface ReanchoredCollection {
  /** The input document with each item's TextPositionSelector and TextQuoteSelector updated and a `status` added. */
  readonly value: unknown;
  readonly counts: ReanchorCounts;
  /** One line per item that could not be read or placed, or per unreadable article. */
  readonly problems: readonly string[];
}


type Json = Record<string, unknown>;

/**
 * Re-anchors every item of a W3C Web Annotation document (a collection with inline pages, a page, an array, `@graph`
 * or one annotation) against the current texts, leaving everything else in the document as it was. Items are parsed
 * by the W3C format module; nothing is dropped: an item that cannot be placed gets status "orphaned".
 */
export function reanchorW3CDocument(document: unknown, readText: ArticleTextReader): ReanchoredCollection {
  // Copying and printing the document recurse: refuse one too deep for that with a message, not a stack overflow.
  if (nestedDeeperThan(document)) throw new Error(`nested more than ${MAX_JSON_DEPTH} levels deep; not re-anchored`);
  const value = structuredClone(document);
  const counts: ReanchorCounts = { anchored: 0, moved: 0, orphaned: 0 };
  const problems: string[] = [];
  const texts = new Map<string, ReturnType<ArticleTextReader>>();
  // one search budget per article: however many of its quotes are gone, they cost a few passes over its text
  const budgets = new Map<string, SearchBudget>();
  const textOf = (source: string): ReturnType<ArticleTextReader> => {
    let found = texts.get(source);
    if (!found) {
      found = readText(source);
      texts.set(source, found);
      if (!('problem' in found)) budgets.set(source, new SearchBudget(found.text.length));
      if ('problem' in found) problems.push(`${source}: ${found.problem}; its annotations are orphaned`);
    }
    return found;
  };
  const items = itemsOf(value);
  if (items === undefined) throw new Error('no annotations found: expected an AnnotationCollection, an AnnotationPage, an array of Annotations or an Annotation');
  items.forEach((item, index) => {
    const outcome = reanchorItem(item, index, textOf, (source) => budgets.get(source), problems);
    counts[outcome] += 1;
  });
  return { value, counts, problems };
}

function reanchorItem(
  item: unknown,
  index: number,
  textOf: (source: string) => ReturnType<ArticleTextReader>,
  budgetOf: (source: string) => SearchBudget | undefined,
  problems: string[],
): ReanchorOutcome {
  const name = `item ${index + 1}${isObject(item) && typeof item.id === 'string' ? ` (${item.id})` : ''}`;
  if (!isObject(item)) {
    problems.push(`${name}: not a JSON object; left as it is`);
    return 'orphaned';
  }
  const orphan = (why: string): ReanchorOutcome => {
    problems.push(`${name}: ${why}; orphaned`);
    item.status = 'orphaned';
    return 'orphaned';
  };
  // Parse with the stored selectors as they are, so the old position is the hint; with the text only when they do not suffice.
  let parsed = importW3CValue(item, []);
  let positionUsable = true;
  if (parsed.annotations.length === 0) {
    const source = targetSource(item);
    if (source === undefined) return orphan(parsed.problems[0] ?? 'no target source');
    const text = textOf(source);
    if ('problem' in text) return orphan(`cannot read ${source}`);
    parsed = importW3CValue(item, [{ article: source, date: null, text: text.text }]);
    positionUsable = false;
    if (parsed.annotations.length === 0) return orphan(parsed.problems[0] ?? 'no usable selector');
  }
  const imported = parsed.annotations[0];
  const text = textOf(imported.article);
  if ('problem' in text) return orphan(`cannot read ${imported.article}`);
  // A stored position counts code points (W3C 4.2.5) or, in older files, UTF-16 code units: the one selecting the quote.
  const offsets = codePointOffsets(text.text);
  const span = positionUsable ? positionInText({ start: imported.start, end: imported.end }, imported.exact, text.text, offsets) : undefined;
  const annotation = annotationFromImport(span ? { ...imported, ...span } : imported, `item-${index + 1}`, new Date(0).toISOString());
  const result = reanchor(annotation, text.text, budgetOf(imported.article));
  const outcome: ReanchorOutcome = result.outcome === 'anchored' && !positionUsable ? 'moved' : result.outcome;
  if (outcome === 'orphaned') {
    const where = result.searchedNearOnly ? ' near its old place (the search budget for that article was spent on quotes that are gone)' : '';
    return orphan(`"${shorten(annotation.quote.exact)}" is not found${where} in ${imported.article}`);
  }
  writeSelectors(item, result.annotation, offsets);
  item.status = outcome;
  return outcome;
}

/** The arrays that hold the document's annotations (mutable, inside `value`); undefined when there are none. */
function itemsOf(value: unknown): Json[] | undefined {
  if (Array.isArray(value)) return value as Json[];
  if (!isObject(value)) return undefined;
  if (Array.isArray(value['@graph'])) return value['@graph'] as Json[];
  const pages: Json[] = [];
  let page: unknown = Array.isArray(value.items) ? value : value.first;
  while (isObject(page) && Array.isArray(page.items) && !pages.includes(page)) {
    pages.push(page);
    page = page.next;
  }
  if (pages.length > 0) return pages.flatMap((p) => p.items as Json[]);
  if ('target' in value) return [value];
  return undefined;
}

function targetSource(item: Json): string | undefined {
  const targets = Array.isArray(item.target) ? item.target : [item.target];
  for (const target of targets) {
    if (isObject(target) && typeof target.source === 'string') return target.source;
  }
  return undefined;
}

/** Updates (or adds) the TextPositionSelector (in code points) and TextQuoteSelector of the item's first target with a selector. */
function writeSelectors(item: Json, annotation: Annotation, offsets: CodePointOffsets): void {
  const targets = (Array.isArray(item.target) ? item.target : [item.target]).filter(isObject);
  const target = targets.find((t) => t.selector !== undefined) ?? targets[0];
  if (!target) return;
  const selectors: unknown[] = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector];
  const position = { start: offsets.toCodePoint(annotation.position.start), end: offsets.toCodePoint(annotation.position.end) };
  const quote = { ...annotation.quote };
  let hasPosition = false;
  let hasQuote = false;
  for (const selector of selectors) {
    if (!isObject(selector)) continue;
    if (selectorType(selector) === 'TextPositionSelector' && !hasPosition) {
      Object.assign(selector, position);
      hasPosition = true;
    } else if (selectorType(selector) === 'TextQuoteSelector' && !hasQuote) {
      Object.assign(selector, quote);
      hasQuote = true;
    }
  }
  if (!hasPosition) selectors.unshift({ type: 'TextPositionSelector', ...position });
  if (!hasQuote) selectors.push({ type: 'TextQuoteSelector', ...quote });
  target.selector = selectors.length === 1 ? selectors[0] : selectors;
}

function selectorType(selector: Json): string | undefined {
  const type = selector.type ?? selector['@type'];
  return typeof type === 'string' ? type.replace(/^(oa:|http:\/\/www\.w3\.org\/ns\/oa#)/, '') : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface ReanchorFlags {
  readonly annotations: string;
  readonly root: string;
}

function parseFlags(args: readonly string[]): ReanchorFlags {
  const parsed = parseArgs(args, { annotations: 'value', root: 'value' });
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument '${parsed.positionals[0]}'`);
  const annotations = parsed.value('annotations');
  if (annotations === undefined) throw new UsageError('--annotations FILE is required');
  return { annotations, root: parsed.value('root') ?? process.cwd() };
}

export const REANCHOR_COMMAND: CliCommand = {
  name: 'reanchor',
  usage: 'reanchor --annotations FILE [--root DIR]',
  summary: 'Find the annotations of a W3C JSON-LD collection again in the current article files (sources resolved against DIR, default the current folder); print the collection with updated selectors and a status (anchored, moved, orphaned) on every item.',
  async run(args, output) {
    const flags = parseFlags(args);
    const read = readAnnotationFile(flags.annotations);
    if ('problem' in read) {
      output.stderr(`article-annotator reanchor: ${read.problem}\n`);
      return 1;
    }
    const input = read.content;
    let document: unknown;
    try {
      document = JSON.parse(withoutBom(input));
    } catch (error) {
      output.stderr(`article-annotator reanchor: ${flags.annotations} is not valid JSON (${error instanceof Error ? error.message : String(error)})\n`);
      return 1;
    }
    let result: ReanchoredCollection;
    try {
      result = reanchorW3CDocument(document, articleFileReader(path.resolve(flags.root)));
    } catch (error) {
      output.stderr(`article-annotator reanchor: ${flags.annotations}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    output.stdout(`${JSON.stringify(result.value, null, 2)}\n`);
    for (const problem of result.problems) output.stderr(`article-annotator reanchor: ${problem}\n`);
    const { anchored, moved, orphaned } = result.counts;
    output.stderr(`article-annotator reanchor: ${anchored} anchored, ${moved} moved, ${orphaned} orphaned\n`);
    return 0;
  },
};
