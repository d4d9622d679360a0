/**
 * Finding the add-on's sheets: by title in either language (or an alias), or, for a sheet setup
 * adopted under the user's own title, by the sheet ID setup remembered in document properties.
 */
import { sheetDef, titleMatches, type SheetKey } from '../domain/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PROPERTY_PREFIX = 'collabDesk.sheet.';

export class SheetDirectory {
  private readonly sheets: Sheet[];
  /** Titles read once: every getName is a call to Google's servers. */
  private readonly titles: string[];
  private adopted: Record<string, string> | undefined;

  constructor(readonly spreadsheet: Spreadsheet) {
    this.sheets = spreadsheet.getSheets();
    this.titles = this.sheets.map((sheet) => sheet.getName());
  }

  find(key: SheetKey): Sheet | undefined {
    const position = this.titles.findIndex((title) => titleMatches(sheetDef(key), title));
    if (position >= 0) return this.sheets[position];
    const id = this.adoptedIds()[PROPERTY_PREFIX + key];
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
    this.adoptedIds()[PROPERTY_PREFIX + key] = id;
  }

  added(sheet: Sheet): void {
    this.sheets.push(sheet);
    this.titles.push(sheet.getName());
  }

  private adoptedIds(): Record<string, string> {
    this.adopted ??= PropertiesService.getDocumentProperties().getProperties();
    return this.adopted;
  }
}

/**
 * Grows the sheet so that a range ending at row `rows`, column `columns` fits: Sheets refuses a
 * range beyond getMaxRows / getMaxColumns. 0 leaves that dimension alone (and costs no call).
 */
export function growToFit(sheet: Sheet, rows: number, columns: number): void {
  if (rows > 0) {
    const maxRows = sheet.getMaxRows();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  }
  if (columns > 0) {
    const maxColumns = sheet.getMaxColumns();
    if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  }
}
