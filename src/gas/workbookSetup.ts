/**
 * "Set up workbook" (SPEC §5): creates what is missing, in the chosen language, and adopts what
 * exists. Run it again and nothing the user entered moves or disappears: sheets are found by
 * identity, title or (only here) by headers holding every required column; missing columns are
 * appended after the last used column, and only the add-on's own validation, formatting rules and
 * protections are replaced. The sheets' IDs are remembered, so later renames change nothing.
 */
import { columnLetter } from './a1';
import {
  defaultSettings,
  parseSettings,
  settingKeyOf,
  settingRows,
  type SpreadsheetDefaults,
} from '../domain/settings';
import {
  headerText,
  mapHeaders,
  SHEET_ORDER,
  sheetDef,
  sheetTitle,
  titleMatches,
  type ColumnDef,
  type SheetKey,
} from '../domain/schema';
import { enumLabels, ENUMS } from '../domain/enums';
import { growToFit } from './grid';
import { rememberSheetIds, SheetDirectory, type SheetIds } from './sheets';
import { headerPositions, Table } from './table';
import { seedTemplates } from './templateSheet';
import { t, type Locale } from '../i18n/index';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupResult {
  readonly created: number;
  readonly adopted: number;
  readonly columns: number;
  /** Untouched empty default sheets (工作表1 / Sheet1) deleted. */
  readonly removed: number;
}

const HEADER_BACKGROUND = '#d9e2f3';
/** Present in every conditional-format formula setup writes, so a rerun replaces only its own rules. */
const RULE_MARKER = 'N("collab-desk")=0';

/**
 * The display format setup gives a new column's cells (SPEC §2 "Layout for people": dates as
 * dates, a time only where one was given, percents as percents). Undefined leaves Sheets'
 * automatic format:
 * - text columns: in a plain-text ("@") cell the apostrophe that neutralises "=…" would become
 *   part of the value;
 * - a datetime whose time is optional (a due date): Sheets gives an automatic cell a date format
 *   for a typed date and a date-time one for a typed date with a time, and the writer writes a
 *   date at midnight as a date (writeBatch), so each cell shows a time only where there is one;
 * - a % people type (Progress): Sheets gives a cell a percent format when a "70%" is typed into
 *   it, so a typed "100%" shows (and reads) as 100 %, not as a plain 1 (see parseTypedPercent).
 *   A ⚙ % (Tasks) holds 0–100 written by the add-on and shows it with a literal "%" sign, which
 *   isPercentFormat does not take for a percent format (it is not one: 80 stays 80).
 */
export function numberFormatOf(column: ColumnDef): string | undefined {
  switch (column.type) {
    case 'date':
      return DATE_FORMAT;
    case 'datetime':
      return column.timeOptional ? undefined : DATE_TIME_FORMAT;
    case 'number':
      return '0';
    case 'percent':
      return column.computed ? COMPUTED_PERCENT_FORMAT : undefined;
    default:
      return undefined;
  }
}

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const COMPUTED_PERCENT_FORMAT = '0"%"';

/**
 * Columns frozen with the header on a sheet setup creates: its ID and name (SPEC §2 "Layout for
 * people"), which SHEETS lists first. A sheet that existed keeps its own frozen columns.
 */
const FROZEN_COLUMNS: Partial<Record<SheetKey, number>> = { requests: 2, tasks: 2 };

/**
 * How each protected area of SPEC §3.6 is protected. Apps Script runs the add-on as the user at the
 * keyboard (menus, the sidebar, onEdit) or as a trigger's owner (the tick), never as an identity of
 * its own, so a protection that stops a user also stops every write the add-on makes for that user
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection#canEdit(): only the
 * owner and the protection's editors may edit; #setWarningOnly(Boolean): a warning-only one lets
 * every user edit after a warning). So:
 * - blocking, coordinators only: what only a coordinator's action (a menu, the settings form, the
 *   tick, which runs as a coordinator) ever writes;
 * - warning-only: what the add-on writes for owners, heads and requesters (a progress save sets the
 *   task's % and last update; a sign-off fills Sign-offs; every save appends to Change history).
 *   Behind the warning, onEdit restores a ⚙ cell anyone types (app/editGuard.ts), Sign-offs
 *   decisions typed are restored, and recomputed columns are rewritten by the next save or scan.
 */
