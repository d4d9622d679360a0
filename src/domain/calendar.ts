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

/**
 * Slots of the cache in front of the offset map, for the hours a scan keeps coming back to. A prime,
 * so that hours whole days apart (24 apart) fall into different slots.
 */
const RECENT_SLOTS = 251;

/**
 * UTC offsets of one zone, looked up once per UTC hour (zones change offset on an hour). A scan
 * asks about ten times per task, mostly for the same few hours, so a small direct-mapped cache
 * of typed arrays answers before the map does.
 */
class ZoneOffsets {
  private readonly byHour = new Map<number, number>();
  private readonly recentHours = new Float64Array(RECENT_SLOTS).fill(NaN);
  private readonly recentOffsets = new Float64Array(RECENT_SLOTS);

  constructor(readonly timeZone: string) {}

  /** The zone's UTC offset at `ms`, in ms. */
  at(ms: number): number {
    const hour = Math.floor(ms / HOUR_MS);
    const slot = ((hour % RECENT_SLOTS) + RECENT_SLOTS) % RECENT_SLOTS;
    if (this.recentHours[slot] === hour) return this.recentOffsets[slot] as number;
    const offset = this.lookUp(hour);
    this.recentHours[slot] = hour;
    this.recentOffsets[slot] = offset;
    return offset;
  }

  /** The rare path, kept out of `at` so the optimizer need not inline the time-zone database into every caller. */
  private lookUp(hour: number): number {
    let offset = this.byHour.get(hour);
    if (offset === undefined) {
      offset = tzOffset(this.timeZone, new Date(hour * HOUR_MS)) * MINUTE_MS;
      this.byHour.set(hour, offset);
    }
    return offset;
  }

  /** The instant (ms) at which the zone shows the wall time `wallMs` (UTC fields = wall fields). */
  instantOf(wallMs: number): number {
    return wallMs - this.at(wallMs - this.at(wallMs));
  }
}

const zones = new Map<string, ZoneOffsets>();

function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (!zone) zones.set(timeZone, (zone = new ZoneOffsets(timeZone)));
  return zone;
}

/** The civil day of `instant` in `timeZone`. */
export function civilDayIn(instant: Date, timeZone: string): CivilDay {
  const ms = instant.getTime();
  return Math.floor((ms + zoneOffsets(timeZone).at(ms)) / MS_PER_DAY);
}

