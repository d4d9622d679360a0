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
  private adopted: Record<string, string> | undefined;

  constructor(readonly spreadsheet: Spreadsheet) {
    this.sheets = spreadsheet.getSheets();
  }

  find(key: SheetKey): Sheet | undefined {
    const byTitle = this.sheets.find((sheet) => titleMatches(sheetDef(key), sheet.getName()));
    if (byTitle) return byTitle;
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
  }

  private adoptedIds(): Record<string, string> {
    this.adopted ??= PropertiesService.getDocumentProperties().getProperties();
    return this.adopted;
  }
}
