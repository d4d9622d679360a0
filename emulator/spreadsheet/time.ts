/** Wall-clock <-> instant conversion in an IANA time zone, and spreadsheet date serial numbers. */

/** English month names, as Java's SimpleDateFormat and Sheets' date formats write them. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

export function wallClockOf(instant: number, timeZone: string): WallClock {
  const w: WallClock = { year: NaN, month: NaN, day: NaN, hour: NaN, minute: NaN, second: NaN, ms: 0 };
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type === 'year' || p.type === 'month' || p.type === 'day' || p.type === 'minute' || p.type === 'second')
      w[p.type] = Number(p.value);
    else if (p.type === 'hour') w.hour = Number(p.value) % 24;
  }
  w.ms = ((instant % 1000) + 1000) % 1000;
  return w;
}

function exactOffsetAt(instant: number, timeZone: string): number {
  const w = wallClockOf(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - instant;
}

const HOUR_MS = 3_600_000;
const offsetsByZone = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset at `instant`. Asking Intl is slow, so an hour whose first and last
 * millisecond have the same offset (no transition inside it) is remembered.
 */
function offsetAt(instant: number, timeZone: string): number {
  const hour = Math.floor(instant / HOUR_MS);
  let hours = offsetsByZone.get(timeZone);
  if (!hours) offsetsByZone.set(timeZone, (hours = new Map()));
  const known = hours.get(hour);
  if (known !== undefined) return known;
  const offset = exactOffsetAt(instant, timeZone);
  const start = hour * HOUR_MS;
  if (exactOffsetAt(start, timeZone) === offset && exactOffsetAt(start + HOUR_MS - 1, timeZone) === offset)
    hours.set(hour, offset);
  return offset;
}

/** The instant at which the zone's clocks show the given wall-clock time. */
export function instantOf(w: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  const guess = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(guess, timeZone);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Sheets stores dates as days since 1899-12-30 in the spreadsheet's time zone. */
export function toSerial(instant: number, timeZone: string): number {
  return (instant + offsetAt(instant, timeZone) - SERIAL_EPOCH) / DAY_MS;
}

export function fromSerial(serial: number, timeZone: string): Date {
  const asUtc = new Date(Math.round(SERIAL_EPOCH + serial * DAY_MS));
  return new Date(
    instantOf(
      {
        year: asUtc.getUTCFullYear(),
        month: asUtc.getUTCMonth() + 1,
        day: asUtc.getUTCDate(),
        hour: asUtc.getUTCHours(),
        minute: asUtc.getUTCMinutes(),
        second: asUtc.getUTCSeconds(),
        ms: asUtc.getUTCMilliseconds(),
      },
      timeZone,
    ),
  );
}
