// Entity and date spans never contain characters that Markdown, HTML or a command link could act on: an article that
// reads "Joe Biden](command:…)" or "Macron</a>" yields the person "Joe Biden" / "Emmanuel Macron", never a span that
// carries the markup into a hover, a code action title or an export.

/** Characters no span may contain: brackets and parentheses (links), angle brackets (HTML), braces, pipes, backticks, backslashes. */
export const MARKUP_CHARACTERS = /[[\]()<>{}|`\\]/u;

const MARKUP_RUN = /[[\]()<>{}|`\\]+/gu;

/**
 * [start, end) without markup: unchanged when it has none, else the first markup-free piece holding a letter or a
 * digit, trimmed of white space; undefined when no piece does.
 */
export function cutAtMarkup(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const span = text.slice(start, end);
  if (!MARKUP_CHARACTERS.test(span)) return { start, end };
  let from = 0;
  MARKUP_RUN.lastIndex = 0;
  for (let m = MARKUP_RUN.exec(span); ; m = MARKUP_RUN.exec(span)) {
    const to = m ? m.index : span.length;
    const piece = span.slice(from, to);
    if (/[\p{L}\p{N}]/u.test(piece)) {
      const lead = piece.length - piece.trimStart().length;
      const trail = piece.length - piece.trimEnd().length;
      return { start: start + from + lead, end: start + to - trail };
    }
    if (!m) return undefined;
    from = m.index + m[0].length;
  }
}

/** Whether [start, end) of text contains no markup character. */
export function isMarkupFree(text: string, start: number, end: number): boolean {
  return !MARKUP_CHARACTERS.test(text.slice(start, end));
}
