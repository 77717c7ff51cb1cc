// Turns a file's bytes into article text, or says plainly why it is not an article.
//
// The text is exactly what Node's `fs.readFileSync(file, 'utf8')` returns for the same bytes: a UTF-8 byte-order
// mark is KEPT as U+FEFF (offsets are into the text as read, so nothing may be dropped from its start) and invalid
// UTF-8 sequences become U+FFFD (reported as a warning, the text is still usable).

/** Largest article accepted, in bytes. A few megabytes of news are fine; beyond this it is not an article. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

/** How many leading bytes are sampled for the control-character and undecodable-byte shares. */
const SAMPLE_BYTES = 64 * 1024;
/** Above this share of control characters (or undecodable bytes) in the sample, the file is not text. */
const MAX_NON_TEXT_SHARE = 0.1;

export type DecodedArticle = { readonly text: string; readonly warning?: string } | { readonly problem: string };

export function decodeArticleBytes(bytes: Uint8Array): DecodedArticle {
  const tooLarge = articleSizeProblem(bytes.length);
  if (tooLarge) return { problem: tooLarge };
  if (bytes.length === 0) return { problem: 'the file is empty' };
  if (startsWithUtf16Bom(bytes)) return { problem: 'the file is UTF-16 encoded; save it as UTF-8 to open it as an article' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: `the file looks binary (a NUL byte at offset ${nul}), not like article text` };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const controls = countControlBytes(sample);
  if (controls > sample.length * MAX_NON_TEXT_SHARE) {
    return { problem: `the file looks binary (${percent(controls, sample.length)} of its first bytes are control characters), not like article text` };
  }
  const invalidAt = firstInvalidUtf8(bytes);
  // ignoreBOM: true keeps a BOM in the text, as fs.readFileSync(f, 'utf8') does.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  // trim() also removes U+FEFF.
  if (text.trim() === '') return { problem: 'the file contains only whitespace' };
  if (invalidAt === undefined) return { text };
  const undecodable = countUndecodable(sample);
  if (undecodable > sample.length * MAX_NON_TEXT_SHARE) {
    return { problem: `the file is not UTF-8 text (${percent(undecodable, sample.length)} of its first bytes cannot be decoded)` };
  }
  return { text, warning: `the file is not valid UTF-8 (first bad byte at offset ${invalidAt}); undecodable bytes are read as U+FFFD (\uFFFD)` };
}

/** Why a file of this many bytes is not opened, or undefined when its size is fine (lets callers check before reading). */
export function articleSizeProblem(byteLength: number): string | undefined {
  if (byteLength <= MAX_ARTICLE_BYTES) return undefined;
  return `the file is ${formatMegabytes(byteLength)}; articles larger than ${formatMegabytes(MAX_ARTICLE_BYTES)} are not opened`;
}

function startsWithUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape; plus DEL. */
function countControlBytes(bytes: Uint8Array): number {
  let n = 0;
  // by index: an iterator's result per byte was 5 KB per article read by the workspace index (until the loop is optimised)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) || b === 0x7f) n++;
  }
  return n;
}

function countUndecodable(sample: Uint8Array): number {
  let n = 0;
  let i = 0;
  while (i < sample.length) {
    const length = utf8SequenceLength(sample, i);
    if (length === 0) {
      // A sequence cut by the sample's end is not an error.
      if (sample.length - i >= 4) n++;
      i++;
    } else {
      i += length;
    }
  }
  return n;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or undefined when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    // ASCII fast path.
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return undefined;
}

/** Length of the well-formed UTF-8 sequence at i (Unicode table 3-7), or 0 when it is ill-formed or cut short. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}
