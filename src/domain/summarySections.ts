/**
 * The weekly summary's sections (SPEC §2.8), each a function of the week's facts, and the two
 * lists that order them: the company-wide summary (the sheet, and every mail) and a department
 * head's part (the top of their mail). A new section is one function added to a list.
 */
import { dayKeyOf } from './calendar';
import { enumLabel } from './enums';
import { keyFiguresLine } from './keyFigures';
import {
  header,
  named,
  summaryTitle,
  type ReportSection,
  type ReportTask,
  type SummaryInput,
  type WeeklySummary,
} from './summary';
import { satisfactionSection } from './satisfactionSummary';
import { suggestionSection } from './suggestionSummary';
import { ATTENTION, departmentFacts, summaryFacts, type SummaryFacts } from './summaryFacts';
import type { ColumnKey } from './schema';

/** A section of the week's facts; undefined where the workbook has nothing of its kind (no 满意度 sheet). */
export type SummarySection = (facts: SummaryFacts) => ReportSection | undefined;

const taskColumn = (facts: SummaryFacts, column: ColumnKey<'tasks'>) => header(facts.input.locale, 'tasks', column);
const taskCell = (task: ReportTask) => named(task.name, task.id);

/** Everything wrong with a task, on one line: "逾期 2 个工作日；滞后（完成 50%，按计划应达 100%）；未更新（…）". */
function flagsOf(facts: SummaryFacts, task: ReportTask): string {
  const { calendar, now } = facts.input;
  const words = ATTENTION.filter((condition) => task.health.conditions.has(condition)).map((condition) => {
    switch (condition) {
      case 'overdue':
        return facts.text('summaryFlagOverdue', {
          days: Math.max(0, calendar.workingDaysBetween(task.health.dueAt ?? now, now)),
        });
      case 'lagging':
        return facts.text('summaryFlagLagging', { pct: task.pct, planned: task.health.expectedPct ?? 0 });
      case 'stale':
        return facts.text('summaryFlagStale', { at: facts.when(task.lastUpdate ?? task.start) });
      default:
        return facts.text('summaryFlagBlocked');
    }
  });
  return words.join(facts.text('summaryFlagSeparator'));
}

const completedSection: SummarySection = (facts) => ({
  heading: facts.text('summaryCompleted'),
  columns: [
    facts.text('summaryColTask'),
    facts.text('summaryColRequest'),
    taskColumn(facts, 'dept'),
    taskColumn(facts, 'owner'),
    facts.text('colCompletedOn'),
  ],
  rows: facts.completed.map((x) => [
    taskCell(x),
    facts.itemCell(x.request),
    x.dept,
    x.owner,
    facts.when(x.completedAt),
  ]),
});

/** Each task once, with every flag it has: a task overdue, lagging and stale is one task needing attention. */
const attentionSection: SummarySection = (facts) => ({
  heading: facts.text('summaryAttention'),
  columns: [
    facts.text('summaryColTask'),
    facts.text('summaryFlags'),
    taskColumn(facts, 'dept'),
    taskColumn(facts, 'owner'),
    taskColumn(facts, 'due'),
    facts.text('summaryColRequest'),
  ],
  rows: facts.attention.map((x) => [
    taskCell(x),
    flagsOf(facts, x),
    x.dept,
    x.owner,
    facts.when(x.due),
    facts.itemCell(x.request),
  ]),
});

const progressSection: SummarySection = (facts) => ({
  heading: facts.text('summaryProgress'),
  columns: [
    facts.text('summaryColTask'),
    facts.text('colEntriesThisWeek'),
    facts.text('colPctChange'),
    facts.text('colLatestSummary'),
    facts.text('colLatestDelayReason'),
    facts.text('colLastUpdateBy'),
  ],
  rows: facts.posted.map((p) => [
    facts.itemCell(p.task),
    p.entries,
    pctChange(p.fromPct, p.latest.pct),
    p.latest.summary,
    p.delayReason,
    [facts.when(p.latest.at), p.latest.by].filter((part) => part !== '').join(' · '),
  ]),
});

const dueNextSection: SummarySection = (facts) => ({
  heading: facts.text('summaryDueNext'),
  columns: [
    facts.text('summaryColTask'),
    taskColumn(facts, 'dept'),
    taskColumn(facts, 'owner'),
    taskColumn(facts, 'due'),
    taskColumn(facts, 'status'),
    taskColumn(facts, 'pct'),
  ],
  rows: facts.dueNext.map((x) => [
    taskCell(x),
    x.dept,
    x.owner,
    facts.when(x.due),
    x.status ? enumLabel('taskStatus', x.status, facts.input.locale) : '',
    `${x.pct}%`,
  ]),
});

function requestSection(heading: 'summaryNewRequests' | 'summaryPendingRequests'): SummarySection {
  return (facts) => {
    const column = (key: ColumnKey<'requests'>) => header(facts.input.locale, 'requests', key);
    const requests = heading === 'summaryNewRequests' ? facts.created : facts.pending;
    return {
      heading: facts.text(heading),
      columns: [
        facts.text('summaryColRequest'),
        column('dept'),
        column('requester'),
        column('status'),
        column('submitted'),
      ],
      rows: requests.map((r) => [
        named(r.title, r.id),
        r.dept,
        r.requester,
        r.status ? enumLabel('requestStatus', r.status, facts.input.locale) : '',
        facts.when(r.submitted),
      ]),
    };
  };
}

