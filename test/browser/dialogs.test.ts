/**
 * The menus' dialogs in Chromium (SPEC §4 "Menus ask with labelled buttons that say what they
 * do"): the page Ui.showModalDialog shows, its google.script.run bridged to the emulated project
 * (runFromSidebar refuses `_` names, as Apps Script does). Screenshots go to SHOTS (default
 * out/shots/menus).
 */
import { afterAll, beforeAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { LoadedProject } from '../../emulator/runtime';
import { RUN_SHIM } from '../support/browser';
import { missingTool, testUnless } from '../support/tools';
import { Desk } from '../integration/workflow-fixture';

const shots = process.env.MENUS_SHOTS ?? 'out/shots/menus';
const DIALOG_URL = 'https://dialog.collab-desk.test/';
/** google.script.host as a dialog sees it: close() ends the dialog (here: marks the page closed). */
const HOST_SHIM = `window.google.script.host = { close() { window.__closed = true; } };`;

const chromiumMissing = missingTool(process.env.CHROMIUM_PATH ?? 'chromium', 'chromium fonts-wqy-microhei');
let browser: Browser;
beforeAll(async () => {
  if (chromiumMissing) return;
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Runs `handler` as the menu does and opens the dialog it showed, at the size it asked for. */
async function openDialog(project: LoadedProject, handler: string): Promise<Page> {
  const before = project.emulator.ui.emuDialogs().length;
  project.call(handler);
  const shown = project.emulator.ui.emuDialogs().slice(before).at(-1);
  if (!shown) throw new Error(`${handler} showed no dialog: ${project.emulator.ui.emuAlerts().at(-1)?.message}`);
  const page = await browser.newPage({ viewport: { width: shown.html.getWidth(), height: shown.html.getHeight() } });
  page.on('pageerror', (error) => assert.fail(error.message));
  await page.exposeFunction('__runFromSidebar', (name: string, args: unknown[]) => {
    try {
      return { ok: true, value: project.runFromSidebar(name, ...args) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
  await page.addInitScript(`${RUN_SHIM}\n${HOST_SHIM}`);
  await page.route(DIALOG_URL, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: shown.html.getContent() }),
  );
  await page.goto(DIALOG_URL);
  return page;
}

const buttons = async (page: Page) => (await page.locator('.actions button').allTextContents()).map((t) => t.trim());

testUnless(chromiumMissing)(
  'Set up workbook asks 中文 or English; English sets the workbook up in English',
  async () => {
    const desk = new Desk('zh-CN', { setUp: false });
    const page = await openDialog(desk.project, 'setupWorkbook_');
    assert.deepEqual(await buttons(page), ['中文', 'English', '取消']);
    await page.screenshot({ path: join(shots, 'after-setup-language.png') });
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.message.ok').waitFor();
    assert.match((await page.locator('#message').textContent()) ?? '', /^Workbook ready: 16 sheets created/);
    assert.deepEqual(await buttons(page), ['关闭'], 'once done, only Close is left: nothing can be sent twice');
    assert.ok(desk.ss.getSheetByName('Tasks') && !desk.ss.getSheetByName('任务分工'));
    await page.getByRole('button', { name: '关闭' }).click();
    assert.equal(await page.evaluate('window.__closed'), true);
    await page.close();
  },
);

testUnless(chromiumMissing)(
  'Approve / return offers 立项, 退回修改, 驳回; returning without notes says so at the notes field',
  async () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory();
    const [row] = desk.paste('requests', [desk.requestRecord()]);
    desk.select('requests', row!);
    const page = await openDialog(desk.project, 'approveRequest_');
    assert.deepEqual(await buttons(page), ['立项', '退回修改', '驳回', '取消']);
    await page.screenshot({ path: join(shots, 'after-approve.png') });
    await page.getByRole('button', { name: '退回修改' }).click();
    await page.locator('.message.error').waitFor();
    assert.match((await page.locator('#field-notes + .error').textContent()) ?? '', /退回修改或驳回时必须填写审核意见/);
    assert.equal(desk.value('requests', row!, 'status'), '待审核');
    await page.locator('#field-lead').selectOption('市场部');
    await page.getByRole('button', { name: '立项' }).click();
    await page.locator('.message.ok').waitFor();
    assert.equal(desk.value('requests', row!, 'status'), '已立项');
    assert.equal(desk.value('requests', row!, 'lead'), '市场部');
    await page.close();
  },
);

testUnless(chromiumMissing)(
  'Split into tasks: task rows with pickers; a wrong row is named per field and nothing is written; two good rows land in one submission',
  async () => {
    const desk = new Desk('zh-CN');
    desk.fillDirectory();
    const { row } = desk.approvedRequest();
    desk.select('requests', row);
    const page = await openDialog(desk.project, 'splitRequest_');
    assert.deepEqual(await buttons(page), ['提交会签', '再添加一个任务', '取消']);
    // The lead department is preselected; the owner picker offers its people by name.
    assert.equal(await page.locator('#task-0-dept').inputValue(), '市场部');
    assert.deepEqual(await page.locator('#task-0-owner option').allTextContents(), ['请选择', '张三']);
    await page.locator('#task-0-name').fill('新品推广方案初稿撰写');
    await page.locator('#task-0-owner').selectOption('张三');
    await page.locator('#task-0-due').fill('2030-07-15');
    await page.locator('#task-0-deliverable').fill('方案初稿经市场部评审通过');
    await page.locator('#add-task').click();
    await page.locator('#task-1-name').fill('销售培训材料制作');
    await page.locator('#task-1-dept').selectOption('销售部');
    await page.screenshot({ path: join(shots, 'after-split-form.png'), fullPage: true });
    await page.locator('#submit').click();
    await page.locator('.message.error').waitFor();
    // The second task has no due date or deliverable: each field says so, and no row was written.
    for (const field of ['due', 'deliverable']) {
      assert.notEqual((await page.locator(`#task-1-${field} + .error`).textContent()) ?? '', '', field);
      assert.equal(await page.locator(`#task-1-${field}`).getAttribute('aria-invalid'), 'true', field);
    }
    assert.equal(await page.locator('#task-0-name + .error').textContent(), '');
    assert.match((await page.locator('#message').textContent()) ?? '', /任务 2/);
    await page.screenshot({ path: join(shots, 'after-split-errors.png'), fullPage: true });
    assert.equal(desk.sheet('tasks').getLastRow(), 1, 'nothing half-written');

    assert.deepEqual(await page.locator('#task-1-owner option').allTextContents(), ['请选择', '李四']);
    await page.locator('#task-1-owner').selectOption('李四');
    await page.locator('#task-1-due').fill('2030-08-07');
    await page.locator('#task-1-deliverable').fill('培训材料通过销售部内部测试');
    await page.locator('#submit').click();
    await page.locator('.message.ok').waitFor();
    assert.match((await page.locator('#message').textContent()) ?? '', /已提交会签/);
    assert.equal(desk.sheet('tasks').getLastRow(), 3);
    assert.equal(desk.value('requests', row, 'status'), '待会签');
    await page.screenshot({ path: join(shots, 'after-split-submitted.png'), fullPage: true });
    await page.close();
  },
);
