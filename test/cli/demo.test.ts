import { beforeAll, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PostalMime from 'postal-mime';
import { runDemo } from '../../cli/demo';
import { EXAMPLE } from '../../cli/example';
import { parseLocalDateTime } from '../../emulator/spreadsheet/values';
import { headerText, mapHeaders, SHEET_ORDER, sheetDef, sheetTitle } from '../../src/domain/schema';
import { enumLabel } from '../../src/domain/enums';
import { renderSheets } from '../support/renderSheets';
import { missingTool, testUnless } from '../support/tools';

// One run of the demo (build/Code.js from `npm run build`) serves every test below.
const outDir = mkdtempSync(join(tmpdir(), 'demo-'));
const shown: string[] = [];
const lines: string[] = [];
let result: Awaited<ReturnType<typeof runDemo>>;
beforeAll(async () => {
  result = await runDemo({ outDir, log: (line) => shown.push(line), detail: (line) => lines.push(line) });
});
const local = (text: string) => parseLocalDateTime(text, EXAMPLE.timeZone)!;

test('every step of the example reaches the add-on through a menu, the sidebar or the sheet, and succeeds', () => {
  assert.equal(result.steps.length, EXAMPLE.steps.length);
  assert.deepEqual(
    result.steps.filter((s) => !s.ok).map((s) => `${s.at} ${s.kind}: ${s.messages.join(' | ')}`),
    [],
  );
  assert.deepEqual(
    result.steps.filter((s) => s.route === 'missing').map((s) => s.kind),
    [],
  );
});

test('after three weeks one task is overdue, one lagging, one stale and one done, as the story intends', () => {
  const health = Object.fromEntries(Object.keys(EXAMPLE.expectedHealth).map((id) => [id, result.health[id]]));
  assert.deepEqual(health, EXAMPLE.expectedHealth);
  assert.equal(
    result.ticks,
    (local(EXAMPLE.simulation.end).getTime() - local(EXAMPLE.simulation.start).getTime()) / 3_600_000,
  );
});

test('the console reads in about twenty lines: what happened by person, what was sent, health, what to open', () => {
  assert.ok(shown.length <= 22, `${shown.length} lines:\n${shown.join('\n')}`);
  const long = shown.filter((line) => [...line].length > 160);
  assert.deepEqual(long, [], 'no line over 160 characters');
  // No function names or handler names: people, tasks and what they did.
  assert.deepEqual(
    shown.filter((line) => /\w+_\b|\w+\(\w*\)|submitSidebarForm|decideSignOff|not exportable/.test(line)),
    [],
  );
  const text = shown.join('\n');
  assert.match(text, /张伟 posted 70 % on 新品推广方案初稿撰写/);
  assert.match(text, /李娜、高峰、赵敏 signed off the task split/);
  assert.match(text, /Closing the loop: XQ202407002 .*已完成 · rated 2\/5 by 陈静 · 3 cases proposed/);
  assert.match(text, /高峰 suggested "跨部门周会纪要统一模板": 采纳, owner 刘洋 · 1 nudge \(催办\) of 张伟/);
  assert.match(text, new RegExp(`Sent: ${result.mails} mails .* robot posts \\(市场部 \\d+, 销售部 \\d+\\)`));
  assert.match(text, new RegExp(`通知记录 \\(Notification log\\) in the workbook lists all ${result.notices}`));
  // Health in the workbook's language, as 任务分工 shows it.
  assert.match(text, /Health at the end \(任务分工 ▸ 健康度\): 新品推广方案初稿撰写 逾期 · 销售培训材料制作 已完成/);
  assert.match(text, /demo\.xlsx .*dashboard\.html/);
  assert.match(text, /outbox\/ .*robots\//);
  assert.match(text, /^The \.xlsx cannot carry 2 charts and \d+ sheet protections .*README/m);
});

test('with --verbose it also shows one line per simulated day with the mails and notices of that day', () => {
  const days = lines.filter((line) => /^ {2}\d{4}-\d{2}-\d{2} 周/.test(line));
  const first = EXAMPLE.simulation.start.slice(0, 10);
  const last = EXAMPLE.simulation.end.slice(0, 10);
  const expectedDays = (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1;
  assert.equal(days.length, expectedDays);
  assert.ok(days[0]!.startsWith(`  ${first}`) && days.at(-1)!.startsWith(`  ${last}`));
  const counts = /mails \+(\d+) \((\d+)\)  notices \+(\d+) \((\d+)\)/;
  assert.deepEqual(
    days.filter((line) => !counts.test(line)),
    [],
  );
  const mailsPerDay = days.reduce((sum, line) => sum + Number(counts.exec(line)![1]), 0);
  assert.equal(mailsPerDay, result.mails, 'the daily counts add up to every mail sent during the weeks');
  assert.ok(result.mails > 0 && result.notices > 0);
});

test('demo.xlsx holds every sheet, and the task list shows each task with its health', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(result.workbook);
  const names = workbook.worksheets.map((w) => w.name);
  for (const key of SHEET_ORDER) assert.ok(names.includes(sheetTitle(key, 'zh-CN')), `${key} in ${names.join(', ')}`);
  const tasks = workbook.getWorksheet(sheetTitle('tasks', 'zh-CN'))!;
  const rows = (tasks.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
  const columns = mapHeaders(sheetDef('tasks'), rows[0]!);
  assert.equal(
    rows[0]![columns.health!],
    headerText(
      sheetDef('tasks').columns.find((c) => c.key === 'health')!,
      'zh-CN',
    ),
  );
  const shown = Object.fromEntries(rows.slice(1).map((row) => [row[columns.id!], row[columns.health!]]));
  for (const [id, health] of Object.entries(EXAMPLE.expectedHealth)) {
    assert.equal(shown[id], enumLabel('health', health as never, 'zh-CN'), id);
  }
  assert.ok(
    ((tasks as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings ?? []).length > 0,
    'row colours',
  );
});

// SPEC §2.8: "Weekly summary — 周报 YYYY-Www", "Dashboard — 看板".
test('the hourly tick wrote a weekly summary each Monday, and it and the dashboard are sheets of demo.xlsx', async () => {
  const mondays = new Set<string>();
  for (
    let t = local(EXAMPLE.simulation.start).getTime();
    t <= local(EXAMPLE.simulation.end).getTime();
    t += 3_600_000
  ) {
    const shanghai = new Date(t + 8 * 3_600_000);
    if (shanghai.getUTCDay() === 1 && shanghai.getUTCHours() >= 9) mondays.add(shanghai.toISOString().slice(0, 10));
  }
  const summaries = mondays.size;
  assert.equal(summaries, 3);
  assert.equal(
    result.newSheets.filter((name) => /^周报 \d{4}-W\d{2}$/.test(name)).length,
    summaries,
    result.newSheets.join(', '),
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(result.workbook);
  for (const name of [...result.newSheets, '看板']) assert.ok(workbook.getWorksheet(name), name);
});

test('every mail sent is an .eml file that a mail parser reads back, in sending order', async () => {
  assert.equal(result.outbox.length, result.mails);
  const start = local(EXAMPLE.simulation.start).getTime();
  const end = local(EXAMPLE.simulation.end).getTime();
  let previous = start;
  for (const path of result.outbox) {
    const mail = await PostalMime.parse(readFileSync(path));
    assert.match(mail.subject ?? '', /^\[协作/, path);
    assert.ok((mail.to ?? []).length > 0, path);
    assert.ok(mail.text && mail.html, `${path} has a text and an HTML part`);
    const sent = Date.parse(mail.date ?? '');
    assert.ok(sent >= previous && sent <= end, `${path} sent ${mail.date}`);
    previous = sent;
  }
});

// SPEC §2.9: the split's 会签 with one Return, a delegated signature, a Pass and a plan change signed off.
test('the Sign-offs sheet shows the split returned once then agreed, one delegated signature, and the outbox 待您签批', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(result.workbook);
  const sheet = workbook.getWorksheet(sheetTitle('signOffs', 'zh-CN'))!;
  const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
  const columns = mapHeaders(sheetDef('signOffs'), rows[0]!);
  // The first request's sign-offs; the second request (cli/demoLoop.ts) has its own test below.
  const signed = rows
    .slice(1)
    .filter((row) => row[columns.ref!] && !String(row[columns.ref!]).includes('202407002'))
    .map((row) =>
      [
        row[columns.subject!],
        row[columns.ref!],
        row[columns.signer!],
        row[columns.onBehalfOf!] ?? '',
        row[columns.decision!],
      ].join(' '),
    );
  // Signers and 代签 are written by name (SPEC §2); the returned round's unsigned rows are closed as 已作废.
  assert.deepEqual(signed, [
    '任务分工 XQ202407001 李娜  已作废',
    '任务分工 XQ202407001 高峰  退回',
    '任务分工 XQ202407001 何芳  已作废',
    '任务分工 XQ202407001 李娜  同意',
    '任务分工 XQ202407001 高峰  同意',
    '任务分工 XQ202407001 何芳 赵敏 同意',
    '成果验收 RW202407001-02 李娜  同意',
    '计划变更 RW202407001-04 何芳  同意',
    '计划变更 RW202407001-04 高峰  同意',
  ]);
  const asked: string[] = [];
  for (const path of result.outbox) {
    const mail = await PostalMime.parse(readFileSync(path));
    // A line of a digest: the heads' digests also carry the second request's tasks, so the subject may count items.
    if (/ — 待您签批：/.test(mail.text ?? '')) asked.push(...(mail.to ?? []).map((to) => to.address ?? ''));
  }
  assert.deepEqual([...new Set(asked)].sort(), ['gao.feng@example.com', 'li.na@example.com']);
});

/** A sheet of demo.xlsx as header key → cell records. */
async function sheetRecords(key: 'requests' | 'satisfaction' | 'cases'): Promise<Record<string, unknown>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(result.workbook);
  const rows = (workbook.getWorksheet(sheetTitle(key, 'zh-CN'))!.getSheetValues() as unknown[][])
    .filter(Boolean)
    .map((row) => row.slice(1));
  const columns = Object.entries(mapHeaders(sheetDef(key), rows[0]!) as Record<string, number>);
  return rows.slice(1).map((row) => Object.fromEntries(columns.map(([column, i]) => [column, row[i] ?? ''])));
}

// SPEC §6, §2.11: the second request closes the loop: done, asked the next morning, rated 2, a case proposed.
test('the second request, split from the 大型市场活动 template, ends done and rated low by its requester', async () => {
  const loop = lines.filter((line) => line.includes('XQ202407002'));
  assert.ok(loop.length > 0 && !loop.some((line) => line.includes('✗')), loop.join('\n'));
  const request = (await sheetRecords('requests')).find((r) => r.id === 'XQ202407002');
  assert.equal(request?.status, '已完成');
  const [rating, ...others] = (await sheetRecords('satisfaction')).filter((r) => r.ref === 'XQ202407002');
  assert.equal(others.length, 0, 'asked once');
  assert.equal(rating?.rater, '陈静');
  assert.equal(rating?.overall, 2);
  assert.equal(rating?.state, '已评价');
  // One case from the low rating, and its retrospective's: the late task and the failed acceptance (SPEC §2.12).
  const cases = (await sheetRecords('cases')).filter((c) => String(c.links).includes('XQ202407002'));
  assert.deepEqual(cases.map((c) => String(c.source).replace(/[:@].*$/, '')).sort(), ['acceptance', 'delay', 'rating']);
  assert.equal(cases.find((c) => String(c.source).startsWith('rating'))?.category, '沟通');
  assert.ok(cases.every((c) => c.status === '待确认'));
  assert.ok(cases.some((c) => String(c.problem).includes('邀请函缺少报名二维码')));
  const subjects: string[] = [];
  for (const path of result.outbox) {
    const mail = await PostalMime.parse(readFileSync(path));
    if (/请评价|低分评价/.test(mail.subject ?? ''))
      subjects.push(`${(mail.to ?? []).map((to) => to.address).join()} ${mail.subject}`);
  }
  assert.deepEqual(subjects, [
    'chen.jing@example.com [协作提醒] 请评价：2024年Q3经销商大会',
    'wang.qiang@example.com [协作提醒] 低分评价：2024年Q3经销商大会',
  ]);
});

const sofficeMissing = missingTool('soffice', 'libreoffice-calc-nogui poppler-utils');

testUnless(sofficeMissing)(
  "LibreOffice shows Tasks' status and health and Requests' status within the first 1,000 px, and no date as ###",
  async () => {
    const rendered = await renderSheets(join(outDir, 'demo.xlsx'), ['需求申请', '任务分工']);
    const within = (sheet: string, header: string) => {
      const word = rendered.pages.get(sheet)?.[0]?.find((w) => w.text === header);
      return word ? Math.round(word.x) : `${header} not on the first page of ${sheet}`;
    };
    const x = {
      完成状态: within('任务分工', '完成状态'),
      健康度: within('任务分工', '健康度'),
      状态: within('需求申请', '状态'),
    };
    for (const [header, at] of Object.entries(x))
      assert.ok(typeof at === 'number' && at < 1000, `${header} at ${at} px`);
    const hashes = [...rendered.pages.values()].flat(2).filter((w) => w.text.includes('###'));
    assert.deepEqual(hashes, []);
  },
  180_000,
);