const COORDINATOR_SHEETS: readonly SheetKey[] = ['settings', 'departments', 'people', 'templates', 'notificationLog'];
// Ratings, proposed cases and suggestions are written for anyone's sidebar save (a requester's low rating proposes a case).
const WARNING_SHEETS: readonly SheetKey[] = ['signOffs', 'changeHistory', 'satisfaction', 'cases', 'suggestions'];
/**
 * ⚙ columns only coordinators' actions write: IDs and baselines of tasks (the split, Import, and the
 * stamps of rows typed into Tasks, which onEdit leaves to a coordinator: see tasks.ts) and the
 * approval time (approving is a coordinator's). Every other ⚙ column is written for other roles too.
 */
const COORDINATOR_COLUMNS: Partial<Record<SheetKey, readonly string[]>> = {
  requests: ['approved'],
  tasks: ['id', 'baseline'],
};

/** Empty columns a new sheet keeps right of the add-on's, for the user's own. */
export const SPARE_COLUMNS = 3;

/**
 * `installer` (the user running setup) becomes the first coordinator when Settings names none, so
 * a new workbook never leaves every editor a coordinator (SPEC §3.6).
 */
export function setupWorkbook(spreadsheet: Spreadsheet, locale: Locale, installer = ''): SetupResult {
  const directory = new SheetDirectory(spreadsheet);
  const placed = new Map<SheetKey, Sheet>();
  let created = 0;
  let columns = 0;
  for (const key of SHEET_ORDER) {
    let sheet = directory.find(key) ?? adoptByHeader(directory, key, placed);
    if (!sheet) {
      sheet = spreadsheet.insertSheet(sheetTitle(key, locale), spreadsheet.getNumSheets());
      // Every cell of the grid counts against the 10,000,000 (SPEC §3.7): a new sheet is as wide
      // as its columns and a few of the user's own, not 26 (more can be inserted); rows grow with appends.
      const width = sheetDef(key).columns.length + SPARE_COLUMNS;
      if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
      created++;
      placed.set(key, sheet);
      columns += ensureColumns(sheet, key, locale);
      const frozen = FROZEN_COLUMNS[key];
      if (frozen) sheet.setFrozenColumns(frozen);
      continue;
    }
    placed.set(key, sheet);
    columns += ensureColumns(sheet, key, locale);
  }
  // From now on each table is found by its sheet's ID, whatever the sheet is renamed to.
  const ids: SheetIds = {};
  for (const [key, sheet] of placed) ids[key] = sheet.getSheetId();
  rememberSheetIds(spreadsheet, ids);
  const settingsSheet = placed.get('settings')!;
  const spreadsheetDefaults = {
    locale: spreadsheet.getSpreadsheetLocale(),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
  fillSettings(settingsSheet, spreadsheetDefaults, locale, installer);
  seedTemplates(placed.get('templates')!, locale, spreadsheetDefaults.timeZone);
  const settings = parseSettings(settingsSheet.getDataRange().getValues(), spreadsheetDefaults).settings;
  for (const key of SHEET_ORDER) {
    const sheet = placed.get(key)!;
    addValidation(sheet, key, locale, placed);
    protectHeader(sheet, locale);
    protectForCoordinators(sheet, key, locale, settings.coordinators);
  }
  addTaskColours(placed.get('tasks')!, settings.dueSoonDays);
  const removed = created > 0 ? removeUntouchedDefaultSheets(spreadsheet, placed) : 0;
  return { created, adopted: SHEET_ORDER.length - created, columns, removed };
}

/** The title Sheets gives a new spreadsheet's first sheet, in English and Chinese. */
const DEFAULT_SHEET_TITLE = /^(Sheet|工作表)\s?\d+$/;

/**
 * Deletes the empty sheet a new spreadsheet starts with (工作表1 / Sheet1), which would otherwise
 * stay the first tab (SPEC §5): only on a setup that created sheets, only under its default title,
 * and only if nobody touched it: no value, note, validation, protection, conditional format, chart,
 * frozen row or column. Anything a user did to it keeps it. Returns how many were deleted.
 */
function removeUntouchedDefaultSheets(spreadsheet: Spreadsheet, placed: ReadonlyMap<SheetKey, Sheet>): number {
  const ours = new Set([...placed.values()].map((s) => s.getSheetId()));
  let removed = 0;
  for (const sheet of spreadsheet.getSheets()) {
    if (ours.has(sheet.getSheetId()) || !DEFAULT_SHEET_TITLE.test(sheet.getName()) || !isUntouched(sheet)) continue;
    spreadsheet.deleteSheet(sheet);
    removed++;
  }
  return removed;
}

function isUntouched(sheet: Sheet): boolean {
  if (sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) return false;
  if (sheet.getFrozenRows() > 0 || sheet.getFrozenColumns() > 0) return false;
  if (sheet.getConditionalFormatRules().length > 0 || sheet.getCharts().length > 0) return false;
  const { SHEET, RANGE } = SpreadsheetApp.ProtectionType;
  if (sheet.getProtections(SHEET).length > 0 || sheet.getProtections(RANGE).length > 0) return false;
  const grid = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  if (grid.getNotes().some((row) => row.some((note) => note !== ''))) return false;
  return !grid.getDataValidations().some((row) => row.some((rule) => rule !== null));
}

/** A sheet with another title whose header row names every required column of `key`. */
function adoptByHeader(
  directory: SheetDirectory,
  key: SheetKey,
  placed: ReadonlyMap<SheetKey, Sheet>,
): Sheet | undefined {
  const def = sheetDef(key);
  const taken = new Set([...placed.values()].map((s) => s.getSheetId()));
  const candidates = directory
    .unclaimed()
    .filter((s) => !taken.has(s.getSheetId()) && !SHEET_ORDER.some((k) => titleMatches(sheetDef(k), s.getName())));
  const required = def.columns.filter((c) => c.required).map((c) => c.key);
  for (const sheet of candidates) {
    const width = sheet.getLastColumn();
    if (width === 0) continue;
    const mapped = mapHeaders(def, sheet.getRange(1, 1, 1, width).getValues()[0] ?? []);
    if (required.every((k) => mapped[k] !== undefined)) return sheet;
  }
  return undefined;
}

/** Appends the missing columns after the last used one; returns how many were added. */
function ensureColumns(sheet: Sheet, key: SheetKey, locale: Locale): number {
  const def = sheetDef(key);
  const lastColumn = sheet.getLastColumn();
  const headers = lastColumn > 0 ? (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []) : [];
  const mapped = mapHeaders(def, headers);
  const missing = def.columns.filter((c) => mapped[c.key] === undefined);
  if (missing.length > 0) {
    const first = lastColumn + 1;
    growToFit(sheet, 0, lastColumn + missing.length);
    sheet.getRange(1, first, 1, missing.length).setValues([missing.map((c) => headerText(c, locale))]);
    const dataRows = sheet.getMaxRows() - 1;
    missing.forEach((column, i) => {
      sheet.setColumnWidth(first + i, column.width);
      const format = numberFormatOf(column);
      if (format && dataRows > 0) sheet.getRange(2, first + i, dataRows, 1).setNumberFormat(format);
    });
  }
  const width = lastColumn + missing.length;
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  return missing.length;
}

/**
 * Writes the default of every setting the sheet lacks; the chosen language is always recorded, and
 * the installer is the coordinator when none is named.
 */
function fillSettings(sheet: Sheet, spreadsheetDefaults: SpreadsheetDefaults, locale: Locale, installer: string): void {
  const table = Table.read(sheet, 'settings', spreadsheetDefaults.timeZone);
  const present = new Map(table.records().map((row) => [settingKeyOf(row.text('key')), row]));
  const coordinators = installer === '' ? [] : [installer];
  const settings = { ...defaultSettings(spreadsheetDefaults), locale, coordinators };
  for (const row of settingRows(settings, locale)) {
    const existing = present.get(row.key);
    if (existing) {
      if (row.key === 'locale') existing.set('value', locale);
      if (row.key === 'coordinators' && existing.text('value') === '') existing.set('value', row.value);
      continue;
    }
    table.append({ key: row.label, value: row.value, description: row.description });
  }
  table.commit();
}

function columnRange(sheet: Sheet, index: number): GoogleAppsScript.Spreadsheet.Range | undefined {
  const rows = sheet.getMaxRows() - 1;
  return rows > 0 ? sheet.getRange(2, index + 1, rows, 1) : undefined;
}

/** Dropdowns from Departments, People and the status lists; date and % checks. Warnings only: nothing typed is refused. */
function addValidation(sheet: Sheet, key: SheetKey, locale: Locale, placed: ReadonlyMap<SheetKey, Sheet>): void {
  const mapped = headerPositions(sheet, key);
  const listOf = (source: SheetKey, column: string) => {
    const list = placed.get(source)!;
    const index = headerPositions(list, source)[column as never] as number | undefined;
    return index === undefined ? undefined : columnRange(list, index);
  };
  const departments = listOf('departments', 'name');
  const people = listOf('people', 'name');
  for (const column of sheetDef(key).columns as readonly ColumnDef[]) {
    const index = mapped[column.key as never] as number | undefined;
    if (index === undefined || column.computed) continue;
    const rule = ruleFor(column, locale, departments, people);
    const range = columnRange(sheet, index);
    if (rule && range) range.setDataValidation(rule);
  }
}

function ruleFor(
  column: ColumnDef,
  locale: Locale,
  departments: GoogleAppsScript.Spreadsheet.Range | undefined,
  people: GoogleAppsScript.Spreadsheet.Range | undefined,
): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
  const builder = () => SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  if (column.enumeration) {
    const labels = ENUMS[column.enumeration].map((v) => (locale === 'en' ? v.en : v.zh));
    return builder()
      .requireValueInList(labels, true)
      .setHelpText(t(locale, 'wbHelpChoice', { allowed: labels.join(' · ') }))
      .build();
  }
  switch (column.type) {
    case 'dept':
      return departments
        ? builder().requireValueInRange(departments, true).setHelpText(t(locale, 'wbHelpDept')).build()
        : undefined;
    case 'person':
      return people
        ? builder().requireValueInRange(people, true).setHelpText(t(locale, 'wbHelpPerson')).build()
        : undefined;
    case 'date':
    case 'datetime':
      return builder().requireDate().setHelpText(t(locale, 'wbHelpDate')).build();
    case 'percent':
      return builder().requireNumberBetween(0, 100).setHelpText(t(locale, 'wbHelpPct')).build();
    default:
      return undefined;
  }
}

