/**
 * Settings (SPEC §2.7): every threshold the rules use, with defaults, read from the key/value
 * Settings sheet. A bad value never stops the add-on: it falls back to the default and is
 * reported with its row, the setting and what is allowed.
 */
import { TZDate } from '@date-fns/tz';
import { localeFromSpreadsheet, t, type Locale, type MessageKey, type MessageParams } from '../i18n/index';
import { civilDayFromKey, civilDayOfSerial, dayKeyIn, dayKeyOf, pad2 } from './calendar';
import { mapHeaders, sheetDef } from './schema';
import { enumLabel, normalizeLabel, parseEnum } from './enums';
import type { RobotPlatform } from './robots/channel';

export type EmailMode = 'send' | 'dry-run';
/** Who confirms a split or a plan change (SPEC §2.9): every responsible head, or the coordinator alone. */
export type SignOffRule = 'all-heads' | 'coordinator';
/** Who confirms an acceptance's Pass: the requesting side, or the coordinator. */
export type AcceptanceSignOffRule = 'requester' | 'coordinator';

export interface Settings {
  readonly locale: Locale;
  readonly timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly workDays: readonly number[];
  /** yyyy-MM-dd, sorted. */
  readonly holidays: readonly string[];
  /** yyyy-MM-dd days off by weekday that are working days (调休), sorted. */
  readonly workdaySwaps: readonly string[];
  /** HH:mm */
  readonly endOfDay: string;
  readonly dueSoonDays: number;
  readonly staleDays: number;
  readonly lagThreshold: number;
  readonly escalateAfterHours: number;
  readonly requestEvaluationDays: number;
  readonly requestReviewDays: number;
  readonly acceptanceDays: number;
  /** Working days a plan change may wait for a decision before the coordinator is reminded. */
  readonly changeApprovalDays: number;
  readonly dependencyLeadDays: number;
  readonly finalHours: number;
  readonly cooldownHours: number;
  /** Hours a task may not be nudged again after a nudge, whoever nudges (SPEC §3.8). */
  readonly nudgeCooldownHours: number;
  /** Seconds into a run after which no send is started (Apps Script stops a run at 360 s). */
  readonly runBudgetSeconds: number;
  readonly scanHour: number;
  /** ISO weekday of the weekly summary. */
  readonly summaryDay: number;
  readonly summaryHour: number;
  /** Lower-case emails. */
  readonly coordinators: readonly string[];
  readonly emailMode: EmailMode;
  readonly archiveAfterDays: number;
  readonly signOffSplit: SignOffRule;
  readonly signOffChange: SignOffRule;
  readonly signOffAcceptance: AcceptanceSignOffRule;
  /** Working days a sign-off may wait before the signer and the coordinator are warned (L2). */
  readonly signOffDays: number;
  /** Days the Notification log keeps live; older rows no rule still reads move to 通知记录 YYYY (SPEC §3.7). */
  readonly logRetentionDays: number;
  /** Weekly summaries kept whole; older ones fold into one sheet (SPEC §3.7). */
  readonly summaryKeepWeeks: number;
  /** Percentages of Google's cell limit at which coordinators are told, ascending (SPEC §3.7). */
  readonly cellBudgetWarn: readonly number[];
  /** The coordinators' group robot (SPEC §2.7, §3.8); '' when none. */
  readonly coordinatorRobot: RobotPlatform | '';
  readonly coordinatorWebhook: string;
  readonly coordinatorSecret: string;
  readonly coordinatorKeyword: string;
  /** 平均响应时长 (SPEC §3.9): the share of requests reviewed within this many working hours of submission. */
  readonly responseTargetHours: number;
  /** 签批及时率 (SPEC §3.9): a sign-off decided within this many working hours of its request is timely. */
  readonly signOffTargetHours: number;
  /** SPEC §2.11: working days after a request is done before its requester is asked to rate it. */
  readonly ratingAfterDays: number;
  /** Working days after the ask before the one reminder. */
  readonly ratingReminderDays: number;
  /** Which month of each quarter (1–3) the satisfaction round opens. */
  readonly surveyQuarterMonth: number;
}

