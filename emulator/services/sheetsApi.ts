/**
 * The Apps Script advanced Sheets service (Sheets API v4) over the emulated spreadsheet: the global
 * exists only when appsscript.json enables it, and answers with the REST resources as plain objects.
 * Emulated: Spreadsheets.get (with a `fields` mask), Values.batchGet (UNFORMATTED_VALUE with
 * SERIAL_NUMBER dates), Values.batchUpdate and Values.update (RAW, USER_ENTERED) and Spreadsheets.batchUpdate
 * (appendDimension). Anything else throws a plain Error saying it is not emulated.
 *
 * Failures of the API itself throw like Apps Script does: a GoogleJsonResponseException whose message
 * is "API call to sheets.spreadsheets.<method> failed with error: <API message>" and whose `details`
 * carry the HTTP code.
 */
import type { EmulatorContext } from '../core';
import { columnToLetters, parseA1, quoteSheetName, rectA1, type GridRect, type ParsedA1 } from '../spreadsheet/a1';
import type { EmuSpreadsheet } from '../spreadsheet';
import type { SheetModel } from '../spreadsheet/model';
import { toSerial } from '../spreadsheet/time';
import { interpretInput, isDate, rawInput, type CellInput, type CellValue } from '../spreadsheet/values';
import type { Workbook } from '../spreadsheet/workbook';

type Spreadsheet = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;
type BatchGetValuesResponse = GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse;
type BatchUpdateValuesRequest = GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest;
type BatchUpdateValuesResponse = GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse;
type UpdateValuesResponse = GoogleAppsScript.Sheets.Schema.UpdateValuesResponse;
type BatchUpdateSpreadsheetRequest = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest;
type BatchUpdateSpreadsheetResponse = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse;

export type EmulatedSheets = {
  Spreadsheets: Pick<GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection, 'get' | 'batchUpdate'> & {
    Values: Pick<
      GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection,
      'batchGet' | 'batchUpdate' | 'update'
    >;
  };
};

export interface AdvancedSheetsService {
  /** The global's name, from the manifest entry (normally "Sheets"). */
  readonly userSymbol: string;
  readonly Sheets: EmulatedSheets;
}

/**
 * Scopes the Sheets API accepts for each method (https://developers.google.com/sheets/api/scopes and the
 * "Authorization scopes" section of each method's reference page). spreadsheets.currentonly is an
 * Apps Script scope the API does not accept.
 */
const READ_SCOPES = ['spreadsheets', 'spreadsheets.readonly', 'drive', 'drive.readonly', 'drive.file'].map(
  (s) => `https://www.googleapis.com/auth/${s}`,
);
const WRITE_SCOPES = ['spreadsheets', 'drive', 'drive.file'].map((s) => `https://www.googleapis.com/auth/${s}`);

interface Manifest {
  oauthScopes?: unknown;
  dependencies?: { enabledAdvancedServices?: unknown };
}

interface ApiErrorDetails {
  code: number;
  message: string;
  errors: { message: string; domain: string; reason: string }[];
}

const REASONS: Record<number, string> = { 400: 'badRequest', 403: 'forbidden', 404: 'notFound' };

/** What Apps Script throws when the API answers with an error. */
function apiError(method: string, code: number, message: string): Error & { details: ApiErrorDetails } {
  const error = new Error(`API call to sheets.spreadsheets.${method} failed with error: ${message}`) as Error & {
    details: ApiErrorDetails;
  };
  error.name = 'GoogleJsonResponseException';
  error.details = { code, message, errors: [{ message, domain: 'global', reason: REASONS[code] ?? 'badRequest' }] };
  return error;
}

/** A plain Error, so that a test relying on unemulated behaviour fails loudly instead of passing by accident. */
function notEmulated(what: string): Error {
  return new Error(`Sheets advanced service emulator: ${what} is not emulated.`);
}

