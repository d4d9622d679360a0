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
import { Desk, type Lang } from './workflow-fixture';

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
    // Its request is not approved yet, so it has no ID: the scan finds it again by what it read.
    task(4, {
      id: '',
      request: 'XQ202407009',
      name: '售后手册',
      due: at('2024-07-10T00:00'),
      status: l('进行中', 'In progress'),
      pct: 0.5,
      notes: '草稿',
    }),
  ]);
  return desk;
}

const HEALTH: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    'RW202407001-01': '逾期',
    'RW202407001-02': '已完成',
    'RW202407001-03': '正常',
    售后手册: '逾期',
    新任务: '',
  },
  en: {
    'RW202407001-01': 'Overdue',
    'RW202407001-02': 'Done',
    'RW202407001-03': 'On track',
    售后手册: 'Overdue',
    新任务: '',
  },
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

/** Health by task ID (by name for a row without one yet), and '' for the row a user typed meanwhile. */
function healthByTask(g: Grid, idColumn: number, healthColumn: number, nameColumn: number): Record<string, unknown> {
  const result: Record<string, unknown> = { 新任务: '' };
  for (const row of g.values.slice(1)) {
    const key = String(row[idColumn] || row[nameColumn]);
    if (key !== '') result[key] = row[healthColumn];
  }
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
          assert.deepEqual(healthByTask(after, id, health, desk.col('tasks', 'name') - 1), HEALTH[lang]);
          assert.deepEqual(withoutHealth(after, health), withoutHealth(afterEdit, health));
          const notes = after.values.map((row) => row[desk.col('tasks', 'notes') - 1]);
          const labels = Object.values(HEALTH[lang]).filter((label) => label !== '');
          assert.ok(!notes.some((note) => labels.includes(String(note))), String(notes));
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
        assert.deepEqual(healthByTask(after, desk.col('tasks', 'id') - 1, health, desk.col('tasks', 'name') - 1), {
          ...HEALTH[lang],
          'RW202407001-01': '处理中',
        });
        assert.deepEqual(withoutHealth(after, health), withoutHealth(afterEdit, health));
      });
    });
  }
}

/**
 * The calls an operation makes up to its first write, from a dry run on an identical workbook: the
 * index of the last `Sheet.getDataRange` before it is where a sheet is re-read for writing.
 */
function lastReadBeforeWrite(make: () => { desk: Desk; run: () => void }): number {
  const { desk, run } = make();
  const seen: string[] = [];
  desk.calls.observe((method) => seen.push(method));
  run();
  const firstWrite = seen.findIndex((method) => method === 'Range.setValues');
  return seen.lastIndexOf('Sheet.getDataRange', firstWrite);
}

const TASK_EDITS: Record<string, Edit> = {
  ...EDITS,
  'a column deleted left of the written ones': (tasks, col) => tasks.deleteColumn(col('description')),
};

/** A Tasks sheet with two tasks that have IDs and one row just typed (its notes kept as text), not yet seen by onEdit. */
function typedTaskDesk(lang: Lang) {
  const desk = new Desk(lang);
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  desk.paste('tasks', [
    desk.taskRecord(id, { name: '方案初稿', notes: "'001" }),
    desk.taskRecord(id, { name: '渠道铺货', notes: "'TRUE" }),
  ]);
  const tasks = desk.sheet('tasks');
  const row = tasks.getLastRow() + 1;
  const line: unknown[] = new Array(tasks.getLastColumn()).fill('');
  const typed = desk.taskRecord(id, { name: '培训材料', notes: "''02112345678", risk: "'=1+1" });
  for (const [column, value] of Object.entries(typed)) line[desk.col('tasks', column) - 1] = value;
  tasks.getRange(row, 1, 1, line.length).setValues([line as never]);
  const run = () => desk.project.call('onEdit', { range: tasks.getRange(row, 1, 1, line.length), source: desk.ss });
  return { desk, run };
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`onEdit gives a typed row its ID while the Tasks sheet changes (${lang})`, () => {
    const notStarted = lang === 'en' ? 'Not started' : '未开始';
    const at = lastReadBeforeWrite(() => typedTaskDesk(lang));

    /** Runs onEdit with `edit` made just before Tasks is re-read for writing, after everything else was read. */
    function onEditDuring(edit: Edit) {
      const { desk, run } = typedTaskDesk(lang);
      const title = sheetTitle('tasks', lang);
      let calls = 0;
      let afterEdit: Grid | undefined;
      desk.calls.observe(() => {
        if (calls++ !== at || afterEdit) return;
        afterEdit = { values: [], formulas: [] };
        edit(desk.ss.getSheetByName(title)!, (column) => desk.col('tasks', column), desk as ReportDesk);
        afterEdit = grid(desk.ss, title);
      });
      run();
      assert.ok(afterEdit, 'the edit ran during onEdit');
      return { desk, afterEdit, after: grid(desk.ss, title) };
    }

    /** The sheet with the typed row's ID, baseline and status blanked: what onEdit must not touch. */
    function withoutComputed(desk: Desk, g: Grid): Grid {
      const name = desk.col('tasks', 'name') - 1;
      const computed = ['id', 'baseline', 'status'].map((key) => desk.col('tasks', key) - 1);
      const blank = (rows: unknown[][]) =>
        rows.map((row, r) =>
          row.map((cell, c) => (r > 0 && values(g)[r]?.[name] === '培训材料' && computed.includes(c) ? '' : cell)),
        );
      return { values: blank(g.values), formulas: blank(g.formulas) as string[][] };
    }
    const values = (g: Grid) => g.values;

    for (const [what, edit] of Object.entries(TASK_EDITS)) {
      test(`${what}: the ID, baseline and status land on the typed row, nothing else changes`, () => {
        const { desk, afterEdit, after } = onEditDuring(edit);
        const row = after.values.findIndex((line) => line[desk.col('tasks', 'name') - 1] === '培训材料') + 1;
        assert.match(String(desk.value('tasks', row, 'id')), /^RW\d{9}-03$/);
        assert.equal(desk.value('tasks', row, 'status'), notStarted);
        assert.equal(desk.text('tasks', row, 'baseline'), desk.text('tasks', row, 'due'));
        assert.equal(desk.value('tasks', row, 'notes'), "'02112345678");
        assert.deepEqual(withoutComputed(desk, after), withoutComputed(desk, afterEdit));
      });
    }

    test('a status the user typed on the row meanwhile is kept; the ID and baseline are written', () => {
      const inProgress = lang === 'en' ? 'In progress' : '进行中';
      const { desk } = onEditDuring((tasks, col) =>
        tasks.getRange(tasks.getLastRow(), col('status')).setValue(inProgress),
      );
      const row = desk.sheet('tasks').getLastRow();
      assert.equal(desk.value('tasks', row, 'status'), inProgress);
      assert.match(String(desk.value('tasks', row, 'id')), /^RW\d{9}-03$/);
    });
  });
}
