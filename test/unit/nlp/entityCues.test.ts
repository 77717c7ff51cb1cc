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

  it('a people in the plural after "the" is a side in a match report, and nowhere else', () => {
    const report = entities('Group C — North Macedonia 2 – 1 Estonia. Estonia faced North Macedonia in Tallinn. A volley put the Estonians in the lead, but the Macedonians won.');
    assert.deepEqual(report.filter(([t]) => t.endsWith('ians')), [['Estonians', 'organization'], ['Macedonians', 'organization']], JSON.stringify(report));
    assert.deepEqual(entities('Polls say the Estonians will vote on Sunday.'), []);
  });

  it("a word of a team's name that the gazetteer knows as a place is the team too, where the team plays, not where one goes", () => {
    const text =
      'Group C — North Macedonia 2 – 1 Estonia. Estonia faced North Macedonia in Tallinn. Macedonia substituted Ivo Stanev in the 30th minute. ' +
      "Late on, Olev Tamm missed a chance to equalise for Estonia, and Macedonia's keeper Boris Lazov was booked. The squad flew home to Macedonia on Monday.";
    const found = entities(text);
    assert.deepEqual(found.filter(([t]) => t === 'Macedonia'), [['Macedonia', 'organization'], ['Macedonia', 'organization'], ['Macedonia', 'place']], JSON.stringify(found));
  });
});

describe('entities: places and organizations by the words next to one unknown name', () => {
  it('a place: next to it, after a place and a comma, before a lowercase kind of territory', () => {
    assert.equal(typeOf('The plant lies next to Tollmere, on the river.', 'Tollmere'), 'place');
    assert.equal(typeOf('She was kept at a base in Kessby, Tarnland until she was eighteen.', 'Tarnland'), 'place');
    assert.equal(typeOf('Schools in Kessby, Tarnland, were told to pay.', 'Tarnland'), 'place');
    assert.equal(typeOf('The president of the Dornova region reacted on Monday.', 'Dornova'), 'place');
    assert.equal(typeOf('Crowds filled the Varsel and Omby districts.', 'Varsel'), 'place');
  });

  it('no place after a place and a comma where the name acts or speaks', () => {
    assert.notEqual(typeOf('In Kessby, Velmora opened a new store.', 'Velmora'), 'place');
    assert.notEqual(typeOf('In Kessby, Brannock said the store would open.', 'Brannock'), 'place');
  });

  it('an organization: before its founder or creator, after "founder of"', () => {
    assert.equal(typeOf('Velmora co-founder Ada Brisk tweeted her support.', 'Velmora'), 'organization');
    assert.equal(typeOf('Praise came from Quillet creator Tomas Havrell.', 'Quillet'), 'organization');
    assert.equal(typeOf('Co-founder of Skelvar, Ada Brisk, met him on Friday.', 'Skelvar'), 'organization');
    assert.equal(typeOf('He spoke to the founder of Skelvar last week.', 'Skelvar'), 'organization');
  });

  it('a descriptor ending like a follower before an unknown full name leaves the person', () => {
    assert.deepEqual(entities('The video featured Varnist Kex Tollander at a gala.').filter(([t]) => t.includes('Kex')), [['Kex Tollander', 'person']]);
  });
});

describe('entities: acronyms that name no organization', () => {
  it('an acronym the text defines by lowercase words is a term throughout the article', () => {
    const found = entities('Satellites measure the sea surface salinity (SSS) of the oceans.\n\nNew SSS maps came out in May, and the Ostland Space Agency (OSA) praised them.');
    assert.ok(!found.some(([t]) => t === 'SSS'), JSON.stringify(found));
    assert.ok(found.some(([t, k]) => t === 'OSA' && k === 'organization'), JSON.stringify(found));
  });

  it('a term\'s small words need no letter of its acronym', () => {
    const found = entities('We used the soil moisture and ocean salinity (SMOS) readings.\n\nNew SMOS maps came out in May.');
    assert.ok(!found.some(([t]) => t === 'SMOS'), JSON.stringify(found));
    const spelledWrong = entities('They counted the river and lake fish (RF) last year. The RF said it would count again.');
    assert.ok(spelledWrong.some(([t]) => t === 'RF'), 'only small words are skipped: "lake" is not');
  });

  it('an acronym defined by capitalised English words that name no body is a term, and so is its long form', () => {
    const lamp = entities('Most homes use a Compact Fluorescent Lamp (CFL).\n\nThe CFL holds mercury, and CFL bulbs break.');
    assert.deepEqual(lamp, [], JSON.stringify(lamp));
    const prices = entities('Rents are tied to the Consumer Price Index (CPI), which rose. The CPI fell in May.');
    assert.deepEqual(prices, [], JSON.stringify(prices));
  });

  it('a body\'s word, a watchdog\'s or a place makes the long form a name, as before', () => {
    assert.equal(typeOf('Open Harbour Watch (OHW) said on Monday the ferry was unsafe.', 'OHW'), 'organization');
    assert.equal(typeOf('The Green Valley Party (GVP) said it would vote.', 'GVP'), 'organization');
    assert.equal(typeOf('The Ostland Space Agency (OSA) praised them.', 'OSA'), 'organization');
    assert.equal(typeOf('Farmers from the Coastal Growers Network (CGN) protested.', 'CGN'), 'organization');
  });

  it('capitals right after a number are a unit or a currency', () => {
    const found = entities('A kayak costs 125 DKV per hour, and the KVL said prices would rise.');
    assert.ok(!found.some(([t]) => t === 'DKV'), JSON.stringify(found));
    assert.ok(found.some(([t]) => t === 'KVL'), JSON.stringify(found));
    assert.equal(typeOf('He played at the 2018 KVL football World Cup.', 'KVL'), 'organization');
  });
});

describe('entities: platforms and movements', () => {
  it('where something is posted or shared is an organization', () => {
    assert.equal(typeOf('She posted the picture to Quillet on Monday.', 'Quillet'), 'organization');
    assert.equal(typeOf('The hashtag was used in messages on Quillet a million times.', 'Quillet'), 'organization');
  });

  it('the name a church or order is "of" is that organization alone too', () => {
    const found = entities('Critics of the Church of Velmorism spoke out. Velmorism has been waging a long fight, and she lost her savings to Velmorism.');
    assert.deepEqual(found.filter(([t]) => t === 'Velmorism'), [['Velmorism', 'organization'], ['Velmorism', 'organization']], JSON.stringify(found));
  });
});

describe('entities: citations in academic text', () => {
  it('an author cited by year or "et al." is a person', () => {
    assert.equal(typeOf('This was shown by Quarrendt (1964) for poetry.', 'Quarrendt'), 'person');
    assert.equal(typeOf('Earlier work (Quarrendt, 2016; Vellish & Tormo, 2014) disagreed.', 'Quarrendt'), 'person');
    assert.equal(typeOf('Earlier work (Quarrendt, 2016; Vellish & Tormo, 2014) disagreed.', 'Tormo'), 'person');
    assert.equal(typeOf('As Brannel et al. argued, the effect is small.', 'Brannel'), 'person');
  });
});