const openActionsSection: SummarySection = (facts) => {
  const column = (key: ColumnKey<'communications'>) => header(facts.input.locale, 'communications', key);
  return {
    heading: facts.text('summaryOpenActions'),
    columns: [
      facts.text('summaryColAction'),
      column('actionOwner'),
      column('actionDue'),
      facts.text('summaryColAbout'),
    ],
    rows: facts.actions.map((a) => [a.action, a.owner, facts.when(a.due), aboutOf(facts, a.ref, a.topic)]),
  };
};

/** What an action item is about: the request or task it refers to by name, else the meeting's topic. */
function aboutOf(facts: SummaryFacts, ref: string, topic: string) {
  const first = ref.split(/[、,，;；\s]+/).find((part) => part !== '');
  return first ? facts.itemCell(first) : topic;
}

/** Escalations sent, summarised: per level, how many items and each item on its own line; never who was mailed. */
const escalationsSection: SummarySection = (facts) => ({
  heading: facts.text('summaryEscalationsSent'),
  columns: [facts.text('summaryColLevel'), facts.text('summaryColItemCount'), facts.text('summaryColItems')],
  rows: facts.escalations.flatMap((e) =>
    e.items.map((item, i) => (i === 0 ? [e.level || '—', e.items.length, item] : ['', '', item])),
  ),
});

const waitingOnYouSection: SummarySection = (facts) => {
  const { calendar, now, locale } = facts.input;
  return {
    heading: facts.text('summaryWaitingOnYou'),
    columns: [
      facts.text('summaryColSignOff'),
      facts.text('summaryColItems'),
      facts.text('summaryColRequestedAt'),
      facts.text('summaryColWaitingDays'),
    ],
    rows: facts.waiting.map((s) => [
      s.subject ? enumLabel('signOffSubject', s.subject, locale) : '',
      facts.itemCell(s.ref),
      facts.when(s.requestedAt),
      s.requestedAt ? Math.max(0, calendar.workingDaysBetween(s.requestedAt, now)) : '',
    ]),
  };
};

const ratingsSection: SummarySection = ({ input }) =>
  input.ratings && satisfactionSection(input.locale, input.week, input.calendar, input.ratings);

const suggestionsSection: SummarySection = ({ input }) =>
  suggestionSection(input.locale, input.week, input.calendar, input.suggestions, input.suggestionDecisions);

/** The company-wide summary, in order: the sheet and every mail. */
export const SUMMARY_SECTIONS: readonly SummarySection[] = [
  attentionSection,
  completedSection,
  progressSection,
  dueNextSection,
  requestSection('summaryNewRequests'),
  requestSection('summaryPendingRequests'),
  openActionsSection,
  escalationsSection,
  ratingsSection,
  suggestionsSection,
];

/** A department head's part, first in their mail: what needs them, read from their department's facts. */
export const DEPARTMENT_SECTIONS: readonly SummarySection[] = [attentionSection, dueNextSection, waitingOnYouSection];

export function weeklySummary(input: SummaryInput): WeeklySummary {
  const { locale, week, now } = input;
  const facts = summaryFacts(input);
  const count = (condition: (typeof ATTENTION)[number]) =>
    facts.attention.filter((x) => x.health.conditions.has(condition)).length;
  const counts = {
    completed: facts.completed.length,
    attention: facts.attention.length,
    overdue: count('overdue'),
    lagging: count('lagging'),
    stale: count('stale'),
    dueNext: facts.dueNext.length,
    pending: facts.pending.length,
  };
  const headline = facts.text('summaryHeadline', counts);
  const keyFigures = facts.text('kpiWeek', { figures: keyFiguresLine(locale, input.figures) });
  return {
    week,
    counts,
    headline,
    keyFigures,
    title: summaryTitle(locale, week),
    lines: [
      facts.text('summaryPeriod', { from: dayKeyOf(week.first), to: dayKeyOf(week.last) }),
      facts.text('reportGenerated', { at: facts.when(now) }),
      // Third: the line folded summaries keep (gas/reportSheet.ts FOLDED_LINES).
      headline,
      keyFigures,
    ],
    sections: SUMMARY_SECTIONS.flatMap((section) => section(facts) ?? []),
    departments: input.departments
      .filter((dept) => dept.head !== '')
      .map((dept) => {
        const scoped = departmentFacts(facts, dept.name, dept.head);
        const sections = DEPARTMENT_SECTIONS.flatMap((section) => section(scoped) ?? []);
        return { dept: dept.name, head: dept.head, sections };
      }),
  };
}

/** "50% → 70%", or "70%" when it did not move. */
function pctChange(from: number | undefined, to: number | undefined): string {
  if (to === undefined) return from === undefined ? '' : `${from}%`;
  return from === undefined || from === to ? `${to}%` : `${from}% → ${to}%`;
}
