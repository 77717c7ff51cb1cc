// `article-annotator corpus [--jobs N] [--date YYYY-MM-DD | --date-from-files] DIR|FILE...`: the collection as one JSON
// object, its entities resolved across articles by the same CorpusIndex the extension uses.
//
// Output (stdout): {"articles": [{"file", "date", "dateSource"}], "entities": [{"canonical", "type", "mentions",
// "articles": [{"file", "mentions": [{"start", "end", "text"}]}], "aliases", "conflicts": [{"type", "articles"}],
// "firstDate"}], "quotes": [{"file", "start", "end", "text", "speaker", "speakerType", "cue"}], "timeline": [{"file",
// "start", "end", "text", "value", "sentence": {"start", "end", "text"}, "entities": [{"canonical", "type"}]}]}; README.md
// describes every field. Directories are walked for .txt and .md files (hidden folders and
// node_modules left out); files named on the command line are read whatever their extension. Offsets are as `analyze`
// gives them. A file that cannot be read gets one line on stderr, the rest is printed, and the exit code is 1.
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isCalendarDate } from '../core/article/articleDate';
import { CorpusIndex } from '../core/corpus/corpusIndex';
import { shareAnalysisStrings } from '../core/nlp/shareAnalysisStrings';
import { StringPool } from '../core/text/stringPool';
import { UsageError, parseArgs } from './args';
import { inferredYearSource, type InferredYearSource } from './analyze';
import { existingRealPath, isInsideFolder } from './articleFiles';
import { analyzeCorpusFile, type CorpusFileJob, type CorpusFileResult, type DateSource } from './corpusFile';
import type { CliCommand, CommandOutput } from './runCommand';

const USAGE = 'corpus [--jobs N] [--date YYYY-MM-DD | --date-from-files] DIR|FILE...';
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

export const CORPUS_COMMAND: CliCommand = {
  name: 'corpus',
  usage: USAGE,
  summary:
    'Print the articles of folders and files and their entities across articles as one JSON object: one entity per real-world name ("Ghani" in one article joins "Ashraf Ghani" of another), with every mention in every file; who said what (quotes with their file and speaker) and a timeline of every resolved date with its sentence and entities, sorted by date. --jobs sets the worker threads (default: the number of cores); --date-from-files dates an article without a dateline by its file\'s modification day.',
  run: (args, output) => runCorpus(args, output),
};

/** An analysed article as the output sections see it. */
export interface CorpusArticle {
  readonly file: string;
  readonly date: string | null;
  readonly dateSource: DateSource;
  /** As in `analyze`: where a wire dateline's unwritten year came from. */
  readonly yearSource?: InferredYearSource;
}

/** What every section of the output is built from. */
export interface CorpusContext {
  /** In the order of the command line (a directory's files sorted by path). */
  readonly articles: readonly CorpusArticle[];
  /** Keyed by file, as the articles list them. */
  readonly index: CorpusIndex;
}

/** The output object's fields, in order; a new field is one more entry. */
const SECTIONS: readonly { readonly name: string; build(context: CorpusContext): unknown }[] = [
  { name: 'articles', build: ({ articles }) => articles.map((a) => ({ file: a.file, date: a.date, dateSource: a.dateSource, ...(a.yearSource ? { yearSource: a.yearSource } : {}) })) },
  {
    name: 'entities',
    build: ({ index }) =>
      index.entities().map((entity) => {
        const details = index.entity(entity.id)!;
        return {
          canonical: entity.canonical,
          type: entity.type,
          mentions: entity.mentions,
          articles: details.byArticle.map((a) => ({ file: a.article, mentions: a.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })) })),
          aliases: entity.aliases,
          conflicts: entity.conflicts,
          firstDate: entity.firstDate,
        };
      }),
  },
  {
    name: 'quotes',
    build: ({ index }) =>
      index.quotations().map((q) => ({
        file: q.article,
        start: q.start,
        end: q.end,
        text: q.text,
        // the corpus entity's name, so one person's quotes read the same in every file
        speaker: q.speakerEntity?.canonical ?? q.speaker,
        speakerType: q.speakerType,
        cue: q.cue,
      })),
  },
  {
    name: 'timeline',
    build: ({ index }) =>
      index.timeline().map((t) => ({
        file: t.article,
        start: t.start,
        end: t.end,
        text: t.text,
        value: t.value,
        sentence: { start: t.sentence.start, end: t.sentence.end, text: t.sentence.text },
        entities: t.entities.map((e) => ({ canonical: e.canonical, type: e.type })),
      })),
  },
];

