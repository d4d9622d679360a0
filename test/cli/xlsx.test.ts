import { missingTool, testUnless } from '../support/tools';
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createEmulator } from '../../emulator/index';
import type { EmuSpreadsheetApp } from '../../emulator/spreadsheet';
import type { Charts as EmulatedCharts } from '../../emulator/spreadsheet/charts';
import { exportWorkbook, importWorkbook, toExcelFormula, WorkbookFileError } from '../../emulator/xlsx';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));

const appOf = (emulator: ReturnType<typeof createEmulator>) => emulator.globals.SpreadsheetApp as EmuSpreadsheetApp;

/** A small task sheet set up the way "Set up workbook" does: formats, notes, dropdowns, rules. */
function sampleWorkbook() {
  const emulator = createEmulator({ timeZone: 'Asia/Shanghai' });
  const app = emulator.globals.SpreadsheetApp as EmuSpreadsheetApp;
  const Charts = emulator.globals.Charts as typeof EmulatedCharts;
  const spreadsheet = emulator.spreadsheet;
  const tasks = spreadsheet.getSheets()[0]!;
  tasks.setName('任务分工');
  tasks.getRange(1, 1, 3, 6).setValues([
    ['任务名称', '责任部门', '截止时间', '完成百分比', '已完成', '剩余'],
    ['新品推广方案初稿撰写', '市场部', new Date('2024-07-15T10:00:00Z'), 0.7, false, ''],
    ['销售培训材料制作', '销售部', '2024-08-07', 0.25, true, ''],
  ]);
  tasks.getRange(2, 6, 2, 1).setFormulas([['=1-D2'], ['=SUM(D2:D3)']]);
  tasks.getRange('D2:D3').setNumberFormat('0%');
  tasks.getRange('A1:F1').setBackground('#cfe2f3').setFontWeight('bold');
  tasks.getRange('A2').setNote('第一责任人只能是一人').setFontColor('#cc0000');
  tasks.setTabColor('#ff9900');
  tasks.hideColumns(6);
  tasks.setFrozenRows(1);
  tasks.insertChart(
    tasks
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(tasks.getRange('A1:A3'))
      .addRange(tasks.getRange('D1:D3'))
      .setPosition(5, 8, 0, 0)
      .build(),
  );
  tasks.setColumnWidth(1, 220);
  const departments = spreadsheet.insertSheet('部门');
  departments.getRange('A1:B3').setValues([
    ['部门名称', '负责人邮箱'],
    ['市场部', 'li.na@example.com'],
    ['销售部', ''],
  ]);
  departments.getRange('B2:B20').setDataValidation(app.newDataValidation().requireTextIsEmail().build());
  tasks
    .getRange('B2:B50')
    .setDataValidation(app.newDataValidation().requireValueInRange(departments.getRange('A2:A3')).build());
  tasks
    .getRange('C2:C50')
    .setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).setHelpText('请输入日期').build());
  tasks.getRange('D2:D50').setDataValidation(app.newDataValidation().requireNumberBetween(0, 1).build());
  tasks.getRange('E2:E50').setDataValidation(app.newDataValidation().requireValueInList(['TRUE', 'FALSE']).build());
  tasks.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$D2<0.5')
      .setBackground('#f4cccc')
      .setRanges([tasks.getRange('A2:F50')])
      .build(),
    app
      .newConditionalFormatRule()
      .whenTextEqualTo('市场部')
      .setFontColor('#0000ff')
      .setBold(true)
      .setRanges([tasks.getRange('B2:B50')])
      .build(),
  ]);
  return { emulator, spreadsheet, tasks };
}

