/**
 * The cases a retrospective proposes to the 问题案例库 (SPEC §2.12): one per delayed task (its latest
 * delay reason that is not 无), one per acceptance failure, one per L3 episode of the request's
 * items. Each names its source, so proposing again adds nothing (app/caseProposals.ts).
 */
import type { WorkCalendar } from './calendar';
import { guessCategory } from './caseCategory';
import { dateText } from './dateText';
import type { CaseProposal } from './caseLibrary';
import { t, type Locale } from '../i18n/index';
import { delayDays, isDelayReason, type AcceptanceFailure } from './retrospective';
import type { ReportProgress, ReportRequest, ReportTask } from './summary';

/** An L3 escalation told (a Notification log entry at level L3, sent or as good as sent). */
export interface Escalated {
  readonly time: Date;
  readonly item: string;
}

export interface RetrospectiveCaseInput {
  readonly locale: Locale;
  readonly calendar: WorkCalendar;
  readonly request: ReportRequest;
  readonly tasks: readonly ReportTask[];
  readonly progress: readonly ReportProgress[];
  readonly failures: readonly AcceptanceFailure[];
  /** L3 tellings about the request or its tasks. */
  readonly escalations: readonly Escalated[];
}

/**
 * Working days of silence after which an item's next L3 is a new episode: the repeat schedule's
 * longest gap (4 working days) and the one-day tolerance told.ts allows a missed scan.
 */
const EPISODE_GAP_DAYS = 5;

export function retrospectiveCases(input: RetrospectiveCaseInput): CaseProposal[] {
  return [...delayedTaskCases(input), ...failureCases(input), ...escalationCases(input)];
}

function taskLinks(input: RetrospectiveCaseInput, taskId: string): string[] {
  return [taskId, input.request.id];
}

function deptsOf(...depts: readonly string[]): string[] {
  return [...new Set(depts.map((d) => d.trim()).filter((d) => d !== ''))];
}

/** The task's latest delay reason that is not 无 (progress in sheet order, the newest by time). */
function latestReason(input: RetrospectiveCaseInput, taskId: string): string | undefined {
  const wanted = taskId.toUpperCase();
  const given = input.progress.filter((p) => p.task.toUpperCase() === wanted && isDelayReason(p.delayReason));
  if (given.length === 0) return undefined;
  const time = (p: ReportProgress) => p.at?.getTime() ?? -Infinity;
  const newest = given.reduce((latest, p) => (time(p) >= time(latest) ? p : latest));
  return newest.delayReason.trim();
}

function delayedTaskCases(input: RetrospectiveCaseInput): CaseProposal[] {
  const { locale, calendar } = input;
  return input.tasks.flatMap((task) => {
    const days = delayDays(task, calendar);
    const reason = latestReason(input, task.id);
    if (days === undefined || days <= 0 || reason === undefined) return [];
    return [
      {
        source: `delay:${task.id.toUpperCase()}`,
        problem: t(locale, 'caseDelayProblem', {
          id: task.id,
          name: task.name,
          days,
          baseline: dateText(task.baseline ?? task.due, calendar),
          done: dateText(task.completedAt, calendar),
        }),
        rootCause: reason,
        category: guessCategory(reason),
        depts: deptsOf(task.dept),
        links: taskLinks(input, task.id),
      },
    ];
  });
}

function failureCases(input: RetrospectiveCaseInput): CaseProposal[] {
  const { locale, calendar } = input;
  const names = new Map(input.tasks.map((task) => [task.id.toUpperCase(), task]));
  return input.failures.map((failure) => {
    const task = names.get(failure.task.toUpperCase());
    const day = dateText(failure.date, calendar);
    return {
      source: `acceptance:${failure.task.toUpperCase()}@${day}:${failure.deliverable.trim()}`,
      problem: t(locale, 'caseFailureProblem', {
        id: failure.task,
        name: task?.name ?? '',
        deliverable: failure.deliverable,
        date: day,
        reason: failure.reason || t(locale, 'caseNoComment'),
      }),
      rootCause: failure.reason,
      category: guessCategory(failure.reason),
      depts: deptsOf(task?.dept ?? '', input.request.dept),
      links: taskLinks(input, failure.task),
    };
  });
}

/** Each item's L3 tellings split into episodes where the log fell silent longer than the repeat schedule. */
export function escalationEpisodes(
  escalations: readonly Escalated[],
  calendar: WorkCalendar,
): { item: string; first: Date; last: Date; told: number }[] {
  const byItem = new Map<string, Date[]>();
  for (const { item, time } of escalations) {
    const key = item.trim().toUpperCase();
    const times = byItem.get(key);
    if (times) times.push(time);
    else byItem.set(key, [time]);
  }
  const episodes: { item: string; first: Date; last: Date; told: number }[] = [];
  for (const [item, times] of byItem) {
    const ordered = [...times].sort((a, b) => a.getTime() - b.getTime());
    let current: { item: string; first: Date; last: Date; told: number } | undefined;
    for (const time of ordered) {
      if (current && calendar.workingDaysBetween(current.last, time) <= EPISODE_GAP_DAYS) {
        current.last = time;
        current.told++;
      } else episodes.push((current = { item, first: time, last: time, told: 1 }));
    }
  }
  return episodes;
}

function escalationCases(input: RetrospectiveCaseInput): CaseProposal[] {
  const { locale, calendar } = input;
  const tasks = new Map(input.tasks.map((task) => [task.id.toUpperCase(), task]));
  return escalationEpisodes(input.escalations, calendar).map((episode) => {
    const task = tasks.get(episode.item);
    const id = task?.id ?? episode.item;
    const reason = task ? (latestReason(input, task.id) ?? '') : '';
    return {
      source: `l3:${episode.item}@${dateText(episode.first, calendar)}`,
      problem: t(locale, 'caseEscalationProblem', {
        id,
        name: task?.name ?? input.request.title,
        since: dateText(episode.first, calendar),
        told: episode.told,
      }),
      rootCause: reason,
      category: reason ? guessCategory(reason) : 'other',
      depts: deptsOf(task?.dept ?? input.request.dept),
      links: task ? taskLinks(input, task.id) : [input.request.id],
    };
  });
}
