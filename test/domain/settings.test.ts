import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { TZDate } from '@date-fns/tz';
import {
  defaultSettings,
  describeSettingsIssue,
  parseSettings,
  settingKeyOf,
  settingRows,
  SETTING_DEFINITIONS,
} from '../../src/domain/settings';

const SHANGHAI = { locale: 'zh_CN', timeZone: 'Asia/Shanghai' };

test('defaults follow SPEC §2.7 and take locale and time zone from the spreadsheet', () => {
  const zh = defaultSettings(SHANGHAI);
  assert.equal(zh.locale, 'zh-CN');
  assert.equal(zh.timeZone, 'Asia/Shanghai');
  assert.deepEqual(zh.workDays, [1, 2, 3, 4, 5]);
  assert.equal(zh.endOfDay, '18:00');
  assert.deepEqual(
    [
      zh.dueSoonDays,
      zh.staleDays,
      zh.lagThreshold,
      zh.escalateAfterHours,
      zh.requestEvaluationDays,
      zh.requestReviewDays,
    ],
    [1, 3, 20, 48, 1, 3],
  );
  assert.deepEqual(
    [
      zh.acceptanceDays,
      zh.changeApprovalDays,
      zh.dependencyLeadDays,
      zh.finalHours,
      zh.cooldownHours,
      zh.scanHour,
      zh.summaryDay,
      zh.summaryHour,
    ],
    [3, 1, 3, 6, 24, 9, 1, 9],
  );
  assert.equal(zh.emailMode, 'send');
  assert.equal(zh.archiveAfterDays, 30);
  assert.equal(defaultSettings({ locale: 'en_US', timeZone: 'America/New_York' }).locale, 'en');
});

test('an empty Settings sheet gives the defaults and no errors', () => {
  const { settings, errors } = parseSettings([], SHANGHAI);
  assert.deepEqual(settings, defaultSettings(SHANGHAI));
  assert.deepEqual(errors, []);
});

test('rows written by setup read back as the same settings, in either language', () => {
  const custom = {
    ...defaultSettings(SHANGHAI),
    workDays: [1, 2, 3, 4, 5, 6],
    holidays: ['2024-10-01', '2024-10-02'],
    workdaySwaps: ['2024-10-12'],
    coordinators: ['lead@example.com', 'pmo@example.com'],
    emailMode: 'dry-run' as const,
    summaryDay: 5,
  };
  for (const language of ['zh-CN', 'en'] as const) {
    const sheet = [
      ['设置项', '值', '说明'],
      ...settingRows(custom, language).map((row) => [row.label, row.value, row.description]),
    ];
    const { settings, errors } = parseSettings(sheet, SHANGHAI);
    assert.deepEqual(errors, []);
    assert.deepEqual(settings, custom);
  }
});

test('the key column accepts the stable key and both labels', () => {
  assert.equal(settingKeyOf('staleDays'), 'staleDays');
  assert.equal(settingKeyOf('未更新判定（工作日）'), 'staleDays');
  assert.equal(settingKeyOf(' stale after (working days) '), 'staleDays');
  assert.equal(settingKeyOf('nonsense'), undefined);
});

