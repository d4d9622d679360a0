/**
 * The workbook through the Advanced Sheets service (Sheets API v4), for the operations that read
 * nearly every table, above all the hourly scan: one Spreadsheets.get for titles, sheet IDs, time
 * zone and locale, one Values.batchGet for every add-on sheet, and at commit one Values.batchUpdate
 * for every changed cell (after one Spreadsheets.batchUpdate when appended rows need more rows).
 * Through SpreadsheetApp the same work costs a call per sheet title and two per sheet read or
 * written, so the count would grow with the sheets a workbook collects.
 *
 * Values are read unformatted with dates as serial numbers (Table turns those under date columns
 * into Dates) and written as typed (USER_ENTERED), like SpreadsheetApp's setValues: a Date goes as
 * its wall-clock text, so Sheets stores a date and gives a cell without a format a date format, and
 * user text gets the same apostrophe that keeps it from becoming a formula. Only changed cells are
 * written, so a formula the add-on did not change is never replaced by its value.
 */
import { columnLetter, quotedTitle, sheetPrefix } from '../domain/a1';
import { wallDateTime } from '../domain/calendar';
import { SHEET_ORDER, sheetDef, titleMatches, type ColumnKey, type SheetKey } from '../domain/schema';
import { adoptedSheetIds } from './sheets';
import type { TableSource } from './sheets';
import { neutralize, Table, type Cell, type TableRow, type TableStore } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;

interface SheetInfo {
  readonly title: string;
  readonly sheetId: number;
  rowCount: number;
}

const METADATA_FIELDS =
  'spreadsheetUrl,properties(timeZone,locale),sheets.properties(sheetId,title,gridProperties.rowCount)';

function sheetsApi(): GoogleAppsScript.Sheets {
  // The manifest enables the service; without it the add-on is misconfigured, not the workbook.
  if (typeof Sheets === 'undefined' || !Sheets)
    throw new Error('The Advanced Sheets service is not enabled in appsscript.json.');
  return Sheets;
}

export class SheetsApiSource implements TableSource {
  private readonly found = new Map<SheetKey, SheetInfo>();
  private readonly grids = new Map<SheetKey, Cell[][]>();
  private readonly handles = new Map<SheetKey, Sheet>();
  private readonly data: ValueRange[] = [];
  private readonly growth = new Map<number, number>();

  private constructor(
    readonly spreadsheet: Spreadsheet,
    private readonly spreadsheetId: string,
    private readonly spreadsheetUrl: string,
    readonly timeZone: string,
    readonly locale: string,
  ) {}