export type SettingKey = keyof Settings;

export interface SpreadsheetDefaults {
  /** As Spreadsheet.getSpreadsheetLocale() returns it, e.g. 'zh_CN', or a Locale. */
  readonly locale: string;
  readonly timeZone: string;
}

/** The defaults of SPEC §2.7; locale and time zone come from the spreadsheet. */
export function defaultSettings(spreadsheet: SpreadsheetDefaults): Settings {
  return {
    locale: localeFromSpreadsheet(spreadsheet.locale),
    timeZone: isTimeZone(spreadsheet.timeZone) ? spreadsheet.timeZone : 'Etc/UTC',
    workDays: [1, 2, 3, 4, 5],
    holidays: [],
    workdaySwaps: [],
    endOfDay: '18:00',
    dueSoonDays: 1,
    staleDays: 3,
    lagThreshold: 20,
    escalateAfterHours: 48,
    requestEvaluationDays: 1,
    requestReviewDays: 3,
    acceptanceDays: 3,
    changeApprovalDays: 1,
    dependencyLeadDays: 3,
    finalHours: 6,
    cooldownHours: 24,
    nudgeCooldownHours: 24,
    runBudgetSeconds: 270,
    scanHour: 9,
    summaryDay: 1,
    summaryHour: 9,
    coordinators: [],
    emailMode: 'send',
    archiveAfterDays: 30,
    signOffSplit: 'all-heads',
    signOffChange: 'all-heads',
    signOffAcceptance: 'requester',
    signOffDays: 3,
    logRetentionDays: 35,
    summaryKeepWeeks: 12,
    cellBudgetWarn: [70, 85],
    coordinatorRobot: '',
    coordinatorWebhook: '',
    coordinatorSecret: '',
    coordinatorKeyword: '',
    // Seeds 000 and 004: 需求传递后24小时内响应, 审批48小时内完成.
    responseTargetHours: 24,
    signOffTargetHours: 48,
    ratingAfterDays: 1,
    ratingReminderDays: 3,
    surveyQuarterMonth: 1,
  };
}

/** How a setting is read from a cell and written back to one. */
interface SettingKind<V> {
  readonly allowed: MessageKey;
  readonly allowedParams?: MessageParams;
  /** undefined = not valid. `timeZone` is the spreadsheet's, in which date and time cells are read. */
  parse(cell: unknown, timeZone: string): V | undefined;
  format(value: V, locale: Locale): string | number;
}

interface SettingDefinition {
  readonly key: SettingKey;
  readonly label: MessageKey;
  readonly description: MessageKey;
  readonly kind: SettingKind<unknown>;
}

function integer(min: number, max: number): SettingKind<number> {
  return {
    allowed: 'settingAllowedInteger',
    allowedParams: { min, max },
    parse(cell) {
      const n = typeof cell === 'number' ? cell : /^\s*-?\d+\s*$/.test(String(cell)) ? Number(cell) : NaN;
      return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
    },
    format: (value) => value,
  };
}

const hour: SettingKind<number> = {
  allowed: 'settingAllowedHour',
  parse(cell, timeZone) {
    // A time cell read through the Sheets API is a fraction of a day (0.375 = 09:00).
    if (typeof cell === 'number' && !(cell > 0 && cell < 1))
      return Number.isInteger(cell) && cell >= 0 && cell <= 23 ? cell : undefined;
    const time = timeOfDay.parse(cell, timeZone);
    if (time === undefined) return integer(0, 23).parse(cell, timeZone);
    return time.endsWith(':00') ? Number(time.slice(0, 2)) : undefined;
  },
  format: (value) => value,
};

