/**
 * The weekly summary as its readers get it (SPEC §2.8, issue 22 point 10), read from the built
 * bundle's sheet and the rendered HTML of its mails: each task counted once with all its flags, a
 * head's own department first, names instead of emails and IDs, and a regenerated week that
 * replaces its sheet without mailing anyone twice.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ReportDesk, at } from './reports-fixture';

const TITLE = '周报 2024-W28';

/** The mail's HTML as a reader sees it: tags gone, entities decoded, the small grey IDs dropped. */
function visibleText(html: string, { withIds = false } = {}): string {
  return (withIds ? html : html.replace(/<small[^>]*>[^<]*<\/small>/g, ''))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The Example week, with 渠道铺货执行 also overdue (due Wednesday): overdue, lagging and stale at once. */
function deskWithThreeFlags(): ReportDesk {
  const desk = new ReportDesk('zh-CN').example();
  desk.cell('tasks', desk.rowOf('tasks', 'id', 'RW202407001-03'), 'due').setValue(at('2024-07-10T00:00'));
  desk.setting('coordinators', 'coordinator@example.com');
  // Heads by name in People, and a plan change waiting on 销售部's head.
  desk.put('people', [
    { name: '陈静', email: 'head.sales@example.com', dept: '销售部' },
    { name: '高峰', email: 'head.market@example.com', dept: '市场部' },
    { name: '何芳', email: 'head.service@example.com', dept: '售后部' },
    { name: '周杰', email: 'head.product@example.com', dept: '产品部' },
    { name: '王强', email: 'coordinator@example.com', dept: '市场部' },
  ]);
  desk.put('signOffs', [
    {
      subject: '计划变更',
      ref: 'RW202407001-02',
      signer: '陈静',
      decision: '待签',
      requestedAt: at('2024-07-10T09:00'),
    },
  ]);
  return desk;
}

function mailTo(desk: ReportDesk, email: string) {
  const mails = desk.project.emulator.mail.outbox.filter((m) => m.to.includes(email));
  assert.equal(mails.length, 1, `one summary to ${email}`);
  return mails[0]!;
}

test('a task overdue, lagging and stale is one task needing attention, on one line with its three flags, in the sheet and the mail', () => {
  const desk = deskWithThreeFlags();
  desk.answer('YES');
  desk.project.call('weeklySummary_');

  const headline = '需要关注 2 项任务（逾期 2 · 滞后 2 · 未更新 1）· 本周完成 1 项 · 下周到期 1 项 · 待审核需求 1 个';
  assert.equal(desk.values(TITLE)[3]?.[0], headline);
  const rows = desk.section(TITLE, '需要关注的任务').slice(1);
  assert.deepEqual(
    rows.map((row) => [row[0], row[1]]),
    [
      ['销售培训材料<制作>（RW202407001-02）', '逾期 2 个工作日；滞后（完成 50%，按计划应达 100%）'],
      [
        '渠道铺货执行（RW202407001-03）',
        '逾期 2 个工作日；滞后（完成 0%，按计划应达 100%）；未更新（最近 2024-07-08 09:00）',
      ],
    ],
  );

  // Column A is as wide as its longest task cell, not cut at a fixed 140 px.
  const width = desk.ss.getSheetByName(TITLE)!.getColumnWidth(1);
  assert.ok(width >= 260 && width <= 320, `${width} px`);

  const mail = mailTo(desk, 'coordinator@example.com');
  assert.equal(mail.subject, '[协作周报] 2024-W28：需要关注 2 项 · 完成 1 项');
  const html = mail.htmlBody ?? '';
  assert.ok(html.includes(`<b>${headline}</b>`), 'the headline counts each task once');
  assert.match(visibleText(html), /本周关键指标：按期完成率 \d+\/\d+ \(\d+%\) · 延期率 /);
  const lines = html.split('\n').filter((line) => line.includes('渠道铺货执行'));
  // Its one row in the company-wide list, the progress row, the due-next row: never once per flag.
  assert.equal(lines.filter((line) => line.includes('逾期')).length, 1, lines.join('\n'));
  assert.match(
    lines.find((line) => line.includes('逾期'))!,
    /逾期 2 个工作日；滞后（完成 0%，按计划应达 100%）；未更新/,
  );
});

test("a department head's mail starts with their department (tasks needing attention, due next week, sign-offs waiting on them), then the company-wide part; a coordinator's has only the company-wide part", () => {
  const desk = deskWithThreeFlags();
  desk.answer('YES');
  desk.project.call('weeklySummary_');

  const head = visibleText(mailTo(desk, 'head.sales@example.com').htmlBody ?? '');
  const order = [
    '您的部门：销售部',
    '需要关注的任务 (2)',
    '下周到期的任务 (0)',
    '待您签批 (1)',
    '计划变更 销售培训材料<制作> 2024-07-10 09:00 2',
    '全公司',
    '需要关注的任务 (2)',
    '本周完成的任务 (1)',
  ];
  let from = 0;
  for (const part of order) {
    const found = head.indexOf(part, from);
    assert.ok(found >= from, `"${part}" after position ${from} in: ${head}`);
    from = found + part.length;
  }

  // 市场部 has nothing needing attention and no sign-off waiting: its head sees that first.
  const market = visibleText(mailTo(desk, 'head.market@example.com').htmlBody ?? '');
  assert.match(
    market,
    /^.*?您的部门：市场部 需要关注的任务 \(0\) （无） 下周到期的任务 \(0\) （无） 待您签批 \(0\) （无） 全公司 /,
  );

  const coordinator = visibleText(mailTo(desk, 'coordinator@example.com').htmlBody ?? '');
  assert.ok(!coordinator.includes('您的部门') && !coordinator.includes('待您签批'), coordinator);
  assert.ok(coordinator.includes('需要关注的任务 (2)'));
});

test('the mail names people, requests, tasks and action items: no email anywhere, an ID only small beside its name', () => {
  const desk = deskWithThreeFlags();
  desk.answer('YES');
  desk.project.call('weeklySummary_');
  const mail = mailTo(desk, 'head.sales@example.com');
  const html = mail.htmlBody ?? '';
  const seen = visibleText(html);

  assert.doesNotMatch(seen, /@/, 'no email: owners, requesters and updaters by name, and no list of who was told');
  assert.doesNotMatch(`${seen} ${mail.body}`, /ACT-/);
  assert.doesNotMatch(seen, /RW\d|XQ\d/, 'no bare task or request ID outside the small print');
  assert.match(html, /客诉处理流程&lt;优化&gt; <small style="color:#757575">XQ202407002<\/small>/);
  assert.match(html, /销售培训材料&lt;制作&gt; <small style="color:#757575">RW202407001-02<\/small>/);
  // The open action item by its text, what it is about by the request's title, its owner by name.
  assert.match(seen, /产品部提供参数 张三 2024-07-08 2024年Q3新品上市推广方案/);
  // Escalations sent: per level, its items by name; the recipients (李四, 陈静) are the log's business.
  assert.match(seen, /本周发出的提醒、预警与升级 \(1\) 级别 事项数 事项 L2 1 销售培训材料<制作>（逾期） /);
  assert.doesNotMatch(seen, /收件人/);
});

test('a regenerated week replaces its sheet and mails no one twice; someone added since gets it once', () => {
  const desk = deskWithThreeFlags();
  const { outbox } = desk.project.emulator.mail;
  desk.answer('YES');
  desk.project.call('weeklySummary_');
  assert.equal(outbox.length, 5);
  const sheets = desk.ss.getSheets().map((sheet) => sheet.getName());

  // Thursday's task is done by the time the coordinator regenerates, and a new coordinator joined.
  desk.cell('tasks', desk.rowOf('tasks', 'id', 'RW202407001-03'), 'status').setValue('已完成');
  desk.setting('coordinators', 'coordinator@example.com, pmo@example.com');
  desk.answer('YES');
  desk.project.call('weeklySummary_');

  assert.deepEqual(
    outbox.slice(5).map((mail) => mail.to.join()),
    ['pmo@example.com'],
  );
  assert.deepEqual(
    desk.ss.getSheets().map((sheet) => sheet.getName()),
    sheets,
    'the same sheet, no second one',
  );
  assert.deepEqual(
    desk
      .section(TITLE, '需要关注的任务')
      .slice(1)
      .map((row) => row[0]),
    ['销售培训材料<制作>（RW202407001-02）'],
    'the sheet is the regenerated week',
  );
  assert.match(desk.lastAlert(), /周报邮件已发送给 1 人。\n本周已发送过周报的 5 人不再重复发送：王强、/);
  const logged = desk
    .values('通知记录')
    .filter((row) => row[1] === '周报')
    .map((row) => row[4]);
  assert.equal(logged.length, 6, 'one log row per recipient of the week');
  assert.equal(new Set(logged).size, 6);
});
