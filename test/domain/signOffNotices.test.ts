/** Notices of sign-offs and delegation (SPEC §2.7, §2.9) as findNotices decides them. */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../src/domain/calendar';
import type { Directory } from '../../src/domain/directory';
import { taskHealth } from '../../src/domain/health';
import { findNotices } from '../../src/domain/notices';
import { type Notice, type RequestItem, type TaskItem } from '../../src/domain/notice';
import type { LogEntry } from '../../src/domain/told';
import { buildDigest } from '../../src/domain/digest';
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
    {
      name: '副总',
      email: 'vp-mkt@corp.cn',
      dept: '市场部',
      delegate: '助理',
      awayFrom: '2024-07-08',
      awayTo: '2024-07-12',
    },
    { name: '助理', email: 'assistant@corp.cn', dept: '市场部' },
    { name: '市场负责人', email: 'mkt-head@corp.cn', dept: '市场部', delegate: '张三', awayFrom: '2024-07-15' },
  ],
};

const request = (status: RequestItem['status']): RequestItem => ({
  row: 2,
  id: 'XQ202407001',
  title: '2024年Q3新品上市推广方案',
  dept: '市场部',
  requester: '张三',
  depts: ['市场部'],
  lead: '市场部',
  coordinator: '',
  status,
  submitted: at('2024-07-01T10:00'),
  approved: at('2024-07-01T11:00'),
});

const task: TaskItem = {
  row: 2,
  id: 'RW202407001-01',
  name: '新品推广方案初稿撰写',
  request: 'XQ202407001',
  dept: '市场部',
  owner: '张三',
  dependsOn: [],
  status: 'blocked',
  start: at('2024-07-01T00:00'),
  due: at('2024-07-31T00:00'),
  pct: 10,
  lastUpdate: at('2024-07-01T09:00'),
  progressSummary: '',
  delayReason: '',
};

/** A task of a split that waits for its heads: not started, and behind the straight-line plan. */
const waiting: TaskItem = { ...task, status: 'notStarted', pct: 0, lastUpdate: undefined };

const signOff = (decision: SignOffRecord['decision'], decidedAt?: string): SignOffRecord => ({
  row: 2,
  subject: 'split',
  ref: 'XQ202407001',
  signer: 'mkt-head@corp.cn',
  onBehalfOf: '',
  decision,
  comment: '',
  decidedAt: decidedAt ? at(decidedAt) : undefined,
  requestedAt: at('2024-07-08T10:00'),
});

function notices(
  now: string,
  status: RequestItem['status'],
  signOffs: SignOffRecord[],
  log: LogEntry[] = [],
  item: TaskItem = task,
) {
  const instant = at(now);
  return findNotices({
    now: instant,
    settings,
    calendar,
    directory,
    tasks: [{ task: item, health: taskHealth(item, instant, calendar, settings) }],
    requests: [request(status)],
    actions: [],
    changes: [],
    signOffs,
    log,
  });
}

const summary = (list: Notice[]) =>
  list.map((n) => `${n.rule} ${n.level} ${n.item} → ${n.to.join(',')}${n.cc.length ? ` | cc ${n.cc.join(',')}` : ''}`);

test('a pending sign-off is 待您签批 (L1) to its signer; the split’s tasks raise no lagging while it waits', () => {
  assert.deepEqual(summary(notices('2024-07-09T09:00', 'signOff', [signOff('pending')], [], waiting)), [
    'signOffPending L1 XQ202407001 → mkt-head@corp.cn',
  ]);
});

test('after signOffDays working days the signer and the coordinator are warned (L2)', () => {
  assert.deepEqual(summary(notices('2024-07-12T09:00', 'signOff', [signOff('pending')], [], waiting)), [
    'signOffOverdue L2 XQ202407001 → mkt-head@corp.cn,pmo@corp.cn',
  ]);
});

test('a confirmed split tells its owners their task started; a signer away has a delegate receive', () => {
  const confirmed = [signOff('agree', '2024-07-09T10:00')];
  const fresh = { ...task, status: 'notStarted' as const, start: at('2024-07-10T00:00'), lastUpdate: undefined };
  assert.deepEqual(summary(notices('2024-07-10T09:00', 'executing', confirmed, [], fresh)), [
    'taskStarted L1 RW202407001-01 → zhang@corp.cn',
  ]);
  const started = summary(notices('2024-07-15T09:00', 'executing', confirmed));
  // From 7/15 the head is away; 张三 receives what is theirs (the blocked task's L2 head copy too).
  assert.ok(
    started.some((line) => /^blocked L2 .* → zhang@corp.cn \| cc pmo@corp.cn$/.test(line)),
    started.join('\n'),
  );
});

test('an L3 to a sponsor who is away goes to their delegate', () => {
  const l2 = (time: string): LogEntry => ({
    time: at(time),
    rule: 'blocked',
    level: 'L2',
    item: task.id,
    recipients: ['zhang@corp.cn'],
    status: 'sent',
    key: `blocked|L2|${task.id}`,
  });
  const list = notices('2024-07-10T09:00:01', 'executing', [], [l2('2024-07-08T09:00:05'), l2('2024-07-09T09:00:02')]);
  assert.deepEqual(
    summary(list).filter((line) => line.startsWith('unresolved')),
    ['unresolved L3 RW202407001-01 → assistant@corp.cn,pmo@corp.cn'],
  );
  // The delegate's digest says for whom they receive it; the coordinator's does not.
  const escalation = list.find((notice) => notice.rule === 'unresolved')!;
  assert.deepEqual(escalation.standingIn, { 'assistant@corp.cn': 'vp-mkt@corp.cn' });
  const context = { locale: 'zh-CN' as const, spreadsheetUrl: 'https://x', sheetIds: {}, cooldownHours: 24 };
  const digestFor = (recipient: string) =>
    buildDigest(recipient, [{ notice: escalation, recipient, role: 'to', key: `k|${recipient}` }], context).textBody;
  assert.match(digestFor('assistant@corp.cn'), /（代 vp-mkt@corp\.cn 接收：其不在期间由您代理）/);
  assert.doesNotMatch(digestFor('pmo@corp.cn'), /代 .* 接收/);
});
