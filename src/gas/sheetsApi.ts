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
 * text gets the apostrophe that keeps it text. Only changed cells are written, so a formula the
 * add-on did not change is never replaced by its value. Just before writing, one more batchGet
 * re-reads the header, the ID column and the changed columns of each sheet written (placement.ts).
 */
import { columnLetter, quotedTitle, sheetPrefix } from './a1';
import { mapHeaders, SHEET_ORDER, sheetDef, titleMatches, type ColumnKey, type SheetKey } from '../domain/schema';
import { filledLength, placeChanges, rowsById, type SheetNow, type SkippedWrite, type TableChange } from './placement';
import { parseProgressMark, PROGRESS_MARK_KEY } from './automationRecord';
import { parseSheetIds, rememberSheetIds, SHEET_IDS_KEY, type SheetTail, type TableSource } from './sheets';
import { forEachBlock } from './cellRuns';
import { sheetNowOf, Table, type Cell, type TableStore } from './table';
import { sheetsApi, WriteBatch, type BatchSheet } from './writeBatch';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

type SheetInfo = BatchSheet;

/** Ranges per Values.batchGet when reading scattered rows: its ranges travel in the request's URL. */
const RANGES_PER_READ = 100;

const METADATA_FIELDS =
  'spreadsheetUrl,properties(timeZone,locale),sheets.properties(sheetId,title,gridProperties(rowCount,columnCount)),' +
  'developerMetadata(metadataKey,metadataValue)';

export class SheetsApiSource implements TableSource {
  private readonly found = new Map<SheetKey, SheetInfo>();
  private readonly grids = new Map<SheetKey, Cell[][]>();
  private readonly tails = new Map<SheetKey, { first: number; values: Cell[][] }>();
  private readonly handles = new Map<SheetKey, Sheet>();
  private readonly batch: WriteBatch;
  /** Table changes waiting for commit to re-read their sheets and place them. */
  private readonly staged: { info: SheetInfo; change: TableChange }[] = [];

  private constructor(
    readonly spreadsheet: Spreadsheet,
    private readonly spreadsheetId: string,
    private readonly spreadsheetUrl: string,
    readonly timeZone: string,
    readonly locale: string,
  ) {
    this.batch = new WriteBatch(spreadsheetId, timeZone);
  }

