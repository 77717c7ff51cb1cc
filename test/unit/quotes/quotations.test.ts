import * as assert from 'node:assert/strict';
import type { EntityMention, EntityType } from '../../../src/core/nlp/analysisModel';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';
import { findQuotations, type Quotation } from '../../../src/core/quotes/quotations';

/** Entity mentions at every occurrence of each surface form (longest forms first), so offsets are real. */
function entitiesOf(text: string, names: readonly [string, EntityType, string][]): EntityMention[] {
  const found: EntityMention[] = [];
  const taken = (s: number, e: number): boolean => found.some((m) => m.start < e && s < m.end);
  for (const [surface, type, canonical] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      if (!taken(at, at + surface.length)) found.push({ start: at, end: at + surface.length, text: surface, type, canonical });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const quotesOf = (text: string, names: readonly [string, EntityType, string][] = []): Quotation[] => findQuotations(text, entitiesOf(text, names));
const brief = (q: Quotation): [string, string | null, string | null, string | null] => [q.text, q.speaker, q.speakerType, q.cue];

const LIND: [string, EntityType, string][] = [
  ['Ada Lind', 'person', 'Ada Lind'],
  ['Lind', 'person', 'Ada Lind'],
];

describe('quotations', () => {
  it('covers the quoted words without the marks, punctuation inside kept, offsets into the text', () => {
    const text = 'Harbour news\n\n“We will rebuild the pier,” Ada Lind said on Monday.';
    const [q] = quotesOf(text, LIND);
    assert.ok(q);
    assert.equal(text.slice(q.start, q.end), 'We will rebuild the pier,');
    assert.deepEqual(brief(q), ['We will rebuild the pier,', 'Ada Lind', 'person', 'said']);
    assert.deepEqual(q.cueSpan && text.slice(q.cueSpan.start, q.cueSpan.end), 'said');
  });

  it('finds the speaker after an inverted verb and after "according to"', () => {
    const names: [string, EntityType, string][] = [['Tomas Brenner', 'person', 'Tomas Brenner'], ['Lena Fisk', 'person', 'Lena Fisk']];
    const text = '"The ferry is safe," said Tomas Brenner. The storm was "the worst in forty years," according to Lena Fisk.';
    assert.deepEqual(quotesOf(text, names).map(brief), [
      ['The ferry is safe,', 'Tomas Brenner', 'person', 'said'],
      ['the worst in forty years,', 'Lena Fisk', 'person', 'according to'],
    ]);
  });

  it('splits a quote interrupted by its attribution into two, both attributed', () => {
    const text = 'The mayor spoke briefly. "We will stay," Lind said, "as long as the work takes."';
    assert.deepEqual(quotesOf(text, LIND).map(brief), [
      ['We will stay,', 'Ada Lind', 'person', 'said'],
      ['as long as the work takes.', 'Ada Lind', 'person', 'said'],
    ]);
  });

  it('ends a quote at its paragraph when the next paragraph reopens it, and runs on when the next closes it', () => {
    const reopened = 'Ada Lind said: "The first part of the plan is ready.\n\n"The second part comes next spring."';
    assert.deepEqual(quotesOf(reopened, LIND).map((q) => q.text), ['The first part of the plan is ready.', 'The second part comes next spring.']);
    assert.ok(quotesOf(reopened, LIND).every((q) => q.speaker === 'Ada Lind'));
    const runOn = 'After the game, coach Ada Lind said, "We played well in the first half.\n\nThe second half was harder."\n\nThe league meets on Friday.';
    const [q] = quotesOf(runOn, LIND);
    assert.equal(q?.text, 'We played well in the first half.\n\nThe second half was harder.');
    assert.equal(q?.speaker, 'Ada Lind');
  });

  it('resolves "he said" to the person who spoke before, not to a person merely mentioned', () => {
    const names: [string, EntityType, string][] = [
      ['Pavel Orlov', 'person', 'Pavel Orlov'],
      ['Orlov', 'person', 'Pavel Orlov'],
      ['Maria Quist', 'person', 'Maria Quist'],
    ];
    const text = 'The agency spokesman Pavel Orlov said earlier that talks with Maria Quist had stalled. "There is no agreement yet," he said.';
    assert.deepEqual(quotesOf(text, names).map(brief), [['There is no agreement yet,', 'Pavel Orlov', 'person', 'said']]);
  });

  it('resolves a description to the person introduced with it, and an organization noun to the organization', () => {
    const names: [string, EntityType, string][] = [
      ['Ivo Sand', 'person', 'Ivo Sand'],
      ['Rosa Melk', 'person', 'Rosa Melk'],
      ['Ministry of Transport', 'organization', 'Ministry of Transport'],
    ];
    const text =
      'Harbour Board spokesman Ivo Sand confirmed the closure, and Rosa Melk, a pilot, agreed. "The port stays shut until the repairs are done," the spokesman added.\n\n' +
      'The Ministry of Transport closed the airport. "All flights are suspended," the ministry said in a statement.';
    assert.deepEqual(quotesOf(text, names).map(brief), [
      ['The port stays shut until the repairs are done,', 'Ivo Sand', 'person', 'added'],
      ['All flights are suspended,', 'Ministry of Transport', 'organization', 'said'],
    ]);
  });

  it('keeps unnamed sources unnamed, with their cue', () => {
    const names: [string, EntityType, string][] = [['Daily Courier', 'organization', 'Daily Courier'], ...LIND];
    const text = 'Ada Lind left the talks. "We were not consulted," a source close to the talks said. "It is over," officials told the Daily Courier.';
    assert.deepEqual(quotesOf(text, names).map(brief), [
      ['We were not consulted,', null, null, 'said'],
      ['It is over,', null, null, 'told the Daily Courier'],
    ]);
  });

  it('keeps a description introduced as unnamed unnamed, even after a named speaker', () => {
    const names: [string, EntityType, string][] = [['Mira Holt', 'person', 'Mira Holt']];
    const text =
      '"The forum is full of rumours," Mira Holt wrote.\n\nOne poster admitted to joining, writing in a blog post "I have started the attack today." ' +
      'The poster wrote that "the movement will keep growing for weeks."';
    assert.deepEqual(quotesOf(text, names).map((q) => q.speaker), ['Mira Holt', null, null]);
  });

  it('keeps the object of "told" in the cue', () => {
    const names: [string, EntityType, string][] = [['Oskar Vale', 'person', 'Oskar Vale']];
    assert.deepEqual(quotesOf('"Nothing has been decided," Oskar Vale told reporters on Tuesday.', names).map(brief), [
      ['Nothing has been decided,', 'Oskar Vale', 'person', 'told reporters'],
    ]);
  });

  it('skips scare quotes, names and titles where the sentence reports no speech', () => {
    const text =
      'The so-called "reform" changed nothing. The club built a robot named "Tin Sparrow" for the fair. ' +
      'Ada Lind appeared on "Morning Talk Today" last week. The plan is known as "Harbour First".';
    assert.deepEqual(quotesOf(text, LIND), []);
  });

  it('counts a short partial quote the sentence attributes', () => {
    assert.deepEqual(quotesOf('Ada Lind called the decision "a grave mistake" and left.', LIND).map(brief), [
      ['a grave mistake', 'Ada Lind', 'person', 'called'],
    ]);
  });

  it('treats single marks as quotes only around reported words, never apostrophes', () => {
    const text = "It's the pilots' strike, Lind's office said. ‘We are ready to talk,’ said Ada Lind. The 'new' terminal opened.";
    assert.deepEqual(quotesOf(text, LIND).map(brief), [['We are ready to talk,', 'Ada Lind', 'person', 'said']]);
  });

  it('gives a quote that is a sentence of its own to the speaker just before it, with no cue', () => {
    const text = 'Ada Lind said the bridge would reopen soon. "It will take three more weeks of work."';
    assert.deepEqual(quotesOf(text, LIND).map(brief), [['It will take three more weeks of work.', 'Ada Lind', 'person', null]]);
  });

  it('attributes a pull-quote to the name after a dash', () => {
    const names: [string, EntityType, string][] = [['Nora Beck', 'person', 'Nora Beck']];
    const text = '"The river decides, not us." - Nora Beck\n\nFloods hit the valley again.';
    assert.deepEqual(quotesOf(text, names).map(brief), [['The river decides, not us.', 'Nora Beck', 'person', null]]);
  });

  it('works on the analysis of the pipeline: the speaker is the canonical name of the article', () => {
    const text =
      'Port Vale, 3 May 2019\n\nMayor Ada Lind opened the new bridge on Friday. "This bridge joins two towns that were apart for too long," Lind said.';
    const analysis = analyzeArticle(text);
    const [q] = findQuotations(text, analysis.entities);
    assert.equal(q?.speaker, 'Ada Lind');
    assert.equal(q?.speakerType, 'person');
  });
});