/** Warning-only protection of the header row, replacing the one an earlier setup added. */
function protectHeader(sheet: Sheet, locale: Locale): void {
  const descriptions = [t('zh-CN', 'wbHeaderProtection'), t('en', 'wbHeaderProtection')];
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (descriptions.includes(protection.getDescription())) protection.remove();
  }
  sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .protect()
    .setDescription(t(locale, 'wbHeaderProtection'))
    .setWarningOnly(true);
}

/**
 * Protections of SPEC §3.6, replacing the ones an earlier setup added (found by description, in
 * either language): the coordinators' sheets, the add-on's own sheets, and the ⚙ columns of the
 * data sheets, each a whole column (A1 "C:C"), so rows added later are covered too
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange: a range
 * without an end row is unbounded). A blocking one lists the coordinators only; the spreadsheet's
 * owner and the user running setup always stay editors (Protection.removeEditors cannot remove them).
 */
function protectForCoordinators(sheet: Sheet, key: SheetKey, locale: Locale, coordinators: readonly string[]): void {
  const descriptions = (['wbEditorsProtection', 'wbAddOnProtection'] as const).flatMap((k) => [
    t('zh-CN', k),
    t('en', k),
  ]);
  for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
    for (const protection of sheet.getProtections(type)) {
      if (descriptions.includes(protection.getDescription())) protection.remove();
    }
  }
  const limit = (protection: GoogleAppsScript.Spreadsheet.Protection) => {
    protection.setDescription(t(locale, 'wbEditorsProtection'));
    protection.removeEditors(protection.getEditors().map((user) => user.getEmail()));
    if (coordinators.length > 0) protection.addEditors([...coordinators]);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  };
  const warn = (protection: GoogleAppsScript.Spreadsheet.Protection) => {
    protection.setDescription(t(locale, 'wbAddOnProtection')).setWarningOnly(true);
  };
  if (COORDINATOR_SHEETS.includes(key)) return limit(sheet.protect());
  if (WARNING_SHEETS.includes(key)) return warn(sheet.protect());
  const mapped = headerPositions(sheet, key);
  const blocking = COORDINATOR_COLUMNS[key] ?? [];
  for (const column of sheetDef(key).columns as readonly ColumnDef[]) {
    const index = mapped[column.key as never] as number | undefined;
    if (index === undefined || !column.computed) continue;
    const letter = columnLetter(index + 1);
    const protection = sheet.getRange(`${letter}:${letter}`).protect();
    if (blocking.includes(column.key)) limit(protection);
    else warn(protection);
  }
}

