import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../src/domain/calendar';
import type { Directory } from '../../src/domain/directory';
import {
  messageDrafts,
  planDeliveries,
  queuedKeys,
  type DeliveryPlan,
  type MessageDraft,
} from '../../src/domain/delivery';
import { entriesOf, messageId } from '../../src/domain/ledger';
import { findNotices } from '../../src/domain/notices';
import {
  type AcceptanceItem,
  type ActionItem,
  type EscalationInput,
  type Notice,
  type PlanChangeItem,
  type RequestItem,
  type TaskItem,
} from '../../src/domain/notice';
import { taskHealth } from '../../src/domain/health';
import { noticeKey, type LogEntry } from '../../src/domain/told';
import { defaultSettings, type Settings } from '../../src/domain/settings';
import { at } from '../support/days';

const settings: Settings = {
  ...defaultSettings({ locale: 'zh_CN', timeZone: 'Asia/Shanghai' }),
  coordinators: ['pmo@corp.cn'],
};
const calendar = new WorkCalendar(settings);

const directory: Directory = {
  departments: [
    { name: '市场部', head: 'mkt-head@corp.cn', sponsor: 'vp-mkt@corp.cn', liaison: '' },
    { name: '销售部', head: '赵经理', sponsor: 'vp-sales@corp.cn', liaison: '' },
    { name: '财务部', head: 'fin-head@corp.cn', sponsor: '', liaison: '' },
  ],
  people: [
    { name: '张三', email: 'zhang@corp.cn', dept: '市场部' },
    { name: '李四', email: 'li@corp.cn', dept: '销售部' },
    { name: '赵经理', email: 'sales-head@corp.cn', dept: '销售部' },
  ],
};

const request: RequestItem = {
  row: 2,
  id: 'XQ202407001',
  title: '2024年Q3新品上市推广方案',
  dept: '市场部',
  requester: '张三',
  depts: ['市场部', '销售部', '财务部'],
  lead: '市场部',
  coordinator: '',
  // Its split signed off: task notices are raised only for a request in execution (SPEC §3.6).
  status: 'executing',
  submitted: at('2024-07-01T10:00'),
  approved: at('2024-07-02T10:00'),
};

/** Monday 7/8 to Monday 7/15, 6 working days. */
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
  start: at('2024-07-08T00:00'),
  due: at('2024-07-15T00:00'),
  pct: 50,
  lastUpdate: at('2024-07-10T09:00'),
  ...overrides,
});

interface Scenario {
  tasks?: TaskItem[];
  requests?: RequestItem[];
  actions?: ActionItem[];
  changes?: PlanChangeItem[];
  acceptances?: AcceptanceItem[];
  log?: LogEntry[];
  settings?: Settings;
}

function notices(now: string, scenario: Scenario): Notice[] {
  const s = scenario.settings ?? settings;
  const instant = at(now);
  const input: EscalationInput = {
    now: instant,
    settings: s,
    calendar,
    directory,
    tasks: (scenario.tasks ?? []).map((t) => ({ task: t, health: taskHealth(t, instant, calendar, s) })),
    requests: scenario.requests ?? [request],
    actions: scenario.actions ?? [],
    changes: scenario.changes ?? [],
    acceptances: scenario.acceptances ?? [],
    log: scenario.log ?? [],
  };
  return findNotices(input);
}

/** rule level item → to | cc, the shape a reader checks. */
const summary = (list: Notice[]) =>
  list.map((n) => `${n.rule} ${n.level} ${n.item} → ${n.to.join(',')}${n.cc.length ? ` | cc ${n.cc.join(',')}` : ''}`);

test('due soon is an L1 reminder to the owner alone', () => {
  const found = notices('2024-07-12T09:00', { tasks: [task({ pct: 80, lastUpdate: at('2024-07-12T08:00') })] });
  assert.deepEqual(summary(found), ['dueSoon L1 RW202407001-01 → zhang@corp.cn']);
  assert.equal(found[0]?.facts.due, '2024-07-15');
});

