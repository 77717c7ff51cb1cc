import * as assert from 'node:assert/strict';
import { globToRegExp } from '../../../src/core/paths/glob';

const matches = (glob: string, path: string): boolean => globToRegExp(glob)?.test(path) === true;

describe('article globs', () => {
  it('matches ** at any depth, including none, and * and ? within one segment', () => {
    assert.ok(matches('**/seeds/*.txt', 'seeds/a.txt'));
    assert.ok(matches('**/seeds/*.txt', 'x/y/seeds/a.txt'));
    assert.ok(!matches('**/seeds/*.txt', 'seeds/sub/a.txt'));
    assert.ok(matches('news/**', 'news/2024/a.md'));
    assert.ok(matches('./news/?.txt', 'news/a.txt'));
    assert.ok(!matches('news/?.txt', 'news/ab.txt'));
  });

  it('takes {a,b} alternatives, nested, and a comma outside braces as itself', () => {
    assert.ok(matches('**/*.{txt,md}', 'a/b.md'));
    assert.ok(!matches('**/*.{txt,md}', 'a/b.json'));
    assert.ok(matches('{news,{wire,feeds}}/*.txt', 'feeds/a.txt'));
    assert.ok(matches('{a,b}/x,y.txt', 'a/x,y.txt'));
    assert.ok(!matches('{a,b}/x,y.txt', 'a/x'));
  });

  it('takes regular-expression characters literally', () => {
    assert.ok(matches('notes/[draft] (1)+.txt', 'notes/[draft] (1)+.txt'));
    assert.ok(!matches('a.txt', 'abtxt'));
    assert.ok(matches('$^|.md', '$^|.md'));
  });

  it('gives undefined for unbalanced braces, never throws', () => {
    assert.equal(globToRegExp('**/{a,b.txt'), undefined);
    assert.equal(globToRegExp('**/a}.txt'), undefined);
    assert.equal(globToRegExp('{{}'), undefined);
  });
});
