/** The scale settings of SPEC §2.7 and §3.7: logRetentionDays, summaryKeepWeeks and cellBudgetWarn. */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { defaultSettings, describeSettingsIssue, parseSettings } from '../../src/domain/settings';

const SHANGHAI = { locale: 'zh_CN', timeZone: 'Asia/Shanghai' };

test('defaults: the log keeps 35 days, 12 summaries stay whole, coordinators are warned at 70 % and 85 %', () => {
  const settings = defaultSettings(SHANGHAI);
  assert.deepEqual(
    [settings.logRetentionDays, settings.summaryKeepWeeks, [...settings.cellBudgetWarn]],
    [35, 12, [70, 85]],
  );
});

test('values are read as typed: "60%, 80 %" and a lone 90 are percentages, in order', () => {
  const read = (value: unknown) =>
    parseSettings(
      [
        ['设置项', '值'],
        ['cellBudgetWarn', value],
        ['logRetentionDays', 60],
      ],
      SHANGHAI,
    ).settings;
  assert.deepEqual([...read('80 %, 60%').cellBudgetWarn], [60, 80]);
  assert.deepEqual([...read(90).cellBudgetWarn], [90]);
  assert.equal(read(90).logRetentionDays, 60);
});

test('a retention under a week or a percentage past 100 falls back to the default, naming row and what is allowed', () => {
  const defaults = defaultSettings(SHANGHAI);
  const { settings, errors } = parseSettings(
    [
      ['设置项', '值'],
      ['logRetentionDays', 3],
      ['cellBudgetWarn', '70, 120'],
    ],
    SHANGHAI,
  );
  assert.equal(settings.logRetentionDays, 35);
  assert.deepEqual([...settings.cellBudgetWarn], [70, 85]);
  assert.deepEqual(
    errors.map((issue) => describeSettingsIssue('en', issue, defaults)),
    [
      'Settings row 2 (Notification log kept (days)): "3" is not valid; expected a whole number from 7 to 3650. Using the default 35',
      'Settings row 3 (Cell budget warnings (%)): "70, 120" is not valid; expected whole numbers from 1 to 100, separated by commas, e.g. 70, 85. Using the default 70, 85',
    ],
  );
});
