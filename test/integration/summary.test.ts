import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ReportDesk, at } from './reports-fixture';

test('the weekly summary lists what happened in ISO week 2024-W28, each section in its own block', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.answer('NO');
  desk.project.call('weeklySummary_');
  const title = '周报 2024-W28';
  assert.match(desk.lastAlert(), /已生成「周报 2024-W28」/);
  const top = desk.values(title);
  assert.equal(top[0]?.[0], title);
  assert.equal(top[1]?.[0], '2024-07-08 至 2024-07-14');
  // Overdue, lagging or stale, a task is counted once.
  assert.equal(
    top[3]?.[0],
    '需要关注 2 项任务（逾期 1 · 滞后 2 · 未更新 1）· 本周完成 1 项 · 下周到期 2 项 · 待审核需求 1 个',
  );
  assert.match(String(top[4]?.[0]), /^本周关键指标：按期完成率 /);

  // Tasks, requests and action items by name, their IDs after them.
  const ids = (heading: string) =>
    desk
      .section(title, heading)
      .slice(1)
      .map((row) => /（([^（）]+)）$/.exec(row[0]!)?.[1] ?? row[0]);
  assert.deepEqual(desk.section(title, '本周完成的任务'), [
    ['任务', '需求', '责任部门', '第一责任人', '完成日期'],
    [
      '新品推广方案初稿撰写（RW202407001-01）',
      '2024年Q3新品上市推广方案（XQ202407001）',
      '市场部',
      '张三',
      '2024-07-10',
    ],
  ]);
  assert.deepEqual(ids('本周进度更新'), ['RW202407001-03', 'RW202407001-01', 'RW202407001-02']);
  // Due Wednesday 18:00, now Friday 15:00: two working days late; and half done at 100 % of its plan.
  assert.deepEqual(desk.section(title, '需要关注的任务'), [
    ['任务', '情况', '责任部门', '第一责任人', '截止时间', '需求'],
    [
      '销售培训材料<制作>（RW202407001-02）',
      '逾期 2 个工作日；滞后（完成 50%，按计划应达 100%）',
      '销售部',
      '李四',
      '2024-07-10',
      '2024年Q3新品上市推广方案（XQ202407001）',
    ],
    [
      '渠道铺货执行（RW202407001-03）',
      '滞后（完成 0%，按计划应达 40%）；未更新（最近 2024-07-08 09:00）',
      '销售部',
      '李四',
      '2024-07-19',
      '2024年Q3新品上市推广方案（XQ202407001）',
    ],
  ]);
  assert.deepEqual(ids('下周到期的任务'), ['RW202407001-04', 'RW202407001-03']);
  assert.deepEqual(ids('本周新提交的需求'), ['XQ202407002']);
  assert.deepEqual(desk.section(title, '待审核 / 待修改的需求').slice(1), [
    ['客诉处理流程<优化>（XQ202407002）', '销售部', '李四', '待审核', '2024-07-09 11:00'],
  ]);
  assert.deepEqual(desk.section(title, '未完成的行动项').slice(1), [
    ['产品部提供参数', '张三', '2024-07-08', '2024年Q3新品上市推广方案（XQ202407001）'],
  ]);
  // Last week's reminder and the queued warning were not sent this week; who was told is the log's.
  assert.deepEqual(desk.section(title, '本周发出的提醒、预警与升级'), [
    ['级别', '事项数', '事项'],
    ['L2', '1', '销售培训材料<制作>（逾期）'],
  ]);
  // An empty section says （无） without a header row, and does not widen the sheet past its widest table.
  const suggestions = desk.section(title, '改进建议');
  assert.deepEqual(suggestions, [['（无）']]);
  const widest = Math.max(
    ...top.filter((row) => row.filter((cell) => cell !== '').length > 1).map((row) => row.length),
  );
  assert.equal(desk.project.emulator.spreadsheet.getSheetByName(title)!.getMaxColumns(), widest);
  assert.equal(desk.project.emulator.mail.outbox.length, 0, 'No means the sheet only');
});

