// `article-annotator import`: reads W3C, brat or JSONL (spaCy/doccano) annotation files and prints W3C JSON-LD.
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ArticleInfo } from '../core/annotations/annotationModel';
import { annotationFromImport, withoutBom, type ImportResult } from '../core/formats/formatModel';
import { importAs, importFormat, IMPORT_FORMAT_IDS, type ImportFormatId } from '../core/formats/formatRegistry';
import { withoutRepeats } from '../core/formats/importRepeats';
import { exportW3C, w3cSources } from '../core/formats/w3c';
import { parseArgs, UsageError } from './args';
import type { CliCommand } from './runCommand';
import { articleFileReader, articleKeyOfFile, articleKeyOfSource, articleUriOf, existingRealPath, readAnnotationFile, readArticleBytes, sourceFilePath, writeOutputFile, writeProblem } from './articleFiles';

/** Files under --root that may be articles, when JSONL lines are matched by their text. */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);
const MAX_SCANNED_FILES = 20_000;

interface ImportFlags {
  readonly format: ImportFormatId;
  readonly files: readonly string[];
  readonly root: string | undefined;
  readonly article: string | undefined;
  readonly out: string | undefined;
  readonly force: boolean;
}

function parseFlags(args: readonly string[]): ImportFlags {
  const parsed = parseArgs(args, { format: 'value', root: 'value', article: 'value', out: 'value', force: 'switch' });
  const format = parsed.value('format');
  if (format === undefined) throw new UsageError(`--format is required (${IMPORT_FORMAT_IDS.join(', ')})`);
  if (importFormat(format) === undefined) throw new UsageError(`unknown format '${format}' (expected ${IMPORT_FORMAT_IDS.join(', ')})`);
  if (parsed.positionals.length === 0) throw new UsageError('give at least one FILE to import');
  return { format: format as ImportFormatId, files: parsed.positionals, root: parsed.value('root'), article: parsed.value('article'), out: parsed.value('out'), force: parsed.has('force') };
}