test('values are read in the forms people type them', () => {
  const { settings, errors } = parseSettings(
    [
      ['Setting', 'Notes', 'Value'],
      ['workDays', '', '周一至周五, 周日'],
      ['holidays', '', '2024-10-01~2024-10-03；2024/9/16'],
      ['endOfDay', '', 0.75],
      ['scanHour', '', '08:00'],
      ['summaryDay', '', 'Friday'],
      ['locale', '', 'English'],
      ['coordinators', '', 'A@Example.com， b@example.com'],
      ['emailMode', '', '试运行'],
      ['staleDays', '', '5'],
    ],
    SHANGHAI,
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(settings.workDays, [1, 2, 3, 4, 5, 7]);
  assert.deepEqual(settings.holidays, ['2024-09-16', '2024-10-01', '2024-10-02', '2024-10-03']);
  assert.equal(settings.endOfDay, '18:00');
  assert.equal(settings.scanHour, 8);
  assert.equal(settings.summaryDay, 5);
  assert.equal(settings.locale, 'en');
  assert.deepEqual(settings.coordinators, ['a@example.com', 'b@example.com']);
  assert.equal(settings.emailMode, 'dry-run');
  assert.equal(settings.staleDays, 5);
});

test('date and time cells are read on the wall clock of the spreadsheet, whatever zone Settings names', () => {
  // SpreadsheetApp gives a date cell as midnight in the spreadsheet's zone: in a Shanghai
  // spreadsheet, 2024-10-01 is 2024-09-30 16:00 UTC, and a time cell is a Date on 1899-12-30 at that
  // wall time, in the zone's historical (LMT, +08:05:43) offset. Settings' London must not move them.
  const { settings, errors } = parseSettings(
    [
      ['timeZone', 'Europe/London'],
      ['holidays', new Date('2024-09-30T16:00:00Z')],
      ['endOfDay', new Date(new TZDate(1899, 11, 30, 17, 30, 'Asia/Shanghai').getTime())],
    ],
    { locale: 'en_US', timeZone: 'Asia/Shanghai' },
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(settings.holidays, ['2024-10-01']);
  assert.equal(settings.endOfDay, '17:30');
});

test('date and time cells read through the Sheets API arrive as serial numbers and mean the same', () => {
  // 45566 is 2024-10-01 (days since 1899-12-30); 0.375 is 09:00, 0.75 is 18:00.
  const { settings, errors } = parseSettings(
    [
      ['holidays', 45566],
      ['summaryHour', 0.375],
      ['endOfDay', 0.75],
      ['scanHour', 7],
    ],
    { locale: 'en_US', timeZone: 'Asia/Shanghai' },
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(settings.holidays, ['2024-10-01']);
  assert.equal(settings.summaryHour, 9);
  assert.equal(settings.endOfDay, '18:00');
  assert.equal(settings.scanHour, 7);
  const refused = parseSettings(
    [
      ['holidays', 0.5],
      ['summaryHour', 0.4],
    ],
    { locale: 'en_US', timeZone: 'Asia/Shanghai' },
  );
  assert.deepEqual(
    refused.errors.map((e) => e.kind === 'invalid' && e.key),
    ['holidays', 'summaryHour'],
  );
});

test('a bad value falls back to the default and says row, setting and what is allowed', () => {
  const { settings, errors } = parseSettings(
    [
      ['设置项', '值'],
      ['staleDays', 'three'],
      ['时区', 'Mars/Olympus'],
      ['holidays', '2024-02-30'],
      ['coordinators', 'lead@example.com, boss'],
      ['lagThreshold', 150],
      ['workDays', 'Fri-Mon'],
      ['scanHour', '9:30'],
    ],
    SHANGHAI,
  );
  const defaults = defaultSettings(SHANGHAI);
  assert.deepEqual(
    errors.map((e) => (e.kind === 'invalid' ? [e.row, e.key, e.value] : e.kind)),
    [
      [2, 'staleDays', 'three'],
      [3, 'timeZone', 'Mars/Olympus'],
      [4, 'holidays', '2024-02-30'],
      [5, 'coordinators', 'lead@example.com, boss'],
      [6, 'lagThreshold', '150'],
      [7, 'workDays', 'Fri-Mon'],
      [8, 'scanHour', '9:30'],
    ],
  );
  for (const key of [
    'staleDays',
    'timeZone',
    'holidays',
    'coordinators',
    'lagThreshold',
    'workDays',
    'scanHour',
  ] as const) {
    assert.deepEqual(settings[key], defaults[key]);
  }
  const first = errors[0];
  assert.ok(first);
  assert.equal(
    describeSettingsIssue('en', first, defaults),
    'Settings row 2 (Stale after (working days)): "three" is not valid; expected a whole number from 1 to 60. Using the default 3',
  );
  assert.match(
    describeSettingsIssue('zh-CN', first, defaults),
    /设置第 2 行「未更新判定（工作日）」.*1 到 60 之间的整数.*默认值 3/,
  );
});

test("the key figures' targets default to 24 and 48 working hours; 0 or text is refused naming the setting", () => {
  const defaults = defaultSettings(SHANGHAI);
  assert.deepEqual([defaults.responseTargetHours, defaults.signOffTargetHours], [24, 48]);
  const good = parseSettings(
    [
      ['响应目标（工作小时）', 8],
      ['Sign-off target (working hours)', '72'],
    ],
    SHANGHAI,
  );
  assert.deepEqual(good.errors, []);
  assert.deepEqual([good.settings.responseTargetHours, good.settings.signOffTargetHours], [8, 72]);

  const { settings, errors } = parseSettings(
    [
      ['responseTargetHours', 0],
      ['signOffTargetHours', 'two days'],
    ],
    SHANGHAI,
  );
  assert.deepEqual(
    errors.map((e) => (e.kind === 'invalid' ? [e.row, e.key, e.value] : e.kind)),
    [
      [1, 'responseTargetHours', '0'],
      [2, 'signOffTargetHours', 'two days'],
    ],
  );
  assert.deepEqual([settings.responseTargetHours, settings.signOffTargetHours], [24, 48]);
  assert.equal(
    describeSettingsIssue('en', errors[0]!, defaults),
    'Settings row 1 (Response target (working hours)): "0" is not valid; expected a whole number from 1 to 1440. Using the default 24',
  );
  assert.match(
    describeSettingsIssue('zh-CN', errors[1]!, defaults),
    /设置第 2 行「签批及时目标（工作小时）」.*two days.*1 到 1440 之间的整数.*默认值 48/,
  );
});

test('unknown and repeated settings are reported, the first value counts', () => {
  const { settings, errors } = parseSettings(
    [
      ['cooldownHours', 12],
      ['colour', 'blue'],
      ['重复提醒间隔（小时）', 6],
    ],
    SHANGHAI,
  );
  assert.equal(settings.cooldownHours, 12);
  assert.deepEqual(errors, [
    { kind: 'unknown', row: 2, label: 'colour' },
    { kind: 'duplicate', row: 3, key: 'cooldownHours', firstRow: 1 },
  ]);
});

test('every setting has distinct labels in both languages and a description', () => {
  const defaults = defaultSettings(SHANGHAI);
  const rows = [...settingRows(defaults, 'zh-CN'), ...settingRows(defaults, 'en')];
  assert.equal(rows.length, 2 * SETTING_DEFINITIONS.length);
  assert.equal(new Set(rows.map((r) => r.label)).size, rows.length);
  for (const row of rows) assert.ok(row.description.length > row.label.length, row.key);
  assert.equal(Object.keys(defaults).length, SETTING_DEFINITIONS.length);
});

test('a workbook set up before the coordinator had one name still reads: 协作负责人 and 协调人 are 协作总负责人', () => {
  const { settings, errors } = parseSettings(
    [
      ['协作负责人', 'pmo@corp.cn'],
      ['任务分工会签', '协调人'],
      ['验收确认', '协作负责人'],
    ],
    SHANGHAI,
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(settings.coordinators, ['pmo@corp.cn']);
  assert.deepEqual([settings.signOffSplit, settings.signOffAcceptance], ['coordinator', 'coordinator']);
});

test('the sign-off rules default to every head and the requester, and read either language', () => {
  const defaults = defaultSettings(SHANGHAI);
  assert.deepEqual(
    [defaults.signOffSplit, defaults.signOffChange, defaults.signOffAcceptance, defaults.signOffDays],
    ['all-heads', 'all-heads', 'requester', 3],
  );
  const { settings, errors } = parseSettings(
    [
      ['任务分工会签', '协作总负责人'],
      ['Plan change sign-off', 'coordinator'],
      ['signOffAcceptance', '需求方'],
      ['签批时限（工作日）', 5],
    ],
    SHANGHAI,
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(
    [settings.signOffSplit, settings.signOffChange, settings.signOffAcceptance, settings.signOffDays],
    ['coordinator', 'coordinator', 'requester', 5],
  );
  const bad = parseSettings([['signOffSplit', 'everyone']], SHANGHAI);
  assert.match(
    describeSettingsIssue('en', bad.errors[0]!, defaultSettings(SHANGHAI)),
    /everyone.*all-heads or coordinator/,
  );
});
