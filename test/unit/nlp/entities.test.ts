// Each entity rule pinned on sentences written for these tests (invented names, no evaluation text).
import * as assert from 'node:assert/strict';
import type { Analysis, AnalyzeOptions, EntityType } from '../../../src/core/nlp/analysisModel';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

const TYPE = { person: 'PER', place: 'LOC', organization: 'ORG' } as const;

function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const analysis = analyzeArticle(text, { articleDate: null, ...options });
  for (const e of analysis.entities) assert.equal(text.slice(e.start, e.end), e.text, 'every span quotes the text');
  return analysis;
}

/** "Text/TYPE" for every entity, in text order. */
function found(text: string, options: AnalyzeOptions = {}): string[] {
  return analyze(text, options).entities.map((e) => `${e.text}/${TYPE[e.type]}`);
}

function typeOf(text: string, surface: string): EntityType | undefined {
  return analyze(text).entities.find((e) => e.text === surface)?.type;
}

describe('entities: exact spans', () => {
  it('leaves titles out of a person', () => {
    assert.deepEqual(found('Yesterday President Marta Kowalczyk opened the bridge.'), ['Marta Kowalczyk/PER']);
    assert.deepEqual(found('The talks were led by Gen. Oskar Vilhelmsen of the army.'), ['Oskar Vilhelmsen/PER']);
    assert.deepEqual(found('Officials said Secretary of State Lionel Abernathy will travel.'), ['Lionel Abernathy/PER']);
  });

  it('leaves a role noun out: "spokesman X Y"', () => {
    assert.deepEqual(found('The agency’s spokeswoman Ilse Brandvold declined to comment.'), ['Ilse Brandvold/PER']);
  });

  it('leaves a possessive and quotation marks out of the span', () => {
    assert.deepEqual(found('Nobody expected Tomasz Wierzbicki’s resignation.'), ['Tomasz Wierzbicki/PER']);
    assert.deepEqual(found('It was "Tomasz Wierzbicki" who spoke first, said Dana Ferriter.'), ['Tomasz Wierzbicki/PER', 'Dana Ferriter/PER']);
  });

  it('keeps the final dot of an abbreviation and stops at a sentence that follows it', () => {
    assert.deepEqual(found('The delegation flew to the U.S. The talks begin soon.'), ['U.S./LOC']);
  });
});

describe('entities: persons by form and context', () => {
  it('finds a name before a speech verb and after an inverted one', () => {
    assert.equal(typeOf('Zorvan Feluzzi said the road would reopen.', 'Zorvan Feluzzi'), 'person');
    assert.equal(typeOf('"The road will reopen," said Zorvan Feluzzi.', 'Zorvan Feluzzi'), 'person');
  });

  it('finds a name after an honorific or a lowercase role', () => {
    assert.equal(typeOf('The report was written by striker Ugo Brancaleoni last year.', 'Ugo Brancaleoni'), 'person');
    assert.equal(typeOf('A letter from Mrs Odalys Pemberton arrived.', 'Odalys Pemberton'), 'person');
  });

  it('takes a first name as the start of a person after a descriptor', () => {
    assert.deepEqual(found('The film starred Methodist Michael Quennell as the pilot.'), ['Michael Quennell/PER']);
  });

  it('does not take a speech verb’s listener for a speaker with "told"', () => {
    assert.notEqual(typeOf('The mayor told Harbour Weekly that taxes would rise.', 'Harbour Weekly'), 'person');
  });
});