export const IMPORT_COMMAND: CliCommand = {
  name: 'import',
  usage: `import --format ${IMPORT_FORMAT_IDS.join('|')} FILE... [--root DIR] [--article NAME] [--out PATH] [--force]`,
  summary:
    'Read annotation files and print them as one W3C JSON-LD collection (or write it to PATH). brat: FILE is the .ann, its .txt beside it; the article is NAME, else the file under DIR (default the current folder) with the same text, else that .txt. JSONL: each line goes to the article under DIR with the identical text, else to its meta.file, else to NAME. Problems are reported per item on standard error.',
  async run(args, output) {
    const fail = (message: string, code = 1): number => {
      output.stderr(`article-annotator import: ${message}\n`);
      return code;
    };
    const flags = parseFlags(args);
    const root = path.resolve(flags.root ?? '.');
    const warn = (message: string) => output.stderr(`article-annotator import: warning: ${message}\n`);
    // Real paths of every file this command reads: never written over by --out.
    const inputs = new Set<string>();
    const { results, failed, scanned, w3cTexts, bratTexts } = readAnnotationFiles(flags.format, flags.files, { root, article: flags.article, inputs, warn, fail });

    const now = new Date().toISOString();
    // an annotation written twice in the files (same article, span, quote, label and note) comes out once
    const { kept: annotations, repeated } = withoutRepeats(results.flatMap((r) => r.annotations).map((imported) => annotationFromImport(imported, randomUUID(), now)));
    const dates = new Map<string, string | null>();
    for (const info of results.flatMap((r) => r.articles)) if (!dates.get(info.article)) dates.set(info.article, info.date);
    if (failed && annotations.length === 0) return 1;
    // Targets name each article by its full URI (under root) and count positions in code points, which needs its text.
    const texts = new Map<string, string>();
    for (const article of [...(scanned ?? []), ...w3cTexts]) if (article.text !== undefined && !texts.has(article.article)) texts.set(article.article, article.text);
    for (const [key, text] of bratTexts) if (!texts.has(key)) texts.set(key, text);
    const collection = exportW3C(
      annotations,
      [...dates].map(([article, date]) => ({ article, date, uri: articleUriOf(article, root), ...(texts.has(article) ? { text: texts.get(article) } : {}) })),
      { label: 'Imported annotations' },
    );
    if (flags.out === undefined) output.stdout(collection);
    else {
      const out = path.resolve(flags.out);
      // Never over an input or an article read, even with --force; over another existing file only with it.
      const unfound: string[] = [];
      for (const key of [...dates.keys(), ...(scanned ?? []).map((a) => a.article)]) {
        const file = sourceFilePath(root, key);
        const real = typeof file === 'string' ? existingRealPath(file) : undefined;
        if (real !== undefined) inputs.add(real);
        else unfound.push(key);
      }
      const problem = writeProblem(out, inputs, flags.force, unfound);
      if (problem) return fail(problem);
      try {
        writeOutputFile(out, collection, flags.force);
      } catch (error) {
        return fail(`cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
    }
    const repeats = repeated > 0 ? `, ${repeated} repeated in the files left out` : '';
    output.stderr(`article-annotator import: ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} imported${repeats}\n`);
    return failed ? 1 : 0;
  },
};

export interface ReadFilesOptions {
  readonly root: string;
  readonly article: string | undefined;
  /** Collects the real paths of the files read (to protect them from --out). */
  readonly inputs: Set<string>;
  readonly warn: (message: string) => void;
  readonly fail: (message: string) => unknown;
}

export interface ReadFilesResult {
  readonly results: ImportResult[];
  readonly failed: boolean;
  /** The articles found under root, when a format needed them (brat, JSONL). */
  readonly scanned: ArticleInfo[] | undefined;
  /** The texts of the articles W3C files name, read under root. */
  readonly w3cTexts: ArticleInfo[];
  /** The text of each brat file's article (its .txt), by article key. */
  readonly bratTexts: Map<string, string>;
}

/**
 * Reads annotation files of one import format (W3C, brat's .ann with its .txt, JSONL) into import results; one file
 * that breaks its importer costs only its own annotations. The one reader of `import` and `agree`.
 */
export function readAnnotationFiles(format: ImportFormatId, files: readonly string[], options: ReadFilesOptions): ReadFilesResult {
  const { root, inputs, warn, fail } = options;
  const results: ImportResult[] = [];
  let failed = false;
  let scanned: ArticleInfo[] | undefined;
  const w3cTexts: ArticleInfo[] = [];
  const bratTexts = new Map<string, string>();
  for (const file of files) {
    const real = existingRealPath(file);
    if (real !== undefined) inputs.add(real);
    // One file that breaks its importer costs only its own annotations, never the other files'.
    try {
      if (format === 'brat' && !/\.ann$/i.test(file)) {
        failed = true;
        fail(`${file}: brat import takes the .ann file (its .txt beside it)`);
        continue;
      }
      const read = readAnnotationFile(file);
      if ('problem' in read) {
        failed = true;
        fail(read.problem);
        continue;
      }
      const content = read.content;
      let result: ImportResult;
      if (format === 'w3c') {
        const sources = readW3CSources(content, root, inputs);
        for (const article of sources) w3cTexts.push(article);
        result = importAs('w3c', content, { articles: sources, articleKeyOf: (source) => articleKeyOfSource(source, root) });
      } else if (format === 'brat') {
        const txt = file.replace(/\.ann$/i, '') + '.txt';
        // Type and size checked before reading: the .txt beside it may be anything (a FIFO, a link to /dev/zero).
        const decoded = readArticleBytes(txt);
        const txtReal = existingRealPath(txt);
        if (txtReal !== undefined) inputs.add(txtReal);
        if ('problem' in decoded) {
          failed = true;
          fail(`${txt}: ${decoded.problem}`);
          continue;
        }
        // The article is the one named, else the file under root with the same text (not this .txt, an exported copy), else this .txt.
        const own = articleKeyOfFile(txt, root);
        scanned ??= scanArticles(root, warn);
        const key = options.article ?? scanned.find((a) => a.text === decoded.text && a.article !== own)?.article ?? own;
        bratTexts.set(key, decoded.text);
        result = importAs('brat', content, { articles: [], text: decoded.text, article: key });
      } else {
        scanned ??= scanArticles(root, warn);
        result = importAs(format, content, { articles: scanned, ...(options.article === undefined ? {} : { article: options.article }) });
      }
      for (const problem of result.problems) warn(`${file}: ${problem}`);
      if (result.annotations.length === 0 && result.problems.length > 0) {
        failed = true;
        fail(`${file}: no annotation could be imported`);
      }
      results.push(result);
    } catch (error) {
      failed = true;
      fail(`${file}: cannot be imported (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { results, failed, scanned, w3cTexts, bratTexts };
}

/** The texts of the articles a W3C file names, when readable under root (to check positions and place quotes). */
function readW3CSources(content: string, root: string, inputs: Set<string>): ArticleInfo[] {
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(content));
  } catch {
    return [];
  }
  const read = articleFileReader(root, inputs);
  const articles: ArticleInfo[] = [];
  for (const source of w3cSources(value)) {
    const found = read(source);
    const key = articleKeyOfSource(source, root);
    if ('text' in found) articles.push({ article: key, date: null, text: found.text, uri: articleUriOf(key, root) });
  }
  return articles;
}

/** Every .txt/.md file under root (skipping dot folders and node_modules), read as article text. */
function scanArticles(root: string, warn: (message: string) => void): ArticleInfo[] {
  const articles: ArticleInfo[] = [];
  const pending = [root];
  let count = 0;
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? 1 : -1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(full);
        continue;
      }
      if (!entry.isFile() || !ARTICLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) continue;
      if (++count > MAX_SCANNED_FILES) {
        warn(`more than ${MAX_SCANNED_FILES} files under ${root}; the rest are not matched against JSONL lines`);
        return articles;
      }
      // Unreadable, too large or not text: not a candidate.
      const decoded = readArticleBytes(full);
      if ('text' in decoded) articles.push({ article: articleKeyOfFile(full, root), date: null, text: decoded.text, uri: articleUriOf(articleKeyOfFile(full, root), root) });
    }
  }
  return articles;
}
