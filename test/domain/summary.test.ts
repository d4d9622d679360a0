import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { civilDayFromKey, dayKeyOf, WorkCalendar } from '../../src/domain/calendar';
import { keyFigures, keyFiguresLine } from '../../src/domain/keyFigures';
import { taskHealth } from '../../src/domain/health';
import { defaultSettings } from '../../src/domain/settings';
import {
  acceptedDates,
  completedAt,
  isoWeekOf,
  reportWeek,
  weekLabel,
  type ReportCell,
  type ReportTask,
  type SummaryInput,
} from '../../src/domain/summary';
import { EMAIL_SECTION_ROWS, summaryEmail } from '../../src/domain/summaryEmail';
import { weeklySummary } from '../../src/domain/summarySections';
import { at } from '../support/days';

const settings = defaultSettings({ locale: 'zh_CN', timeZone: 'Asia/Shanghai' });
const calendar = new WorkCalendar(settings);
const week = (key: string) => weekLabel(isoWeekOf(civilDayFromKey(key)!));

test('ISO weeks start on Monday and belong to the year of their Thursday', () => {
  assert.equal(week('2024-07-08'), '2024-W28');
  assert.equal(week('2024-07-14'), '2024-W28');
  assert.equal(week('2020-12-31'), '2020-W53');
  assert.equal(week('2021-01-03'), '2020-W53');
  assert.equal(week('2021-01-04'), '2021-W01');
  assert.equal(week('2024-12-30'), '2025-W01');
  assert.equal(week('2026-01-01'), '2026-W01');
  const w = isoWeekOf(civilDayFromKey('2024-07-10')!);
  assert.deepEqual([dayKeyOf(w.first), dayKeyOf(w.last)], ['2024-07-08', '2024-07-14']);
});

test('a summary made before the first working day of the week has ended reports the week just finished', () => {
  const label = (local: string, cal = calendar) => weekLabel(reportWeek(at(local), cal));
  assert.equal(label('2024-07-15T09:00'), '2024-W28');
  assert.equal(label('2024-07-15T17:59'), '2024-W28');
  assert.equal(label('2024-07-15T18:00'), '2024-W29');
  assert.equal(label('2024-07-19T16:00'), '2024-W29');
  assert.equal(label('2024-07-21T23:00'), '2024-W29');
  // Monday is a holiday: Tuesday morning still reports last week. In UTC, Monday 09:00 is Monday 01:00.
  const holiday = new WorkCalendar({ ...settings, holidays: ['2024-07-15'] });
  assert.equal(label('2024-07-16T10:00', holiday), '2024-W28');
  assert.equal(
    weekLabel(reportWeek(new Date('2024-07-15T01:00:00Z'), new WorkCalendar({ ...settings, timeZone: 'UTC' }))),
    '2024-W28',
  );
});

test('a task is completed when its latest passing acceptance says so, or at its last update without one', () => {
  const dates = acceptedDates([
    { task: 'rw1', date: at('2024-07-09T00:00') },
    { task: 'RW1 ', date: at('2024-07-11T00:00') },
    { task: 'RW1', date: undefined },
  ]);
  assert.deepEqual(dates.get('RW1'), at('2024-07-11T00:00'));
  assert.deepEqual(completedAt('done', at('2024-07-01T00:00'), dates.get('RW1')), at('2024-07-11T00:00'));
  assert.deepEqual(completedAt('done', at('2024-07-01T00:00'), undefined), at('2024-07-01T00:00'));
  assert.equal(completedAt('awaitingAcceptance', at('2024-07-01T00:00'), dates.get('RW1')), undefined);
});

const now = at('2024-07-12T15:00');
/** A cell's ID: a named item's, else the cell. */
const idOf = (cell: ReportCell | undefined) => (typeof cell === 'object' ? cell.id : cell);

function task(overrides: Partial<ReportTask> & Pick<ReportTask, 'id'>): ReportTask {
  const base = {
    row: 2,
    name: '任务',
    request: 'XQ202407001',
    dept: '销售部',
    owner: '李四',
    status: 'inProgress' as const,
    start: at('2024-07-08T00:00'),
    due: at('2024-07-26T00:00'),
    baseline: undefined,
    pct: 50,
    lastUpdate: at('2024-07-11T10:00'),
    completedAt: undefined,
    ...overrides,
  };
  return { ...base, health: taskHealth(base, now, calendar, settings) };
}

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  const week = reportWeek(now, calendar);
  const sources = {
    tasks: overrides.tasks ?? [],
    approvedChanges: [],
    requests: [],
    signOffs: [],
    escalations: [],
    answers: [],
  };
  return {
    now,
    week,
    figures: keyFigures(sources, week, now, calendar, settings),
    calendar,
    locale: 'zh-CN',
    tasks: [],
    progress: [],
    requests: [],
    actions: [],
    notices: [],
    departments: [],
    pendingSignOffs: [],
    suggestions: [],
    suggestionDecisions: [],
    ...overrides,
  };
}

