/**
 * Work starts only through sign-off (SPEC §3.6, §2.9): task notices held back until the request is
 * 执行中, and a split never submitted told to the coordinator after one working day.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../src/domain/calendar';
import { buildDigest } from '../../src/domain/digest';
import type { Directory } from '../../src/domain/directory';
import { taskHealth } from '../../src/domain/health';
import type { Notice, RequestItem, TaskItem } from '../../src/domain/notice';
import { findNotices } from '../../src/domain/notices';
import { defaultSettings, type Settings } from '../../src/domain/settings';
import type { SignOffRecord } from '../../src/domain/signOffs';
import { at } from '../support/days';

const settings: Settings = {
  ...defaultSettings({ locale: 'zh_CN', timeZone: 'Asia/Shanghai' }),
  coordinators: ['pmo@corp.cn'],
};
const calendar = new WorkCalendar(settings);

const directory: Directory = {
  departments: [{ name: '市场部', head: 'mkt-head@corp.cn', sponsor: 'vp-mkt@corp.cn', liaison: '' }],
  people: [
    { name: '张三', email: 'zhang@corp.cn', dept: '市场部' },
    { name: '李四', email: 'li@corp.cn', dept: '市场部' },
  ],
};

/** Approved on Monday 7/8. */
const request = (overrides: Partial<RequestItem> = {}): RequestItem => ({
  row: 2,
  id: 'XQ202407001',
  title: '2024年Q3新品上市推广方案',
  dept: '市场部',
  requester: '李四',
  depts: ['市场部'],
  lead: '市场部',
  coordinator: '',
  status: 'approved',
  submitted: at('2024-07-05T10:00'),
  approved: at('2024-07-08T10:00'),
  ...overrides,
});

/** In progress since 7/1, due 7/12: on 7/11 it is due soon, stale and lagging at once. */
const task = (overrides: Partial<TaskItem> = {}): TaskItem => ({
  row: 2,
  id: 'RW202407001-01',
  name: '新品推广方案初稿撰写',
  request: 'XQ202407001',
  dept: '市场部',
  owner: '张三',
  dependsOn: [],
  progressSummary: '',
  delayReason: '',
  status: 'inProgress',
  start: at('2024-07-01T00:00'),
  due: at('2024-07-12T00:00'),
  pct: 10,
  lastUpdate: at('2024-07-01T09:00'),
  ...overrides,
});

function notices(now: string, requests: RequestItem[], tasks: TaskItem[], signOffs: SignOffRecord[] = []): Notice[] {
  const instant = at(now);
  return findNotices({
    now: instant,
    settings,
    calendar,
    directory,
    tasks: tasks.map((t) => ({ task: t, health: taskHealth(t, instant, calendar, settings) })),
    requests,
    actions: [],
    changes: [],
    signOffs,
    log: [],
  });
}

const summary = (list: Notice[]) =>
  list.map((n) => `${n.rule} ${n.level} ${n.item} → ${n.to.join(',')}${n.cc.length ? ` | cc ${n.cc.join(',')}` : ''}`);

test('due soon, stale and lagging are raised only when the request is 执行中', () => {
  const conditions = taskHealth(task(), at('2024-07-11T10:00'), calendar, settings).conditions;
  assert.deepEqual([...conditions].sort(), ['dueSoon', 'lagging', 'stale']);
  assert.deepEqual(summary(notices('2024-07-11T10:00', [request({ status: 'executing' })], [task()])), [
    'lagging L2 RW202407001-01 → zhang@corp.cn,mkt-head@corp.cn',
    'dueSoon L1 RW202407001-01 → zhang@corp.cn',
    'stale L1 RW202407001-01 → zhang@corp.cn',
  ]);
  for (const status of ['approved', 'signOff'] as const) {
    const found = notices('2024-07-11T10:00', [request({ status })], [task()]);
    assert.deepEqual(summary(found.filter((n) => n.sheet === 'tasks')), [], status);
  }
});

test('a task of an 已立项 request raises nothing but the split notice', () => {
  // 7/11: three working days after the approval, the task due soon, stale and lagging.
  assert.deepEqual(summary(notices('2024-07-11T10:00', [request()], [task()])), [
    'splitNotSubmitted L1 XQ202407001 → pmo@corp.cn',
  ]);
});

