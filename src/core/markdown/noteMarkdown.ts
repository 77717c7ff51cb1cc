// A user's annotation note is Markdown shown in a hover. It may come from an imported file, so it is untrusted: an
// allow-list of constructs is kept (paragraphs, line breaks, emphasis, strike-through, code spans and fenced code
// blocks, headings, block quotes, lists, rules, tables, and links to http(s) and mailto), and everything else is
// escaped so it shows as the characters it is. Nothing can form a link but the links kept here: every `[`, `]`, `(`,
// `)`, `<`, `>`, `&` and `!` outside them is escaped, and so is the colon of every scheme but http(s) and mailto, so
// no reference definition, autolink, image, HTML tag, entity or other scheme survives, however the brackets nest
// (`[a [b] c](file:///…)` shows as text).

/** Link targets kept clickable: http(s) and mailto, without spaces, quotes, angle brackets, backslashes or parentheses. */
const SAFE_TARGET = /^(?:https?:\/\/[^\s"'<>\\()`]+|mailto:[^\s"'<>\\()`]+)$/i;

/** ASCII punctuation a backslash may escape in CommonMark. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** Characters escaped wherever they are not part of a kept construct. */
const ALWAYS_ESCAPED = new Set(['[', ']', '(', ')', '!', ':', '"', "'", '{', '}']);

/** The note with only allowed Markdown constructs left active; see the file comment. */
export function sanitiseNoteMarkdown(note: string): string {
  const lines = note.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let fence: { readonly char: string; readonly length: number } | undefined;
  for (const line of lines) {
    if (fence) {
      // Inside a fenced code block everything is shown verbatim; only a closing fence ends it.
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      out.push(line);
      continue;
    }
    const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
    if (open && !(open[2]![0] === '`' && open[3]!.includes('`'))) {
      fence = { char: open[2]![0]!, length: open[2]!.length };
      // The info string is dropped: it is only a language name, and nothing in it needs to survive.
      out.push(`${open[1]}${open[2]}`);
      continue;
    }
    out.push(sanitiseLine(line));
  }
  // An unclosed fence is closed, so it cannot swallow what a hover shows after the note.
  if (fence) out.push(fence.char.repeat(fence.length));
  return out.join('\n');
}

/** Block prefixes kept: indentation, block quotes, a heading, a list item (bullet or number), a thematic break. */
function sanitiseLine(line: string): string {
  const rule = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/.exec(line);
  if (rule) return line;
  let prefix = '';
  let rest = line;
  for (;;) {
    const quote = /^( {0,3}>[ ]?)/.exec(rest);
    if (quote) {
      prefix += quote[1];
      rest = rest.slice(quote[1]!.length);
      continue;
    }
    const item = /^(\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))/.exec(rest);
    if (item) {
      prefix += item[1];
      rest = rest.slice(item[1]!.length);
      continue;
    }
    break;
  }
  const heading = /^( {0,3}#{1,6}(?:[ \t]+|$))/.exec(rest);
  if (heading) {
    prefix += heading[1];
    rest = rest.slice(heading[1]!.length);
  }
  // What is left starts a paragraph line: a leading `#`, `>`, `+`, `-`, `=` or `1.` that was not taken above as a
  // construct is escaped by sanitiseInline (`#`, `+`, `-`, `=` and `.` at the start), so it cannot become one.
  return prefix + sanitiseInline(rest, true, true);
}

/**
 * Inline text with code spans (verbatim), emphasis, and (when `links`) links to safe targets kept; every other
 * character Markdown or HTML could act on is escaped.
 */
function sanitiseInline(text: string, links: boolean, lineStart: boolean): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      // An escape the writer made stays one (it makes its character literal); a lone backslash is shown as itself.
      if (next !== undefined && ESCAPABLE.test(next)) {
        out += `\\${next}`;
        i += 2;
      } else {
        out += '\\\\';
        i++;
      }
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = findClosingBackticks(text, i + run.length, run.length);
      if (close >= 0) {
        // A code span shows its content verbatim: no link, tag or entity inside it is active.
        out += text.slice(i, close + run.length);
        i = close + run.length;
      } else {
        out += run.replace(/`/g, '\\`');
        i += run.length;
      }
      continue;
    }
    if (c === '[' && links) {
      const link = parseLink(text, i);
      if (link) {
        out += `[${sanitiseInline(link.label, false, false)}](${link.target})`;
        i = link.end;
        continue;
      }
    }
    if (c === '!' && text[i + 1] === '[') {
      // An image is never loaded: its alt text is shown as text (with the brackets), its target as text.
      out += '\\!';
      i++;
      continue;
    }
    if (c === ':' && /(?:^|[^A-Za-z0-9+.-])(?:https?|mailto)$/i.test(text.slice(Math.max(0, i - 8), i))) {
      // A bare web address or e-mail stays one (the renderer may link it); any other scheme's colon is escaped.
      out += c;
    } else if (c === '<' || c === '>' || c === '&') {
      // As character references, so not even the raw Markdown holds a tag.
      out += c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;';
    } else if (ALWAYS_ESCAPED.has(c)) out += `\\${c}`;
    else if (lineStart && out.trim() === '' && /[#+\-=.]/.test(c)) out += `\\${c}`;
    else if (lineStart && out.trim() === '' && /\d/.test(c)) {
      // "1." or "1)" at the start of a line that was not taken as a list item (too many digits): keep it text.
      const digits = /^\d+/.exec(text.slice(i))![0];
      out += digits;
      i += digits.length;
      if (text[i] === '.' || text[i] === ')') {
        out += `\\${text[i]}`;
        i++;
      }
      continue;
    } else out += c;
    i++;
  }
  return out;
}

function findClosingBackticks(text: string, from: number, length: number): number {
  for (let i = text.indexOf('`', from); i >= 0; i = text.indexOf('`', i)) {
    let end = i;
    while (text[end] === '`') end++;
    if (end - i === length) return i;
    i = end;
  }
  return -1;
}

/**
 * `[label](target)` at `at` with balanced brackets in the label (no nested link) and a safe target without a title,
 * or undefined. Anything else is not kept as a link and gets escaped character by character.
 */
function parseLink(text: string, at: number): { label: string; target: string; end: number } | undefined {
  let depth = 0;
  let i = at;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') return undefined;
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  if (depth !== 0 || text[i + 1] !== '(') return undefined;
  const label = text.slice(at + 1, i);
  const close = text.indexOf(')', i + 2);
  if (close < 0) return undefined;
  const target = text.slice(i + 2, close).trim();
  if (!SAFE_TARGET.test(target)) return undefined;
  return { label, target, end: close + 1 };
}
