/**
 * The scan's pass over Tasks (SPEC §3.2, §3.7): each task's health, written to its row, from its
 * latest accepted Progress entry, read only below the scan's Progress mark where the mark still
 * holds (the rows above are already carried by each task's row).
 */
import type { WorkCalendar } from '../domain/calendar';
import { taskHealth, type TaskHealth } from '../domain/health';
import type { TaskItem } from '../domain/notice';
import type { ColumnKey } from '../domain/schema';
import { isBlank, parsePercent } from '../domain/values';
import { readProgressMark, writeProgressMark } from '../gas/automationRecord';
import type { SheetTail } from '../gas/sheets';
import { cellString, type Table, type TableRow } from '../gas/table';
import { labeler } from './mailLog';
import { latestAcceptedProgress, readTasks, type LatestEntry, type LatestProgress } from './records';
import type { Workbook } from './workbook';

/** Tasks with their health; the Health column of every row is updated in the same pass (written on commit). */
export function tasksWithHealth(
  wb: Workbook,
  calendar: WorkCalendar,
  escalating: ReadonlySet<string>,
): { task: TaskItem; health: TaskHealth }[] {
  const table = wb.optionalTable('tasks');
  if (!table) return [];
  // Only accepted entries count: a rejected one never gets its update stamp.
  const latest = scanProgress(wb, table, escalating);
  const healthLabel = labeler('health', wb.settings.locale);
  const writesHealth = table.has('health');
  const result: { task: TaskItem; health: TaskHealth }[] = [];
  for (const task of readTasks(wb, latest)) {
    const health = taskHealth(task, wb.now, calendar, wb.settings);
    const row = table.rows[task.row - 2]!;
    if (writesHealth) row.set('health', healthLabel(health.health));
    if (latest.has(task.id.toUpperCase())) carryLatestProgress(wb, table, row, task);
    // A row without an ID yet (its request is not approved) gets health but no notices.
    if (task.id !== '') result.push({ task, health });
  }
  return result;
}

/**
 * The latest accepted Progress entry per task, from the rows added since the last scan when its
 * high-water mark still names the same row (SPEC §3.7): every accepted entry above it is already
 * in its task's % and last update (a progress save writes both, all or nothing), which readTasks
 * falls back to. A task about to be escalated whose latest entry is above the mark (its L3 quotes
 * that entry's summary and delay reason) takes them from its row, which carries them beside its %
 * (carriedProgress); only a row that does not carry them yet (set up by an earlier version) has
 * that entry read from above the mark (latestAbove). A missing mark, or a row inserted, deleted or
 * changed at it, means a full read. The new mark is the last row read.
 */
function scanProgress(wb: Workbook, tasks: Table<ColumnKey<'tasks'>>, escalating: ReadonlySet<string>): LatestProgress {
  const tail = wb.source.tail?.('progress');
  const mark = tail && readProgressMark(wb.spreadsheet);
  const fromMark =
    tail && mark && tail.table.rowCount > 0 && progressFingerprint(tail.table, 0) === mark.fingerprint
      ? latestAcceptedProgress(wb, tail.table)
      : undefined;
  const table = tail && fromMark ? tail.table : wb.optionalTable('progress');
  if (!table) return new Map();
  const first = tail && fromMark ? tail.first : 2;
  let last = table.rowCount - 1;
  while (last >= 0 && table.cell(last, 'task') === '') last--;
  const next = last < 0 ? undefined : { row: first + last, fingerprint: progressFingerprint(table, last) };
  if (next?.row !== mark?.row || next?.fingerprint !== mark?.fingerprint) writeProgressMark(wb.spreadsheet, next);
  if (!tail || !fromMark) return latestAcceptedProgress(wb, table);
  const above = new Set([...escalating].filter((id) => !fromMark.has(id)));
  if (above.size === 0) return fromMark;
  const carried = carriedProgress(wb, tasks, above);
  if (above.size === 0) return new Map([...carried, ...fromMark]);
  return new Map([...latestAbove(wb, tail, above), ...carried, ...fromMark]);
}

/**
 * The latest entry of each of `tasks` as its Tasks row carries it (its %, last update, summary and
 * delay reason, all written by the progress save that posted it); each task found, or whose row
 * has no last update (no entry was ever accepted), is taken out of `tasks`, leaving those whose
 * row does not carry a summary yet.
 */
function carriedProgress(wb: Workbook, table: Table<ColumnKey<'tasks'>>, tasks: Set<string>): LatestProgress {
  const carried = new Map<string, LatestEntry>();
  const carries = table.has('progressSummary');
  for (let i = 0; i < table.rowCount && tasks.size > 0; i++) {
    const id = cellString(table.cell(i, 'id')).toUpperCase();
    if (!tasks.has(id)) continue;
    const lastUpdate = table.cell(i, 'lastUpdate');
    const summary = carries ? cellString(table.cell(i, 'progressSummary')) : '';
    if (isBlank(lastUpdate)) tasks.delete(id);
    else if (summary !== '') {
      tasks.delete(id);
      carried.set(id, {
        pct: parsePercent(table.cell(i, 'pct')),
        at: wb.readDate(lastUpdate),
        summary,
        delayReason: cellString(table.cell(i, 'delayReason')),
      });
    }
  }
  return carried;
}

/**
 * Each of `tasks`' latest accepted entry above the tail, as latestAcceptedProgress finds it in a
 * full read (the lowest row naming the task that has an update time): the task and update-time
 * columns are read, then only the rows found.
 */
function latestAbove(wb: Workbook, tail: SheetTail<ColumnKey<'progress'>>, tasks: ReadonlySet<string>): LatestProgress {
  const [typedTasks = [], updateTimes = []] = tail.columnsAbove(['task', 'updatedAt']);
  const found = new Set<string>();
  const rows: number[] = [];
  for (let i = typedTasks.length - 1; i >= 0 && found.size < tasks.size; i--) {
    const task = cellString(typedTasks[i] ?? '').toUpperCase();
    if (!tasks.has(task) || found.has(task) || isBlank(updateTimes[i])) continue;
    found.add(task);
    rows.push(2 + i);
  }
  return rows.length === 0 ? new Map() : latestAcceptedProgress(wb, tail.rowsAt(rows.reverse()));
}

/** What identifies a Progress row for the mark: its task and summary, as text. */
function progressFingerprint(table: Table<ColumnKey<'progress'>>, index: number): string {
  return JSON.stringify([cellString(table.cell(index, 'task')), cellString(table.cell(index, 'summary'))]);
}

/**
 * The task row carries the %, time, summary and delay reason of its latest accepted entry, as a
 * progress save leaves it; an entry edited in place since (onEdit forgot the mark, so this scan
 * read all of Progress), or a row set up before it carried a summary, is carried over here. That is what lets the next scan read only the rows below its mark.
 */
function carryLatestProgress(
  wb: Workbook,
  table: Table<ColumnKey<'tasks'>>,
  row: TableRow<ColumnKey<'tasks'>>,
  task: TaskItem,
): void {
  if (table.has('pct') && Math.round(parsePercent(row.get('pct')) ?? -1) !== Math.round(task.pct))
    row.set('pct', task.pct);
  const typed = wb.readDate(row.get('lastUpdate'));
  const seconds = (date: Date | undefined) => (date ? Math.floor(date.getTime() / 1000) : undefined);
  if (table.has('lastUpdate') && task.lastUpdate && seconds(typed) !== seconds(task.lastUpdate))
    row.set('lastUpdate', task.lastUpdate);
  // A column the sheet lacks is skipped by set.
  row.set('progressSummary', task.progressSummary);
  row.set('delayReason', task.delayReason);
}