export function dayKeyOf(day: CivilDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** yyyy-MM-dd of `instant` in `timeZone`. */
export function dayKeyIn(instant: Date, timeZone: string): string {
  return dayKeyOf(civilDayIn(instant, timeZone));
}

/**
 * Sheets keeps a date-time as a serial number: days since 1899-12-30 00:00 on the wall clock of
 * the spreadsheet's time zone, the time as the fraction. The Sheets API reads and writes them.
 */
const SERIAL_DAY_OF_1970 = 25_569;

/** The instant a serial number stands for in `timeZone`, to the millisecond. */
export function instantOfSerial(serial: number, timeZone: string): Date {
  const wallMs = Math.round((serial - SERIAL_DAY_OF_1970) * MS_PER_DAY);
  return new Date(zoneOffsets(timeZone).instantOf(wallMs));
}

/** yyyy-MM-dd HH:mm:ss of `instant` on the wall clock of `timeZone`: how a date-time is typed. */
export function wallDateTime(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  return new Date(ms + zoneOffsets(timeZone).at(ms)).toISOString().slice(0, 19).replace('T', ' ');
}

/** The civil day a serial number falls on (its whole part). */
export function civilDayOfSerial(serial: number): CivilDay {
  return Math.floor(serial) - SERIAL_DAY_OF_1970;
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

/** The Monday that starts the ISO week of a civil day. */
export function mondayOf(day: CivilDay): CivilDay {
  return day - (isoWeekdayOf(day) - 1);
}

export class WorkCalendar {
  readonly timeZone: string;
  private readonly workDays: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<CivilDay>;
  private readonly swaps: ReadonlySet<CivilDay>;
  private readonly endHour: number;
  private readonly endMinute: number;
  private readonly offsets: ZoneOffsets;
  /** Per civil day, computed once: thousands of tasks share a few hundred days. */
  private readonly dayEnds = new Map<CivilDay, number>();
  private readonly dayKeys = new Map<CivilDay, string>();
  /** counts[i] = working days in [first, first + i): spans become two look-ups. */
  private first = 0;
  private counts: number[] = [0];
  private endedAsked = NaN;
  private ended = false;

  constructor(settings: CalendarSettings) {
    this.timeZone = settings.timeZone;
    this.workDays = new Set(settings.workDays);
    this.holidays = daySet(settings.holidays);
    this.swaps = daySet(settings.workdaySwaps);
    const [hour, minute] = settings.endOfDay.split(':').map(Number);
    this.endHour = hour ?? 18;
    this.endMinute = minute ?? 0;
    this.offsets = zoneOffsets(this.timeZone);
  }

  /** The wall clock of `ms` in the calendar's zone, as ms whose UTC fields are the wall fields. */
  private wallMs(ms: number): number {
    return ms + this.offsets.at(ms);
  }

  dayOf(instant: Date): CivilDay {
    return this.dayAt(instant.getTime());
  }

  /** dayOf for an instant given as ms since the epoch: callers that hold the ms already. */
  dayAt(ms: number): CivilDay {
    return Math.floor(this.wallMs(ms) / MS_PER_DAY);
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
    // Counting is the rare path (a new span); the check keeps it out of the optimized callers.
    if (from < this.first || to - this.first + 1 >= this.counts.length) this.cover(from, to);
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

  /**
   * Wall-clock hours from `from` to `to` that fall on working days (SPEC §3.3 escalateAfterHours):
   * a weekend or holiday adds nothing, so a clock started on Friday evening has not run by Monday
   * morning. 0 when `to` is not later.
   */
  workingHoursBetween(from: Date, to: Date): number {
    const a = this.wallMs(from.getTime());
    const b = this.wallMs(to.getTime());
    if (b <= a) return 0;
    const firstDay = Math.floor(a / MS_PER_DAY);
    const lastDay = Math.floor(b / MS_PER_DAY);
    const on = (day: CivilDay, ms: number) => (this.isWorkingDay(day) ? ms : 0);
    if (firstDay === lastDay) return on(firstDay, b - a) / HOUR_MS;
    const firstPart = on(firstDay, (firstDay + 1) * MS_PER_DAY - a);
    const lastPart = on(lastDay, b - lastDay * MS_PER_DAY);
    const between = this.workingDaysInSpan(firstDay + 1, lastDay - 1) * MS_PER_DAY;
    return (firstPart + between + lastPart) / HOUR_MS;
  }

  /** The same wall time `n` working days later (earlier when n < 0). */
  addWorkingDays(instant: Date, n: number): Date {
    const step = n < 0 ? -1 : 1;
    let day = this.dayOf(instant);
    for (let left = Math.abs(n); left > 0;) {
      day += step;
      if (this.isWorkingDay(day)) left--;
    }
    const timeOfDay = this.wallMs(instant.getTime()) - this.dayOf(instant) * MS_PER_DAY;
    return new Date(this.offsets.instantOf(day * MS_PER_DAY + timeOfDay));
  }

  /** The instant the working day of `day` ends (Settings › end of working day). */
  endOfWorkingDay(day: CivilDay | Date): Date {
    return new Date(this.endOfDayMs(typeof day === 'number' ? day : this.dayOf(day)));
  }

  /** Whether, at `ms` (since the epoch), the working day of that day has ended; a day off has none to end. */
  workingDayEnded(ms: number): boolean {
    // Health asks this of "now" once per task: the last answer is kept.
    if (ms !== this.endedAsked) {
      const day = this.dayAt(ms);
      this.endedAsked = ms;
      this.ended = this.isWorkingDay(day) && ms >= this.endOfDayMs(day);
    }
    return this.ended;
  }

  private endOfDayMs(day: CivilDay): number {
    let end = this.dayEnds.get(day);
    if (end === undefined) {
      end = this.offsets.instantOf(day * MS_PER_DAY + this.endHour * HOUR_MS + this.endMinute * MINUTE_MS);
      this.dayEnds.set(day, end);
    }
    return end;
  }

  /** Wall time hour:minute of a civil day in the calendar's zone, as an instant. */
  at(day: CivilDay, hour: number, minute = 0): Date {
    return new Date(this.offsets.instantOf(day * MS_PER_DAY + hour * HOUR_MS + minute * MINUTE_MS));
  }

  /** Hours (0–23) on the wall clock of the calendar's zone. */
  hourOf(instant: Date): number {
    return Math.floor(this.timeOfDay(instant.getTime()) / HOUR_MS);
  }

  /** yyyy-MM-dd HH:mm on the zone's wall clock; the time is left out when it is midnight. */
  wallText(instant: Date): string {
    const wall = this.wallMs(instant.getTime());
    const day = Math.floor(wall / MS_PER_DAY);
    const minutes = Math.floor((wall - day * MS_PER_DAY) / MINUTE_MS);
    let key = this.dayKeys.get(day);
    if (key === undefined) this.dayKeys.set(day, (key = dayKeyOf(day)));
    return minutes === 0 ? key : `${key} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
  }

  /** A due date typed without a time (midnight) is due at the end of that working day. */
  dueInstant(due: Date): Date {
    const ms = due.getTime();
    return this.timeOfDay(ms) === 0 ? new Date(this.endOfDayMs(this.dayAt(ms))) : due;
  }

  /** dueInstant for a due date given as ms since the epoch, as ms. */
  dueMs(ms: number): number {
    return this.timeOfDay(ms) === 0 ? this.endOfDayMs(this.dayAt(ms)) : ms;
  }

  /** ms since wall-clock midnight of the day `ms` falls on. */
  private timeOfDay(ms: number): number {
    const wall = this.wallMs(ms);
    return wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY;
  }
}

/** Two-digit hours, minutes, months and days. */
export function pad2(n: number): string {
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