test('overdue goes to owner and department head with the coordinators in copy', () => {
  const found = notices('2024-07-16T09:00', { tasks: [task({ pct: 95, lastUpdate: at('2024-07-16T08:00') })] });
  assert.deepEqual(summary(found), ['overdue L2 RW202407001-01 → zhang@corp.cn,mkt-head@corp.cn | cc pmo@corp.cn']);
  // The request's own coordinator replaces the Settings list.
  const own = notices('2024-07-16T09:00', {
    tasks: [task({ pct: 95, lastUpdate: at('2024-07-16T08:00') })],
    requests: [{ ...request, coordinator: '李四' }],
  });
  assert.deepEqual(own[0]?.cc, ['li@corp.cn']);
});

test('blocked and final hours are L2 with copy; final hours replaces the due-soon reminder', () => {
  const blocked = notices('2024-07-10T10:00', { tasks: [task({ status: 'blocked' })] });
  assert.deepEqual(summary(blocked), ['blocked L2 RW202407001-01 → zhang@corp.cn,mkt-head@corp.cn | cc pmo@corp.cn']);
  const final = notices('2024-07-15T14:00', { tasks: [task({ pct: 95, lastUpdate: at('2024-07-15T09:00') })] });
  assert.deepEqual(summary(final), ['finalHours L2 RW202407001-01 → zhang@corp.cn,mkt-head@corp.cn | cc pmo@corp.cn']);
  assert.equal(final[0]?.facts.hours, 4);
});

test('lagging warns owner and head; stale reminds the owner', () => {
  const found = notices('2024-07-11T10:00', { tasks: [task({ pct: 10, lastUpdate: at('2024-07-08T10:00') })] });
  assert.deepEqual(summary(found), [
    'lagging L2 RW202407001-01 → zhang@corp.cn,mkt-head@corp.cn',
    'stale L1 RW202407001-01 → zhang@corp.cn',
  ]);
  assert.deepEqual(found[0]?.facts, { pct: 10, expected: 50, gap: 40, due: '2024-07-15' });
});

test('a department head typed as a name is resolved through People', () => {
  const found = notices('2024-07-10T10:00', { tasks: [task({ status: 'blocked', dept: '销售部', owner: '李四' })] });
  assert.deepEqual(found[0]?.to, ['li@corp.cn', 'sales-head@corp.cn']);
});

test('dependency: a predecessor due soon reminds the downstream owner; an overdue one also the coordinator', () => {
  const upstream = task({ id: 'RW202407001-01', pct: 95, lastUpdate: at('2024-07-11T09:00') });
  const downstream = task({
    row: 3,
    id: 'RW202407001-02',
    name: '销售培训材料制作',
    dept: '销售部',
    owner: '李四',
    dependsOn: ['rw202407001-01'],
    status: 'notStarted',
    start: at('2024-08-01T00:00'),
    due: at('2024-08-07T00:00'),
    pct: 0,
    lastUpdate: undefined,
  });
  const soon = notices('2024-07-11T10:00', { tasks: [upstream, downstream] });
  assert.deepEqual(summary(soon), ['dependency L1 RW202407001-02 → li@corp.cn']);
  assert.equal(soon[0]?.facts.soon, 'RW202407001-01 新品推广方案初稿撰写 (2024-07-15)');
  const late = notices('2024-07-16T10:00', {
    tasks: [{ ...upstream, lastUpdate: at('2024-07-16T09:00') }, downstream],
  });
  assert.ok(summary(late).includes('dependency L1 RW202407001-02 → li@corp.cn | cc pmo@corp.cn'));
  // A finished predecessor is no risk.
  assert.deepEqual(notices('2024-07-16T10:00', { tasks: [{ ...upstream, status: 'done' }, downstream] }), []);
});

test('an invalid owner escalates to the department head and coordinator; an empty one only once work started', () => {
  const two = notices('2024-07-10T10:00', { tasks: [task({ owner: '张三、李四' })] });
  assert.deepEqual(summary(two), ['noOwner L2 RW202407001-01 → mkt-head@corp.cn,pmo@corp.cn']);
  assert.deepEqual(notices('2024-07-01T10:00', { tasks: [task({ owner: '', status: 'notStarted', pct: 0 })] }), []);
  assert.deepEqual(summary(notices('2024-07-10T10:00', { tasks: [task({ owner: '' })] })), [
    'noOwner L2 RW202407001-01 → mkt-head@corp.cn,pmo@corp.cn',
  ]);
});

