/**
 * The Timeline / 时间线 (SPEC §2.8) as rows and columns: one row per task of an open request,
 * under a row naming its request, and a grid of working days (weeks when the span is long) whose
 * cells conditional formatting colours (gas/timelineSheet.ts). Working days are the scan's: a
 * holiday has no column, a 调休 Saturday has one.
 */
import { mondayOf, type CivilDay, type WorkCalendar } from './calendar';
import type { RequestRecord, TaskRecord } from './records';

export type TimelineTask = Pick<
  TaskRecord,
  'id' | 'name' | 'owner' | 'request' | 'start' | 'due' | 'baseline' | 'pct' | 'status'
>;

export type TimelineRow =
  | { readonly kind: 'request'; readonly id: string; readonly title: string }
  | { readonly kind: 'task'; readonly task: TimelineTask };

export interface Timeline {
  readonly rows: readonly TimelineRow[];
  /** The first day of each grid column, oldest first. */
  readonly columns: readonly CivilDay[];
  /** Calendar days a column stands for: 1 (a working day) or 7 (a week from Monday). */
  readonly span: 1 | 7;
}

/** Grid columns at most: past this many working days the grid shows weeks, and a window of them. */
export const MAX_GRID_COLUMNS = 60;
const CLOSED_REQUESTS = new Set(['done', 'archived', 'rejected']);

export function timeline(
  tasks: readonly TimelineTask[],
  requests: readonly Pick<RequestRecord, 'id' | 'title' | 'status'>[],
  today: CivilDay,
  calendar: WorkCalendar,
): Timeline {
  const closed = new Set(
    requests.filter((r) => CLOSED_REQUESTS.has(r.status ?? '')).map((r) => r.id.trim().toUpperCase()),
  );
  const titles = new Map(requests.map((r) => [r.id.trim().toUpperCase(), r.title]));
  const shown = tasks.filter(
    (task) => task.id !== '' && task.status !== 'cancelled' && !closed.has(task.request.trim().toUpperCase()),
  );
  // Grouped by request, in the order requests appear in Requests, then the order of first mention.
  const order = [...titles.keys()];
  const groups = new Map<string, TimelineTask[]>();
  for (const key of order) groups.set(key, []);
  for (const task of shown) {
    const key = task.request.trim().toUpperCase();
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  const rows: TimelineRow[] = [];
  for (const [key, group] of groups) {
    if (group.length === 0) continue;
    rows.push({ kind: 'request', id: group[0]!.request.trim() || key, title: titles.get(key) ?? '' });
    for (const task of group) rows.push({ kind: 'task', task });
  }
  return { rows, ...gridColumns(shown, today, calendar) };
}

function gridColumns(
  tasks: readonly TimelineTask[],
  today: CivilDay,
  calendar: WorkCalendar,
): Pick<Timeline, 'columns' | 'span'> {
  const days = tasks.flatMap((task) => [task.start, task.due, task.baseline].filter((d) => d !== undefined));
  const first = Math.min(today, ...days.map((d) => calendar.dayOf(d)));
  // One working day past the latest date, so a due date's milestone never sits on the edge.
  const last = Math.max(today, ...days.map((d) => calendar.dayOf(d))) + 1;
  const working: CivilDay[] = [];
  for (let day = first; day <= last && working.length <= MAX_GRID_COLUMNS; day++) {
    if (calendar.isWorkingDay(day)) working.push(day);
  }
  if (working.length <= MAX_GRID_COLUMNS) return { columns: working, span: 1 };
  const weeks: CivilDay[] = [];
  for (let monday = mondayOf(first); monday <= last; monday += 7) weeks.push(monday);
  if (weeks.length <= MAX_GRID_COLUMNS) return { columns: weeks, span: 7 };
  // Too long even in weeks: a window holding today, a third of it behind.
  const todayIndex = weeks.indexOf(mondayOf(today));
  const start = Math.max(0, Math.min(todayIndex - Math.floor(MAX_GRID_COLUMNS / 3), weeks.length - MAX_GRID_COLUMNS));
  return { columns: weeks.slice(start, start + MAX_GRID_COLUMNS), span: 7 };
}
