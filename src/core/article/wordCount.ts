// Counts the words of a span: runs of letters and digits, joined into one word across a single hyphen, apostrophe or
// period between them ("Mazar-i-Sharif", "don't", "U.S"). The same count as matching
// /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu over the span, without making a match object per word: the reading view's
// header counts the words of the whole article on every re-render, and for a megabyte that regex cost most of a second.

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Whether each BMP code unit is a letter or digit; 0 unknown, 1 yes, 2 no (filled as met). */
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (cp < 0x10000) {
    let known = bmpClass[cp]!;
    if (known === 0) {
      // a lone surrogate is a code point of its own, never a letter
      known = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
      bmpClass[cp] = known;
    }
    return known === 1;
  }
  let known = astralClass.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    astralClass.set(cp, known);
  }
  return known;
}

function isJoiner(code: number): boolean {
  return code === 0x2d /* - */ || code === 0x27 /* ' */ || code === 0x2019 /* ’ */ || code === 0x2e /* . */;
}

/** The code point at `i` of text[start, end) and its length in code units (a surrogate pair split by `end` counts as two). */
function codePointAt(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return code;
}

/** The number of words in text[start, end), in one pass without allocating. */
export function countWordsIn(text: string, start: number, end: number): number {
  let count = 0;
  let i = start;
  // the state after the last code point: 'word' inside a run, 'joiner' just after a joiner that follows a run
  let inWord = false;
  let afterJoiner = false;
  while (i < end) {
    const cp = codePointAt(text, i, end);
    const width = cp > 0xffff ? 2 : 1;
    if (isWordCodePoint(cp)) {
      // a run continues a word only straight after one joiner that itself follows a run
      if (!inWord && !afterJoiner) count++;
      inWord = true;
      afterJoiner = false;
    } else if (inWord && isJoiner(cp)) {
      inWord = false;
      afterJoiner = true;
    } else {
      inWord = false;
      afterJoiner = false;
    }
    i += width;
  }
  return count;
}