test('a reminder with nobody to receive it goes to the coordinators', () => {
  const found = notices('2024-07-12T09:00', {
    tasks: [task({ owner: '王五', pct: 80, lastUpdate: at('2024-07-12T08:00') })],
  });
  assert.deepEqual(summary(found), [
    'noOwner L2 RW202407001-01 → mkt-head@corp.cn,pmo@corp.cn',
    'dueSoon L1 RW202407001-01 → pmo@corp.cn',
  ]);
});

const l2Log = (rule: string, times: string[]): LogEntry[] =>
  times.map((time) => ({
    time: at(time),
    rule,
    level: 'L2',
    item: 'RW202407001-01',
    recipients: ['zhang@corp.cn'],
    status: 'sent',
    key: `${rule}|L2|RW202407001-01`,
  }));

test('an L2 still true escalateAfterHours after its first send escalates to sponsor and coordinator (L3)', () => {
  const blocked = task({ status: 'blocked', due: at('2024-07-31T00:00'), pct: 50 });
  // First L2 Monday 09:00:05; Wednesday's scan a few seconds earlier in the hour still counts as 48 h.
  const log = l2Log('blocked', ['2024-07-08T09:00:05', '2024-07-09T09:00:02']);
  const wednesday = notices('2024-07-10T09:00:01', { tasks: [blocked], log });
  assert.deepEqual(
    summary(wednesday).filter((s) => s.startsWith('unresolved')),
    ['unresolved L3 RW202407001-01 → vp-mkt@corp.cn,pmo@corp.cn'],
  );
  assert.equal(wednesday.find((n) => n.rule === 'unresolved')?.facts.problems, 'blocked');
  const tuesday = notices('2024-07-09T09:00', { tasks: [blocked], log: log.slice(0, 1) });
  assert.equal(
    tuesday.some((n) => n.rule === 'unresolved'),
    false,
  );
  // Resolved problems do not escalate, even with an old L2 in the log.
  assert.equal(
    notices('2024-07-10T09:00', { tasks: [task()], log }).some((n) => n.rule === 'unresolved'),
    false,
  );
});

test('an L2 from an earlier episode (silence in the log longer than the cooldown) does not escalate', () => {
  const blocked = task({ status: 'blocked', due: at('2024-07-31T00:00') });
  const log = l2Log('blocked', ['2024-07-01T09:00', '2024-07-02T09:00', '2024-07-09T09:00']);
  const found = notices('2024-07-10T09:00', { tasks: [blocked], log });
  assert.equal(
    found.some((n) => n.rule === 'unresolved'),
    false,
  );
});

test('a weekend between daily L2 warnings does not restart the escalation clock', () => {
  const blocked = task({ status: 'blocked', due: at('2024-07-31T00:00') });
  const log = l2Log('blocked', ['2024-07-11T09:00', '2024-07-12T09:00']);
  const monday = notices('2024-07-15T09:00', { tasks: [blocked], log });
  assert.equal(monday.find((n) => n.rule === 'unresolved')?.facts.since, '2024-07-11 09:00');
});

test('escalation counts working hours only: a first L2 on Friday 18:00 reaches the sponsor on Wednesday, not Monday', () => {
  const blocked = task({ status: 'blocked', due: at('2024-07-31T00:00') });
  // Automation turned on Friday 7/12 18:00; the weekend adds no hours (SPEC §3.3).
  const log = l2Log('blocked', ['2024-07-12T18:00', '2024-07-15T09:00', '2024-07-16T09:00']);
  const escalatesAt = (now: string) =>
    notices(now, { tasks: [blocked], log: log.filter((row) => row.time < at(now)) }).some(
      (n) => n.rule === 'unresolved',
    );
  assert.equal(escalatesAt('2024-07-15T09:00'), false); // 6 + 9 working hours
  assert.equal(escalatesAt('2024-07-16T09:00'), false); // 39
  assert.equal(escalatesAt('2024-07-17T09:00'), true); // 63 ≥ 48
});

test('an L3 names the owner, the department, working days late, the latest progress and the delay reason', () => {
  const late = task({
    due: at('2024-07-08T00:00'),
    progressSummary: '等待供应商报价',
    delayReason: '供应商延期',
  });
  const log = l2Log('overdue', ['2024-07-09T09:00', '2024-07-10T09:00']);
  const escalation = notices('2024-07-11T09:00', { tasks: [late], log }).find((n) => n.rule === 'unresolved');
  assert.deepEqual(escalation?.facts, {
    problems: 'overdue',
    since: '2024-07-09 09:00',
    days: 2,
    owner: '张三',
    dept: '市场部',
    daysLate: 3,
    progress: '等待供应商报价',
    delayReason: '供应商延期',
    askBy: '2024-07-12 18:00',
  });
});

