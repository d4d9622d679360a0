/**
 * SPEC §2.8: the dashboard and timeline as one static page (out/dashboard.html, `collab-desk
 * dashboard`), opened by Debian's Chromium with every network request refused: the charts draw from
 * the inlined ECharts, and the numbers on the page are the workbook's.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { dashboardHtml, readDashboardView } from '../../cli/dashboard-page';
import { ReportDesk } from '../integration/reports-fixture';
import { missingTool, testUnless } from '../support/tools';

const chromiumMissing = missingTool('/usr/bin/chromium', 'chromium fonts-wqy-microhei');

testUnless(chromiumMissing)(
  "the page shows the workbook's tiles, tables and timeline, and draws its charts without the network",
  async () => {
    const desk = new ReportDesk('zh-CN').example();
    desk.project.call('refreshDashboard_');
    desk.project.call('refreshTimeline_');
    const view = readDashboardView(desk.ss)!;
    const html = await dashboardHtml(view);
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-page-'));
    const page = join(dir, 'dashboard.html');
    writeFileSync(page, html);

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const requested: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        requested.push(url);
        return route.abort();
      });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`file://${page}`);
      await tab.waitForSelector('#chart-months svg');
      const shots = process.env.SHOTS_DIR ?? dir;
      mkdirSync(shots, { recursive: true });
      await tab.screenshot({ path: join(shots, 'dashboard-page.png'), fullPage: true });
      assert.deepEqual(errors, []);
      assert.deepEqual(requested, [], 'nothing is fetched');

      // The tiles: every label with the workbook's number as the sheet shows it.
      const sheet = desk.ss.getSheetByName('看板')!;
      const [labels, numbers] = sheet.getRange('A4:I5').getDisplayValues();
      const tiles = await tab.$$eval('.tile', (nodes) =>
        nodes.map((n) => [n.getAttribute('data-label'), n.querySelector('.number')!.textContent]),
      );
      assert.deepEqual(
        tiles,
        labels!.map((label, i) => [label, numbers![i]]),
      );
      assert.deepEqual(tiles.slice(0, 3), [
        ['逾期', '1'],
        ['滞后', '1'],
        ['未更新', '0'],
      ]);
      const cells = (id: string) =>
        tab.$$eval(`#${id} tbody tr`, (rows) =>
          rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
        );
      assert.deepEqual((await cells('requests'))[0]!.slice(0, 6), [
        'XQ202407001',
        '2024年Q3新品上市推广方案',
        '市场部',
        '38%',
        '1 逾期 · 1 滞后 · 0 未更新',
        '2024-07-10',
      ]);
      // User text is shown, never run: the fixture's "<制作>" is text in the table.
      assert.equal((await cells('top'))[0]![1], '销售培训材料<制作>');
      assert.deepEqual(await cells('months'), view.months.rows);
      // The months chart draws both series.
      assert.equal(await tab.$$eval('#chart-months svg path', (paths) => paths.length > 2), true);
      // The timeline's cells carry the colours the sheet's conditional formatting gives them.
      const colours = await tab.$$eval('#timeline tbody tr', (rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.getAttribute('style') ?? '')),
      );
      assert.ok(colours[2]!.includes('background:#e06666'), 'RW202407001-02 is red past its baseline');
    } finally {
      await browser.close();
    }
  },
  120_000,
);
