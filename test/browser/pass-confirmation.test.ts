/**
 * The built sidebar in headless Chromium (SPEC §3.6, §4): a coordinator recording Pass on a task
 * not 待验收 sees the confirmation box, in the workbook's language, and the Pass is recorded only
 * once it is ticked; on a task 待验收 the box never shows.
 */
import { afterAll, beforeAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { t } from '../../src/i18n/index';
import { missingTool, testUnless } from '../support/tools';
import { startBrowser, type SidebarBrowser } from '../support/browser';
import { Desk, type Lang } from '../integration/workflow-fixture';

const chromiumMissing = missingTool(process.env.CHROMIUM_PATH ?? 'chromium', 'chromium fonts-wqy-microhei');

let browser: SidebarBrowser;
beforeAll(async () => {
  if (!chromiumMissing) browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A request in execution with one task of 张三's, not started, selected; a coordinator's Pass takes effect at once. */
function deskWithTask(lang: Lang): { desk: Desk; row: number } {
  const desk = new Desk(lang);
  desk.fillDirectory();
  desk.setSetting('signOffAcceptance', 'coordinator');
  const {
    taskRows: [row],
  } = desk.executingRequest([{}]);
  desk.select('tasks', row!);
  return { desk, row: row! };
}

for (const lang of ['zh-CN', 'en'] as const) {
  const words =
    lang === 'en'
      ? { result: 'Result', pass: 'Pass', fail: 'Fail', notStarted: 'Not started', done: 'Done' }
      : { result: '验收结果', pass: '通过', fail: '不通过', notStarted: '未开始', done: '已完成' };

  testUnless(chromiumMissing)(
    `${lang}: Pass on a task not submitted for acceptance asks the coordinator to confirm, and records it once ticked`,
    async () => {
      const { desk, row } = deskWithTask(lang);
      const sidebar = await browser.open(desk.project);
      const page = sidebar.page;
      await page.locator('#tab-acceptance').click();
      const box = page.locator('#acceptance-confirmPass');
      assert.equal(await box.isVisible(), false, 'no result chosen yet');

      await page.getByLabel(words.result).selectOption(words.fail);
      assert.equal(await box.isVisible(), false, 'a Fail needs no confirmation');
      await page.getByLabel(words.result).selectOption(words.pass);
      await box.waitFor({ state: 'visible', timeout: 5000 });
      assert.equal(
        await page.locator('label[for=acceptance-confirmPass]').textContent(),
        t(lang, 'sidebarConfirmPass'),
      );

      // Not ticked: refused next to the result, nothing written.
      await page.locator('#form-acceptance button[type=submit]').click();
      const error = page.locator('#acceptance-result-error');
      await error.filter({ hasText: t(lang, 'sidebarConfirmPass') }).waitFor({ timeout: 5000 });
      assert.equal(desk.value('tasks', row, 'status'), words.notStarted);
      assert.equal(desk.sheet('acceptance').getLastRow(), 1);

      await page.getByLabel(t(lang, 'sidebarConfirmPass')).check();
      await page.locator('#form-acceptance button[type=submit]').click();
      // The task is done, so the acceptance form is withdrawn; its answer stays above the tabs.
      await page.locator('#form-result', { hasText: /\S/ }).waitFor({ timeout: 5000 });
      assert.equal(desk.value('tasks', row, 'status'), words.done);
      assert.equal(desk.text('acceptance', 2, 'result'), words.pass);
      // The card lists the confirmation among the task's changes, and a done task asks nothing more.
      await page.locator('#card-history', { hasText: t(lang, 'historyPassConfirmed') }).waitFor({ timeout: 5000 });
      assert.equal(await page.locator('#tab-acceptance').isHidden(), true);
      assert.equal(await box.isVisible(), false);
      assert.deepEqual(sidebar.errors, []);
    },
  );
}

testUnless(chromiumMissing)('on a task 待验收 Pass shows no confirmation and is recorded as it is', async () => {
  const { desk, row } = deskWithTask('zh-CN');
  const task = String(desk.value('tasks', row, 'id'));
  desk.project.emulator.session.emuSetActiveUser('zhang.san@example.com');
  desk.project.runFromSidebar('submitSidebarForm', 'progress', { task, summary: '交付', pct: '100' });
  desk.project.emulator.session.emuSetActiveUser('coordinator@example.com');
  assert.equal(desk.value('tasks', row, 'status'), '待验收');
  const sidebar = await browser.open(desk.project);
  const page = sidebar.page;
  await page.locator('#tab-acceptance').click();
  await page.getByLabel('验收结果').selectOption('通过');
  assert.equal(await page.locator('#acceptance-confirmPass').isVisible(), false);
  await page.locator('#form-acceptance button[type=submit]').click();
  await page.locator('#form-result', { hasText: '验收通过' }).waitFor({ timeout: 5000 });
  assert.equal(desk.value('tasks', row, 'status'), '已完成');
  assert.deepEqual(sidebar.errors, []);
});
