/**
 * Calendar dates in a time zone, as YYYY-MM-DD strings, and the instants that bound them.
 * Works for any IANA zone through Intl; Asia/Shanghai has no daylight saving, others may.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(at: Date, timeZone: string) {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return {
    y: Number(p.year),
    m: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    mi: Number(p.minute),
    s: Number(p.second),
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds, as Intl reports it. */
function offsetFromIntl(at: number, timeZone: string): number {
  const { y, m, d, h, mi, s } = parts(new Date(at), timeZone);
  return Date.UTC(y, m - 1, d, h, mi, s) - Math.floor(at / 1000) * 1000;
}

/**
 * Offsets are asked for per span of six hours and remembered per zone: planning one work
 * order's clocks asks for dozens, and Intl's formatToParts was most of that work. A span
 * whose two ends share an offset has that offset throughout (no zone changes its offset
 * twice within six hours); one with a transition inside is never remembered.
 */
const SPAN_MS = 6 * 3_600_000;
const SPANS_KEPT = 20_000;
const offsetsBySpan = new Map<string, Map<number, number | null>>();

function offsetMs(at: Date, timeZone: string): number {
  const t = at.getTime();
  let spans = offsetsBySpan.get(timeZone);
  if (!spans) offsetsBySpan.set(timeZone, (spans = new Map()));
  const span = Math.floor(t / SPAN_MS);
  let known = spans.get(span);
  if (known === undefined) {
    const start = offsetFromIntl(span * SPAN_MS, timeZone);
    const end = offsetFromIntl((span + 1) * SPAN_MS - 1, timeZone);
    known = start === end ? start : null;
    if (spans.size >= SPANS_KEPT) spans.clear();
    spans.set(span, known);
  }
  return known ?? offsetFromIntl(t, timeZone);
}

/** The local calendar date of an instant. */
export function localDate(at: Date, timeZone: string): string {
  // the wall clock's fields, read as if UTC
  return new Date(Math.floor(at.getTime() / 1000) * 1000 + offsetMs(at, timeZone))
    .toISOString()
    .slice(0, 10);
}

/** The instant at which a local wall-clock time occurs. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, h, mi, s ?? 0);
  const first = guess - offsetMs(new Date(guess), timeZone);
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

/** The last millisecond of a local day: where a deadline counted in days or workdays falls. */
export const endOfLocalDay = (date: string, timeZone: string) =>
  new Date(zonedInstant(date, '23:59:59', timeZone).getTime() + 999);

/** Calendar arithmetic on YYYY-MM-DD strings (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
export const yearOf = (date: string) => Number(date.slice(0, 4));
