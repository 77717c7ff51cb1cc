// How a resolved date reads to a person: the hover, the Timeline view and the timeline chart say it the same way.
import type { DateValue } from '../nlp/analysisModel';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Thursday, 12 August 2021", "August 2021", "2021", a range of those, or "not after …" / "not before …" one. */
export function describeDateValue(value: Exclude<DateValue, null>): string {
  if (typeof value !== 'string' && !('from' in value)) {
    return value.notBefore !== undefined ? `not before ${describeDateValue(value.notBefore)}` : `not after ${describeDateValue(value.notAfter)}`;
  }
  if (typeof value !== 'string') {
    // a decade or a century spans whole years: "1990 to 1999", not from a Monday in January to a Friday in December
    const first = /^(\d{4})-01-01$/.exec(value.from);
    const last = /^(\d{4})-12-31$/.exec(value.to);
    if (first && last) return `${Number(first[1])} to ${Number(last[1])}`;
    return `${describeDateValue(value.from)} to ${describeDateValue(value.to)}`;
  }
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const year = Number(m[1]);
  if (m[2] === undefined) return String(year);
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  if (m[3] === undefined) return `${month} ${year}`;
  const day = Number(m[3]);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, Number(m[2]) - 1, day)).getUTCDay()] ?? '';
  return `${weekday}, ${day} ${month} ${year} (${value})`;
}
