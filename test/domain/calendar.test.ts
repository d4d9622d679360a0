import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import {
  WorkCalendar,
  civilDayFromKey,
  civilDayOfSerial,
  dayKeyIn,
  dayKeyOf,
  instantOfSerial,
  isoWeekdayOf,
  wallDateTime,
} from '../../src/domain/calendar';

// China's 2024 National Day: 10/1–10/7 off, Sunday 9/29 and Saturday 10/12 worked instead.
const shanghai = new WorkCalendar({
  timeZone: 'Asia/Shanghai',
  workDays: [1, 2, 3, 4, 5],
  holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
  workdaySwaps: ['2024-09-29', '2024-10-12'],
  endOfDay: '18:00',
});

const day = (key: string) => {
  const civil = civilDayFromKey(key);
  assert.ok(civil !== undefined, key);
  return civil;
};

test('day keys and weekdays are taken on the wall calendar of the zone', () => {
  // 17:00 UTC on 7/14 is already 01:00 on Monday 7/15 in Shanghai.
  const instant = new Date('2024-07-14T17:00:00Z');
  assert.equal(dayKeyIn(instant, 'Asia/Shanghai'), '2024-07-15');
  assert.equal(dayKeyIn(instant, 'America/New_York'), '2024-07-14');
  assert.equal(isoWeekdayOf(shanghai.dayOf(instant)), 1);
  assert.equal(dayKeyOf(day('2024-7-5')), '2024-07-05');
  assert.equal(civilDayFromKey('2024-02-30'), undefined);
});

test('weekends and holidays are days off, swapped weekend days are working days', () => {
  assert.equal(shanghai.isWorkingDay(day('2024-09-27')), true); // Friday
  assert.equal(shanghai.isWorkingDay(day('2024-09-28')), false); // Saturday
  assert.equal(shanghai.isWorkingDay(day('2024-09-29')), true); // Sunday, swapped
  assert.equal(shanghai.isWorkingDay(day('2024-10-02')), false); // holiday on a Wednesday
  assert.equal(shanghai.isWorkingDay(day('2024-10-12')), true); // Saturday, swapped
  assert.equal(shanghai.isWorkingDay(new Date('2024-09-28T16:30:00Z')), true); // 00:30 Sunday 9/29 local
});

test('working days between two dates skip days off and count backwards when reversed', () => {
  const friday = new Date('2024-09-27T02:00:00Z');
  const tuesdayAfter = new Date('2024-10-08T02:00:00Z');
  // Sun 9/29, Mon 9/30, Tue 10/8 are working; Sat 9/28 and the holidays are not.
  assert.equal(shanghai.workingDaysBetween(friday, tuesdayAfter), 3);
  assert.equal(shanghai.workingDaysBetween(tuesdayAfter, friday), -3);
  assert.equal(shanghai.workingDaysBetween(friday, friday), 0);
  assert.equal(shanghai.workingDaysInSpan(day('2024-09-30'), day('2024-10-08')), 2);
});

test('adding working days keeps the wall time and jumps over days off', () => {
  const monday = new Date('2024-09-30T01:30:00Z'); // 09:30 local
  assert.equal(shanghai.addWorkingDays(monday, 1).toISOString(), '2024-10-08T01:30:00.000Z');
  assert.equal(shanghai.addWorkingDays(monday, -2).toISOString(), '2024-09-27T01:30:00.000Z');
  assert.equal(shanghai.addWorkingDays(monday, 0).toISOString(), monday.toISOString());
  // Across the US spring-forward weekend 10:00 stays 10:00 (EST -5 → EDT -4).
  const newYork = new WorkCalendar({
    timeZone: 'America/New_York',
    workDays: [1, 2, 3, 4, 5],
    holidays: [],
    workdaySwaps: [],
    endOfDay: '17:30',
  });
  assert.equal(newYork.addWorkingDays(new Date('2024-03-08T15:00:00Z'), 1).toISOString(), '2024-03-11T14:00:00.000Z');
  assert.equal(newYork.endOfWorkingDay(day('2024-03-11')).toISOString(), '2024-03-11T21:30:00.000Z');
});