async function exported(name: string) {
  const sample = sampleWorkbook();
  const path = join(dir, name);
  const report = await exportWorkbook(sample.spreadsheet, path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return { ...sample, path, report, workbook, sheet: workbook.getWorksheet('任务分工')! };
}

test('export writes every sheet with values, formulas and their results, formats, notes, fills and fonts', async () => {
  const { workbook, sheet, report, tasks } = await exported('values.xlsx');
  assert.deepEqual(
    workbook.worksheets.map((w) => w.name),
    ['任务分工', '部门'],
  );
  assert.equal(report.sheets, 2);
  assert.deepEqual(
    report.skippedRules,
    ['任务分工: 1 chart', '部门: validation TEXT_IS_VALID_EMAIL'],
    'what the file leaves out is reported',
  );
  assert.equal(workbook.views[0]?.activeTab, 1, 'opens on the sheet last made active (部门, by insertSheet)');
  assert.equal(sheet.getCell('A2').value, '新品推广方案初稿撰写');
  // Excel dates have no zone: 10:00 UTC is 18:00 on the wall clock in Shanghai.
  assert.deepEqual(sheet.getCell('C2').value, new Date(Date.UTC(2024, 6, 15, 18, 0)));
  assert.equal(sheet.getCell('C2').numFmt, 'yyyy-mm-dd hh:mm:ss');
  assert.deepEqual(sheet.getCell('C3').value, new Date(Date.UTC(2024, 7, 7)));
  assert.equal(sheet.getCell('C3').numFmt, 'yyyy-mm-dd');
  assert.equal(sheet.getCell('D2').value, 0.7);
  assert.equal(sheet.getCell('D2').numFmt, '0%');
  assert.equal(sheet.getCell('E2').value, false);
  assert.equal(sheet.getCell('E3').value, true);
  assert.deepEqual(sheet.getCell('F2').value, { formula: '1-D2', result: tasks.getRange('F2').getValue() });
  assert.deepEqual(sheet.getCell('F3').value, { formula: 'SUM(D2:D3)', result: tasks.getRange('F3').getValue() });
  assert.ok(Math.abs(Number(tasks.getRange('F3').getValue()) - 0.95) < 1e-9, 'the cached result is the computed one');
  assert.equal(sheet.getCell('A2').note, '第一责任人只能是一人');
  assert.deepEqual(sheet.getCell('A1').fill, { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFCFE2F3' } });
  assert.equal(sheet.getCell('A1').font?.bold, true);
  assert.equal(sheet.getCell('A2').font?.bold, undefined);
  assert.equal(sheet.getCell('A2').font?.color?.argb, 'FFCC0000');
  assert.equal(sheet.getCell('A3').font, undefined, 'default black is not written');
});

// ECMA-376 Part 1 §18.17.7: functions newer than the file format are stored with the _xlfn. prefix.
test('formulas lose their "=" and newer functions get the prefix Excel and LibreOffice expect, text left alone', () => {
  assert.equal(toExcelFormula('=SUM(A1:A3)'), 'SUM(A1:A3)');
  assert.equal(
    toExcelFormula('=IFS(A1>1,"IFS(",TRUE,TEXTJOIN("、",TRUE,B:B))'),
    '_xlfn.IFS(A1>1,"IFS(",TRUE,_xlfn.TEXTJOIN("、",TRUE,B:B))',
  );
  assert.equal(toExcelFormula('=COUNTA(FILTER(A:A, A:A<>""))'), 'COUNTA(_xlfn._xlws.FILTER(A:A, A:A<>""))');
  assert.equal(toExcelFormula('=MYIFS(1)+Sheet1.IFS(2)'), 'MYIFS(1)+Sheet1.IFS(2)');
});

test('export keeps the frozen header row, column widths, hidden columns and the tab colour', async () => {
  const { sheet } = await exported('layout.xlsx');
  assert.deepEqual(
    sheet.views.map((v) => [v.state, 'ySplit' in v ? v.ySplit : undefined]),
    [['frozen', 1]],
  );
  assert.equal(sheet.getColumn(1).width, Math.round((220 / 7) * 10) / 10);
  assert.ok((sheet.getColumn(2).width ?? 0) < (sheet.getColumn(1).width ?? 0));
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((c) => sheet.getColumn(c).hidden),
    [false, false, false, false, false, true],
  );
  assert.equal(sheet.properties.tabColor?.argb, 'FFFF9900');
});

test('export writes dropdowns, date and number rules over the rows they cover, empty rows included', async () => {
  const { sheet } = await exported('validation.xlsx');
  assert.deepEqual(sheet.getCell('B50').dataValidation, {
    type: 'list',
    formulae: ["'部门'!$A$2:$A$3"],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
  });
  assert.equal(sheet.getCell('B51').dataValidation, undefined);
  const date = sheet.getCell('C40').dataValidation;
  assert.equal(date.type, 'date');
  assert.equal(date.errorStyle, 'stop', 'a rule that rejects input stays strict');
  assert.equal(date.prompt, '请输入日期');
  assert.deepEqual(
    { ...sheet.getCell('D2').dataValidation },
    {
      type: 'decimal',
      operator: 'between',
      formulae: [0, 1],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'warning',
    },
  );
  assert.deepEqual(sheet.getCell('E9').dataValidation.formulae, ['"TRUE,FALSE"']);
  assert.equal(sheet.getCell('A2').dataValidation, undefined);
});

test('export turns conditional formats into expression rules with their colours, first rule first', async () => {
  const { sheet } = await exported('conditional.xlsx');
  const rules = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  assert.deepEqual(
    rules.map((r) => r.ref),
    ['A2:F50', 'B2:B50'],
  );
  const [overdue, market] = rules.map((r) => r.rules[0]!) as [
    ExcelJS.ConditionalFormattingRule,
    ExcelJS.ConditionalFormattingRule,
  ];
  assert.deepEqual(
    [overdue.type, overdue.priority, 'formulae' in overdue && overdue.formulae],
    ['expression', 1, ['$D2<0.5']],
  );
  assert.equal(overdue.style?.fill?.type === 'pattern' && overdue.style.fill.bgColor?.argb, 'FFF4CCCC');
  assert.deepEqual('formulae' in market && market.formulae, ['B2="市场部"']);
  assert.equal(market.style?.font?.color?.argb, 'FF0000FF');
  assert.equal(market.style?.font?.bold, true);
});

test('import brings values, formulas, notes, formats and frozen rows back into a fresh spreadsheet', async () => {
  const { path, tasks } = await exported('roundtrip.xlsx');
  const target = createEmulator({ timeZone: 'Asia/Shanghai' });
  const { sheets: names } = await importWorkbook(path, target.spreadsheet, appOf(target));
  assert.deepEqual(names, ['任务分工', '部门']);
  assert.deepEqual(
    target.spreadsheet.getSheets().map((s) => s.getName()),
    ['任务分工', '部门'],
  );
  const copy = target.spreadsheet.getSheetByName('任务分工')!;
  const original = tasks.getDataRange();
  const imported = copy.getDataRange();
  assert.deepEqual(imported.getValues(), original.getValues());
  assert.deepEqual(imported.getFormulas(), original.getFormulas());
  assert.deepEqual(imported.getNotes(), original.getNotes());
  assert.deepEqual(imported.getDisplayValues(), original.getDisplayValues());
  assert.equal(copy.getFrozenRows(), 1);
  assert.equal(copy.getColumnWidth(1), 220);
});

test('import keeps text that looks like a number or a date as the text the user typed', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tasks');
  sheet.addRow(['Task ID', 'Code', 'Note']);
  sheet.addRow(['RW202407001-01', '007', '2024-07-01']);
  sheet.addRow([
    { richText: [{ text: '加粗' }, { text: '文本' }] },
    { text: '链接', hyperlink: 'https://example.com' },
    '=not a formula',
  ]);
  const path = join(dir, 'text.xlsx');
  await workbook.xlsx.writeFile(path);
  const target = createEmulator();
  await importWorkbook(path, target.spreadsheet, appOf(target));
  assert.deepEqual(target.spreadsheet.getSheets()[0]!.getDataRange().getValues(), [
    ['Task ID', 'Code', 'Note'],
    ['RW202407001-01', '007', '2024-07-01'],
    ['加粗文本', '链接', '=not a formula'],
  ]);
});

test('import refuses what is not an .xlsx workbook, saying which file and why', async () => {
  const target = createEmulator();
  const cases: [string, string | Buffer | null, RegExp][] = [
    ['missing.xlsx', null, /^File not found: .*missing\.xlsx$/],
    ['empty.xlsx', '', /empty\.xlsx is not an \.xlsx workbook \(an \.xlsx file is a zip archive; this one is empty\)/],
    ['tasks.csv', '任务,负责人\n方案,张伟\n', /tasks\.csv is not an \.xlsx workbook/],
    [
      'old.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      /old\.xls is a legacy \.xls or a password-protected workbook/,
    ],
    [
      'broken.xlsx',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]),
      /broken\.xlsx is not a readable \.xlsx workbook/,
    ],
  ];
  for (const [name, content, message] of cases) {
    const path = join(dir, name);
    if (content !== null) writeFileSync(path, content);
    await assert.rejects(importWorkbook(path, target.spreadsheet, appOf(target)), (error: Error) => {
      assert.ok(error instanceof WorkbookFileError, `${name}: ${error}`);
      assert.match(error.message, message);
      return true;
    });
  }
  assert.deepEqual(target.spreadsheet.getSheets().length, 1, 'a refused file changes nothing');
});

