import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../src/domain/calendar';
import { taskHealth } from '../../src/domain/health';
import { delayDays, isDelayReason, requestsMentioned, retrospective } from '../../src/domain/retrospective';
import { defaultSettings } from '../../src/domain/settings';
import type { ReportTask } from '../../src/domain/summary';
import { at } from '../support/days';

const settings = defaultSettings({ locale: 'zh_CN', timeZone: 'Asia/Shanghai' });
const calendar = new WorkCalendar(settings);

test('delay is counted in working days after the end of the baseline due day', () => {
  const baseline = at('2024-07-12T00:00'); // a Friday, due at 18:00
  const delay = (completed: string, due = baseline) =>
    delayDays({ baseline, due, completedAt: at(completed) }, calendar);
  assert.equal(delay('2024-07-12T17:00'), 0);
  assert.equal(delay('2024-07-12T19:00'), 1, 'after 18:00 is late');
  assert.equal(delay('2024-07-15T10:00'), 1, 'the weekend does not count');
  assert.equal(delay('2024-07-16T10:00'), 2);
  assert.equal(delay('2024-07-10T10:00'), -2, 'early');
  assert.equal(delayDays({ baseline, due: baseline, completedAt: undefined }, calendar), undefined);
  // Without a baseline the due date is the plan.
  assert.equal(delayDays({ baseline: undefined, due: baseline, completedAt: at('2024-07-16T10:00') }, calendar), 2);
});

test('"无" and its usual spellings are not delay reasons', () => {
  for (const none of ['无', ' 无 ', '', '-', 'None', 'N/A', '暂无']) assert.equal(isDelayReason(none), false, none);
  assert.equal(isDelayReason('等待销售部数据'), true);
});

test('a reference names requests directly or through their task IDs', () => {
  const tasks = new Map([['RW202407001-01', 'XQ202407001']]);
  assert.deepEqual(requestsMentioned('xq202406001', tasks), ['XQ202406001']);
  assert.deepEqual(requestsMentioned('RW202407001-01 评审', tasks), ['XQ202407001']);
  assert.deepEqual(
    requestsMentioned('RW202405003-02', tasks),
    ['XQ202405003'],
    'an unknown task names its request by its digits',
  );
  assert.deepEqual(requestsMentioned('XQ202406001、RW202407001-01', tasks), ['XQ202406001', 'XQ202407001']);
  assert.deepEqual(requestsMentioned('方案评审', tasks), []);
});

test('the report has plan vs actual per task and three empty sections to write in', () => {
  const now = at('2024-07-12T15:00');
  const facts = {
    status: 'done' as const,
    start: at('2024-07-01T00:00'),
    due: at('2024-07-05T00:00'),
    pct: 100,
    lastUpdate: undefined,
  };
  const task: ReportTask = {
    ...facts,
    row: 2,
    id: 'RW1',
    name: '初稿',
    request: 'XQ1',
    dept: '市场部',
    owner: '张三',
    baseline: at('2024-07-03T00:00'),
    completedAt: at('2024-07-05T12:00'),
    health: taskHealth(facts, now, calendar, settings),
  };
  const report = retrospective({
    locale: 'en',
    now,
    calendar,
    request: {
      id: 'XQ1',
      title: 'Q3',
      dept: '市场部',
      requester: '',
      lead: '市场部',
      status: 'done',
      expected: undefined,
      submitted: undefined,
      approved: undefined,
      closed: at('2024-07-05T12:00'),
    },
    tasks: [task],
    progress: [],
    failures: [],
    communications: [],
  });
  assert.equal(report.title, 'Retrospective XQ1');
  const plan = report.sections.find((s) => s.heading === 'Planned vs actual')!;
  assert.deepEqual(plan.rows, [
    ['RW1', '初稿', '市场部', '张三', '2024-07-01', '2024-07-03', '2024-07-05', '2024-07-05 12:00', 2, 'Done'],
  ]);
  assert.deepEqual(
    report.sections.slice(-3).map((s) => [s.heading, s.rows.length, s.writeIn]),
    [
      ['What went well', 0, 4],
      ['What to improve', 0, 4],
      ['Suggestions', 0, 4],
    ],
  );
});
