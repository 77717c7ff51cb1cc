import * as assert from 'node:assert/strict';
import { MAX_ARTICLE_BYTES, decodeArticleBytes, firstInvalidUtf8 } from '../../../src/core/article/articleText';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

function textOf(input: Uint8Array): string {
  const result = decodeArticleBytes(input);
  assert.ok('text' in result, `expected text, got ${JSON.stringify(result)}`);
  return result.text;
}

function problemOf(input: Uint8Array): string {
  const result = decodeArticleBytes(input);
  assert.ok('problem' in result, `expected a problem, got text`);
  return result.problem;
}

describe('decodeArticleBytes', () => {
  it('returns plain UTF-8 text unchanged, curly quotes and all', () => {
    const s = 'The mayor said “no comment” — twice.\n\nIt rained in Łódź. 🌧';
    assert.equal(textOf(utf8(s)), s);
  });

  it('keeps a UTF-8 byte-order mark as U+FEFF, exactly like fs.readFileSync(f, "utf8")', () => {
    const input = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Headline here')]);
    const text = textOf(input);
    assert.equal(text, '\uFEFFHeadline here');
    assert.equal(text, Buffer.from(input).toString('utf8'));
  });

  it('reports an empty file and a whitespace-only file', () => {
    assert.match(problemOf(new Uint8Array()), /empty/);
    assert.match(problemOf(utf8(' \n\t\r\n')), /only whitespace/);
    assert.match(problemOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a])), /only whitespace/);
  });

  it('reports binary content: a NUL byte anywhere, or many control characters', () => {
    const withNul = new Uint8Array([...utf8('Looks like text at first'), 0, ...utf8('but is not')]);
    assert.match(problemOf(withNul), /binary.*offset 24/);
    const controls = new Uint8Array(1000).map((_, i) => (i % 4 === 0 ? 0x01 : 0x61));
    assert.match(problemOf(controls), /binary.*control characters/);
    assert.match(problemOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)), /binary/);
  });

  it('allows a few control characters (form feeds, escapes, a stray one)', () => {
    const s = 'Page one.\fPage two.\u0007 The end, with an \u001b escape.';
    assert.equal(textOf(utf8(s)), s);
  });

  it('reports UTF-16 files with a clear hint', () => {
    assert.match(problemOf(bytes(0xff, 0xfe, 0x41, 0x00)), /UTF-16/);
    assert.match(problemOf(bytes(0xfe, 0xff, 0x00, 0x41)), /UTF-16/);
  });

  it('decodes invalid UTF-8 with U+FFFD like Node does, and warns where it starts', () => {
    const input = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' in Montr'), 0xe9, ...utf8('al opened.')]);
    const result = decodeArticleBytes(input);
    assert.ok('text' in result);
    assert.equal(result.text, Buffer.from(input).toString('utf8'));
    assert.equal(result.text, 'Caf\uFFFD in Montr\uFFFDal opened.');
    assert.match(result.warning ?? '', /not valid UTF-8.*offset 3/);
  });

  it('matches Node decoding on many random byte strings (replacement semantics identical)', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const interesting = [0x41, 0x20, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xff];
    for (let round = 0; round < 2000; round++) {
      const length = 1 + (random() % 12);
      const input = new Uint8Array(length).map(() => interesting[random() % interesting.length]!);
      const result = decodeArticleBytes(input);
      if ('text' in result) assert.equal(result.text, Buffer.from(input).toString('utf8'), `bytes ${Array.from(input).join(',')}`);
      const nodeValid = Buffer.from(input).toString('utf8') === new TextDecoder('utf-8', { ignoreBOM: true }).decode(input) && isValidUtf8(input);
      assert.equal(firstInvalidUtf8(input) === undefined, nodeValid, `bytes ${Array.from(input).join(',')}`);
    }
  });

  it('says a mostly undecodable file is not UTF-8 text', () => {
    const latin = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0xe9 : 0x61));
    assert.match(problemOf(latin), /not UTF-8 text/);
  });

  it('accepts a large article and refuses one over the limit, naming both sizes', () => {
    const big = new Uint8Array(5 * 1024 * 1024).fill(0x61);
    assert.equal(textOf(big).length, big.length);
    const tooBig = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    assert.match(problemOf(tooBig), /20\.0 MB|20 MB/);
  });
});

function isValidUtf8(input: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(input);
    return true;
  } catch {
    return false;
  }
}
