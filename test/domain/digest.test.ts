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

test('the subject counts items per rule, most severe first, in the workbook language', () => {
  assert.equal(digestSubject('zh-CN', [dueSoon, overdueA, overdueB]), '[协作预警] 2 项逾期 · 1 项即将到期');
  assert.equal(digestSubject('en', [dueSoon, overdueA, overdueB]), '[Collab alert] 2 overdue · 1 due soon');
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
    /升级：逾期、阻塞：自 2024-07-08 09:00 起 2 个工作日仍未解决，已升级；负责人 张三（市场部）；已逾期 3 个工作日；最新进度：等待报价\n/,
  );
  assert.match(
    buildDigest('me@corp.cn', [escalation], { ...context, locale: 'en' }).textBody,
    /Escalated: Overdue, Blocked: unresolved for 2 working day\(s\) since 2024-07-08 09:00, escalated; owner 张三 \(市场部\); 3 working day\(s\) late; latest progress: 等待报价\n/,
  );
  assert.equal(digestSubject('en', [escalation]), '[Collab alert] 1 escalated');
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
