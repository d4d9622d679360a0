/**
 * The retrospective of one finished request (SPEC §2.8, 复盘): planned vs actual per task
 * (baseline due vs completion), delays with the reasons owners gave in Progress, acceptance
 * failures, the communications held, and what went well / what to improve / suggestions, drawn
 * from ratings, cases and suggestions (retrospectiveConclusions.ts) with room left for the team's own words.
 */
import { dateText } from './dateText';
import { t, type Locale } from '../i18n/index';
import type { WorkCalendar } from './calendar';
import { baselineDeadline, isOnTime } from './kpis';
import type { AcceptanceRecord } from './records';
import { type ColumnKey } from './schema';
import { enumLabel } from './enums';
import { conclusionSections, type ConclusionInput } from './retrospectiveConclusions';
import {
  header,
  type Report,
  type ReportAction,
  type ReportProgress,
  type ReportRequest,
  type ReportTask,
} from './summary';

export type AcceptanceFailure = Pick<AcceptanceRecord, 'task' | 'deliverable' | 'date' | 'reason' | 'acceptedBy'>;

export interface RetrospectiveInput {
  readonly locale: Locale;
  readonly now: Date;
  readonly calendar: WorkCalendar;
  readonly request: ReportRequest;
  /** The request's tasks. */
  readonly tasks: readonly ReportTask[];
  /** Progress entries of those tasks. */
  readonly progress: readonly ReportProgress[];
  readonly failures: readonly AcceptanceFailure[];
  /** Communication log rows that mention the request or one of its tasks. */
  readonly communications: readonly ReportAction[];
  /** The request's ratings, its cases and the suggestions about it; none when absent. */
  readonly conclusions?: Pick<ConclusionInput, 'ratings' | 'cases' | 'suggestions'>;
}

/** "On track" as owners type it in the delay-reason column: not a delay. */
const NO_DELAY = new Set(['', '无', '没有', '暂无', '-', '—', '/', 'none', 'n/a', 'na', 'no', 'on track']);

export function isDelayReason(text: string): boolean {
  return !NO_DELAY.has(text.trim().toLowerCase());
}

const ID_PATTERN = /\b(XQ\d{9}|RW\d{9}-\d{2,})\b/gi;

/**
 * Request IDs a reference cell mentions, directly or through one of their task IDs (upper case);
 * a task ID not in `taskRequests` names its request by its digits (RW202407001-01 → XQ202407001).
 */
export function requestsMentioned(ref: string, taskRequests: ReadonlyMap<string, string>): string[] {
  const found = new Set<string>();
  for (const match of ref.matchAll(ID_PATTERN)) {
    const id = match[1]!.toUpperCase();
    const request = id.startsWith('XQ') ? id : (taskRequests.get(id) ?? `XQ${id.slice(2, 11)}`);
    found.add(request.toUpperCase());
  }
  return [...found];
}

/** Working days a task finished after its baseline due; negative when early; undefined while unfinished. */
export function delayDays(
  task: Pick<ReportTask, 'baseline' | 'due' | 'completedAt'>,
  calendar: WorkCalendar,
): number | undefined {
  const deadline = baselineDeadline(task, calendar);
  if (!deadline || !task.completedAt) return undefined;
  if (task.completedAt <= deadline) return 0 - calendar.workingDaysBetween(task.completedAt, deadline);
  return Math.max(1, calendar.workingDaysBetween(deadline, task.completedAt));
}

export function retrospectiveTitle(locale: Locale, requestId: string): string {
  return t(locale, 'retroTitle', { id: requestId });
}

export function retrospective(input: RetrospectiveInput): Report {
  const { locale, calendar, request } = input;
  const when = (date: Date | undefined) => dateText(date, calendar);
  const task = (column: ColumnKey<'tasks'>) => header(locale, 'tasks', column);
  const req = (column: ColumnKey<'requests'>) => header(locale, 'requests', column);
  const progress = (column: ColumnKey<'progress'>) => header(locale, 'progress', column);
  const acceptance = (column: ColumnKey<'acceptance'>) => header(locale, 'acceptance', column);
  const comm = (column: ColumnKey<'communications'>) => header(locale, 'communications', column);

  const delays = input.tasks.map((x) => ({ task: x, delay: delayDays(x, calendar) }));
  const judged = input.tasks.map((x) => isOnTime(x, calendar));
  const reasons = input.progress.filter((p) => isDelayReason(p.delayReason));

  return {
    title: retrospectiveTitle(locale, request.id),
    lines: [request.title, t(locale, 'reportGenerated', { at: when(input.now) })],
    sections: [
      {
        heading: t(locale, 'retroOverview'),
        columns: [t(locale, 'retroItem'), t(locale, 'retroValue')],
        rows: [
          [req('id'), request.id],
          [req('title'), request.title],
          [req('dept'), request.dept],
          [req('lead'), request.lead],
          [req('expected'), when(request.expected)],
          [req('approved'), when(request.approved)],
          [req('closed'), when(request.closed)],
          [t(locale, 'retroTaskCount'), input.tasks.length],
          [t(locale, 'retroOnTimeCount'), judged.filter((onTime) => onTime === true).length],
          [t(locale, 'retroDelayedCount'), judged.filter((onTime) => onTime === false).length],
          [t(locale, 'retroFailureCount'), input.failures.length],
          [t(locale, 'retroCommunicationCount'), input.communications.length],
        ],
      },
      {
        heading: t(locale, 'retroPlanVsActual'),
        columns: [
          task('id'),
          task('name'),
          task('dept'),
          task('owner'),
          task('start'),
          task('baseline'),
          t(locale, 'retroFinalDue'),
          t(locale, 'colCompletedOn'),
          t(locale, 'retroDelayDays'),
          task('status'),
        ],
        rows: delays.map(({ task: x, delay }) => [
          x.id,
          x.name,
          x.dept,
          x.owner,
          when(x.start),
          when(x.baseline ?? x.due),
          when(x.due),
          when(x.completedAt),
          delay === undefined ? '' : delay,
          x.status ? enumLabel('taskStatus', x.status, locale) : '',
        ]),
      },
      {
        heading: t(locale, 'retroDelays'),
        columns: [
          progress('task'),
          progress('updatedAt'),
          progress('summary'),
          progress('pct'),
          progress('delayReason'),
          progress('mitigation'),
        ],
        rows: reasons.map((p) => [
          p.task,
          when(p.at),
          p.summary,
          p.pct === undefined ? '' : `${p.pct}%`,
          p.delayReason,
          p.mitigation,
        ]),
      },
      {
        heading: t(locale, 'retroFailures'),
        columns: [
          acceptance('task'),
          acceptance('deliverable'),
          acceptance('date'),
          acceptance('reason'),
          acceptance('acceptedBy'),
        ],
        rows: input.failures.map((f) => [f.task, f.deliverable, when(f.date), f.reason, f.acceptedBy]),
      },
      {
        heading: t(locale, 'retroCommunications'),
        columns: [comm('date'), comm('topic'), comm('participants'), comm('actions'), comm('actionOwner')],
        rows: input.communications.map((c) => [when(c.date), c.topic, c.participants, c.action, c.owner]),
      },
      ...conclusionSections({
        locale,
        ratings: [],
        cases: [],
        suggestions: [],
        ...input.conclusions,
        onTime: judged.filter((onTime) => onTime === true).length,
        judged: judged.filter((onTime) => onTime !== undefined).length,
      }),
    ],
  };
}
