import * as assert from 'node:assert/strict';
import path from 'node:path';
import { basename, extname, isInsideFolder, relativePath } from '../../../src/core/paths/posixPath';

describe('posixPath (no Node path module, for the browser host)', () => {
  it('agrees with Node\'s path.posix on basename, extname and relative', () => {
    const samples = ['/w/seeds/a.txt', '/w/seeds/', 'seeds/b.md', 'c', '/w/.env', '/w/x.tar.gz', '/w/a/../b/./c.txt', '/', ''];
    for (const p of samples) {
      assert.equal(basename(p), path.posix.basename(p.replace(/\/+$/, '')) || path.posix.basename(p), `basename ${p}`);
      assert.equal(extname(p), path.posix.extname(p.replace(/\/+$/, '')), `extname ${p}`);
    }
    const pairs: [string, string][] = [['/w', '/w/seeds/a.txt'], ['/w/seeds', '/w/other/b.txt'], ['/w', '/w'], ['/w/a/b', '/w'], ['/w/x/../y', '/w/y/z'], ['/', '/etc/passwd']];
    for (const [from, to] of pairs) assert.equal(relativePath(from, to), path.posix.relative(from, to), `${from} → ${to}`);
  });

  it('agrees with path.posix.relative on every pair of folders and files, plain or with dots and doubled separators', () => {
    // the plain case (a file under its folder) takes a shortcut: each kind of path on either side, against Node
    const paths = ['/', '/w', '/w/', '/w/a.txt', '/w/seeds/a.txt', '/w/seeds/', '/wx/a.txt', '/w//a.txt', '/w/./a.txt', '/w/../a.txt', '/w/..hidden/a.txt', '/w/.a/b.txt', '/w/seeds/deep/er/c.md', 'w/a.txt', 'w'];
    for (const from of paths) {
      for (const to of paths) {
        if (from.startsWith('/') !== to.startsWith('/')) continue;
        assert.equal(relativePath(from, to), path.posix.relative(from, to), `${from} → ${to}`);
      }
    }
  });

  it('tells whether a path is inside a folder, whatever dots or separators it uses', () => {
    assert.equal(isInsideFolder('/w', '/w/seeds/a.txt'), true);
    assert.equal(isInsideFolder('/w', '/w'), true);
    assert.equal(isInsideFolder('/w', '/w/../etc/passwd'), false);
    assert.equal(isInsideFolder('/w', '/work/a.txt'), false, 'a sibling with the same prefix is outside');
    assert.equal(isInsideFolder('/w', '/w/..hidden/a.txt'), true, 'a name starting with two dots is inside');
    assert.equal(isInsideFolder('C:\\w', 'C:\\w\\seeds\\a.txt'), true);
    assert.equal(isInsideFolder('C:\\w', 'D:\\w\\a.txt'), false);
  });
});