test('repeats of one episode back off: the first after the cooldown, then every 2, then every 4 working days', () => {
  const list = [notice('RW1', 'overdue', 'L2', ['a@x.cn']), notice('RW2', 'dueSoon', 'L1', ['a@x.cn'])];
  const overdueTold = (times: string[]) => times.map((time) => sent('overdue|L2|RW1', ['a@x.cn'], time));
  const due = (times: string[], now: string) =>
    planDeliveries(list.slice(0, 1), overdueTold(times), {
      calendar,
      now: at(now),
      cooldownHours: 24,
      emailMode: 'send',
      quota: 10,
    }).digests.length === 1;
  // Told Monday 7/8: the first repeat Tuesday, then Thursday, then Monday (Fri, Mon), then four working days on.
  assert.equal(due(['2024-07-08T09:00'], '2024-07-09T09:00'), true);
  const twice = ['2024-07-08T09:00', '2024-07-09T09:00'];
  assert.equal(due(twice, '2024-07-10T09:00'), false);
  assert.equal(due(twice, '2024-07-11T09:00'), true);
  const thrice = [...twice, '2024-07-11T09:00'];
  assert.equal(due(thrice, '2024-07-12T09:00'), false);
  assert.equal(due(thrice, '2024-07-15T09:00'), true);
  const fourTimes = [...thrice, '2024-07-15T09:00'];
  assert.equal(due(fourTimes, '2024-07-17T09:00'), false);
  assert.equal(due([...fourTimes, '2024-07-17T09:00'], '2024-07-19T09:00'), false);
  assert.equal(due(fourTimes, '2024-07-19T09:00'), true);
  // A silence longer than the schedule allows means the problem cleared: a new episode, told at once.
  assert.equal(due(['2024-07-01T09:00', '2024-07-02T09:00'], '2024-07-10T09:00'), true);

  // Held back, it rides in a digest that goes anyway as "still open since" the episode began.
  const plan = planDeliveries(list, overdueTold(twice), {
    calendar,
    now: at('2024-07-10T09:00'),
    cooldownHours: 24,
    emailMode: 'send',
    quota: 10,
  });
  assert.deepEqual(
    plan.digests.map((d) => [
      d.recipient,
      d.deliveries.map((x) => x.key),
      d.stillOpen.map((o) => `${o.delivery.key} ${o.since}`),
    ]),
    [['a@x.cn', ['dueSoon|L1|RW2|a@x.cn'], ['overdue|L2|RW1|a@x.cn 2024-07-08 09:00']]],
  );
  // Not a new alert: nothing logged for it.
  assert.deepEqual(
    messageDrafts(plan, 'send').mail.flatMap((m) => m.keys),
    ['dueSoon|L1|RW2'],
  );
});

test('requests pending review remind coordinators after 1 working day, and involved heads after 3', () => {
  const pending = { ...request, status: 'pending' as const, submitted: at('2024-07-08T10:00') };
  assert.deepEqual(notices('2024-07-09T10:00', { requests: [pending] }), []);
  assert.deepEqual(summary(notices('2024-07-10T10:00', { requests: [pending] })), [
    'reviewPending L1 XQ202407001 → pmo@corp.cn',
  ]);
  assert.deepEqual(summary(notices('2024-07-12T10:00', { requests: [pending] })), [
    'reviewPending L1 XQ202407001 → pmo@corp.cn,mkt-head@corp.cn,sales-head@corp.cn,fin-head@corp.cn',
  ]);
});

test('a task awaiting acceptance more than acceptanceDays reminds the requester and the lead head', () => {
  const delivered = task({ status: 'awaitingAcceptance', pct: 100, lastUpdate: at('2024-07-08T10:00'), owner: '李四' });
  assert.deepEqual(notices('2024-07-11T10:00', { tasks: [delivered] }), []);
  assert.deepEqual(summary(notices('2024-07-12T10:00', { tasks: [delivered] })), [
    'acceptancePending L1 RW202407001-01 → zhang@corp.cn,mkt-head@corp.cn',
  ]);
});

