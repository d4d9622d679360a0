/**
 * Notices (SPEC §3.3): which rule fires for which item, at which level, to whom, decided from the
 * tables, the Notification log and `now`. What the log says was told is told.ts's (the L3 and
 * once-only rules read it there, as delivery.ts does); cooldown, quota and the queue are
 * delivery.ts's; sending and writing are the app layer's job.
 */
import type { CivilDay, WorkCalendar } from './calendar';
import { confirmedSplits, pendingSignOffs, type SignOffRecord } from './signOffs';
import { dayKeyOf } from './calendar';
import { findDepartment, resolveEmail, standIn, type Directory, type StandIn } from './directory';
import { cellBudgetNotice, type WorkbookCells } from './cellBudget';
import { isOpenWork, type TaskFacts, type TaskHealth } from './health';
import { checkOwner, type OwnerCheck } from './owner';
import type { AcceptanceRecord, ActionRecord, RequestRecord, TaskRecord } from './records';
import type { ChangeStatus, SheetKey } from './schema';
import type { Settings } from './settings';
import { deliveryKey, episodeKey, escalationDue, HOUR_MS, l2Episodes, toldTimes, type LogEntry } from './told';

export type Level = 'L1' | 'L2' | 'L3';

export const RULES = [
  'unresolved',
  'overdue',
  'blocked',
  'finalHours',
  'noOwner',
  'signOffOverdue',
  'lagging',
  'acceptanceFailed',
  'dependency',
  'dueSoon',
  'stale',
  'acceptancePending',
  'actionOverdue',
  'reviewPending',
  'changePending',
  'signOffPending',
  'taskStarted',
  'cellBudget',
] as const;
export type Rule = (typeof RULES)[number];

/**
 * Rules told once per occurrence and never again after cooldown (scope.wasTold): their latest
 * told row is read for as long as it is on the log.
 */
export const TOLD_ONCE_RULES: ReadonlySet<string> = new Set<Rule>(['acceptanceFailed']);

export const RULE_LEVEL: Readonly<Record<Rule, Level>> = {
  unresolved: 'L3',
  overdue: 'L2',
  blocked: 'L2',
  finalHours: 'L2',
  noOwner: 'L2',
  signOffOverdue: 'L2',
  lagging: 'L2',
  acceptanceFailed: 'L1',
  dependency: 'L1',
  dueSoon: 'L1',
  stale: 'L1',
  acceptancePending: 'L1',
  actionOverdue: 'L1',
  reviewPending: 'L1',
  changePending: 'L1',
  signOffPending: 'L1',
  taskStarted: 'L1',
  cellBudget: 'L1',
};

export const RULE_ORDER = Object.fromEntries(RULES.map((rule, index) => [rule, index])) as Record<Rule, number>;

export const LEVEL_RANK: Readonly<Record<Level, number>> = { L3: 3, L2: 2, L1: 1 };

/** A task row as the rules need it. */
export type TaskItem = Pick<
  TaskRecord,
  | keyof TaskFacts
  | 'row'
  | 'id'
  | 'name'
  | 'request'
  | 'dept'
  | 'owner'
  | 'dependsOn'
  | 'progressSummary'
  | 'delayReason'
>;

/** A task with its health, as the rules get it. */
interface TaskEntry {
  readonly task: TaskItem;
  readonly health: TaskHealth;
}

export type RequestItem = Pick<
  RequestRecord,
  'row' | 'id' | 'title' | 'dept' | 'requester' | 'depts' | 'lead' | 'coordinator' | 'status' | 'submitted'
>;

/** One action item of the Communication log. */
export type ActionItem = Pick<ActionRecord, 'row' | 'ref' | 'topic' | 'action' | 'owner' | 'due' | 'status'>;

/** One row of Acceptance (SPEC §2.5). */
export type AcceptanceItem = Pick<
  AcceptanceRecord,
  'row' | 'task' | 'deliverable' | 'result' | 'reason' | 'date' | 'applied'
>;

