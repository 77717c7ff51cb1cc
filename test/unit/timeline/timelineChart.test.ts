import * as assert from 'node:assert/strict';
import type { EntityRef, TimelineEntry } from '../../../src/core/corpus/corpusIndex';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { analyzeArticle } from '../../../src/core/nlp/pipeline';
import {
  axisTicks,
  dayNumber,
  daySpan,
  eventLabel,
  filterChartEvents,
  fittingZoom,
  groupChartEvents,
  layoutChart,
  MIN_MARKER_PX,
  neighbour,
  NO_ENTITY_LANE,
  stepZoom,
  timelineSignature,
} from '../../../src/core/timeline/timelineChart';
import { dateValueStart } from '../../../src/core/nlp/analysisModel';

const ORSA: EntityRef = { id: 'person:orsa', canonical: 'Mirela Orsa', type: 'person' };
const BRANDT: EntityRef = { id: 'organization:brandt', canonical: 'Brandt Mills', type: 'organization' };

function event(article: string, start: number, value: TimelineEntry['value'], sentence: string, entities: EntityRef[] = []): TimelineEntry {
  return {
    article,
    start,
    end: start + 5,
    text: dateValueStart(value),
    value,
    sortKey: dateValueStart(value),
    sentence: { start, end: start + sentence.length, text: sentence },
    entities,
  };
}

const EVENTS: TimelineEntry[] = [
  event('b.txt', 10, '2019', 'The mill opened in 2019.', [BRANDT]),
  event('a.txt', 40, '2021-03', 'Orsa joined Brandt Mills in March.', [ORSA, BRANDT]),
  event('a.txt', 90, '2021-03-04', 'The strike began on Thursday.'),
  event('b.txt', 70, { from: '2021-03-01', to: '2021-03-07' }, 'Orsa spoke all week.', [ORSA]),
];

