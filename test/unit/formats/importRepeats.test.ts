import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../src/core/annotations/annotationModel';
import { annotationFromImport } from '../../../src/core/formats/formatModel';
import { importAs } from '../../../src/core/formats/formatRegistry';
import { withoutRepeats } from '../../../src/core/formats/importRepeats';

const TEXT = 'Marta Lindqvist spoke in Port Elsby on Tuesday.\n';

function item(start: number, end: number, label: string, note = ''): object {
  return {
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: label }, ...(note ? [{ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/markdown' }] : [])],
    target: { source: 'a.txt', selector: [{ type: 'TextPositionSelector', start, end }, { type: 'TextQuoteSelector', exact: TEXT.slice(start, end) }] },
  };
}

/** A W3C file read as the CLI and the extension read it, each item given a fresh id. */
function imported(items: readonly object[]): Annotation[] {
  const result = importAs('w3c', JSON.stringify({ type: 'AnnotationCollection', items }), { articles: [{ article: 'a.txt', date: null, text: TEXT }], articleKeyOf: () => 'a.txt' });
  assert.deepEqual(result.problems, []);
  return result.annotations.map((a, i) => annotationFromImport(a, `id-${i}`, '2026-12-02T00:00:00.000Z'));
}

describe('repeats within an import', () => {
  it('adds an annotation written twice in one file once, and counts the repeat', () => {
    const all = imported([item(0, 15, 'person', 'The mayor'), item(25, 35, 'place'), item(0, 15, 'person', 'The mayor'), item(25, 35, 'place'), item(25, 35, 'place')]);
    assert.equal(all.length, 5, 'the format reads every item');
    const { kept, repeated } = withoutRepeats(all);
    assert.equal(repeated, 3);
    assert.deepEqual(kept.map((a) => [a.quote.exact, a.label, a.note]), [['Marta Lindqvist', 'person', 'The mayor'], ['Port Elsby', 'place', '']]);
    assert.deepEqual(kept.map((a) => a.id), ['id-0', 'id-1'], 'the first of each is kept, in order');
  });

  it('keeps annotations that differ in span, label or note', () => {
    const all = imported([item(0, 15, 'person'), item(0, 5, 'person'), item(0, 15, 'quote'), item(0, 15, 'person', 'The mayor'), item(0, 15, 'person', 'the mayor')]);
    const { kept, repeated } = withoutRepeats(all);
    assert.equal(repeated, 0);
    assert.equal(kept.length, 5);
  });

  it('leaves a list without repeats as it is', () => {
    assert.deepEqual(withoutRepeats([]), { kept: [], repeated: 0 });
    const all = imported([item(0, 15, 'person'), item(25, 35, 'place')]);
    assert.deepEqual(withoutRepeats(all).kept, all);
  });
});