export interface PlanChangeItem {
  readonly row: number;
  readonly task: string;
  readonly newDue: Date | undefined;
  readonly status: ChangeStatus | undefined;
  readonly requestedAt: Date | undefined;
}

export interface Notice {
  readonly rule: Rule;
  readonly level: Level;
  /** Task or request ID, or ACT-… for an action item. */
  readonly item: string;
  readonly sheet: SheetKey;
  readonly row: number;
  readonly title: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /**
   * Which occurrence of the item's event this is, for rules that tell each occurrence once (the
   * n-th acceptance failure of a task); part of the key, so a later occurrence is told again.
   */
  readonly occurrence?: string;
  /** Language-neutral details the digest words per rule (dates as yyyy-MM-dd[ HH:mm]). */
  readonly facts: Readonly<Record<string, string | number>>;
  /** Recipients told for someone away (SPEC §2.7): the delegate's email → the person's. */
  readonly standingIn?: Readonly<Record<string, string>>;
}

export interface EscalationInput {
  readonly now: Date;
  readonly settings: Settings;
  readonly calendar: WorkCalendar;
  readonly directory: Directory;
  readonly tasks: readonly { readonly task: TaskItem; readonly health: TaskHealth }[];
  readonly requests: readonly RequestItem[];
  readonly actions: readonly ActionItem[];
  readonly changes: readonly PlanChangeItem[];
  /** Absent when the workbook has no Acceptance sheet. */
  readonly acceptances?: readonly AcceptanceItem[];
  /** Absent when the workbook has no Sign-offs sheet. */
  readonly signOffs?: readonly SignOffRecord[];
  /** The workbook's cells, when this scan counted them (the daily one). */
  readonly cells?: WorkbookCells;
  readonly log: readonly LogEntry[];
}

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
  const text = (instant: Date) => calendar.wallText(instant);
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
    // A split still with its heads for sign-off has not started: its tasks raise nothing yet.
    if (requestsById.get(normalId(task.request))?.status === 'signOff') continue;
    taskNotices(scope, task, health);
  }
  if (input.signOffs) signOffNotices(scope, input.signOffs, input.tasks);

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
  // Nobody away (the usual case): the notice as it was, unless routing normalized an address.
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return same(to, notice.to) && same(cc, notice.cc) ? notice : { ...notice, to, cc };
}

/**
 * SPEC §2.9: each pending sign-off is 待您签批 (L1) to its signer, and after signOffDays working
 * days an L2 to the signer and the coordinator; once a split is confirmed each of its owners is told
 * once that their task has started (within signOffDays of the confirmation, so a later scan that no
 * longer finds the notice in a trimmed log does not tell them again).
 */
function signOffNotices(
  scope: TaskRuleScope,
  rows: readonly SignOffRecord[],
  tasks: readonly { readonly task: TaskItem }[],
): void {
  const { now, settings, calendar, text, add } = scope;
  const titleOf = (ref: string) =>
    scope.requestsById.get(normalId(ref))?.title ?? scope.taskById(ref)?.task.name ?? ref;
  const requestOf = (ref: string) => scope.taskById(ref)?.task.request ?? ref;
  for (const row of pendingSignOffs(rows)) {
    if (!row.subject || !row.requestedAt) continue;
    const days = calendar.workingDaysBetween(row.requestedAt, now);
    const base = { item: row.ref, sheet: 'signOffs' as const, row: row.row, title: titleOf(row.ref) };
    const facts = { subject: row.subject, requested: text(row.requestedAt), days };
    if (days > settings.signOffDays) {
      add({ ...base, rule: 'signOffOverdue', facts }, [row.signer, ...scope.coordinatorsOf(requestOf(row.ref))]);
    } else add({ ...base, rule: 'signOffPending', facts }, [row.signer]);
  }
  const confirmed = confirmedSplits(rows);
  if (confirmed.size === 0) return;
  for (const { task } of tasks) {
    const at = confirmed.get(normalId(task.request));
    if (!at || calendar.workingDaysBetween(at, now) > settings.signOffDays) continue;
    if (task.status !== undefined && task.status !== 'notStarted' && task.status !== 'inProgress') continue;
    const owner = scope.ownerOf(task.owner);
    if (!owner.ok) continue;
    const notice = {
      item: task.id,
      sheet: 'tasks' as const,
      row: task.row,
      title: task.name,
      rule: 'taskStarted' as const,
      occurrence: text(at),
      facts: { request: task.request, confirmed: text(at), due: task.due ? text(task.due) : '' },
    };
    if (!scope.wasTold(deliveryKey({ ...notice, level: RULE_LEVEL.taskStarted }, owner.email)))
      add(notice, [owner.email]);
  }
}

