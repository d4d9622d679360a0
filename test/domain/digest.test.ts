import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { buildDigest, digestSubject, escapeHtml, rowLink, type DigestContext } from '../../src/domain/digest';
import type { Delivery } from '../../src/domain/delivery';
import type { Notice } from '../../src/domain/notice';
import { deliveryKey } from '../../src/domain/told';

const context: DigestContext = {
  locale: 'zh-CN',
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc123/edit',
  sheetIds: { tasks: 111, requests: 222 },
  cooldownHours: 24,
};

const deliver = (
  notice: Omit<Notice, 'level' | 'to' | 'cc'> & { level: Notice['level'] },
  role: Delivery['role'] = 'to',
): Delivery => {
  const full: Notice = { ...notice, to: ['me@corp.cn'], cc: [] };
  return { notice: full, recipient: 'me@corp.cn', role, key: deliveryKey(full, 'me@corp.cn') };
};

const overdueA = deliver({
  rule: 'overdue',
  level: 'L2',
  item: 'RW202407001-01',
  sheet: 'tasks',
  row: 5,
  title: '新品推广方案初稿撰写',
  facts: { due: '2024-07-15 18:00', days: 2, pct: 70 },
});
const overdueB = deliver({
  rule: 'overdue',
  level: 'L2',
  item: 'RW202407001-03',
  sheet: 'tasks',
  row: 7,
  title: '渠道铺货执行',
  facts: { due: '2024-08-20 18:00', days: 1, pct: 60 },
});
const dueSoon = deliver({
  rule: 'dueSoon',
  level: 'L1',
  item: 'RW202407001-02',
  sheet: 'tasks',
  row: 6,
  title: '销售培训材料制作',
  facts: { due: '2024-08-07 18:00', pct: 40 },
});

test('the subject names the item, or the worst of several with their count, in the workbook language', () => {
  assert.equal(digestSubject('zh-CN', [overdueA]), '[协作预警] 逾期：新品推广方案初稿撰写');
  assert.equal(digestSubject('zh-CN', [dueSoon, overdueA, overdueB]), '[协作预警] 3 项需处理：新品推广方案初稿撰写等');
  assert.equal(
    digestSubject('en', [dueSoon, overdueA, overdueB]),
    '[Collab alert] 3 items need action: 新品推广方案初稿撰写 and 2 more',
  );
  assert.equal(digestSubject('zh-CN', [dueSoon]), '[协作提醒] 即将到期：销售培训材料制作');
});

test('a row link opens the sheet by gid at the item row', () => {
  assert.equal(
    rowLink(context, { sheet: 'tasks', row: 5 }),
    'https://docs.google.com/spreadsheets/d/abc123/edit#gid=111&range=A5',
  );
  assert.equal(
    rowLink({ ...context, spreadsheetUrl: `${context.spreadsheetUrl}#gid=0` }, { sheet: 'requests', row: 3 }),
    'https://docs.google.com/spreadsheets/d/abc123/edit#gid=222&range=A3',
  );
});