function anyOf(cell: string, labels: readonly string[]): string {
  return `OR(${labels.map((l) => `${cell}="${l}"`).join(',')})`;
}

/**
 * Row colours on Tasks, evaluated live from Status, Health and Due so they are right between
 * scans: done grey, overdue red, blocked purple, due soon / lagging / stale amber.
 */
function addTaskColours(sheet: Sheet, dueSoonDays: number): void {
  const lastColumn = sheet.getLastColumn();
  const mapped = mapHeaders(sheetDef('tasks'), sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []);
  const status = `$${columnLetter(mapped.status! + 1)}2`;
  const health = `$${columnLetter(mapped.health! + 1)}2`;
  const due = `$${columnLetter(mapped.due! + 1)}2`;
  const closed = anyOf(status, enumLabels('taskStatus', ['done', 'cancelled']));
  const finished = anyOf(status, enumLabels('taskStatus', ['done', 'cancelled', 'awaitingAcceptance']));
  const rules: [string, string][] = [
    [closed, '#e0e0e0'],
    [
      `OR(${anyOf(health, enumLabels('health', ['overdue']))},AND(ISNUMBER(${due}),${due}<TODAY(),NOT(${finished})))`,
      '#f4cccc',
    ],
    [
      `OR(${anyOf(status, enumLabels('taskStatus', ['blocked']))},${anyOf(health, enumLabels('health', ['blocked']))})`,
      '#e1d5f0',
    ],
    [
      `OR(${anyOf(health, enumLabels('health', ['dueSoon', 'lagging', 'stale']))},AND(ISNUMBER(${due}),${due}>=TODAY(),NETWORKDAYS(TODAY(),${due})-1<=${dueSoonDays},NOT(${finished})))`,
      '#fff2cc',
    ],
  ];
  const range = sheet.getRange(2, 1, Math.max(sheet.getMaxRows() - 1, 1), lastColumn);
  const ours = rules.map(([condition, colour]) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND(${RULE_MARKER},${condition})`)
      .setBackground(colour)
      .setRanges([range])
      .build(),
  );
  const others = sheet.getConditionalFormatRules().filter((rule) => {
    const values = rule.getBooleanCondition()?.getCriteriaValues() ?? [];
    return !values.some((v) => String(v).includes(RULE_MARKER));
  });
  sheet.setConditionalFormatRules([...ours, ...others]);
}