test('a due date without a time is due at the end of that working day', () => {
  const dateOnly = new Date('2024-07-14T16:00:00Z'); // 2024-07-15 00:00 in Shanghai
  assert.equal(shanghai.endOfWorkingDay(dateOnly).toISOString(), '2024-07-15T10:00:00.000Z');
  assert.equal(shanghai.dueInstant(dateOnly).toISOString(), '2024-07-15T10:00:00.000Z');
  const withTime = new Date('2024-07-15T04:00:00Z'); // 12:00 local
  assert.equal(shanghai.dueInstant(withTime).toISOString(), withTime.toISOString());
});

test('span counts agree with counting day by day, whatever order spans are asked in', () => {
  const calendar = new WorkCalendar({
    timeZone: 'Asia/Shanghai',
    workDays: [1, 2, 3, 4, 5],
    holidays: ['2024-10-01', '2025-01-01'],
    workdaySwaps: ['2024-09-29'],
    endOfDay: '18:00',
  });
  const start = day('2024-09-01');
  // Later spans first, then spans reaching further back (the running count is rebuilt), then far ahead.
  const spans = [
    [30, 60],
    [0, 10],
    [-400, -380],
    [-800, 900],
    [500, 520],
    [45, 44],
  ];
  for (const [a = 0, b = 0] of spans) {
    let expected = 0;
    for (let d = start + a; d <= start + b; d++) if (calendar.isWorkingDay(d)) expected++;
    assert.equal(calendar.workingDaysInSpan(start + a, start + b), expected, `${a}..${b}`);
  }
});

test('serial numbers are days since 1899-12-30 on the wall clock of the zone', () => {
  // 45566.75 is 2024-10-01 18:00: 10:00 UTC in Shanghai, 22:00 UTC in New York (EDT).
  assert.equal(instantOfSerial(45566.75, 'Asia/Shanghai').toISOString(), '2024-10-01T10:00:00.000Z');
  assert.equal(instantOfSerial(45566.75, 'America/New_York').toISOString(), '2024-10-01T22:00:00.000Z');
  assert.equal(dayKeyOf(civilDayOfSerial(45566.75)), '2024-10-01');
});

test('a date-time is typed as its wall-clock text in the zone, across a DST change', () => {
  assert.equal(wallDateTime(new Date('2024-10-01T10:00:05.678Z'), 'Asia/Shanghai'), '2024-10-01 18:00:05');
  // New York springs forward on 2024-03-10 at 02:00 (EST -5 → EDT -4).
  assert.equal(wallDateTime(new Date('2024-03-10T06:59:00Z'), 'America/New_York'), '2024-03-10 01:59:00');
  assert.equal(wallDateTime(new Date('2024-03-10T07:00:00Z'), 'America/New_York'), '2024-03-10 03:00:00');
});

test('working hours leave out weekends and holidays, counted on the wall clock of the zone', () => {
  const wall = (text: string) => new Date(`${text}+08:00`);
  // Friday 9/27 18:00 → Monday 9/30 09:00: 6 h of Friday, Sunday 9/29 (a swapped working day), 9 h of Monday.
  assert.equal(shanghai.workingHoursBetween(wall('2024-09-27T18:00'), wall('2024-09-30T09:00')), 6 + 24 + 9);
  // Monday 9/30 12:00 → Tuesday 10/8 12:00: the National Day holidays add nothing; Saturday 10/5–Sunday 10/6 neither.
  assert.equal(shanghai.workingHoursBetween(wall('2024-09-30T12:00'), wall('2024-10-08T12:00')), 12 + 12);
  assert.equal(shanghai.workingHoursBetween(wall('2024-10-02T08:00'), wall('2024-10-02T20:00')), 0);
  assert.equal(shanghai.workingHoursBetween(wall('2024-10-08T10:00'), wall('2024-10-08T09:00')), 0);
});
