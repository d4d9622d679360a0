/** Spreadsheet: its sheets, identity, locale and time zone, plus emulator-only test helpers. */
import type { EmulatorContext } from '../core';
import { EmuDeveloperMetadata, EmuDeveloperMetadataFinder } from './metadata';
import { parseA1 } from './a1';
import { gasError } from '../core';
import type { SheetModel } from './model';
import type { Protection, ProtectionKind } from './protection';
import type { EmuRange } from './range';
import { changeRecorderFor, recorderFor, uncounted, type Recorder } from './record';
import { EmuSheet } from './sheet';
import type { Workbook } from './workbook';

/** The Apps Script methods whose signatures this class matches exactly (the rest return emulator types). */
type SpreadsheetApi = Pick<
  GoogleAppsScript.Spreadsheet.Spreadsheet,
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getNumSheets'
  | 'toast'
>;

export class EmuSpreadsheet implements SpreadsheetApi {
  private readonly record: Recorder;
  /** For methods that change the spreadsheet (see changeRecorderFor). */
  private readonly change: Recorder;
  private readonly facades = new Map<SheetModel, EmuSheet>();
  private active: SheetModel;
  private readonly toasts: { message: string; title: string }[] = [];

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly workbook: Workbook,
  ) {
    this.record = recorderFor(ctx, 'Spreadsheet');
    this.change = changeRecorderFor(ctx, 'Spreadsheet', workbook);
    this.active = workbook.sheets[0] ?? workbook.addSheet(this.defaultSheetName(1), 0);
  }

  private facade(model: SheetModel): EmuSheet {
    let sheet = this.facades.get(model);
    if (!sheet) {
      sheet = new EmuSheet(this.ctx, this, model);
      this.facades.set(model, sheet);
    }
    return sheet;
  }

  private modelOf(sheet: EmuSheet): SheetModel {
    const model = [...this.facades].find(([, facade]) => facade === sheet)?.[0];
    if (!model || !this.workbook.sheets.includes(model)) throw gasError('Sheet not found');
    return model;
  }

  /** New sheets are called "Sheet1", "Sheet2"... ("工作表1"... in a Chinese spreadsheet). */
  private defaultSheetName(n: number): string {
    return `${this.workbook.locale.startsWith('zh') ? '工作表' : 'Sheet'}${n}`;
  }

  // --- identity --------------------------------------------------------------------------

  getId(): string {
    this.record('getId');
    return this.workbook.id;
  }
  getName(): string {
    this.record('getName');
    return this.workbook.name;
  }
  rename(newName: string): void {
    this.record('rename');
    this.workbook.name = newName;
  }
  getUrl(): string {
    this.record('getUrl');
    return this.emuUrl();
  }
  getSpreadsheetLocale(): string {
    this.record('getSpreadsheetLocale');
    return this.workbook.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.record('setSpreadsheetLocale');
    this.workbook.locale = locale;
  }
  /**
   * "Returns the owner of the document, or null for a document in a shared drive"
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner()).
   */
  getOwner(): { getEmail(): string } | null {
    this.record('getOwner');
    const owner = this.workbook.users.owner();
    return owner === '' ? null : { getEmail: () => owner };
  }
  getSpreadsheetTimeZone(): string {
    this.record('getSpreadsheetTimeZone');
    return this.workbook.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.record('setSpreadsheetTimeZone');
    this.workbook.timeZone = timezone;
    this.workbook.changed();
  }

  // --- developer metadata ----------------------------------------------------------------
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addDeveloperMetadata(String,String)

  addDeveloperMetadata(key: string, value?: string): this {
    this.change('addDeveloperMetadata');
    this.workbook.addMetadata(String(key), value === undefined ? null : String(value));
    return this;
  }

  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    this.record('getDeveloperMetadata');
    return this.workbook.developerMetadata.map((entry) => new EmuDeveloperMetadata(this.ctx, this.workbook, entry));
  }

  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    this.record('createDeveloperMetadataFinder');
    return new EmuDeveloperMetadataFinder(this.ctx, this.workbook);
  }

  // --- sheets ----------------------------------------------------------------------------

  getSheets(): EmuSheet[] {
    this.record('getSheets');
    return this.workbook.sheets.map((s) => this.facade(s));
  }

  getNumSheets(): number {
    this.record('getNumSheets');
    return this.workbook.sheets.length;
  }

  getSheetByName(name: string): EmuSheet | null {
    this.record('getSheetByName');
    const model = this.workbook.sheetByName(name);
    return model ? this.facade(model) : null;
  }

  getSheetById(id: number): EmuSheet | null {
    this.record('getSheetById');
    const model = this.workbook.sheets.find((s) => s.sheetId === id);
    return model ? this.facade(model) : null;
  }

  /** insertSheet(), insertSheet(index), insertSheet(name) or insertSheet(name, index); the new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, sheetIndex?: number): EmuSheet {
    this.change('insertSheet');
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.nextDefaultName();
    const index = typeof nameOrIndex === 'number' ? nameOrIndex : (sheetIndex ?? this.workbook.sheets.length);
    if (this.workbook.sheetByName(name)) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const model = this.workbook.addSheet(name, Math.min(Math.max(index, 0), this.workbook.sheets.length));
    this.active = model;
    return this.facade(model);
  }

  private nextDefaultName(): string {
    let n = this.workbook.sheets.length + 1;
    while (this.workbook.sheetByName(this.defaultSheetName(n))) n++;
    return this.defaultSheetName(n);
  }

  deleteSheet(sheet: EmuSheet): void {
    this.change('deleteSheet');
    const model = this.modelOf(sheet);
    if (this.workbook.sheets.length === 1) throw gasError("You can't remove all the sheets in a document.");
    this.workbook.removeSheet(model);
    this.facades.delete(model);
    if (this.active === model) this.active = this.workbook.firstSheet();
  }

  getActiveSheet(): EmuSheet {
    this.record('getActiveSheet');
    return this.facade(this.active);
  }

  setActiveSheet(sheet: EmuSheet): EmuSheet {
    this.record('setActiveSheet');
    this.active = this.modelOf(sheet);
    return sheet;
  }

  getActiveRange(): EmuRange {
    this.record('getActiveRange');
    return this.facade(this.active).emuActiveRange();
  }

  /** "A1:B2" on the active sheet, or "Sheet!A1:B2" / "'My sheet'!A1". */
  getRange(a1Notation: string): EmuRange {
    this.record('getRange');
    const { sheetName } = parseA1(a1Notation);
    const model = sheetName === undefined ? this.active : this.workbook.sheetByName(sheetName);
    if (!model) throw gasError('Range not found');
    const bang = a1Notation.lastIndexOf('!');
    return this.facade(model).emuRangeA1(bang >= 0 ? a1Notation.slice(bang + 1) : a1Notation);
  }

  getProtections(type: ProtectionKind): Protection[] {
    this.record('getProtections');
    return this.workbook.sheets.flatMap((s) => this.facade(s).emuProtections(type));
  }

  toast(message: string, title = '', _timeoutSeconds?: number | null): void {
    this.record('toast');
    this.toasts.push({ message: String(message), title: String(title) });
  }

  // --- emulator internals and test helpers (not Apps Script API) --------------------------------

  emuId(): string {
    return this.workbook.id;
  }

  emuUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.workbook.id}/edit`;
  }

  /** The data behind this spreadsheet, for services that address it directly (the Sheets API). */
  emuWorkbook(): Workbook {
    return this.workbook;
  }

  /** The Sheet facade of `model`, without counting a call (the Sheets API's protection checks). */
  emuSheetOf(model: SheetModel): EmuSheet {
    return this.facade(model);
  }

  emuActiveSheet(): EmuSheet {
    return this.facade(this.active);
  }

  emuIndexOf(model: SheetModel): number {
    return this.workbook.sheets.indexOf(model);
  }

  emuActivate(model: SheetModel): void {
    this.active = model;
  }

  emuRename(model: SheetModel, name: string): void {
    const other = this.workbook.sheetByName(name);
    if (other && other !== model)
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    model.name = name;
    this.workbook.changed();
  }

  /**
   * Test helper: runs `edit` once, just before the script's next write to this spreadsheet is applied
   * (any Range setter or clear, row/column insert or delete, sort, appendRow, insertSheet/deleteSheet,
   * Sheets API Values.batchUpdate/update or batchUpdate), as if another user edited the sheet between
   * what the script read and what it writes. The edit's own calls are not counted as the script's.
   * Edits queued before one write all run before it, in order; an edit that throws fails that write.
   */
  emuBeforeNextWrite(edit: (spreadsheet: EmuSpreadsheet) => void): void {
    this.workbook.onNextWrite(() => uncounted(this.ctx, () => edit(this)));
  }

  /** Toasts shown so far, oldest first. */
  emuToasts(): { message: string; title: string }[] {
    return this.toasts.map((t) => ({ ...t }));
  }

  /**
   * Test helper: the background a user would see on a cell — the first conditional format rule (in
   * rule order) whose condition holds for the cell's current value decides; otherwise the cell's own colour.
   */
  emuEffectiveBackground(sheetName: string, a1: string): string {
    const model = this.workbook.sheetByName(sheetName);
    if (!model) throw new Error(`No sheet named ${sheetName}`);
    const { row, col } = parseA1(a1);
    if (row === undefined || col === undefined) throw new Error(`Not a cell: ${a1}`);
    const own = model.backgrounds.get(row - 1, col - 1) ?? '#ffffff';
    const cell = {
      value: model.valueAt(row, col),
      text: model.textAt(row, col),
      evaluate: (formula: string) => this.workbook.evaluate(formula, model),
    };
    const rule = this.facade(model)
      .emuRulesAt(row, col)
      .find((r) => r.emuMatches(row, col, cell));
    return rule ? (rule.emuBackground() ?? own) : own;
  }
}