const sofficeMissing = missingTool('soffice', 'libreoffice-calc-nogui');

function soffice(args: string[], out: string) {
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${out}/profile`, '--headless', ...args, '--outdir', out],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  assert.equal(result.status, 0, result.stderr);
}

// LibreOffice opens the file and shows what Sheets would show: values as displayed, formulas evaluated.
testUnless(sofficeMissing)('LibreOffice opens the exported workbook and shows the same values', async () => {
  const { path, spreadsheet } = await exported('libreoffice.xlsx');
  const out = mkdtempSync(join(tmpdir(), 'soffice-'));
  // Field separator, quote, UTF-8, first line, -, language, -, -, "as shown", -, -, every sheet (-1).
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', path], out);
  for (const sheet of spreadsheet.getSheets()) {
    const csv = readFileSync(join(out, `libreoffice-${sheet.getName()}.csv`), 'utf8');
    const shown = csv
      .trimEnd()
      .split('\n')
      .map((line) => line.split(','));
    assert.deepEqual(shown, sheet.getDataRange().getDisplayValues(), sheet.getName());
  }
});

// What LibreOffice understood is what it saves again: rules it could not read would be gone.
testUnless(sofficeMissing)(
  'LibreOffice reads the dropdowns, date and number rules and conditional formats',
  async () => {
    const { path } = await exported('libreoffice-rules.xlsx');
    const out = mkdtempSync(join(tmpdir(), 'soffice-'));
    soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', path], out);
    const resaved = new ExcelJS.Workbook();
    await resaved.xlsx.readFile(join(out, 'libreoffice-rules.xlsx'));
    const sheet = resaved.getWorksheet('任务分工')!;
    assert.equal(sheet.getCell('B50').dataValidation?.type, 'list');
    assert.match(String(sheet.getCell('B50').dataValidation?.formulae?.[0]), /部门.*\$A\$2:\$A\$3/);
    assert.equal(sheet.getCell('C2').dataValidation?.type, 'date');
    assert.equal(sheet.getCell('D2').dataValidation?.type, 'decimal');
    const rules = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    const formulas = rules.flatMap((r) => r.rules.flatMap((rule) => ('formulae' in rule ? (rule.formulae ?? []) : [])));
    assert.ok(
      formulas.some((f) => String(f).replace(/\s/g, '') === '$D2<0.5'),
      JSON.stringify(formulas),
    );
  },
);

/** A department's list as Excel or a Sheets export holds it: every feature the runner carries. */
async function userFile(path: string) {
  const workbook = new ExcelJS.Workbook();
  const list = workbook.addWorksheet('任务清单');
  const lists = workbook.addWorksheet('选项');
  lists.addRows([['优先级'], ['高'], ['中'], ['低']]);
  list.addRows([
    ['Q3 推广任务', null, null, null],
    ['任务', '负责人', '截止日期', '完成度'],
    ['方案初稿', '张伟', new Date(Date.UTC(2024, 6, 15)), 0.7],
    ['培训材料', '刘洋', new Date(Date.UTC(2024, 7, 7, 18)), 0.25],
    ['旧任务', '陈静', new Date(Date.UTC(2024, 5, 1)), 1],
  ]);
  list.mergeCellsWithoutStyle('A1:D1');
  list.getCell('A1').font = { bold: true, size: 14, name: 'Noto Sans SC' };
  list.getCell('A1').alignment = { horizontal: 'center' };
  list.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  // Formats on cells nobody typed in: a fill, and a date format waiting for the next row.
  list.getCell('A7').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  list.getCell('C7').numFmt = 'yyyy-mm-dd';
  list.getCell('B3').font = { italic: true, underline: true, color: { argb: 'FFCC0000' } };
  list.getCell('B4').font = { strike: true };
  list.getCell('B4').note = '代理人：李娜';
  list.getCell('C3').numFmt = 'yyyy-mm-dd';
  list.getCell('C4').numFmt = 'yyyy-mm-dd hh:mm';
  list.getCell('D3').numFmt = '0%';
  list.getCell('D4').numFmt = '0%';
  list.getColumn(1).width = 30;
  list.getColumn(4).hidden = true;
  list.getColumn(4).width = 10;
  list.getRow(5).hidden = true;
  list.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  list.properties.tabColor = { argb: 'FF00FF00' };
  const validations = (list as unknown as { dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'warning' } as const;
  validations.add('B3:B20', { ...common, type: 'list', formulae: ['"张伟,刘洋,陈静"'] });
  validations.add('E3:E20', { ...common, type: 'list', formulae: ["'选项'!$A$2:$A$4"] });
  validations.add('C3:C20', {
    ...common,
    errorStyle: 'stop',
    type: 'date',
    operator: 'greaterThanOrEqual',
    formulae: [new Date(Date.UTC(1900, 0, 1))],
    prompt: '请输入日期',
    error: '请输入日期',
    showInputMessage: true,
  });
  validations.add('D3:D20', { ...common, type: 'decimal', operator: 'between', formulae: [0, 1] });
  list.addConditionalFormatting({
    ref: 'A3:D20',
    rules: [
      {
        type: 'expression',
        formulae: ['$D3<0.5'],
        priority: 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF4CCCC' } } },
      },
    ],
  });
  list.addConditionalFormatting({
    ref: 'B3:B20',
    rules: [
      {
        type: 'expression',
        formulae: ['B3="张伟"'],
        priority: 2,
        style: { font: { bold: true, color: { argb: 'FF0000FF' } } },
      },
    ],
  });
  await lists.protect('', {});
  await workbook.xlsx.writeFile(path);
}

/** Everything the runner carries, per cell and per rule, in a form two files can be compared by. */
async function carried(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((sheet) => {
    const cells: Record<string, unknown> = {};
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.value === null && Object.keys(cell.style ?? {}).length === 0 && !cell.note) return;
        const fill =
          cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined;
        const { bold, italic, size, name, underline, strike, color } = cell.font ?? {};
        const entry = {
          value: cell.type === ExcelJS.ValueType.Merge ? null : cell.value,
          numFmt: cell.numFmt,
          note: cell.note,
          fill,
          font: {
            bold,
            italic,
            size: size === 11 ? undefined : size,
            name: name === 'Calibri' ? undefined : name,
            underline: underline ? true : undefined,
            strike,
            color: color?.argb,
          },
          horizontal: cell.alignment?.horizontal,
        };
        cells[cell.address] = JSON.parse(JSON.stringify(entry));
      }),
    );
    const widths: unknown[] = [];
    for (let c = 1; c <= 5; c++) {
      const column = sheet.getColumn(c);
      // Sheets keeps widths in pixels: compared as the pixels they mean. A column without a width
      // is Sheets' default 100 px, which export writes out (Excel's own default is 64 px).
      widths.push([Math.round((column.width ?? 100 / 7) * 7), column.hidden]);
    }
    const hiddenRows: number[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => row.hidden && hiddenRows.push(r));
    const rules = (
      (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ??
      []
    ).map((f) => ({
      ref: f.ref,
      rules: f.rules.map((r) => ({
        type: r.type,
        formulae: 'formulae' in r ? r.formulae : undefined,
        fill: r.style?.fill?.type === 'pattern' ? r.style.fill.bgColor?.argb : undefined,
        font: r.style?.font?.color?.argb,
        bold: r.style?.font?.bold,
      })),
    }));
    const validations = Object.entries(
      (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations
        .model,
    ).map(([address, v]) => [
      address,
      v.type,
      v.operator ?? 'between',
      JSON.stringify(v.formulae),
      v.showErrorMessage === true && (v.errorStyle ?? 'stop') === 'stop',
      v.prompt,
    ]);
    return {
      name: sheet.name,
      cells,
      merges: (sheet.model as { merges?: string[] }).merges,
      widths,
      hiddenRows,
      frozen: (sheet.views ?? []).map((v) => (v.state === 'frozen' ? [v.xSplit, v.ySplit] : v.state)),
      tab: sheet.properties.tabColor?.argb,
      protected: Boolean((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
      rules,
      validations,
    };
  });
}

test('a workbook read and written back with no add-on action keeps every cell, rule, merge and layout it had', async () => {
  const source = join(dir, 'department.xlsx');
  await userFile(source);
  const target = createEmulator({ timeZone: 'Asia/Shanghai' });
  const imported = await importWorkbook(source, target.spreadsheet, appOf(target));
  assert.deepEqual(imported.notCarried, [], 'everything in this file can be carried');
  const result = join(dir, 'department.out.xlsx');
  const exported = await exportWorkbook(target.spreadsheet, result);
  assert.deepEqual(exported.skippedRules, []);
  const [before, after] = [await carried(source), await carried(result)];
  assert.equal(Object.keys(before[0]!.cells).length, 22, 'the comparison sees every written cell');
  assert.equal(before[0]!.validations.length, 72, 'and every validated cell');
  assert.deepEqual(after, before);
});

test('what a file holds that the spreadsheet cannot is named, one entry per sheet and feature', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('清单');
  sheet.addRow(['任务']).height = 40;
  sheet.getCell('A1').border = { top: { style: 'thin' } };
  sheet.getCell('A2').fill = { type: 'pattern', pattern: 'darkGrid', fgColor: { argb: 'FFFF0000' } };
  sheet.getCell('A2').value = 'x';
  sheet.addConditionalFormatting({
    ref: 'A1:A9',
    rules: [
      {
        type: 'colorScale',
        priority: 1,
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: [{ argb: 'FFFF0000' }, { argb: 'FF00FF00' }],
      },
    ],
  });
  const path = join(dir, 'uncarried.xlsx');
  await workbook.xlsx.writeFile(path);
  const target = createEmulator();
  const { notCarried } = await importWorkbook(path, target.spreadsheet, appOf(target));
  assert.deepEqual([...notCarried].sort(), [
    '清单: borders',
    '清单: conditional format colorScale',
    '清单: patterned or gradient fills',
    '清单: row heights',
  ]);
});

testUnless(sofficeMissing)(
  'LibreOffice opens the round-tripped workbook with its merge, fill and dropdowns',
  async () => {
    const source = join(dir, 'department-lo.xlsx');
    await userFile(source);
    const target = createEmulator({ timeZone: 'Asia/Shanghai' });
    await importWorkbook(source, target.spreadsheet, appOf(target));
    await exportWorkbook(target.spreadsheet, join(dir, 'department-lo.out.xlsx'));
    const out = mkdtempSync(join(tmpdir(), 'soffice-'));
    soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', join(dir, 'department-lo.out.xlsx')], out);
    const resaved = new ExcelJS.Workbook();
    await resaved.xlsx.readFile(join(out, 'department-lo.out.xlsx'));
    const sheet = resaved.getWorksheet('任务清单')!;
    assert.deepEqual((sheet.model as { merges?: string[] }).merges, ['A1:D1']);
    const fill = sheet.getCell('A3').fill;
    assert.equal(fill?.type === 'pattern' && fill.fgColor?.argb, 'FFFFFF00');
    assert.equal(sheet.getCell('B10').dataValidation?.type, 'list');
    assert.equal(sheet.getColumn(4).hidden, true);
    assert.equal(sheet.getRow(5).hidden, true);
  },
);
