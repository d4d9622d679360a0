/**
 * What the weekly summary (SPEC §2.8) says, worked out once from its input: the week's lists of
 * tasks, requests and action items, each task once however many flags it has, and the same facts
 * narrowed to one department for its head's part. summarySections.ts turns them into sections.
 */
import { dateText } from './dateText';
import { t, type Locale, type MessageKey } from '../i18n/index';
import { ruleName } from './digest';
import { isOpenWork, type Condition } from './health';
import { RULES, type Rule } from './notice';
import type {
  IsoWeek,
  ReportCell,
  ReportNotice,
  ReportProgress,
  ReportRequest,
  ReportSignOff,
  ReportTask,
  SummaryAction,
  SummaryInput,
} from './summary';
import { named } from './summary';
import { normalizeLabel, type NotificationStatus } from './enums';

/** The health conditions that put a task in "needing attention", in the order its flags are worded. */
export const ATTENTION: readonly Condition[] = ['overdue', 'blocked', 'lagging', 'stale'];

export interface SummaryFacts {
  readonly input: SummaryInput;
  text(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  /** A date as the workbook shows it. */
  when(date: Date | undefined): string;
  /** A task, request or action item by its name with its ID; anything else by what it is. */
  itemCell(id: string): ReportCell;
  readonly completed: readonly ReportTask[];
  readonly posted: readonly TaskProgressWeek[];
  /** Open tasks with any ATTENTION condition, once each, by due date. */
  readonly attention: readonly ReportTask[];
  readonly dueNext: readonly ReportTask[];
  readonly created: readonly ReportRequest[];
  readonly pending: readonly ReportRequest[];
  readonly actions: readonly SummaryAction[];
  readonly waiting: readonly ReportSignOff[];
  readonly escalations: readonly EscalationLevel[];
}

const TOLD: readonly (NotificationStatus | undefined)[] = ['sent', 'dry-run'];

export function summaryFacts(input: SummaryInput): SummaryFacts {
  const { locale, calendar, week } = input;
  const inWeek = (date: Date | undefined, w: IsoWeek = week) => {
    if (!date) return false;
    const day = calendar.dayOf(date);
    return day >= w.first && day <= w.last;
  };
  const byDue = (a: { due: Date | undefined }, b: { due: Date | undefined }) =>
    (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity);
  const nextWeek: IsoWeek = { ...week, first: week.first + 7, last: week.last + 7 };
  const itemCell = itemNamer(input);
  return {
    input,
    text: (key, params) => t(locale, key, params),
    when: (date) => dateText(date, calendar),
    itemCell,
    completed: input.tasks
      .filter((x) => inWeek(x.completedAt))
      .sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime()),
    posted: progressByTask(input.progress, inWeek),
    attention: input.tasks.filter((x) => ATTENTION.some((c) => x.health.conditions.has(c))).sort(byDue),
    dueNext: input.tasks.filter((x) => isOpenWork(x.status) && inWeek(x.due, nextWeek)).sort(byDue),
    created: input.requests.filter((r) => inWeek(r.submitted)),
    pending: input.requests.filter((r) => r.status === 'pending' || r.status === 'changes'),
    actions: input.actions.filter((a) => a.action !== '' && a.status !== 'done').sort(byDue),
    waiting: [...input.pendingSignOffs].sort(
      (a, b) => (a.requestedAt?.getTime() ?? 0) - (b.requestedAt?.getTime() ?? 0),
    ),
    escalations: escalationsByLevel(
      locale,
      // The log also records mail that is not a notice (the summary itself): not an escalation.
      input.notices.filter(
        (n) => TOLD.includes(n.status) && inWeek(n.time) && (RULES as readonly string[]).includes(n.rule),
      ),
      itemCell,
    ),
  };
}