const timeOfDay: SettingKind<string> = {
  allowed: 'settingAllowedTime',
  parse(cell, timeZone) {
    let minutes: number;
    if (cell instanceof Date) {
      // Time cells come back as a Date on 1899-12-30 in the spreadsheet's zone.
      const wall = new TZDate(cell.getTime(), timeZone);
      minutes = Math.round(wall.getHours() * 60 + wall.getMinutes() + wall.getSeconds() / 60);
    } else if (typeof cell === 'number') {
      // A time typed as a serial fraction of a day (0.75 = 18:00).
      if (!(cell >= 0 && cell < 1)) return undefined;
      minutes = Math.round(cell * 24 * 60);
    } else {
      const match = /^\s*(\d{1,2})[:：](\d{2})\s*$/.exec(String(cell));
      if (!match) return undefined;
      const [h, m] = [Number(match[1]), Number(match[2])];
      if (h > 23 || m > 59) return undefined;
      minutes = h * 60 + m;
    }
    if (minutes >= 24 * 60) return undefined;
    return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
  },
  format: (value) => value,
};

const LOCALE_WORDS: Readonly<Record<string, Locale>> = {
  'zh-cn': 'zh-CN',
  zh: 'zh-CN',
  zh_cn: 'zh-CN',
  中文: 'zh-CN',
  简体中文: 'zh-CN',
  chinese: 'zh-CN',
  en: 'en',
  'en-us': 'en',
  en_us: 'en',
  english: 'en',
  英文: 'en',
  英语: 'en',
};

const locale: SettingKind<Locale> = {
  allowed: 'settingAllowedLocale',
  parse: (cell) => LOCALE_WORDS[String(cell).trim().toLowerCase()],
  format: (value) => value,
};

const timeZoneKind: SettingKind<string> = {
  allowed: 'settingAllowedTimeZone',
  parse(cell) {
    const zone = String(cell).trim();
    return isTimeZone(zone) ? zone : undefined;
  },
  format: (value) => value,
};

const WEEKDAY_WORDS: ReadonlyArray<readonly string[]> = [
  ['1', 'mon', 'monday', '一', '周一', '星期一', '礼拜一'],
  ['2', 'tue', 'tues', 'tuesday', '二', '周二', '星期二', '礼拜二'],
  ['3', 'wed', 'wednesday', '三', '周三', '星期三', '礼拜三'],
  ['4', 'thu', 'thur', 'thurs', 'thursday', '四', '周四', '星期四', '礼拜四'],
  ['5', 'fri', 'friday', '五', '周五', '星期五', '礼拜五'],
  ['6', 'sat', 'saturday', '六', '周六', '星期六', '礼拜六'],
  ['7', 'sun', 'sunday', '日', '天', '周日', '周天', '星期日', '星期天', '礼拜日', '礼拜天'],
];

function weekdayNumber(word: string): number | undefined {
  const normal = word.trim().toLowerCase().replace(/\.$/, '');
  const index = WEEKDAY_WORDS.findIndex((words) => words.includes(normal));
  return index < 0 ? undefined : index + 1;
}

function weekdayName(day: number, language: Locale): string {
  return t(language, 'weekdayNames').split(',')[day - 1] ?? String(day);
}

const weekdays: SettingKind<number[]> = {
  allowed: 'settingAllowedWeekdays',
  parse(cell) {
    const days = new Set<number>();
    for (const part of splitList(String(cell))) {
      const range = part.split(/\s*(?:-|–|—|~|～|至|到)\s*/);
      if (range.length > 2) return undefined;
      const from = weekdayNumber(range[0] ?? '');
      const to = weekdayNumber(range[range.length - 1] ?? '');
      if (from === undefined || to === undefined || to < from) return undefined;
      for (let day = from; day <= to; day++) days.add(day);
    }
    return days.size > 0 ? [...days].sort((a, b) => a - b) : undefined;
  },
  format(value, language) {
    // Contiguous days are shown as a range: Mon-Fri, 周一-周五.
    const runs: string[] = [];
    for (let i = 0; i < value.length;) {
      let j = i;
      while (j + 1 < value.length && value[j + 1] === (value[j] ?? 0) + 1) j++;
      const [first, last] = [value[i] ?? 1, value[j] ?? 1];
      runs.push(
        j - i >= 2
          ? `${weekdayName(first, language)}-${weekdayName(last, language)}`
          : value
              .slice(i, j + 1)
              .map((d) => weekdayName(d, language))
              .join(','),
      );
      i = j + 1;
    }
    return runs.join(',');
  },
};