/** What the task rules share within one findNotices: look-ups made once, and `add` for what they find. */
interface TaskRuleScope {
  readonly now: Date;
  readonly settings: Settings;
  readonly calendar: WorkCalendar;
  readonly today: CivilDay;
  readonly requestsById: ReadonlyMap<string, RequestItem>;
  taskById(id: string): TaskEntry | undefined;
  readonly failures: ReadonlyMap<string, { acceptance: AcceptanceItem; count: number }>;
  text(instant: Date): string;
  email(person: string): string | undefined;
  head(dept: string): string | undefined;
  ownerOf(cell: string): OwnerCheck;
  coordinatorsOf(requestId: string): string[];
  wasTold(key: string): boolean;
  add(
    notice: Omit<Notice, 'level' | 'to' | 'cc'>,
    to: (string | undefined)[],
    cc?: (string | undefined)[],
    fallback?: string[],
  ): void;
}

/**
 * The notices of one task. A function of its own, called per task: as the body of findNotices'
 * loop, optimizing the hot loop meant compiling all of findNotices and its closures (~90 ms).
 */
function taskNotices(scope: TaskRuleScope, task: TaskItem, health: TaskHealth): void {
  if (task.status === 'done' || task.status === 'cancelled') return;
  const { now, settings, calendar, today, text, head, add } = scope;
  const owner = scope.ownerOf(task.owner);
  const c = health.conditions;
  // Most tasks raise nothing: told apart by what every rule below needs, before building anything.
  if (
    c.size === 0 &&
    task.dependsOn.length === 0 &&
    task.status !== 'awaitingAcceptance' &&
    scope.failures.size === 0 &&
    !needsOwner(task, owner)
  )
    return;
  const ownerEmail = owner.ok ? owner.email : undefined;
  const coordinators = scope.coordinatorsOf(task.request);
  const base = { item: task.id, sheet: 'tasks' as const, row: task.row, title: task.name };
  // Only the rules of a health condition quote the due date; most tasks have none.
  const due = health.dueAt && c.size > 0 ? text(health.dueAt) : '';

  if (needsOwner(task, owner)) {
    add({ ...base, rule: 'noOwner', facts: { owner: task.owner } }, [head(task.dept), ...coordinators]);
  }
  if (c.has('overdue') && health.dueAt) {
    const days = Math.max(1, calendar.workingDaysBetween(health.dueAt, today));
    add({ ...base, rule: 'overdue', facts: { due, days, pct: task.pct } }, [ownerEmail, head(task.dept)], coordinators);
  }
  if (c.has('blocked')) {
    add({ ...base, rule: 'blocked', facts: { due, pct: task.pct } }, [ownerEmail, head(task.dept)], coordinators);
  }
  if (c.has('finalHours') && health.dueAt) {
    const hours = Math.max(0, Math.ceil((health.dueAt.getTime() - now.getTime()) / HOUR_MS));
    add(
      { ...base, rule: 'finalHours', facts: { due, hours, pct: task.pct } },
      [ownerEmail, head(task.dept)],
      coordinators,
    );
  }
  if (c.has('lagging') && health.expectedPct !== undefined) {
    const facts = { pct: task.pct, expected: health.expectedPct, gap: Math.round(health.expectedPct - task.pct), due };
    add({ ...base, rule: 'lagging', facts }, [ownerEmail, head(task.dept)]);
  }
  // Final hours already warns at L2; a second, milder reminder would be noise.
  if (c.has('dueSoon') && !c.has('finalHours')) {
    add({ ...base, rule: 'dueSoon', facts: { due, pct: task.pct } }, [ownerEmail]);
  }
  if (c.has('stale')) {
    const since = task.lastUpdate ?? task.start;
    const facts = { days: since ? calendar.workingDaysBetween(since, today) : 0, lastUpdate: since ? text(since) : '' };
    add({ ...base, rule: 'stale', facts }, [ownerEmail]);
  }
  if (task.dependsOn.length > 0 && isOpenWork(task.status)) {
    const risk = predecessorRisk(task, scope.taskById, today, calendar, settings.dependencyLeadDays);
    if (risk.overdue.length > 0 || risk.soon.length > 0) {
      const facts = { overdue: risk.overdue.join(', '), soon: risk.soon.join(', ') };
      add({ ...base, rule: 'dependency', facts }, [ownerEmail], risk.overdue.length > 0 ? coordinators : []);
    }
  }
  if (task.status === 'awaitingAcceptance' && task.lastUpdate) {
    const days = calendar.workingDaysBetween(task.lastUpdate, today);
    if (days > settings.acceptanceDays) {
      const request = scope.requestsById.get(normalId(task.request));
      const leadHead = head(request?.lead || task.dept);
      add(
        { ...base, rule: 'acceptancePending', facts: { days, since: text(task.lastUpdate) } },
        [scope.email(request?.requester ?? ''), leadHead],
        [],
        coordinators,
      );
    }
  }
  const failure = scope.failures.size > 0 ? scope.failures.get(normalId(task.id)) : undefined;
  if (failure) {
    const { acceptance, count } = failure;
    const date = acceptance.date ? text(acceptance.date) : '';
    const notice = {
      ...base,
      rule: 'acceptanceFailed' as const,
      occurrence: `${date} #${count}`.trim(),
      facts: { deliverable: acceptance.deliverable || task.name, reason: acceptance.reason, date },
    };
    // Each failure is told once, not again after the cooldown: only who has not heard of it yet.
    const owners = ownerEmail ? [ownerEmail] : coordinators;
    const untold = owners.filter(
      (recipient) => !scope.wasTold(deliveryKey({ ...notice, level: RULE_LEVEL.acceptanceFailed }, recipient)),
    );
    if (untold.length > 0 || owners.length === 0) add(notice, untold);
  }
}

