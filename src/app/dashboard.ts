/**
 * "Refresh dashboard" (SPEC §2.8): rebuilds the 看板 / Dashboard sheet from the data sheets'
 * current headers. It reads Tasks and Requests once and writes only the dashboard sheet: the
 * numbers are formulas, so they stay current between refreshes.
 */
import { dateText } from '../domain/dateText';
import { WorkCalendar } from '../domain/calendar';
import { writeDashboard } from '../gas/dashboardSheet';
import { menuAction, inWorkbook } from './operation';
import { type Workbook } from './workbook';

type Ui = GoogleAppsScript.Base.Ui;

/** Rebuilds the dashboard over the departments of the directory and those typed into Tasks; returns its title. */
export function refreshDashboard(wb: Workbook): string {
  const tasks = wb.table('tasks', ['id', 'status', 'due']);
  const requests = wb.table('requests', ['status']);
  const known = wb.directory().departments.map((d) => d.name);
  const typed = tasks
    .records()
    .map((row) => row.text('dept'))
    .filter((dept) => dept !== '');
  return writeDashboard(wb.spreadsheet, wb.text('dashboardSheet'), tasks, requests, {
    locale: wb.locale,
    refreshedAt: dateText(wb.now, new WorkCalendar(wb.settings)),
    departments: [...new Set([...known, ...typed])],
    endOfDay: wb.settings.endOfDay,
    workDays: wb.settings.workDays,
    holidays: wb.settings.holidays,
    workdaySwaps: wb.settings.workdaySwaps,
  });
}

export function refreshDashboardFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    ui.alert(inWorkbook(now, (wb) => wb.text('dashboardDone', { sheet: refreshDashboard(wb) })));
  });
}