test('an open action item past due reminds its owner, under an ID that survives moving rows', () => {
  const action: ActionItem = {
    row: 4,
    ref: 'XQ202407001',
    topic: '方案评审',
    action: '产品部提供参数',
    owner: '李四',
    due: at('2024-08-08T00:00'),
    status: 'open',
  };
  assert.deepEqual(notices('2024-08-08T17:00', { actions: [action] }), []);
  const found = notices('2024-08-09T09:00', { actions: [action] });
  assert.equal(found.length, 1);
  assert.match(found[0]?.item ?? '', /^ACT-[0-9A-Z]{7}$/);
  assert.deepEqual(found[0]?.to, ['li@corp.cn']);
  assert.equal(notices('2024-08-09T09:00', { actions: [{ ...action, row: 9 }] })[0]?.item, found[0]?.item);
  assert.deepEqual(notices('2024-08-09T09:00', { actions: [{ ...action, status: 'done' }] }), []);
});

test('a plan change pending more than 1 working day reminds the coordinator', () => {
  const change: PlanChangeItem = {
    row: 2,
    task: 'RW202407001-01',
    newDue: at('2024-07-19T00:00'),
    status: 'pending',
    requestedAt: at('2024-07-08T15:00'),
  };
  const tasks = [task({ status: 'done' })];
  assert.deepEqual(notices('2024-07-09T15:00', { tasks, changes: [change] }), []);
  assert.deepEqual(summary(notices('2024-07-10T15:00', { tasks, changes: [change] })), [
    'changePending L1 RW202407001-01 → pmo@corp.cn',
  ]);
});

/** An applied Fail of the sample task, as the scan reads it from Acceptance. */
const failure = (overrides: Partial<AcceptanceItem> = {}): AcceptanceItem => ({
  row: 2,
  task: 'RW202407001-01',
  deliverable: '推广方案初稿',
  result: 'fail',
  reason: '缺少竞品对比',
  date: at('2024-07-10T14:30'),
  applied: true,
  ...overrides,
});
/** Sent back to 进行中 at 100 %, due at the end of the month: no other rule has anything to say on 7/10. */
const sentBack = (overrides: Partial<TaskItem> = {}) =>
  task({ pct: 100, lastUpdate: at('2024-07-10T10:00'), due: at('2024-07-31T00:00'), ...overrides });
const failedNotices = (list: Notice[]) => summary(list.filter((n) => n.rule === 'acceptanceFailed'));
/**
 * The log rows of a plan recorded at `time` once its digests went out: the ledger marks each
 * digest's rows sent, or leaves those of `unsent` recipients queued; dry-run rows stay dry-run.
 */
function delivered(plan: DeliveryPlan, time: string, mode: Settings['emailMode'], unsent = new Set<string>()) {
  const { mail, other } = messageDrafts(plan, mode);
  const outcome = (recipient: string): LogEntry['status'] =>
    mode === 'dry-run' ? 'dry-run' : unsent.has(recipient) ? 'queued' : 'sent';
  return [
    ...mail.flatMap((draft) => rowEntries(draft, time, outcome(draft.recipient))),
    ...other.flatMap((draft) => rowEntries(draft, time, draft.status)),
  ];
}
/** A message draft as the log reads its row back: an entry per notice key. */
function rowEntries(draft: MessageDraft, time: string, status: LogEntry['status']): LogEntry[] {
  return entriesOf({
    time: at(time),
    rule: draft.rule,
    level: draft.level,
    item: draft.items.join(', '),
    recipients: draft.recipient === '' ? [] : [draft.recipient],
    status,
    keys: draft.keys,
    message: messageId('run', 1),
    recordedAt: at(time),
    attempts: 0,
  });
}
/** The Notification log after the notices went out (or were logged as dry-run) at `time`. */
const toldLog = (list: Notice[], time: string, mode: Settings['emailMode'] = 'send'): LogEntry[] =>
  delivered(
    planDeliveries(list, [], { calendar, now: at(time), cooldownHours: 24, emailMode: mode, quota: 100 }),
    time,
    mode,
  );