/** The service when the manifest enables it, as Apps Script does; null otherwise. */
export function createAdvancedSheetsService(
  ctx: EmulatorContext,
  spreadsheet: EmuSpreadsheet,
  manifest: unknown,
): AdvancedSheetsService | null {
  const m = (typeof manifest === 'object' && manifest !== null ? manifest : {}) as Manifest;
  const services = Array.isArray(m.dependencies?.enabledAdvancedServices) ? m.dependencies.enabledAdvancedServices : [];
  const entry = services.find((s: unknown) => (s as { serviceId?: unknown })?.serviceId === 'sheets') as
    { userSymbol?: unknown; version?: unknown } | undefined;
  if (!entry) return null;
  if (entry.version !== 'v4') throw notEmulated(`Sheets API version ${String(entry.version)}`);
  const granted = Array.isArray(m.oauthScopes) ? new Set(m.oauthScopes.map(String)) : null;
  return { userSymbol: String(entry.userSymbol ?? 'Sheets'), Sheets: createSheets(ctx, spreadsheet, granted) };
}

function createSheets(ctx: EmulatorContext, spreadsheet: EmuSpreadsheet, granted: Set<string> | null): EmulatedSheets {
  /** Records the call, then checks what the API checks first: the token's scopes, then the spreadsheet. */
  function begin(method: string, spreadsheetId: string, scopes: string[]): Workbook {
    ctx.calls.record(`Sheets.Spreadsheets.${method.replace('values.', 'Values.')}`);
    if (granted && !scopes.some((s) => granted.has(s))) {
      throw apiError(method, 403, 'Request had insufficient authentication scopes.');
    }
    if (spreadsheetId !== spreadsheet.emuId()) throw apiError(method, 404, 'Requested entity was not found.');
    return spreadsheet.emuWorkbook();
  }

  function serialOf(date: Date, timeZone: string): number {
    return toSerial(date.getTime(), timeZone);
  }

  function get(spreadsheetId: string, optionalArgs: object = {}): Spreadsheet {
    const workbook = begin('get', spreadsheetId, READ_SCOPES);
    const { fields, ...rest } = optionalArgs as { fields?: string };
    const unsupported = Object.keys(rest).filter((k) => (rest as Record<string, unknown>)[k] !== undefined);
    if (unsupported.length > 0) throw notEmulated(`Sheets.Spreadsheets.get option ${unsupported.join(', ')}`);
    const resource: Spreadsheet = {
      spreadsheetId: workbook.id,
      properties: { title: workbook.name, locale: workbook.locale, timeZone: workbook.timeZone },
      sheets: workbook.sheets.map((sheet, index) => ({
        properties: {
          sheetId: sheet.sheetId,
          title: sheet.name,
          index,
          sheetType: 'GRID',
          gridProperties: {
            rowCount: sheet.maxRows,
            columnCount: sheet.maxColumns,
            // Like every proto3 field, a count of 0 is left out of the JSON.
            ...(sheet.frozenRows > 0 ? { frozenRowCount: sheet.frozenRows } : {}),
            ...(sheet.frozenColumns > 0 ? { frozenColumnCount: sheet.frozenColumns } : {}),
          },
        },
      })),
      spreadsheetUrl: spreadsheet.emuUrl(),
      // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets#Spreadsheet (developerMetadata:
      // the metadata located on the spreadsheet itself)
      ...(workbook.developerMetadata.length > 0
        ? {
            developerMetadata: workbook.developerMetadata.map((entry) => ({
              metadataId: entry.id,
              metadataKey: entry.key,
              ...(entry.value === null ? {} : { metadataValue: entry.value }),
              location: { locationType: 'SPREADSHEET', spreadsheet: true },
              visibility: entry.visibility,
            })),
          }
        : {}),
    };
    return fields === undefined ? resource : (selectFields(resource, parseFieldMask(fields)) as Spreadsheet);
  }

  function batchGet(spreadsheetId: string, optionalArgs: object = {}): BatchGetValuesResponse {
    const method = 'values.batchGet';
    const workbook = begin(method, spreadsheetId, READ_SCOPES);
    const args = optionalArgs as {
      ranges?: string | string[];
      valueRenderOption?: string;
      dateTimeRenderOption?: string;
      majorDimension?: string;
    };
    if (args.valueRenderOption !== 'UNFORMATTED_VALUE') {
      throw notEmulated(`valueRenderOption ${args.valueRenderOption ?? 'FORMATTED_VALUE (the default)'}`);
    }
    if ((args.dateTimeRenderOption ?? 'SERIAL_NUMBER') !== 'SERIAL_NUMBER')
      throw notEmulated(`dateTimeRenderOption ${args.dateTimeRenderOption}`);
    const majorDimension = args.majorDimension ?? 'ROWS';
    if (majorDimension !== 'ROWS' && majorDimension !== 'COLUMNS')
      throw notEmulated(`majorDimension ${majorDimension}`);
    const ranges = args.ranges === undefined ? [] : ([] as string[]).concat(args.ranges);
    const targets = ranges.map((text) => {
      const target = resolveRange(workbook, text);
      if (!target) throw apiError(method, 400, `Unable to parse range: ${text}`);
      return { sheet: target.sheet, rect: readRect(method, target) };
    });
    const response: BatchGetValuesResponse = { spreadsheetId: workbook.id };
    if (targets.length === 0) return response;
    const timeZone = workbook.timeZone;
    response.valueRanges = targets.map(({ sheet, rect }) => {
      const rows = readRows(sheet, rect, (date) => serialOf(date, timeZone));
      const values = majorDimension === 'ROWS' ? rows : transpose(rows);
      const valueRange: ValueRange = { range: `${quoteSheetName(sheet.name)}!${rectA1(rect)}`, majorDimension };
      if (values.length > 0) valueRange.values = values;
      return valueRange;
    });
    return response;
  }

  type ValueInput = 'RAW' | 'USER_ENTERED';

  /** The option every values write requires, as the API checks it. */
  function valueInputOf(method: string, option: string | undefined): ValueInput {
    if (option === undefined) throw apiError(method, 400, "'valueInputOption' is required but not specified");
    if (option !== 'RAW' && option !== 'USER_ENTERED') throw notEmulated(`valueInputOption ${option}`);
    return option;
  }

  /**
   * Checks and interprets one ValueRange without changing anything; `at` prefixes error messages in a
   * batch ("Invalid data[0]: "), '' for a single update.
   */
  function planWrite(method: string, workbook: Workbook, entry: ValueRange, at: string, valueInput: ValueInput) {
    const prefix = at === '' ? '' : `Invalid ${at}: `;
    const text = String(entry.range);
    const target = resolveRange(workbook, text);
    if (!target) throw apiError(method, 400, `${prefix}Unable to parse range: ${text}`);
    const rows = rowsOf(entry, at || 'values');
    const rect = writeRect(text, target, rows);
    if (typeof rect === 'string') throw apiError(method, 400, `${prefix}${rect}`);
    const { sheet } = target;
    const inputs: (CellInput | undefined)[][] = new Array(rows.length);
    let cells = 0;
    const columnUsed = new Uint8Array(rect.numCols);
    const usedRows: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const line = rows[i] ?? [];
      const inputLine: (CellInput | undefined)[] = new Array(line.length);
      for (let j = 0; j < line.length; j++) {
        const raw = line[j];
        if (raw === null || raw === undefined) continue; // "Null values will be skipped."
        const cell = checkedCell(raw, `${at || 'values'}${at ? '.values' : ''}[${i}][${j}]`);
        checkProtection(method, prefix, sheet, rect.row + i, rect.col + j);
        const format = sheet.numberFormats.get(rect.row - 1 + i, rect.col - 1 + j);
        inputLine[j] =
          valueInput === 'RAW' ? rawInput(cell, workbook.timeZone, format) : interpretInput(cell, workbook, format);
        cells++;
        columnUsed[j] = 1;
        if (usedRows[usedRows.length - 1] !== rect.row + i) usedRows.push(rect.row + i);
      }
      inputs[i] = inputLine;
    }
    const usedColumns: number[] = [];
    columnUsed.forEach((used, j) => {
      if (used) usedColumns.push(rect.col + j);
    });
    return { sheet, rect, inputs, cells, usedRows, usedColumns };
  }

  /**
   * A cell the user may not edit fails the whole call with HTTP 400 and Sheets' protection text (the
   * API applies all or nothing); a null cell is skipped, so it is never checked.
   */
  function checkProtection(method: string, prefix: string, sheet: SheetModel, row: number, col: number): void {
    try {
      spreadsheet.emuSheetOf(sheet).emuCheckEdit({ row, col, numRows: 1, numCols: 1 });
    } catch (error) {
      throw apiError(method, 400, `${prefix}${(error as Error).message}`);
    }
  }

  type PlannedWrite = ReturnType<typeof planWrite>;

  function applyWrite(workbook: Workbook, { sheet, rect, inputs, cells, usedRows, usedColumns }: PlannedWrite) {
    if (cells > 0) sheet.store(rect, inputs);
    return withoutZeros<UpdateValuesResponse>({
      spreadsheetId: workbook.id,
      updatedRange: `${quoteSheetName(sheet.name)}!${rectA1(rect)}`,
      updatedRows: usedRows.length,
      updatedColumns: usedColumns.length,
      updatedCells: cells,
    });
  }

  function valuesBatchUpdate(resource: BatchUpdateValuesRequest, spreadsheetId: string): BatchUpdateValuesResponse {
    const method = 'values.batchUpdate';
    const workbook = begin(method, spreadsheetId, WRITE_SCOPES);
    const { valueInputOption, includeValuesInResponse, data = [] } = resource ?? {};
    const valueInput = valueInputOf(method, valueInputOption);
    if (includeValuesInResponse) throw notEmulated('includeValuesInResponse');
    workbook.beforeWrite();
    // Everything is checked and interpreted before the first cell changes: the API applies all or nothing.
    const writes = data.map((entry, index) => planWrite(method, workbook, entry, `data[${index}]`, valueInput));

    const touchedRows = new Set<string>();
    const touchedColumns = new Set<string>();
    const touchedSheets = new Set<SheetModel>();
    let totalCells = 0;
    const responses = writes.map((write) => {
      const { sheet, cells, usedRows, usedColumns } = write;
      for (const r of usedRows) touchedRows.add(`${sheet.sheetId}:${r}`);
      for (const c of usedColumns) touchedColumns.add(`${sheet.sheetId}:${c}`);
      if (cells > 0) touchedSheets.add(sheet);
      totalCells += cells;
      return applyWrite(workbook, write);
    });
    return withoutZeros<BatchUpdateValuesResponse>({
      spreadsheetId: workbook.id,
      totalUpdatedRows: touchedRows.size,
      totalUpdatedColumns: touchedColumns.size,
      totalUpdatedCells: totalCells,
      totalUpdatedSheets: touchedSheets.size,
      ...(responses.length > 0 ? { responses } : {}),
    });
  }

  /** Values.update(resource, spreadsheetId, range, { valueInputOption }): one ValueRange at `range`. */
  function valuesUpdate(
    resource: ValueRange,
    spreadsheetId: string,
    range: string,
    optionalArgs: object = {},
  ): UpdateValuesResponse {
    const method = 'values.update';
    const workbook = begin(method, spreadsheetId, WRITE_SCOPES);
    const { valueInputOption, ...rest } = optionalArgs as { valueInputOption?: string };
    const valueInput = valueInputOf(method, valueInputOption);
    const unsupported = Object.keys(rest).filter((k) => (rest as Record<string, unknown>)[k] !== undefined);
    if (unsupported.length > 0) throw notEmulated(`Sheets.Spreadsheets.Values.update option ${unsupported.join(', ')}`);
    workbook.beforeWrite();
    return applyWrite(workbook, planWrite(method, workbook, { ...resource, range }, '', valueInput));
  }

  function batchUpdate(resource: BatchUpdateSpreadsheetRequest, spreadsheetId: string): BatchUpdateSpreadsheetResponse {
    const method = 'batchUpdate';
    const workbook = begin(method, spreadsheetId, WRITE_SCOPES);
    workbook.beforeWrite();
    const { requests = [], ...options } = resource ?? {};
    if (Object.values(options).some(Boolean))
      throw notEmulated(`Sheets.Spreadsheets.batchUpdate options ${Object.keys(options).join(', ')}`);
    // Validate every request before applying any: "If any request is not valid then the entire request will fail".
    const growths = requests.map((request, index) => {
      const kinds = Object.keys(request ?? {});
      if (kinds.length !== 1 || kinds[0] !== 'appendDimension') {
        throw notEmulated(`Sheets.Spreadsheets.batchUpdate request ${kinds.join('+') || '{}'}`);
      }
      const { sheetId = 0, dimension, length } = request.appendDimension ?? {};
      const at = `Invalid requests[${index}].appendDimension`;
      const sheet = workbook.sheets.find((s) => s.sheetId === sheetId);
      if (!sheet) throw apiError(method, 400, `${at}: No grid with id: ${sheetId}`);
      if (dimension !== 'ROWS' && dimension !== 'COLUMNS')
        throw apiError(method, 400, `${at}: dimension must be ROWS or COLUMNS`);
      if (!Number.isInteger(length) || (length as number) < 1)
        throw apiError(method, 400, `${at}: length must be at least 1`);
      return { sheet, dimension, length: length as number };
    });
    // Appended rows and columns are blank: nothing is copied from the last row or column.
    for (const { sheet, dimension, length } of growths) {
      if (dimension === 'ROWS') sheet.maxRows += length;
      else sheet.maxColumns += length;
    }
    return { spreadsheetId: workbook.id, replies: growths.map(() => ({})) };
  }

  return {
    Spreadsheets: {
      get,
      batchUpdate,
      Values: { batchGet, batchUpdate: valuesBatchUpdate, update: valuesUpdate },
    },
  };
}

