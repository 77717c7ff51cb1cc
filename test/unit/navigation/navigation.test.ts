import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../src/core/article/parseArticle';
import { articleOutline, articleOutlineSteps, OUTLINE_GROUP_LIMIT, OUTLINE_MENTION_LIMIT, OUTLINE_STEP_ITEMS, type OutlineNode } from '../../../src/core/navigation/articleOutline';
import { firstMention, mentionAt, mentionsOfSameEntity, navigableMentions, stepMention } from '../../../src/core/navigation/entityNavigation';
import { LineIndex } from '../../../src/core/navigation/textPositions';
import type { Analysis, DateMention, EntityMention, EntityType } from '../../../src/core/nlp/analysisModel';

// An invented article: a headline, two sub-headings, people, a place, an organization and a date.
const TEXT = [
  'Ferry line to Brackwater reopens',
  '',
  'Mayor Tilda Ostrander cut the ribbon in Brackwater on Friday. Ostrander thanked the Quayside Trust.',
  '',
  'Costs and delays',
  '',
  'The Quayside Trust paid for the repairs, said Ostrander.',
  '',
  'What comes next',
  '',
  'Engineer Baptiste Oyelaran will inspect the pier.',
  '',
].join('\n');

function at(needle: string, occurrence = 0): { start: number; end: number } {
  let i = -1;
  for (let n = 0; n <= occurrence; n++) i = TEXT.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return { start: i, end: i + needle.length };
}

function entity(needle: string, type: EntityType, canonical: string, occurrence = 0): EntityMention {
  return { ...at(needle, occurrence), text: needle, type, canonical };
}

const ENTITIES: EntityMention[] = [
  entity('Brackwater', 'place', 'Brackwater', 0),
  entity('Tilda Ostrander', 'person', 'Tilda Ostrander'),
  entity('Brackwater', 'place', 'Brackwater', 1),
  entity('Ostrander', 'person', 'Tilda Ostrander', 1),
  entity('Quayside Trust', 'organization', 'Quayside Trust', 0),
  entity('Quayside Trust', 'organization', 'Quayside Trust', 1),
  entity('Ostrander', 'person', 'Tilda Ostrander', 2),
  entity('Baptiste Oyelaran', 'person', 'Baptiste Oyelaran'),
].sort((a, b) => a.start - b.start);
const FRIDAY: DateMention = { ...at('Friday'), text: 'Friday', value: '2024-03-08', resolvedAgainst: 'article-date', reference: '2024-03-10' };
const ANALYSIS: Analysis = { articleDate: '2024-03-10', entities: ENTITIES, dates: [FRIDAY], aliases: { 'Tilda Ostrander': ['Tilda Ostrander', 'Ostrander'] } };

const slice = (s: { start: number; end: number }): string => TEXT.slice(s.start, s.end);
const names = (nodes: readonly OutlineNode[]): string[] => nodes.map((n) => n.name);

