// Cues around names nobody has used (issue 9, session 21): what the words next to an unknown name say it is, pinned on
// invented sentences with invented names.
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

const entities = (text: string): [string, string][] => analyzeArticle(text, { articleDate: null }).entities.map((e) => [e.text, e.type]);
const typeOf = (text: string, name: string): string | undefined => entities(text).find(([t]) => t === name)?.[1];

describe('entities: cues around unknown names', () => {
  it('an award named for its sponsor ("the X Man of the Match award") leaves the sponsor, an organization', () => {
    const found = entities('Tomas Havrell won the Kestrova Man of the Match award after the game.');
    assert.equal(found.find(([t]) => t.includes('Kestrova'))?.[0], 'Kestrova', JSON.stringify(found));
    assert.equal(typeOf('Tomas Havrell won the Kestrova Man of the Match award after the game.', 'Kestrova'), 'organization');
    assert.ok(!found.some(([t]) => /Man|Match/.test(t)), JSON.stringify(found));
  });

  it('a town named before its police or sheriff is the place', () => {
    assert.equal(typeOf('A detective for the Dravmoor Sheriff\'s office was told on Monday.', 'Dravmoor'), 'place');
    assert.equal(typeOf('He walked into the East Dravmoor sheriff\'s station.', 'East Dravmoor'), 'place');
    assert.equal(typeOf('The Kessfold police said the road was closed.', 'Kessfold'), 'place');
  });

  it('a name of several words playing with a score is a team', () => {
    assert.equal(typeOf('In the first game, Godrost defeated South Varnia 1 – 0 on a late goal.', 'South Varnia'), 'organization');
    assert.equal(typeOf('Varnia Republic lost 2-0 to Godrost in the opener.', 'Varnia Republic'), 'organization');
  });

  it('a group of a tournament named by a letter is an organization', () => {
    const found = entities('Group F — Godrost 1 – 0 Varnia\n\nIn the first game of Group F, Godrost faced Varnia.');
    assert.deepEqual(found.filter(([t]) => t.startsWith('Group')), [['Group F', 'organization'], ['Group F', 'organization']]);
  });
});

describe('entities: one sense for teams', () => {
  it("a word of a team's name of several words names the team alone too", () => {
    const text = 'Godrost defeated South Varnia 1 – 0 on Friday.\n\nVarnia substituted Ada Brisk in the 28th minute, and Godrost held on. The lead for Varnia never came.';
    const found = entities(text);
    assert.deepEqual(found.filter(([t]) => t === 'Varnia'), [['Varnia', 'organization'], ['Varnia', 'organization']], JSON.stringify(found));
  });
});
