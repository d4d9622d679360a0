/**
 * What a ⚙ cell stands at when a paste, fill or drag over it said nothing of what it held (SPEC
 * §3.6; Apps Script's edit event carries oldValue "only if the edited range is a single cell",
 * https://developers.google.com/apps-script/guides/triggers/events#edit): the value the records
 * imply, so a refused paste is restored to it.
 * - a task's %, last update, latest progress and delay reason: its latest accepted Progress entry
 *   (latestAcceptedProgress, as the scan and the progress save read it), blank when none; its
 *   health: taskHealth on those, as the scan computes it;
 * - a request's, plan change's or acceptance's stamps: the value the add-on recorded in the Change
 *   history when it wrote the stamp (history.ts STAMPS), or what its status implies (blank before
 *   the step that stamps it, a request's closing time from its move to 已完成).
 * Undefined where nothing tells: a stamp written before stamps were recorded, a plan change or an
 * acceptance of a task with several rows whose recorded stamps do not pair one to one, a task's
 * baseline (behind a blocking protection: only coordinators, whose paste stands, reach it), and
 * every ⚙ cell of Sign-offs and the Change history, which are the records themselves.
 */
import { columnDef, columnLabel, sheetTitle, type ColumnKey, type SheetKey } from '../domain/schema';
import { enumLabel, parseEnum } from '../domain/enums';
import { taskHealth } from '../domain/health';
import type { Cell, Table, TableRow } from '../gas/table';
import { t } from '../i18n/index';
import { isUnconfirmedPaste } from './pastedOver';
import type { TaskRecord } from '../domain/records';
import { latestAcceptedProgress, readTasks, type LatestProgress } from './records';
import type { Workbook } from './workbook';

/** A Change history row as the look-ups read it. */
interface Recorded {
  readonly time: Date | undefined;
  readonly newValue: string;
}

/** What one guard run reads once, however many cells the paste covered: the guard makes one per edit. */
export interface StandingRecords {
  latest?: LatestProgress;
  tasks?: readonly TaskRecord[];
  history?: Map<string, Recorded[]>;
}

export function computedStanding(
  wb: Workbook,
  key: SheetKey,
  field: string,
  row: TableRow<string>,
  records: StandingRecords,
): Cell | undefined {
  switch (key) {
    case 'tasks':
      return taskComputed(wb, field, row, records);
    case 'requests':
      return requestStamp(wb, field, row, records);
    case 'planChanges':
      return planChangeBlank(field, row) ?? perTaskStamp(wb, 'planChanges', field, row, records);
    case 'acceptance':
      return field === 'standard' ? perTaskStamp(wb, 'acceptance', field, row, records) : undefined;
    default:
      return undefined;
  }
}

function latestProgress(wb: Workbook, records: StandingRecords): LatestProgress {
  const progress = wb.optionalTable('progress') as Table<ColumnKey<'progress'>> | undefined;
  return (records.latest ??= progress ? latestAcceptedProgress(wb, progress) : new Map());
}

function taskComputed(wb: Workbook, field: string, row: TableRow<string>, records: StandingRecords): Cell | undefined {
  const entry = latestProgress(wb, records).get(row.text('id').toUpperCase());
  switch (field) {
    case 'pct':
      return entry?.pct ?? '';
    case 'lastUpdate':
      return entry?.at ?? '';
    case 'progressSummary':
      return entry?.summary ?? '';
    case 'delayReason':
      return entry?.delayReason ?? '';
    case 'health': {
      records.tasks ??= readTasks(wb, latestProgress(wb, records));
      const task = records.tasks.find((record) => record.row === row.rowNumber);
      if (!task) return undefined;
      // The row's own % and last update may be the paste: the entry's stand in, as the scan reads them.
      const facts = { ...task, pct: entry?.pct ?? 0, lastUpdate: entry?.at };
      const { health } = taskHealth(facts, wb.now, wb.calendar(), wb.settings);
      return enumLabel('health', health, wb.locale);
    }
    default:
      return undefined;
  }
}

