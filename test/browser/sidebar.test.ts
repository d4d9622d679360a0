/**
 * The built sidebar in headless Chromium, talking to the built bundle in the emulator through
 * google.script.run: what a task owner sees and what lands in the sheets when they use it.
 */
import { afterAll, beforeAll, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { headerText, sheetDef, sheetTitle, type SheetKey } from '../../src/domain/schema';
import { t, type Locale } from '../../src/i18n/index';
import { loadBundle } from '../support/bundle';
import { missingTool, testUnless } from '../support/tools';
import { CONNECTION_FAILURE, startBrowser, type SidebarBrowser, type SidebarPage } from '../support/browser';
import type { LoadedProject } from '../../emulator/runtime';

const OWNER = 'li.na@example.com';
const USER = 'coordinator@example.com';
const day = (text: string) => new Date(`${text}T00:00:00+08:00`);

/** SPEC §6: the launch plan's first two tasks, the first with one progress entry. */
const TASKS = [
  {
    id: 'RW202407001-01',
    request: 'XQ202407001',
    name: '新品推广方案初稿撰写',
    dept: '市场部',
    owner: OWNER,
    start: day('2024-07-06'),
    due: day('2024-07-15'),
    deliverable: '推广方案初稿',
    status: '进行中',
    pct: 70,
    health: '滞后',
  },
  {
    id: 'RW202407001-02',
    request: 'XQ202407001',
    name: '销售培训材料制作',
    dept: '销售部',
    owner: 'wang.qiang@example.com',
    start: day('2024-08-01'),
    due: day('2024-08-07'),
    deliverable: '核心卖点与竞品话术，通过销售部内部测试',
    status: '未开始',
    pct: '',
    health: '',
  },
];
const PROGRESS = [
  {
    task: 'RW202407001-01',
    summary: '方案撰写70%',
    pct: 70,
    delayReason: '等待销售部大客户数据',
    owner: OWNER,
    updatedAt: day('2024-07-10'),
    updatedBy: OWNER,
  },
];

type Row = Record<string, unknown>;

/** A workbook as "Set up workbook" leaves it: each sheet's headers in the workbook language, then rows. */
function seed(project: LoadedProject, locale: Locale, rows: Partial<Record<SheetKey, readonly Row[]>>): void {
  const spreadsheet = project.emulator.spreadsheet;
  for (const key of [
    'requests',
    'tasks',
    'progress',
    'communications',
    'acceptance',
    'planChanges',
    'departments',
    'people',
    'signOffs',
    'changeHistory',
  ] as const) {
    const columns = sheetDef(key).columns;
    const sheet = spreadsheet.insertSheet(sheetTitle(key, locale));
    const values = [
      columns.map((c) => headerText(c, locale)),
      ...(rows[key] ?? []).map((row) => columns.map((c) => row[c.key] ?? '')),
    ];
    sheet.getRange(1, 1, values.length, columns.length).setValues(values as never);
  }
  for (const [name, head] of [
    ['市场部', 'head.marketing@example.com'],
    ['销售部', 'head.sales@example.com'],
  ]) {
    spreadsheet.getSheetByName(sheetTitle('departments', locale))?.appendRow([name, head]);
  }
}

function select(project: LoadedProject, sheet: SheetKey, row: number, locale: Locale = 'zh-CN'): void {
  const target = project.emulator.spreadsheet.getSheetByName(sheetTitle(sheet, locale));
  assert.ok(target, `no ${sheet} sheet`);
  project.emulator.spreadsheet.setActiveSheet(target);
  target.getRange(row, 2).activate();
}

/** The sheet's data rows as objects by column key. */
function records(project: LoadedProject, sheet: SheetKey, locale: Locale = 'zh-CN'): Row[] {
  const [header, ...rows] = sheetValues(project, sheet, locale);
  const columns = sheetDef(sheet).columns;
  return rows.map((row) =>
    Object.fromEntries(columns.map((c) => [c.key, row[header!.indexOf(headerText(c, locale))]])),
  );
}

function sheetValues(project: LoadedProject, sheet: SheetKey, locale: Locale = 'zh-CN'): unknown[][] {
  return project.emulator.spreadsheet.getSheetByName(sheetTitle(sheet, locale))!.getDataRange().getValues();
}

function launchPlan(locale: Locale = 'zh-CN', communications: readonly Row[] = []): LoadedProject {
  const project = loadBundle({ activeUser: USER, spreadsheetLocale: locale === 'en' ? 'en_US' : 'zh_CN' });
  seed(project, locale, { tasks: TASKS, progress: PROGRESS, communications });
  return project;
}

async function textOf(sidebar: SidebarPage, selector: string, containing: string): Promise<string> {
  const locator = sidebar.page.locator(selector, { hasText: containing });
  await locator.waitFor({ timeout: 5000 });
  return (await locator.textContent()) ?? '';
}

const chromiumMissing = missingTool(process.env.CHROMIUM_PATH ?? 'chromium', 'chromium fonts-wqy-microhei');

let browser: SidebarBrowser;
beforeAll(async () => {
  if (!chromiumMissing) browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

testUnless(chromiumMissing)('the card shows the task on the selected row and follows the selection', async () => {
  const project = launchPlan('zh-CN', [{ date: day('2024-08-03'), ref: 'XQ202407001', topic: '方案评审' }]);
  select(project, 'tasks', 2);
  const sidebar = await browser.open(project);
  const card = sidebar.page.locator('#card');
  assert.equal(await sidebar.page.locator('#card-name').textContent(), '新品推广方案初稿撰写');
  const shown = (await card.textContent()) ?? '';
  for (const expected of [
    'RW202407001-01',
    OWNER,
    '2024-07-15',
    '进行中',
    '滞后',
    '70%',
    '方案撰写70%',
    '2024-07-10',
  ]) {
    assert.ok(shown.includes(expected), `card lacks ${expected}: ${shown}`);
  }
  assert.equal(await sidebar.page.locator('#card .badge').getAttribute('class'), 'badge health-lagging');

  select(project, 'tasks', 3);
  await sidebar.refocus();
  assert.equal(await textOf(sidebar, '#card-name', '销售培训'), '销售培训材料制作');
  assert.ok((await card.textContent())?.includes(t('zh-CN', 'sidebarNoProgress')));

  // A progress row names its task, so selecting it shows that task.
  select(project, 'progress', 2);
  await sidebar.refocus();
  assert.equal(await textOf(sidebar, '#card-name', '新品推广'), '新品推广方案初稿撰写');

  // A meeting about the whole request names no task.
  select(project, 'communications', 2);
  await sidebar.refocus();
  await textOf(sidebar, '#hint', t('zh-CN', 'sidebarSelectTask'));

  select(project, 'tasks', 3);
  await sidebar.refocus();
  await textOf(sidebar, '#card-name', '销售培训');
  select(project, 'tasks', 1);
  await sidebar.refocus();
  await textOf(sidebar, '#hint', t('zh-CN', 'sidebarSelectTask'));
  assert.equal(await card.isHidden(), true);
  assert.deepEqual(sidebar.errors, []);
});

testUnless(chromiumMissing)('a bad field shows the server’s message next to it and nothing is written', async () => {
  const project = launchPlan();
  select(project, 'tasks', 2);
  const sidebar = await browser.open(project);
  const before = { progress: sheetValues(project, 'progress'), tasks: sheetValues(project, 'tasks') };
  await sidebar.page.getByLabel('当前进度').fill('方案撰写完成');
  await sidebar.page.getByLabel('完成百分比').fill('150');
  await sidebar.page.locator('#form-progress button[type=submit]').click();

  const expected = t('zh-CN', 'wbPctRange', { value: '150' });
  assert.equal(await textOf(sidebar, '#progress-pct-error', expected), expected);
  assert.equal(await sidebar.page.locator('#progress-pct').getAttribute('aria-invalid'), 'true');
  assert.equal(await sidebar.page.locator('#progress-summary-error').textContent(), '');
  assert.ok((await sidebar.page.locator('#form-progress-message').getAttribute('class'))?.includes('error'));
  // What the user typed stays, so they only fix the one field.
  assert.equal(await sidebar.page.locator('#progress-summary').inputValue(), '方案撰写完成');
  assert.deepEqual(sheetValues(project, 'progress'), before.progress);
  assert.deepEqual(sheetValues(project, 'tasks'), before.tasks);
  assert.deepEqual(sidebar.errors, []);
});

testUnless(chromiumMissing)('a good progress post lands in the Progress sheet and on the card', async () => {
  const project = launchPlan();
  select(project, 'tasks', 2);
  const sidebar = await browser.open(project);
  await sidebar.page.getByLabel('当前进度').fill('方案撰写80%，已拿到大客户数据');
  await sidebar.page.getByLabel('完成百分比').fill('80');
  await sidebar.page.getByLabel('滞后原因').fill('销售部数据晚到 3 天');
  await sidebar.page.locator('#form-progress button[type=submit]').click();

  const saved = t('zh-CN', 'wbProgressPosted', { id: 'RW202407001-01', pct: '80' });
  await textOf(sidebar, '#form-progress-message', saved);
  const entries = records(project, 'progress');
  assert.equal(entries.length, 2);
  const entry = entries[1]!;
  assert.equal(entry.task, 'RW202407001-01');
  assert.equal(entry.summary, '方案撰写80%，已拿到大客户数据');
  assert.equal(entry.pct, 80);
  assert.equal(entry.delayReason, '销售部数据晚到 3 天');
  assert.equal(entry.owner, OWNER);
  assert.equal(entry.updatedBy, USER);
  assert.ok(entry.updatedAt instanceof Date);

  await textOf(sidebar, '#card .summary', '方案撰写80%');
  assert.equal(await sidebar.page.locator('#progress-summary').inputValue(), '');
  assert.deepEqual(sidebar.errors, []);
});

testUnless(chromiumMissing)(
  'accepting from the sidebar: Fail needs a reason next to the result, Pass closes the task',
  async () => {
    const project = launchPlan();
    // Delivered: only a task awaiting acceptance can pass (SPEC §3.6).
    const header = sheetValues(project, 'tasks')[0]!;
    const status = header.indexOf(
      headerText(
        sheetDef('tasks').columns.find((c) => c.key === 'status')!,
        'zh-CN',
      ),
    );
    project.emulator.spreadsheet
      .getSheetByName(sheetTitle('tasks', 'zh-CN'))!
      .getRange(2, status + 1)
      .setValue('待验收');
    select(project, 'tasks', 2);
    const sidebar = await browser.open(project);
    await sidebar.page.locator('#tab-acceptance').click();
    await sidebar.page.getByLabel('验收结果').selectOption('不通过');
    await sidebar.page.locator('#form-acceptance button[type=submit]').click();
    const needed = t('zh-CN', 'wbReasonOnFail');
    assert.equal(await textOf(sidebar, '#acceptance-reason-error', needed), needed);
    assert.equal(records(project, 'acceptance').length, 0);

    await sidebar.page.getByLabel('验收结果').selectOption('通过');
    await sidebar.page.locator('#form-acceptance button[type=submit]').click();
    // The task is done, so the acceptance tab is withdrawn; its answer stays above the tabs.
    await textOf(sidebar, '#form-result', 'RW202407001-01');
    assert.equal(await sidebar.page.locator('#tab-acceptance').isHidden(), true);
    const [accepted] = records(project, 'acceptance');
    assert.equal(accepted!.task, 'RW202407001-01');
    assert.equal(accepted!.result, '通过');
    assert.equal(accepted!.deliverable, '新品推广方案初稿撰写');
    assert.equal(accepted!.standard, '推广方案初稿');
    assert.equal(accepted!.acceptedBy, USER);
    assert.equal(records(project, 'tasks')[0]!.status, '已完成');
    await textOf(sidebar, '#card', '已完成');
    assert.deepEqual(sidebar.errors, []);
  },
);

testUnless(chromiumMissing)(
  'a plan change from the sidebar is filed as pending with the old due date, as a date',
  async () => {
    const project = launchPlan();
    select(project, 'tasks', 2);
    const sidebar = await browser.open(project);
    await sidebar.page.locator('#tab-planChange').click();
    await sidebar.page.getByLabel('新截止时间').fill('2024-07-19');
    await sidebar.page.getByLabel('变更原因').fill('销售部大客户数据延迟 3 天');
    await sidebar.page.locator('#form-planChange button[type=submit]').click();
    await textOf(sidebar, '#form-planChange-message.ok', 'RW202407001-01');
    const [change] = records(project, 'planChanges');
    assert.equal(change!.task, 'RW202407001-01');
    assert.deepEqual(change!.newDue, day('2024-07-19'));
    assert.deepEqual(change!.oldDue, day('2024-07-15'));
    assert.equal(change!.status, '待批');
    assert.equal(change!.requestedBy, USER);
    assert.deepEqual(records(project, 'tasks')[0]!.due, day('2024-07-15'), 'the due date moves only once approved');
    assert.deepEqual(sidebar.errors, []);
  },
);

testUnless(chromiumMissing)(
  'a communication is logged against the selected task; its action item needs an owner and starts open',
  async () => {
    const project = launchPlan();
    select(project, 'tasks', 2);
    const sidebar = await browser.open(project);
    await sidebar.page.locator('#tab-communication').click();
    assert.equal(await sidebar.page.locator('#communication-ref').inputValue(), 'RW202407001-01');
    await sidebar.page.getByLabel('日期').fill('2024-08-03');
    // Ticks fill the list; a participant neither Departments nor People knows is typed in the box.
    const participants = sidebar.page.getByRole('group', { name: '参与部门/人员' });
    await participants.getByLabel('市场部').check();
    await participants.getByLabel('销售部').check();
    const typed = sidebar.page.getByRole('textbox', { name: '参与部门/人员' });
    await typed.press('End');
    await typed.pressSequentially('、产品部');
    assert.equal(await participants.locator('input:checked').count(), 2);
    await sidebar.page.getByLabel('沟通主题').fill('方案评审');
    await sidebar.page.getByLabel('行动项', { exact: true }).fill('产品部提供产品参数');
    await sidebar.page.getByLabel('完成时限').fill('2024-08-08');
    await sidebar.page.locator('#form-communication button[type=submit]').click();
    const needed = t('zh-CN', 'wbRequired');
    assert.equal(await textOf(sidebar, '#communication-actionOwner-error', needed), needed);
    assert.equal(records(project, 'communications').length, 0);

    await sidebar.page.getByLabel('负责人').fill('wang.qiang@example.com');
    await sidebar.page.locator('#form-communication button[type=submit]').click();
    await textOf(sidebar, '#form-communication-message.ok', '方案评审');
    const [logged] = records(project, 'communications');
    assert.deepEqual(logged!.date, day('2024-08-03'));
    assert.equal(logged!.ref, 'RW202407001-01');
    assert.equal(logged!.topic, '方案评审');
    assert.equal(logged!.participants, '市场部、销售部、产品部', 'ticked and typed, one list');
    assert.equal(logged!.actionOwner, 'wang.qiang@example.com');
    assert.deepEqual(logged!.actionDue, day('2024-08-08'));
    assert.equal(logged!.actionStatus, '未完成');
    assert.deepEqual(sidebar.errors, []);
  },
);

testUnless(chromiumMissing)('when the workbook stays busy the page says so and keeps what the user typed', async () => {
  const project = launchPlan();
  select(project, 'tasks', 2);
  const sidebar = await browser.open(project);
  // Another execution keeps the document lock past the 10 s the save waits for it.
  project.emulator.lock.emuHoldByAnotherProcess('document');
  await sidebar.page.getByLabel('当前进度').fill('方案撰写80%');
  await sidebar.page.getByLabel('完成百分比').fill('80');
  await sidebar.page.locator('#form-progress button[type=submit]').click();
  const failed = t('zh-CN', 'documentBusy');
  const shown = await textOf(sidebar, '#form-progress-message.error', failed);
  assert.ok(shown.startsWith(failed), shown);
  assert.equal(await sidebar.page.locator('#progress-summary').inputValue(), '方案撰写80%');
  assert.equal(await sidebar.page.locator('#form-progress button[type=submit]').isEnabled(), true);
  assert.equal(records(project, 'progress').length, 1);
});

testUnless(chromiumMissing)(
  'a save whose answer was lost is sent again as the same submission: one entry, and the first answer',
  async () => {
    const project = launchPlan();
    select(project, 'tasks', 2);
    const sidebar = await browser.open(project);
    await sidebar.page.getByLabel('当前进度').fill('方案撰写80%');
    await sidebar.page.getByLabel('完成百分比').fill('80');
    sidebar.loseNextAnswer();
    await sidebar.page.locator('#form-progress button[type=submit]').click();
    await textOf(sidebar, '#form-progress-message.error', CONNECTION_FAILURE);
    assert.equal(records(project, 'progress').length, 2, 'the first try was written');
    await sidebar.page.locator('#form-progress button[type=submit]').click();
    // The first answer, the one the lost call would have shown.
    await textOf(
      sidebar,
      '#form-progress-message.ok',
      t('zh-CN', 'wbProgressPosted', { id: 'RW202407001-01', pct: '80' }),
    );
    assert.equal(records(project, 'progress').length, 2, 'the retry wrote nothing');
    assert.equal(records(project, 'tasks')[0]!.pct, 80);

    // A new submission after the form changes is a new entry.
    await sidebar.page.getByLabel('当前进度').fill('方案撰写90%');
    await sidebar.page.getByLabel('完成百分比').fill('90');
    await sidebar.page.locator('#form-progress button[type=submit]').click();
    await textOf(sidebar, '#form-progress-message.ok', 'RW202407001-01');
    assert.equal(records(project, 'progress').length, 3);
    assert.deepEqual(sidebar.errors, []);
  },
);

testUnless(chromiumMissing)('markup in sheet text is shown as text and never becomes an element', async () => {
  const markup = '<img src=x onerror="window.__injected=1">';
  const project = loadBundle({ activeUser: USER });
  seed(project, 'zh-CN', {
    tasks: [{ ...TASKS[0], name: `方案 ${markup}`, owner: `${markup}@example.com` }],
    progress: [{ ...PROGRESS[0], summary: `<b>进度</b> ${markup}` }],
  });
  select(project, 'tasks', 2);
  const sidebar = await browser.open(project);
  assert.equal(await sidebar.page.locator('#card-name').textContent(), `方案 ${markup}`);
  assert.equal(await sidebar.page.locator('#card .summary').textContent(), `<b>进度</b> ${markup}`);
  assert.ok((await sidebar.page.locator('.task-line').first().textContent())?.includes(markup));
  assert.equal(await sidebar.page.locator('img, b').count(), 0);
  assert.equal(await sidebar.page.evaluate('window.__injected'), undefined);
  assert.deepEqual(sidebar.errors, []);
});

testUnless(chromiumMissing)(
  'a request filed from the sidebar gets its ID; an expected date in the past is refused on that field',
  async () => {
    const project = launchPlan();
    const sidebar = await browser.open(project);
    await sidebar.page.locator('#tab-request').click();
    await sidebar.page.getByLabel('需求名称').fill('2024年Q3新品上市推广方案');
    await sidebar.page.getByLabel('需求部门').selectOption('市场部');
    await sidebar.page.getByLabel('需求背景与目标').fill('Q3 销售额较 Q2 提升 30%，预算不超过 50 万元');
    // Involved departments are ticked among Departments, not only typed (SPEC §4 pickers).
    const involved = sidebar.page.getByRole('group', { name: '涉及部门' });
    await involved.getByLabel('销售部').check();
    await involved.getByLabel('市场部').check();
    await sidebar.page.getByLabel('期望完成时间').fill('2020-01-01');
    await sidebar.page.locator('#form-request button[type=submit]').click();
    const past = t('zh-CN', 'wbBeforeSubmission', { value: '2020-01-01', submitted: 'SUBMITTED' }).split('SUBMITTED');
    const refused = await textOf(sidebar, '#request-expected-error', '2020-01-01');
    assert.ok(refused.startsWith(past[0]!) && refused.endsWith(past[1]!), refused);
    assert.equal(sheetValues(project, 'requests').length, 1);

    await sidebar.page.locator('#request-expected').fill('2099-08-20');
    await sidebar.page.locator('#form-request button[type=submit]').click();
    const message = await textOf(sidebar, '#form-request-message.ok', 'XQ');
    const [request] = records(project, 'requests');
    const id = String(request!.id);
    assert.match(id, /^XQ\d{9}$/);
    assert.ok(message.includes(id));
    assert.equal(request!.title, '2024年Q3新品上市推广方案');
    assert.equal(request!.requester, USER, 'the requester defaults to the user at the sidebar');
    assert.deepEqual(request!.expected, day('2099-08-20'));
    assert.equal(
      request!.depts,
      '销售部、市场部',
      'the ticked departments, in the order ticked, joined as the workbook writes lists',
    );
    assert.equal(await involved.locator('input:checked').count(), 0, 'the ticks clear with the form');
    assert.deepEqual(sidebar.errors, []);
  },
);

testUnless(chromiumMissing)('New request in the menu opens the sidebar on the request form', async () => {
  const project = launchPlan();
  const sidebar = await browser.open(project, 'newRequest_');
  assert.equal(await sidebar.page.locator('#form-request').isVisible(), true);
  assert.equal(await sidebar.page.locator('#form-progress').isVisible(), false);
  assert.equal(await sidebar.page.locator('#tab-request').getAttribute('aria-selected'), 'true');
  assert.deepEqual(sidebar.errors, []);
});

testUnless(chromiumMissing)(
  'the page speaks the workbook language: English captions from the same catalogue',
  async () => {
    const project = launchPlan('en');
    select(project, 'tasks', 2, 'en');
    const sidebar = await browser.open(project);
    assert.equal(await sidebar.page.locator('#title').textContent(), 'Collab Desk');
    assert.equal(await sidebar.page.locator('#tab-progress').textContent(), t('en', 'sidebarFormProgress'));
    assert.ok((await sidebar.page.locator('#card').textContent())?.includes('Primary owner'));
    assert.ok((await sidebar.page.locator('#card').textContent())?.includes('In progress'));
    await sidebar.page.getByLabel('% complete').fill('150');
    await sidebar.page.locator('#form-progress button[type=submit]').click();
    const expected = t('en', 'wbPctRange', { value: '150' });
    assert.equal(await textOf(sidebar, '#progress-pct-error', expected), expected);
    assert.deepEqual(sidebar.errors, []);
  },
);

test('the transport check refuses a payload that is not text, field by field, before any rule runs', () => {
  const project = launchPlan();
  const before = sheetValues(project, 'progress');
  const result = project.runFromSidebar('submitSidebarForm', 'progress', {
    task: 'RW202407001-01',
    summary: ['x'],
    pct: 80,
  });
  assert.deepEqual(result, {
    ok: false,
    message: t('zh-CN', 'sidebarFixFields'),
    errors: { summary: t('zh-CN', 'sidebarFieldInvalid'), pct: t('zh-CN', 'sidebarFieldInvalid') },
  });
  const tooLong = project.runFromSidebar('submitSidebarForm', 'progress', {
    task: 'RW202407001-01',
    summary: 'x'.repeat(50_001),
    pct: '80',
  });
  assert.deepEqual(tooLong, {
    ok: false,
    message: t('zh-CN', 'sidebarFixFields'),
    errors: { summary: t('zh-CN', 'sidebarFieldTooLong', { max: 50_000 }) },
  });
  assert.deepEqual(sheetValues(project, 'progress'), before);
  assert.throws(() => project.runFromSidebar('submitSidebarForm', 'deleteEverything', {}), /Unknown sidebar form/);
});

testUnless(chromiumMissing)('a screenshot of the sidebar is a real rendered page', async () => {
  const project = launchPlan();
  select(project, 'tasks', 2);
  const sidebar = await browser.open(project);
  await sidebar.page.getByLabel('完成百分比').fill('150');
  await sidebar.page.locator('#form-progress button[type=submit]').click();
  await textOf(sidebar, '#progress-pct-error', '0 到 100');
  // out/ is ignored by git; the picture stays there for a person to look at.
  mkdirSync('out', { recursive: true });
  const path = 'out/sidebar.png';
  await sidebar.page.screenshot({ path, fullPage: true });
  const png = readFileSync(path);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), 300, 'as wide as an Apps Script sidebar');
  assert.ok(png.readUInt32BE(20) >= 600, 'tall enough to hold the card and the form');
  // A blank or one-colour page compresses to a few hundred bytes.
  assert.ok(png.length > 20_000, `only ${png.length} bytes`);
});

testUnless(chromiumMissing)(
  'a sign-off waiting for the user shows above the card; Return needs a comment, then leaves the list',
  async () => {
    const project = loadBundle({ activeUser: USER });
    seed(project, 'zh-CN', {
      tasks: TASKS,
      progress: PROGRESS,
      signOffs: [
        { subject: '成果验收', ref: 'RW202407001-01', signer: USER, decision: '待签', requestedAt: day('2024-07-10') },
      ],
    });
    select(project, 'tasks', 2);
    const sidebar = await browser.open(project);
    const item = sidebar.page.locator('#signoffs .signoff');
    assert.match((await item.textContent()) ?? '', /成果验收 · RW202407001-01 新品推广方案初稿撰写/);

    await item.locator('.signoff-return').click();
    await textOf(sidebar, '#signoffs .message.error', t('zh-CN', 'wbReturnNeedsComment'));
    assert.equal(records(project, 'signOffs')[0]!.decision, '待签', 'nothing written');

    await item.locator('textarea').fill('缺少渠道预算明细');
    await item.locator('.signoff-return').click();
    await textOf(sidebar, '#signoff-result', t('zh-CN', 'wbAcceptanceReturned', { id: 'RW202407001-01' }));
    await sidebar.page.locator('#signoffs').waitFor({ state: 'hidden', timeout: 5000 });
    const [row] = records(project, 'signOffs');
    assert.equal(row!.decision, '退回');
    assert.equal(row!.comment, '缺少渠道预算明细');
    // The card lists the change, newest first, as a sentence rather than "意见：待签 → 退回".
    const history = await textOf(sidebar, '#card-history', '退回了签批');
    assert.match(history, /coordinator@example\.com 退回了签批/);
    assert.doesNotMatch(history, /→|侧边栏/);
    assert.deepEqual(sidebar.errors, []);
  },
);
