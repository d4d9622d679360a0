/**
 * Working-day arithmetic in the spreadsheet's time zone. Days are handled as civil day numbers
 * (days since 1970-01-01 on the wall calendar of the time zone), so counting over thousands of
 * tasks is integer arithmetic. Only the zone's UTC offset comes from the time-zone database
 * (@date-fns/tz, via Intl), cached per UTC hour because looking it up is the expensive part.
 */
import { tzOffset } from '@date-fns/tz';

/** Days since 1970-01-01 on the wall calendar of some time zone. */
export type CivilDay = number;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const MS_PER_DAY = 86_400_000;

export interface CalendarSettings {
  readonly timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly workDays: readonly number[];
  /** yyyy-MM-dd days off. */
  readonly holidays: readonly string[];
  /** yyyy-MM-dd days that are working days although their weekday is not (调休). */
  readonly workdaySwaps: readonly string[];
  /** HH:mm */
  readonly endOfDay: string;
}

const offsets = new Map<string, Map<number, number>>();

/** The zone's UTC offset at `ms`, in ms. Zones change offset on a UTC hour, so one lookup serves the hour. */
function offsetAt(timeZone: string, ms: number): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const hour = Math.floor(ms / HOUR_MS);
  let offset = zone.get(hour);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(hour * HOUR_MS)) * MINUTE_MS;
    zone.set(hour, offset);
  }
  return offset;
}

/** The wall clock of `instant` in `timeZone`, as a Date whose UTC fields are the wall fields. */
function wallOf(instant: Date, timeZone: string): Date {
  return new Date(instant.getTime() + offsetAt(timeZone, instant.getTime()));
}

/** The instant at which `timeZone` shows the wall time `wallMs` (UTC fields = wall fields). */
function instantOf(wallMs: number, timeZone: string): Date {
  const first = wallMs - offsetAt(timeZone, wallMs);
  return new Date(wallMs - offsetAt(timeZone, first));
}

/** The civil day of `instant` in `timeZone`. */
export function civilDayIn(instant: Date, timeZone: string): CivilDay {
  const ms = instant.getTime();
  return Math.floor((ms + offsetAt(timeZone, ms)) / MS_PER_DAY);
}

export function dayKeyOf(day: CivilDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** yyyy-MM-dd of `instant` in `timeZone`. */
export function dayKeyIn(instant: Date, timeZone: string): string {
  return dayKeyOf(civilDayIn(instant, timeZone));
}

/** Parses yyyy-MM-dd (also yyyy/M/d); undefined when it is not a real calendar date. */
export function civilDayFromKey(key: string): CivilDay | undefined {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(key.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return undefined;
  return utc.getTime() / MS_PER_DAY;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a civil day; 1970-01-01 was a Thursday. */
export function isoWeekdayOf(day: CivilDay): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export class WorkCalendar {
  readonly timeZone: string;
  private readonly workDays: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<CivilDay>;
  private readonly swaps: ReadonlySet<CivilDay>;
  private readonly endHour: number;
  private readonly endMinute: number;
  /** counts[i] = working days in [first, first + i): spans become two look-ups. */
  private first = 0;
  private counts: number[] = [0];

  constructor(settings: CalendarSettings) {
    this.timeZone = settings.timeZone;
    this.workDays = new Set(settings.workDays);
    this.holidays = daySet(settings.holidays);
    this.swaps = daySet(settings.workdaySwaps);
    const [hour, minute] = settings.endOfDay.split(':').map(Number);
    this.endHour = hour ?? 18;
    this.endMinute = minute ?? 0;
  }

  dayOf(instant: Date): CivilDay {
    return civilDayIn(instant, this.timeZone);
  }

  isWorkingDay(day: CivilDay | Date): boolean {
    const civil = typeof day === 'number' ? day : this.dayOf(day);
    if (this.swaps.has(civil)) return true;
    if (this.holidays.has(civil)) return false;
    return this.workDays.has(isoWeekdayOf(civil));
  }

  /** Working days in the inclusive span [from, to]; 0 when to < from. */
  workingDaysInSpan(from: CivilDay, to: CivilDay): number {
    if (to < from) return 0;
    this.cover(from, to);
    return (this.counts[to - this.first + 1] ?? 0) - (this.counts[from - this.first] ?? 0);
  }

  /** Extends the running count to [from, to], a year at a time to the past so tasks rarely rebuild it. */
  private cover(from: CivilDay, to: CivilDay): void {
    if (this.counts.length === 1 || from < this.first) {
      const last = this.counts.length === 1 ? to : Math.max(to, this.first + this.counts.length - 2);
      this.first = from - 366;
      this.counts = [0];
      to = last;
    }
    for (let day = this.first + this.counts.length - 1; day <= to; day++) {
      this.counts.push((this.counts[this.counts.length - 1] ?? 0) + (this.isWorkingDay(day) ? 1 : 0));
    }
  }

  /**
   * Working days after `from`'s day up to and including `to`'s day: due tomorrow (a working
   * day) is 1, due today is 0. Negative, counting the same way backwards, when `to` is earlier.
   */
  workingDaysBetween(from: Date | CivilDay, to: Date | CivilDay): number {
    const a = typeof from === 'number' ? from : this.dayOf(from);
    const b = typeof to === 'number' ? to : this.dayOf(to);
    return b >= a ? this.workingDaysInSpan(a + 1, b) : -this.workingDaysInSpan(b + 1, a);
  }

  /** The same wall time `n` working days later (earlier when n < 0). */
  addWorkingDays(instant: Date, n: number): Date {
    const step = n < 0 ? -1 : 1;
    let day = this.dayOf(instant);
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (this.isWorkingDay(day)) left--;
    }
    const timeOfDay = wallOf(instant, this.timeZone).getTime() - this.dayOf(instant) * MS_PER_DAY;
    return instantOf(day * MS_PER_DAY + timeOfDay, this.timeZone);
  }

  /** The instant the working day of `day` ends (Settings › end of working day). */
  endOfWorkingDay(day: CivilDay | Date): Date {
    const civil = typeof day === 'number' ? day : this.dayOf(day);
    return this.at(civil, this.endHour, this.endMinute);
  }

  /** Wall time hour:minute of a civil day in the calendar's zone, as an instant. */
  at(day: CivilDay, hour: number, minute = 0): Date {
    return instantOf(day * MS_PER_DAY + hour * HOUR_MS + minute * MINUTE_MS, this.timeZone);
  }

  /** Hours (0–23) on the wall clock of the calendar's zone. */
  hourOf(instant: Date): number {
    return wallOf(instant, this.timeZone).getUTCHours();
  }

  /** yyyy-MM-dd HH:mm on the zone's wall clock; the time is left out when it is midnight. */
  wallText(instant: Date): string {
    const wall = wallOf(instant, this.timeZone);
    const [hour, minute] = [wall.getUTCHours(), wall.getUTCMinutes()];
    const day = wall.toISOString().slice(0, 10);
    return hour === 0 && minute === 0 ? day : `${day} ${pad(hour)}:${pad(minute)}`;
  }

  /** A due date typed without a time (midnight) is due at the end of that working day. */
  dueInstant(due: Date): Date {
    const dateOnly = wallOf(due, this.timeZone).getTime() % MS_PER_DAY === 0;
    return dateOnly ? this.endOfWorkingDay(due) : due;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daySet(keys: readonly string[]): Set<CivilDay> {
  const days = new Set<CivilDay>();
  for (const key of keys) {
    const day = civilDayFromKey(key);
    if (day !== undefined) days.add(day);
  }
  return days;
}
