/**
 * SPEC §3.4 "Text stays text": strings that Sheets would read as a number, a boolean, a date, a
 * time, a currency or a formula are stored exactly as typed, through every path that writes
 * them: the sidebar's forms and split, Import, onEdit, Validate, the weekly summary and archive,
 * in a zh_CN and an en_US spreadsheet (typed input is read by the spreadsheet's locale).
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { sheetDef, type SheetKey } from '../../src/domain/schema';
import { Desk, day, type Lang } from './workflow-fixture';
import { ReportDesk, at } from './reports-fixture';

/** Each one is something else when typed into a cell without an apostrophe, in one locale or both. */
const TEXTS = [
  '001',
  'TRUE',
  '50%',
  '1e5',
  '3/4',
  '2024-08-01',
  "'02112345678",
  '=1+1',
  ' =1',
  '＝1',
  'Mar 1',
  '$5',
  '1,000',
  '12:30 PM',
] as const;

/** How a user keeps text as text in a cell: a leading apostrophe, which is not part of the value. */
const typedAsText = (text: string) => `'${text}`;

/**
 * What a sidebar form stores: the form's transport check trims each field (src/app/sidebarApi.ts,
 * validateForm's z.trim()), so " =1" arrives as "=1" — still text, never a formula.
 */
const FORM_TEXTS = TEXTS.map((text) => text.trim());

type Ok = { ok: boolean; message: string; errors?: Record<string, string> };

/** The values `column` holds on `rows`, read back as the user's getValue would. */
/**
 * The typed task rows got their IDs, every other cell of theirs is as it was (`before`, apart
 * from what the sync computes: ID, baseline, status), and each text column reads back as typed.
 */
function assertStampedAsTyped(
  desk: Desk,
  tasks: readonly number[],
  before: ReturnType<typeof rowsOf>,
  columns: readonly string[],
): void {
  for (const row of tasks) assert.match(String(desk.value('tasks', row, 'id')), /^RW\d{9}-\d{2}$/);
  const computed = ['id', 'baseline', 'status'];
  assert.deepEqual(
    without(desk, 'tasks', rowsOf(desk, 'tasks', tasks), computed),
    without(desk, 'tasks', before, computed),
  );
  for (const column of columns) assert.deepEqual(valuesAt(desk, 'tasks', tasks, column), [...TEXTS], column);
}

function valuesAt(desk: Desk, key: SheetKey, rows: readonly number[], column: string): unknown[] {
  return rows.map((row) => desk.value(key, row, column));
}

function submit(desk: Desk, form: string, payload: Record<string, string>): number {
  const result = desk.project.runFromSidebar('submitSidebarForm', form, payload) as Ok;
  assert.equal(result.ok, true, `${form} ${JSON.stringify(payload)}: ${result.message}`);
  return desk.sheet(FORM_SHEETS[form]!).getLastRow();
}

const FORM_SHEETS: Record<string, SheetKey> = {
  request: 'requests',
  progress: 'progress',
  communication: 'communications',
  acceptance: 'acceptance',
  planChange: 'planChanges',
};

