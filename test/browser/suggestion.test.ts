/**
 * 改进建议 in the built sidebar, in headless Chromium (SPEC §2.13): anyone opens the form, picks a
 * department from the Departments sheet's, gets the title's message beside the title when it is
 * left empty, then files it; the words are saved as typed (markup shown as text). The screenshots
 * are saved under SHOTS (default /work/shots/suggestions) for a person to look at.
 */
import { afterAll, beforeAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../src/i18n/index';
import { missingTool, testUnless } from '../support/tools';
import { startBrowser, type SidebarBrowser } from '../support/browser';
import { Desk, DEPARTMENTS } from '../integration/workflow-fixture';

const chromiumMissing = missingTool(process.env.CHROMIUM_PATH ?? 'chromium', 'chromium fonts-wqy-microhei');
const shots = process.env.SUGGESTION_SHOTS ?? '/work/shots/suggestions';

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