test('each task lands in the sections its dates and health call for', () => {
  const summary = weeklySummary(
    input({
      tasks: [
        task({ id: 'done-this-week', status: 'done', completedAt: at('2024-07-08T10:00') }),
        task({ id: 'done-last-week', status: 'done', completedAt: at('2024-07-07T22:00') }),
        task({ id: 'overdue', due: at('2024-07-11T00:00'), pct: 90 }),
        task({ id: 'next-monday', due: at('2024-07-15T00:00'), pct: 90 }),
        task({ id: 'next-sunday', due: at('2024-07-21T00:00'), pct: 50 }),
        task({ id: 'in-two-weeks', due: at('2024-07-22T00:00'), pct: 40 }),
        task({ id: 'done-next-week', status: 'done', due: at('2024-07-16T00:00') }),
      ],
      requests: [
        {
          id: 'XQ1',
          title: 'a',
          dept: '',
          requester: '',
          lead: '',
          status: 'changes',
          expected: undefined,
          submitted: at('2024-07-01T00:00'),
          approved: undefined,
          closed: undefined,
        },
        {
          id: 'XQ2',
          title: 'b',
          dept: '',
          requester: '',
          lead: '',
          status: 'approved',
          expected: undefined,
          submitted: at('2024-07-14T23:59'),
          approved: undefined,
          closed: undefined,
        },
      ],
      notices: [
        {
          time: at('2024-07-10T09:00'),
          rule: 'lagging',
          level: 'L2',
          item: 'x',
          status: 'dry-run',
        },
        {
          time: at('2024-07-11T09:00'),
          rule: 'unresolved',
          level: 'L3',
          item: 'y',
          status: 'sent',
        },
        { time: at('2024-07-11T09:00'), rule: 'stale', level: 'L1', item: 'z', status: 'failed' },
      ],
    }),
  );
  const ids = (heading: string) => summary.sections.find((s) => s.heading === heading)!.rows.map((r) => idOf(r[0]));
  assert.deepEqual(ids('本周完成的任务'), ['done-this-week']);
  assert.deepEqual(ids('需要关注的任务'), ['overdue']);
  assert.deepEqual(ids('下周到期的任务'), ['next-monday', 'next-sunday']);
  assert.deepEqual(ids('本周新提交的需求'), ['XQ2']);
  assert.deepEqual(ids('待审核 / 待修改的需求'), ['XQ1']);
  // Highest level first; a failed notice was not sent.
  assert.deepEqual(summary.sections.find((s) => s.heading === '本周发出的提醒、预警与升级')!.rows, [
    ['L3', 1, 'y（升级）'],
    ['L2', 1, 'x（滞后）'],
  ]);
  assert.equal(summary.counts.completed, 1);
  assert.equal(summary.counts.dueNext, 2);
});