  /** Reads every add-on sheet of the spreadsheet: two Sheets API calls, whatever its size. */
  static open(spreadsheet: Spreadsheet): SheetsApiSource {
    const api = sheetsApi();
    const id = spreadsheet.getId();
    const metadata = api.Spreadsheets!.get(id, { fields: METADATA_FIELDS });
    const source = new SheetsApiSource(
      spreadsheet,
      id,
      metadata.spreadsheetUrl ?? '',
      metadata.properties?.timeZone ?? '',
      metadata.properties?.locale ?? '',
    );
    const sheets: SheetInfo[] = (metadata.sheets ?? []).map(({ properties }) => ({
      title: properties?.title ?? '',
      sheetId: properties?.sheetId ?? 0,
      rowCount: properties?.gridProperties?.rowCount ?? 0,
    }));
    let adopted: Record<string, string> | undefined;
    for (const key of SHEET_ORDER) {
      let sheet = sheets.find((info) => titleMatches(sheetDef(key), info.title));
      if (!sheet) {
        // Sheets setup adopted under the user's own title; read only when a title does not match.
        adopted ??= adoptedSheetIds();
        const adoptedId = adopted[key];
        sheet = adoptedId === undefined ? undefined : sheets.find((info) => String(info.sheetId) === adoptedId);
      }
      if (sheet) source.found.set(key, sheet);
    }
    const keys = [...source.found.keys()];
    if (keys.length === 0) return source;
    const response = api.Spreadsheets!.Values!.batchGet(id, {
      ranges: keys.map((key) => quotedTitle(source.found.get(key)!.title)),
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    keys.forEach((key, i) => source.grids.set(key, (response.valueRanges?.[i]?.values ?? []) as Cell[][]));
    return source;
  }

  url(): string {
    return this.spreadsheetUrl;
  }

  has(key: SheetKey): boolean {
    return this.found.has(key);
  }

  /** The SpreadsheetApp handle, fetched on first use: most of a scan never needs one. */
  find(key: SheetKey): Sheet | undefined {
    let sheet = this.handles.get(key);
    const info = this.found.get(key);
    if (!sheet && info) {
      sheet = this.spreadsheet.getSheetByName(info.title) ?? undefined;
      if (sheet) this.handles.set(key, sheet);
    }
    return sheet;
  }

  sheetId(key: SheetKey): number | undefined {
    return this.found.get(key)?.sheetId;
  }

  values(key: SheetKey): Cell[][] | undefined {
    return this.grids.get(key);
  }

  read<S extends SheetKey>(key: S): Table<ColumnKey<S>> | undefined {
    const info = this.found.get(key);
    const grid = this.grids.get(key);
    if (info && grid) return new Table(new BatchStore(this, key, info), sheetDef(key), grid, this.timeZone);
    // A sheet this operation inserted was not in the batch: it is read as it is now.
    const sheet = info && this.find(key);
    return sheet && Table.read(sheet, key, this.timeZone);
  }

  /** A sheet inserted by this operation; its table, if asked for, is read through SpreadsheetApp. */
  added(key: SheetKey, sheet: Sheet): void {
    this.found.set(key, { title: sheet.getName(), sheetId: sheet.getSheetId(), rowCount: sheet.getMaxRows() });
    this.handles.set(key, sheet);
  }

  /** Every table's changes in one Values.batchUpdate, after one request growing the sheets that need it. */
  commit(tables: Iterable<Table<string>>): void {
    for (const table of tables) table.commit();
    const api = sheetsApi();
    if (this.growth.size > 0) {
      const requests = [...this.growth].map(([sheetId, length]) => ({
        appendDimension: { sheetId, dimension: 'ROWS', length },
      }));
      api.Spreadsheets!.batchUpdate({ requests }, this.spreadsheetId);
      this.growth.clear();
    }
    if (this.data.length > 0) {
      api.Spreadsheets!.Values!.batchUpdate(
        { valueInputOption: 'USER_ENTERED', data: this.data.splice(0) },
        this.spreadsheetId,
      );
    }
  }

  /** Queues `lines` at (row, column), 1-based, growing the sheet's row count if they end past it. */
  queue(info: SheetInfo, row: number, column: number, lines: Cell[][]): void {
    const lastRow = row + lines.length - 1;
    if (lastRow > info.rowCount) {
      this.growth.set(info.sheetId, (this.growth.get(info.sheetId) ?? 0) + lastRow - info.rowCount);
      info.rowCount = lastRow;
    }
    const width = lines[0]?.length ?? 1;
    const range = `${sheetPrefix(info.title)}${columnLetter(column)}${row}:${columnLetter(column + width - 1)}${lastRow}`;
    this.data.push({ range, values: lines.map((line) => line.map((cell) => this.typed(cell))) });
  }

  /** A cell as typed input: a Date as its wall-clock text in the spreadsheet's zone. */
  private typed(cell: Cell): string | number | boolean {
    return typeof cell === 'object' ? wallDateTime(cell, this.timeZone) : neutralize(cell);
  }
}

/** A table's writes, queued on its source until the workbook commits. */
class BatchStore implements TableStore {
  constructor(
    private readonly source: SheetsApiSource,
    private readonly key: SheetKey,
    private readonly info: SheetInfo,
  ) {}

  get sheet(): Sheet {
    const sheet = this.source.find(this.key);
    if (!sheet) throw new Error(`Sheet "${this.info.title}" is gone.`);
    return sheet;
  }

  /** Each changed column is written in runs of consecutive changed rows: no unchanged cell is written. */
  writeChanges(changed: readonly TableRow<string>[]): void {
    const rowsByColumn = new Map<number, TableRow<string>[]>();
    for (const row of changed) {
      for (const column of row.changed) {
        let rows = rowsByColumn.get(column);
        if (!rows) rowsByColumn.set(column, (rows = []));
        rows.push(row);
      }
    }
    for (const [column, rows] of rowsByColumn) {
      let start = 0;
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i]!.rowNumber === rows[i - 1]!.rowNumber + 1) continue;
        const run = rows.slice(start, i);
        this.source.queue(
          this.info,
          run[0]!.rowNumber,
          column + 1,
          run.map((row) => [row.cells[column] ?? '']),
        );
        start = i;
      }
    }
  }

  writeLines(firstRow: number, firstColumn: number, lines: Cell[][]): void {
    if ((lines[0]?.length ?? 0) > 0) this.source.queue(this.info, firstRow, firstColumn, lines);
  }
}
