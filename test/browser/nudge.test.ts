/**
 * 催办 Nudge in the built sidebar, in headless Chromium (SPEC §3.8): the card offers the nudge to a
 * coordinator, whose words reach the owner and show in the card's recent changes; the owner's own
 * card offers neither the button nor the form. The screenshot is saved under SHOTS (default
 * out/shots/nudge) for a person to look at.
 */
import { afterAll, beforeAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../src/i18n/index';
import { missingTool, testUnless } from '../support/tools';
import { startBrowser, type SidebarBrowser } from '../support/browser';
import { Desk, type Lang } from '../integration/workflow-fixture';

const chromiumMissing = missingTool(process.env.CHROMIUM_PATH ?? 'chromium', 'chromium fonts-wqy-microhei');
const shots = process.env.NUDGE_SHOTS ?? 'out/shots/nudge';

let browser: SidebarBrowser;
beforeAll(async () => {
  if (!chromiumMissing) browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A request in execution with one task of 张三's (zhang.san@example.com), selected. */
function deskWithTask(lang: Lang): { desk: Desk; task: string } {
  const desk = new Desk(lang);
  desk.fillDirectory();
  const {
    taskRows: [row],
  } = desk.executingRequest([{}]);
  desk.select('tasks', row!);
  return { desk, task: String(desk.value('tasks', row!, 'id')) };
}

for (const lang of ['zh-CN', 'en'] as const) {
  testUnless(chromiumMissing)(`${lang}: a coordinator nudges from the card; the words reach the owner`, async () => {
    const { desk, task } = deskWithTask(lang);
    const sidebar = await browser.open(desk.project);
    const page = sidebar.page;
    const button = page.locator('#card-nudge');
    await button.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(await button.textContent(), t(lang, 'sidebarNudgeButton'));
    assert.equal(await page.locator('#tab-nudge').isVisible(), true);
    await button.click();
    const words = page.getByLabel(t(lang, 'sidebarNudgeWords'));
    assert.equal(await words.isVisible(), true, 'the button opens the nudge form');
    const typed = lang === 'en' ? 'The client wants it Friday <b>please</b>' : '客户周五要看，请今天更新 <b>进度</b>';
    await words.fill(typed);
    await page.locator('#form-nudge button[type=submit]').click();
    await page.locator('#form-nudge-message.ok').waitFor({ timeout: 10000 });
    const mails = desk.project.emulator.mail.outbox.filter((mail) => mail.subject.includes(task));
    assert.equal(mails.length, 1);
    assert.match(mails[0]?.body ?? '', lang === 'en' ? /<b>please<\/b>/ : /<b>进度<\/b>/, 'the words as typed');
    // The card's recent changes say it as a sentence, the words shown as text.
    const said = lang === 'en' ? `nudged: "${typed}"` : `催办：「${typed}」`;
    await page.locator('#card-history', { hasText: said }).waitFor({ timeout: 5000 });
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `sidebar-nudge-${lang}.png`), fullPage: true });
    assert.deepEqual(sidebar.errors, []);
  });
}

testUnless(chromiumMissing)('the owner’s card offers no nudge', async () => {
  const { desk } = deskWithTask('zh-CN');
  desk.project.emulator.session.emuSetActiveUser('zhang.san@example.com');
  const sidebar = await browser.open(desk.project);
  const page = sidebar.page;
  await page.locator('#card-name').waitFor({ timeout: 5000 });
  assert.equal(await page.locator('#card-nudge').count(), 0);
  assert.equal(await page.locator('#tab-nudge').isVisible(), false);
  assert.equal(await page.locator('#form-nudge').isVisible(), false);
  assert.deepEqual(sidebar.errors, []);
});