test('a failed acceptance tells the owner once, with the reason; a second failure is told again', () => {
  const first = failure();
  const found = notices('2024-07-10T15:00', { tasks: [sentBack()], acceptances: [first] });
  assert.deepEqual(summary(found), ['acceptanceFailed L1 RW202407001-01 → zhang@corp.cn']);
  const [notice] = found;
  assert.ok(notice);
  assert.deepEqual(notice.facts, { deliverable: '推广方案初稿', reason: '缺少竞品对比', date: '2024-07-10 14:30' });
  assert.equal(noticeKey(notice), 'acceptanceFailed|L1|RW202407001-01|2024-07-10 14:30 #1');

  // Told: not again on the next ticks, nor once the cooldown is long over.
  const log = toldLog(found, '2024-07-10T15:00');
  assert.deepEqual(failedNotices(notices('2024-07-10T16:00', { tasks: [sentBack()], acceptances: [first], log })), []);
  assert.deepEqual(failedNotices(notices('2024-07-17T10:00', { tasks: [sentBack()], acceptances: [first], log })), []);

  // A second failure, even one typed with the same date, is a new notice with its own reason.
  const second = failure({ row: 5, reason: '预算表缺失' });
  const again = notices('2024-07-10T18:00', { tasks: [sentBack()], acceptances: [first, second], log });
  assert.deepEqual(failedNotices(again), ['acceptanceFailed L1 RW202407001-01 → zhang@corp.cn']);
  assert.equal(again[0]?.facts.reason, '预算表缺失');
  assert.equal(again[0] && noticeKey(again[0]), 'acceptanceFailed|L1|RW202407001-01|2024-07-10 14:30 #2');
});

test('a failure superseded by a Pass, not yet applied, or of a done or cancelled task is not told', () => {
  const pass = failure({ row: 3, result: 'pass', reason: '' });
  assert.deepEqual(notices('2024-07-10T15:00', { tasks: [sentBack()], acceptances: [failure(), pass] }), []);
  assert.deepEqual(
    notices('2024-07-10T15:00', { tasks: [sentBack()], acceptances: [failure({ applied: false })] }),
    [],
  );
  for (const status of ['done', 'cancelled'] as const) {
    assert.deepEqual(
      notices('2024-07-10T15:00', { tasks: [sentBack({ status })], acceptances: [failure()] }),
      [],
      status,
    );
  }
  // The task ID is matched however it was typed.
  assert.equal(
    notices('2024-07-10T15:00', { tasks: [sentBack()], acceptances: [failure({ task: ' rw202407001-01' })] }).length,
    1,
  );
});

test('without a valid owner the coordinators hear of the failure; in dry-run mode a dry-run row counts as told', () => {
  const orphan = notices('2024-07-10T15:00', { tasks: [sentBack({ owner: '王五' })], acceptances: [failure()] });
  assert.deepEqual(failedNotices(orphan), ['acceptanceFailed L1 RW202407001-01 → pmo@corp.cn']);

  const dryRun: Settings = { ...settings, emailMode: 'dry-run' };
  const found = notices('2024-07-10T15:00', { tasks: [sentBack()], acceptances: [failure()], settings: dryRun });
  const log = toldLog(found, '2024-07-10T15:00', 'dry-run');
  assert.deepEqual(
    log.map((row) => `${row.status} ${row.recipients.join(',')}`),
    ['dry-run zhang@corp.cn'],
  );
  assert.deepEqual(
    notices('2024-07-10T16:00', { tasks: [sentBack()], acceptances: [failure()], settings: dryRun, log }),
    [],
  );
  // Switched to sending, the owner is really told.
  assert.equal(notices('2024-07-10T16:00', { tasks: [sentBack()], acceptances: [failure()], log }).length, 1);
});

// Planning: cooldown, quota and the queue.

const notice = (
  item: string,
  rule: Notice['rule'],
  level: Notice['level'],
  to: string[],
  cc: string[] = [],
): Notice => ({
  rule,
  level,
  item,
  sheet: 'tasks',
  row: 2,
  title: item,
  to,
  cc,
  facts: {},
});
const sent = (key: string, recipients: string[], time: string, status: LogEntry['status'] = 'sent'): LogEntry => {
  const [rule = '', level = '', item = ''] = key.split('|');
  return { time: at(time), rule, level, item, recipients, status, key };
};