// --- ranges ---------------------------------------------------------------------------------

interface Target {
  sheet: SheetModel;
  /** Undefined for a sheet title alone: the whole grid. */
  a1?: ParsedA1;
}

/**
 * "Title", "'It''s'", "Title!A1:C10", "'My sheet'!A:C" or "A1:B2" (the first sheet), as the API reads
 * ranges (https://developers.google.com/sheets/api/guides/concepts#cell); null when it cannot.
 */
function resolveRange(workbook: Workbook, text: string): Target | null {
  let title: string | undefined;
  let cells: string | undefined;
  if (text.startsWith("'")) {
    const quoted = /^'((?:[^']|'')*)'(?:!(.*))?$/s.exec(text);
    if (!quoted) return null;
    title = (quoted[1] ?? '').replace(/''/g, "'");
    cells = quoted[2];
  } else if (workbook.sheetByName(text)) {
    title = text;
  } else {
    const bang = text.lastIndexOf('!');
    title = bang >= 0 ? text.slice(0, bang) : undefined;
    cells = bang >= 0 ? text.slice(bang + 1) : text;
  }
  const sheet = title === undefined ? workbook.sheets[0] : workbook.sheetByName(title);
  if (!sheet) return null;
  if (cells === undefined) return { sheet };
  if (cells.includes('!')) return null;
  try {
    return { sheet, a1: parseA1(cells) };
  } catch {
    return null;
  }
}

