/**
 * "Refresh dashboard" (SPEC §2.8): rebuilds the 看板 / Dashboard sheet from the data sheets'
 * current headers. It reads the tables once and writes only the dashboard sheet: the tiles and
 * tables are formulas, so they stay current between refreshes; the monthly key figures and who
 * each open request waits on are worded at refresh, from the same functions as the weekly summary.
 */
import { dateText } from '../domain/dateText';
import { WorkCalendar } from '../domain/calendar';
import { keyFigureCells, keyFigures } from '../domain/keyFigures';
import { monthsUpTo } from '../domain/kpis';
import { pendingSignOffs } from '../domain/signOffs';
import type { RequestRecord } from '../domain/records';
import type { ReportTask } from '../domain/summary';
import { writeDashboard } from '../gas/dashboardSheet';
import type { DashboardOptions, OpenRequest } from '../gas/dashboardFormulas';
import { quarterNamed, resultsByDept, type RatingRecord } from '../domain/satisfaction';
import { readRatings } from './ratings';
import { readKpiSources } from './kpiSources';
import { menuAction, inWorkbook } from './operation';
import { readProgress, readRequests } from './records';
import { readSignOffs } from './signOffs';
import { readReportTasks } from './summary';
import { type Workbook } from './workbook';

type Ui = GoogleAppsScript.Base.Ui;

/** Months of key figures the dashboard shows (SPEC §2.8). */
const MONTHS = 6;
const CLOSED = new Set(['done', 'archived', 'rejected']);

/** Rebuilds the dashboard over the departments of the directory and those typed into Tasks; returns its title. */
export function refreshDashboard(wb: Workbook): string {
  const tasks = wb.table('tasks', ['id', 'status', 'due']);
  const requests = wb.table('requests', ['status']);
  const calendar = new WorkCalendar(wb.settings);
  const known = wb.directory().departments.map((d) => d.name);
  const typed = tasks
    .records()
    .map((row) => row.text('dept'))
    .filter((dept) => dept !== '');
  const reportTasks = readReportTasks(wb, calendar, readProgress(wb));
  const sources = readKpiSources(wb, reportTasks);
  return writeDashboard(
    wb.spreadsheet,
    wb.text('dashboardSheet'),
    {
      tasks,
      requests,
      acceptance: wb.optionalTable('acceptance'),
      planChanges: wb.optionalTable('planChanges'),
      satisfaction: wb.optionalTable('satisfaction'),
    },
    {
      locale: wb.locale,
      refreshedAt: dateText(wb.now, calendar),
      departments: [...new Set([...known, ...typed])],
      openRequests: openRequests(wb, readRequests(wb), reportTasks),
      months: monthsUpTo(calendar.dayOf(wb.now), MONTHS).map((month) => ({
        label: month.label,
        cells: keyFigureCells(keyFigures(sources, month, wb.now, calendar, wb.settings)),
      })),
      kpiTargets: wb.settings,
      ...latestRound(readRatings(wb)),
      endOfDay: wb.settings.endOfDay,
      workDays: wb.settings.workDays,
      holidays: wb.settings.holidays,
      workdaySwaps: wb.settings.workdaySwaps,
    },
  );
}

/**
 * Requests not closed, each with who it waits on now: the heads who have not signed its split, the
 * requester while a task waits for acceptance or the request for changes, else the owners of its
 * overdue tasks.
 */
function openRequests(wb: Workbook, requests: readonly RequestRecord[], tasks: readonly ReportTask[]): OpenRequest[] {
  const pending = pendingSignOffs(readSignOffs(wb));
  const names = (people: readonly string[]) =>
    [...new Set(people.filter((p) => p !== '').map((p) => wb.nameOf(p)))].join('、');
  return requests
    .filter((request) => request.id !== '' && !CLOSED.has(request.status ?? ''))
    .map((request) => {
      const id = request.id.toUpperCase();
      const own = tasks.filter((task) => task.request.toUpperCase() === id);
      const signers = pending.filter((row) => row.subject === 'split' && row.ref.trim().toUpperCase() === id);
      let waitingOn = names(signers.map((row) => row.signer));
      if (
        waitingOn === '' &&
        (request.status === 'changes' || own.some((task) => task.status === 'awaitingAcceptance'))
      )
        waitingOn = names([request.requester]);
      if (waitingOn === '')
        waitingOn = names(own.filter((task) => task.health.conditions.has('overdue')).map((task) => task.owner));
      return { id: request.id, title: request.title, lead: wb.nameOf(request.lead), waitingOn };
    });
}

/** The latest quarter whose round has answers, with its results per department rated. */
function latestRound(ratings: readonly RatingRecord[]): Pick<DashboardOptions, 'satisfactionRound'> {
  const answered = ratings.filter((r) => r.kind === 'quarter' && r.scores && quarterNamed(r.ref));
  const quarter = answered
    .map((r) => r.ref.toUpperCase())
    .sort()
    .at(-1);
  if (!quarter) return {};
  return {
    satisfactionRound: { quarter, results: resultsByDept(answered.filter((r) => r.ref.toUpperCase() === quarter)) },
  };
}

export function refreshDashboardFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    ui.alert(inWorkbook(now, (wb) => wb.text('dashboardDone', { sheet: refreshDashboard(wb) })));
  });
}
