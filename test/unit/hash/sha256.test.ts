import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Hex } from '../../../src/core/hash/sha256';

function nodeSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('sha256Hex (pure, for every host)', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('equals Node\'s digest at every padding boundary and for multi-byte text', () => {
    for (let length = 0; length <= 130; length++) {
      const text = 'x'.repeat(length);
      assert.equal(sha256Hex(text), nodeSha256(text), `length ${length}`);
    }
    for (const text of ['Zürich, 3 März', '北京 — “quoted”', 'emoji 👩🏽‍💻 and tab\t', 'lone \ud800 surrogate', '\u0000nul']) {
      assert.equal(sha256Hex(text), nodeSha256(text), JSON.stringify(text));
    }
  });

  it('equals Node\'s digest on a large distinct text (the cache key of a 1 MB article)', () => {
    let seed = 7;
    const words: string[] = [];
    for (let i = 0; i < 150_000; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      words.push(String.fromCharCode(97 + (seed % 26), 97 + ((seed >>> 8) % 26), 0xe0 + ((seed >>> 16) % 20)));
    }
    const text = words.join(' ');
    assert.equal(sha256Hex(text), nodeSha256(text));
  });
});
