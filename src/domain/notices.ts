/**
 * Notices (SPEC §3.3): which rule fires for which item, at which level, to whom, decided from the
 * tables, the Notification log and `now`, by rule family (taskNotices, signOffNotices,
 * splitNotices, escalationNotices; the notice and its items are notice.ts's). What the log says was told is
 * told.ts's; cooldown, quota and the queue are delivery.ts's; sending and writing are the app
 * layer's job.
 */
import { dateText } from './dateText';
import { dayKeyOf, type CivilDay, type WorkCalendar } from './calendar';
import { cellBudgetNotice } from './cellBudget';
import { findDepartment, resolveEmail, standIn, type StandIn } from './directory';
import { unresolvedNotices } from './escalationNotices';
import {
  memo,
  normalId,
  RULE_LEVEL,
  unique,
  type ActionItem,
  type EscalationInput,
  type Notice,
  type TaskEntry,
  type TaskRuleScope,
} from './notice';
import { checkOwner } from './owner';
import { ratingNotices } from './ratingNotices';
import { signOffNotices } from './signOffNotices';
import { splitNotices } from './splitNotices';
import { suggestionNotices } from './suggestionNotices';
import { latestFailures, taskNotices } from './taskNotices';
import { toldTimes } from './told';

/** Every notice the current state calls for, before cooldown and quota. */
export function findNotices(input: EscalationInput): Notice[] {
  const { now, settings, calendar, directory } = input;
  const requestsById = new Map(input.requests.map((r) => [normalId(r.id), r]));
  // Built on the first look-up: only dependencies, action items, plan changes and escalations need it.
  let tasksById: Map<string, TaskEntry> | undefined;
  const taskById = (id: string): TaskEntry | undefined => {
    if (!tasksById) {
      tasksById = new Map();
      for (const entry of input.tasks) tasksById.set(normalId(entry.task.id), entry);
    }
    return tasksById.get(normalId(id));
  };
  const notices: Notice[] = [];
  const text = (instant: Date) => dateText(instant, calendar);
  // Directory look-ups scan People and Departments; thousands of tasks share a few hundred names.
  const email = memo((person: string) => (person.trim() === '' ? undefined : resolveEmail(directory, person)));
  const head = memo((dept: string) => email(findDepartment(directory, dept)?.head ?? ''));
  const sponsor = memo((dept: string) => email(findDepartment(directory, dept)?.sponsor ?? ''));
  // Shared by the tasks of a request; nothing below changes the list.
  const coordinatorsOf = memo((requestId: string): string[] => {
    const own = email(requestsById.get(normalId(requestId))?.coordinator ?? '');
    return own ? [own] : [...settings.coordinators];
  });

  const add = (
    notice: Omit<Notice, 'level' | 'to' | 'cc'>,
    to: (string | undefined)[],
    cc: (string | undefined)[] = [],
    fallback: string[] = [],
  ) => {
    let toList = unique(to);
    // Nobody to tell (no owner, no head in Departments): the coordinators hear instead.
    if (toList.length === 0) toList = unique(fallback.length > 0 ? fallback : settings.coordinators);
    const ccList = unique(cc, toList);
    const { rule, item, sheet, row, title, occurrence, facts } = notice;
    const level = RULE_LEVEL[rule];
    notices.push(
      occurrence
        ? { rule, level, item, sheet, row, title, to: toList, cc: ccList, occurrence, facts }
        : { rule, level, item, sheet, row, title, to: toList, cc: ccList, facts },
    );
  };
  // Read from the log only when some task has a failure to tell.
  let told: ReadonlyMap<string, readonly Date[]> | undefined;
  const scope: TaskRuleScope = {
    now,
    settings,
    calendar,
    // Working days are counted from today's civil day, found once rather than per task.
    today: calendar.dayOf(now),
    requestsById,
    taskById,
    failures: latestFailures(input.acceptances ?? []),
    text,
    email,
    head,
    ownerOf: memo((cell: string) => checkOwner(cell, directory)),
    coordinatorsOf,
    wasTold: (key) => (told ??= toldTimes(input.log, settings.emailMode)).has(key),
    add,
  };
  for (const { task, health } of input.tasks) {
    // Work starts only through sign-off (SPEC §3.6): until its request is 执行中 a task raises no
    // dueSoon, stale or lagging notice. A task whose request is not on Requests is not held back.
    const request = task.request === '' ? undefined : requestsById.get(normalId(task.request));
    taskNotices(scope, task, health, request === undefined || request.status === 'executing');
  }
  if (input.signOffs) signOffNotices(scope, input.signOffs, input.tasks);
  splitNotices(scope, input.tasks, input.signOffs ?? []);
  if (input.suggestions) suggestionNotices(scope, input.suggestions);

  for (const request of input.requests) {
    if (request.status !== 'pending' || !request.submitted) continue;
    const days = calendar.workingDaysBetween(request.submitted, now);
    if (days <= Math.min(settings.requestEvaluationDays, settings.requestReviewDays)) continue;
    const heads = days > settings.requestReviewDays ? unique([request.dept, ...request.depts].map(head)) : [];
    add(
      {
        rule: 'reviewPending',
        item: request.id,
        sheet: 'requests',
        row: request.row,
        title: request.title,
        facts: { days, submitted: text(request.submitted) },
      },
      [...settings.coordinators, ...heads],
    );
  }

  for (const action of input.actions) {
    if (action.status === 'done' || !action.due) continue;
    const dueAt = calendar.dueInstant(action.due);
    if (now.getTime() <= dueAt.getTime()) continue;
    const facts = {
      due: text(dueAt),
      topic: action.topic,
      ref: action.ref,
      days: Math.max(1, calendar.workingDaysBetween(dueAt, now)),
    };
    const fallback = action.ref ? coordinatorsOf(taskById(action.ref)?.task.request ?? action.ref) : [];
    add(
      {
        rule: 'actionOverdue',
        item: actionId(action, calendar),
        sheet: 'communications',
        row: action.row,
        title: action.action || action.topic,
        facts,
      },
      [email(action.owner)],
      [],
      fallback,
    );
  }

  for (const change of input.changes) {
    if (change.status !== 'pending' || !change.requestedAt) continue;
    const days = calendar.workingDaysBetween(change.requestedAt, now);
    if (days <= settings.changeApprovalDays) continue;
    const task = taskById(change.task)?.task;
    const facts = { days, newDue: change.newDue ? text(change.newDue) : '', requested: text(change.requestedAt) };
    add(
      {
        rule: 'changePending',
        item: change.task,
        sheet: 'planChanges',
        row: change.row,
        title: task?.name ?? change.task,
        facts,
      },
      coordinatorsOf(task?.request ?? ''),
    );
  }

  if (input.ratings) ratingNotices(scope, input.ratings);
  const budget = input.cells && cellBudgetNotice(input.cells, settings.cellBudgetWarn);
  if (budget) add(budget, [...settings.coordinators]);

  notices.push(...unresolvedNotices(notices, input, coordinatorsOf, sponsor, taskById));
  // While someone is away their notices go to their delegate (SPEC §2.7), an L3 to a sponsor too.
  const todayKey = dayKeyOf(calendar.dayOf(now));
  const delegated = memo((address: string) => standIn(directory, address, todayKey));
  return notices.map((notice) => routeToStandIns(notice, delegated));
}

