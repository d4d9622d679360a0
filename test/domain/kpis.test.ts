/**
 * SPEC §3.9 key figures on hand-computed cases: September 2024 in Shanghai, with the Mid-Autumn
 * holidays (9/16, 9/17) and the 调休 Saturday 9/14 that made up for them.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { civilDayFromKey, WorkCalendar } from '../../src/domain/calendar';
import {
  changeRate,
  delayRate,
  isOnTime,
  monthsUpTo,
  onTimeRate,
  resolutionRate,
  responseTime,
  signOffTimeliness,
  workingHoursBetween,
  type KpiTask,
} from '../../src/domain/kpis';
import { acceptedDates } from '../../src/domain/summary';
import { at } from '../support/days';

const calendar = new WorkCalendar({
  timeZone: 'Asia/Shanghai',
  workDays: [1, 2, 3, 4, 5],
  holidays: ['2024-09-16', '2024-09-17'],
  workdaySwaps: ['2024-09-14'],
  endOfDay: '18:00',
});
const day = (key: string) => at(`${key}T00:00`);
const september = { first: civilDayFromKey('2024-09-01')!, last: civilDayFromKey('2024-09-30')! };
const now = at('2024-09-30T10:00');

// C's first acceptance was returned (Fail on 9/6); it passed on Monday 9/9.
const accepted = acceptedDates([{ task: 'C', date: at('2024-09-09T09:00') }]);
const task = (id: string, baseline: string, completed?: Date, extra: Partial<KpiTask> = {}): KpiTask => ({
  id,
  status: completed ? 'done' : 'inProgress',
  baseline: day(baseline),
  due: day(baseline),
  completedAt: completed,
  ...extra,
});
const tasks: KpiTask[] = [
  // A plan change moved A's due to 9/20; it was accepted 9/19, before the new due but after the baseline.
  task('A', '2024-09-13', at('2024-09-19T10:00'), { due: day('2024-09-20') }),
  // Due on the 调休 Saturday and accepted that afternoon.
  task('B', '2024-09-14', at('2024-09-14T17:00')),
  task('C', '2024-09-06', accepted.get('C')),
  task('D', '2024-09-27'),
  task('E', '2024-09-30'),
  task('F', '2024-09-10', undefined, { status: 'cancelled' }),
  task('G', '2024-08-30', at('2024-08-30T17:59')),
];

test('"on time" is accepted on or before the end of the baseline due day, whatever a plan change moved', () => {
  assert.deepEqual(
    tasks.map((x) => isOnTime(x, calendar)),
    [false, true, false, undefined, undefined, undefined, true],
  );
  assert.equal(isOnTime(task('H', '2024-09-13', at('2024-09-13T18:01')), calendar), false, 'after 18:00 is late');
});

test('按期完成率 counts the tasks accepted in the period: 1 of 3 in September', () => {
  assert.deepEqual(onTimeRate(tasks, september, calendar), { count: 1, of: 3, value: 1 / 3 });
  const july = { first: civilDayFromKey('2024-07-01')!, last: civilDayFromKey('2024-07-31')! };
  assert.equal(onTimeRate(tasks, july, calendar).value, undefined, 'nothing accepted: not measured, not 0 %');
});

test('延期率: of the 5 tasks due in September (the cancelled one aside), A, C and the open D are past due', () => {
  assert.deepEqual(delayRate(tasks, september, now, calendar), { count: 3, of: 5, value: 3 / 5 });
});

test('变更率: approved plan changes of the tasks due in the period', () => {
  assert.deepEqual(changeRate(tasks, [{ task: 'a ' }, { task: 'G' }], september, calendar), {
    count: 1,
    of: 5,
    value: 1 / 5,
  });
});

test('working hours skip weekends and holidays and count the 调休 Saturday', () => {
  // Fri 16:00 → 24:00 (8) + Sat 9/14 (24) + Sun, Mon and Tue off + Wed to 10:00 (10).
  assert.equal(workingHoursBetween(at('2024-09-13T16:00'), at('2024-09-18T10:00'), calendar), 42);
  // Fri 17:00 → Mon 09:00 over a plain weekend: 7 + 9.
  assert.equal(workingHoursBetween(at('2024-09-20T17:00'), at('2024-09-23T09:00'), calendar), 16);
});

test('平均响应时长 and the share answered within 24 working hours', () => {
  const requests = [
    { submitted: at('2024-09-13T16:00'), reviewed: at('2024-09-18T10:00') },
    { submitted: at('2024-09-20T17:00'), reviewed: at('2024-09-23T09:00') },
    { submitted: at('2024-09-24T09:00'), reviewed: undefined },
  ];
  assert.deepEqual(responseTime(requests, september, calendar, 24), {
    averageHours: 29,
    withinTarget: { count: 1, of: 2, value: 1 / 2 },
  });
});

test('the response and sign-off targets are the ones given: the same spans judged against others', () => {
  // 42 and 16 working hours to a review; 24 and 72 to a decision (as in the tests above).
  const requests = [
    { submitted: at('2024-09-13T16:00'), reviewed: at('2024-09-18T10:00') },
    { submitted: at('2024-09-20T17:00'), reviewed: at('2024-09-23T09:00') },
  ];
  const signOffs = [
    { requestedAt: at('2024-09-13T09:00'), decidedAt: at('2024-09-14T09:00') },
    { requestedAt: at('2024-09-12T09:00'), decidedAt: at('2024-09-18T09:00') },
  ];
  const share = (d: { withinTarget: { count: number; of: number } }) => [d.withinTarget.count, d.withinTarget.of];
  assert.deepEqual(share(responseTime(requests, september, calendar, 8)), [0, 2]);
  assert.deepEqual(share(responseTime(requests, september, calendar, 16)), [1, 2]);
  assert.deepEqual(share(responseTime(requests, september, calendar, 48)), [2, 2]);
  assert.equal(responseTime(requests, september, calendar, 8).averageHours, 29);
  assert.deepEqual(share(signOffTimeliness(signOffs, september, calendar, 12)), [0, 2]);
  assert.deepEqual(share(signOffTimeliness(signOffs, september, calendar, 72)), [2, 2]);
});

test('签批及时率: decided within 48 working hours of the request', () => {
  const signOffs = [
    { requestedAt: at('2024-09-13T09:00'), decidedAt: at('2024-09-14T09:00') },
    { requestedAt: at('2024-09-12T09:00'), decidedAt: at('2024-09-18T09:00') },
    { requestedAt: at('2024-09-25T09:00'), decidedAt: undefined },
  ];
  assert.deepEqual(signOffTimeliness(signOffs, september, calendar, 48), {
    averageHours: 48,
    withinTarget: { count: 1, of: 2, value: 1 / 2 },
  });
});

test('问题解决率: L2/L3 episodes whose item closed within 5 working days of the first notice', () => {
  const escalations = [
    // 9/11, 12, 13, the 调休 14th and the 18th: 5 working days.
    { opened: at('2024-09-10T10:00'), closed: at('2024-09-18T10:00') },
    { opened: at('2024-09-02T10:00'), closed: at('2024-09-10T10:00') },
    { opened: at('2024-09-25T10:00'), closed: undefined },
    { opened: at('2024-08-28T10:00'), closed: at('2024-08-29T10:00') },
  ];
  assert.deepEqual(resolutionRate(escalations, september, calendar), { count: 1, of: 3, value: 1 / 3 });
});

test('the six months up to a day, oldest first', () => {
  const months = monthsUpTo(civilDayFromKey('2024-02-18')!, 3);
  assert.deepEqual(
    months.map((m) => m.label),
    ['2023-12', '2024-01', '2024-02'],
  );
  assert.equal(months[2]!.last, civilDayFromKey('2024-02-29'));
});