const weekday: SettingKind<number> = {
  allowed: 'settingAllowedWeekday',
  parse: (cell) => (typeof cell === 'number' ? integer(1, 7).parse(cell, '') : weekdayNumber(String(cell))),
  format: (value, language) => weekdayName(value, language),
};

/** Longest holiday range accepted, so a typo like 2024~2042 cannot make a 6,000-day list. */
const MAX_RANGE_DAYS = 366;

const dates: SettingKind<string[]> = {
  allowed: 'settingAllowedDates',
  parse(cell, timeZone) {
    if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : [dayKeyIn(cell, timeZone)];
    // A date cell read through the Sheets API is its serial number.
    if (typeof cell === 'number') return cell >= 1 ? [dayKeyOf(civilDayOfSerial(cell))] : undefined;
    const days = new Set<string>();
    for (const part of splitList(String(cell))) {
      const range = part.split(/\s*(?:~|～|至|到|–|—|\.\.)\s*/);
      if (range.length > 2) return undefined;
      const from = civilDayFromKey(range[0] ?? '');
      const to = civilDayFromKey(range[range.length - 1] ?? '');
      if (from === undefined || to === undefined || to < from || to - from > MAX_RANGE_DAYS) return undefined;
      for (let day = from; day <= to; day++) days.add(dayKeyOf(day));
    }
    return [...days].sort();
  },
  format: (value) => value.join(', '),
};

const EMAIL = /^[^\s@,;，；、]+@[^\s@,;，；、]+\.[^\s@,;，；、]+$/;

const emails: SettingKind<string[]> = {
  allowed: 'settingAllowedEmails',
  parse(cell) {
    const list = splitList(String(cell)).map((address) => address.toLowerCase());
    return list.every((address) => EMAIL.test(address)) ? [...new Set(list)] : undefined;
  },
  format: (value) => value.join(', '),
};

const percents: SettingKind<number[]> = {
  allowed: 'settingAllowedPercents',
  parse(cell) {
    const parts = typeof cell === 'number' ? [String(cell)] : splitList(String(cell).replace(/[%％]/g, ''));
    const values = parts.map((part) => (/^\d+$/.test(part.trim()) ? Number(part) : NaN));
    if (values.length === 0 || values.some((n) => !(n >= 1 && n <= 100))) return undefined;
    return [...new Set(values)].sort((a, b) => a - b);
  },
  format: (value) => value.join(', '),
};

const EMAIL_MODE_WORDS: Readonly<Record<string, EmailMode>> = {
  send: 'send',
  发送: 'send',
  'dry-run': 'dry-run',
  dryrun: 'dry-run',
  'dry run': 'dry-run',
  试运行: 'dry-run',
};

const emailMode: SettingKind<EmailMode> = {
  allowed: 'settingAllowedEmailMode',
  parse: (cell) => EMAIL_MODE_WORDS[String(cell).trim().toLowerCase()],
  format: (value, language) => t(language, value === 'send' ? 'emailModeSend' : 'emailModeDryRun'),
};

/** Text kept as typed (trimmed); the robot reader checks addresses and secrets (domain/robots/platforms). */
const plainText: SettingKind<string> = {
  allowed: 'settingAllowedText',
  parse: (cell) => String(cell).trim(),
  format: (value) => value,
};

/** A group robot's platform, by its label in either language; empty for none. */
const robotPlatform: SettingKind<RobotPlatform | ''> = {
  allowed: 'settingAllowedRobot',
  parse(cell) {
    if (String(cell).trim() === '') return '';
    return parseEnum('robotPlatform', cell);
  },
  format: (value, language) => (value === '' ? '' : enumLabel('robotPlatform', value, language)),
};

/** A setting that is one of a few words, each with its label in both languages. */
/**
 * Words earlier versions wrote into Settings, before the coordinator had one name (协作总负责人):
 * a workbook set up then still reads the same.
 */
