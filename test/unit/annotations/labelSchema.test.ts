import * as assert from 'node:assert/strict';
import { DEFAULT_ANNOTATION_LABELS, readLabels } from '../../../src/core/annotations/labelSchema';

describe('annotation label schema', () => {
  it('uses the defaults when nothing is set, and says why when the setting is not a list', () => {
    assert.equal(readLabels(undefined), DEFAULT_ANNOTATION_LABELS);
    const problems: string[] = [];
    assert.equal(readLabels({ name: 'x' }, problems), DEFAULT_ANNOTATION_LABELS);
    assert.deepEqual(problems, ['labels must be a list of { "name", "color" } entries; the default labels are used']);
  });

  it('takes names alone or with colour and description, trimmed, the first of a repeated name', () => {
    const problems: string[] = [];
    const labels = readLabels(['source', { name: ' claim ', color: ' #ABC ', description: 'To check' }, { name: 'claim', color: '#000000' }], problems);
    assert.deepEqual(labels, [
      { name: 'source', color: '#64748b', description: '' },
      { name: 'claim', color: '#ABC', description: 'To check' },
    ]);
    assert.deepEqual(problems, ['label "claim" is listed twice; the first one is used']);
  });

  it('replaces a colour that is not hex by the label\'s default one, and names each bad entry', () => {
    const problems: string[] = [];
    const labels = readLabels([{ name: 'person', color: 'red' }, { color: '#fff' }, 42, { name: '' }, { name: 'constructor' }, { name: '__proto__', color: '#12345678' }], problems);
    assert.deepEqual(labels, [
      { name: 'person', color: '#2563eb', description: '' },
      { name: 'constructor', color: '#64748b', description: '' },
      { name: '__proto__', color: '#12345678', description: '' },
    ]);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems[0]!, /label "person" has colour "red", not a hex colour like #2563eb; #2563eb is used/);
  });

  it('falls back to the defaults when no entry is usable, and says so', () => {
    const problems: string[] = [];
    assert.equal(readLabels([{}, null], problems), DEFAULT_ANNOTATION_LABELS);
    assert.equal(problems.at(-1), 'no label in the labels setting is usable; the default labels are used');
  });
});
