// `article-annotator export`: converts a W3C JSON-LD collection (as the extension exports it) to another format.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Annotation, ArticleInfo } from '../core/annotations/annotationModel';
import { annotationFromImport, withoutBom } from '../core/formats/formatModel';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportAs, exportFormat, quotationsCsvPath, type ExportFormatId } from '../core/formats/formatRegistry';
import type { ArticleQuotations } from '../core/formats/quotationsExport';
import { importW3CValue, w3cSources } from '../core/formats/w3c';
import { analyzeArticle } from '../core/nlp/pipeline';
import { findQuotations } from '../core/quotes/quotations';
import { parseArgs, UsageError } from './args';
import type { CliCommand, CommandOutput } from './runCommand';
import { articleFileReader, articleKeyOfSource, articleUriOf, existingRealPath, readAnnotationFile, sourceFilePath, writeOutputFile, writeProblem } from './articleFiles';

interface ExportFlags {
  readonly annotations: string;
  readonly format: ExportFormatId;
  readonly root: string | undefined;
  readonly out: string | undefined;
  readonly comments: boolean;
  readonly quotes: boolean;
  readonly force: boolean;
}

/** Formats that can carry the articles' quotations (--quotes). */
const QUOTE_FORMATS: readonly string[] = EXPORT_FORMATS.filter((f) => f.carriesQuotations).map((f) => f.id);

