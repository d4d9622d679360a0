/** A1 notation: column letters, cell and range references, sheet-name quoting. */
import { gasError } from '../core';

export interface GridRect {
  row: number; // 1-based
  col: number; // 1-based
  numRows: number;
  numCols: number;
}

/** A parsed reference; a missing start means row/column 1, a missing end means the sheet's last row/column. */
export interface ParsedA1 {
  sheetName?: string;
  row?: number;
  col?: number;
  endRow?: number;
  endCol?: number;
}

export function columnToLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

export function rectA1(rect: GridRect): string {
  const start = cellA1(rect.row, rect.col);
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.col + rect.numCols - 1)}`;
}

/** Sheet names that are not plain identifiers are quoted, with inner quotes doubled, as Sheets does. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parsePart(text: string): { col?: number; row?: number } | null {
  const m = PART.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? lettersToColumn(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/**
 * Parses "A1", "A1:B2", open-ended "B2:B" / "A2:2", whole "A:B" / "2:3", each optionally prefixed by
 * "Sheet1!" or "'My sheet'!"; anything else throws "Range not found" like Apps Script.
 */
export function parseA1(notation: string): ParsedA1 {
  let rest = notation.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const rawSheet = rest.slice(0, bang);
    sheetName =
      rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
    rest = rest.slice(bang + 1);
  }
  const parts = rest.split(':');
  const start = parsePart(parts[0] ?? '');
  if (!start || parts.length > 2) throw gasError('Range not found');
  if (parts.length === 1) {
    if (start.row === undefined || start.col === undefined) throw gasError('Range not found');
    return { sheetName, row: start.row, col: start.col, endRow: start.row, endCol: start.col };
  }
  const end = parsePart(parts[1] ?? '');
  if (
    !end ||
    (start.row === undefined && end.row !== undefined) ||
    (start.col === undefined && end.col !== undefined)
  ) {
    throw gasError('Range not found');
  }
  const order = (a?: number, b?: number) => (a !== undefined && b !== undefined && b < a ? [b, a] : [a, b]);
  const [row, endRow] = order(start.row, end.row);
  const [col, endCol] = order(start.col, end.col);
  return { sheetName, row, col, endRow, endCol };
}