test('the email escapes every user string in HTML and carries the same rows as plain text', () => {
  const summary = weeklySummary(
    input({
      locale: 'en',
      tasks: [task({ id: 'RW1', name: '<script>alert("x")</script> & co', due: at('2024-07-10T00:00') })],
    }),
  );
  const mail = summaryEmail(summary, 'head@x.cn', 'en', 'https://docs.google.com/spreadsheets/d/1/edit#gid=7');
  assert.equal(mail.recipient, 'head@x.cn');
  assert.equal(mail.subject, '[Weekly summary] 2024-W28: 1 need attention · 0 completed');
  assert.ok(!mail.htmlBody.includes('<script>'));
  assert.match(mail.htmlBody, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; co <small[^>]*>RW1<\/small>/);
  assert.match(mail.htmlBody, /<h3[^>]*>Tasks needing attention \(1\)<\/h3>/);
  assert.match(
    mail.textBody,
    /== Tasks needing attention \(1\) ==\n- <script>alert\("x"\)<\/script> & co \(RW1\) \| 2 working days overdue; lagging \(50% done, 100% planned\) \| 销售部 \| 李四 \| 2024-07-10 \| XQ202407001/,
  );
  assert.match(mail.textBody, /== Completed this week \(0\) ==\n\(none\)/);
  assert.match(mail.textBody, /Open in the spreadsheet: https:\/\/docs\.google\.com\/spreadsheets\/d\/1\/edit#gid=7$/);
});

test('progress posted this week is one row per task: entries counted, % from the week before, the latest reason kept', () => {
  const entry = (taskId: string, local: string, pct: number | undefined, delayReason = '') => ({
    task: taskId,
    summary: `${taskId} ${local}`,
    pct,
    delayReason,
    mitigation: '',
    at: at(local),
    by: '李四',
  });
  const summary = weeklySummary(
    input({
      tasks: [task({ id: 'RW1', name: '方案' })],
      progress: [
        entry('RW1', '2024-07-10T10:00', 40, '等数据'),
        entry('rw1', '2024-07-11T10:00', 60),
        entry('RW1', '2024-07-05T10:00', 20),
        entry('RW1', '2024-07-08T10:00', 30),
        entry('RW2', '2024-07-09T10:00', 10),
        entry('RW3', '2024-07-03T10:00', 90),
      ],
    }),
  );
  const section = summary.sections.find((s) => s.heading === '本周进度更新')!;
  assert.deepEqual(section.rows, [
    ['RW2', 1, '10%', 'RW2 2024-07-09T10:00', '', '2024-07-09 10:00 · 李四'],
    [{ name: '方案', id: 'rw1' }, 3, '20% → 60%', 'rw1 2024-07-11T10:00', '等数据', '2024-07-11 10:00 · 李四'],
  ]);
});

test('escalations sent are summarised per level: each item once by name with its rule, never who was told', () => {
  const told = (local: string, status: 'sent' | 'dry-run' | 'queued' = 'sent') => ({
    time: at(local),
    rule: 'overdue',
    level: 'L2',
    item: 'RW1',
    status,
  });
  const summary = weeklySummary(
    input({
      tasks: [task({ id: 'RW1', name: '方案初稿' })],
      notices: [
        told('2024-07-09T09:00'),
        told('2024-07-09T09:00'),
        { ...told('2024-07-11T09:00'), item: 'rw1 ' },
        told('2024-07-12T09:00', 'queued'),
        told('2024-07-05T09:00'),
        { ...told('2024-07-10T09:00'), level: 'L2', rule: 'lagging', item: 'XQ1' },
        { ...told('2024-07-10T09:00'), level: 'L1', rule: 'dueSoon' },
      ],
      requests: [
        {
          id: 'XQ1',
          title: '新品推广',
          dept: '',
          requester: '',
          lead: '',
          status: 'approved',
          expected: undefined,
          submitted: undefined,
          approved: undefined,
          closed: undefined,
        },
      ],
    }),
  );
  assert.deepEqual(summary.sections.find((s) => s.heading === '本周发出的提醒、预警与升级')!.rows, [
    ['L2', 2, '方案初稿（逾期）'],
    ['', '', '新品推广（滞后）'],
    ['L1', 1, '方案初稿（即将到期）'],
  ]);
});

test('the email lists at most EMAIL_SECTION_ROWS rows a section and points to the sheet for the rest; counts stay exact', () => {
  const late = Array.from({ length: EMAIL_SECTION_ROWS + 5 }, (_, i) =>
    task({ id: `RW${i + 1}`, due: at('2024-07-10T00:00') }),
  );
  for (const [locale, heading, more] of [
    ['en', 'Tasks needing attention', '… and 5 more — see the sheet "Weekly 2024-W28"'],
    ['zh-CN', '需要关注的任务', '……另有 5 行，见工作表「周报 2024-W28」'],
  ] as const) {
    const summary = weeklySummary(input({ locale, tasks: late }));
    const overdue = summary.sections.find((s) => s.heading === heading)!;
    assert.equal(summary.counts.attention, 25);
    const mail = summaryEmail(summary, 'head@x.cn', locale, 'https://example.com');
    assert.ok(mail.htmlBody.includes(`${heading} (25)</h3>`));
    assert.match(mail.textBody, new RegExp(`RW${EMAIL_SECTION_ROWS}[)）]`));
    assert.doesNotMatch(mail.textBody, new RegExp(`RW${EMAIL_SECTION_ROWS + 1}[)）]`));
    assert.ok(mail.textBody.includes(`${more}\n`));
    assert.ok(mail.htmlBody.includes(more.replace(/"/g, '&quot;')));
    assert.equal(overdue.rows.length, 25, 'the sheet keeps every row');
  }
});

test('a summary of thousands of rows mails under Gmail’s ~102 KB clipping', () => {
  const many = Array.from({ length: 3000 }, (_, i) =>
    task({ id: `RW202407001-${i + 1}`, name: `新品推广方案初稿撰写 ${i + 1}`, due: at('2024-07-10T00:00') }),
  );
  const summary = weeklySummary(
    input({
      tasks: many,
      progress: many.map((x) => ({
        task: x.id,
        summary: '材料写了一半，等待销售部的大客户数据',
        pct: 50,
        delayReason: '等待销售部的大客户数据',
        mitigation: '',
        at: at('2024-07-11T10:00'),
        by: '李四',
      })),
    }),
  );
  const mail = summaryEmail(summary, 'head@x.cn', 'zh-CN', 'https://example.com');
  assert.ok(Buffer.byteLength(mail.htmlBody) < 102_000, `${Buffer.byteLength(mail.htmlBody)} bytes`);
});

test('the week\'s key figures judge "on time" by the acceptance against the baseline due, not the last update', () => {
  const late = task({
    id: 'RW1',
    status: 'done',
    baseline: at('2024-07-09T00:00'),
    due: at('2024-07-12T00:00'),
    lastUpdate: at('2024-07-09T10:00'),
    completedAt: at('2024-07-10T11:00'),
  });
  const onTime = task({ id: 'RW2', status: 'done', due: at('2024-07-10T00:00'), completedAt: at('2024-07-10T17:00') });
  const lines = weeklySummary(input({ tasks: [late, onTime] })).lines;
  assert.equal(
    lines[3],
    '本周关键指标：按期完成率 1/2 (50%) · 延期率 1/2 (50%) · 平均响应时长（工作小时） — · 签批及时率（48 小时） — · 问题解决率 — · 变更率 0/2 (0%) · 满意度 —',
  );
});

test("the week's sign-off figure is labelled with the target of Settings it was judged against", () => {
  const week = reportWeek(now, calendar);
  const none = { tasks: [], approvedChanges: [], requests: [], signOffs: [], escalations: [], answers: [] };
  const figures = keyFigures(none, week, now, calendar, { ...settings, signOffTargetHours: 72 });
  assert.match(keyFiguresLine('zh-CN', figures), /签批及时率（72 小时） —/);
  assert.match(keyFiguresLine('en', figures), /Sign-offs within 72 h —/);
});

test("a head's mail starts with their department's part: its tasks needing attention, due next week, sign-offs waiting on them", () => {
  const summary = weeklySummary(
    input({
      tasks: [
        task({ id: 'RW1', name: '销售材料', dept: '销售部', due: at('2024-07-10T00:00') }),
        task({ id: 'RW2', name: '市场方案', dept: '市场部', due: at('2024-07-10T00:00') }),
        task({ id: 'RW3', name: '渠道铺货', dept: ' 销售部 ', due: at('2024-07-16T00:00'), pct: 90 }),
      ],
      departments: [
        { name: '销售部', head: 'head.sales@x.cn' },
        { name: '市场部', head: 'head.market@x.cn' },
      ],
      pendingSignOffs: [
        { subject: 'change', ref: 'RW2', signer: 'head.sales@x.cn', requestedAt: at('2024-07-10T09:00') },
        { subject: 'split', ref: 'XQ9', signer: 'head.market@x.cn', requestedAt: at('2024-07-10T09:00') },
      ],
    }),
  );
  const sales = summary.departments.find((part) => part.dept === '销售部')!;
  assert.deepEqual(
    sales.sections.map((section) => [section.heading, section.rows.map((row) => idOf(row[0]) ?? '')]),
    [
      ['需要关注的任务', ['RW1']],
      ['下周到期的任务', ['RW3']],
      ['待您签批', ['计划变更']],
    ],
  );
  assert.deepEqual(sales.sections[2]!.rows[0]!.slice(1), [{ name: '市场方案', id: 'RW2' }, '2024-07-10 09:00', 2]);

  const mail = summaryEmail(summary, 'Head.Sales@x.cn', 'zh-CN', 'https://example.com').textBody;
  const order = ['#### 您的部门：销售部 ####', '== 待您签批 (1) ==', '#### 全公司 ####', '== 需要关注的任务 (2) =='];
  assert.deepEqual(
    order.map((line) => mail.indexOf(line)),
    order.map((line) => mail.indexOf(line)).sort((a, b) => a - b),
  );
  assert.ok(
    order.every((line) => mail.includes(line)),
    mail,
  );
  const coordinator = summaryEmail(summary, 'pmo@x.cn', 'zh-CN', 'https://example.com').textBody;
  assert.ok(!coordinator.includes('您的部门') && !coordinator.includes('待您签批'));
});