test('a row link goes where the item is found by ID when the mail is built, the read-time row otherwise', () => {
  const rowOf = ({ item }: { item: string }) => (item === 'RW202407001-01' ? 9 : undefined);
  assert.match(rowLink({ ...context, rowOf }, { sheet: 'tasks', row: 5, item: 'RW202407001-01' }), /range=A9$/);
  assert.match(rowLink({ ...context, rowOf }, { sheet: 'tasks', row: 6, item: 'RW202407001-02' }), /range=A6$/);
  const digest = buildDigest('me@corp.cn', [overdueA], { ...context, rowOf });
  assert.match(digest.textBody, /#gid=111&range=A9/);
});

test('the digest groups items by level, L2 before L1, with a link and the facts in words', () => {
  const digest = buildDigest('me@corp.cn', [dueSoon, overdueA], context);
  const text = digest.textBody;
  assert.ok(text.indexOf('L2 预警') < text.indexOf('L1 提醒'));
  assert.ok(text.indexOf('RW202407001-01') < text.indexOf('RW202407001-02'));
  assert.match(text, /RW202407001-01 新品推广方案初稿撰写 — 逾期：截止 2024-07-15 18:00，已逾期 2 个工作日，完成 70%/);
  assert.match(text, /打开: https:\/\/docs\.google\.com\/spreadsheets\/d\/abc123\/edit#gid=111&range=A5/);
  assert.match(
    digest.htmlBody,
    /<a href="https:\/\/docs\.google\.com\/spreadsheets\/d\/abc123\/edit#gid=111&amp;range=A5">RW202407001-01 新品推广方案初稿撰写<\/a>/,
  );
  assert.doesNotMatch(text, /L3/);
});

test('English digests word the same facts in English and mark copies', () => {
  const digest = buildDigest('me@corp.cn', [deliver({ ...overdueA.notice }, 'cc')], { ...context, locale: 'en' });
  assert.match(
    digest.textBody,
    /Overdue: due 2024-07-15 18:00, 2 working day\(s\) overdue, 70% complete \(copy, for your information\)/,
  );
});

test('every user string is escaped in the HTML body and left as typed in the text body', () => {
  const hostile = deliver({
    rule: 'noOwner',
    level: 'L2',
    item: 'RW1',
    sheet: 'tasks',
    row: 2,
    title: '<script>alert(1)</script>',
    facts: { owner: 'A & "B" <b@x>' },
  });
  const digest = buildDigest('me@corp.cn', [hostile], context);
  assert.doesNotMatch(digest.htmlBody, /<script>|<b@x>/);
  assert.match(digest.htmlBody, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(digest.htmlBody, /A &amp; &quot;B&quot; &lt;b@x&gt;/);
  assert.match(digest.textBody, /<script>alert\(1\)<\/script>/);
  assert.equal(escapeHtml(`'`), '&#39;');
});

test('an escalation names the unresolved problems in the reader’s language', () => {
  const escalation = deliver({
    rule: 'unresolved',
    level: 'L3',
    item: 'RW1',
    sheet: 'tasks',
    row: 2,
    title: '任务',
    facts: {
      problems: 'overdue,blocked',
      since: '2024-07-08 09:00',
      days: 2,
      owner: '张三',
      dept: '市场部',
      daysLate: 3,
      progress: '等待报价',
      delayReason: '',
    },
  });
  assert.match(
    buildDigest('me@corp.cn', [escalation], context).textBody,
    /- RW1 任务 — 升级\n {2}问题：逾期、阻塞，自 2024-07-08 09:00 起 2 个工作日仍未解决\n {2}负责人：张三（市场部）\n {2}逾期天数：3 个工作日\n {2}最新进度：等待报价\n/,
  );
  assert.match(
    buildDigest('me@corp.cn', [escalation], { ...context, locale: 'en' }).textBody,
    /Problem: Overdue, Blocked, unresolved for 2 working day\(s\) since 2024-07-08 09:00\n {2}Owner: 张三 \(市场部\)\n/,
  );
  assert.equal(digestSubject('en', [escalation]), '[Collab escalation] Escalated: 任务');
});

test('a task with no owner at all is worded as missing, not as an invalid name', () => {
  const missing = deliver({
    rule: 'noOwner',
    level: 'L2',
    item: 'RW1',
    sheet: 'tasks',
    row: 2,
    title: '任务',
    facts: { owner: '' },
  });
  assert.match(buildDigest('me@corp.cn', [missing], context).textBody, /无有效负责人：任务已开始，但还没有第一责任人/);
});

test('a task with several flags is one line carrying them all, one told before included, and never listed again under 仍未解决', () => {
  const lagging = deliver({
    ...overdueA.notice,
    rule: 'lagging',
    facts: { pct: 70, expected: 95, gap: 25, due: '2024-07-15 18:00' },
  });
  const stale = deliver({
    ...overdueA.notice,
    rule: 'stale',
    level: 'L1',
    facts: { days: 4, lastUpdate: '2024-07-10' },
  });
  const toldBefore = {
    delivery: deliver({ ...overdueA.notice, rule: 'blocked', facts: {} }),
    since: '2024-07-12 09:00',
  };
  const otherOpen = { delivery: dueSoon, since: '2024-07-11 09:00' };
  const digest = buildDigest('me@corp.cn', [stale, overdueA, lagging], context, [toldBefore, otherOpen]);
  const mentions = (body: string) => body.split('新品推广方案初稿撰写').length - 1;
  assert.equal(mentions(digest.textBody), 1);
  assert.equal(mentions(digest.htmlBody), 1);
  assert.match(
    digest.htmlBody,
    /新品推广方案初稿撰写<\/a> — 逾期：截止 2024-07-15 18:00，已逾期 2 个工作日，完成 70%；滞后：完成 70%，按计划应达 95%，落后 25 个百分点（截止 2024-07-15 18:00）；未更新：已 4 个工作日没有进度更新（最近一次 2024-07-10）；阻塞：自 2024-07-12 09:00 起仍未解决<\/li>/,
  );
  // Still open: only the task not listed above, once.
  assert.match(
    digest.textBody,
    /== 仍未解决（此前已提醒） ==\n- RW202407001-02 销售培训材料制作 — 即将到期：自 2024-07-11 09:00 起仍未解决/,
  );
  assert.equal(digest.subject, '[协作预警] 逾期 · 滞后 · 未更新：新品推广方案初稿撰写'); // the subject counts new alerts only
});

test('an L3 for a lag with no reason given says what is known and asks the sponsor for a decision by a date', () => {
  const escalation = deliver({
    rule: 'unresolved',
    level: 'L3',
    item: 'RW202407001-01',
    sheet: 'tasks',
    row: 5,
    title: '新品推广方案初稿撰写',
    facts: {
      problems: 'lagging',
      since: '2024-07-08 09:00',
      days: 3,
      owner: '张三',
      dept: '市场部',
      daysLate: 0,
      progress: '方案撰写50%',
      delayReason: '无',
      pct: 50,
      expected: 80,
      askBy: '2024-07-12 18:00',
    },
  });
  const digest = buildDigest('vp@corp.cn', [escalation], context);
  assert.doesNotMatch(digest.textBody, /滞后原因：无/);
  assert.match(digest.textBody, /滞后原因：负责人尚未说明；目前完成 50%，按计划应达 80%/);
  assert.match(
    digest.textBody,
    /请您：在 2024-07-12 18:00 前与 张三（市场部）商定并拍板：追加人手或资源、经「计划变更」调整截止时间，或改派负责人/,
  );
  assert.match(digest.htmlBody, /<td[^>]*>请您<\/td><td[^>]*>在 2024-07-12 18:00 前/);
  const en = buildDigest('vp@corp.cn', [escalation], { ...context, locale: 'en' });
  assert.match(en.textBody, /Delay reason: not stated by the owner; 50% complete where the plan expects 80%/);
  assert.match(en.textBody, /Your call: by 2024-07-12 18:00, with 张三 \(市场部\), decide:/);
  assert.equal(digest.subject, '[协作升级] 升级：新品推广方案初稿撰写');
});

test('a sign-off request is not a warning: its own subject names the request, and the mail says how to sign', () => {
  const signOff = deliver({
    rule: 'signOffPending',
    level: 'L1',
    item: 'XQ202407001',
    sheet: 'signOffs',
    row: 3,
    title: '2024年Q3新品上市推广方案',
    facts: {
      subject: 'split',
      requested: '2024-07-05 10:00',
      days: 0,
      tasks: '渠道铺货执行\t销售部\tli.na@corp.cn\t2024-08-20\n售后响应手册制定\t售后部\t王芳\t2024-08-12',
    },
  });
  const people = [{ name: '李娜', email: 'li.na@corp.cn', dept: '销售部' }];
  const digest = buildDigest('head@corp.cn', [signOff], { ...context, directory: { people } });
  assert.match(
    digest.textBody,
    /待签分工：渠道铺货执行（销售部，李娜，截止 2024-08-20）；售后响应手册制定（售后部，王芳，截止 2024-08-12）/,
  );
  assert.equal(digest.subject, '[协作台] 待您签批：任务分工「2024年Q3新品上市推广方案」');
  assert.doesNotMatch(digest.subject, /协作预警/);
  assert.match(digest.htmlBody, /以下事项等待您签批：/);
  assert.match(
    digest.htmlBody,
    /如何签批：打开表格，点菜单「协作台 ▸ 打开侧边栏」，在「待您签批」中查看内容后点「同意」或「退回」/,
  );
  const en = buildDigest('head@corp.cn', [signOff], { ...context, locale: 'en' });
  assert.equal(en.subject, '[Collab Desk] Waiting for your sign-off: Task split "2024年Q3新品上市推广方案"');
  assert.match(en.textBody, /How to sign: open the spreadsheet, choose Collab Desk ▸ Open sidebar/);
});