test('a notice told to a recipient within cooldownHours is not told again; others still are', () => {
  const list = [notice('RW1', 'overdue', 'L2', ['a@x.cn', 'b@x.cn'])];
  const log = [
    sent('overdue|L2|RW1', ['a@x.cn'], '2024-07-09T09:00:04'),
    sent('overdue|L2|RW1', ['b@x.cn'], '2024-07-09T20:00'),
  ];
  const plan = planDeliveries(list, log, {
    calendar,
    now: at('2024-07-10T09:00:01'),
    cooldownHours: 24,
    emailMode: 'send',
    quota: 100,
  });
  assert.deepEqual(
    plan.digests.map((d) => d.recipient),
    ['a@x.cn'],
  );
  assert.deepEqual(
    plan.coolingDown.map((d) => d.recipient),
    ['b@x.cn'],
  );
});

test('over quota the highest level goes first and the rest is queued, never dropped', () => {
  const list = [
    notice('RW1', 'dueSoon', 'L1', ['a@x.cn']),
    notice('RW2', 'dueSoon', 'L1', ['a@x.cn']),
    notice('RW3', 'overdue', 'L2', ['b@x.cn'], ['c@x.cn']),
    notice('RW4', 'unresolved', 'L3', ['d@x.cn']),
  ];
  const plan = planDeliveries(list, [], {
    calendar,
    now: at('2024-07-10T09:00'),
    cooldownHours: 24,
    emailMode: 'send',
    quota: 2,
  });
  assert.deepEqual(
    plan.digests.map((d) => d.recipient),
    ['d@x.cn', 'b@x.cn'],
  );
  assert.deepEqual(plan.queued.map((d) => d.key).sort(), [
    'dueSoon|L1|RW1|a@x.cn',
    'dueSoon|L1|RW2|a@x.cn',
    'overdue|L2|RW3|c@x.cn',
  ]);

  // One log row per notice and digest, and per notice for what is queued, listing who it is for.
  const rows = delivered(plan, '2024-07-10T09:00', 'send');
  assert.deepEqual(rows.map((r) => `${r.key} ${r.status} ${r.recipients.join(',')}`).sort(), [
    'dueSoon|L1|RW1 queued a@x.cn',
    'dueSoon|L1|RW2 queued a@x.cn',
    'overdue|L2|RW3 queued c@x.cn',
    'overdue|L2|RW3 sent b@x.cn',
    'unresolved|L3|RW4 sent d@x.cn',
  ]);
  // The next tick sends exactly what was queued.
  const pending = queuedKeys(rows, at('2024-07-10T10:00'));
  const next = planDeliveries(list, rows, {
    calendar,
    now: at('2024-07-10T10:00'),
    cooldownHours: 24,
    emailMode: 'send',
    quota: 10,
    only: (d) => pending.has(d.key),
  });
  assert.deepEqual(
    next.digests.map((d) => [d.recipient, d.deliveries.length]),
    [
      ['c@x.cn', 1],
      ['a@x.cn', 2],
    ],
  );
  assert.deepEqual(
    queuedKeys([...rows, ...delivered(next, '2024-07-10T10:00', 'send')], at('2024-07-10T11:00')),
    new Set(),
  );
});

test('dry-run ignores the quota, logs dry-run, and only dry-run mode treats dry-run rows as told', () => {
  const list = [notice('RW1', 'dueSoon', 'L1', ['a@x.cn']), notice('RW2', 'dueSoon', 'L1', ['b@x.cn'])];
  const dry = planDeliveries(list, [], {
    calendar,
    now: at('2024-07-10T09:00'),
    cooldownHours: 24,
    emailMode: 'dry-run',
    quota: 0,
  });
  assert.equal(dry.digests.length, 2);
  const rows = delivered(dry, '2024-07-10T09:00', 'dry-run');
  assert.deepEqual(
    rows.map((r) => r.status),
    ['dry-run', 'dry-run'],
  );
  const later = { now: at('2024-07-10T15:00'), cooldownHours: 24, quota: 10 };
  assert.equal(planDeliveries(list, rows, { calendar, ...later, emailMode: 'dry-run' }).digests.length, 0);
  assert.equal(planDeliveries(list, rows, { calendar, ...later, emailMode: 'send' }).digests.length, 2);
});

