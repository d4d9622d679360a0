/**
 * Report sheets (SPEC §2.8): the weekly summary and the retrospective, written as plain text with
 * bold titles, headings and column headers. Writing a report replaces what its own sheet held and
 * nothing else.
 */
import { cellText, type Report } from '../domain/summary';
import { LOCALES, t, type Locale } from '../i18n/index';
import { flushWrites } from './document';
import { growToFit, sizeToContent } from './grid';
import { literalInput } from './typedInput';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER_BACKGROUND = '#e8eaed';

/** Every sheet's title, in tab order. */
export function sheetTitles(spreadsheet: Spreadsheet): string[] {
  return spreadsheet.getSheets().map((sheet) => sheet.getName());
}

/** The first sheet titled one of `titles`, in that order, or null. */
export function sheetTitled(spreadsheet: Spreadsheet, titles: readonly string[]): Sheet | null {
  for (const title of titles) {
    const sheet = spreadsheet.getSheetByName(title);
    if (sheet) return sheet;
  }
  return null;
}

/**
 * Writes a report into the sheet `title` (or `existing`, renamed to `title`), replacing what that
 * sheet held (and nothing else): one setValues for the content, one call each for bold and header
 * backgrounds.
 */
export function writeReport(
  spreadsheet: Spreadsheet,
  title: string,
  report: Report,
  locale: Locale,
  existing: Sheet | null = spreadsheet.getSheetByName(title),
): Sheet {
  const sheet = existing ?? spreadsheet.insertSheet(title);
  if (existing) {
    existing.clear();
    if (existing.getName() !== title) existing.setName(title);
  }
  const none = t(locale, 'reportNone');
  const lines: { cells: readonly (string | number)[]; kind: 'title' | 'heading' | 'header' | 'body' }[] = [
    { cells: [report.title], kind: 'title' },
    ...report.lines.map((line) => ({ cells: [line], kind: 'body' as const })),
  ];
  const body = (row: (typeof report.sections)[number]['rows'][number]) => ({
    cells: row.map((cell) => (typeof cell === 'object' ? cellText(locale, cell) : cell)),
    kind: 'body' as const,
  });
  for (const section of report.sections) {
    lines.push({ cells: [], kind: 'body' }, { cells: [section.heading], kind: 'heading' });
    // An empty table shows "(none)" without its header: a wide empty section would widen every row of the sheet.
    const shown = section.rows.length > 0 || section.writeIn !== undefined;
    if (shown && section.columns.length > 0) lines.push({ cells: section.columns, kind: 'header' });
    if (section.writeIn !== undefined) {
      // What the records say first, then blank rows for people's own words.
      lines.push(...section.rows.map(body));
      for (let i = 0; i < section.writeIn; i++) lines.push({ cells: [], kind: 'body' });
    } else if (section.rows.length === 0) lines.push({ cells: [none], kind: 'body' });
    else lines.push(...section.rows.map(body));
  }
  const width = Math.max(1, ...lines.map((line) => line.cells.length));
  growToFit(sheet, lines.length, width);
  const range = sheet.getRange(1, 1, lines.length, width);
  // Plain text: every cell holds exactly what the report says (an apostrophe would show), never a formula.
  range.setNumberFormat('@');
  range.setValues(lines.map((line) => Array.from({ length: width }, (_, i) => line.cells[i] ?? '')));
  range.setFontWeights(
    lines.map((line) => Array.from({ length: width }, () => (line.kind === 'body' ? 'normal' : 'bold'))),
  );
  range.setBackgrounds(
    lines.map((line) =>
      Array.from({ length: width }, (_, i) =>
        line.kind === 'header' && i < line.cells.length ? HEADER_BACKGROUND : null,
      ),
    ),
  );
  columnWidths(lines).forEach((pixels, i) => sheet.setColumnWidth(i + 1, pixels));
  sizeToContent(sheet, lines.length, width);
  return sheet;
}

const MIN_COLUMN = 80;
const MAX_COLUMN = 320;

/**
 * Each column as wide as its widest table cell (header or row), between MIN_COLUMN and MAX_COLUMN
 * pixels: a name cut off at a fixed width is unreadable in Sheets and in the .xlsx alike. Lines of
 * one cell (title, headline, "(none)") run across empty neighbours and do not widen column A.
 */
function columnWidths(lines: readonly { readonly cells: readonly (string | number)[] }[]): number[] {
  const widths: number[] = [];
  for (const { cells } of lines) {
    if (cells.length < 2) continue;
    cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? MIN_COLUMN, textPixels(String(cell)) + 16)));
  }
  return widths.map((pixels) => Math.min(MAX_COLUMN, pixels ?? MIN_COLUMN));
}

/** About how wide a text shows at the default 10 pt: CJK and full-width characters twice a Latin one. */
function textPixels(text: string): number {
  let pixels = 0;
  for (const char of text)
    pixels += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
      ? 14
      : 7.5;
  return Math.ceil(pixels);
}

/** Lines under a report's title that say what it is about: its period and headline (weeklySummary's first lines). */
const FOLDED_LINES = 3;

/**
 * Folds each report sheet titled in `titles` into one line of the folded-summaries sheet (its
 * title, then the lines under it that are not blank), appended and flushed before the sheets are
 * deleted: a sheet a dead run already folded is found by its title and only deleted. Returns how
 * many sheets went.
 */
export function foldReports(spreadsheet: Spreadsheet, titles: readonly string[], locale: Locale): number {
  const sheets = titles.flatMap((title) => spreadsheet.getSheetByName(title) ?? []);
  if (sheets.length === 0) return 0;
  const headers = ['foldedSummaryTitle', 'foldedSummaryPeriod', 'foldedSummaryHeadline'] as const;
  let fold = sheetTitled(
    spreadsheet,
    LOCALES.map((each) => t(each, 'foldedSummariesSheet')),
  );
  if (!fold) {
    fold = spreadsheet.insertSheet(t(locale, 'foldedSummariesSheet'));
    fold.getRange(1, 1, 1, headers.length).setValues([headers.map((key) => t(locale, key))]);
    fold.setFrozenRows(1);
  }
  const folded = new Set(
    fold
      .getRange(1, 1, Math.max(1, fold.getLastRow()), 1)
      .getValues()
      .map((row) => String(row[0])),
  );
  const lines = sheets
    .filter((sheet) => !folded.has(sheet.getName()))
    .map((sheet) => {
      const under = sheet
        .getRange(2, 1, FOLDED_LINES, 1)
        .getValues()
        .map((row) => String(row[0]))
        .filter((text) => text !== '');
      return [sheet.getName(), under[0] ?? '', under.slice(1).join(' / ')].map((text) => literalInput(text));
    });
  const first = fold.getLastRow() + 1;
  if (lines.length > 0) {
    growToFit(fold, first + lines.length - 1, headers.length);
    fold.getRange(first, 1, lines.length, headers.length).setValues(lines);
  }
  sizeToContent(fold, first + lines.length - 1, headers.length);
  flushWrites();
  for (const sheet of sheets) spreadsheet.deleteSheet(sheet);
  return sheets.length;
}
