import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../src/domain/calendar';
import { plannedPct, taskHealth, type TaskFacts } from '../../src/domain/health';
import { defaultSettings } from '../../src/domain/settings';
import { at } from '../support/days';

const settings = defaultSettings({ locale: 'zh_CN', timeZone: 'Asia/Shanghai' });
const calendar = new WorkCalendar(settings);

/** Wall time in Shanghai (+08:00, no DST). */

// 新品推广方案初稿撰写: Monday 7/8 to Monday 7/15 (date only) = 6 working days.
const draft: TaskFacts = {
  status: 'inProgress',
  start: at('2024-07-08T00:00'),
  due: at('2024-07-15T00:00'),
  pct: 70,
  lastUpdate: at('2024-07-10T09:00'),
};

const check = (task: Partial<TaskFacts>, now: string) => taskHealth({ ...draft, ...task }, at(now), calendar, settings);

test('a task ahead of its straight-line plan and recently updated is on track', () => {
  const result = check({}, '2024-07-10T10:00');
  assert.equal(result.health, 'onTrack');
  assert.deepEqual([...result.conditions], []);
  assert.equal(result.expectedPct, 33); // 7/8 and 7/9 of 6 working days are behind us
  assert.equal(result.dueAt?.toISOString(), at('2024-07-15T18:00').toISOString());
});

test('the plan counts working days only and today once its working day has ended', () => {
  assert.equal(plannedPct(draft.start!, draft.due!, at('2024-07-12T17:59'), calendar), 67);
  assert.equal(plannedPct(draft.start!, draft.due!, at('2024-07-12T18:00'), calendar), 83);
  // The weekend adds nothing.
  assert.equal(plannedPct(draft.start!, draft.due!, at('2024-07-14T12:00'), calendar), 83);
  assert.equal(plannedPct(draft.start!, draft.due!, at('2024-07-07T12:00'), calendar), 0);
  assert.equal(plannedPct(draft.start!, draft.due!, at('2024-07-16T09:00'), calendar), 100);
});

test('more than lagThreshold points behind plan is lagging; no entry for staleDays working days is stale', () => {
  const result = check({ pct: 10, lastUpdate: at('2024-07-08T10:00') }, '2024-07-11T10:00');
  assert.equal(result.expectedPct, 50);
  assert.deepEqual([...result.conditions].sort(), ['lagging', 'stale']);
  assert.equal(result.health, 'lagging');
  // Exactly 20 points behind is not lagging; two working days without an entry is not stale.
  assert.deepEqual([...check({ pct: 30, lastUpdate: at('2024-07-09T10:00') }, '2024-07-11T10:00').conditions], []);
});

test('a weekend between the last entry and now does not make a task stale', () => {
  assert.equal(
    check({ pct: 90, lastUpdate: at('2024-07-12T10:00') }, '2024-07-15T09:00').conditions.has('stale'),
    false,
  );
});

test('due within dueSoonDays working days is due soon, the last finalHours are final hours', () => {
  const friday = check({ pct: 80, lastUpdate: at('2024-07-12T09:00') }, '2024-07-12T10:00');
  assert.equal(friday.health, 'dueSoon');
  assert.deepEqual([...friday.conditions], ['dueSoon']);
  const thursday = check({ pct: 80, lastUpdate: at('2024-07-11T09:00') }, '2024-07-11T10:00');
  assert.equal(thursday.health, 'onTrack');
  const lastAfternoon = check({ pct: 95, lastUpdate: at('2024-07-15T09:00') }, '2024-07-15T13:00');
  assert.deepEqual([...lastAfternoon.conditions].sort(), ['dueSoon', 'finalHours']);
  assert.equal(lastAfternoon.health, 'dueSoon');
});

test('past the due time is overdue, and overdue beats blocked', () => {
  const late = check({ pct: 95, lastUpdate: at('2024-07-15T09:00') }, '2024-07-15T18:01');
  assert.equal(late.health, 'overdue');
  assert.equal(late.conditions.has('dueSoon'), false);
  assert.equal(check({ status: 'blocked' }, '2024-07-16T09:00').health, 'overdue');
  assert.equal(check({ status: 'blocked' }, '2024-07-10T10:00').health, 'blocked');
  const withTime = check(
    { due: at('2024-07-15T12:00'), pct: 95, lastUpdate: at('2024-07-15T09:00') },
    '2024-07-15T12:30',
  );
  assert.equal(withTime.health, 'overdue');
});

test('delivered, done and cancelled tasks raise nothing', () => {
  const awaiting = check(
    { status: 'awaitingAcceptance', pct: 100, lastUpdate: at('2024-07-12T09:00') },
    '2024-07-18T10:00',
  );
  assert.equal(awaiting.health, 'onTrack');
  assert.deepEqual([...awaiting.conditions], []);
  assert.equal(check({ status: 'done' }, '2024-07-18T10:00').health, 'done');
  assert.equal(check({ status: 'cancelled' }, '2024-07-18T10:00').health, 'done');
});

test('a task not started past its start date lags but is not stale', () => {
  const result = check({ status: 'notStarted', pct: 0, lastUpdate: undefined }, '2024-07-11T10:00');
  assert.deepEqual([...result.conditions], ['lagging']);
  assert.equal(check({ status: undefined, pct: 0, lastUpdate: undefined }, '2024-07-11T10:00').health, 'lagging');
});

test('holidays from Settings move due soon', () => {
  const task = {
    status: 'inProgress',
    start: at('2024-09-23T00:00'),
    due: at('2024-10-08T00:00'),
    pct: 90,
    lastUpdate: at('2024-09-30T09:00'),
  } as const;
  const monday = at('2024-09-30T10:00');
  assert.equal(taskHealth(task, monday, calendar, settings).health, 'onTrack');
  const nationalDay = new WorkCalendar({
    ...settings,
    holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
  });
  assert.equal(taskHealth(task, monday, nationalDay, settings).health, 'dueSoon');
});
