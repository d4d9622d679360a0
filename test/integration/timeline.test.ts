/**
 * SPEC §2.8 Timeline — 时间线: one row per task of an open request under its request, a grid of
 * working days, bars drawn by conditional formatting only. LibreOffice renders the sheet (under
 * faketime, at the fixture's Friday 2024-07-12 15:00 in Shanghai, since TODAY() is the machine's
 * date) to a PNG, and each task row's bar is read back from its pixels: the colours in order from
 * left to right and their lengths in grid columns.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportWorkbook } from '../../emulator/xlsx';
import { BAR_COLOURS, GRID_COLUMN } from '../../src/gas/timelineSheet';
import { printWholeSheets } from '../support/renderSheets';
import { missingTool, testUnless } from '../support/tools';
import { ReportDesk } from './reports-fixture';

const sofficeMissing =
  missingTool('soffice', 'libreoffice-calc-nogui') ||
  missingTool('faketime', 'faketime') ||
  missingTool('pdftoppm', 'poppler-utils');

test("the timeline lists the open request's tasks under it, over its working days, and is refreshed from the menu", () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.project.call('refreshTimeline_');
  assert.equal(desk.lastAlert(), '「时间线」已刷新：4 项任务。');
  assert.deepEqual(
    desk.ss
      .getSheets()
      .slice(0, 2)
      .map((s) => s.getName()),
    ['看板', '时间线'],
  );
  const sheet = desk.ss.getSheetByName('时间线')!;
  const rows = sheet.getDataRange().getDisplayValues();
  assert.deepEqual(
    rows.map((row) => row[0]),
    ['任务编号', 'XQ202407001', 'RW202407001-01', 'RW202407001-02', 'RW202407001-03', 'RW202407001-04'],
    'the finished request of June has no rows',
  );
  // 7/1 to the day after the last due (Saturday 7/20): working days only.
  const days = rows[0]!.slice(GRID_COLUMN - 1);
  assert.deepEqual(days, [
    '7/1',
    '7/2',
    '7/3',
    '7/4',
    '7/5',
    '7/8',
    '7/9',
    '7/10',
    '7/11',
    '7/12',
    '7/15',
    '7/16',
    '7/17',
    '7/18',
    '7/19',
  ]);
  // Sized to its content (SPEC §3.7).
  assert.deepEqual([sheet.getMaxRows(), sheet.getMaxColumns()], [6, GRID_COLUMN - 1 + days.length]);
  // Nothing but conditional formatting colours the grid: no formulas, no values.
  assert.ok(rows.slice(1).every((row) => row.slice(GRID_COLUMN - 1).every((cell) => cell === '')));
  const formulas = sheet
    .getConditionalFormatRules()
    .map((rule) => String(rule.getBooleanCondition()!.getCriteriaValues()[0]));
  for (const sheetsOnly of ['ARRAYFORMULA', 'SPARKLINE', 'FILTER', 'QUERY', 'WORKDAY', 'NETWORKDAYS']) {
    assert.ok(!formulas.some((f) => f.includes(sheetsOnly)), sheetsOnly);
  }
});

test('a holiday has no column, a 调休 Saturday has one', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.setting('holidays', '2024-07-11');
  desk.setting('workdaySwaps', '2024-07-13');
  desk.project.call('refreshTimeline_');
  const days = desk.ss
    .getSheetByName('时间线')!
    .getDataRange()
    .getDisplayValues()[0]!
    .slice(GRID_COLUMN - 1);
  assert.deepEqual(days.slice(6, 10), ['7/9', '7/10', '7/12', '7/13']);
});

/** PPM (P6) pixels: width, height and RGB bytes. */
function readPpm(path: string): { width: number; height: number; at: (x: number, y: number) => string } {
  const data = readFileSync(path);
  const header = data.subarray(0, 50).toString('latin1').split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const offset = data.length - width * height * 3;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return {
    width,
    height,
    at: (x, y) => {
      const i = offset + (y * width + x) * 3;
      return `#${hex(data[i]!)}${hex(data[i + 1]!)}${hex(data[i + 2]!)}`;
    },
  };
}

const BARS = Object.fromEntries(
  Object.entries(BAR_COLOURS)
    .filter(([name]) => name !== 'today')
    .map(([name, colour]) => [colour, name]),
);

testUnless(sofficeMissing)(
  'LibreOffice draws the bars: the part done, the planned rest, the milestone, and red past the baseline due',
  async () => {
    const desk = new ReportDesk('zh-CN').example();
    desk.project.call('refreshTimeline_');
    for (const sheet of desk.ss.getSheets()) if (sheet.getName() !== '时间线') desk.ss.deleteSheet(sheet);
    const dir = mkdtempSync(join(tmpdir(), 'timeline-lo-'));
    const path = join(dir, 'timeline.xlsx');
    await exportWorkbook(desk.ss, path);
    const pdf = printWholeSheets(path, dir, '2024-07-12 15:00:00');
    assert.equal(pdf.status, 0, pdf.stderr);
    for (const format of ['-png', '']) {
      const done = spawnSync('pdftoppm', [
        ...(format ? [format] : []),
        '-r',
        '96',
        '-f',
        '1',
        '-l',
        '1',
        join(dir, 'timeline.pdf'),
        join(dir, 'page'),
      ]);
      assert.equal(done.status, 0, String(done.stderr));
    }
    const shots = process.env.SHOTS_DIR;
    if (shots) {
      mkdirSync(shots, { recursive: true });
      copyFileSync(join(dir, 'page-1.png'), join(shots, 'timeline-libreoffice.png'));
    }

    const image = readPpm(join(dir, 'page-1.ppm'));
    // Each row of pixels as runs of bar colours (anti-aliased edges and the page left out).
    const runsAt = (y: number) => {
      const runs: { name: string; length: number }[] = [];
      for (let x = 0; x < image.width; x++) {
        const name = BARS[image.at(x, y)];
        if (!name) continue;
        const last = runs.at(-1);
        if (last && last.name === name && image.at(x - 1, y) === image.at(x, y)) last.length++;
        else runs.push({ name, length: 1 });
      }
      return runs.filter((run) => run.length > 2);
    };
    // The task rows: bands of pixel rows whose bars read the same (rows touch: no gridlines in print).
    const bands: { signature: string; ys: number[] }[] = [];
    for (let y = 0; y < image.height; y++) {
      const runs = runsAt(y);
      if (runs.length === 0) continue;
      const signature = runs.map((run) => `${run.name}${run.length}`).join(' ');
      const band = bands.at(-1);
      if (band && band.signature === signature && band.ys.at(-1) === y - 1) band.ys.push(y);
      else bands.push({ signature, ys: [y] });
    }
    const bars = bands.filter((band) => band.ys.length > 4).map((band) => runsAt(band.ys[0]!));
    const column = bars[0]!.find((run) => run.name === 'milestone')!.length;
    const shape = (runs: { name: string; length: number }[]) =>
      runs.map((run) => `${run.name}×${Math.round(run.length / column)}`);
    assert.deepEqual(bars.map(shape), [
      // -01: done (100 %) from 7/1, its due 7/15 the milestone.
      ['done×10', 'milestone×1'],
      // -02: 50 % of 7/1–7/10 done, the milestone on 7/10, red on 7/11 and today 7/12.
      ['done×5', 'planned×2', 'milestone×1', 'late×2'],
      // -03: 7/8–7/19 planned, nothing done.
      ['planned×9', 'milestone×1'],
      // -04: 7/15–7/17.
      ['planned×2', 'milestone×1'],
    ]);
  },
  180_000,
);