/** The reference as written, open ends kept ("A1001:B", "AA1:2"), for grid-limit messages. */
function describeA1(a1: ParsedA1): string {
  const part = (row?: number, col?: number) => `${col === undefined ? '' : columnToLetters(col)}${row ?? ''}`;
  const start = part(a1.row, a1.col);
  return a1.row !== undefined && a1.col !== undefined && a1.row === a1.endRow && a1.col === a1.endCol
    ? start
    : `${start}:${part(a1.endRow, a1.endCol)}`;
}

function gridLimitMessage(sheet: SheetModel, a1: string): string {
  return `Range (${quoteSheetName(sheet.name)}!${a1}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`;
}

/**
 * The cells a read covers. A range starting outside the grid is refused as the API refuses it; one
 * that only ends outside is cut to the grid (a guess: the API's answer there is not documented).
 */
function readRect(method: string, { sheet, a1 }: Target): GridRect {
  const row = a1?.row ?? 1;
  const col = a1?.col ?? 1;
  if (a1 && (row > sheet.maxRows || col > sheet.maxColumns))
    throw apiError(method, 400, gridLimitMessage(sheet, describeA1(a1)));
  const endRow = Math.min(a1?.endRow ?? sheet.maxRows, sheet.maxRows);
  const endCol = Math.min(a1?.endCol ?? sheet.maxColumns, sheet.maxColumns);
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 };
}