test('a notice with no recipient at all is logged as failed; a digest the mailer rejected stays queued', () => {
  const list = [notice('RW1', 'noOwner', 'L2', []), notice('RW2', 'dueSoon', 'L1', ['a@x.cn'])];
  const plan = planDeliveries(list, [], {
    calendar,
    now: at('2024-07-10T09:00'),
    cooldownHours: 24,
    emailMode: 'send',
    quota: 5,
  });
  assert.deepEqual(
    plan.unaddressed.map((n) => n.item),
    ['RW1'],
  );
  const rows = delivered(plan, '2024-07-10T09:00', 'send', new Set(['a@x.cn']));
  assert.deepEqual(
    rows.map((r) => `${r.item} [${r.recipients.join(',')}] ${r.status}`),
    ['RW2 [a@x.cn] queued', 'RW1 [] failed'],
  );
  assert.deepEqual(queuedKeys(rows, at('2024-07-10T10:00')), new Set(['dueSoon|L1|RW2|a@x.cn']));
  // Between daily scans only what the filter accepts is considered, unaddressed notices included.
  const hourly = planDeliveries(list, [], {
    calendar,
    now: at('2024-07-10T10:00'),
    cooldownHours: 24,
    emailMode: 'send',
    quota: 5,
    only: (d) => d.notice.rule === 'dueSoon',
  });
  assert.deepEqual([hourly.unaddressed.length, hourly.digests.length], [0, 1]);
});

test('findNotices with no coordinators and no heads leaves a notice unaddressed rather than dropping it', () => {
  const lonely = { ...settings, coordinators: [] };
  const found = notices('2024-07-10T10:00', { tasks: [task({ owner: '', dept: '无此部门' })], settings: lonely });
  assert.deepEqual(summary(found), ['noOwner L2 RW202407001-01 → ']);
  assert.equal(
    planDeliveries(found, [], { calendar, now: at('2024-07-10T10:00'), cooldownHours: 24, emailMode: 'send', quota: 5 })
      .unaddressed.length,
    1,
  );
});

test('a failed send is retried by the hourly pass after 1, 2, 4, 8, then every 16 hours', () => {
  const key = 'dueSoon|L1|RW1';
  const failedAt = (times: string[]) => times.map((time) => sent(key, ['a@x.cn'], time, 'retry'));
  const due = (log: LogEntry[], now: string) => queuedKeys(log, at(now)).has(`${key}|a@x.cn`);
  assert.equal(due(failedAt(['2024-07-10T09:00']), '2024-07-10T10:00'), true);
  const twice = failedAt(['2024-07-10T09:00', '2024-07-10T10:00']);
  assert.equal(due(twice, '2024-07-10T11:00'), false);
  assert.equal(due(twice, '2024-07-10T12:00'), true);
  const fiveTimes = failedAt([
    '2024-07-10T09:00',
    '2024-07-10T10:00',
    '2024-07-10T12:00',
    '2024-07-10T16:00',
    '2024-07-11T00:00',
  ]);
  assert.equal(due(fiveTimes, '2024-07-11T15:00'), false);
  assert.equal(due(fiveTimes, '2024-07-11T16:00'), true);
  // Failures before a send do not count: after it, the back-off starts again at one hour.
  const afterSent = [...twice, sent(key, ['a@x.cn'], '2024-07-11T09:00'), ...failedAt(['2024-07-12T09:00'])];
  assert.equal(due(afterSent, '2024-07-12T10:00'), true);
});

test('a queued message is left over for whoever holds the ledger next; one sending or unconfirmed counts as told', () => {
  const list = [notice('RW1', 'dueSoon', 'L1', ['a@x.cn'])];
  const options = { cooldownHours: 24, emailMode: 'send' as const, quota: 5 };
  const plan = planDeliveries(list, [], { calendar, ...options, now: at('2024-07-10T09:00') });
  const queued = delivered(plan, '2024-07-10T09:00', 'send', new Set(['a@x.cn']));
  assert.deepEqual(queuedKeys(queued, at('2024-07-10T09:03')), new Set(['dueSoon|L1|RW1|a@x.cn']));
  assert.equal(planDeliveries(list, queued, { calendar, ...options, now: at('2024-07-10T09:03') }).digests.length, 1);
  for (const status of ['sending', 'unconfirmed'] as const) {
    const inDoubt = queued.map((entry) => ({ ...entry, status }));
    assert.equal(
      planDeliveries(list, inDoubt, { calendar, ...options, now: at('2024-07-10T10:00') }).digests.length,
      0,
    );
  }
});