describe('article outline', () => {
  const outline = articleOutline(parseArticle(TEXT), ANALYSIS, 'ferry.txt');

  it('starts with the headline, whose sections are the sub-headings, each running to the next', () => {
    const [headline] = outline;
    assert.ok(headline);
    assert.equal(headline.role, 'headline');
    assert.equal(headline.name, 'Ferry line to Brackwater reopens');
    assert.equal(slice(headline.selection), 'Ferry line to Brackwater reopens');
    assert.equal(headline.span.start, 0);
    assert.equal(headline.span.end, TEXT.trimEnd().length, 'the headline covers the whole article');
    assert.deepEqual(names(headline.children), ['Costs and delays', 'What comes next']);
    const [costs, next] = headline.children;
    assert.equal(slice(costs!.selection), 'Costs and delays');
    assert.ok(slice(costs!.span).endsWith('said Ostrander.'), 'the first section ends before the next heading');
    assert.ok(slice(next!.span).endsWith('inspect the pier.'));
  });

  it('then people, places, organizations and dates, each entity once with its mentions as children', () => {
    assert.deepEqual(names(outline.slice(1)), ['People', 'Places', 'Organizations', 'Dates']);
    const people = outline[1]!;
    assert.equal(people.detail, '2');
    assert.deepEqual(names(people.children), ['Tilda Ostrander', 'Baptiste Oyelaran']);
    const tilda = people.children[0]!;
    assert.equal(tilda.detail, '3 mentions · also Ostrander');
    assert.equal(slice(tilda.selection), 'Tilda Ostrander', 'choosing the entity goes to its first mention');
    assert.deepEqual(tilda.children.map((c) => [c.name, c.detail, c.selection.start]), [
      ['Tilda Ostrander', '1 of 3', at('Tilda Ostrander').start],
      ['Ostrander', '2 of 3', at('Ostrander', 1).start],
      ['Ostrander', '3 of 3', at('Ostrander', 2).start],
    ]);
    assert.ok(tilda.span.start <= tilda.selection.start && tilda.span.end >= at('Ostrander', 2).end, 'an entity spans its first to its last mention');
    assert.deepEqual(people.children[1]!.children, [], 'a single mention has no children');
    const dates = outline[4]!;
    assert.deepEqual(dates.children.map((d) => [d.name, d.detail, d.kind]), [['Friday', '2024-03-08', 'date']]);
  });

  it('lists the entities of a very large article without their mentions as children (the editor asks for it after every edit)', () => {
    const many: EntityMention[] = [];
    for (let i = 0; many.length <= OUTLINE_MENTION_LIMIT; i++) many.push({ start: i * 20, end: i * 20 + 9, text: 'Ostrander', type: 'person', canonical: `Person ${i % 50}` });
    const text = 'x'.repeat(many.length * 20);
    const large = articleOutline(parseArticle(text), { articleDate: null, entities: many, dates: [], aliases: {} }, 'large.txt');
    const people = large.find((n) => n.name === 'People')!;
    assert.equal(people.children.length, 50, 'every entity is listed');
    assert.ok(people.children.every((e) => e.children.length === 0 && /^\d+ mentions$/.test(e.detail)), 'with its mention count, without a node per mention');
  });

  it('lists at most OUTLINE_GROUP_LIMIT entities of a kind (the most mentioned) and dates (the first), saying how many there are', () => {
    const people: EntityMention[] = [];
    const total = OUTLINE_GROUP_LIMIT + 40;
    // entity i is mentioned once, and the last 10 entities a second time near the end: they are among the most mentioned
    for (let i = 0; i < total; i++) people.push({ start: i * 20, end: i * 20 + 9, text: 'Ostrander', type: 'person', canonical: `Person ${i}` });
    for (let i = total - 10; i < total; i++) people.push({ start: (total + i) * 20, end: (total + i) * 20 + 9, text: 'Ostrander', type: 'person', canonical: `Person ${i}` });
    const dates: DateMention[] = [];
    for (let i = total * 2; dates.length < total; i++) dates.push({ start: i * 20, end: i * 20 + 6, text: 'Monday', value: '2024-03-04', resolvedAgainst: 'self', reference: null });
    const text = 'x'.repeat(total * 3 * 20);
    const outline = articleOutline(parseArticle(text), { articleDate: null, entities: people, dates, aliases: {} }, 'large.txt');
    const group = outline.find((n) => n.name === 'People')!;
    assert.equal(group.children.length, OUTLINE_GROUP_LIMIT);
    assert.equal(group.detail, `${OUTLINE_GROUP_LIMIT} of ${total.toLocaleString('en')}`);
    const names = new Set(group.children.map((c) => c.name));
    for (let i = total - 10; i < total; i++) assert.ok(names.has(`Person ${i}`), `the twice-mentioned Person ${i} is listed`);
    assert.ok(!names.has(`Person ${OUTLINE_GROUP_LIMIT}`), 'a once-mentioned entity past the limit is not');
    const dateGroup = outline.find((n) => n.name === 'Dates')!;
    assert.equal(dateGroup.children.length, OUTLINE_GROUP_LIMIT);
    assert.equal(dateGroup.children[0]!.selection.start, dates[0]!.start, 'the first dates');
    assert.equal(dateGroup.detail, `${OUTLINE_GROUP_LIMIT} of ${total.toLocaleString('en')}`);
  });

  it('is built a step at a time on a large article, giving the same outline (each section runs to the next heading)', () => {
    // sections with sub-headings, each with a few paragraphs, and thousands of mentions
    const parts: string[] = ['Harbour works at Brackwater', ''];
    for (let s = 0; s < 60; s++) {
      parts.push(`Part ${s} of the works`, '');
      for (let p = 0; p < 3; p++) parts.push(`Paragraph ${p} of part ${s} says Tilda Ostrander met Baptiste Oyelaran in Brackwater on Friday.`, '');
    }
    const text = parts.join('\n');
    const article = parseArticle(text);
    const mentions: EntityMention[] = [];
    const dates: DateMention[] = [];
    for (let from = text.indexOf('Tilda'); from >= 0; from = text.indexOf('Tilda', from + 1)) {
      mentions.push({ start: from, end: from + 15, text: 'Tilda Ostrander', type: 'person', canonical: 'Tilda Ostrander' });
      const other = text.indexOf('Baptiste', from);
      mentions.push({ start: other, end: other + 17, text: 'Baptiste Oyelaran', type: 'person', canonical: `Baptiste Oyelaran ${mentions.length % 7}` });
      const place = text.indexOf('Brackwater', other);
      mentions.push({ start: place, end: place + 10, text: 'Brackwater', type: 'place', canonical: 'Brackwater' });
      const friday = text.indexOf('Friday', place);
      dates.push({ start: friday, end: friday + 6, text: 'Friday', value: null, resolvedAgainst: 'none', reference: null });
    }
    assert.ok(mentions.length > OUTLINE_STEP_ITEMS / 2);
    const analysis: Analysis = { articleDate: null, entities: mentions, dates, aliases: { 'Tilda Ostrander': ['Tilda Ostrander'] } };
    const steps = articleOutlineSteps(article, analysis, 'works.txt');
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    assert.ok(yields >= 3, `it yields between parts of the work (${yields} times)`);
    assert.deepEqual(step.value, articleOutline(article, analysis, 'works.txt'));
    // each section runs from its heading to the last paragraph before the next heading (as a filter over all paragraphs finds)
    const shown = article.paragraphs.filter((p) => p.kind !== 'dateline');
    const headings = shown.filter((p) => p.kind === 'heading');
    const sections = step.value[0]!.children;
    assert.ok(headings.length >= 50, `the sub-headings are found (${headings.length})`);
    assert.equal(sections.length, headings.length);
    headings.forEach((heading, i) => {
      const next = headings[i + 1];
      const body = shown.filter((p) => p.start >= heading.start && (next === undefined || p.end <= next.start) && p.kind !== 'licence');
      assert.deepEqual(sections[i]!.span, { start: heading.start, end: body.length > 0 ? body[body.length - 1]!.end : heading.end });
    });
  });

  it('every node contains its selection, and a group contains its children', () => {
    const check = (n: OutlineNode): void => {
      assert.ok(n.span.start <= n.selection.start && n.selection.end <= n.span.end, `${n.name}`);
      if (n.role === 'group' || n.role === 'entity') for (const c of n.children) assert.ok(n.span.start <= c.span.start && c.span.end <= n.span.end, `${c.name} in ${n.name}`);
      n.children.forEach(check);
    };
    outline.forEach(check);
  });

  it('names the headline by the file when the article has no title, and skips empty kinds', () => {
    const text = 'Officials met on Monday, and nobody else came to the meeting that day at all.';
    const none = articleOutline(parseArticle(text), { articleDate: null, entities: [], dates: [], aliases: {} }, 'untitled.txt');
    assert.deepEqual(names(none), ['untitled.txt']);
    assert.deepEqual(none[0]!.children, []);
  });
});