test('overdue, blocked and no owner are not held back by sign-off (SPEC §3.6 names due soon, stale, lagging)', () => {
  const late = task({ status: 'notStarted', pct: 0, lastUpdate: undefined, owner: '' });
  const blocked = task({ id: 'RW202407001-02', row: 3, status: 'blocked', due: at('2024-07-31T00:00') });
  const found = summary(notices('2024-07-15T10:00', [request({ status: 'signOff' })], [late, blocked]));
  assert.deepEqual(found, [
    'overdue L2 RW202407001-01 → mkt-head@corp.cn | cc pmo@corp.cn',
    'blocked L2 RW202407001-02 → zhang@corp.cn,mkt-head@corp.cn | cc pmo@corp.cn',
  ]);
});

test('a split not submitted is told to the coordinator after one working day, with its task count', () => {
  const tasks = [task(), task({ id: 'RW202407001-02', row: 3 }), task({ id: 'RW202407001-03', status: 'cancelled' })];
  // Approved Monday: nothing on Monday or Tuesday, told on Wednesday.
  assert.deepEqual(notices('2024-07-08T17:00', [request()], tasks), []);
  assert.deepEqual(notices('2024-07-09T17:00', [request()], tasks), []);
  const [told] = notices('2024-07-10T09:00', [request()], tasks);
  assert.deepEqual(
    { rule: told?.rule, level: told?.level, sheet: told?.sheet, to: told?.to, facts: told?.facts },
    {
      rule: 'splitNotSubmitted',
      level: 'L1',
      sheet: 'requests',
      to: ['pmo@corp.cn'],
      facts: { count: 2, since: '2024-07-08 10:00' },
    },
  );
  // The request's own coordinator replaces the Settings list.
  assert.deepEqual(notices('2024-07-10T09:00', [request({ coordinator: '李四' })], tasks)[0]?.to, ['li@corp.cn']);
});

test('an 已立项 request without tasks, or submitted (待会签, 执行中), has no split to tell', () => {
  assert.deepEqual(notices('2024-07-15T09:00', [request()], []), []);
  const waiting = task({ status: 'notStarted', pct: 0, lastUpdate: undefined, due: at('2024-08-30T00:00') });
  for (const status of ['signOff', 'executing'] as const)
    assert.deepEqual(
      notices('2024-07-15T09:00', [request({ status })], [waiting]).filter((n) => n.rule === 'splitNotSubmitted'),
      [],
    );
});

test('after a Return of its sign-off the split waits from the Return; without an approval time it is told at once', () => {
  const returned: SignOffRecord = {
    row: 2,
    subject: 'split',
    ref: 'XQ202407001',
    signer: 'mkt-head@corp.cn',
    onBehalfOf: '',
    decision: 'return',
    comment: '分工不清',
    decidedAt: at('2024-07-11T10:00'),
    requestedAt: at('2024-07-09T10:00'),
  };
  const waiting = task({ status: 'notStarted', pct: 0, lastUpdate: undefined, due: at('2024-08-30T00:00') });
  assert.deepEqual(notices('2024-07-12T09:00', [request()], [waiting], [returned]), []);
  assert.deepEqual(summary(notices('2024-07-15T09:00', [request()], [waiting], [returned])), [
    'splitNotSubmitted L1 XQ202407001 → pmo@corp.cn',
  ]);
  const undated = notices('2024-07-08T09:00', [request({ approved: undefined })], [waiting]);
  assert.deepEqual(
    undated.map((n) => [n.rule, n.facts]),
    [['splitNotSubmitted', { count: 1 }]],
  );
});

test('the digest words the split notice in both languages', () => {
  const told = notices('2024-07-10T09:00', [request()], [task({ status: 'notStarted', pct: 0 })]).find(
    (n) => n.rule === 'splitNotSubmitted',
  )!;
  const digest = (locale: 'zh-CN' | 'en', notice: Notice) =>
    buildDigest('pmo@corp.cn', [{ notice, recipient: 'pmo@corp.cn', role: 'to', key: 'k' }], {
      locale,
      spreadsheetUrl: 'https://x',
      sheetIds: {},
      cooldownHours: 24,
    });
  assert.match(digest('zh-CN', told).textBody, /任务分工未提交会签：1 个任务自 2024-07-08 10:00 起未提交会签/);
  assert.match(
    digest('en', told).textBody,
    /Split not submitted: 1 tasks waiting since 2024-07-08 10:00 for their split/,
  );
  assert.match(digest('zh-CN', told).subject, /任务分工未提交会签/);
  const undated = { ...told, facts: { count: 1 } };
  assert.match(digest('en', undated).textBody, /Split not submitted: 1 tasks waiting for their split to be submitted/);
  assert.match(digest('zh-CN', undated).textBody, /1 个任务的分工尚未提交会签/);
});