test('progress is one row per task and an escalation one item of its level, however many entries and mails', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.put('progress', [
    {
      task: 'RW202407001-02',
      summary: '材料写了六成',
      pct: 0.6,
      updatedAt: at('2024-07-12T10:00'),
      updatedBy: '李四',
    },
  ]);
  // Told again the next day, once per recipient row: still one notice.
  desk.put('notificationLog', [
    {
      time: at('2024-07-12T09:00'),
      rule: 'overdue',
      level: 'L2',
      item: 'RW202407001-02',
      recipients: 'head.sales@example.com',
      status: '已发送',
      key: 'overdue|L2|RW202407001-02',
    },
  ]);
  desk.answer('NO');
  desk.project.call('weeklySummary_');
  const title = '周报 2024-W28';
  assert.deepEqual(desk.section(title, '本周进度更新'), [
    ['任务', '本周更新次数', '进度变化', '最新进度说明', '最新延期原因', '最近更新 · 更新人'],
    ['渠道铺货执行（RW202407001-03）', '1', '0%', '启动', '无', '2024-07-08 09:00 · 李四'],
    ['新品推广方案初稿撰写（RW202407001-01）', '1', '100%', '方案完成', '无', '2024-07-09 17:00 · 张三'],
    // The delay reason of Thursday's entry stands: Friday's gave none.
    [
      '销售培训材料<制作>（RW202407001-02）',
      '2',
      '50% → 60%',
      '材料写了六成',
      '等待销售部的大客户数据',
      '2024-07-12 10:00 · 李四',
    ],
  ]);
  assert.deepEqual(desk.section(title, '本周发出的提醒、预警与升级'), [
    ['级别', '事项数', '事项'],
    ['L2', '1', '销售培训材料<制作>（逾期）'],
  ]);
});

test('an English workbook gets "Weekly 2024-W28" with English headings', () => {
  const desk = new ReportDesk('en').example();
  desk.answer('NO');
  desk.project.call('weeklySummary_');
  const title = 'Weekly 2024-W28';
  assert.match(desk.lastAlert(), /"Weekly 2024-W28" is ready/);
  assert.equal(desk.values(title)[1]?.[0], '2024-07-08 to 2024-07-14');
  assert.equal(
    desk.values(title)[3]?.[0],
    '2 tasks need attention (1 overdue · 2 lagging · 1 stale) · completed 1 · due next week 2 · requests pending 1',
  );
  assert.deepEqual(desk.section(title, 'Tasks needing attention').slice(0, 2), [
    ['Task', 'What is wrong', 'Responsible dept', 'Primary owner', 'Due', 'Request'],
    [
      '销售培训材料<制作> (RW202407001-02)',
      '2 working days overdue; lagging (50% done, 100% planned)',
      '销售部',
      '李四',
      '2024-07-10',
      '2024年Q3新品上市推广方案 (XQ202407001)',
    ],
  ]);
  assert.deepEqual(desk.section(title, 'Reminders, warnings and escalations sent'), [
    ['Level', 'Items', 'What about'],
    ['L2', '1', '销售培训材料<制作> (Overdue)'],
  ]);
  assert.deepEqual(desk.section(title, 'Requests pending review or changes')[1]?.slice(3), [
    'Pending review',
    '2024-07-09 11:00',
  ]);
});

test('on Monday morning the summary covers the week just finished', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.project.emulator.clock.set(at('2024-07-15T09:00'));
  desk.answer('NO');
  desk.project.call('weeklySummary_');
  assert.ok(desk.ss.getSheetByName('周报 2024-W28'));
  assert.equal(desk.ss.getSheetByName('周报 2024-W29'), null);
});

test('regenerating the same week replaces that sheet and touches nothing else', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.answer('NO');
  desk.project.call('weeklySummary_');
  const title = '周报 2024-W28';
  // Below the report (a generated sheet is sized to its content, so a user adds rows to write there).
  const report = desk.ss.getSheetByName(title)!;
  report.insertRowsAfter(report.getMaxRows(), 20);
  report.getRange(report.getMaxRows(), 1).setValue('旧内容');
  desk.cell('tasks', 5, 'status').setValue('已完成');
  const sheets = desk.ss.getSheets().map((s) => s.getName());
  const before = desk.snapshot([title]);

  desk.answer('NO');
  desk.project.call('weeklySummary_');
  assert.deepEqual(
    desk.ss.getSheets().map((s) => s.getName()),
    sheets,
  );
  assert.deepEqual(desk.snapshot([title]), before);
  assert.ok(!desk.values(title).flat().includes('旧内容'));
  assert.deepEqual(desk.section(title, '需要关注的任务').slice(1, 2), [
    [
      '渠道铺货执行（RW202407001-03）',
      '滞后（完成 0%，按计划应达 40%）；未更新（最近 2024-07-08 09:00）',
      '销售部',
      '李四',
      '2024-07-19',
      '2024年Q3新品上市推广方案（XQ202407001）',
    ],
  ]);
});

