// A Markdown report: a section per article (its file and dateline), a subsection per label, and each annotation as
// a list item quoting its text (Markdown in the quote escaped), the sentence around it with the span in bold (from the
// article's text; the stored quote context when the text is not at hand or the span no longer selects it), its note
// and its replies (the user's own Markdown, indented into the item so it cannot break the report's structure).
import { QUOTE_CONTEXT_LENGTH } from '../annotations/annotationFactory';
import type { Annotation, ArticleInfo } from '../annotations/annotationModel';
import type { Article } from '../article/articleModel';
import { parseArticle } from '../article/parseArticle';
import { sentencePartsAround, type SentenceParts } from '../article/sentenceContext';
import { escapeMarkdown } from '../markdown/escapeMarkdown';
import { compareStrings, groupByArticle, isPlaced } from './formatModel';

export interface MarkdownReportOptions {
  /** First-level title; defaults to "Annotations". */
  readonly title?: string;
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
    let parsed: Article | undefined;
    const context = (annotation: Annotation): SentenceParts => {
      if (info.text !== undefined && isPlaced(annotation, info.text)) {
        parsed ??= parseArticle(info.text);
        return sentencePartsAround(parsed, annotation.position.start, annotation.position.end);
      }
      return storedContext(annotation);
    };
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
        for (const line of item(annotation, context(annotation))) out.push(line);
        out.push('');
      }
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The context an annotation keeps (its quote selector's prefix and suffix), cut at word boundaries. */
function storedContext(annotation: Annotation): SentenceParts {
  const flat = (text: string): string => text.replace(/\s+/g, ' ');
  const { prefix, exact, suffix } = annotation.quote;
  // a context as long as the factory keeps was cut from a longer text: start and end it at whole words, with "…"
  const cutBefore = prefix.length >= QUOTE_CONTEXT_LENGTH;
  const cutAfter = suffix.length >= QUOTE_CONTEXT_LENGTH;
  const before = (cutBefore ? flat(prefix).replace(/^\S*\s/u, '') : flat(prefix)).trimStart();
  const after = (cutAfter ? flat(suffix).replace(/\s\S*$/u, '') : flat(suffix)).trimEnd();
  return { before: `${cutBefore ? '…' : ''}${before}`, span: flat(exact), after: `${after}${cutAfter ? '…' : ''}` };
}

/** The sentence as one Markdown line, the span in bold (its white space outside the asterisks, so they bind). */
function contextLine(parts: SentenceParts): string {
  const lead = /^\s*/u.exec(parts.span)?.[0] ?? '';
  const trail = /\s*$/u.exec(parts.span)?.[0] ?? '';
  const core = parts.span.trim();
  const bold = core === '' ? parts.span : `${lead}**${escapeMarkdown(core)}**${trail}`;
  return `${escapeMarkdown(parts.before)}${bold}${escapeMarkdown(parts.after)}`;
}

function item(annotation: Annotation, context: SentenceParts): string[] {
  const quote = escapeMarkdown(annotation.quote.exact.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line, i) => `${i === 0 ? '- ' : '  '}>${line === '' ? '' : ` ${line}`}`);
  const orphan = annotation.status === 'orphaned' ? ' · orphaned (not found in the current text)' : '';
  const lines = [...quote, '', `  In context: ${contextLine(context)}${orphan}`];
  const note = annotation.note.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  if (note.trim() !== '') {
    lines.push('', ...note.split('\n').map((line) => (line === '' ? '' : `  ${line}`)));
  }
  const replies = annotation.replies ?? [];
  if (replies.length > 0) {
    lines.push('', `  Replies (${replies.length}):`);
    for (const reply of replies) {
      // each reply a nested list item, its Markdown indented under it
      const body = reply.body.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
      lines.push('', `  - *${escapeMarkdown(reply.created.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/u, ' UTC'))}*: ${body[0] ?? ''}`);
      for (const line of body.slice(1)) lines.push(line === '' ? '' : `    ${line}`);
    }
  }
  return lines;
}
