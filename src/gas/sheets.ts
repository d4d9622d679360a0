/**
 * Finding the add-on's sheets: by title in either language (or an alias), or, for a sheet setup
 * adopted under the user's own title, by the sheet ID setup remembered in document properties.
 * A TableSource is how one operation reads and writes the workbook's tables: SheetDirectory goes
 * through SpreadsheetApp sheet by sheet; SheetsApiSource (sheetsApi.ts) reads them all at once.
 */
import { sheetDef, titleMatches, type ColumnKey, type SheetKey } from '../domain/schema';
import type { SkippedWrite } from './placement';
import { Table, type Cell } from './table';

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
}

const PROPERTY_PREFIX = 'collabDesk.sheet.';

export class SheetDirectory implements TableSource {
  private readonly sheets: Sheet[];
  /** Titles read once: every getName is a call to Google's servers. */
  private readonly titles: string[];
  private adopted: Partial<Record<SheetKey, string>> | undefined;
  private zone: string | undefined;
  private spreadsheetLocale: string | undefined;

  constructor(readonly spreadsheet: Spreadsheet) {
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
    return sheet && Table.read(sheet, key, this.timeZone);
  }

  commit(tables: Iterable<Table<string>>): readonly SkippedWrite[] {
    return [...tables].flatMap((table) => table.commit());
  }

  find(key: SheetKey): Sheet | undefined {
    const position = this.titles.findIndex((title) => titleMatches(sheetDef(key), title));
    if (position >= 0) return this.sheets[position];
    const id = this.adoptedIds()[key];
    return id === undefined ? undefined : this.sheets.find((sheet) => String(sheet.getSheetId()) === id);
  }

  /** Sheets no key claims, by title or adoption: candidates for adoption by header. */
  unclaimed(): Sheet[] {
    const ids = new Set(Object.values(this.adoptedIds()));
    return this.sheets.filter((sheet) => !ids.has(String(sheet.getSheetId())));
  }

  /** Remembers a sheet adopted under a title that does not name it. */
  adopt(key: SheetKey, sheet: Sheet): void {
    const id = String(sheet.getSheetId());
    PropertiesService.getDocumentProperties().setProperty(PROPERTY_PREFIX + key, id);
    this.adoptedIds()[key] = id;
  }

  added(_key: SheetKey, sheet: Sheet): void {
    this.sheets.push(sheet);
    this.titles.push(sheet.getName());
  }

  private adoptedIds(): Partial<Record<SheetKey, string>> {
    return (this.adopted ??= adoptedSheetIds());
  }
}

/** Sheet IDs setup remembered for sheets it adopted under the user's own titles, by sheet key. */
export function adoptedSheetIds(): Partial<Record<SheetKey, string>> {
  const properties = PropertiesService.getDocumentProperties().getProperties();
  const ids: Partial<Record<SheetKey, string>> = {};
  for (const name in properties) {
    if (name.startsWith(PROPERTY_PREFIX)) ids[name.slice(PROPERTY_PREFIX.length) as SheetKey] = properties[name];
  }
  return ids;
}
