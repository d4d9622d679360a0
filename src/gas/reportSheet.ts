/**
 * Report sheets (SPEC §2.8): the weekly summary and the retrospective, written as plain text with
 * bold titles, headings and column headers. Writing a report replaces what its own sheet held and
 * nothing else.
 */
import type { Report } from '../domain/summary';
import { t, type Locale } from '../i18n/index';
import { growToFit, sizeToContent } from './grid';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER_BACKGROUND = '#e8eaed';

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
  for (const section of report.sections) {
    lines.push({ cells: [], kind: 'body' }, { cells: [section.heading], kind: 'heading' });
    if (section.columns.length > 0) lines.push({ cells: section.columns, kind: 'header' });
    if (section.writeIn !== undefined) {
      for (let i = 0; i < section.writeIn; i++) lines.push({ cells: [], kind: 'body' });
    } else if (section.rows.length === 0) lines.push({ cells: [none], kind: 'body' });
    else lines.push(...section.rows.map((cells) => ({ cells, kind: 'body' as const })));
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
  sheet.setColumnWidths(1, width, 140);
  sizeToContent(sheet, lines.length, width);
  return sheet;
}