test('emailed to coordinators and department heads: HTML with every user string escaped, and a plain-text part', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.setting('coordinators', 'coordinator@example.com');
  desk.answer('YES');
  desk.project.call('weeklySummary_');
  assert.match(desk.lastAlert(), /周报邮件已发送给 5 人/);
  const outbox = desk.project.emulator.mail.outbox;
  assert.deepEqual(outbox.map((m) => m.to.join()).sort(), [
    'coordinator@example.com',
    'head.market@example.com',
    'head.product@example.com',
    'head.sales@example.com',
    'head.service@example.com',
  ]);
  const mail = outbox[0]!;
  assert.equal(mail.subject, '[协作周报] 2024-W28：需要关注 2 项 · 完成 1 项');
  assert.match(mail.htmlBody ?? '', /销售培训材料&lt;制作&gt;/);
  assert.match(mail.htmlBody ?? '', /客诉处理流程&lt;优化&gt;/);
  assert.doesNotMatch(mail.htmlBody ?? '', /<制作>|<优化>|<草稿>/);
  assert.match(
    mail.body,
    /- 销售培训材料<制作>（RW202407001-02） \| 逾期 2 个工作日；滞后（完成 50%，按计划应达 100%） \| 销售部 \| 李四 \| 2024-07-10/,
  );
  assert.match(mail.htmlBody ?? '', /#gid=\d+/);
});

