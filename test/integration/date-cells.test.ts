/**
 * Every date a date (SPEC §2.2, §3.4; issue 21 point 7), on the built bundle: a date typed in a form
 * Sheets leaves as text ("2024.8.20", "2024年8月20日" in an en spreadsheet) or takes for a number
 * ("20240820") is written back as that date by onEdit, Validate and Import, so the dashboard's
 * formulas count it and the row is coloured; a form nobody can read unambiguously is reported on
 * its cell and by Validate, with the forms understood. What Sheets itself converts is the
 * emulator's typed input (test/emulator/spreadsheet-typed-input.test.ts cites the sources).
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk, day } from './workflow-fixture';

/** 2024-08-20 as 2024.8.20. */
function dotted(key: string): string {
  const [y, m, d] = key.split('-');
  return `${y}.${Number(m)}.${Number(d)}`;
}

/** 2024-08-20 as 2024年8月20日. */
function chinese(key: string): string {
  const [y, m, d] = key.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const isDate = (value: unknown) => Object.prototype.toString.call(value) === '[object Date]';

describe.each(['zh-CN', 'en'] as const)('%s', (lang) => {
  const inProgress = lang === 'en' ? 'In progress' : '进行中';

  test('a due typed 2024.8.20, 20240820 or 2024年8月20日 becomes that date: coloured overdue, no history row of its own', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const due = day(-3);
    const rows = desk.paste('tasks', [
      { name: 'dots', status: inProgress, due: dotted(due) },
      { name: 'digits', status: inProgress, due: due.replace(/-/g, '') },
      { name: 'chinese', status: inProgress, due: chinese(due) },
    ]);
    const history = desk.sheet('changeHistory').getLastRow();
    for (const row of rows) {
      const value = desk.value('tasks', row, 'due');
      assert.ok(isDate(value), `row ${row}: ${String(value)} is a date`);
      // Shown as that date: yyyy-mm-dd, or as typed where Sheets recognised the typing (年月日) and
      // gave the cell its own date format (the Due column has Sheets' automatic format: SPEC §2).
      assert.ok(
        [due, chinese(due)].includes(desk.text('tasks', row, 'due').slice(0, 10)),
        desk.text('tasks', row, 'due'),
      );
      assert.equal(desk.note('tasks', row, 'due'), '', 'nothing to report');
    }
    // The Notes column carries no validation highlight: only the row colour shows there.
    const notes = desk.cell('tasks', 2, 'notes').getA1Notation().replace(/\d+$/, '');
    const title = desk.sheet('tasks').getName();
    const colours = rows.map((row) => desk.ss.emuEffectiveBackground(title, `${notes}${row}`));
    assert.deepEqual(colours, ['#f4cccc', '#f4cccc', '#f4cccc'], 'overdue rows are red, as for any date');
    assert.equal(desk.sheet('changeHistory').getLastRow(), history, 'retyping a date changes nothing');
  });

  test('a date typed another way stays as typed, with a note naming the forms; Validate lists it', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const [row] = desk.paste('tasks', [{ name: 'day first', status: inProgress, due: '20.8.2024', start: '下周五' }]);
    assert.equal(desk.value('tasks', row!, 'due'), '20.8.2024', 'day-first is not guessed');
    assert.equal(desk.value('tasks', row!, 'start'), '下周五', 'nor are words');
    for (const field of ['due', 'start']) {
      const note = desk.note('tasks', row!, field);
      assert.match(note, /2024-08-20/);
      assert.match(note, /2024\.8\.20/);
      assert.match(note, /20240820/);
    }
    desk.project.call('validate_');
    assert.match(desk.lastAlert(), lang === 'en' ? /"20\.8\.2024" is not a date/ : /“20\.8\.2024”不是日期/);
    assert.match(desk.lastAlert(), lang === 'en' ? /"下周五" is not a date/ : /“下周五”不是日期/);
  });

  test('Validate retypes a text date the sheet kept as plain text into a date-formatted cell', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const due = day(4);
    const [row] = desk.paste('tasks', [{ name: 'plain text', status: inProgress, due }]);
    const cell = desk.cell('tasks', row!, 'due');
    cell.setNumberFormat('@');
    cell.setValue(dotted(due)); // no onEdit: a script or an import wrote it
    assert.equal(cell.getValue(), dotted(due));
    desk.project.call('validate_');
    assert.ok(isDate(cell.getValue()), `${String(cell.getValue())} is a date`);
    assert.equal(cell.getNumberFormat(), 'yyyy-mm-dd');
    assert.equal(cell.getDisplayValue(), due);
  });
});

test('Import writes a list’s text and digit dates into Tasks as dates', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const sheet = desk.ss.insertSheet('销售部任务');
  const rows = [
    ['任务', '负责人', '截止日期', '开始日期', '交付成果标准'],
    ['销售培训材料制作', '李四', dotted(day(10)), day(1).replace(/-/g, ''), '通过内部测试'],
  ];
  sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows as never);
  sheet.emuSelect('A1');
  desk.answer('OK', id);
  desk.project.call('importSheet_');
  assert.match(desk.lastAlert(), /已导入 1 个任务/);
  assert.ok(isDate(desk.value('tasks', 2, 'due')));
  assert.equal(desk.text('tasks', 2, 'due').slice(0, 10), day(10));
  assert.ok(isDate(desk.value('tasks', 2, 'start')));
  assert.equal(desk.text('tasks', 2, 'start'), day(1));
});
