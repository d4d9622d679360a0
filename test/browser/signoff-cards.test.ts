/**
 * Heads see what they sign (SPEC §4): in the built sidebar in Chromium, a plan change's card shows
 * the old → new due date, the reason and the impact; a split's card lists its tasks with their
 * department, owner by name, due date and deliverable standard; Agree is the primary button.
 */
import { afterAll, beforeAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { SheetKey } from '../../src/domain/schema';
import { loadBundle } from '../support/bundle';
import { writeSheet } from '../support/sheets';
import { missingTool, testUnless } from '../support/tools';
import { startBrowser, type SidebarBrowser, type SidebarPage } from '../support/browser';

const HEAD = 'wang.qiang@example.com';
const day = (text: string) => new Date(`${text}T00:00:00+08:00`);
const task = (id: string, name: string, dept: string, owner: string, due: string, deliverable: string) => ({
  id,
  request: 'XQ202407001',
  name,
  dept,
  owner,
  start: day('2024-08-01'),
  due: day(due),
  deliverable,
  status: '未开始',
});
const ROWS: Partial<Record<SheetKey, readonly Record<string, unknown>[]>> = {
  requests: [{ id: 'XQ202407001', title: '2024年Q3新品上市推广方案', dept: '市场部', status: '待会签' }],
  tasks: [
    task('RW202407001-02', '销售培训材料制作', '销售部', 'li.na@example.com', '2024-08-07', '核心卖点与竞品话术'),
    task('RW202407001-03', '渠道铺货执行', '销售部', 'li.na@example.com', '2024-08-20', '30 个核心城市铺货率 90%'),
  ],
  planChanges: [
    {
      task: 'RW202407001-02',
      oldDue: day('2024-08-07'),
      newDue: day('2024-08-14'),
      reason: '竞品资料晚到一周',
      impact: '培训推迟一周，铺货不受影响',
      requestedBy: 'li.na@example.com',
      status: '待批',
    },
  ],
  people: [
    { name: '李娜', email: 'li.na@example.com', dept: '销售部' },
    { name: '王强', email: HEAD, dept: '销售部' },
  ],
  departments: [{ name: '销售部', head: HEAD }],
  signOffs: [
    { subject: '任务分工', ref: 'XQ202407001', signer: HEAD, decision: '待签', requestedAt: day('2024-07-20') },
    { subject: '计划变更', ref: 'RW202407001-02', signer: HEAD, decision: '待签', requestedAt: day('2024-08-05') },
  ],
};

const chromiumMissing = missingTool(process.env.CHROMIUM_PATH ?? 'chromium', 'chromium fonts-wqy-microhei');
let browser: SidebarBrowser;
beforeAll(async () => {
  if (!chromiumMissing) browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openAsHead(): Promise<SidebarPage> {
  const project = loadBundle({ activeUser: HEAD });
  for (const key of ['requests', 'tasks', 'planChanges', 'people', 'departments', 'signOffs'] as const) {
    writeSheet(project, key, ROWS[key] ?? []);
  }
  const sidebar = await browser.open(project);
  await sidebar.page.locator('#signoffs .signoff').first().waitFor({ timeout: 5000 });
  return sidebar;
}

testUnless(chromiumMissing)(
  'a plan change shows old → new due, reason and impact; a split lists its tasks with owner by name',
  async () => {
    const sidebar = await openAsHead();
    const change = sidebar.page.locator('#signoffs .signoff', { hasText: '计划变更' });
    const changeText = (await change.textContent()) ?? '';
    assert.match(changeText, /截止时间2024-08-07 → 2024-08-14/);
    assert.match(changeText, /变更原因竞品资料晚到一周/);
    assert.match(changeText, /影响培训推迟一周，铺货不受影响/);
    assert.match(changeText, /申请人李娜/);

    const split = sidebar.page.locator('#signoffs .signoff', { hasText: '任务分工' });
    const items = await split.locator('.signoff-tasks li').allTextContents();
    assert.deepEqual(items, [
      '销售培训材料制作销售部 · 李娜 · 截止 2024-08-07交付标准：核心卖点与竞品话术',
      '渠道铺货执行销售部 · 李娜 · 截止 2024-08-20交付标准：30 个核心城市铺货率 90%',
    ]);
    assert.match((await split.textContent()) ?? '', /分工（2 项任务）/);

    // Agree is the filled primary button, Return the outlined secondary one, not browser defaults.
    // Runs in the page; the Node-side type check has no DOM, so the page's function is named here.
    type Css = { backgroundColor: string; borderRadius: string };
    const style = (selector: string) =>
      change.locator(selector).evaluate((node) => {
        const css = (globalThis as unknown as { getComputedStyle(node: unknown): Css }).getComputedStyle(node);
        return { background: css.backgroundColor, radius: css.borderRadius };
      });
    assert.deepEqual(await style('.signoff-agree'), { background: 'rgb(26, 115, 232)', radius: '6px' });
    assert.deepEqual(await style('.signoff-return'), { background: 'rgb(255, 255, 255)', radius: '6px' });

    mkdirSync('out', { recursive: true });
    await sidebar.page.screenshot({ path: 'out/sidebar-signoff-cards.png', fullPage: true });
    assert.deepEqual(sidebar.errors, []);
  },
);
