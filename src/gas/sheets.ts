/**
 * Finding the add-on's sheets (SPEC §3.4): first by the sheet ID setup remembered for each sheet
 * key, in developer metadata on the spreadsheet (it travels with the file, is invisible to people,
 * and a trigger that opens the workbook by ID reads it too), so a renamed sheet is still found;
 * then by title in either language (or an alias). Setup alone adopts a sheet by its headers.
 * A TableSource is how one operation reads and writes the workbook's tables: SheetDirectory goes
 * through SpreadsheetApp sheet by sheet; SheetsApiSource (sheetsApi.ts) reads them all at once.
 */
import { SHEET_ORDER, sheetDef, titleMatches, type ColumnKey, type SheetKey } from '../domain/schema';
import type { SkippedWrite } from './placement';
import { Table, type Cell } from './table';
import { WriteBatch } from './writeBatch';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TableSource {
  /** The spreadsheet's own time zone and locale (Settings may override them for the add-on). */
  readonly timeZone: string;
  readonly locale: string;
  url(): string;
  /** Whether the workbook has this sheet, without fetching it. */
  has(key: SheetKey): boolean;
  find(key: SheetKey): Sheet | undefined;
  sheetId(key: SheetKey): number | undefined;
  /** The sheet's values as read, row 1 the header; undefined when there is no such sheet. */
  values(key: SheetKey): Cell[][] | undefined;
  read<S extends SheetKey>(key: S): Table<ColumnKey<S>> | undefined;
  /** A sheet this operation inserted for `key`. */
  added(key: SheetKey, sheet: Sheet): void;
  /** Writes what the tables changed; returns the changes that could not be placed. */
  commit(tables: Iterable<Table<string>>): readonly SkippedWrite[];
  /** The sheet as read from a row on, when this source read it so (the scan's Progress). */
  tail?<S extends SheetKey>(key: S): SheetTail<ColumnKey<S>> | undefined;
}

/**
 * A sheet read from a row on (the rows above it left out), as a table whose row i is sheet row
 * first + i: for reading only, its row numbers are not the sheet's.
 */
export interface SheetTail<K extends string = string> {
  /** The sheet row of the first row read. */
  readonly first: number;
  readonly table: Table<K>;
  /** Columns `keys` of the rows above the tail (sheet rows 2 to first − 1), read now: column c's cell i is sheet row 2 + i. */
  columnsAbove(keys: readonly K[]): Cell[][];
  /** Sheet rows `rows` (ascending), read now, whole: a table whose row i is rows[i], for reading only. */
  rowsAt(rows: readonly number[]): Table<K>;
}

/** The developer metadata key whose value is the JSON object { sheetKey: sheetId } setup wrote. */
export const SHEET_IDS_KEY = 'collabDesk.sheetIds';

export type SheetIds = Partial<Record<SheetKey, number>>;

/** The sheet IDs in a metadata value; anything that is not a known key with a whole number is ignored. */
export function parseSheetIds(value: string | null | undefined): SheetIds {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value ?? '{}');
  } catch {
    return {};
  }
  const ids: SheetIds = {};
  if (typeof parsed !== 'object' || parsed === null) return ids;
  for (const key of SHEET_ORDER) {
    const id = (parsed as Record<string, unknown>)[key];
    if (typeof id === 'number' && Number.isInteger(id)) ids[key] = id;
  }
  return ids;
}

/** Remembers which sheet holds which table, replacing what an earlier setup remembered. */
export function rememberSheetIds(spreadsheet: Spreadsheet, ids: SheetIds): void {
  const value = JSON.stringify(ids);
  const [existing, ...copies] = spreadsheet.createDeveloperMetadataFinder().withKey(SHEET_IDS_KEY).find();
  for (const copy of copies) copy.remove();
  if (existing) existing.setValue(value);
  else spreadsheet.addDeveloperMetadata(SHEET_IDS_KEY, value);
}

export class SheetDirectory implements TableSource {
  private readonly sheets: Sheet[];
  /** Titles read once: every getName is a call to Google's servers. */
  private readonly titles: string[];
  private ids: SheetIds | undefined;
  /** Each key's sheet once found: getSheetById is a call. */
  private readonly found = new Map<SheetKey, Sheet | undefined>();
  private zone: string | undefined;
  private spreadsheetLocale: string | undefined;
  /** Every table's writes, sent together at commit; undefined where the Sheets API may not be called. */
  private batch: WriteBatch | undefined;

  /**
   * `batchWrites`: write every table of a commit in one Sheets API call, all or nothing. A simple
   * trigger (onEdit) may not call the Sheets API, so it writes through SpreadsheetApp instead.
   */
  constructor(
    readonly spreadsheet: Spreadsheet,
    private readonly batchWrites = true,
  ) {
    this.sheets = spreadsheet.getSheets();
    this.titles = this.sheets.map((sheet) => sheet.getName());
  }

  get timeZone(): string {
    return (this.zone ??= this.spreadsheet.getSpreadsheetTimeZone());
  }

  get locale(): string {
    return (this.spreadsheetLocale ??= this.spreadsheet.getSpreadsheetLocale());
  }

  url(): string {
    return this.spreadsheet.getUrl();
  }

  has(key: SheetKey): boolean {
    return this.find(key) !== undefined;
  }

  sheetId(key: SheetKey): number | undefined {
    return this.find(key)?.getSheetId();
  }

  values(key: SheetKey): Cell[][] | undefined {
    return this.find(key)?.getDataRange().getValues() as Cell[][] | undefined;
  }

  read<S extends SheetKey>(key: S): Table<ColumnKey<S>> | undefined {
    const sheet = this.find(key);
    if (this.batchWrites) this.batch ??= new WriteBatch(this.spreadsheet.getId(), this.timeZone);
    return sheet && Table.read(sheet, key, this.timeZone, this.batch);
  }

  commit(tables: Iterable<Table<string>>): readonly SkippedWrite[] {
    const skipped = [...tables].flatMap((table) => table.commit());
    this.batch?.flush();
    return skipped;
  }

  find(key: SheetKey): Sheet | undefined {
    if (this.found.has(key)) return this.found.get(key);
    const id = this.sheetIds()[key];
    let sheet = (id === undefined ? null : this.spreadsheet.getSheetById(id)) ?? undefined;
    if (!sheet) {
      const position = this.titles.findIndex((title) => titleMatches(sheetDef(key), title));
      sheet = position >= 0 ? this.sheets[position] : undefined;
    }
    this.found.set(key, sheet);
    return sheet;
  }

  /** Sheets no key claims by identity or title: the only candidates for adoption by header. */
  unclaimed(): Sheet[] {
    const claimed = new Set(SHEET_ORDER.map((key) => this.find(key)));
    return this.sheets.filter((sheet) => !claimed.has(sheet));
  }

  /** The sheet IDs setup remembered, read once per operation. */
  sheetIds(): SheetIds {
    if (!this.ids) {
      const [metadata] = this.spreadsheet.createDeveloperMetadataFinder().withKey(SHEET_IDS_KEY).find();
      this.ids = parseSheetIds(metadata?.getValue());
    }
    return this.ids;
  }

  /** A sheet this operation inserted or adopted for `key`; remembered so a rename later changes nothing. */
  added(key: SheetKey, sheet: Sheet): void {
    if (!this.sheets.includes(sheet)) {
      this.sheets.push(sheet);
      this.titles.push(sheet.getName());
    }
    this.found.set(key, sheet);
    const ids = { ...this.sheetIds(), [key]: sheet.getSheetId() };
    this.ids = ids;
    rememberSheetIds(this.spreadsheet, ids);
  }
}