/** SPEC §3.1: an empty owner is fine only before the task starts; anything invalid is not. */
function needsOwner(task: TaskItem, owner: OwnerCheck): boolean {
  if (owner.ok) return false;
  if (owner.problem === 'empty') return task.status !== undefined && task.status !== 'notStarted';
  return true;
}

/**
 * Per task, its latest applied acceptance row when that row is a Fail, with the number of failures
 * so far: the Acceptance sheet is a log (newest row last), and a later Pass supersedes a failure.
 * The count tells a second failure from the first even when both carry the same typed date.
 */
function latestFailures(rows: readonly AcceptanceItem[]): Map<string, { acceptance: AcceptanceItem; count: number }> {
  const latest = new Map<string, AcceptanceItem>();
  const failed = new Map<string, number>();
  for (const row of [...rows].sort((a, b) => a.row - b.row)) {
    if (!row.applied) continue;
    const id = normalId(row.task);
    latest.set(id, row);
    if (row.result === 'fail') failed.set(id, (failed.get(id) ?? 0) + 1);
  }
  const result = new Map<string, { acceptance: AcceptanceItem; count: number }>();
  for (const [id, acceptance] of latest)
    if (acceptance.result === 'fail') result.set(id, { acceptance, count: failed.get(id) ?? 1 });
  return result;
}

