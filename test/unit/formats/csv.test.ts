import * as assert from 'node:assert/strict';
import { CSV_COLUMNS, exportCsv, guardCell, importCsv, parseCsv, unguardCell } from '../../../src/core/formats/csv';
import { essentials, sample } from './fixtures/sampleAnnotations';

describe('CSV', () => {
  it('round-trips every annotation (orphans too) with its span, label, note, date, times and status', () => {
    const { annotations, articles } = sample();
    const result = importCsv(exportCsv(annotations, articles));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(essentials(result.annotations), essentials(annotations));
    for (const a of annotations) {
      const back = result.annotations.find((b) => b.article === a.article && b.start === a.position.start && b.label === a.label);
      assert.equal(back?.exact, a.quote.exact);
      assert.equal(back?.created, a.created);
      assert.equal(back?.modified, a.modified);
      assert.equal(back?.status, a.status);
      assert.equal(back?.id, a.id);
      assert.equal(back?.origin, a.origin);
    }
    assert.deepEqual(
      result.articles.map((a) => [a.article, a.date]).sort(),
      articles.map((a) => [a.article, a.date]).sort(),
    );
  });

  it('has id and origin columns, and the replies of a note visibly in a column of their own', () => {
    const { annotations, articles } = sample();
    const replied = { ...annotations[1]!, replies: [{ body: 'Checked.', created: '2024-01-03T09:15:00.000Z' }, { body: 'Two\nlines', created: '2024-01-04T10:00:00.000Z' }] };
    const [header, ...rows] = parseCsv(exportCsv([replied, annotations[0]!], articles));
    assert.deepEqual(header?.slice(0, 2), ['id', 'article']);
    const column = (name: string) => header!.indexOf(name);
    const row = rows.find((r) => r[column('id')] === replied.id);
    assert.equal(row?.[column('origin')], replied.origin);
    assert.equal(row?.[column('replies')], '[2024-01-03T09:15:00.000Z] Checked.\n\n[2024-01-04T10:00:00.000Z] Two\nlines');
    assert.equal(rows.find((r) => r[column('id')] === annotations[0]!.id)?.[column('replies')], '');
    assert.deepEqual(new Set(parseCsv(exportCsv(annotations, articles)).slice(1).map((r) => r[column('origin')])), new Set(['user', 'entity']));
  });

  it('quotes every field, doubles quotes, ends rows in CRLF and guards formula cells', () => {
    const { annotations, articles } = sample();
    const csv = exportCsv(annotations, articles);
    const rows = csv.split('\r\n');
    assert.equal(rows[0], CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    assert.equal(rows.at(-1), '');
    const table = parseCsv(csv);
    assert.equal(table.length, annotations.length + 1);
    assert.ok(table.every((row) => row.length === CSV_COLUMNS.length));
    const cells = table.flat();
    assert.ok(cells.includes(`'=HYPERLINK("http://example.com","click")`));
    assert.ok(cells.includes("'=Acme Corp="));
    assert.ok(cells.includes("'+1 for the title"));
    assert.ok(cells.includes("'-- overlapped by the claim"));
    assert.ok(cells.includes("'@mention"));
    assert.ok(cells.includes("'\ttab first"));
    assert.ok(cells.every((cell) => !/^[=+\-@\t\r]/.test(cell)), 'no cell starts with a formula character');
    assert.ok(csv.includes('"a ""quoted"" note, with commas"'));
    assert.ok(csv.includes('"New York\nCity Hall"'));
    assert.ok(cells.includes('2021-08-15'));
  });

  it('guards and unguards exactly, even cells that already start with a quote', () => {
    for (const value of ['=1', "'=1", "''+x", "'plain", 'plain', '-', '', '@', '\t=']) {
      assert.equal(unguardCell(guardCell(value)), value);
      assert.doesNotMatch(guardCell(value), /^[=+\-@\t\r]/);
    }
  });

  it('parses RFC 4180 with LF or CRLF, quoted line breaks and a BOM', () => {
    assert.deepEqual(parseCsv('\ufeffa,"b ""c""",d\n"x\r\ny",,z\r\n'), [
      ['a', 'b "c"', 'd'],
      ['x\r\ny', '', 'z'],
    ]);
    assert.deepEqual(parseCsv('a,b'), [['a', 'b']]);
    assert.deepEqual(parseCsv(''), []);
  });

  it('reports bad rows without throwing', () => {
    const result = importCsv('article,start,end,exact,label\r\na.txt,5,3,x,place\r\na.txt,0,1,,place\r\na.txt,0,1,K,place\r\n');
    assert.equal(result.annotations.length, 1);
    assert.match(result.problems[0] ?? '', /row 2: start\/end must be integers/);
    assert.match(result.problems[1] ?? '', /row 3: article, exact and label must not be empty/);
    assert.match(importCsv('x,y\r\n').problems[0] ?? '', /lacks article, start, end, exact, label/);
  });
});
