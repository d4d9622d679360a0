/**
 * Old weekly summaries fold into one sheet (SPEC §3.7, domain/summaryFold.ts): run by the tick
 * after each weekly summary, so a workbook keeps summaryKeepWeeks summaries whole.
 */
import { WorkCalendar } from '../domain/calendar';
import { reportWeek } from '../domain/summary';
import { summariesToFold } from '../domain/summaryFold';
import { foldReports, sheetTitles } from '../gas/reportSheet';
import type { Workbook } from './workbook';

/** Folds the summaries older than summaryKeepWeeks; returns how many sheets went. */
export function foldOldSummaries(wb: Workbook): number {
  const current = reportWeek(wb.now, new WorkCalendar(wb.settings));
  const titles = summariesToFold(sheetTitles(wb.spreadsheet), current, wb.settings.summaryKeepWeeks);
  return foldReports(wb.spreadsheet, titles, wb.locale);
}