test('dry-run mode sends nothing and says who would have got it', () => {
  const desk = new ReportDesk('en').example();
  desk.setting('emailMode', 'dry-run');
  desk.answer('YES');
  desk.project.call('weeklySummary_');
  assert.equal(desk.project.emulator.mail.outbox.length, 0);
  assert.match(
    desk.lastAlert(),
    /Dry-run mode: no email sent \(it would go to 5 people: coordinator@example\.com, head\.market@example\.com/,
  );
});

test('only coordinators are offered the email; others get the sheet', () => {
  const desk = new ReportDesk('zh-CN', { activeUser: 'li.si@example.com' }).example();
  desk.setting('coordinators', 'pmo@example.com');
  desk.project.call('weeklySummary_');
  assert.ok(!desk.ui.emuAlerts().some((a) => /邮件/.test(a.message)), 'not asked about email');
  assert.equal(desk.lastAlert(), '已生成「周报 2024-W28」。');
  assert.ok(desk.ss.getSheetByName('周报 2024-W28'));
  assert.equal(desk.project.emulator.mail.outbox.length, 0);
});

test('the mail quota is honoured: whoever does not fit today is named, queued on the log and mailed by the tick once quota allows', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.setting('coordinators', 'coordinator@example.com');
  const { mail } = desk.project.emulator;
  while (mail.MailApp.getRemainingDailyQuota() > 2) mail.MailApp.sendEmail('someone@example.com', 'earlier mail', 'x');
  const earlier = mail.outbox.length;
  desk.answer('YES');
  desk.project.call('weeklySummary_');
  assert.deepEqual(
    mail.outbox.slice(earlier).map((m) => m.to.join()),
    ['coordinator@example.com', 'head.market@example.com'],
  );
  assert.match(
    desk.lastAlert(),
    /周报邮件已发送给 2 人。\n3 人的周报邮件未能发出（邮件配额用完或发送失败），已排队；自动提醒未开启，请开启自动提醒或明天再生成一次：head\.sales@example\.com、head\.service@example\.com、head\.product@example\.com。/,
  );
  const logged = () =>
    desk
      .values('通知记录')
      .filter((row) => row[1] === '周报')
      .map((row) => `${row[1]} ${row[3]} ${row[4]} ${row[5]}`);
  assert.deepEqual(logged(), [
    '周报 2024-W28 coordinator@example.com 已发送',
    '周报 2024-W28 head.market@example.com 已发送',
    '周报 2024-W28 head.sales@example.com 排队中',
    '周报 2024-W28 head.service@example.com 排队中',
    '周报 2024-W28 head.product@example.com 排队中',
  ]);

  // Automation on: the next tick sends exactly the queued three once the quota allows, and no more after.
  desk.project.call('automationOn_');
  const { clock, triggers } = desk.project.emulator;
  clock.advanceHours(1);
  triggers.emuRunDue();
  assert.equal(mail.outbox.length, earlier + 2, 'still no quota: nothing sent, nothing lost');
  mail.emuSetRemainingQuota(50);
  for (let hour = 0; hour < 3; hour++) {
    clock.advanceHours(1);
    triggers.emuRunDue();
  }
  const summaries = mail.outbox.slice(earlier).filter((m) => m.subject.startsWith('[协作周报]'));
  assert.deepEqual(summaries.map((m) => m.to.join()).sort(), [
    'coordinator@example.com',
    'head.market@example.com',
    'head.product@example.com',
    'head.sales@example.com',
    'head.service@example.com',
  ]);
  assert.equal(summaries.at(-1)?.subject, '[协作周报] 2024-W28：需要关注 2 项 · 完成 1 项');
  assert.match(summaries.at(-1)?.htmlBody ?? '', /#gid=\d+/);
});

test('the hourly tick generates and mails last week’s summary on Monday from 09:00, once', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.setting('coordinators', 'coordinator@example.com');
  const summaryMails = () =>
    desk.project.emulator.mail.outbox
      .filter((mail) => mail.subject.startsWith('[协作周报]'))
      .map((mail) => mail.to.join());
  desk.project.emulator.clock.set(at('2024-07-15T08:00'));
  desk.project.call('tick_');
  assert.equal(desk.ss.getSheetByName('周报 2024-W28'), null, 'not before the summary hour');
  desk.project.emulator.clock.set(at('2024-07-15T09:00'));
  desk.project.call('tick_');
  assert.ok(desk.ss.getSheetByName('周报 2024-W28'));
  assert.deepEqual(summaryMails().sort(), [
    'coordinator@example.com',
    'head.market@example.com',
    'head.product@example.com',
    'head.sales@example.com',
    'head.service@example.com',
  ]);
  desk.project.emulator.clock.set(at('2024-07-15T10:00'));
  desk.project.call('tick_');
  assert.equal(summaryMails().length, 5, 'one summary a week');
});

test('a summary send that failed waits out its back-off: the Monday tick does not mail it again early, the next one mails it once', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.setting('coordinators', 'coordinator@example.com');
  const { clock, mail, faults } = desk.project.emulator;
  const summariesTo = (email: string) =>
    mail.outbox.filter((m) => m.subject.startsWith('[协作周报]') && m.to.includes(email)).length;
  // A quarter of an hour before the Monday tick: the retry's hour of back-off is not over at 09:00.
  clock.set(at('2024-07-15T08:45'));
  // Order of sending: coordinator, then the heads as Departments lists them; head.sales is third.
  const fault = faults.failOn({
    method: 'MailApp.sendEmail',
    onCall: 3,
    error: 'Service unavailable: Try again later.',
  });
  desk.answer('YES');
  desk.project.call('weeklySummary_');
  assert.equal(fault.fired, 1);
  assert.equal(summariesTo('head.sales@example.com'), 0);
  assert.equal(summariesTo('head.market@example.com'), 1);
  clock.set(at('2024-07-15T09:00'));
  desk.project.call('tick_');
  assert.equal(summariesTo('head.sales@example.com'), 0, 'an hour’s back-off after the first failure');
  assert.equal(summariesTo('head.market@example.com'), 1);
  clock.set(at('2024-07-15T10:00'));
  desk.project.call('tick_');
  clock.set(at('2024-07-15T11:00'));
  desk.project.call('tick_');
  assert.equal(summariesTo('head.sales@example.com'), 1);
  const rows = desk
    .values('通知记录')
    .filter((row) => row[1] === '周报' && row[4] === 'head.sales@example.com')
    .map((row) => `${row[5]} ${row[10]}`);
  // One row for the message: retried in place, its failed send counted.
  assert.deepEqual(rows, ['已发送 1']);
});