function parseFlags(args: readonly string[]): ExportFlags {
  const parsed = parseArgs(args, { annotations: 'value', format: 'value', root: 'value', out: 'value', 'no-comments': 'switch', quotes: 'switch', force: 'switch' });
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument '${parsed.positionals[0]}'`);
  const annotations = parsed.value('annotations');
  if (annotations === undefined) throw new UsageError('--annotations FILE is required');
  const format = parsed.value('format');
  if (format === undefined) throw new UsageError(`--format is required (${EXPORT_FORMAT_IDS.join(', ')})`);
  if (exportFormat(format) === undefined) throw new UsageError(`unknown format '${format}' (expected ${EXPORT_FORMAT_IDS.join(', ')})`);
  const quotes = parsed.has('quotes');
  if (quotes && !QUOTE_FORMATS.includes(format)) throw new UsageError(`--quotes works with ${QUOTE_FORMATS.join(', ')}, not '${format}'`);
  if (quotes && format === 'csv' && parsed.value('out') === undefined) throw new UsageError('--quotes with csv writes the who-said-what table as a second file beside --out FILE: give it with --out');
  return { annotations, format: format as ExportFormatId, root: parsed.value('root'), out: parsed.value('out'), comments: !parsed.has('no-comments'), quotes, force: parsed.has('force') };
}

export const EXPORT_COMMAND: CliCommand = {
  name: 'export',
  usage: `export --annotations FILE --format ${EXPORT_FORMAT_IDS.join('|')} [--root DIR] [--out PATH] [--force] [--no-comments] [--quotes]`,
  summary:
    'Convert a W3C JSON-LD annotation collection to another format. Article texts are read from DIR (default the current folder) for brat, conll, spacy and doccano; brat writes .txt/.ann pairs into the folder PATH, the others write PATH or standard output; an existing file is replaced only with --force, and an article or the input is never written over. CoNLL carries each article\'s file and date in # lines after -DOCSTART-; --no-comments leaves them out for strict CoNLL-2003 readers. --quotes adds who said what, found in the articles\' texts: W3C items describing each quotation by its speaker, a who-said-what table at the end of the Markdown report, or a second CSV FILE.quotes.csv beside --out.',
  run(args, output) {
    const flags = parseFlags(args);
    if (flags.format === 'brat' && flags.out === undefined) throw new UsageError('brat writes a folder of .txt/.ann pairs: give it with --out DIR');
    try {
      return runExport(flags, output);
    } catch (error) {
      // A file that breaks a converter gets one line naming it, not a bare stack-overflow message.
      output.stderr(`article-annotator export: ${flags.annotations}: cannot be exported (${error instanceof Error ? error.message : String(error)})\n`);
      return 1;
    }
  },
};

function runExport(flags: ExportFlags, output: CommandOutput): number {
  const fail = (message: string, code = 1): number => {
    output.stderr(`article-annotator export: ${message}\n`);
    return code;
  };
  const warn = (message: string) => output.stderr(`article-annotator export: warning: ${message}\n`);

  const read = readAnnotationFile(flags.annotations);
  if ('problem' in read) return fail(read.problem);
  let input: unknown;
  try {
    input = JSON.parse(withoutBom(read.content));
  } catch (error) {
    return fail(`${flags.annotations} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }

  // The articles' texts (when the format needs them, or --root is given) check every position and place quote-only
  // items; the Markdown report reads them too when it can, for the sentence around each annotation. A source is named
  // by its article key (a file: URI under root is its path relative to root) and goes out as its full URI.
  const root = path.resolve(flags.root ?? '.');
  const sources = w3cSources(input);
  const keyOf = (source: string): string => articleKeyOfSource(source, root);
  const keys = [...new Set(sources.map(keyOf))];
  const needsText = exportFormat(flags.format)?.needsText === true || flags.quotes;
  const texts = new Map<string, string>();
  // An article that cannot be read costs only its own annotations (for a format that needs the text), never the others'.
  const unreadable = new Set<string>();
  if (needsText || flags.root !== undefined || flags.format === 'md') {
    const read = articleFileReader(root);
    for (const source of sources) {
      const key = keyOf(source);
      if (texts.has(key) || unreadable.has(key)) continue;
      const found = read(source);
      if ('text' in found) texts.set(key, found.text);
      else if (needsText) {
        unreadable.add(key);
        fail(`${source}: ${found.problem}; ${flags.quotes ? '--quotes' : flags.format} needs its text, so its annotations are left out (articles are read from ${root}; set it with --root)`);
      } else if (flags.root !== undefined) warn(`${source}: ${found.problem}; its positions are not checked`);
      else warn(`${source}: ${found.problem}; the report shows the quote's stored context instead of its sentence`);
    }
  }
  const result = importW3CValue(
    input,
    keys.filter((k) => texts.has(k)).map((article) => ({ article, date: null, text: texts.get(article), uri: articleUriOf(article, root) })),
    { articleKeyOf: keyOf },
  );
  for (const problem of result.problems) warn(`${flags.annotations}: ${problem}`);
  if (result.annotations.length === 0 && result.problems.length > 0) return fail(`${flags.annotations}: no annotation could be read`);

  const now = new Date().toISOString();
  const annotations: Annotation[] = result.annotations.filter((a) => !unreadable.has(a.article)).map((imported) => annotationFromImport(imported, randomUUID(), now));
  const dates = new Map(result.articles.map((a) => [a.article, a.date]));
  const articles: ArticleInfo[] = keys
    .filter((s) => !unreadable.has(s))
    .map((article) => ({ article, date: dates.get(article) ?? null, uri: articleUriOf(article, root), ...(texts.has(article) ? { text: texts.get(article) } : {}) }));

  const quotations: ArticleQuotations[] = flags.quotes
    ? articles.flatMap((a) => {
        if (a.text === undefined) return [];
        const analysis = analyzeArticle(a.text, a.date === null ? {} : { articleDate: a.date });
        return [{ article: a.article, date: a.date ?? analysis.articleDate, text: a.text, quotations: findQuotations(a.text, analysis.entities), ...(a.uri !== undefined ? { uri: a.uri } : {}) }];
      })
    : [];
  // Orphans, stale spans and what the format itself drops or changes (white-space-only spans in CoNLL, line breaks in
  // brat, half characters, overlaps in CoNLL): each named.
  const exported = exportAs(flags.format, { annotations, articles, conllComments: flags.comments, ...(flags.quotes ? { quotations } : {}) });
  for (const problem of exported.problems) warn(problem);

  // Never written over, even with --force: the articles (every source, read or not) and the annotation file itself.
  // Sources not found under root: a target whose path ends with one of their names is taken for that article.
  const protectedFiles = new Set<string>();
  const unfound: string[] = [];
  for (const key of keys) {
    const file = sourceFilePath(root, key);
    const real = typeof file === 'string' ? existingRealPath(file) : undefined;
    if (real !== undefined) protectedFiles.add(real);
    else unfound.push(key);
  }
  const inputFile = existingRealPath(flags.annotations);
  if (inputFile !== undefined) protectedFiles.add(inputFile);

  if (flags.format === 'brat') {
    const out = path.resolve(flags.out as string);
    const files = exported.files;
    // Check every target before writing any, so a refused export leaves the folder as it was.
    const refused: string[] = [];
    const kept: { target: string; text: string }[] = [];
    const writes: { target: string; content: string }[] = [];
    for (const file of files) {
      const target = path.resolve(out, ...file.path.split('/'));
      if (path.relative(out, target).startsWith('..')) return fail(`refusing to write ${target} outside ${out}`);
      const real = existingRealPath(target);
      // The article itself (an export into the article folder): left byte for byte as it is, never re-encoded.
      if (real !== undefined && protectedFiles.has(real) && file.path.endsWith('.txt')) kept.push({ target, text: file.content });
      else {
        const problem = writeProblem(target, protectedFiles, flags.force, unfound);
        if (problem) refused.push(problem);
        else writes.push({ target, content: file.content });
      }
    }
    if (refused.length > 0) {
      for (const problem of refused) fail(problem);
      return fail(`nothing written under ${out}`);
    }
    for (const { target, content } of writes) {
      try {
        writeOutputFile(target, content, flags.force);
      } catch (error) {
        return fail(`cannot write ${target} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
    }
    for (const { target, text } of kept) {
      output.stderr(`article-annotator export: ${target} is the article itself; left as it is (not re-encoded)\n`);
      // brat reads the .txt as UTF-8: say so when the article's bytes are not the UTF-8 of the text the .ann counts in.
      if (!readFileSync(target).equals(Buffer.from(text, 'utf8'))) warn(`${target} is not UTF-8 text; brat will not show it as the .ann counts it (export into another folder for a UTF-8 copy)`);
    }
    const pairs = files.filter((f) => f.path.endsWith('.ann')).length;
    output.stderr(`article-annotator export: wrote ${pairs} .txt/.ann pair${pairs === 1 ? '' : 's'} and brat's annotation.conf and visual.conf under ${out}\n`);
    return unreadable.size > 0 ? 1 : 0;
  }

  const written = (file: string, data: string): string | undefined => {
    const problem = writeProblem(file, protectedFiles, flags.force, unfound);
    if (problem) return problem;
    try {
      writeOutputFile(file, data, flags.force);
      return undefined;
    } catch (error) {
      return `cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
  };
  // The main output is checked before anything (a --quotes CSV beside it) is written.
  const outProblem = flags.out === undefined ? undefined : writeProblem(path.resolve(flags.out), protectedFiles, flags.force, unfound);
  if (outProblem) return fail(outProblem);

  const content = exported.content;
  if (exported.quotationsCsv !== undefined) {
    const quotesFile = quotationsCsvPath(path.resolve(flags.out as string));
    const problem = written(quotesFile, exported.quotationsCsv);
    if (problem) return fail(problem);
    output.stderr(`article-annotator export: wrote the who-said-what table to ${quotesFile}\n`);
  }
  if (flags.out === undefined) {
    output.stdout(content);
  } else {
    const problem = written(path.resolve(flags.out), content);
    if (problem) return fail(problem);
  }
  return unreadable.size > 0 ? 1 : 0;
}
