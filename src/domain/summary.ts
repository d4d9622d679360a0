/**
 * The weekly summary (SPEC §2.8) as a report: titled sections of rows, written to the sheet
 * 周报 YYYY-Www and, optionally, mailed as HTML with a plain-text part. Also the report shape the
 * retrospective shares, ISO weeks in the spreadsheet's time zone, and when a task was completed.
 */
import { dateText } from './dateText';
import { t, type Locale, type MessageKey } from '../i18n/index';
import { dayKeyOf, mondayOf, pad2, type CivilDay, type WorkCalendar } from './calendar';
import { escapeHtml, ruleName, type Digest } from './digest';
import { keyFiguresLine, type KeyFigures } from './keyFigures';
import { RULES, type Rule } from './notice';
import { parseList } from './values';
import type { TaskFacts, TaskHealth } from './health';
import { isOpenWork } from './health';
import type { ActionRecord, ProgressRecord, RequestRecord, TaskRecord } from './records';
import type { RatingRecord } from './satisfaction';
import { satisfactionSection } from './satisfactionSummary';
import { columnDef, columnLabel, type ColumnKey, type SheetKey } from './schema';
import { enumLabel, type NotificationStatus, type TaskStatus } from './enums';

export type ReportCell = string | number;

export interface ReportSection {
  readonly heading: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ReportCell[])[];
  /** Blank lines left under the heading for people to write in (retrospective conclusions). */
  readonly writeIn?: number;
}

export interface Report {
  readonly title: string;
  /** Lines under the title: period, generation time, counts. */
  readonly lines: readonly string[];
  readonly sections: readonly ReportSection[];
}

/** A column header of the catalogue in the workbook's language. */
export function header<S extends SheetKey>(locale: Locale, sheet: S, column: ColumnKey<S>): string {
  return columnLabel(columnDef(sheet, column), locale);
}

// ---------------------------------------------------------------- weeks

export interface IsoWeek {
  readonly year: number;
  readonly week: number;
  /** Monday and Sunday of the week. */
  readonly first: CivilDay;
  readonly last: CivilDay;
}

/** The ISO 8601 week of a civil day: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(day: CivilDay): IsoWeek {
  const first = mondayOf(day);
  const thursday = first + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const january4 = Date.UTC(year, 0, 4) / 86_400_000;
  const week1Monday = mondayOf(january4);
  return { year, week: (first - week1Monday) / 7 + 1, first, last: first + 6 };
}

/** 2024-W28 */
export function weekLabel(week: IsoWeek): string {
  return `${week.year}-W${pad2(week.week)}`;
}

/**
 * The week a summary generated at `now` reports on: the current ISO week, or the previous one
 * while the current week's first working day has not ended yet (the Monday-morning summary is
 * about the week just finished).
 */
export function reportWeek(now: Date, calendar: WorkCalendar): IsoWeek {
  const current = isoWeekOf(calendar.dayOf(now));
  let firstWorking: CivilDay | undefined;
  for (let day = current.first; day <= current.last; day++) {
    if (calendar.isWorkingDay(day)) {
      firstWorking = day;
      break;
    }
  }
  const started = firstWorking !== undefined && now.getTime() >= calendar.endOfWorkingDay(firstWorking).getTime();
  return started ? current : isoWeekOf(current.first - 7);
}

// ---------------------------------------------------------------- facts the summary reads

export interface ReportTask extends Pick<
  TaskRecord,
  keyof TaskFacts | 'row' | 'id' | 'name' | 'request' | 'dept' | 'owner' | 'baseline'
> {
  /** When the work was accepted (latest pass), or, without an acceptance row, the last update of a done task. */
  readonly completedAt: Date | undefined;
  readonly health: TaskHealth;
}

export type ReportProgress = Pick<
  ProgressRecord,
  'task' | 'summary' | 'pct' | 'delayReason' | 'mitigation' | 'at' | 'by'
>;

export type ReportRequest = Pick<
  RequestRecord,
  'id' | 'title' | 'dept' | 'requester' | 'lead' | 'status' | 'expected' | 'submitted' | 'approved' | 'closed'
>;

export type ReportAction = Pick<
  ActionRecord,
  'date' | 'ref' | 'topic' | 'participants' | 'action' | 'owner' | 'due' | 'status'
>;

export interface ReportNotice {
  readonly time: Date;
  readonly rule: string;
  readonly level: string;
  readonly item: string;
  readonly recipients: string;
  readonly status: NotificationStatus | undefined;
}