describe('entities: organizations by form', () => {
  it('types names with an organization head', () => {
    const text =
      'The Ministry of Water Resources and the Dunmore Police Department met the Valdoran National Party, ' +
      'the Coastal Fisheries Authority and the Institute for Tidal Research.';
    assert.deepEqual(found(text), [
      'Ministry of Water Resources/ORG',
      'Dunmore Police Department/ORG',
      'Valdoran National Party/ORG',
      'Coastal Fisheries Authority/ORG',
      'Institute for Tidal Research/ORG',
    ]);
  });

  it('splits enumerated organizations at "and"', () => {
    assert.deepEqual(found('Scientists from the Norland University of Science and the Vesterby Institute agreed.'), [
      'Norland University of Science/ORG',
      'Vesterby Institute/ORG',
    ]);
  });

  it('knows widely known acronyms and treats an unknown all-capitals word as an organization', () => {
    assert.deepEqual(found('The plan was backed by NATO and reported by the BBC and the KPVB.'), ['NATO/ORG', 'BBC/ORG', 'KPVB/ORG']);
    assert.deepEqual(found('He watched TV until the CEO arrived.'), []);
  });

  it('drops events, works and storms, which are neither organizations nor places', () => {
    assert.deepEqual(found('Thousands attended the Harbour Kite Festival in Bergen.'), ['Bergen/LOC']);
    assert.deepEqual(found('The 12th Fjord Film Expo Norway 2019 drew crowds.'), []);
    assert.deepEqual(found('Hurricane Dolores reached Cuba on Monday.'), ['Cuba/LOC']);
  });

  it('types companies by their last word, and a city club beating another as a team', () => {
    assert.deepEqual(found('Shares of Kestrel Freight Logistics and Avenor Pharmaceuticals rose on the Oslo Stock Exchange.'), [
      'Kestrel Freight Logistics/ORG',
      'Avenor Pharmaceuticals/ORG',
      'Oslo Stock Exchange/ORG',
    ]);
    assert.equal(typeOf('On Sunday Lisbon beat Porto 3 - 1 in the league.', 'Porto'), 'organization');
  });
});

describe('entities: places', () => {
  it('finds countries and cities from the gazetteer, and a place before ", Region"', () => {
    assert.deepEqual(found('The convoy left Nairobi, Kenya, for a village near Dunmore, Texas, on foot.'), [
      'Nairobi/LOC',
      'Kenya/LOC',
      'Dunmore/LOC',
      'Texas/LOC',
    ]);
  });

  it('never takes a nationality adjective for a place', () => {
    assert.deepEqual(found('Kenyan officials and American diplomats met Afghan elders.'), []);
  });

  it('reads a place before a title: "US President X"', () => {
    assert.deepEqual(found('The letter went to French President Aurelie Moncrieff and to US Senator Bill Hatterly.'), [
      'Aurelie Moncrieff/PER',
      'US/LOC',
      'Bill Hatterly/PER',
    ]);
  });

  it('takes a name right after a kind of organization for that organization', () => {
    assert.equal(typeOf('The study appeared in the journal Polar Fisheries Review last spring.', 'Polar Fisheries Review'), 'organization');
    assert.equal(typeOf('Shares of the carmaker Veltro fell sharply.', 'Veltro'), 'organization');
    assert.equal(typeOf('The band Glass Harbour played until midnight.', 'Glass Harbour'), 'organization');
    assert.equal(typeOf('The team Norway fielded was young.', 'Norway'), 'place', 'a place stays a place');
  });

  it('takes a country playing a match for a team', () => {
    assert.equal(typeOf('In the final, Norway defeated Chile 2 – 1 after extra time.', 'Norway'), 'organization');
    assert.equal(typeOf('Norway is a country of fjords.', 'Norway'), 'place');
    assert.equal(typeOf("In the semi-final Kari Moen beat Chile's Pablo Ortega in straight sets.", 'Chile'), 'place');
  });

  it('takes the names of a results line for teams', () => {
    assert.deepEqual(found('Results on Saturday:\n\nRedfield Rovers 2 Easton Athletic 1'), ['Redfield Rovers/ORG', 'Easton Athletic/ORG']);
    assert.deepEqual(found('Standings:\n\nLisbon 3 2 1 0 6 2 7\n\nEaston Athletic 3 2 0 1 7 4 6'), ['Lisbon/ORG', 'Easton Athletic/ORG']);
  });
});

describe('entities: sentence-initial words', () => {
  it('does not take an ordinary capitalised first word for a name', () => {
    assert.deepEqual(found('Meanwhile the rain continued. Officials closed the road.'), []);
  });

  it('takes a sentence-initial surname for the person the article named', () => {
    const a = analyze('The inquiry was led by Halvard Brekkestad. Brekkestad refused to comment on Friday.');
    assert.deepEqual(
      a.entities.map((e) => [e.text, e.type, e.canonical]),
      [
        ['Halvard Brekkestad', 'person', 'Halvard Brekkestad'],
        ['Brekkestad', 'person', 'Halvard Brekkestad'],
      ],
    );
  });
});

