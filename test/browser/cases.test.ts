/**
 * Similar cases on the task card in the built sidebar, in headless Chromium (SPEC §2.12): a lagging
 * task whose delay reason shares words with a kept case shows it, with its countermeasure and why,
 * as text; an on-track task's card shows none. The screenshots are saved under SHOTS (default
 * out/shots/cases) for a person to look at.
 */
import { afterAll, beforeAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { missingTool, testUnless } from '../support/tools';
import { startBrowser, type SidebarBrowser } from '../support/browser';
import { ReportDesk } from '../integration/reports-fixture';

const chromiumMissing = missingTool(process.env.CHROMIUM_PATH ?? 'chromium', 'chromium fonts-wqy-microhei');
const shots = process.env.CASES_SHOTS ?? 'out/shots/cases';

let browser: SidebarBrowser;
beforeAll(async () => {
  if (!chromiumMissing) browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The reports fixture with two kept cases, and the lagging and the on-track task giving one delay reason. */
function deskWithCases(lang: 'zh-CN' | 'en'): ReportDesk {
  const desk = new ReportDesk(lang).example();
  desk.put('cases', [
    {
      id: 'AL202406001',
      problem: '大客户数据迟迟未到，培训材料延误 5 天 <b>',
      rootCause: '数据由销售部提供，立项时没有写明提供人',
      countermeasure: '立项时写明数据提供人和日期',
      category: desk.l('资源', 'Resources'),
      status: desk.l('保留', 'Kept'),
    },
    {
      id: 'AL202406002',
      problem: '渠道铺货排期与促销冲突',
      rootCause: '渠道排期未同步',
      category: desk.l('沟通', 'Communication'),
      status: desk.l('保留', 'Kept'),
    },
    { id: 'AL202406003', problem: '场地预订冲突', status: desk.l('保留', 'Kept') },
  ]);
  desk.put('progress', [
    { task: 'RW202407001-03', summary: '铺货启动', pct: 0.1, delayReason: '渠道商的大客户数据还没给' },
    { task: 'RW202407001-04', summary: '准备中', pct: 0, delayReason: '渠道商的大客户数据还没给' },
  ]);
  desk.cell('tasks', desk.rowOf('tasks', 'id', 'RW202407001-04'), 'health').setValue(desk.l('正常', 'On track'));
  return desk;
}

for (const lang of ['zh-CN', 'en'] as const) {
  testUnless(chromiumMissing)(`${lang}: a lagging task's card lists kept cases like its delay reason`, async () => {
    const desk = deskWithCases(lang);
    desk.select('tasks', desk.rowOf('tasks', 'id', 'RW202407001-03'));
    const sidebar = await browser.open(desk.project);
    const page = sidebar.page;
    const list = page.locator('#card-cases');
    await list.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(
      await page.locator('#card-cases-heading').textContent(),
      desk.l('类似案例（问题案例库）', 'Similar cases (case library)'),
    );
    const items = await list.locator('li').allTextContents();
    assert.equal(items.length, 2, items.join('\n'));
    assert.match(items[0] ?? '', /AL202406001 大客户数据迟迟未到，培训材料延误 5 天 <b>/, 'user text shown as text');
    assert.ok(
      (items[0] ?? '').includes(
        desk.l('措施：立项时写明数据提供人和日期', 'Countermeasure: 立项时写明数据提供人和日期'),
      ),
      items[0],
    );
    assert.match(items[1] ?? '', /AL202406002/);
    assert.equal(await list.locator('b').count(), 0, 'no markup from a case');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `sidebar-similar-cases-${lang}.png`), fullPage: true });

    desk.select('tasks', desk.rowOf('tasks', 'id', 'RW202407001-04'));
    await sidebar.refocus();
    await page.locator('#card-name', { hasText: '售后响应手册培训' }).waitFor({ timeout: 5000 });
    assert.equal(await page.locator('#card-cases').count(), 0, 'an on-track task shows no cases');
    assert.deepEqual(sidebar.errors, []);
  });
}