const FORMER_WORDS: Partial<Record<MessageKey, readonly string[]>> = {
  settingCoordinators: ['协作负责人', '协调人'],
  signOffCoordinator: ['协作负责人', '协调人'],
};

/** Whether `wanted` (normalized) is what `key` says in either language, now or in an earlier version. */
function says(key: MessageKey, wanted: string): boolean {
  return (
    normalizeLabel(t('zh-CN', key)) === wanted ||
    normalizeLabel(t('en', key)) === wanted ||
    (FORMER_WORDS[key] ?? []).some((word) => normalizeLabel(word) === wanted)
  );
}

function choice<V extends string>(words: Readonly<Record<V, MessageKey>>, allowed: MessageKey): SettingKind<V> {
  const codes = Object.keys(words) as V[];
  return {
    allowed,
    parse(cell) {
      const wanted = normalizeLabel(String(cell));
      return codes.find((code) => normalizeLabel(code) === wanted || says(words[code], wanted));
    },
    format: (value, language) => t(language, words[value]),
  };
}

const signOffRule = choice<SignOffRule>(
  { 'all-heads': 'signOffAllHeads', coordinator: 'signOffCoordinator' },
  'settingAllowedSignOff',
);
const acceptanceSignOffRule = choice<AcceptanceSignOffRule>(
  { requester: 'signOffRequester', coordinator: 'signOffCoordinator' },
  'settingAllowedAcceptanceSignOff',
);

function define<V>(
  key: SettingKey,
  label: MessageKey,
  description: MessageKey,
  kind: SettingKind<V>,
): SettingDefinition {
  return { key, label, description, kind: kind as SettingKind<unknown> };
}