export async function runCorpus(args: readonly string[], output: CommandOutput): Promise<number> {
  const parsed = parseArgs(args, { jobs: 'value', date: 'value', 'date-from-files': 'switch' });
  const jobsArg = parsed.value('jobs');
  const jobs = jobsArg === undefined ? availableParallelism() : Number(jobsArg);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256, not '${jobsArg}'`);
  const date = parsed.value('date');
  if (date !== undefined && !isCalendarDate(date)) throw new UsageError(`--date must be a calendar date YYYY-MM-DD, not '${date}'`);
  const dateFromFile = parsed.has('date-from-files');
  if (date !== undefined && dateFromFile) throw new UsageError('give --date or --date-from-files, not both');
  if (parsed.positionals.length === 0) throw new UsageError('no DIR or FILE given');

  let failed = false;
  const report = (file: string, message: string): void => output.stderr(`article-annotator corpus: ${file}: ${message}\n`);
  const files = collectFiles(parsed.positionals, (file, message, isProblem) => {
    report(file, message);
    if (isProblem) failed = true;
  });
  const results = await analyzeFiles(
    files.map((file): CorpusFileJob => ({ file, dateFromFile, ...(date === undefined ? {} : { date }) })),
    jobs,
  );
  const index = new CorpusIndex();
  const articles: CorpusArticle[] = [];
  for (const result of results) {
    if ('problem' in result) {
      report(result.file, result.problem);
      failed = true;
      continue;
    }
    if (result.warning) report(result.file, `warning: ${result.warning}`);
    index.setArticle(result.file, result.analysis, result.text);
    const yearSource = result.dateSource === 'text' ? inferredYearSource(result.analysis) : undefined;
    articles.push({ file: result.file, date: result.analysis.articleDate, dateSource: result.dateSource, ...(yearSource ? { yearSource } : {}) });
  }
  const context: CorpusContext = { articles, index };
  const out: Record<string, unknown> = {};
  for (const section of SECTIONS) out[section.name] = section.build(context);
  output.stdout(`${JSON.stringify(out, null, 2)}\n`);
  return failed ? 1 : 0;
}

/**
 * The files to read, in command-line order, each once: a directory gives its .txt and .md files (sorted by path,
 * hidden folders, node_modules and links to files outside it left out, with a warning); anything else is passed on as a file, so reading reports what is wrong.
 */
export function collectFiles(inputs: readonly string[], report: (file: string, message: string, isProblem: boolean) => void): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const add = (file: string): void => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const input of inputs) {
    let isDirectory = false;
    try {
      isDirectory = statSync(input).isDirectory();
    } catch {
      // reading the file reports it
    }
    if (!isDirectory) {
      add(input);
      continue;
    }
    const found: string[] = [];
    try {
      walk(input, found, existingRealPath(input) ?? path.resolve(input), (file) => report(file, 'left out: a link to a file outside the folder (name it on the command line to read it)', false));
    } catch (error) {
      report(input, `cannot list the folder (${error instanceof Error ? error.message : String(error)})`, true);
      continue;
    }
    if (found.length === 0) report(input, 'no .txt or .md files in this folder', false);
    for (const file of found.sort()) add(file);
  }
  return files;
}

/** Collects the folder's article files; links to folders are not followed, links to files outside `realRoot` are left out. */
function walk(dir: string, found: string[], realRoot: string, outside: (file: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found, realRoot, outside);
    else if ((entry.isFile() || entry.isSymbolicLink()) && ARTICLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      const real = entry.isSymbolicLink() ? existingRealPath(full) : undefined;
      if (real !== undefined && !isInsideFolder(real, realRoot)) outside(full);
      else found.push(full);
    }
  }
}

/** Analyses the files on `jobs` worker threads (in this thread for one job or one file); results in the order given. */
export async function analyzeFiles(jobs: readonly CorpusFileJob[], threads: number): Promise<CorpusFileResult[]> {
  if (threads <= 1 || jobs.length <= 1) return jobs.map(analyzeCorpusFile);
  const results: (CorpusFileResult | undefined)[] = Array.from({ length: jobs.length }, () => undefined);
  const strings = new StringPool();
  let next = 0;
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const worker = startWorker();
      let current = -1;
      const send = (): void => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve(), reject);
          return;
        }
        current = next++;
        worker.postMessage({ id: current, job: jobs[current] });
      };
      worker.on('message', (message: { id: number; result: CorpusFileResult }) => {
        // a collection's names are held once each, as the extension host holds them (see core/text/stringPool.ts)
        if ('analysis' in message.result) shareAnalysisStrings(message.result.analysis, strings);
        results[message.id] = message.result;
        send();
      });
      worker.on('error', (error) => {
        // the worker died (out of memory, a bug): its file is reported, the others go on in the remaining workers
        if (current >= 0 && results[current] === undefined) results[current] = { file: jobs[current]!.file, problem: `analysis failed: ${error.message}` };
        resolve();
      });
      send();
    });
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, runWorker));
  // files no worker got to (all workers died) are analysed here
  return results.map((r, i) => r ?? analyzeCorpusFile(jobs[i]!));
}

/** dist/corpusWorker.js beside the bundled command line; the TypeScript source through tsx when run from source. */
function startWorker(): Worker {
  const bundled = path.join(__dirname, 'corpusWorker.js');
  try {
    statSync(bundled);
    return new Worker(bundled);
  } catch {
    const source = path.join(__dirname, 'corpusWorker.ts');
    const tsx = `require.resolve('tsx/cjs', { paths: [${JSON.stringify(__dirname)}] })`;
    return new Worker(`require(${tsx}); require(${JSON.stringify(source)});`, { eval: true });
  }
}
