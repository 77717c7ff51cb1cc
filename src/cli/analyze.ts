// `article-annotator analyze [--date YYYY-MM-DD] FILE...`: entities and resolved dates of each file, as JSON.
//
// Output (stdout): a JSON array, one object per readable file, in the order given:
//   {"file", "date", "entities": [{"start", "end", "text", "type"}], "dates": [{"start", "end", "text", "value"}],
//    "quotes": [{"start", "end", "text", "speaker", "speakerType", "cue"}]}
// `date` is --date or the date detected in the article (null if none), with `yearSource` (text | weekday | file-date)
// when it is a wire dateline's and the year was not written in it; `type` is person | place | organization;
// `value` is YYYY, YYYY-MM, YYYY-MM-DD, {"from", "to"} for a range, or null. A quote's start/end cover the quoted words
// without the marks; `speaker` is the speaker's canonical name or null (unnamed), `speakerType` person | organization
// | null, `cue` the reporting expression of its sentence ("said", "told reporters") or null. Offsets are JavaScript string
// (UTF-16) offsets into the file's text as `fs.readFileSync(file, 'utf8')` reads it (a BOM is kept), end exclusive.
// A file that cannot be read (missing, a directory, empty, binary, too large) gets one line on stderr and is left
// out; the exit code is then 1. Bad usage exits with 2.
import { isCalendarDate } from '../core/article/articleDate';
import type { ArticleDateYearSource } from '../core/article/articleModel';
import type { Analysis, DateValue, EntityType } from '../core/nlp/analysisModel';
import { analyzeArticle } from '../core/nlp/pipeline';
import { findQuotations, type SpeakerType } from '../core/quotes/quotations';
import { UsageError, parseArgs } from './args';
import { fileModificationDay, readArticleBytes } from './articleFiles';
import type { CliCommand, CommandOutput } from './runCommand';

export interface AnalyzedFile {
  readonly file: string;
  readonly date: string | null;
  /** Where the year of a wire dateline that states none came from; absent when the date states its year or was given. */
  readonly yearSource?: InferredYearSource;
  readonly entities: readonly { readonly start: number; readonly end: number; readonly text: string; readonly type: EntityType }[];
  readonly dates: readonly { readonly start: number; readonly end: number; readonly text: string; readonly value: DateValue }[];
  readonly quotes: readonly {
    readonly start: number;
    readonly end: number;
    readonly text: string;
    readonly speaker: string | null;
    readonly speakerType: SpeakerType | null;
    readonly cue: string | null;
  }[];
}

const USAGE = 'analyze [--date YYYY-MM-DD] FILE...';

export const ANALYZE_COMMAND: CliCommand = {
  name: 'analyze',
  usage: USAGE,
  summary:
    'Print the people, places, organizations and dates of each article as a JSON array (offsets into the file text as read, UTF-16, end exclusive); relative dates are resolved against --date or the date found in the article.',
  run: (args, output) => runAnalyze(args, output),
};

/** Runs `analyze` with the arguments after the command name; returns the exit code, throws UsageError for bad usage. */
export function runAnalyze(args: readonly string[], output: CommandOutput): number {
  const parsed = parseArgs(args, { date: 'value' });
  const date = parsed.value('date');
  if (date !== undefined && !isCalendarDate(date)) throw new UsageError(`--date must be a calendar date YYYY-MM-DD, not '${date}'`);
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError('no FILE given');

  const results: AnalyzedFile[] = [];
  let failed = false;
  for (const file of files) {
    const read = readArticleBytes(file);
    if ('problem' in read) {
      output.stderr(`article-annotator analyze: ${file}: ${read.problem}\n`);
      failed = true;
      continue;
    }
    if (read.warning) output.stderr(`article-annotator analyze: ${file}: warning: ${read.warning}\n`);
    // One file that breaks the analysis costs only its own result, never the others'.
    try {
      results.push(analyzeFileText(file, read.text, date, fileModificationDay(file)));
    } catch (error) {
      output.stderr(`article-annotator analyze: ${file}: cannot be analysed (${errorMessage(error)})\n`);
      failed = true;
    }
  }
  output.stdout(`${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}

/** The analysis of one file's text in the command's output shape; `date` as given by --date, else detected. */
export function analyzeFileText(file: string, text: string, date?: string, fileDate?: string): AnalyzedFile {
  const analysis = analyzeArticle(text, date === undefined ? (fileDate === undefined ? {} : { fileDate }) : { articleDate: date });
  const yearSource = inferredYearSource(analysis);
  return {
    file,
    date: analysis.articleDate,
    ...(yearSource ? { yearSource } : {}),
    entities: analysis.entities.map((e) => ({ start: e.start, end: e.end, text: e.text, type: e.type })),
    dates: analysis.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, value: d.value })),
    quotes: findQuotations(text, analysis.entities).map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      speaker: q.speaker,
      speakerType: q.speakerType,
      cue: q.cue,
    })),
  };
}

/** Where a wire dateline that states no year got one: the text's one year, a weekday in the lead, the file's day. */
export type InferredYearSource = Exclude<ArticleDateYearSource, 'stated'>;

export function inferredYearSource(analysis: Analysis): InferredYearSource | undefined {
  const source = analysis.articleDateSource;
  return source === undefined || source === 'given' || source === 'stated' ? undefined : source;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