/** The facts of one department, for its head: its tasks, and the sign-offs waiting on that head. */
export function departmentFacts(facts: SummaryFacts, dept: string, head: string): SummaryFacts {
  const ours = (task: ReportTask) => normalizeLabel(task.dept) === normalizeLabel(dept);
  const signer = head.trim().toLowerCase();
  return {
    ...facts,
    attention: facts.attention.filter(ours),
    dueNext: facts.dueNext.filter(ours),
    waiting: facts.waiting.filter((row) => row.signer.trim().toLowerCase() === signer),
  };
}

/** Names tasks, requests and action items by their IDs (compared upper-case). */
function itemNamer(input: SummaryInput): (id: string) => ReportCell {
  const names = new Map<string, string>();
  for (const request of input.requests) names.set(request.id.toUpperCase(), request.title);
  for (const task of input.tasks) names.set(task.id.toUpperCase(), task.name);
  for (const action of input.actions) names.set(action.id.toUpperCase(), action.action || action.topic);
  return (id) => named(names.get(id.trim().toUpperCase()) ?? '', id.trim());
}

/** One task's progress this week: a row of the summary however many entries were posted. */
export interface TaskProgressWeek {
  readonly task: string;
  readonly entries: number;
  /** The % the task stood at before its first entry this week (its latest earlier entry), else that first entry's. */
  readonly fromPct: number | undefined;
  readonly latest: ReportProgress;
  /** The latest delay reason given this week: a later entry without one does not erase it. */
  readonly delayReason: string;
}

/** Progress entries posted in the week, grouped per task (by upper-case ID), in order of each task's latest entry. */
export function progressByTask(
  progress: readonly ReportProgress[],
  inWeek: (date: Date | undefined) => boolean,
): TaskProgressWeek[] {
  const dated = progress
    .filter((p): p is ReportProgress & { at: Date } => p.at !== undefined)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const before = new Map<string, number>();
  const weeks = new Map<string, ReportProgress[]>();
  for (const entry of dated) {
    const key = entry.task.trim().toUpperCase();
    if (inWeek(entry.at)) {
      const entries = weeks.get(key) ?? [];
      entries.push(entry);
      weeks.set(key, entries);
    } else if (!weeks.has(key) && entry.pct !== undefined) before.set(key, entry.pct);
  }
  return [...weeks]
    .map(([key, entries]) => {
      const latest = entries.at(-1)!;
      return {
        task: latest.task,
        entries: entries.length,
        fromPct: before.get(key) ?? entries.find((entry) => entry.pct !== undefined)?.pct,
        latest,
        delayReason: [...entries].reverse().find((entry) => entry.delayReason !== '')?.delayReason ?? '',
      };
    })
    .sort((a, b) => a.latest.at!.getTime() - b.latest.at!.getTime());
}

/** The notices told in the week at one level: how many items, and each item by name with its rule, once. */
export interface EscalationLevel {
  readonly level: string;
  readonly items: readonly string[];
}

/**
 * Notices told, summarised per level (highest first): each (rule, item) once, in the order first
 * told. Who was told is the Notification log's business, not the summary's.
 */
export function escalationsByLevel(
  locale: Locale,
  notices: readonly ReportNotice[],
  itemCell: (id: string) => ReportCell,
): EscalationLevel[] {
  const levels = new Map<string, Map<string, string>>();
  for (const notice of [...notices].sort((a, b) => a.time.getTime() - b.time.getTime())) {
    const items = levels.get(notice.level) ?? new Map<string, string>();
    const key = `${notice.rule}|${notice.item.trim().toUpperCase()}`;
    if (!items.has(key)) {
      const cell = itemCell(notice.item);
      const name = typeof cell === 'object' ? cell.name : String(cell);
      items.set(key, t(locale, 'summaryEscalationItem', { name, rule: ruleName(locale, notice.rule as Rule) }));
    }
    levels.set(notice.level, items);
  }
  return [...levels]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([level, items]) => ({ level, items: [...items.values()] }));
}