describe('entities: aliases', () => {
  const text =
    'Prime Minister Ingrid Solvang visited Tromsø. Later Ms Solvang said the port would stay open. ' +
    '"We stay," Solvang added. The North Atlantic Fisheries Organization (NAFO) agreed, and NAFO will meet again.';

  it('gives a later surname, with or without a title, the full name as canonical', () => {
    const a = analyze(text);
    const solvang = a.entities.filter((e) => e.canonical === 'Ingrid Solvang');
    assert.deepEqual(
      solvang.map((e) => [e.text, e.type]),
      [
        ['Ingrid Solvang', 'person'],
        ['Solvang', 'person'],
        ['Solvang', 'person'],
      ],
    );
    assert.deepEqual(a.aliases['Ingrid Solvang'], ['Ingrid Solvang', 'Solvang']);
  });

  it('types a lone surname the same way throughout the article when one mention has strong evidence', () => {
    const a = analyze('Governor Tamsin Okonkwo-free talks stalled. President Halvorsen spoke on Monday. The dispute will trail Halvorsen as winter nears.');
    assert.deepEqual(
      a.entities.filter((e) => e.text === 'Halvorsen').map((e) => e.type),
      ['person', 'person'],
    );
  });

  it('links a surname in an all-capitals headline to the full name in the body', () => {
    const a = analyze('SAILING - LUNDQVIST TAKES HARBOUR TROPHY .\n\nSwedish skipper Maja Lundqvist won the harbour trophy on Sunday .');
    const headline = a.entities.find((e) => e.text === 'LUNDQVIST');
    assert.equal(headline?.type, 'person');
    assert.equal(headline?.canonical, 'Maja Lundqvist');
  });

  it('links an acronym to the organization the text defines it for', () => {
    const a = analyze(text);
    const nafo = a.entities.filter((e) => e.text === 'NAFO');
    assert.equal(nafo.length, 2);
    for (const e of nafo) assert.deepEqual([e.type, e.canonical], ['organization', 'North Atlantic Fisheries Organization']);
    assert.deepEqual(a.aliases['North Atlantic Fisheries Organization'], ['North Atlantic Fisheries Organization', 'NAFO']);
  });

  it('types a surname alone as a person even where it names a place, once its full name was a person', () => {
    const a = analyze('The singer Valeria Sydney arrived late. Sydney then sang two songs.');
    assert.deepEqual(
      a.entities.map((e) => [e.text, e.type]),
      [
        ['Valeria Sydney', 'person'],
        ['Sydney', 'person'],
      ],
    );
  });
});

describe('entities: the user lexicon, applied after the rules', () => {
  const text = 'Oren Taldovsky said the Harbour Trust would meet in Bergen. Taldovsky left.';

  it('rejects a surface form', () => {
    assert.deepEqual(found(text, { lexicon: [{ text: 'Bergen', action: 'reject' }] }), [
      'Oren Taldovsky/PER',
      'Harbour Trust/ORG',
      'Taldovsky/PER',
    ]);
  });

  it('retypes a surface form', () => {
    const out = found(text, { lexicon: [{ text: 'Harbour Trust', action: 'retype', type: 'place' }] });
    assert.ok(out.includes('Harbour Trust/LOC'));
  });

  it('accepts a form everywhere it occurs, over what the rules found there', () => {
    const out = found('The quayside group gathered. Later the quayside group left.', {
      lexicon: [{ text: 'quayside group', action: 'accept', type: 'organization' }],
    });
    assert.deepEqual(out, ['quayside group/ORG', 'quayside group/ORG']);
  });
});

describe('entities: headlines in capitals', () => {
  it('finds only names the data or compromise know in an all-capitals line', () => {
    const out = found('FLOODS - NORWAY CLOSES ROADS AS RIVERS RISE .\n\nThe roads near Bergen were closed.');
    assert.ok(out.includes('NORWAY/LOC'));
    assert.ok(!out.some((e) => /ROADS|FLOODS|RIVERS/.test(e)));
  });
});
