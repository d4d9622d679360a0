import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createSpreadsheetApp } from '../../emulator/spreadsheet/index';

function setup() {
  const ctx = createContext();
  const { SpreadsheetApp, Charts, spreadsheet } = createSpreadsheetApp(ctx, { locale: 'zh_CN' });
  return { ctx, SpreadsheetApp, Charts, spreadsheet, sheet: spreadsheet.getActiveSheet() };
}

// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireValueInList(String,Boolean)
test('a list rule reads back its criteria, help text and allowInvalid', () => {
  const { SpreadsheetApp, sheet } = setup();
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(['未开始', '进行中'], true)
    .setAllowInvalid(false)
    .setHelpText('选择状态')
    .build();
  sheet.getRange('A2:A10').setDataValidation(rule);
  const back = sheet.getRange('A5').getDataValidation()!;
  assert.equal(back.getCriteriaType(), SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
  assert.deepEqual(back.getCriteriaValues(), [['未开始', '进行中'], true]);
  assert.equal(back.getAllowInvalid(), false);
  assert.equal(back.getHelpText(), '选择状态');
  assert.equal(sheet.getRange('A1').getDataValidation(), null);
});

// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)
// (the default for a new rule is true) and #getHelpText() (null when none is set)
test('a new rule allows invalid data and has no help text by default', () => {
  const { SpreadsheetApp } = setup();
  const rule = SpreadsheetApp.newDataValidation().requireDate().build();
  assert.equal(rule.getAllowInvalid(), true);
  assert.equal(rule.getHelpText(), null);
});

// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)
// ("reject the input entirely"); scripts get "The data you entered in cell X violates the data validation rules set on this cell."
test('a script write that violates a strict rule throws the real message and writes nothing', () => {
  const { SpreadsheetApp, sheet } = setup();
  sheet
    .getRange('B2:B3')
    .setDataValidation(
      SpreadsheetApp.newDataValidation().requireValueInList(['未开始', '进行中']).setAllowInvalid(false).build(),
    );
  assert.throws(
    () =>
      sheet.getRange('A2:B3').setValues([
        ['a', '进行中'],
        ['b', '完成了'],
      ]),
    {
      message: 'The data you entered in cell B3 violates the data validation rules set on this cell.',
    },
  );
  assert.deepEqual(sheet.getRange('A2:B3').getValues(), [
    ['', ''],
    ['', ''],
  ]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean) (true = warn only)
test('a warning-only rule accepts invalid data', () => {
  const { SpreadsheetApp, sheet } = setup();
  sheet.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(0, 100).build());
  sheet.getRange('A1').setValue(150);
  assert.equal(sheet.getRange('A1').getValue(), 150);
});

// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireValueInRange(Range,Boolean)
test('a range rule accepts values present in the source range and clearing the cell', () => {
  const { SpreadsheetApp, spreadsheet, sheet } = setup();
  const depts = spreadsheet.insertSheet('部门');
  depts.getRange('A1:A2').setValues([['市场部'], ['销售部']]);
  sheet
    .getRange('C2')
    .setDataValidation(
      SpreadsheetApp.newDataValidation().requireValueInRange(depts.getRange('A1:A20')).setAllowInvalid(false).build(),
    );
  sheet.getRange('C2').setValue('销售部');
  assert.throws(() => sheet.getRange('C2').setValue('法务部'), /violates the data validation rules/);
  sheet.getRange('C2').setValue('');
  assert.equal(sheet.getRange('C2').getValue(), '');
  const rule = sheet.getRange('C2').getDataValidation()!;
  assert.equal((rule.getCriteriaValues()[0] as { getA1Notation(): string }).getA1Notation(), 'A1:A20');
});

// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireDate()
test('strict date, number and checkbox rules reject other types', () => {
  const { SpreadsheetApp, sheet } = setup();
  const strict = () => SpreadsheetApp.newDataValidation().setAllowInvalid(false);
  sheet.getRange('A1').setDataValidation(strict().requireDate().build());
  sheet.getRange('B1').setDataValidation(strict().requireNumberBetween(0, 100).build());
  sheet.getRange('C1').setDataValidation(strict().requireCheckbox().build());
  sheet.getRange('A1:C1').setValues([['2024-08-20', '30', true]]);
  assert.throws(() => sheet.getRange('A1').setValue('尽快'), /cell A1 violates/);
  assert.throws(() => sheet.getRange('B1').setValue(101), /cell B1 violates/);
  assert.throws(() => sheet.getRange('C1').setValue('yes'), /cell C1 violates/);
});

// https://developers.google.com/apps-script/reference/spreadsheet/data-validation#copy()
test('copy() gives a builder preloaded with the rule', () => {
  const { SpreadsheetApp } = setup();
  const rule = SpreadsheetApp.newDataValidation().requireValueInList(['Pass', 'Fail'], false).setHelpText('h').build();
  const changed = rule.copy().setAllowInvalid(false).build();
  assert.deepEqual(changed.getCriteriaValues(), [['Pass', 'Fail'], false]);
  assert.equal(changed.getHelpText(), 'h');
  assert.equal(rule.getAllowInvalid(), true, 'the original is unchanged');
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#clearDataValidations()
test('clearDataValidations removes the rules', () => {
  const { SpreadsheetApp, sheet } = setup();
  sheet.getRange('A1:A3').setDataValidation(SpreadsheetApp.newDataValidation().requireDate().build());
  sheet.getRange('A1:A3').clearDataValidations();
  assert.deepEqual(sheet.getRange('A1:A3').getDataValidations(), [[null], [null], [null]]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenFormulaSatisfied(String)
test('a custom-formula rule colours each row from its own values, anchors respected', () => {
  const { SpreadsheetApp, spreadsheet, sheet } = setup();
  sheet.getRange('A1:B3').setValues([
    ['任务', '健康度'],
    ['t1', '逾期'],
    ['t2', '正常'],
  ]);
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied('=$B2="逾期"')
    .setBackground('#F4CCCC')
    .setRanges([sheet.getRange('A2:B100')])
    .build();
  sheet.setConditionalFormatRules([rule]);
  assert.equal(spreadsheet.emuEffectiveBackground('工作表1', 'A2'), '#f4cccc');
  assert.equal(spreadsheet.emuEffectiveBackground('工作表1', 'A3'), '#ffffff');
  sheet.getRange('B3').setValue('逾期');
  assert.equal(spreadsheet.emuEffectiveBackground('工作表1', 'A3'), '#f4cccc', 'evaluated live from current values');
});

// https://support.google.com/docs/answer/78413 (custom formulas are recalculated, TODAY() included)
test('a rule using TODAY() changes colour as the emulator clock passes the due date', () => {
  const { ctx, SpreadsheetApp, spreadsheet, sheet } = setup();
  ctx.clock.set('2024-07-14T02:00:00Z');
  sheet.getRange('A1:B2').setValues([
    ['任务', '截止时间'],
    ['t1', '2024-07-15'],
  ]);
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($B2<>"",$B2<TODAY())')
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('A2:B50')])
      .build(),
  ]);
  assert.equal(spreadsheet.emuEffectiveBackground('工作表1', 'A2'), '#ffffff');
  ctx.clock.advanceHours(48);
  assert.equal(spreadsheet.emuEffectiveBackground('工作表1', 'A2'), '#f4cccc');
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)
// (rules apply in list order; the first rule that matches wins)
test('the first matching rule wins; without a match the cell keeps its own background', () => {
  const { SpreadsheetApp, spreadsheet, sheet } = setup();
  const range = sheet.getRange('A1:A5');
  sheet.getRange('A1:A2').setValues([['阻塞'], ['']]);
  sheet.getRange('A3').setBackground('#cfe2f3');
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('阻塞')
      .setBackground('#d9d2e9')
      .setRanges([range])
      .build(),
    SpreadsheetApp.newConditionalFormatRule().whenCellNotEmpty().setBackground('#fff2cc').setRanges([range]).build(),
    SpreadsheetApp.newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#eeeeee')
      .setRanges([sheet.getRange('A2')])
      .build(),
  ]);
  assert.equal(spreadsheet.emuEffectiveBackground('工作表1', 'A1'), '#d9d2e9');
  assert.equal(spreadsheet.emuEffectiveBackground('工作表1', 'A2'), '#eeeeee');
  assert.equal(spreadsheet.emuEffectiveBackground('工作表1', 'A3'), '#cfe2f3');
});

// https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule#getBooleanCondition()
test('conditional rules read back their condition, colours and ranges', () => {
  const { SpreadsheetApp, sheet } = setup();
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$P2="逾期"')
      .setBackground('#F4CCCC')
      .setFontColor('#990000')
      .setRanges([sheet.getRange('A2:T500')])
      .build(),
  ]);
  const rule = sheet.getConditionalFormatRules()[0]!;
  const condition = rule.getBooleanCondition()!;
  assert.equal(condition.getCriteriaType(), SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA);
  assert.deepEqual(condition.getCriteriaValues(), ['=$P2="逾期"']);
  assert.equal(condition.getBackground(), '#f4cccc');
  assert.equal(condition.getFontColor(), '#990000');
  assert.deepEqual(
    rule.getRanges().map((r) => r.getA1Notation()),
    ['A2:T500'],
  );
});

