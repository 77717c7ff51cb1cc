// A title for an article whose text has none: its headline (a run-in heading) or its first sentence, shortened.
import type { Article } from './articleModel';
import { splitSentences } from './sentences';

/** Titles made from a sentence are cut to about this many characters, at a word boundary. */
export const DERIVED_TITLE_MAX_CHARS = 72;

/** The title the article states, else one made from its first heading or first sentence; undefined for an article without text. */
export function displayTitle(article: Article): string | undefined {
  if (article.title) return oneLine(article.title.text);
  const first = article.paragraphs.find((p) => p.kind === 'heading' || p.kind === 'body');
  if (!first) return undefined;
  const sentence = first.kind === 'heading' ? first : (splitSentences(article.text, first.start, first.end)[0] ?? first);
  return shortenTitle(oneLine(article.text.slice(sentence.start, sentence.end)));
}

/** Drops a closing full stop and cuts a long sentence at a word boundary with "…". */
export function shortenTitle(sentence: string, maxChars = DERIVED_TITLE_MAX_CHARS): string {
  const text = sentence.replace(/\.$/, '');
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  // a clause boundary reads better than a mid-phrase cut when one is near the end
  const clause = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf('; '), cut.lastIndexOf(' – '), cut.lastIndexOf(' — '));
  const end = clause > maxChars * 0.6 ? clause : lastSpace > maxChars * 0.4 ? lastSpace : maxChars;
  return `${text.slice(0, end).replace(/[\s,;:–—-]+$/, '')}…`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
