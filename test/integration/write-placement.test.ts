/**
 * SPEC §3.4 "where a value lands is decided at write time": while the scan or onEdit works, a
 * user inserts a row at the top, sorts, deletes a column left of Health or edits a cell
 * between what the add-on read and what it writes. Every value lands on its own task, an edited
 * cell is left alone, and nothing else on the sheet moves.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { EmuSheet } from '../../emulator/spreadsheet/sheet';
import type { EmuSpreadsheet } from '../../emulator/spreadsheet/spreadsheet';
import { sheetTitle, type SheetKey } from '../../src/domain/schema';
import { ReportDesk, at } from './reports-fixture';
import type { Lang } from './workflow-fixture';

type Grid = { values: unknown[][]; formulas: string[][] };

function grid(ss: EmuSpreadsheet, title: string): Grid {
  const range = ss.getSheetByName(title)!.getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas() };
}

/** A user's edit of the Tasks sheet, given the sheet and a column finder by header. */
type Edit = (tasks: EmuSheet, col: (key: string) => number, desk: ReportDesk) => void;

/** Three tasks: one overdue, one done (also past its due date), one on track; each with a user's note. */
function scanDesk(lang: Lang): ReportDesk {
  const desk = new ReportDesk(lang);
  const l = (zh: string, en: string) => desk.l(zh, en);
  const task = (n: number, fields: Record<string, unknown>) => ({
    id: `RW202407001-0${n}`,
    request: 'XQ202407001',
    dept: '市场部',
    owner: '张三',
    start: at('2024-07-01T00:00'),
    deliverable: '经评审通过',
    lastUpdate: at('2024-07-12T10:00'),
    ...fields,
  });
  desk.put('tasks', [
    task(1, {
      name: '方案初稿',
      due: at('2024-07-10T00:00'),
      status: l('进行中', 'In progress'),
      pct: 0.5,
      notes: '等销售部数据',
    }),
    task(2, { name: '培训材料', due: at('2024-07-10T00:00'), status: l('已完成', 'Done'), pct: 1, notes: '已交付' }),
    task(3, {
      name: '渠道铺货',
      due: at('2024-07-31T00:00'),
      status: l('进行中', 'In progress'),
      pct: 0.5,
      notes: '按计划',
    }),
  ]);
  return desk;
}

const HEALTH: Record<Lang, Record<string, string>> = {
  'zh-CN': { 'RW202407001-01': '逾期', 'RW202407001-02': '已完成', 'RW202407001-03': '正常' },
  en: { 'RW202407001-01': 'Overdue', 'RW202407001-02': 'Done', 'RW202407001-03': 'On track' },
};

const EDITS: Record<string, Edit> = {
  'a row inserted at the top': (tasks, col) => {
    tasks.insertRowBefore(2);
    tasks.getRange(2, col('name')).setValue('新任务');
  },
  'rows sorted by name': (tasks, col) => {
    tasks.getRange(2, 1, tasks.getLastRow() - 1, tasks.getLastColumn()).sort({ column: col('name'), ascending: true });
  },
  'a column deleted left of Health': (tasks, col) => tasks.deleteColumn(col('risk')),
};

/** The Tasks sheet's cells, row by row, with the Health cell of each task blanked: what the scan must not touch. */
function withoutHealth(g: Grid, health: number): Grid {
  const blank = (rows: unknown[][]) => rows.map((row, r) => row.map((cell, c) => (r > 0 && c === health ? '' : cell)));
  return { values: blank(g.values), formulas: blank(g.formulas) as string[][] };
}

function healthByTask(g: Grid, idColumn: number, healthColumn: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const row of g.values.slice(1)) if (row[idColumn] !== '') result[String(row[idColumn])] = row[healthColumn];
  return result;
}

/**
 * Runs `run` with `edit` made by another user between what the add-on read and what it writes:
 * when the scan checks the mail quota, after every table is read and before anything is written
 * (or re-read for writing). Returns the sheet as the edit left it.
 */
function editDuring(desk: ReportDesk, key: SheetKey, edit: Edit, run: () => void): Grid {
  const title = sheetTitle(key, desk.lang);
  let afterEdit: Grid | undefined;
  let reads = 0;
  desk.calls.observe((method) => {
    if (method === 'Sheets.Spreadsheets.Values.batchGet') reads++;
    if (afterEdit || method !== 'MailApp.getRemainingDailyQuota') return;
    assert.equal(reads, 1, 'the tables were read once, and not yet re-read for writing');
    afterEdit = { values: [], formulas: [] };
    edit(desk.ss.getSheetByName(title)!, (column) => desk.col(key, column), desk);
    afterEdit = grid(desk.ss, title);
  });
  run();
  assert.ok(afterEdit, 'the edit ran during the operation');
  return afterEdit;
}

/** How the scan runs: from the menu, or as the hourly trigger (turned on first, then an hour later). */
const RUNS: Record<string, { prepare(desk: ReportDesk): void; run(desk: ReportDesk): void }> = {
  'Run checks now': { prepare: () => {}, run: (desk) => desk.project.call('runChecksNow_') },
  'the hourly tick': {
    prepare: (desk) => {
      desk.project.call('automationOn_');
      desk.project.emulator.clock.advanceHours(1);
    },
    run: (desk) => desk.project.emulator.triggers.emuRunDue(),
  },
};

for (const lang of ['zh-CN', 'en'] as const) {
  for (const [name, { prepare, run }] of Object.entries(RUNS)) {
    describe(`${name} while the Tasks sheet changes (${lang})`, () => {
      for (const [what, edit] of Object.entries(EDITS)) {
        test(`${what}: each Health lands on its own task, nothing else changes`, () => {
          const desk = scanDesk(lang);
          prepare(desk);
          const afterEdit = editDuring(desk, 'tasks', edit, () => run(desk));
          const after = grid(desk.ss, sheetTitle('tasks', lang));
          const health = desk.col('tasks', 'health') - 1;
          const id = desk.col('tasks', 'id') - 1;
          assert.deepEqual(healthByTask(after, id, health), HEALTH[lang]);
          assert.deepEqual(withoutHealth(after, health), withoutHealth(afterEdit, health));
          const notes = after.values.map((row) => row[desk.col('tasks', 'notes') - 1]);
          assert.ok(!notes.some((note) => Object.values(HEALTH[lang]).includes(String(note))), String(notes));
        });
      }

      test('a Health cell the user typed in meanwhile is left alone; the others are written', () => {
        const desk = scanDesk(lang);
        prepare(desk);
        const afterEdit = editDuring(
          desk,
          'tasks',
          (tasks, col) => tasks.getRange(2, col('health')).setValue('处理中'),
          () => run(desk),
        );
        const after = grid(desk.ss, sheetTitle('tasks', lang));
        const health = desk.col('tasks', 'health') - 1;
        assert.deepEqual(healthByTask(after, desk.col('tasks', 'id') - 1, health), {
          ...HEALTH[lang],
          'RW202407001-01': '处理中',
        });
        assert.deepEqual(withoutHealth(after, health), withoutHealth(afterEdit, health));
      });
    });
  }
}
