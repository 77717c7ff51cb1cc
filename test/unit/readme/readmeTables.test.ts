import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

describe('README tables', () => {
  it('list exactly the commands and settings of package.json', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'readme-tables.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
});