/**
 * The cells a write covers: the data's extent from the range's top-left cell. A single cell or a sheet
 * title is only where the data starts; a range's explicit end bounds it; the grid bounds everything.
 * Returns the API's message when the data does not fit.
 */
function writeRect(text: string, { sheet, a1 }: Target, rows: readonly (readonly unknown[])[]): GridRect | string {
  const row = a1?.row ?? 1;
  const col = a1?.col ?? 1;
  const numRows = Math.max(rows.length, 1);
  const numCols = Math.max(1, ...rows.map((line) => line.length));
  const singleCell = a1 !== undefined && a1.row === a1.endRow && a1.col === a1.endCol;
  if (a1 && !singleCell && a1.endRow !== undefined && row + rows.length - 1 > a1.endRow) {
    return `Requested writing within range [${text}], but tried writing to row [${a1.endRow + 1}]`;
  }
  if (a1 && !singleCell && a1.endCol !== undefined && col + numCols - 1 > a1.endCol) {
    return `Requested writing within range [${text}], but tried writing to column [${columnToLetters(a1.endCol + 1)}]`;
  }
  const rect = { row, col, numRows, numCols };
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns)
    return gridLimitMessage(sheet, rectA1(rect));
  return rect;
}

// --- values ---------------------------------------------------------------------------------

