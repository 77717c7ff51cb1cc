// A Markdown report: a section per article (its file and dateline), a subsection per label, and each annotation as
// a list item quoting its text (Markdown in the quote escaped), its character span, and its note (the note is the
// user's own Markdown, indented into the item so it cannot break the report's structure).
import type { Annotation, ArticleInfo } from '../annotations/annotationModel';
import { compareStrings, groupByArticle } from './formatModel';

export interface MarkdownReportOptions {
  /** First-level title; defaults to "Annotations". */
  readonly title?: string;
}

/** Backslash-escapes what Markdown would read as markup: inline punctuation anywhere, block markers at a line start. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>|~&!{}]/g, '\\$&')
        .replace(/^(\s*)([#>+=-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** The inverse of escapeMarkdown (a backslash before ASCII punctuation is dropped). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** A code span holding text verbatim, fenced with more backticks than the text contains in a row. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function exportMarkdownReport(
  annotations: readonly Annotation[],
  articles: readonly ArticleInfo[],
  options: MarkdownReportOptions = {},
): string {
  const groups = groupByArticle(annotations, articles).filter((g) => g.annotations.length > 0);
  const out: string[] = [`# ${escapeMarkdown(options.title ?? 'Annotations')}`, ''];
  const count = annotations.length;
  out.push(`${count} annotation${count === 1 ? '' : 's'} in ${groups.length} article${groups.length === 1 ? '' : 's'}.`, '');
  for (const { info, annotations: own } of groups) {
    out.push(`## ${codeSpan(info.article.replace(/[\r\n]+/g, ' '))} — ${info.date ? escapeMarkdown(info.date) : 'no dateline'}`, '');
    const byLabel = new Map<string, Annotation[]>();
    for (const annotation of own) {
      const list = byLabel.get(annotation.label) ?? [];
      list.push(annotation);
      byLabel.set(annotation.label, list);
    }
    for (const label of [...byLabel.keys()].sort(compareStrings)) {
      const list = byLabel.get(label) ?? [];
      out.push(`### ${escapeMarkdown(label.replace(/[\r\n]+/g, ' '))} (${list.length})`, '');
      for (const annotation of list) {
        for (const line of item(annotation)) out.push(line);
        out.push('');
      }
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function item(annotation: Annotation): string[] {
  const quote = escapeMarkdown(annotation.quote.exact.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line, i) => `${i === 0 ? '- ' : '  '}>${line === '' ? '' : ` ${line}`}`);
  const orphan = annotation.status === 'orphaned' ? ' · orphaned (not found in the current text)' : '';
  const lines = [...quote, '', `  characters ${annotation.position.start}–${annotation.position.end}${orphan}`];
  const note = annotation.note.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  if (note.trim() !== '') {
    lines.push('', ...note.split('\n').map((line) => (line === '' ? '' : `  ${line}`)));
  }
  return lines;
}
