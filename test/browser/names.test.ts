/**
 * People are shown by name in the sidebar (SPEC §2, §4): the card's owner and updater, the history
 * and a sign-off held for someone away name people as People does. The built sidebar in Chromium.
 */
import { afterAll, beforeAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { sheetTitle, type SheetKey } from '../../src/domain/schema';
import { loadBundle } from '../support/bundle';
import { writeSheet } from '../support/sheets';
import { missingTool, testUnless } from '../support/tools';
import { startBrowser, type SidebarBrowser } from '../support/browser';

const OWNER = 'li.na@example.com';
const HEAD = 'wang.qiang@example.com';
const day = (text: string) => new Date(`${text}T00:00:00+08:00`);
const ROWS: Partial<Record<SheetKey, readonly Record<string, unknown>[]>> = {
  tasks: [
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
    },
  ],
  progress: [
    {
      task: 'RW202407001-01',
      summary: '方案撰写70%',
      pct: 70,
      owner: OWNER,
      updatedAt: day('2024-07-10'),
      updatedBy: OWNER,
    },
  ],
  people: [
    { name: '李娜', email: OWNER, dept: '市场部' },
    // Away, with 李娜 standing in: their sign-off waits for her.
    {
      name: '王强',
      email: HEAD,
      dept: '市场部',
      delegate: '李娜',
      awayFrom: day('2020-01-01'),
      awayTo: day('2099-12-31'),
    },
  ],
  departments: [{ name: '市场部', head: HEAD }],
  signOffs: [
    { subject: '计划变更', ref: 'RW202407001-01', signer: '王强', decision: '待签', requestedAt: day('2024-07-10') },
  ],
  changeHistory: [
    {
      time: day('2024-07-10'),
      item: 'RW202407001-01',
      field: '完成百分比',
      oldValue: '60',
      newValue: '70',
      by: OWNER,
      via: '侧边栏',
    },
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

testUnless(chromiumMissing)(
  'the sidebar names the owner, the updater, the history’s author and the signer stood in for',
  async () => {
    const project = loadBundle({ activeUser: OWNER });
    const spreadsheet = project.emulator.spreadsheet;
    for (const key of [
      'requests',
      'tasks',
      'progress',
      'people',
      'departments',
      'signOffs',
      'changeHistory',
    ] as const) {
      writeSheet(project, key, ROWS[key] ?? []);
    }
    const tasks = spreadsheet.getSheetByName(sheetTitle('tasks', 'zh-CN'))!;
    spreadsheet.setActiveSheet(tasks);
    tasks.getRange(2, 2).activate();
    const sidebar = await browser.open(project);
    const card = sidebar.page.locator('#card');
    await card.waitFor({ timeout: 5000 });
    const shown = (await card.textContent()) ?? '';
    const signOffs = (await sidebar.page.locator('#signoffs').textContent()) ?? '';
    mkdirSync('out', { recursive: true });
    await sidebar.page.screenshot({ path: 'out/sidebar-names.png', fullPage: true });
    assert.match(shown, /李娜/);
    assert.match(shown, /2024-07-10 李娜 将完成百分比由「60」改为「70」/, 'the history reads as a sentence');
    assert.doesNotMatch(shown, /@/, `an email on the card: ${shown}`);
    assert.match(signOffs, /王强/, 'signed on behalf of 王强, by name');
    assert.doesNotMatch(signOffs, /@/);
    assert.deepEqual(sidebar.errors, []);
  },
);
