// `article-annotator agree A B`: the agreement of two annotation files (any format `import` reads, read by the same
// code): pairwise F1 per label over exact spans, and Cohen's kappa over tokens of the articles whose text is found.
import path from 'node:path';
import { agreement, type Agreement } from '../core/quality/agreement';
import type { LabelledSpan } from '../core/quality/spanScores';
import { parseArgs, UsageError } from './args';
import { articleFileReader } from './articleFiles';
import type { CliCommand } from './runCommand';
import { importFormat, importFormatOfName, IMPORT_FORMAT_IDS, type ImportFormatId } from '../core/formats/formatRegistry';
import { readAnnotationFiles } from './import';

const NAME = 'agree';

function checkedFormat(value: string | undefined, file: string): ImportFormatId {
  if (value !== undefined) {
    if (importFormat(value) === undefined) throw new UsageError(`unknown format '${value}' (expected ${IMPORT_FORMAT_IDS.join(', ')})`);
    return value as ImportFormatId;
  }
  const guessed = importFormatOfName(file);
  if (!guessed) throw new UsageError(`cannot tell the format of ${file} from its name; give --format (${IMPORT_FORMAT_IDS.join(', ')})`);
  return guessed;
}

const fixed = (x: number | null, digits = 3): string => (x === null ? 'n/a' : x.toFixed(digits));

function printText(a: Agreement, fileA: string, fileB: string): string {
  const lines: string[] = [];
  lines.push(`agreement of ${fileA} (A) and ${fileB} (B): exact spans with the same label`);
  const width = Math.max(5, ...a.spans.labels.map((r) => r.label.length)) + 2;
  lines.push(`${'label'.padEnd(width)}${'A'.padStart(7)}${'B'.padStart(7)}${'both'.padStart(7)}${'F1'.padStart(8)}`);
  for (const r of [...a.spans.labels, a.spans.all]) {
    lines.push(`${r.label.padEnd(width)}${String(r.reference).padStart(7)}${String(r.compared).padStart(7)}${String(r.matched).padStart(7)}${fixed(r.f1).padStart(8)}`);
  }
  const t = a.tokens;
  const n = a.articles.length;
  lines.push(
    `Cohen's kappa over ${t.tokens} tokens of ${n} article${n === 1 ? '' : 's'}: ${fixed(t.kappa)} (observed agreement ${fixed(t.observed)}, by chance ${fixed(t.expected)})`,
  );
  return lines.join('\n') + '\n';
}

export const AGREE_COMMAND: CliCommand = {
  name: NAME,
  usage: 'agree A B [--format w3c|brat|spacy|doccano] [--format-b FORMAT] [--root DIR] [--article NAME] [--json]',
  summary:
    "Agreement between two annotation files, as annotation teams measure it: pairwise F1 per label over exact spans (A against B; the same either way round) and Cohen's kappa over the tokens of the annotated articles (a token takes the label of the span covering it, else O). The files are read as `import` reads them; the format follows the file name (.ann brat, .jsonl JSONL, .json/.jsonld W3C) unless --format (both files) or --format-b (B) says. Article texts are read under DIR (default the current folder); an article whose text is not found is left out of kappa, with a warning.",
  run(args, output) {
    const parsed = parseArgs(args, { format: 'value', 'format-b': 'value', root: 'value', article: 'value', json: 'switch' });
    if (parsed.positionals.length !== 2) throw new UsageError('give exactly two annotation files, A and B');
    const [fileA, fileB] = parsed.positionals as [string, string];
    const formatA = checkedFormat(parsed.value('format'), fileA);
    const formatB = checkedFormat(parsed.value('format-b') ?? parsed.value('format'), fileB);
    const root = path.resolve(parsed.value('root') ?? '.');
    const warn = (message: string) => output.stderr(`article-annotator ${NAME}: warning: ${message}\n`);
    const fail = (message: string) => output.stderr(`article-annotator ${NAME}: ${message}\n`);
    const inputs = new Set<string>();
    const read = (file: string, format: ImportFormatId) => readAnnotationFiles(format, [file], { root, article: parsed.value('article'), inputs, warn, fail });
    const a = read(fileA, formatA);
    const b = read(fileB, formatB);
    if (a.failed || b.failed) return 1;
    const spans = (r: typeof a): LabelledSpan[] =>
      r.results.flatMap((x) => x.annotations).map((s) => ({ article: s.article, start: s.start, end: s.end, label: s.label }));
    const spansA = spans(a);
    const spansB = spans(b);

    // the texts of every article either file annotates: found under root (as scanned, else read by name)
    const texts = new Map<string, string>();
    const scanned = new Map<string, string | undefined>([...(a.scanned ?? []), ...(b.scanned ?? []), ...a.w3cTexts, ...b.w3cTexts].map((x) => [x.article, x.text] as const));
    for (const [key, text] of [...a.bratTexts, ...b.bratTexts]) scanned.set(key, text);
    const reader = articleFileReader(root);
    const missing: string[] = [];
    for (const key of new Set([...spansA, ...spansB].map((s) => s.article))) {
      const known = scanned.get(key);
      if (known !== undefined) texts.set(key, known);
      else {
        const found = reader(key);
        if ('text' in found) texts.set(key, found.text);
        else missing.push(key);
      }
    }
    for (const key of missing) warn(`${key}: its text was not found under ${root}; left out of kappa`);
    const result = agreement(spansA, spansB, texts);
    if (parsed.has('json')) {
      output.stdout(JSON.stringify({ a: fileA, b: fileB, labels: result.spans.labels, all: result.spans.all, tokens: result.tokens, articles: result.articles, notMeasured: missing }, null, 2) + '\n');
    } else output.stdout(printText(result, fileA, fileB));
    return 0;
  },
};