/** When each task was completed: the latest passing acceptance date, keyed by upper-case task ID. */
export function acceptedDates(
  passes: readonly { readonly task: string; readonly date: Date | undefined }[],
): Map<string, Date> {
  const dates = new Map<string, Date>();
  for (const { task, date } of passes) {
    const key = task.trim().toUpperCase();
    const previous = dates.get(key);
    if (date && (!previous || date > previous)) dates.set(key, date);
  }
  return dates;
}

export function completedAt(
  status: TaskStatus | undefined,
  lastUpdate: Date | undefined,
  accepted: Date | undefined,
): Date | undefined {
  if (status !== 'done') return undefined;
  return accepted ?? lastUpdate;
}

// ---------------------------------------------------------------- the summary

export interface SummaryInput {
  readonly now: Date;
  readonly week: IsoWeek;
  readonly calendar: WorkCalendar;
  readonly locale: Locale;
  readonly tasks: readonly ReportTask[];
  readonly progress: readonly ReportProgress[];
  readonly requests: readonly ReportRequest[];
  readonly actions: readonly ReportAction[];
  readonly notices: readonly ReportNotice[];
  /** SPEC §3.9 for the week, as the dashboard computes them per month. */
  readonly figures: KeyFigures;
  /** The 满意度 rows; no section without the sheet. */
  readonly ratings?: readonly RatingRecord[];
}

export interface WeeklySummary extends Report {
  readonly week: IsoWeek;
  readonly counts: Readonly<Record<'completed' | 'overdue' | 'lagging' | 'stale' | 'dueNext' | 'pending', number>>;
}

/** The Notification log's rule for the summary mail; its item is the week ("2024-W28"). */
export const SUMMARY_MAIL_RULE = 'weeklySummary';

/** The summary mail's log key for one week: like a notice's, rule|level|item (no level). */
export function summaryMailKey(week: IsoWeek): string {
  return `${SUMMARY_MAIL_RULE}||${weekLabel(week)}`;
}

export function summaryTitle(locale: Locale, week: IsoWeek): string {
  return t(locale, 'summaryTitle', { week: weekLabel(week) });
}

const TOLD: readonly (NotificationStatus | undefined)[] = ['sent', 'dry-run'];