/** `notice` with each recipient who is away replaced by their delegate, who is told for whom. */
function routeToStandIns(notice: Notice, delegated: (address: string) => StandIn): Notice {
  // Nobody away and every address as the directory writes it (the usual case, thousands of notices):
  // the notice as it was, without routing its lists anew.
  if (
    notice.to.every((address) => stays(address, delegated)) &&
    notice.cc.every((address) => stays(address, delegated))
  )
    return isDistinct(notice.to, notice.cc)
      ? notice
      : { ...notice, to: unique(notice.to), cc: unique(notice.cc, unique(notice.to)) };
  const standingIn: Record<string, string> = {};
  const route = (addresses: readonly string[]) =>
    addresses.map((address) => {
      const stand = delegated(address);
      if (stand.onBehalfOf) standingIn[stand.email] = stand.onBehalfOf;
      return stand.email;
    });
  const to = unique(route(notice.to));
  const cc = unique(route(notice.cc), to);
  if (Object.keys(standingIn).length > 0) return { ...notice, to, cc, standingIn };
  // Nobody away, but routing normalized an address: the notice as it was unless its lists changed.
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return same(to, notice.to) && same(cc, notice.cc) ? notice : { ...notice, to, cc };
}

/** `address` goes to its owner as written: they are not away and the directory writes it so. */
function stays(address: string, delegated: (address: string) => StandIn): boolean {
  const stand = delegated(address);
  return stand.onBehalfOf === undefined && stand.email === address;
}

/** No address twice, none blank, and none of `cc` in `to`: what routing would leave as it is. */
function isDistinct(to: readonly string[], cc: readonly string[]): boolean {
  const all = [...to, ...cc];
  return all.every((address, i) => address !== '' && all.indexOf(address) === i);
}

/** Action items have no ID column; a short hash of what identifies them keeps the key stable when rows move. */
export function actionId(action: ActionItem, calendar: WorkCalendar): string {
  const due: CivilDay | string = action.due ? calendar.dayOf(action.due) : '';
  const source = `${action.ref}|${action.topic}|${action.action}|${action.owner}|${due}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `ACT-${hash.toString(36).toUpperCase().padStart(7, '0')}`;
}
