import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Analysis } from '../../../src/core/nlp/analysisModel';
import { analyzeArticle, analyzeSegment, combineSegments, moveSegment, paragraphGroups, segmentSpans, type SegmentAnalysis } from '../../../src/core/nlp/pipeline';

const seedDir = path.join(__dirname, '..', '..', '..', 'seeds');
const seed = (prefix: string): string => {
  const file = readdirSync(seedDir).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix}`);
  return readFileSync(path.join(seedDir, file), 'utf8');
};
const has = (a: Analysis, text: string, type: string): boolean => a.entities.some((e) => e.text === text && e.type === type);

const INVENTED =
  'Harbour council votes on ferry fares\n\nTuesday, March 4, 2014\n\n' +
  'The Lakeside Transport Authority (LTA) said on Monday that fares would rise. Its chairman Rune Aasgaard told ' +
  'reporters in Bergen, Norway, that the change was overdue.\n\n' +
  '"We had no choice," Aasgaard said. Critics from the Coastal Party disagreed, and the LTA will meet again next week.\n\n' +
  'Ms Aasgaard’s deputy, Petra Lund, said yesterday that the vote would take place in April.';

describe('pipeline: the seeds', () => {
  it('finds the people and places of seed 000', () => {
    const a = analyzeArticle(seed('000_'));
    for (const name of ['Ashraf Ghani', 'Zabihullah Mujahid', 'Antony Blinken', 'Gulbuddin Hekmatyar']) assert.ok(has(a, name, 'person'), name);
    assert.ok(has(a, 'Kabul', 'place'));
    assert.ok(!a.entities.some((e) => /^(President|Afghan)$/.test(e.text)), 'no title or nationality as an entity');
  });

  it('finds the person and place of seed 003, and its date header', () => {
    const a = analyzeArticle(seed('003_'));
    assert.ok(has(a, 'Ashraf Ghani', 'person'));
    assert.ok(has(a, 'Kabul', 'place'));
    assert.equal(a.articleDate, '2021-08-15');
  });
});

describe('pipeline: segments and combine', () => {
  const texts = [INVENTED, seed('000_'), seed('003_')];

  it('gives analyzeArticle exactly what paragraph-by-paragraph segments give', () => {
    for (const text of texts) {
      const byParagraph = segmentSpans(text).map((s) => analyzeSegment(text, s.start, s.end));
      assert.deepEqual(combineSegments(text, byParagraph), analyzeArticle(text));
      assert.ok(paragraphGroups(text).length <= segmentSpans(text).length);
    }
  });

  it('does not depend on the order the segments arrive in', () => {
    const segments = segmentSpans(INVENTED).map((s) => analyzeSegment(INVENTED, s.start, s.end));
    assert.deepEqual(combineSegments(INVENTED, [...segments].reverse()), analyzeArticle(INVENTED));
  });

  it('produces plain data that survives serialisation, with absolute offsets', () => {
    const [first, second] = segmentSpans(INVENTED).slice(2, 4);
    const segment = analyzeSegment(INVENTED, first!.start, second!.end);
    const copy = JSON.parse(JSON.stringify(segment)) as SegmentAnalysis;
    assert.deepEqual(copy, segment);
    for (const e of segment.entities) assert.ok(e.start >= segment.start && e.end <= segment.end);
    assert.ok(segment.entities.some((e) => INVENTED.slice(e.start, e.end) === 'Rune Aasgaard'));
  });

  it('moves a cached segment to where its text now is', () => {
    const paragraph = 'Petra Lund met the Coastal Party in Bergen.';
    const before = `Title\n\n${paragraph}`;
    const after = `A longer title\n\n${paragraph}`;
    const cached = analyzeSegment(before, before.indexOf(paragraph), before.length);
    const moved = moveSegment(cached, after.indexOf(paragraph));
    assert.deepEqual(moved, analyzeSegment(after, after.indexOf(paragraph), after.length));
  });

  it('resolves dates against the article date, given or detected', () => {
    const detected = analyzeArticle(INVENTED);
    assert.equal(detected.articleDate, '2014-03-04');
    const yesterday = detected.dates.find((d) => d.text.toLowerCase() === 'yesterday');
    assert.deepEqual([yesterday?.value, yesterday?.resolvedAgainst], ['2014-03-03', 'article-date']);
    const given = analyzeArticle(INVENTED, { articleDate: '2015-06-10' });
    assert.equal(given.dates.find((d) => d.text.toLowerCase() === 'yesterday')?.value, '2015-06-09');
    const none = analyzeArticle(INVENTED, { articleDate: null });
    assert.equal(none.articleDate, null);
    assert.equal(none.dates.find((d) => d.text.toLowerCase() === 'yesterday')?.value, null);
  });

  it('links aliases across paragraphs: surname, title and surname, acronym', () => {
    const a = analyzeArticle(INVENTED);
    assert.deepEqual(a.aliases['Rune Aasgaard'], ['Rune Aasgaard', 'Aasgaard']);
    assert.deepEqual(a.aliases['Lakeside Transport Authority'], ['Lakeside Transport Authority', 'LTA']);
    assert.equal(a.entities.filter((e) => e.canonical === 'Rune Aasgaard').length, 3);
  });
});

describe('pipeline: run-in subheadings of one-line articles', () => {
  // A flattened article: a headline without final punctuation runs straight into the next sentence.
  const filler = Array.from({ length: 12 }, (_, i) => `Report ${i + 1} says the crews worked through the night on the coast road.`).join(' ');
  const flat =
    `${filler}  Harbour council approves new ferry route The harbour council approved a new ferry route on Monday, and ` +
    `Nordvik Ferries will run it. ${filler}`;

  it('slices at the heading, so no name runs across it', () => {
    const spans = segmentSpans(flat).map((s) => flat.slice(s.start, s.end));
    assert.ok(spans.includes('Harbour council approves new ferry route'), JSON.stringify(spans));
    const groups = paragraphGroups(flat).map((s) => flat.slice(s.start, s.end));
    assert.ok(groups.every((g) => !g.includes('route Harbour')), JSON.stringify(groups));
    assert.ok(analyzeArticle(flat).entities.every((e) => !e.text.includes('route')));
  });
});
