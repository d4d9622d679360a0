/**
 * What the key figures (SPEC §3.9) are computed from, read once: tasks with their acceptance
 * times, approved plan changes, requests' review times, sign-offs and the escalations of the
 * Notification log, and the 满意度 answers. The dashboard and the weekly summary both read through here.
 */
import { episodeKey } from '../domain/told';
import type { Escalation } from '../domain/kpis';
import type { KpiSources } from '../domain/keyFigures';
import type { ReportTask } from '../domain/summary';
import { readLogEntries } from './mailLog';
import { readRatings } from './ratings';
import { enumOf, readRequests } from './records';
import { readSignOffs } from './signOffs';
import type { Workbook } from './workbook';

const TOLD = new Set(['sent', 'dry-run', 'unconfirmed']);

/** The figures' sources beside `tasks` (readReportTasks), which the caller has read already. */
export function readKpiSources(wb: Workbook, tasks: readonly ReportTask[]): KpiSources {
  const approvedChanges = (wb.optionalTable('planChanges')?.records() ?? [])
    .filter((row) => enumOf('changeStatus', row.get('status')) === 'approved')
    .map((row) => ({ task: row.text('task') }));
  const requests = readRequests(wb).map((r) => ({
    submitted: r.submitted,
    // A returned request is reviewed when approved later; a rejected one when it was closed.
    reviewed: r.approved ?? (r.status === 'rejected' ? r.closed : undefined),
  }));
  return {
    tasks,
    approvedChanges,
    requests,
    signOffs: readSignOffs(wb),
    escalations: escalations(wb, tasks),
    answers: readRatings(wb).flatMap((rating) =>
      rating.scores ? [{ time: rating.time, overall: rating.scores.overall }] : [],
    ),
  };
}

/** One episode per L2/L3 rule and item: opened at its first telling, closed when its task was accepted. */
function escalations(wb: Workbook, tasks: readonly ReportTask[]): Escalation[] {
  const closed = new Map(tasks.map((task) => [task.id.toUpperCase(), task.completedAt]));
  const opened = new Map<string, { opened: Date; item: string }>();
  for (const entry of readLogEntries(wb)) {
    if ((entry.level !== 'L2' && entry.level !== 'L3') || !TOLD.has(entry.status ?? '')) continue;
    const key = episodeKey(entry);
    const known = opened.get(key);
    if (!known || entry.time < known.opened) opened.set(key, { opened: entry.time, item: entry.item });
  }
  return [...opened.values()].map(({ opened: at, item }) => ({
    opened: at,
    closed: closed.get(item.trim().toUpperCase()),
  }));
}