export function weeklySummary(input: SummaryInput): WeeklySummary {
  const { locale, calendar, week, now } = input;
  const text = (key: MessageKey) => t(locale, key);
  const inWeek = (date: Date | undefined, w: IsoWeek = week) => {
    if (!date) return false;
    const day = calendar.dayOf(date);
    return day >= w.first && day <= w.last;
  };
  const when = (date: Date | undefined) => dateText(date, calendar);
  const task = (column: ColumnKey<'tasks'>) => header(locale, 'tasks', column);
  const taskCells = (x: ReportTask) => [x.id, x.name, x.dept, x.owner];
  const taskColumns = [task('id'), task('name'), task('dept'), task('owner')];
  const byDue = (a: ReportTask, b: ReportTask) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity);
  const names = new Map(input.tasks.map((x) => [x.id.toUpperCase(), x.name]));
  const nextWeek: IsoWeek = { ...week, first: week.first + 7, last: week.last + 7 };

  const completed = input.tasks
    .filter((x) => inWeek(x.completedAt))
    .sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime());
  const posted = progressByTask(input.progress, inWeek);
  const overdue = input.tasks.filter((x) => x.health.conditions.has('overdue')).sort(byDue);
  const lagging = input.tasks.filter((x) => x.health.conditions.has('lagging')).sort(byDue);
  const stale = input.tasks.filter((x) => x.health.conditions.has('stale')).sort(byDue);
  const dueNext = input.tasks.filter((x) => isOpenWork(x.status) && inWeek(x.due, nextWeek)).sort(byDue);
  const created = input.requests.filter((r) => inWeek(r.submitted));
  const pending = input.requests.filter((r) => r.status === 'pending' || r.status === 'changes');
  const actions = input.actions
    .filter((a) => a.action !== '' && a.status !== 'done')
    .sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity));
  const escalations = escalationsByItem(
    // The log also records mail that is not a notice (the summary itself): not an escalation.
    input.notices.filter(
      (n) => TOLD.includes(n.status) && inWeek(n.time) && (RULES as readonly string[]).includes(n.rule),
    ),
  );

  const request = (column: ColumnKey<'requests'>) => header(locale, 'requests', column);
  const requestColumns = [
    request('id'),
    request('title'),
    request('dept'),
    request('requester'),
    request('status'),
    request('submitted'),
  ];
  const requestCells = (r: ReportRequest) => [
    r.id,
    r.title,
    r.dept,
    r.requester,
    r.status ? enumLabel('requestStatus', r.status, locale) : '',
    when(r.submitted),
  ];
  const log = (column: ColumnKey<'notificationLog'>) => header(locale, 'notificationLog', column);
  const comm = (column: ColumnKey<'communications'>) => header(locale, 'communications', column);
  const progress = (column: ColumnKey<'progress'>) => header(locale, 'progress', column);

  const counts = {
    completed: completed.length,
    overdue: overdue.length,
    lagging: lagging.length,
    stale: stale.length,
    dueNext: dueNext.length,
    pending: pending.length,
  };
  return {
    week,
    counts,
    title: summaryTitle(locale, week),
    lines: [
      t(locale, 'summaryPeriod', { from: dayKeyOf(week.first), to: dayKeyOf(week.last) }),
      t(locale, 'reportGenerated', { at: when(now) }),
      t(locale, 'summaryCounts', counts),
      t(locale, 'kpiWeek', { figures: keyFiguresLine(locale, input.figures) }),
    ],
    sections: [
      {
        heading: text('summaryCompleted'),
        columns: [...taskColumns, text('colCompletedOn'), task('request')],
        rows: completed.map((x) => [...taskCells(x), when(x.completedAt), x.request]),
      },
      {
        heading: text('summaryProgress'),
        columns: [
          progress('task'),
          task('name'),
          text('colEntriesThisWeek'),
          text('colPctChange'),
          text('colLatestSummary'),
          text('colLatestDelayReason'),
          text('colLastUpdateBy'),
        ],
        rows: posted.map((p) => [
          p.task,
          names.get(p.task.toUpperCase()) ?? '',
          p.entries,
          pctChange(p.fromPct, p.latest.pct),
          p.latest.summary,
          p.delayReason,
          [when(p.latest.at), p.latest.by].filter((part) => part !== '').join(' · '),
        ]),
      },
      {
        heading: text('summaryOverdue'),
        columns: [...taskColumns, task('due'), text('colDaysOverdue')],
        rows: overdue.map((x) => [
          ...taskCells(x),
          when(x.due),
          Math.max(0, calendar.workingDaysBetween(x.health.dueAt ?? now, now)),
        ]),
      },
      {
        heading: text('summaryLagging'),
        columns: [...taskColumns, task('pct'), text('colPlannedPct'), task('due')],
        rows: lagging.map((x) => [...taskCells(x), `${x.pct}%`, `${x.health.expectedPct ?? 0}%`, when(x.due)]),
      },
      {
        heading: text('summaryStale'),
        columns: [...taskColumns, task('lastUpdate'), task('due')],
        rows: stale.map((x) => [...taskCells(x), when(x.lastUpdate ?? x.start), when(x.due)]),
      },
      {
        heading: text('summaryDueNext'),
        columns: [...taskColumns, task('due'), task('status'), task('pct')],
        rows: dueNext.map((x) => [
          ...taskCells(x),
          when(x.due),
          x.status ? enumLabel('taskStatus', x.status, locale) : '',
          `${x.pct}%`,
        ]),
      },
      { heading: text('summaryNewRequests'), columns: requestColumns, rows: created.map(requestCells) },
      { heading: text('summaryPendingRequests'), columns: requestColumns, rows: pending.map(requestCells) },
      {
        heading: text('summaryOpenActions'),
        columns: [comm('ref'), comm('topic'), comm('actions'), comm('actionOwner'), comm('actionDue')],
        rows: actions.map((a) => [a.ref, a.topic, a.action, a.owner, when(a.due)]),
      },
      {
        heading: text('summaryEscalations'),
        columns: [
          log('level'),
          log('rule'),
          log('item'),
          text('colTimesTold'),
          text('colToldFromTo'),
          log('recipients'),
          log('status'),
        ],
        rows: escalations.map((e) => [
          e.level,
          ruleText(locale, e.rule),
          e.item,
          e.times,
          e.first.getTime() === e.last.getTime() ? when(e.first) : `${when(e.first)} – ${when(e.last)}`,
          e.recipients.join(', '),
          e.status ? enumLabel('notificationStatus', e.status, locale) : '',
        ]),
      },
      ...(input.ratings ? [satisfactionSection(locale, week, calendar, input.ratings)] : []),
    ],
  };
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

/** "50% → 70%", or "70%" when it did not move. */
function pctChange(from: number | undefined, to: number | undefined): string {
  if (to === undefined) return from === undefined ? '' : `${from}%`;
  return from === undefined || from === to ? `${to}%` : `${from}% → ${to}%`;
}

/** One notice (rule, level, item) told in the week: a row of the summary however many times and people it reached. */
export interface EscalationWeek {
  readonly rule: string;
  readonly level: string;
  readonly item: string;
  /** Distinct times it went out (one log row per recipient shares its time). */
  readonly times: number;
  readonly first: Date;
  readonly last: Date;
  /** Everyone told, once each, in the order first told. */
  readonly recipients: readonly string[];
  /** The status of its latest telling. */
  readonly status: NotificationStatus | undefined;
}