/** Every setting in the order the Settings sheet lists them. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  define('locale', 'settingLocale', 'settingLocaleHelp', locale),
  define('timeZone', 'settingTimeZone', 'settingTimeZoneHelp', timeZoneKind),
  define('workDays', 'settingWorkDays', 'settingWorkDaysHelp', weekdays),
  define('holidays', 'settingHolidays', 'settingHolidaysHelp', dates),
  define('workdaySwaps', 'settingWorkdaySwaps', 'settingWorkdaySwapsHelp', dates),
  define('endOfDay', 'settingEndOfDay', 'settingEndOfDayHelp', timeOfDay),
  define('dueSoonDays', 'settingDueSoonDays', 'settingDueSoonDaysHelp', integer(0, 60)),
  define('staleDays', 'settingStaleDays', 'settingStaleDaysHelp', integer(1, 60)),
  define('lagThreshold', 'settingLagThreshold', 'settingLagThresholdHelp', integer(1, 100)),
  define('escalateAfterHours', 'settingEscalateAfterHours', 'settingEscalateAfterHoursHelp', integer(1, 24 * 60)),
  define('requestEvaluationDays', 'settingRequestEvaluationDays', 'settingRequestEvaluationDaysHelp', integer(1, 60)),
  define('requestReviewDays', 'settingRequestReviewDays', 'settingRequestReviewDaysHelp', integer(1, 60)),
  define('acceptanceDays', 'settingAcceptanceDays', 'settingAcceptanceDaysHelp', integer(1, 60)),
  define('changeApprovalDays', 'settingChangeApprovalDays', 'settingChangeApprovalDaysHelp', integer(1, 60)),
  define('dependencyLeadDays', 'settingDependencyLeadDays', 'settingDependencyLeadDaysHelp', integer(0, 60)),
  define('finalHours', 'settingFinalHours', 'settingFinalHoursHelp', integer(0, 24 * 7)),
  define('cooldownHours', 'settingCooldownHours', 'settingCooldownHoursHelp', integer(1, 24 * 30)),
  define('nudgeCooldownHours', 'settingNudgeCooldownHours', 'settingNudgeCooldownHoursHelp', integer(1, 24 * 30)),
  define('ratingAfterDays', 'settingRatingAfterDays', 'settingRatingAfterDaysHelp', integer(0, 60)),
  define('ratingReminderDays', 'settingRatingReminderDays', 'settingRatingReminderDaysHelp', integer(1, 60)),
  define('surveyQuarterMonth', 'settingSurveyQuarterMonth', 'settingSurveyQuarterMonthHelp', integer(1, 3)),
  define('runBudgetSeconds', 'settingRunBudgetSeconds', 'settingRunBudgetSecondsHelp', integer(30, 330)),
  define('scanHour', 'settingScanHour', 'settingScanHourHelp', hour),
  define('summaryDay', 'settingSummaryDay', 'settingSummaryDayHelp', weekday),
  define('summaryHour', 'settingSummaryHour', 'settingSummaryHourHelp', hour),
  define('coordinators', 'settingCoordinators', 'settingCoordinatorsHelp', emails),
  define('emailMode', 'settingEmailMode', 'settingEmailModeHelp', emailMode),
  define('archiveAfterDays', 'settingArchiveAfterDays', 'settingArchiveAfterDaysHelp', integer(1, 3650)),
  define('signOffSplit', 'settingSignOffSplit', 'settingSignOffSplitHelp', signOffRule),
  define('signOffChange', 'settingSignOffChange', 'settingSignOffChangeHelp', signOffRule),
  define('signOffAcceptance', 'settingSignOffAcceptance', 'settingSignOffAcceptanceHelp', acceptanceSignOffRule),
  define('signOffDays', 'settingSignOffDays', 'settingSignOffDaysHelp', integer(1, 60)),
  define('logRetentionDays', 'settingLogRetentionDays', 'settingLogRetentionDaysHelp', integer(7, 3650)),
  define('summaryKeepWeeks', 'settingSummaryKeepWeeks', 'settingSummaryKeepWeeksHelp', integer(1, 520)),
  define('cellBudgetWarn', 'settingCellBudgetWarn', 'settingCellBudgetWarnHelp', percents),
  define('coordinatorRobot', 'settingCoordinatorRobot', 'settingCoordinatorRobotHelp', robotPlatform),
  define('coordinatorWebhook', 'settingCoordinatorWebhook', 'settingCoordinatorWebhookHelp', plainText),
  define('coordinatorSecret', 'settingCoordinatorSecret', 'settingCoordinatorSecretHelp', plainText),
  define('coordinatorKeyword', 'settingCoordinatorKeyword', 'settingCoordinatorKeywordHelp', plainText),
  define('responseTargetHours', 'settingResponseTargetHours', 'settingResponseTargetHoursHelp', integer(1, 24 * 60)),
  define('signOffTargetHours', 'settingSignOffTargetHours', 'settingSignOffTargetHoursHelp', integer(1, 24 * 60)),
];

/** One row of the Settings sheet as setup writes it: key, value in the chosen language, label, description. */
export interface SettingRow {
  readonly key: SettingKey;
  readonly label: string;
  readonly value: string | number;
  readonly description: string;
}

export function settingRows(settings: Settings, language: Locale = settings.locale): SettingRow[] {
  return SETTING_DEFINITIONS.map(({ key, label, description, kind }) => ({
    key,
    label: t(language, label),
    value: kind.format(settings[key], language),
    description: t(language, description),
  }));
}

export type SettingsIssue =
  | {
      readonly kind: 'invalid';
      readonly row: number;
      readonly key: SettingKey;
      readonly value: string;
      readonly allowed: MessageKey;
      readonly allowedParams: MessageParams;
    }
  | { readonly kind: 'unknown'; readonly row: number; readonly label: string }
  | { readonly kind: 'duplicate'; readonly row: number; readonly key: SettingKey; readonly firstRow: number };

export interface ParsedSettings {
  readonly settings: Settings;
  readonly errors: readonly SettingsIssue[];
}

/**
 * Reads the Settings sheet. `rows` is the sheet's values from row 1 (a header row is
 * recognised and skipped); row numbers in errors are sheet rows. The key column holds the
 * stable key or its Chinese or English label; columns are found by the Settings header
 * (设置项/Setting, 值/Value), or are the first two when there is no header. Blank values keep the default.
 */
