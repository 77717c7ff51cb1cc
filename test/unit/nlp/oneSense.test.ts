// One sense per article (issue 9): evidence in one sentence types the same name elsewhere. Invented sentences.
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';

const typesOf = (text: string, name: string): string[] =>
  analyzeArticle(text, { articleDate: null })
    .entities.filter((e) => e.text === name)
    .map((e) => e.type);

describe('entities: one sense per article', () => {
  it('a name of several words typed weakly takes what the article says of it surely elsewhere', () => {
    const text = ['Tolvik Harran, a fishing village in the north, lost power.', 'Engineers said Tolvik Harran would wait two days.'].join('\n\n');
    assert.deepEqual(typesOf(text, 'Tolvik Harran'), ['place', 'place']);
  });

  it('a given name alone stands for a full name only when that name is surely a person\'s', () => {
    const guide = 'Velby\n\nVelby is an old cathedral city in the north. Velby Halmar runs the buses from the station. Visitors reach Velby by train, and Velby has two museums.';
    assert.deepEqual(typesOf(guide, 'Velby'), []);
    const story = 'Torvel Anskar, 41, runs the ferry. Torvel started at the harbour as a boy.';
    assert.deepEqual(typesOf(story, 'Torvel'), ['person']);
  });

  it('among weak typings of a name, what most of its mentions say', () => {
    const text = ['Floods hit Varn Kessa on Monday.', 'Roads in Varn Kessa were closed.', 'Schools in Varn Kessa reopened on Friday.'].join('\n\n');
    assert.deepEqual(typesOf(text, 'Varn Kessa'), ['place', 'place', 'place']);
  });

  it("a country seen playing is the team in the rest of the match report", () => {
    const text = [
      'Norway beat Chile in the opening match on Saturday.',
      'Chile lost 0 – 2 to Norway after a late goal.',
      "Norway had more of the ball, and Norway's captain scored twice.",
    ].join('\n\n');
    assert.deepEqual(typesOf(text, 'Norway'), ['organization', 'organization', 'organization', 'organization']);
    assert.deepEqual(typesOf(text, 'Chile'), ['organization', 'organization']);
  });

  it('a mention that says where stays a place', () => {
    const text = ['Norway beat Chile 2 – 0 on Saturday.', 'Chile lost to Norway again.', 'The team then flew home from Norway.'].join('\n\n');
    assert.deepEqual(typesOf(text, 'Norway').slice(-1), ['place']);
  });

  it('one stray sports verb does not turn a country into a team', () => {
    const text = ['Norway beat its own export record this year.', 'Exports from Norway rose, and Norway will publish the figures.'].join('\n\n');
    assert.deepEqual(typesOf(text, 'Norway').slice(1), ['place', 'place']);
  });

  it('sports verbs without a score are no match report', () => {
    const text = ['Norway beat its own export record this year.', 'Norway faced a hard choice, and Norway won the vote.', 'Exports rose, and Norway will publish the figures.'].join('\n\n');
    assert.deepEqual(typesOf(text, 'Norway').slice(-1), ['place']);
  });

  it('a club named in a results line stays an organization in prose', () => {
    const text = ['Ostby Wanderers 2 Brantwell 1', 'Harrowgate 0 Kilnsey Rovers 3', 'Brantwell said the referee had been fair.'].join('\n');
    assert.deepEqual(typesOf(text, 'Brantwell'), ['organization', 'organization']);
  });

  it("a company's full name types its short name, even before 'said'", () => {
    const text = 'Halvard Foods Inc. cut prices in March. Halvard said demand had fallen.';
    assert.deepEqual(typesOf(text, 'Halvard'), ['organization']);
  });

  it("a person's full name keeps its surname a person", () => {
    const text = 'Greta Halvard founded Halvard Foods Inc. in 1990. Halvard said demand had fallen.';
    assert.deepEqual(typesOf(text, 'Halvard'), ['person']);
  });
});