/** Log rows of notices told, grouped per (rule, level, item): highest level first, then first told. */
export function escalationsByItem(notices: readonly ReportNotice[]): EscalationWeek[] {
  const groups = new Map<string, ReportNotice[]>();
  for (const notice of [...notices].sort((a, b) => a.time.getTime() - b.time.getTime())) {
    const key = `${notice.rule}|${notice.level}|${notice.item}`;
    const told = groups.get(key) ?? [];
    told.push(notice);
    groups.set(key, told);
  }
  return [...groups.values()]
    .map((told) => {
      const recipients = new Map<string, string>();
      for (const notice of told)
        for (const recipient of parseList(notice.recipients))
          if (!recipients.has(recipient.toLowerCase())) recipients.set(recipient.toLowerCase(), recipient);
      const last = told.at(-1)!;
      return {
        rule: last.rule,
        level: last.level,
        item: last.item,
        times: new Set(told.map((notice) => notice.time.getTime())).size,
        first: told[0]!.time,
        last: last.time,
        recipients: [...recipients.values()],
        status: last.status,
      };
    })
    .sort((a, b) => b.level.localeCompare(a.level) || a.first.getTime() - b.first.getTime());
}

function ruleText(locale: Locale, rule: string): string {
  return (RULES as readonly string[]).includes(rule) ? ruleName(locale, rule as Rule) : rule;
}

// ---------------------------------------------------------------- email

/**
 * Rows each section shows in the email; the rest are counted and left to the sheet, which keeps
 * every row: a mail of thousands of rows is unreadable and Gmail clips it past ~102 KB.
 */
export const EMAIL_SECTION_ROWS = 20;

/** The summary as one email per recipient: HTML tables (every user string escaped) and the same content as plain text. */
export function summaryEmail(summary: WeeklySummary, recipient: string, locale: Locale, link: string): Digest {
  const week = weekLabel(summary.week);
  const period = t(locale, 'summaryPeriod', { from: dayKeyOf(summary.week.first), to: dayKeyOf(summary.week.last) });
  const intro = t(locale, 'summaryEmailIntro', { week, period });
  const none = t(locale, 'reportNone');
  const open = t(locale, 'summaryEmailOpen');
  // Borders and padding from the table's attributes, not a style on every cell: a cell's style is
  // ~80 bytes, and ten sections of rows would be most of the mail Gmail clips at ~102 KB.
  const table =
    '<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;border-color:#dadce0">';

  const html: string[] = [
    `<div style="font-family:Arial,'Microsoft YaHei',sans-serif;font-size:14px">`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p><b>${escapeHtml(summary.lines[2] ?? '')}</b></p>`,
  ];
  const text: string[] = [intro, '', summary.lines[2] ?? '', ''];
  for (const section of summary.sections) {
    html.push(`<h3 style="margin:16px 0 4px">${escapeHtml(section.heading)} (${section.rows.length})</h3>`);
    text.push(`== ${section.heading} (${section.rows.length}) ==`);
    if (section.rows.length === 0) {
      html.push(`<p style="color:#757575">${escapeHtml(none)}</p>`);
      text.push(none, '');
      continue;
    }
    html.push(
      table,
      `<tr style="background:#f1f3f4">${section.columns.map((c) => `<th align="left">${escapeHtml(c)}</th>`).join('')}</tr>`,
    );
    for (const row of section.rows.slice(0, EMAIL_SECTION_ROWS)) {
      html.push(`<tr valign="top">${row.map((value) => `<td>${escapeHtml(String(value))}</td>`).join('')}</tr>`);
      text.push(
        `- ${row
          .map(String)
          .filter((value) => value !== '')
          .join(' | ')}`,
      );
    }
    html.push('</table>');
    const more = section.rows.length - EMAIL_SECTION_ROWS;
    if (more > 0) {
      const rest = t(locale, 'summaryEmailMore', { count: more, sheet: summary.title });
      html.push(`<p style="color:#757575">${escapeHtml(rest)}</p>`);
      text.push(rest);
    }
    text.push('');
  }
  html.push(`<p><a href="${escapeHtml(link)}">${escapeHtml(open)}</a></p>`, '</div>');
  text.push(`${open}: ${link}`);
  return {
    recipient,
    subject: t(locale, 'summaryEmailSubject', {
      week,
      completed: summary.counts.completed,
      overdue: summary.counts.overdue,
    }),
    htmlBody: html.join('\n'),
    textBody: text.join('\n'),
  };
}