/**
 * The values of `rect` as the API gives them: trailing empty rows and trailing empty cells of each row
 * left out, '' for empty cells before the last value of a row, dates as serial numbers.
 */
function readRows(sheet: SheetModel, rect: GridRect, serial: (date: Date) => number): (string | number | boolean)[][] {
  const rows: (string | number | boolean)[][] = [];
  let line: (string | number | boolean)[] = [];
  let lineIndex = -1;
  sheet.visitValues(rect, (i, j, value: CellValue) => {
    if (value === '') return;
    if (i !== lineIndex) {
      while (rows.length < i) rows.push([]);
      line = [];
      rows.push(line);
      lineIndex = i;
    }
    while (line.length < j) line.push('');
    line.push(value instanceof Date ? serial(value) : value);
  });
  return rows;
}

/** Rows to columns, each column cut after its last value. */
function transpose<T>(rows: readonly (readonly T[])[]): (T | '')[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const columns: (T | '')[][] = [];
  for (let c = 0; c < width; c++) {
    let last = -1;
    rows.forEach((r, i) => {
      if (c < r.length && r[c] !== '') last = i;
    });
    const column: (T | '')[] = [];
    for (let i = 0; i <= last; i++) column.push(rows[i]?.[c] ?? '');
    columns.push(column);
  }
  return columns;
}

