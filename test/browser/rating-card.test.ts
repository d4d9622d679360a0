/**
 * The rating card in the built sidebar, in headless Chromium (SPEC §2.11): the requester asked to
 * rate sees "ratings waiting for me", a submit without scores shows each field's message, a click
 * whose answer is lost and is clicked again saves once, and the saved rating leaves the list. The
 * screenshots are saved under SHOTS (default out/shots/satisfaction) for a person to look at.
 */
import { afterAll, beforeAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../src/i18n/index';
import { startBrowser, type SidebarBrowser } from '../support/browser';
import { doneRequest, REQUESTER, runUntil, satisfactionRows } from '../support/ratings';
import { missingTool, testUnless } from '../support/tools';

const chromiumMissing = missingTool(process.env.CHROMIUM_PATH ?? 'chromium', 'chromium fonts-wqy-microhei');
const shots = process.env.SATISFACTION_SHOTS ?? 'out/shots/satisfaction';

let browser: SidebarBrowser;
beforeAll(async () => {
  if (!chromiumMissing) browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const lang of ['zh-CN', 'en'] as const) {
  testUnless(chromiumMissing)(`${lang}: the requester rates the done request from the card, once`, async () => {
    const project = doneRequest(lang === 'en' ? [{ key: 'locale', value: 'en' }] : []);
    runUntil(project, '2024-07-09T10:00');
    project.emulator.session.emuSetActiveUser(REQUESTER);
    const sidebar = await browser.open(project);
    const page = sidebar.page;
    const card = page.locator('#ratings .rating');
    await card.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(await page.locator('#ratings h2').textContent(), t(lang, 'sidebarRatingsTitle'));
    assert.equal(await card.locator('.rating-title').textContent(), '新品上市');

    const submit = card.getByRole('button', { name: t(lang, 'sidebarRatingSubmit') });
    await submit.click();
    const overallError = card.locator('fieldset[data-field="overall"] .field-error');
    await overallError.filter({ hasText: /1/ }).waitFor({ timeout: 5000 });
    assert.equal(
      await overallError.textContent(),
      t(lang, 'ratingScoreMissing', { field: t(lang, 'ratingFieldOverall') }),
    );
    assert.equal(await card.locator('.field-error:not(:empty)').count(), 4, 'each score names itself');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `rating-card-errors-${lang}.png`), fullPage: true });

    const choose = async (field: string, score: number) =>
      card.locator(`fieldset[data-field="${field}"] input[value="${score}"]`).check();
    await choose('overall', 2);
    await choose('clarity', 3);
    await choose('flow', 1);
    await choose('communication', 2);
    await card.locator('textarea').fill('<b>验收标准反复变更</b>');
    assert.equal(await card.locator('.field-error:not(:empty)').count(), 0, 'a chosen score clears its message');
    await page.screenshot({ path: join(shots, `rating-card-filled-${lang}.png`), fullPage: true });

    // The first answer is lost on the way back; the second click carries the same token.
    sidebar.loseNextAnswer();
    await submit.click();
    await card.locator('p[role=status].error').waitFor({ timeout: 5000 });
    assert.match((await card.locator('p[role=status]').textContent()) ?? '', lang === 'en' ? /click/ : /请再点一次/);
    await submit.click();
    await page.locator('#rating-result', { hasText: /./ }).waitFor({ timeout: 10000 });
    assert.equal(await page.locator('#ratings').isHidden(), true, 'the rated request leaves the list');
    await page.screenshot({ path: join(shots, `rating-card-saved-${lang}.png`), fullPage: true });

    const rows = satisfactionRows(project);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.['总体评分'], 2);
    assert.equal(rows[0]?.['意见'], '<b>验收标准反复变更</b>', 'the comment as typed, shown as text');
    assert.deepEqual(sidebar.errors, []);
  });
}