/** A desk with an approved request and one task of it in progress, due in 5 days. */
function deskWithTask(lang: Lang) {
  const desk = new Desk(lang);
  desk.fillDirectory();
  const {
    id: requestId,
    taskRows: [row],
  } = desk.executingRequest();
  return { desk, requestId, taskId: String(desk.value('tasks', row!, 'id')) };
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`text stays text (${lang})`, () => {
    test('the request form keeps every text field as typed', () => {
      const desk = new Desk(lang);
      desk.fillDirectory();
      const rows = TEXTS.map((text) =>
        submit(desk, 'request', {
          title: text,
          dept: '市场部',
          requester: 'zhang.san@example.com',
          contact: text,
          goal: 'Q3 销售额提升 30%',
          expected: day(10),
          resources: text,
        }),
      );
      for (const column of ['title', 'contact', 'resources'])
        assert.deepEqual(valuesAt(desk, 'requests', rows, column), [...FORM_TEXTS], column);
    });

    test('the progress, communication, acceptance and plan change forms keep every text field as typed', () => {
      const { desk, taskId } = deskWithTask(lang);
      const progress = TEXTS.map((text, i) =>
        submit(desk, 'progress', {
          task: taskId,
          summary: text,
          pct: String(i + 1),
          delayReason: text,
          mitigation: text,
        }),
      );
      for (const column of ['summary', 'delayReason', 'mitigation'])
        assert.deepEqual(valuesAt(desk, 'progress', progress, column), [...FORM_TEXTS], `progress ${column}`);

      const meetings = TEXTS.map((text) =>
        submit(desk, 'communication', {
          date: day(0),
          ref: taskId,
          participants: text,
          topic: text,
          summary: text,
          actions: text,
          actionOwner: '张三',
          actionDue: day(3),
        }),
      );
      for (const column of ['participants', 'topic', 'summary', 'actions'])
        assert.deepEqual(
          valuesAt(desk, 'communications', meetings, column),
          [...FORM_TEXTS],
          `communication ${column}`,
        );

      const fail = lang === 'en' ? 'Fail' : '不通过';
      const acceptances = TEXTS.map((text) =>
        submit(desk, 'acceptance', { task: taskId, deliverable: text, result: fail, reason: text }),
      );
      for (const column of ['deliverable', 'reason'])
        assert.deepEqual(valuesAt(desk, 'acceptance', acceptances, column), [...FORM_TEXTS], `acceptance ${column}`);

      const changes = TEXTS.map((text) =>
        submit(desk, 'planChange', { task: taskId, newDue: day(20), reason: text, impact: text }),
      );
      for (const column of ['reason', 'impact'])
        assert.deepEqual(valuesAt(desk, 'planChanges', changes, column), [...FORM_TEXTS], `plan change ${column}`);
    });
  });
}

/** Writes rows below the last one by column key, each text typed with its apostrophe, and fires no onEdit. */
function typeRows(desk: Desk, key: SheetKey, records: readonly Record<string, unknown>[]): number[] {
  const sheet = desk.sheet(key);
  const first = sheet.getLastRow() + 1;
  const width = sheet.getLastColumn();
  const grid = records.map((record) => {
    const line: unknown[] = new Array(width).fill('');
    for (const [column, value] of Object.entries(record)) {
      // Dates are typed as dates: a date column never keeps text (SPEC §2.2, test/integration/date-cells.test.ts).
      const text = typeof value === 'string' && value !== '' && !isDateColumn(key, column);
      line[desk.col(key, column) - 1] = text ? typedAsText(value) : value;
    }
    return line;
  });
  sheet.getRange(first, 1, grid.length, width).setValues(grid as never);
  return records.map((_, i) => first + i);
}

function isDateColumn(key: SheetKey, column: string): boolean {
  const type = sheetDef(key).columns.find((c) => c.key === column)?.type;
  return type === 'date' || type === 'datetime';
}

/** The whole rows, values and formulas, to compare a row before and after an operation. */
function rowsOf(desk: Desk, key: SheetKey, rows: readonly number[]) {
  const sheet = desk.sheet(key);
  return rows.map((row) => {
    const range = sheet.getRange(row, 1, 1, sheet.getLastColumn());
    return { values: range.getValues()[0], formulas: range.getFormulas()[0] };
  });
}