describe('entity navigation', () => {
  const mentions = navigableMentions(ANALYSIS);
  const texts = mentions.map((m) => slice(m));

  it('lists entities and dates in reading order', () => {
    assert.deepEqual(texts, ['Brackwater', 'Tilda Ostrander', 'Brackwater', 'Friday', 'Ostrander', 'Quayside Trust', 'Quayside Trust', 'Ostrander', 'Baptiste Oyelaran']);
  });

  it('steps forward and back from the cursor, leaving the mention the cursor is in', () => {
    const inside = at('Tilda Ostrander').start + 3;
    assert.equal(slice(stepMention(mentions, inside, 1)!.mention), 'Brackwater');
    assert.equal(stepMention(mentions, inside, 1)!.mention.start, at('Brackwater', 1).start);
    assert.equal(stepMention(mentions, inside, -1)!.mention.start, at('Brackwater', 0).start);
    // from plain text between two mentions
    const between = at('cut the ribbon').start;
    assert.equal(stepMention(mentions, between, 1)!.mention.start, at('Brackwater', 1).start);
    assert.equal(stepMention(mentions, between, -1)!.mention.start, at('Tilda Ostrander').start);
  });

  it('wraps around at both ends and says so', () => {
    const last = stepMention(mentions, TEXT.length, 1)!;
    assert.equal(last.wrapped, true);
    assert.equal(last.mention.start, at('Brackwater').start);
    const first = stepMention(mentions, 0, -1)!;
    assert.equal(first.wrapped, true);
    assert.equal(slice(first.mention), 'Baptiste Oyelaran');
  });

  it('of one kind only, skipping the others', () => {
    const fromTilda = at('Tilda Ostrander').start;
    assert.deepEqual([1, 2, 3].reduce<number[]>((acc) => [...acc, stepMention(mentions, acc[acc.length - 1] ?? fromTilda, 1, 'person')!.mention.start], []), [
      at('Ostrander', 1).start,
      at('Ostrander', 2).start,
      at('Baptiste Oyelaran').start,
    ]);
    assert.equal(stepMention(mentions, fromTilda, 1, 'date')!.mention.start, at('Friday').start);
    assert.equal(stepMention(mentions, at('Friday').start, 1, 'date')!.wrapped, true, 'the only date wraps to itself');
    assert.equal(stepMention([], 0, 1), undefined);
  });

  it('finds the mention at the cursor from either edge, and every mention of its entity, aliases included', () => {
    const tilda = at('Tilda Ostrander');
    assert.equal(mentionAt(ENTITIES, tilda.start)?.canonical, 'Tilda Ostrander');
    assert.equal(mentionAt(ENTITIES, tilda.end)?.canonical, 'Tilda Ostrander', 'just after the name');
    assert.equal(mentionAt(ENTITIES, tilda.end + 2), undefined);
    const same = mentionsOfSameEntity(ANALYSIS, mentionAt(ENTITIES, at('Ostrander', 2).start)!);
    assert.deepEqual(same.map((m) => slice(m)), ['Tilda Ostrander', 'Ostrander', 'Ostrander']);
  });
});

