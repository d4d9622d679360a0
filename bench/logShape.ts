/**
 * Everything the bench assumes about the Notification log's rows, in one place. The log's row shape
 * is the product's to change (one row per message; earlier versions wrote one per (notice, recipient)), so
 * the bench never builds a log row: it copies the rows a scan of the built bundle wrote
 * (history.ts) and reads them only through these functions, which assume no column order:
 * - a row's times are its Date cells (shiftLogTimes, writtenSince);
 * - a queued row holds the status label 排队中 in some cell (queuedRows);
 * - the archive's size (archiveLinesPerDay) and when each delivery was first told (firstTold) read
 *   columns by header (time, recipients, status, key): 通知记录 YYYY compacts to a line per (key,
 *   status) and month; a message row lists the keys it carries one a line in its key cell.
 */
import { enumLabel } from '../src/domain/enums';
import { columnIndex, fromJson, toJson } from './workbook';

/** Log rows (header first, cells as JSON) with every time in them moved by `ms`. */
export function shiftLogTimes(grid: readonly (readonly unknown[])[], ms: number): (readonly unknown[])[] {
  return grid.slice(1).map((line) =>
    line.map((cell) => {
      const value = fromJson(cell);
      return value instanceof Date ? toJson(new Date(value.getTime() + ms)) : cell;
    }),
  );
}

/** Rows (no header) recorded at or after `since`: their earliest time is not before it. */
export function writtenSince(rows: readonly (readonly unknown[])[], since: number): (readonly unknown[])[] {
  return rows.filter((row) => {
    const times = row.filter((cell): cell is Date => cell instanceof Date).map((date) => date.getTime());
    return times.length > 0 && Math.min(...times) >= since;
  });
}

const QUEUED = enumLabel('notificationStatus', 'queued', 'zh-CN');

/** Rows (no header) left queued for the next tick. */
export function queuedRows(rows: readonly (readonly unknown[])[]): number {
  return rows.filter((row) => row.includes(QUEUED)).length;
}

/** Lines one day's rows (header first) make in 通知记录 YYYY: one per distinct (key, status). */
export function archiveLinesPerDay(grid: readonly (readonly unknown[])[]): number {
  const header = grid[0] ?? [];
  const key = columnIndex(header, 'notificationLog', 'key');
  const status = columnIndex(header, 'notificationLog', 'status');
  if (key < 0 || status < 0) return Math.max(0, grid.length - 1);
  const lines = new Set<string>();
  for (const line of grid.slice(1))
    for (const each of String(line[key]).split('\n')) lines.add(`${each}|${String(line[status])}`);
  return lines.size;
}

const TOLD = new Set(['sent', 'unconfirmed'].map((code) => enumLabel('notificationStatus', code as 'sent', 'zh-CN')));

/**
 * When each (notice key, recipient) was first told, in ms, from a log's rows (header first); and
 * every time each (item, recipient) was told anything, for a notice told under another rule (a
 * task due at 09:00 is "final hours" at 09:00:00 and "overdue" a second later).
 */
export function firstTold(grid: readonly (readonly unknown[])[]): {
  readonly byKey: Map<string, number>;
  readonly byItem: Map<string, number[]>;
} {
  const header = grid[0] ?? [];
  const [time, recipients, status, key] = (['time', 'recipients', 'status', 'key'] as const).map((column) =>
    columnIndex(header, 'notificationLog', column),
  );
  const byKey = new Map<string, number>();
  const byItem = new Map<string, number[]>();
  for (const line of grid.slice(1)) {
    const at = line[time ?? -1];
    if (!(at instanceof Date) || !TOLD.has(String(line[status ?? -1]))) continue;
    for (const each of String(line[key ?? -1]).split('\n'))
      for (const recipient of String(line[recipients ?? -1]).split(/,\s*/)) {
        const delivery = `${each}|${recipient}`;
        const earlier = byKey.get(delivery);
        if (earlier === undefined || at.getTime() < earlier) byKey.set(delivery, at.getTime());
        const item = `${each.split('|')[2] ?? ''}|${recipient}`;
        byItem.set(item, [...(byItem.get(item) ?? []), at.getTime()]);
      }
  }
  return { byKey, byItem };
}
