import * as assert from 'node:assert/strict';
import { createAnnotation, updateAnnotation } from '../../../src/core/annotations/annotationFactory';
import { annotationProblem } from '../../../src/core/annotations/schemaVersions';

const TEXT = 'The harbour master of Port Vell said on Monday that the ferry company would resume crossings.';

describe('note replies', () => {
  const base = createAnnotation({ article: 'a.txt', text: TEXT, start: 22, end: 31, label: 'place', note: 'Checked\n\n- map\n- **port** records', now: new Date('2024-01-01T00:00:00Z') });

  it('a new annotation has no replies field, and is valid as before', () => {
    assert.equal('replies' in base, false);
    assert.equal(annotationProblem(JSON.parse(JSON.stringify(base))), undefined);
  });

  it('adds, keeps and removes replies through updateAnnotation', () => {
    const replied = updateAnnotation(base, { replies: [{ body: 'Agreed', created: '2024-01-02T00:00:00.000Z' }] });
    assert.deepEqual(replied.replies, [{ body: 'Agreed', created: '2024-01-02T00:00:00.000Z' }]);
    assert.equal(replied.note, base.note);
    const relabelled = updateAnnotation(replied, { label: 'organization' });
    assert.deepEqual(relabelled.replies, replied.replies, 'other changes keep the replies');
    const cleared = updateAnnotation(relabelled, { replies: [] });
    assert.equal('replies' in cleared, false, 'no empty list is stored');
    assert.equal(annotationProblem(JSON.parse(JSON.stringify(replied))), undefined);
  });

  it('refuses replies of the wrong shape', () => {
    assert.match(annotationProblem({ ...base, replies: 'no' }) ?? '', /replies/);
    assert.match(annotationProblem({ ...base, replies: [{ body: 1, created: 'x' }] }) ?? '', /replies/);
  });
});