describe('line index', () => {
  it('counts lines as the editor does: LF, CRLF and a lone CR', () => {
    const text = 'one\ntwo\r\nthree\rfour';
    const index = new LineIndex(text);
    const expect = (needle: string, line: number, character: number): void => assert.deepEqual(index.positionAt(text.indexOf(needle)), { line, character }, needle);
    expect('one', 0, 0);
    expect('wo', 1, 1);
    expect('three', 2, 0);
    expect('our', 3, 1);
    assert.deepEqual(index.positionAt(text.length + 5), { line: 3, character: 4 }, 'clamped to the end');
    assert.deepEqual(new LineIndex('').positionAt(0), { line: 0, character: 0 });
  });
});

describe('first mention in a corpus', () => {
  const m = (article: string, start: number): { article: string; start: number; end: number } => ({ article, start, end: start + 3 });
  const byArticle = [
    { article: 'a.txt', mentions: [m('a.txt', 40), m('a.txt', 10)] },
    { article: 'b.txt', mentions: [m('b.txt', 90)] },
    { article: 'c.txt', mentions: [m('c.txt', 5)] },
  ];

  it('is in the earliest-dated article, whatever the file order', () => {
    const dates: Record<string, string | null> = { 'a.txt': '2024-05-01', 'b.txt': '2024-01-15', 'c.txt': null };
    assert.deepEqual(firstMention(byArticle, (k) => dates[k] ?? null), m('b.txt', 90));
  });

  it('puts undated articles last, breaks ties by key, and takes the earliest mention of the article', () => {
    assert.deepEqual(firstMention(byArticle, (k) => (k === 'c.txt' ? '2020-01-01' : null)), m('c.txt', 5));
    assert.deepEqual(firstMention(byArticle, () => null), m('a.txt', 10));
    assert.deepEqual(firstMention(byArticle, () => '2024-01-01'), m('a.txt', 10));
    assert.equal(firstMention([], () => null), undefined);
  });
});
