// Untrusted text (article words, labels, names) into Markdown, shown literally: the one home for escaping it.
// Two rules for two places: a report keeps the text's lines and escapes with backslashes only (so unescapeMarkdown
// reads it back and the raw file stays readable); a hover or tooltip line flattens line breaks and also escapes what a
// link title or HTML could act on (quotes and angle brackets as entities, parentheses, dots, colons).

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

/** Escapes every character Markdown or HTML could act on, and flattens line breaks. */
export function escapeMarkdownLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