function predecessorRisk(
  task: TaskItem,
  taskById: (id: string) => TaskEntry | undefined,
  today: CivilDay,
  calendar: WorkCalendar,
  leadDays: number,
) {
  const overdue: string[] = [];
  const soon: string[] = [];
  for (const id of task.dependsOn) {
    const predecessor = taskById(id);
    if (!predecessor || !isOpenWork(predecessor.task.status) || !predecessor.health.dueAt) continue;
    const label = `${predecessor.task.id} ${predecessor.task.name} (${calendar.wallText(predecessor.health.dueAt)})`;
    if (predecessor.health.conditions.has('overdue')) overdue.push(label);
    else if (calendar.workingDaysBetween(today, predecessor.health.dueAt) <= leadDays) soon.push(label);
  }
  return { overdue, soon };
}

/**
 * L3: an L2 condition of an item still true `escalateAfterHours` after the first L2 of its
 * current episode (currentEpisode: a longer silence in the log than the repeat schedule allows
 * means it cleared in between, so an older L2 does not count).
 */
function unresolvedNotices(
  notices: readonly Notice[],
  input: EscalationInput,
  coordinatorsOf: (requestId: string) => string[],
  sponsor: (dept: string) => string | undefined,
  taskById: (id: string) => TaskEntry | undefined,
): Notice[] {
  const { now, settings, calendar } = input;
  const episodes = l2Episodes(input.log, now, settings, calendar);

  const byItem = new Map<string, { notice: Notice; rules: Rule[]; since: Date }>();
  for (const notice of notices) {
    if (notice.level !== 'L2') continue;
    const start = episodes.get(episodeKey(notice));
    if (!escalationDue(start, now, settings)) continue;
    const entry = byItem.get(notice.item);
    if (!entry) byItem.set(notice.item, { notice, rules: [notice.rule], since: start });
    else {
      entry.rules.push(notice.rule);
      if (start < entry.since) entry.since = start;
    }
  }

  const today = calendar.dayOf(now);
  return [...byItem.values()].map(({ notice, rules, since }) => {
    const found = taskById(notice.item);
    const task = found?.task;
    const coordinators = coordinatorsOf(task?.request ?? '');
    const to = unique([sponsor(task?.dept ?? ''), ...coordinators]);
    const dueAt = found?.health.conditions.has('overdue') ? found.health.dueAt : undefined;
    return {
      rule: 'unresolved' as const,
      level: 'L3' as const,
      item: notice.item,
      sheet: notice.sheet,
      row: notice.row,
      title: notice.title,
      to: to.length > 0 ? to : [...settings.coordinators],
      cc: [],
      // What a sponsor needs to act without opening the sheet (SPEC §3.5): who, where, how late, why.
      facts: {
        problems: rules.join(','),
        since: calendar.wallText(since),
        days: Math.max(1, calendar.workingDaysBetween(since, today)),
        owner: task?.owner ?? '',
        dept: task?.dept ?? '',
        daysLate: dueAt ? Math.max(1, calendar.workingDaysBetween(dueAt, today)) : 0,
        progress: task?.progressSummary ?? '',
        delayReason: task?.delayReason ?? '',
      },
    };
  });
}

function memo<T>(look: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined && !seen.has(key)) seen.set(key, (value = look(key)));
    return value as T;
  };
}

/** The addresses in order of first appearance, blanks and those `except` lists left out (lists of a few addresses). */
function unique(addresses: readonly (string | undefined)[], except: readonly string[] = []): string[] {
  const result: string[] = [];
  for (const address of addresses) {
    if (address !== undefined && address !== '' && !result.includes(address) && !except.includes(address))
      result.push(address);
  }
  return result;
}

function normalId(id: string): string {
  return id.trim().toUpperCase();
}

/** Action items have no ID column; a short hash of what identifies them keeps the key stable when rows move. */
function actionId(action: ActionItem, calendar: WorkCalendar): string {
  const due: CivilDay | string = action.due ? calendar.dayOf(action.due) : '';
  const source = `${action.ref}|${action.topic}|${action.action}|${action.owner}|${due}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `ACT-${hash.toString(36).toUpperCase().padStart(7, '0')}`;
}