  /**
   * Reads every add-on sheet of the spreadsheet: two Sheets API calls, whatever its size. Progress
   * is read from the scan's high-water mark on when there is one (`tail`); a table of it, if some
   * use case asks for one, is then read whole through SpreadsheetApp.
   */
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
    const sheets: (SheetInfo & { columnCount: number })[] = (metadata.sheets ?? []).map(({ properties }) => ({
      title: properties?.title ?? '',
      sheetId: properties?.sheetId ?? 0,
      rowCount: properties?.gridProperties?.rowCount ?? 0,
      columnCount: properties?.gridProperties?.columnCount ?? 26,
    }));
    const metadataOf = (key: string) =>
      metadata.developerMetadata?.find((entry) => entry.metadataKey === key)?.metadataValue;
    const ids = parseSheetIds(metadataOf(SHEET_IDS_KEY));
    const mark = parseProgressMark(metadataOf(PROGRESS_MARK_KEY));
    for (const key of SHEET_ORDER) {
      const sheet =
        sheets.find((info) => info.sheetId === ids[key]) ??
        sheets.find((info) => titleMatches(sheetDef(key), info.title));
      if (sheet) source.found.set(key, sheet);
    }
    const keys = [...source.found.keys()];
    if (keys.length === 0) return source;
    const progress = source.found.get('progress');
    const tailed = mark && progress && mark.row <= progress.rowCount ? progress : undefined;
    const whole = keys.filter((key) => source.found.get(key) !== tailed);
    const ranges = whole.map((key) => quotedTitle(source.found.get(key)!.title));
    if (tailed && mark) {
      const prefix = sheetPrefix(tailed.title);
      const columns = sheets.find((info) => info.sheetId === tailed.sheetId)?.columnCount ?? 26;
      ranges.push(`${prefix}1:1`, `${prefix}A${mark.row}:${columnLetter(Math.max(1, columns))}`);
    }
    const response = api.Spreadsheets!.Values!.batchGet(id, {
      ranges,
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    const values = (i: number) => (response.valueRanges?.[i]?.values ?? []) as Cell[][];
    whole.forEach((key, i) => source.grids.set(key, values(i)));
    if (tailed && mark) {
      const header = values(whole.length)[0] ?? [];
      source.tails.set('progress', { first: mark.row, values: [header, ...values(whole.length + 1)] });
    }
    return source;
  }

  url(): string {
    return this.spreadsheetUrl;
  }

  /** The sheet as read from a row on, when it was (see open). */
  tail<S extends SheetKey>(key: S): SheetTail<ColumnKey<S>> | undefined {
    const tail = this.tails.get(key);
    const info = this.found.get(key);
    if (!tail || !info) return undefined;
    const table = (values: Cell[][]) =>
      new Table<ColumnKey<S>>(new BatchStore(this, key, info), sheetDef(key), values, this.timeZone);
    const read = table(tail.values);
    const prefix = sheetPrefix(info.title);
    const header = tail.values[0] ?? [];
    return {
      first: tail.first,
      table: read,
      columnsAbove: (keys) => {
        const last = tail.first - 1;
        if (last < 2) return [];
        const columns = keys.map((column) => read.positions[column]);
        const ranges = columns.flatMap((at) =>
          at === undefined ? [] : [`${prefix}${columnLetter(at + 1)}2:${columnLetter(at + 1)}${last}`],
        );
        const got = ranges.length > 0 ? this.batchGet(ranges) : [];
        let range = 0;
        return columns.map((at) => {
          const rows = at === undefined ? [] : (got[range++] ?? []);
          return Array.from({ length: last - 1 }, (_, i) => rows[i]?.[0] ?? '');
        });
      },
      rowsAt: (rows) => {
        const runs: [number, number][] = [];
        for (const row of rows) {
          const run = runs[runs.length - 1];
          if (run && row === run[1] + 1) run[1] = row;
          else runs.push([row, row]);
        }
        const end = columnLetter(Math.max(1, header.length));
        const lines: Cell[][] = [header];
        for (let from = 0; from < runs.length; from += RANGES_PER_READ) {
          const chunk = runs.slice(from, from + RANGES_PER_READ);
          const got = this.batchGet(chunk.map(([top, bottom]) => `${prefix}A${top}:${end}${bottom}`));
          chunk.forEach(([top, bottom], i) => {
            for (let row = top; row <= bottom; row++) lines.push(got[i]?.[row - top] ?? []);
          });
        }
        return table(lines);
      },
    };
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
    const ids: Partial<Record<SheetKey, number>> = {};
    for (const [known, info] of this.found) ids[known] = info.sheetId;
    rememberSheetIds(this.spreadsheet, ids);
  }

  /** Every table's changes in one Values.batchUpdate, after one request growing the sheets that need it. */
  commit(tables: Iterable<Table<string>>): readonly SkippedWrite[] {
    for (const table of tables) table.commit();
    const skipped = this.placeStaged();
    this.batch.flush();
    return skipped;
  }

  stage(info: SheetInfo, change: TableChange): void {
    this.staged.push({ info, change });
  }

  /**
   * Re-reads what the staged changes need, for every sheet in one batchGet (a second one only for
   * a sheet whose columns moved since the read), and queues each change where it lands now.
   */
  private placeStaged(): SkippedWrite[] {
    const staged = this.staged.splice(0);
    if (staged.length === 0) return [];
    const plans = staged.map(({ info, change }) => rereadPlan(info, change));
    const response = this.batchGet(plans.flatMap((plan) => plan.ranges));
    let offset = 0;
    const nows: (SheetNow | undefined)[] = plans.map((plan) => {
      const ranges = response.slice(offset, (offset += plan.ranges.length));
      return plan.build(ranges);
    });
    const placements = staged.map(({ change }, i) => {
      const now = nows[i];
      return now && placeChanges(change, now);
    });
    // Columns moved, or a row not found in the window read around it: read the whole sheet.
    const again = staged.flatMap((_, i) => {
      const placement = placements[i];
      return !placement || (plans[i]!.windowed && placement.skipped.some((s) => s.reason === 'rowGone')) ? [i] : [];
    });
    if (again.length > 0) {
      const whole = this.batchGet(again.map((i) => quotedTitle(staged[i]!.info.title)));
      again.forEach((i, n) => {
        const change = staged[i]!.change;
        placements[i] = placeChanges(change, sheetNowOf(whole[n] ?? [], change.def));
      });
    }
    const skipped: SkippedWrite[] = [];
    staged.forEach(({ info }, i) => {
      const placement = placements[i]!;
      forEachBlock(placement.writes, (row, column, lines) => this.queue(info, row, column, lines));
      if (placement.appended.length > 0)
        this.queue(info, placement.appendAt, placement.appendColumn, placement.appended);
      skipped.push(...placement.skipped);
    });
    return skipped;
  }

  private batchGet(ranges: readonly string[]): Cell[][][] {
    const response = sheetsApi().Spreadsheets!.Values!.batchGet(this.spreadsheetId, {
      ranges: [...ranges],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    return ranges.map((_, i) => (response.valueRanges?.[i]?.values ?? []) as Cell[][]);
  }

  queue(info: SheetInfo, row: number, column: number, lines: Cell[][]): void {
    this.batch.queue(info, row, column, lines);
  }
}

/**
 * What to re-read of a sheet before placing a change on it, and how to see the sheet from what
 * came back: the header row; for changed rows the ID column and the changed columns where they
 * were read (a sheet without IDs: the whole sheet, rows are found by their values); for appended
 * rows the sheet from its last row as read on, to find its last row now. `build` gives undefined
 * when the header shows columns moved, or the last row read is gone: then the whole sheet is read.
 */
function rereadPlan(
  info: SheetInfo,
  change: TableChange,
): {
  ranges: string[];
  /** Only part of the sheet is read: a row not found there may be elsewhere. */
  windowed: boolean;
  build(values: Cell[][][]): SheetNow | undefined;
} {
  const prefix = sheetPrefix(info.title);
  const idColumn = change.positions['id'];
  const width = Math.max(26, ...Object.values<number | undefined>(change.positions).map((i) => (i ?? 0) + 1));
  // A row without an ID (yet) is found by everything it held, so all its columns are needed: from
  // the ID and changed columns alone, a blank row inserted above it would look just like it. Such
  // rows (the log's, marked as their mail goes) are read from a little above the first of them to
  // the end: the log is long, and its marks are on its last rows.
  const unidentified = (row: TableChange['changed'][number]) =>
    idColumn === undefined || cellText(row.original[idColumn]) === '';
  if (change.changed.some(unidentified)) {
    const first = Math.max(2, Math.min(...change.changed.map((row) => row.rowNumber)) - WINDOW_MARGIN);
    return {
      ranges: [`${prefix}1:1`, `${prefix}A${first}:${columnLetter(width)}`],
      windowed: first > 2,
      build: ([headerRows, window]) => windowNow(headerRows?.[0] ?? [], first, window ?? []),
    };
  }
  const columns = new Set<number>();
  for (const row of change.changed) for (const column of row.columns) columns.add(column);
  if (idColumn !== undefined && columns.size > 0) columns.add(idColumn);
  const wanted = [...columns];
  const lowestChanged = Math.max(1, ...change.changed.map((row) => row.rowNumber));
  const tailStart = change.appended.length > 0 ? Math.max(2, lastReadRow(change)) : 0;
  const ranges = [
    `${prefix}1:1`,
    ...wanted.map((c) => `${prefix}${columnLetter(c + 1)}2:${columnLetter(c + 1)}`),
    ...(tailStart > 0 ? [`${prefix}A${tailStart}:${columnLetter(width)}`] : []),
  ];
  return {
    ranges,
    windowed: false,
    build([headerRows, ...rest]) {
      const header = headerRows?.[0] ?? [];
      const nowPositions = mapHeaders(change.def, header);
      for (const key in change.positions) {
        if (change.positions[key] !== nowPositions[key]) return undefined;
      }
      const columnValues = new Map<number, Cell[][]>();
      wanted.forEach((c, i) => columnValues.set(c, rest[i] ?? []));
      let lastRow = lowestChanged;
      for (const values of columnValues.values()) lastRow = Math.max(lastRow, values.length + 1);
      if (tailStart > 0) {
        const filled = filledLength(rest[wanted.length] ?? []);
        // The last row read is gone (rows deleted since): where the sheet ends now is only known from all of it.
        if (filled === 0 && tailStart > 2) return undefined;
        lastRow = filled > 0 ? tailStart + filled - 1 : Math.min(lastRow, tailStart - 1);
      }
      const ids = columnValues.get(idColumn ?? -1) ?? [];
      return {
        header,
        lastRow,
        row(row) {
          const cells: Cell[] = [];
          for (const [c, values] of columnValues) cells[c] = values[row - 2]?.[0] ?? '';
          return cells;
        },
        rowsWithId: idColumn === undefined ? undefined : rowsById(2, ids.length + 1, (row) => ids[row - 2]?.[0]),
      };
    },
  };
}

/** Rows read above the first changed row without an ID, to find it again if rows were deleted above. */
const WINDOW_MARGIN = 50;

/** The sheet as seen from its header and its rows from `first` on (all of them, to the end). */
function windowNow(header: readonly Cell[], first: number, window: readonly (readonly Cell[])[]): SheetNow {
  const filled = filledLength(window);
  return {
    header,
    lastRow: filled > 0 ? first + filled - 1 : first - 1,
    row: (row) => (row < first ? undefined : (window[row - first] ?? [])),
  };
}

/** The last row the table had when it was read (1 when only its header). */
function lastReadRow(change: TableChange): number {
  return change.readRows + 1;
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

  /** Staged on the source, which re-reads and places every table's changes at once when it commits. */
  write(change: TableChange): readonly SkippedWrite[] {
    this.source.stage(this.info, change);
    return [];
  }

  writeNew(lines: Cell[][]): void {
    if ((lines[0]?.length ?? 0) > 0) this.source.queue(this.info, 1, 1, lines);
  }
}

function cellText(cell: Cell | undefined): string {
  return typeof cell === 'string' ? cell.trim() : cell === undefined ? '' : String(cell);
}
