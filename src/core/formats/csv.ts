// RFC 4180 CSV, one row per annotation: id, article, date, start, end, exact, label, note, replies (each "[time] text",
// a blank line between them), origin (user or entity), created, modified, status.
// Every field is quoted (quotes doubled), rows end in CRLF; start/end are UTF-16 offsets into the article text.
// Formula injection guard: a text cell starting with = + - @ (or tab / carriage return) gets a leading `'` so
// spreadsheets show it as text; importCsv removes exactly that one `'` again (a cell that already started with
// `'` before such a character gets one more, so the round trip is exact).
import type { Annotation, ArticleInfo } from '../annotations/annotationModel';
import { isCalendarDate } from '../article/articleDate';
import { compareAnnotations, isTimestamp, withoutBom, type ImportedAnnotation, type ImportResult } from './formatModel';

export const CSV_COLUMNS = ['id', 'article', 'date', 'start', 'end', 'exact', 'label', 'note', 'replies', 'origin', 'created', 'modified', 'status'] as const;

/** A note's replies in one cell, oldest first: "[2024-01-02T10:00:00.000Z] the reply", a blank line between them. */
export function repliesCell(annotation: Annotation): string {
  return (annotation.replies ?? []).map((r) => `[${r.created}] ${r.body}`).join('\n\n');
}

const RISKY = /^'*[=+\-@\t\r]/;

/** A cell made safe for spreadsheets: `'` before a leading = + - @ tab or CR (after any `'` already there). */
export function guardCell(value: string): string {
  return RISKY.test(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return value.startsWith("'") && RISKY.test(value) ? value.slice(1) : value;
}

function field(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

export function exportCsv(annotations: readonly Annotation[], articles: readonly ArticleInfo[]): string {
  const dates = new Map<string, string | null>();
  for (const article of articles) if (!dates.has(article.article)) dates.set(article.article, article.date);
  const rows: string[] = [CSV_COLUMNS.map(field).join(',')];
  for (const a of [...annotations].sort(compareAnnotations)) {
    const text = [a.id, a.article, dates.get(a.article) ?? ''];
    const rest = [a.quote.exact, a.label, a.note, repliesCell(a), a.origin, a.created, a.modified, a.status];
    rows.push([...text.map((v) => field(guardCell(v))), String(a.position.start), String(a.position.end), ...rest.map((v) => field(guardCell(v)))].join(','));
  }
  return rows.map((row) => `${row}\r\n`).join('');
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF between records. */
export function parseCsv(raw: string): string[][] {
  const content = withoutBom(raw);
  let i = 0;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let pending = false;
  for (; i < content.length; i++) {
    const c = content[i] as string;
    if (quoted) {
      if (c === '"') {
        if (content[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
      continue;
    }
    pending = true;
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && content[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      pending = false;
    } else cell += c;
  }
  if (pending || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Reads what exportCsv writes (columns found by header name, in any order). */
export function importCsv(content: string): ImportResult {
  const problems: string[] = [];
  const annotations: ImportedAnnotation[] = [];
  const dates = new Map<string, string | null>();
  const [header, ...rows] = parseCsv(content);
  if (!header) return { annotations, problems: ['the CSV is empty'], articles: [] };
  const column = new Map(header.map((name, index) => [name.trim().toLowerCase(), index]));
  const missing = ['article', 'start', 'end', 'exact', 'label'].filter((name) => !column.has(name));
  if (missing.length > 0) return { annotations, problems: [`the CSV header lacks ${missing.join(', ')}`], articles: [] };
  rows.forEach((row, index) => {
    const name = `row ${index + 2}`;
    if (row.length === 1 && row[0] === '') return;
    const get = (key: string) => {
      const at = column.get(key);
      return at === undefined ? '' : unguardCell(row[at] ?? '');
    };
    const start = Number(get('start'));
    const end = Number(get('end'));
    const article = get('article');
    const label = get('label').trim();
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end || get('start') === '') {
      problems.push(`${name}: start/end must be integers with start < end; skipped`);
      return;
    }
    if (article === '' || label === '' || get('exact') === '') {
      problems.push(`${name}: article, exact and label must not be empty; skipped`);
      return;
    }
    const date = get('date');
    if (!dates.has(article) || dates.get(article) === null) dates.set(article, isCalendarDate(date) ? date : null);
    const created = get('created');
    const modified = get('modified');
    const status = get('status');
    const id = get('id').trim();
    const origin = get('origin');
    annotations.push({
      article,
      start,
      end,
      exact: get('exact'),
      label,
      note: get('note'),
      ...(id !== '' ? { id } : {}),
      ...(origin === 'user' || origin === 'entity' ? { origin } : {}),
      ...(isTimestamp(created) ? { created } : {}),
      ...(isTimestamp(modified) ? { modified } : {}),
      ...(status === 'anchored' || status === 'orphaned' ? { status } : {}),
    });
  });
  return { annotations, problems, articles: [...dates].map(([article, date]) => ({ article, date })) };
}
