/**
 * SPEC §2.11 rules on hand-computed cases: when a requester is due to be asked, a quarter and its
 * round's partner departments, an answer checked field by field, the case category of a low
 * rating, and satisfaction = answers rating overall 4 or 5 ÷ answers.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { civilDayFromKey, dayKeyOf, WorkCalendar } from '../../src/domain/calendar';
import { satisfactionRate } from '../../src/domain/kpis';
import {
  checkAnswer,
  lowestDimension,
  quarterNamed,
  quarterOf,
  requestsToAsk,
  roundPairs,
} from '../../src/domain/satisfaction';
import { at } from '../support/days';

const calendar = new WorkCalendar({
  timeZone: 'Asia/Shanghai',
  workDays: [1, 2, 3, 4, 5],
  holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
  workdaySwaps: ['2024-09-29', '2024-10-12'],
  endOfDay: '18:00',
});
const dayOf = (date: Date) => calendar.dayOf(date);

test('a done request is asked ratingAfterDays working days after it closed, over the National Day holidays, once', () => {
  const request = { id: 'XQ202409001', status: 'done' as const, closed: at('2024-09-30T17:00'), requester: '李娜' };
  assert.deepEqual(
    requestsToAsk([request], [], calendar, 1, at('2024-10-07T09:00')),
    [],
    'holidays are no working days',
  );
  assert.deepEqual(requestsToAsk([request], [], calendar, 1, at('2024-10-08T09:00')), ['XQ202409001']);
  const asked = [{ kind: 'request' as const, ref: 'xq202409001' }];
  assert.deepEqual(requestsToAsk([request], asked, calendar, 1, at('2024-12-08T09:00')), [], 'a row means asked');
  const reopened = { ...request, status: 'executing' as const };
  assert.deepEqual(requestsToAsk([reopened], [], calendar, 1, at('2024-10-08T09:00')), [], 'only done requests');
});

test('quarters: 2024-Q3 runs from July 1 to September 30; its reference names it back', () => {
  const q = quarterOf(civilDayFromKey('2024-08-15')!);
  assert.deepEqual([q.ref, dayKeyOf(q.first), dayKeyOf(q.last), q.month], ['2024-Q3', '2024-07-01', '2024-09-30', 2]);
  assert.equal(dayKeyOf(quarterOf(civilDayFromKey('2024-12-31')!).last), '2024-12-31');
  assert.equal(quarterNamed('2024-q4')?.ref, '2024-Q4');
  assert.equal(quarterNamed('2024-Q5'), undefined);
});

test('partners share a request with a task active in the quarter; each rates each other once', () => {
  const q3 = quarterOf(civilDayFromKey('2024-08-15')!);
  const requests = [
    { id: 'XQ1', dept: '销售部' },
    { id: 'XQ2', dept: '市场部' },
  ];
  const tasks = [
    {
      request: 'XQ1',
      dept: '市场部',
      start: at('2024-06-20T00:00'),
      due: at('2024-07-02T00:00'),
      status: 'done' as const,
    },
    {
      request: 'XQ1',
      dept: '设计部',
      start: at('2024-09-30T00:00'),
      due: at('2024-10-20T00:00'),
      status: 'notStarted' as const,
    },
    {
      request: 'XQ2',
      dept: '财务部',
      start: at('2024-05-01T00:00'),
      due: at('2024-06-28T00:00'),
      status: 'done' as const,
    },
    {
      request: 'XQ2',
      dept: '产品部',
      start: at('2024-10-01T00:00'),
      due: at('2024-10-28T00:00'),
      status: 'inProgress' as const,
    },
  ];
  assert.deepEqual(
    roundPairs(q3, requests, tasks, dayOf).map((p) => `${p.dept}→${p.ratedDept}`),
    ['市场部→设计部', '市场部→销售部', '设计部→市场部', '设计部→销售部', '销售部→市场部', '销售部→设计部'],
  );
});

test('an answer: each score a whole number 1–5, named when it is not; the comment optional', () => {
  assert.deepEqual(checkAnswer({ overall: '5', clarity: 4, flow: ' 3 ', communication: 1 }), {
    ok: true,
    scores: { overall: 5, clarity: 4, flow: 3, communication: 1 },
    comment: '',
  });
  const bad = checkAnswer({ overall: '', clarity: 0, flow: 2.5, communication: '五', comment: 'x'.repeat(1001) });
  assert.deepEqual(bad.ok ? [] : bad.problems, [
    { field: 'overall', problem: 'scoreMissing' },
    { field: 'clarity', problem: 'scoreNotWhole' },
    { field: 'flow', problem: 'scoreNotWhole' },
    { field: 'communication', problem: 'scoreNotWhole' },
    { field: 'comment', problem: 'commentTooLong' },
  ]);
});

test('a low rating’s case category follows its lowest dimension, the first of equals', () => {
  assert.deepEqual(lowestDimension({ overall: 2, clarity: 1, flow: 2, communication: 3 }), {
    field: 'clarity',
    category: 'roles',
  });
  assert.equal(lowestDimension({ overall: 2, clarity: 3, flow: 2, communication: 2 }).category, 'process');
  assert.equal(lowestDimension({ overall: 1, clarity: 4, flow: 3, communication: 1 }).category, 'communication');
});

test('satisfaction = answers of the period rating overall 4 or 5 ÷ answers of the period; none is "not measured"', () => {
  const september = { first: civilDayFromKey('2024-09-01')!, last: civilDayFromKey('2024-09-30')! };
  const answers = [
    { time: at('2024-09-02T10:00'), overall: 5 },
    { time: at('2024-09-10T10:00'), overall: 4 },
    { time: at('2024-09-20T10:00'), overall: 3 },
    { time: at('2024-10-08T10:00'), overall: 1 },
  ];
  assert.deepEqual(satisfactionRate(answers, september, calendar), { count: 2, of: 3, value: 2 / 3 });
  assert.equal(satisfactionRate([], september, calendar).value, undefined);
});
