// Every placed annotation an export drops or changes is named: CoNLL dropped white-space-only annotations without a
// count, brat cut a trailing line break off a span, and a span starting inside a surrogate pair shifted, silently.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXPORT_COMMAND } from '../../../src/cli/export';
import { runCommand } from '../../../src/cli/runCommand';
import { createAnnotation } from '../../../src/core/annotations/annotationFactory';
import type { Annotation } from '../../../src/core/annotations/annotationModel';
import { exportW3C } from '../../../src/core/formats/w3c';
import { exportChanges, insideSurrogatePair } from '../../../src/core/formats/exportChanges';

const KEY = 'a.txt';
const TEXT = 'Maria Lopez arrived.\n\nThe \u{1F600} smile of Lisbon.\n';

function at(start: number, end: number, label = 'person'): Annotation {
  return createAnnotation({ article: KEY, text: TEXT, start, end, label });
}

describe('export changes are reported', () => {
  const blank = at(TEXT.indexOf(' arrived'), TEXT.indexOf(' arrived') + 1, 'claim');
  const withBreak = at(TEXT.indexOf('arrived.'), TEXT.indexOf('arrived.') + 'arrived.\n'.length, 'event');
  const astral = TEXT.indexOf('\u{1F600}');
  const halfPair = at(astral + 1, TEXT.indexOf(' smile') + ' smile'.length, 'claim');
  const lisbon = at(TEXT.indexOf('Lisbon'), TEXT.indexOf('Lisbon') + 6, 'place');
  const all = [blank, withBreak, halfPair, lisbon];
  const articles = [{ article: KEY, date: null, text: TEXT }];

  it('names the white-space-only annotation CoNLL leaves out', () => {
    const changes = exportChanges('conll', all, articles);
    assert.equal(changes.length, 1, changes.join('\n'));
    assert.match(changes[0]!, /a\.txt \d+-\d+ " " \(claim\): only white space, not exported/);
  });

  it('names the line break brat cuts off and the span that starts inside a surrogate pair', () => {
    assert.ok(insideSurrogatePair(TEXT, astral + 1));
    const changes = exportChanges('brat', all, articles);
    assert.ok(changes.some((c) => /"arrived\. " \(event\): the line break at its end is left out/.test(c)), changes.join('\n'));
    assert.ok(changes.some((c) => /\(claim\): starts inside a surrogate pair; exported from the character after it/.test(c)), changes.join('\n'));
    assert.ok(!changes.some((c) => /Lisbon/.test(c)), 'an unchanged span is not named');
    const jsonl = exportChanges('spacy', all, articles);
    assert.equal(jsonl.length, 1, jsonl.join('\n'));
    assert.deepEqual(exportChanges('w3c', all, articles), []);
  });

  it('the command line prints each of them as a warning', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'export-changes-'));
    try {
      writeFileSync(path.join(dir, KEY), TEXT);
      writeFileSync(path.join(dir, 'a.jsonld'), exportW3C(all, [{ article: KEY, date: null }]));
      for (const [format, expected] of [['conll', /warning: a\.txt \d+-\d+ " " \(claim\): only white space, not exported/], ['brat', /warning: .*\(event\): the line break at its end is left out/]] as const) {
        let stderr = '';
        const status = await runCommand(EXPORT_COMMAND, ['--annotations', path.join(dir, 'a.jsonld'), '--format', format, '--root', dir, '--out', path.join(dir, `out-${format}`)], { stdout: () => undefined, stderr: (t) => (stderr += t) });
        assert.equal(status, 0, stderr);
        assert.match(stderr, expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