/** A request's stamp: recorded, otherwise blank before its status reaches the step, or the step's own record. */
function requestStamp(wb: Workbook, field: string, row: TableRow<string>, records: StandingRecords): Cell | undefined {
  const id = row.text('id');
  if (id === '') return undefined;
  const recorded = history(wb, records, 'requests', id, field).at(-1);
  if (recorded) return stampValue(wb, recorded);
  const status = parseEnum('requestStatus', row.get('status'));
  if (field === 'approved' && (status === 'pending' || status === 'changes' || status === 'rejected')) return '';
  if (field === 'closed') {
    if (status !== 'done' && status !== 'archived') return '';
    // Closing sets 已完成 and the closing time in one write: the status change's time is the stamp.
    const done = enumLabel('requestStatus', 'done', wb.locale);
    const moves = history(wb, records, 'requests', id, 'status').filter((entry) => entry.newValue === done);
    return moves.at(-1)?.time;
  }
  if (field === 'submitted') {
    // A request filed from the sidebar is recorded as added, at its submission time.
    return history(wb, records, 'requests', id, '').at(-1)?.time;
  }
  return undefined;
}

/** Before a plan change is decided it has no decision time; other stamps need their record. */
function planChangeBlank(field: string, row: TableRow<string>): Cell | undefined {
  if (field !== 'decidedAt') return undefined;
  const status = parseEnum('changeStatus', row.get('status'));
  return status === undefined || status === 'pending' ? '' : undefined;
}

/**
 * A stamp of a sheet whose rows name a task, several per task: the row's own record is the one in
 * the same place among the task's recorded stamps as the row among the task's rows, when both
 * counts agree (each row is stamped once, in the order rows are added), or the only one.
 */
function perTaskStamp(
  wb: Workbook,
  key: 'planChanges' | 'acceptance',
  field: string,
  row: TableRow<string>,
  records: StandingRecords,
): Cell | undefined {
  const task = row.text('task').toUpperCase();
  if (task === '') return undefined;
  const rows = (wb.optionalTable(key)?.records() ?? []).filter((r) => r.text('task').toUpperCase() === task);
  const decided = field === 'decidedAt' ? rows.filter((r) => planChangeBlank(field, r) === undefined) : rows;
  const recorded = history(wb, records, key, task, field);
  const place = decided.findIndex((r) => r.rowNumber === row.rowNumber);
  if (place < 0 || recorded.length !== decided.length) return undefined;
  return stampValue(wb, recorded[place]!);
}

/**
 * A recorded stamp as the cell held it: the history shows dates to the minute, and the add-on
 * writes a stamp at the time it records it, so a date in the same minute as its record is that time.
 */
function stampValue(wb: Workbook, recorded: Recorded): Cell {
  const shown = wb.readDate(recorded.newValue);
  if (!shown) return recorded.newValue;
  const time = recorded.time;
  return time && Math.abs(time.getTime() - shown.getTime()) < 60_000 ? time : shown;
}

/** The Change history rows about `field` ('' for a row added) of `item` on sheet `key`, oldest first. */
function history(
  wb: Workbook,
  records: StandingRecords,
  key: SheetKey,
  item: string,
  field: string,
): readonly Recorded[] {
  if (!records.history) {
    records.history = new Map();
    for (const entry of wb.optionalTable('changeHistory')?.records() ?? []) {
      if (isUnconfirmedPaste(entry.text('oldValue'))) continue;
      const at = `${entry.text('sheet')}|${entry.text('item').toUpperCase()}|${entry.text('field')}`;
      const list = records.history.get(at) ?? [];
      list.push({ time: wb.readDate(entry.get('time')), newValue: entry.text('newValue') });
      records.history.set(at, list);
    }
  }
  const label = field === '' ? t(wb.locale, 'historyAdded') : columnLabel(columnDef(key, field as never), wb.locale);
  return records.history.get(`${sheetTitle(key, wb.locale)}|${item.toUpperCase()}|${label}`) ?? [];
}