/** Those rows with the columns the operation fills blanked out, to compare the rest. */
function without(desk: Desk, key: SheetKey, snapshot: ReturnType<typeof rowsOf>, columns: readonly string[]) {
  const skip = new Set(columns.map((column) => desk.col(key, column) - 1));
  return snapshot.map(({ values, formulas }) => ({
    values: values?.filter((_, i) => !skip.has(i)),
    formulas: formulas?.filter((_, i) => !skip.has(i)),
  }));
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`text stays text (${lang}), written by the workbook's own paths`, () => {
    test('the sidebar split keeps every text field of each task as typed', () => {
      const desk = new Desk(lang);
      desk.fillDirectory();
      const { id } = desk.approvedRequest();
      const result = desk.project.runFromSidebar('splitRequest', {
        requestId: id,
        tasks: TEXTS.map((text) => ({
          name: text,
          description: text,
          dept: '市场部',
          owner: '张三',
          start: day(0),
          due: day(7),
          deliverable: text,
          resources: text,
          risk: text,
          notes: text,
        })),
      }) as Ok;
      assert.equal(result.ok, true, result.message);
      const rows = TEXTS.map((_, i) => i + 2);
      for (const column of ['name', 'description', 'deliverable', 'resources', 'risk', 'notes'])
        assert.deepEqual(valuesAt(desk, 'tasks', rows, column), [...TEXTS], column);
    });

    test('Import keeps the text of a department list as typed, and leaves the list alone', () => {
      const desk = new Desk(lang);
      desk.fillDirectory();
      const { id } = desk.approvedRequest();
      const source = desk.ss.insertSheet(lang === 'en' ? 'Sales list' : '销售部任务');
      const lines = [
        ['任务', '负责人', '截止日期', '任务描述', '备注'],
        ...TEXTS.map((text) => [typedAsText(text), '李四', day(10), typedAsText(text), typedAsText(text)]),
      ];
      source.getRange(1, 1, lines.length, 5).setValues(lines);
      const before = source.getDataRange().getValues();
      assert.deepEqual(
        before.slice(1).map((line) => line[0]),
        [...TEXTS],
        'the list holds the texts',
      );
      source.emuSelect('A1');
      desk.answer('OK', id);
      desk.project.call('importSheet_');
      assert.match(desk.lastAlert(), lang === 'en' ? /Imported 14 tasks/ : /已导入 14 个任务/);
      const rows = TEXTS.map((_, i) => i + 2);
      for (const column of ['name', 'description', 'notes'])
        assert.deepEqual(valuesAt(desk, 'tasks', rows, column), [...TEXTS], column);
      assert.deepEqual(source.getDataRange().getValues(), before);
    });

    test('onEdit gives typed rows their IDs and leaves every other cell byte-identical', () => {
      const desk = new Desk(lang);
      desk.fillDirectory();
      const requests = typeRows(
        desk,
        'requests',
        TEXTS.map((text) => ({ ...desk.requestRecord({ title: text, contact: text, resources: text }) })),
      );
      const requestsBefore = rowsOf(desk, 'requests', requests);
      const range = desk.sheet('requests').getRange(requests[0]!, 1, requests.length, 5);
      desk.project.call('onEdit', { range, source: desk.ss });
      const requestsAfter = rowsOf(desk, 'requests', requests);
      for (const row of requests) assert.match(String(desk.value('requests', row, 'id')), /^XQ\d{9}$/);
      const filled = ['id', 'status', 'submitted'];
      assert.deepEqual(
        without(desk, 'requests', requestsAfter, filled),
        without(desk, 'requests', requestsBefore, filled),
      );
      assert.deepEqual(valuesAt(desk, 'requests', requests, 'title'), [...TEXTS]);

      const { id } = desk.approvedRequest();
      const tasks = typeRows(
        desk,
        'tasks',
        TEXTS.map((text) => desk.taskRecord(id, { name: text, description: text, risk: text, notes: text })),
      );
      const tasksBefore = rowsOf(desk, 'tasks', tasks);
      desk.project.call('onEdit', {
        range: desk.sheet('tasks').getRange(tasks[0]!, 1, tasks.length, 3),
        source: desk.ss,
      });
      assertStampedAsTyped(desk, tasks, tasksBefore, ['name', 'description', 'risk', 'notes']);
    });

    test('Validate gives rows their IDs and leaves the text the user typed as it was', () => {
      const desk = new Desk(lang);
      desk.fillDirectory();
      const { id } = desk.approvedRequest();
      const tasks = typeRows(
        desk,
        'tasks',
        TEXTS.map((text) => desk.taskRecord(id, { name: text, description: text, resources: text, notes: text })),
      );
      const before = rowsOf(desk, 'tasks', tasks);
      desk.project.call('validate_');
      assertStampedAsTyped(desk, tasks, before, ['name', 'description', 'resources', 'notes']);
    });

    test('the weekly summary shows each task name as typed', () => {
      const desk = new ReportDesk(lang).example();
      typeRows(
        desk,
        'tasks',
        TEXTS.map((text, i) => ({
          id: `RW202407001-${10 + i}`,
          request: 'XQ202407001',
          name: text,
          dept: '市场部',
          owner: '张三',
          start: at('2024-07-15T00:00'),
          due: at('2024-07-18T00:00'),
          baseline: at('2024-07-18T00:00'),
          deliverable: text,
          status: desk.l('未开始', 'Not started'),
        })),
      );
      desk.answer('NO');
      desk.project.call('weeklySummary_');
      const title = lang === 'en' ? 'Weekly 2024-W28' : '周报 2024-W28';
      const dueNextWeek = desk.section(title, desk.l('下周到期的任务', 'Due next week'));
      // A task shows as its name with its ID after it: "name（ID）", "name (ID)".
      const cells = new Set(dueNextWeek.slice(1).map((row) => row[0]));
      const named = (name: string, id: string) => desk.l(`${name}（${id}）`, `${name} (${id})`);
      // The summary's task reader trims names (src/app/records.ts, readTasks: row.text), so " =1" shows as "=1".
      assert.deepEqual(
        TEXTS.filter((text, i) => !cells.has(named(text.trim(), `RW202407001-${10 + i}`))),
        [],
      );
    });

    test('archive keeps text as typed, in the archive and in the rows that move up', () => {
      const desk = new ReportDesk(lang).example();
      // The archived request's tasks and the live ones below them both carry the texts.
      const archivedRow = desk.rowOf('tasks', 'id', 'RW202406001-02');
      const liveRow = desk.rowOf('tasks', 'id', 'RW202407001-03');
      const rows = typeRows(
        desk,
        'tasks',
        TEXTS.map((text, i) => ({
          id: `RW202407001-${10 + i}`,
          request: 'XQ202407001',
          name: text,
          notes: text,
          owner: '张三',
          due: at('2024-07-18T00:00'),
        })),
      );
      desk.cell('tasks', archivedRow, 'notes').setValue(typedAsText(TEXTS[0]));
      desk.cell('tasks', liveRow, 'notes').setValue(typedAsText(TEXTS[6]));
      desk.project.call('archiveCompleted_');
      assert.match(desk.lastAlert(), lang === 'en' ? /^Archived 1 requests/ : /^已归档 1 个需求/);
      const moved = rows.map((row) => row - 2);
      assert.deepEqual(valuesAt(desk, 'tasks', moved, 'name'), [...TEXTS]);
      assert.deepEqual(valuesAt(desk, 'tasks', moved, 'notes'), [...TEXTS]);
      assert.equal(desk.value('tasks', desk.rowOf('tasks', 'id', 'RW202407001-03'), 'notes'), TEXTS[6]);
      const archive = desk.values(lang === 'en' ? 'Archive 2024' : '归档 2024');
      const header = archive.find((line) => line[3] === desk.headers('tasks')[0]) ?? [];
      const notes = header.indexOf(desk.headers('tasks')[desk.col('tasks', 'notes') - 1]);
      const archived = archive.find((line) => line.includes('RW202406001-02')) ?? [];
      assert.equal(archived[notes], TEXTS[0]);
    });
  });
}