describe('timeline chart layout', () => {
  it('counts days from 1970-01-01 and gives a date value the days it covers', () => {
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('1970-01-02'), 1);
    assert.equal(dayNumber('2021'), dayNumber('2021-01-01'));
    assert.ok(Number.isNaN(dayNumber('March')));
    assert.deepEqual(daySpan('2021-03-04'), { from: dayNumber('2021-03-04'), to: dayNumber('2021-03-05') });
    assert.deepEqual(daySpan('2020-02'), { from: dayNumber('2020-02-01'), to: dayNumber('2020-03-01') }, 'a leap February: 29 days');
    assert.deepEqual(daySpan({ notAfter: '2021-03-04' }), daySpan('2021-03-04'), 'a vague stretch is drawn at its bound');
    assert.equal(daySpan('2020').to - daySpan('2020').from, 366);
    assert.deepEqual(daySpan({ from: '2021-03-01', to: '2021-03-07' }), { from: dayNumber('2021-03-01'), to: dayNumber('2021-03-08') });
    assert.equal(dayNumber('0044-03-15') < dayNumber('0100-01-01'), true, 'years below 100 are not 19xx');
  });

  it('filters by entity, by article and by free text (entity names, article, sentence), all together', () => {
    assert.deepEqual(filterChartEvents(EVENTS, { entityId: ORSA.id }).map((e) => e.start), [40, 70]);
    assert.deepEqual(filterChartEvents(EVENTS, { article: 'a.txt' }).map((e) => e.start), [40, 90]);
    assert.deepEqual(filterChartEvents(EVENTS, { entityId: ORSA.id, article: 'b.txt' }).map((e) => e.start), [70]);
    assert.deepEqual(filterChartEvents(EVENTS, { query: 'brandt' }).map((e) => e.start), [10, 40]);
    assert.deepEqual(filterChartEvents(EVENTS, { query: ' STRIKE ' }).map((e) => e.start), [90]);
    assert.deepEqual(filterChartEvents(EVENTS, { query: 'b.txt' }, (k) => k).map((e) => e.start), [10, 70]);
    assert.deepEqual(filterChartEvents(EVENTS, {}), EVENTS);
  });

  it('groups by article (first dated article first) or by entity (most events first, events naming none last)', () => {
    assert.deepEqual(
      groupChartEvents(EVENTS, 'article').map((l) => [l.key, l.events.length]),
      [
        ['b.txt', 2],
        ['a.txt', 2],
      ],
    );
    const byEntity = groupChartEvents(EVENTS, 'entity');
    assert.deepEqual(
      byEntity.map((l) => [l.label, l.kind, l.events.length]),
      [
        ['Brandt Mills', 'organization', 2],
        ['Mirela Orsa', 'person', 2],
        ['No named entity', 'none', 1],
      ],
    );
    assert.equal(byEntity[2]!.key, NO_ENTITY_LANE);
  });

  it('places markers on the time axis at the zoom, a one-day event at least MIN_MARKER_PX wide, overlapping ones in separate rows', () => {
    const layout = layoutChart(EVENTS, { grouping: 'article', zoom: 'days' });
    const b = layout.lanes.find((l) => l.key === 'b.txt')!;
    const a = layout.lanes.find((l) => l.key === 'a.txt')!;
    const march = a.items.find((i) => i.event.start === 40)!;
    const thursday = a.items.find((i) => i.event.start === 90)!;
    assert.ok(thursday.x > march.x, 'a later day further right');
    assert.equal(thursday.width, 56, 'a day is 56 px at the days zoom');
    assert.equal(march.width, 31 * 56, 'the month covers its 31 days');
    assert.notEqual(march.row, thursday.row, 'the day inside the month gets a row of its own');
    assert.equal(a.rows, 2);
    const week = b.items.find((i) => i.event.start === 70)!;
    assert.equal(week.width, 7 * 56);
    assert.equal(Math.round(week.x - march.x), 0, 'the week and the month start on the same day');
    assert.equal(layout.events, 4);

    const coarse = layoutChart(EVENTS, { grouping: 'article', zoom: 'decades' });
    const day = coarse.lanes.find((l) => l.key === 'a.txt')!.items.find((i) => i.event.start === 90)!;
    assert.equal(day.width, MIN_MARKER_PX);
    assert.ok(coarse.width < layout.width / 100, 'decades are far narrower than days');
  });

  it('lays out an empty or fully filtered timeline without failing, and counts lanes left out', () => {
    const empty = layoutChart([], { grouping: 'entity', zoom: 'years' });
    assert.deepEqual(empty.lanes, []);
    assert.equal(empty.events, 0);
    assert.ok(empty.width > 0);
    const capped = layoutChart(EVENTS, { grouping: 'entity', zoom: 'years', maxLanes: 1 });
    assert.equal(capped.lanes.length, 1);
    assert.equal(capped.hiddenLanes, 2);
  });

  it('labels the axis with decades, years, months or days, major at the coarser boundary', () => {
    assert.deepEqual(
      axisTicks(dayNumber('1990-01-01'), dayNumber('2021-06-01'), 'decades').map((t) => [t.label, t.major]),
      [
        ['1990s', false],
        ['2000s', true],
        ['2010s', false],
        ['2020s', false],
      ],
    );
    assert.deepEqual(
      axisTicks(dayNumber('2020-11-01'), dayNumber('2021-02-10'), 'months').map((t) => t.label),
      ['Nov', 'Dec', 'Jan 2021', 'Feb'],
    );
    const days = axisTicks(dayNumber('2021-02-27'), dayNumber('2021-03-02'), 'days');
    assert.deepEqual(
      days.map((t) => t.label),
      ['27', '28', '1 Mar 2021', '2'],
    );
    assert.deepEqual(
      days.map((t) => t.x),
      [0, 56, 112, 168],
    );
    assert.deepEqual(
      axisTicks(dayNumber('2019-01-01'), dayNumber('2021-01-01'), 'years').map((t) => t.label),
      ['2019', '2020', '2021'],
    );
  });

  it('zooms one step at a time, decades to days, and picks the finest zoom that fits', () => {
    assert.equal(stepZoom('decades', -1), 'decades');
    assert.equal(stepZoom('decades', 1), 'years');
    assert.equal(stepZoom('months', 1), 'days');
    assert.equal(stepZoom('days', 1), 'days');
    const week = [event('a.txt', 0, '2021-03-01', 'x'), event('a.txt', 9, '2021-03-07', 'y')];
    assert.equal(fittingZoom(week, 1000), 'days');
    assert.equal(fittingZoom(EVENTS, 1000), 'years', 'three years fit at about 200 px a year');
    assert.equal(fittingZoom([event('a.txt', 0, '1900', 'x'), ...EVENTS], 1000), 'decades');
  });

  it('moves with the arrow keys along a lane and to the nearest marker in time in the lane above or below', () => {
    const layout = layoutChart(EVENTS, { grouping: 'article', zoom: 'days' });
    // lane 0 is b.txt (2019, the March week), lane 1 is a.txt (March, the 4th)
    assert.deepEqual(neighbour(layout, 0, 0, 'ArrowRight'), { lane: 0, index: 1 });
    assert.deepEqual(neighbour(layout, 0, 1, 'ArrowRight'), { lane: 0, index: 1 }, 'stays at the end');
    assert.deepEqual(neighbour(layout, 0, 0, 'ArrowLeft'), { lane: 0, index: 0 });
    assert.deepEqual(neighbour(layout, 0, 0, 'ArrowUp'), { lane: 0, index: 0 }, 'no lane above');
    const down = neighbour(layout, 0, 1, 'ArrowDown');
    assert.equal(down.lane, 1);
    assert.equal(layout.lanes[1]!.items[down.index]!.event.start, 40, 'the March event starts on the week’s day');
    assert.deepEqual(neighbour(layout, 1, 0, 'End'), { lane: 1, index: 1 });
    assert.deepEqual(neighbour(layout, 1, 1, 'Home'), { lane: 1, index: 0 });
  });

  it('signs a timeline by everything a view shows: equal for equal content, different when a date, sentence, entity or undated mention changes', () => {
    const copy = EVENTS.map((e) => ({ ...e }));
    assert.equal(timelineSignature(copy), timelineSignature(EVENTS));
    const renamed = EVENTS.map((e, i) => (i === 1 ? { ...e, entities: [{ ...ORSA, canonical: 'Mirela Orsa-Lind' }, BRANDT] } : e));
    assert.notEqual(timelineSignature(renamed), timelineSignature(EVENTS));
    const moved = EVENTS.map((e, i) => (i === 2 ? { ...e, value: '2021-03-05' } : e));
    assert.notEqual(timelineSignature(moved), timelineSignature(EVENTS));
    const reworded = EVENTS.map((e, i) => (i === 0 ? { ...e, sentence: { ...e.sentence, text: 'The mill closed in 2019.' } } : e));
    assert.notEqual(timelineSignature(reworded), timelineSignature(EVENTS));
    assert.notEqual(timelineSignature(EVENTS, [{ article: 'c.txt', start: 3, end: 9, text: 'Monday' }]), timelineSignature(EVENTS));
  });

  it('labels an event for screen readers with its date, sentence and article', () => {
    assert.equal(eventLabel(EVENTS[2]!, 'a.txt'), 'Thursday, 4 March 2021 (2021-03-04): The strike began on Thursday. (a.txt, “2021-03-04”)');
  });

  it('places the corpus timeline’s own events: the values analyze gives, unchanged', () => {
    const text = 'date 2022-06-02 Ferry route reopened\n\nThe ferry to Kesselholm sailed again on Tuesday, after a closure that began in March 2021.\n';
    const analysis = analyzeArticle(text);
    const corpus = new CorpusIndex();
    corpus.setArticle('ferry.txt', analysis, text);
    const layout = layoutChart(corpus.timeline(), { grouping: 'article', zoom: 'months' });
    const placed = layout.lanes.flatMap((l) => l.items.map((i) => [i.event.text, i.event.value]));
    const analyzed = analysis.dates.filter((d) => d.value !== null).map((d) => [d.text, d.value]);
    assert.deepEqual(placed.sort(), analyzed.sort());
    assert.ok(analyzed.some(([, v]) => v === '2022-05-31'), JSON.stringify(analyzed));
  });
});