/** The data of one ValueRange as rows, whatever its majorDimension. */
function rowsOf(entry: ValueRange, at: string): unknown[][] {
  const values: unknown = entry.values ?? [];
  if (!Array.isArray(values) || !values.every(Array.isArray))
    throw notEmulated(`${at}.values that is not an array of arrays`);
  const dimension = entry.majorDimension ?? 'ROWS';
  if (dimension === 'ROWS') return values;
  if (dimension !== 'COLUMNS') throw notEmulated(`majorDimension ${dimension}`);
  const height = Math.max(0, ...values.map((column: unknown[]) => column.length));
  return Array.from({ length: height }, (_, i) => values.map((column: unknown[]) => column[i]));
}

/**
 * The API takes strings, finite numbers and booleans. How Apps Script sends a JavaScript Date or an
 * object inside a request is not known here, so those fail loudly rather than be guessed.
 */
function checkedCell(raw: unknown, at: string): string | number | boolean {
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (isDate(raw)) throw notEmulated(`a Date in ${at} (write a serial number or a date string instead)`);
  throw notEmulated(`the value ${String(raw)} (${typeof raw}) in ${at}`);
}

/** Like the API's JSON, which leaves out numbers that are 0. */
function withoutZeros<T extends object>(resource: T): T {
  return Object.fromEntries(Object.entries(resource).filter(([, v]) => v !== 0)) as T;
}

// --- field masks ----------------------------------------------------------------------------

/** A parsed `fields` mask: for each selected field, true (all of it) or the selection inside it. */
type FieldTree = Map<string, FieldTree | true>;

/**
 * Google's partial-response syntax (https://developers.google.com/sheets/api/guides/field-masks):
 * comma-separated paths whose parts are joined by "." or "/", "(…)" selecting inside a field, "*" for all.
 */
function parseFieldMask(mask: string): FieldTree {
  let pos = 0;
  const fail = (): never => {
    throw notEmulated(`the fields mask "${mask}" (it could not be parsed)`);
  };
  const skipSpaces = () => {
    while (mask[pos] === ' ') pos++;
  };
  const name = (): string => {
    skipSpaces();
    const m = /^[A-Za-z0-9_*]+/.exec(mask.slice(pos));
    if (!m) return fail();
    pos += m[0].length;
    skipSpaces();
    return m[0];
  };
  const list = (): FieldTree => {
    const tree: FieldTree = new Map();
    for (;;) {
      const path = [name()];
      while (mask[pos] === '.' || mask[pos] === '/') {
        pos++;
        path.push(name());
      }
      let selection: FieldTree | true = true;
      if (mask[pos] === '(') {
        pos++;
        selection = list();
        if (mask[pos] !== ')') fail();
        pos++;
        skipSpaces();
      }
      addPath(tree, path, selection);
      if (mask[pos] !== ',') return tree;
      pos++;
    }
  };
  const tree = list();
  if (pos !== mask.length) fail();
  return tree;
}

function addPath(tree: FieldTree, path: readonly string[], selection: FieldTree | true): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const existing = tree.get(head);
  if (existing === true) return;
  const inner =
    rest.length > 0
      ? (() => {
          const t: FieldTree = new Map();
          addPath(t, rest, selection);
          return t;
        })()
      : selection;
  if (inner === true || existing === undefined) {
    tree.set(head, inner);
    return;
  }
  for (const [key, sub] of inner) addPath(existing, [key], sub);
}

function selectFields(value: unknown, tree: FieldTree | true): unknown {
  if (tree === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => selectFields(item, tree));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const selection = tree.get(key) ?? tree.get('*');
    if (selection !== undefined) out[key] = selectFields(field, selection);
  }
  return out;
}
