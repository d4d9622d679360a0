/**
 * 改进建议 in the built sidebar, in headless Chromium (SPEC §2.13): anyone opens the form, picks a
 * department from the Departments sheet's, gets the title's message beside the title when it is
 * left empty, then files it; the words are saved as typed (markup shown as text). A coordinator
 * who selects its row decides in its card: adopting without owner and due gets their messages,
 * with them it is saved. The screenshots
 * are saved under SHOTS (default out/shots/suggestions) for a person to look at.
 */
import { afterAll, beforeAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionResult } from '../../src/contract';
import { enumLabel } from '../../src/domain/enums';
import { t } from '../../src/i18n/index';
import { missingTool, testUnless } from '../support/tools';
import { startBrowser, type SidebarBrowser } from '../support/browser';
import { Desk, DEPARTMENTS } from '../integration/workflow-fixture';

const chromiumMissing = missingTool(process.env.CHROMIUM_PATH ?? 'chromium', 'chromium fonts-wqy-microhei');
const shots = process.env.SUGGESTION_SHOTS ?? 'out/shots/suggestions';

let browser: SidebarBrowser;
beforeAll(async () => {
  if (!chromiumMissing) browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const lang of ['zh-CN', 'en'] as const) {
  testUnless(chromiumMissing)(
    `${lang}: staff file a suggestion with a department picked from Departments`,
    async () => {
      const desk = new Desk(lang);
      desk.fillDirectory();
      desk.project.emulator.session.emuSetActiveUser('li.si@example.com');
      const sidebar = await browser.open(desk.project);
      const page = sidebar.page;
      const tab = page.locator('#tab-suggestion');
      await tab.waitFor({ state: 'visible', timeout: 5000 });
      assert.equal(await tab.textContent(), t(lang, 'sidebarFormSuggestion'));
      await tab.click();
      const options = await page.locator('#suggestion-dept option').allTextContents();
      assert.deepEqual(options, ['', ...DEPARTMENTS.map(([name]) => name)]);

      await page.locator('#form-suggestion button[type=submit]').click();
      await page.locator('#form-suggestion-message.error').waitFor({ timeout: 10000 });
      assert.equal(await page.locator('#suggestion-title-error').textContent(), t(lang, 'wbRequired'));
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, `sidebar-suggestion-error-${lang}.png`), fullPage: true });

      const title = lang === 'en' ? 'One weekly-report template <b>for all</b>' : '统一周报模板 <b>各部门</b>';
      await page.locator('#suggestion-title').fill(title);
      await page.locator('#suggestion-detail').fill('=1+1');
      await page.locator('#suggestion-dept').selectOption('销售部');
      await page.locator('#form-suggestion button[type=submit]').click();
      await page.locator('#form-suggestion-message.ok').waitFor({ timeout: 10000 });
      const id = String(desk.value('suggestions', 2, 'id'));
      assert.match(id, /^JY\d{9}$/);
      assert.equal(await page.locator('#form-suggestion-message').textContent(), t(lang, 'sgFiled', { id }));
      assert.equal(desk.value('suggestions', 2, 'title'), title);
      assert.equal(desk.cell('suggestions', 2, 'detail').getFormula(), '');
      assert.equal(desk.value('suggestions', 2, 'dept'), '销售部');
      assert.equal(desk.value('suggestions', 2, 'proposer'), '李四');
      assert.equal(await page.locator('#suggestion-title').inputValue(), '', 'the form is cleared for the next one');
      await page.screenshot({ path: join(shots, `sidebar-suggestion-filed-${lang}.png`), fullPage: true });
      assert.deepEqual(sidebar.errors, []);
    },
  );
}

for (const lang of ['zh-CN', 'en'] as const) {
  testUnless(chromiumMissing)(`${lang}: a coordinator decides on the selected suggestion in its card`, async () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    desk.project.emulator.session.emuSetActiveUser('li.si@example.com');
    const filed = desk.project.runFromSidebar('submitSidebarForm', 'suggestion', {
      title: lang === 'en' ? 'One weekly-report template' : '统一周报模板',
      detail: '<i>各部门格式不同</i>',
      dept: '销售部',
    }) as ActionResult;
    assert.equal(filed.ok, true, filed.message);
    desk.project.emulator.session.emuSetActiveUser('coordinator@example.com');
    desk.select('suggestions', 2);
    const sidebar = await browser.open(desk.project);
    const page = sidebar.page;
    const status = page.locator('#suggestion-status');
    await status.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(await page.locator('#suggestion dd', { hasText: '<i>各部门格式不同</i>' }).count(), 1, 'as text');
    const label = (code: 'evaluating' | 'adopted') => enumLabel('suggestionStatus', code, lang);
    const save = page.locator('#suggestion-decision button[type=submit]');
    await status.selectOption(label('evaluating'));
    await save.click();
    await page.locator('#suggestion-message.ok').waitFor({ timeout: 10000 });
    await status.selectOption(label('adopted'));
    await save.click();
    await page.locator('#suggestion-message.error').waitFor({ timeout: 10000 });
    assert.match((await page.locator('#suggestion-owner-error').textContent()) ?? '', /People|人员/);
    assert.notEqual(await page.locator('#suggestion-due-error').textContent(), '');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `sidebar-suggestion-decision-error-${lang}.png`), fullPage: true });
    await page.locator('#suggestion-owner').selectOption('张三');
    await page.locator('#suggestion-due').fill('2031-07-31');
    await save.click();
    await page.locator('#suggestion-message.ok').waitFor({ timeout: 10000 });
    assert.equal(desk.text('suggestions', 2, 'status'), label('adopted'));
    assert.equal(desk.value('suggestions', 2, 'owner'), '张三');
    assert.equal(desk.text('suggestions', 2, 'due'), '2031-07-31');
    await page.screenshot({ path: join(shots, `sidebar-suggestion-decision-${lang}.png`), fullPage: true });
    assert.deepEqual(sidebar.errors, []);
  });
}
