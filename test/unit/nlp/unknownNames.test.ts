// Rules for names nobody has used before (no gazetteer, no lexicon entry): typed by the words around them, pinned on
// invented sentences with invented names.
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

const entities = (text: string): [string, string][] => analyzeArticle(text, { articleDate: null }).entities.map((e) => [e.text, e.type]);
const typeOf = (text: string, name: string): string | undefined => entities(text).find(([t]) => t === name)?.[1];

describe('entities: unknown names', () => {
  it('an unknown name where something goes or comes from is a place', () => {
    assert.equal(typeOf('The delegation flew back to Quorvath on Sunday.', 'Quorvath'), 'place');
    assert.equal(typeOf('Refugees from Drennick crossed the river.', 'Drennick'), 'place');
    assert.equal(typeOf('She travelled to Ostravel with her brother.', 'Ostravel'), 'place');
    assert.equal(typeOf('A 12-year-old girl from Halvoy won the prize.', 'Halvoy'), 'place');
  });

  it('a motion word does not make a place of a known given name, nor of a name that speaks', () => {
    assert.notEqual(typeOf('The parcel was sent to Marion last week.', 'Marion'), 'place');
    assert.notEqual(typeOf('Visitors from Brantwell said the fair was too crowded.', 'Brantwell'), 'place');
  });

  it('names listed together are of one kind: an untyped member takes the type the typed ones agree on', () => {
    const found = entities('Teams from Quorvath, Drennick, Halvoy and Sollum took part.');
    for (const name of ['Quorvath', 'Drennick', 'Halvoy', 'Sollum']) assert.equal(found.find(([t]) => t === name)?.[1], 'place', JSON.stringify(found));
    const people = entities('The prize went to Tomas Havrell, Ada Brisk and Velko.');
    assert.equal(people.find(([t]) => t === 'Velko')?.[1], 'person', JSON.stringify(people));
  });

  it('a list whose typed members disagree types no one', () => {
    const found = entities('Guests came from Tomas Havrell, Halvard Foods Inc. and Quellmar.');
    assert.equal(found.find(([t]) => t === 'Quellmar'), undefined, JSON.stringify(found));
  });

  it('a listed name typed weakly takes the kind its surely typed members agree on', () => {
    const found = entities('The regulator fined the lenders Quorvath Brenning and Halvoy Marsk last year.');
    assert.equal(found.find(([t]) => t === 'Quorvath Brenning')?.[1], 'organization', JSON.stringify(found));
    assert.equal(found.find(([t]) => t === 'Halvoy Marsk')?.[1], 'organization', JSON.stringify(found));
  });

  it('a name and a place after a comma are no list: the apposition keeps its person', () => {
    const found = entities('After the match, Tomas Havrell, Norway coach, said the side had played well.');
    assert.equal(found.find(([t]) => t === 'Tomas Havrell')?.[1], 'person', JSON.stringify(found));
  });

  it('a kind of organization before or after a name makes an organization, in the plural too', () => {
    assert.equal(typeOf('Drennick Varo, a private school in the north, closed on Friday.', 'Drennick Varo'), 'organization');
    assert.equal(typeOf('Readers of the publication Skarvel Tidend wrote in.', 'Skarvel Tidend'), 'organization');
    const found = entities('The court ordered the schools Ostrava Lemming and Brisa Holt to pay the tax.');
    assert.equal(found.find(([t]) => t === 'Brisa Holt')?.[1], 'organization', JSON.stringify(found));
  });

  it('a name that does something to "its" own is an organization', () => {
    assert.equal(typeOf('Brantwell cut its forecast on Monday.', 'Brantwell'), 'organization');
    assert.equal(typeOf('Kestrel Varn quietly raised its prices.', 'Kestrel Varn'), 'organization');
    assert.equal(typeOf('Tomas Havrell said its value fell.', 'Tomas Havrell'), 'person');
  });

  it('a place noun and "of" before an unknown name make a place, and the list after it places', () => {
    assert.equal(typeOf('He was wounded at the battle of Kessfold in 1660.', 'Kessfold'), 'place');
    assert.equal(typeOf('She was a native of Sorvik and spoke three languages.', 'Sorvik'), 'place');
    const found = entities('Water was cut off in the neighbouring villages of Arnby and Tollo.');
    assert.equal(found.find(([t]) => t === 'Tollo')?.[1], 'place', JSON.stringify(found));
  });

  it('a local body "of" an unknown name serves a place: "the harbour board of X", "the town council of X"', () => {
    assert.equal(typeOf('The harbour board of Trelmouth said fees would rise.', 'Trelmouth'), 'place');
    assert.equal(typeOf('A spokesman for the water board of Ossenvik confirmed the plan.', 'Ossenvik'), 'place');
    assert.equal(typeOf('The town council of Brevaine voted on Monday.', 'Brevaine'), 'place');
    assert.equal(typeOf('The port authority of Kallendor closed two quays.', 'Kallendor'), 'place');
    // a company's board stays the company's
    assert.notEqual(typeOf('The board of Quillvane Holdings approved the merger.', 'Quillvane Holdings'), 'place');
    assert.notEqual(typeOf('The supervisory board of Morlenco met on Friday.', 'Morlenco'), 'place');
  });

  it('"Team" before a name names the team, at a sentence\'s start too; not a role nor a person', () => {
    assert.equal(typeOf('Team Ostravel had to rebuild their robot.', 'Team Ostravel'), 'organization');
    assert.equal(typeOf('Riders from Team Kessvale led the race.', 'Team Kessvale'), 'organization');
    assert.equal(typeOf('Team captain Ada Brisk scored twice.', 'Ada Brisk'), 'person');
    assert.deepEqual(entities('The Team Leader said it was fine.'), []);
  });
});
