/**
 * Writes for several sheets as one Values.batchUpdate of the Sheets API: all of an operation's
 * writes land together or not at all, so a save that touches several sheets (progress and the
 * task's %, an acceptance and the task's status) is never left half done (SPEC §3.4). Values go as
 * typed input (USER_ENTERED): a Date as its wall-clock text in the spreadsheet's zone, so Sheets
 * stores a date; text with the apostrophe that keeps it text. Rows past a sheet's end are added
 * first, in one Spreadsheets.batchUpdate.
 */
import { columnLetter, sheetPrefix } from './a1';
import { wallDateTime } from '../domain/calendar';
import type { Cell } from './placement';
import { literalInput } from './typedInput';

type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;

/** A sheet as the batch writes to it: rowCount grows as rows are queued past it. */
export interface BatchSheet {
  readonly title: string;
  readonly sheetId: number;
  rowCount: number;
}

export function sheetsApi(): GoogleAppsScript.Sheets {
  // The manifest enables the service; without it the add-on is misconfigured, not the workbook.
  if (typeof Sheets === 'undefined' || !Sheets)
    throw new Error('The Advanced Sheets service is not enabled in appsscript.json.');
  return Sheets;
}

/** The last range queued, kept open so that the next block right below it, as wide, joins it. */
interface OpenRange {
  readonly sheet: BatchSheet;
  readonly row: number;
  readonly column: number;
  readonly width: number;
  lastRow: number;
  readonly entry: ValueRange & { values: (string | number | boolean)[][] };
}

export class WriteBatch {
  private readonly data: ValueRange[] = [];
  private readonly growth = new Map<number, number>();
  private open: OpenRange | undefined;

  constructor(
    private readonly spreadsheetId: string,
    private readonly timeZone: string,
  ) {}

  get isEmpty(): boolean {
    return this.data.length === 0;
  }

  /** Queues `lines` at (row, column), 1-based, growing the sheet's row count if they end past it. */
  queue(sheet: BatchSheet, row: number, column: number, lines: readonly (readonly Cell[])[]): void {
    const width = lines[0]?.length ?? 0;
    if (width === 0) return;
    const lastRow = row + lines.length - 1;
    if (lastRow > sheet.rowCount) {
      this.growth.set(sheet.sheetId, (this.growth.get(sheet.sheetId) ?? 0) + lastRow - sheet.rowCount);
      sheet.rowCount = lastRow;
    }
    const values = lines.map((line) => line.map((cell) => this.typed(cell)));
    // A status column marked row after row (the send ledger's) goes as one range, not thousands.
    const open = this.open;
    if (open && open.sheet === sheet && open.column === column && open.width === width && open.lastRow + 1 === row) {
      open.entry.values.push(...values);
      open.lastRow = lastRow;
      open.entry.range = rangeA1(sheet, open.row, column, width, lastRow);
      return;
    }
    const entry = { range: rangeA1(sheet, row, column, width, lastRow), values };
    this.data.push(entry);
    this.open = { sheet, row, column, width, lastRow, entry };
  }

  /** Sends everything queued: the rows sheets need, then every value in one call. */
  flush(): void {
    const api = sheetsApi();
    if (this.growth.size > 0) {
      const requests = [...this.growth].map(([sheetId, length]) => ({
        appendDimension: { sheetId, dimension: 'ROWS', length },
      }));
      api.Spreadsheets!.batchUpdate({ requests }, this.spreadsheetId);
      this.growth.clear();
    }
    if (this.data.length > 0) {
      this.open = undefined;
      api.Spreadsheets!.Values!.batchUpdate(
        { valueInputOption: 'USER_ENTERED', data: this.data.splice(0) },
        this.spreadsheetId,
      );
    }
  }

  private typed(cell: Cell): string | number | boolean {
    if (typeof cell !== 'object') return literalInput(cell);
    // A date at midnight goes as the date alone: in a cell Sheets formats automatically (a due
    // date's) it then shows as a date, not "2024-07-15 00:00" (SPEC §2 "Layout for people"). The
    // value is the same; a cell with a format keeps it.
    const text = wallDateTime(cell, this.timeZone);
    return text.endsWith(' 00:00:00') ? text.slice(0, 10) : text;
  }
}

function rangeA1(sheet: BatchSheet, row: number, column: number, width: number, lastRow: number): string {
  return `${sheetPrefix(sheet.title)}${columnLetter(column)}${row}:${columnLetter(column + width - 1)}${lastRow}`;
}