export function parseSettings(rows: readonly (readonly unknown[])[], spreadsheet: SpreadsheetDefaults): ParsedSettings {
  const defaults = defaultSettings(spreadsheet);
  const { keyColumn, valueColumn, firstDataRow } = locateColumns(rows);
  const cells = new Map<SettingKey, { row: number; value: unknown }>();
  const errors: SettingsIssue[] = [];

  for (let index = firstDataRow; index < rows.length; index++) {
    const row = index + 1;
    const label = String(rows[index]?.[keyColumn] ?? '').trim();
    if (label === '') continue;
    const key = settingKeyOf(label);
    if (key === undefined) {
      errors.push({ kind: 'unknown', row, label });
      continue;
    }
    const earlier = cells.get(key);
    if (earlier) {
      errors.push({ kind: 'duplicate', row, key, firstRow: earlier.row });
      continue;
    }
    cells.set(key, { row, value: rows[index]?.[valueColumn] });
  }

  // Date and time cells hold a wall time of the spreadsheet's own zone (a holiday is midnight
  // there), whatever zone Settings names for the add-on: read them in it.
  const resolved: Record<string, unknown> = { ...defaults };
  for (const { key, kind } of SETTING_DEFINITIONS) {
    const cell = cells.get(key);
    if (!cell || isBlank(cell.value)) continue;
    const value = kind.parse(cell.value, defaults.timeZone);
    if (value === undefined) {
      errors.push({
        kind: 'invalid',
        row: cell.row,
        key,
        value: cellText(cell.value),
        allowed: kind.allowed,
        allowedParams: kind.allowedParams ?? {},
      });
    } else {
      resolved[key] = value;
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { settings: resolved as unknown as Settings, errors };
}

/** The message for one Settings problem, in `language`. */
export function describeSettingsIssue(language: Locale, issue: SettingsIssue, defaults: Settings): string {
  switch (issue.kind) {
    case 'unknown':
      return t(language, 'settingUnknown', { row: issue.row, label: issue.label });
    case 'duplicate':
      return t(language, 'settingDuplicate', {
        row: issue.row,
        setting: settingLabel(language, issue.key),
        firstRow: issue.firstRow,
      });
    case 'invalid':
      return t(language, 'settingInvalid', {
        row: issue.row,
        setting: settingLabel(language, issue.key),
        value: issue.value,
        allowed: t(language, issue.allowed, issue.allowedParams),
        default: settingText(language, issue.key, defaults),
      });
  }
}

/** A setting's value as the Settings sheet shows it, e.g. "周一" or "dry-run". */
export function settingText(language: Locale, key: SettingKey, settings: Settings): string {
  return String(definitionOf(key).kind.format(settings[key], language));
}

export function settingLabel(language: Locale, key: SettingKey): string {
  return t(language, definitionOf(key).label);
}

/** The setting a key cell names: its stable key or its label in either language, any case. */
export function settingKeyOf(label: string): SettingKey | undefined {
  const wanted = normalizeLabel(label);
  return SETTING_DEFINITIONS.find((d) => normalizeLabel(d.key) === wanted || says(d.label, wanted))?.key;
}

function definitionOf(key: SettingKey): SettingDefinition {
  const definition = SETTING_DEFINITIONS.find((d) => d.key === key);
  if (!definition) throw new Error(`No setting ${key}`);
  return definition;
}

/** Key and value columns by the Settings header (schema); a sheet without one is key, value. */
function locateColumns(rows: readonly (readonly unknown[])[]) {
  const positions = mapHeaders(sheetDef('settings'), rows[0] ?? []);
  if (positions.key === undefined) return { keyColumn: 0, valueColumn: 1, firstDataRow: 0 };
  return { keyColumn: positions.key, valueColumn: positions.value ?? positions.key + 1, firstDataRow: 1 };
}

/** Lists are separated by commas, semicolons, 、 or new lines, in either script. */
function splitList(text: string): string[] {
  return text
    .split(/[,，;；、\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || String(value).trim() === '';
}

function cellText(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Answers per zone name: building an Intl.DateTimeFormat to ask is the expensive part. */
const knownZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  if (zone === '') return false;
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}