// https://support.google.com/docs/answer/78413 (conditional formatting ranges follow inserted rows)
test("inserting rows above a rule's range moves the range with its cells", () => {
  const { SpreadsheetApp, sheet } = setup();
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#eeeeee')
      .setRanges([sheet.getRange('A2:B10')])
      .build(),
  ]);
  sheet.insertRowsAfter(1, 3);
  assert.equal(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation(), 'A5:B13');
});

// https://developers.google.com/apps-script/reference/spreadsheet/protection
test('protect() on a range and a sheet returns Protection objects listed by type', () => {
  const { SpreadsheetApp, spreadsheet, sheet } = setup();
  const header = sheet.getRange('A1:T1').protect().setDescription('表头').setWarningOnly(true);
  sheet.protect().setDescription('归档');
  assert.equal(header.getDescription(), '表头');
  assert.equal(header.isWarningOnly(), true);
  assert.equal(header.canEdit(), true);
  assert.equal(header.getRange().getA1Notation(), 'A1:T1');
  assert.deepEqual(
    sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()),
    ['表头'],
  );
  assert.deepEqual(
    spreadsheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).map((p) => p.getDescription()),
    ['归档'],
  );
  header.remove();
  assert.equal(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).length, 0);
});

// https://developers.google.com/apps-script/reference/spreadsheet/protection#getRange() (the range follows its cells)
test('a protected range moves up when rows above it are deleted', () => {
  const { SpreadsheetApp, sheet } = setup();
  sheet.getRange('A5:B6').protect();
  sheet.deleteRows(2, 2);
  assert.equal(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0]!.getRange().getA1Notation(), 'A3:B4');
});

// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
test('charts are built, inserted and listed with their type, ranges, position and options', () => {
  const { Charts, sheet } = setup();
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.PIE)
      .addRange(sheet.getRange('A1:B6'))
      .setPosition(2, 8, 0, 0)
      .setOption('title', '任务状态')
      .build(),
  );
  const chart = sheet.getCharts()[0]!;
  assert.equal(chart.modify().getChartType(), Charts.ChartType.PIE);
  assert.deepEqual(
    chart.getRanges().map((r) => r.getA1Notation()),
    ['A1:B6'],
  );
  assert.equal(chart.getOptions().get('title'), '任务状态');
  assert.equal(chart.getContainerInfo().getAnchorColumn(), 8);
  assert.notEqual(chart.getChartId(), null);
  sheet.removeChart(chart);
  assert.equal(sheet.getCharts().length, 0);
});
