import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ids from '../../../src/extension/commandIds';

const root = path.resolve(__dirname, '..', '..', '..');

describe('command ids', () => {
  it('are exactly the commands package.json contributes, each named once', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    const declared = Object.values(ids).sort();
    assert.deepEqual(declared, contributed);
    assert.equal(new Set(declared).size, declared.length, 'an id is declared twice');
  });

  it('are declared only in commandIds.ts, never as a string in another module', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && entry.name !== 'commandIds.ts') {
          const text = readFileSync(full, 'utf8');
          for (const id of Object.values(ids)) if (text.includes(`'${id}'`)) offenders.push(`${path.relative(root, full)}: '${id}'`);
        }
      }
    };
    walk(path.join(root, 'src'));
    assert.deepEqual(offenders, []);
  });
});

