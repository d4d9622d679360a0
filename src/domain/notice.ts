/**
 * A notice (SPEC §3.3): the rules, their levels and order, the items they name, and what every
 * rule family shares within one findNotices (notices.ts): look-ups made once and `add`.
 */
import type { CivilDay, WorkCalendar } from './calendar';
import type { WorkbookCells } from './cellBudget';
import type { Directory } from './directory';
import type { TaskFacts, TaskHealth } from './health';
import type { OwnerCheck } from './owner';
import type { AcceptanceRecord, ActionRecord, RequestRecord, TaskRecord } from './records';
import type { SheetKey } from './schema';
import type { ChangeStatus } from './enums';
import type { Settings } from './settings';
import type { SignOffRecord } from './signOffs';
import type { SuggestionItem } from './suggestions';
import type { RatingRecord } from './satisfaction';
import type { LogEntry } from './told';

export type Level = 'L1' | 'L2' | 'L3';

export const RULES = [
  'unresolved',
  'overdue',
  'blocked',
  'finalHours',
  'noOwner',
  'signOffOverdue',
  'lagging',
  'suggestionOverdue',
  'acceptanceFailed',
  'dependency',
  'dueSoon',
  'suggestionDueSoon',
  'stale',
  'acceptancePending',
  'actionOverdue',
  'reviewPending',
  'changePending',
  'splitNotSubmitted',
  'signOffPending',
  'taskStarted',
  'suggestionFiled',
  'suggestionDecided',
  'ratingLow',
  'surveyOpen',
  'ratingReminder',
  'ratingAsked',
  'cellBudget',
] as const;
export type Rule = (typeof RULES)[number];

/**
 * Rules told once per occurrence and never again after cooldown (scope.wasTold): their latest
 * told row is read for as long as it is on the log.
 */
export const TOLD_ONCE_RULES: ReadonlySet<string> = new Set<Rule>([
  'acceptanceFailed',
  'suggestionFiled',
  'suggestionDecided',
]);

/** Rules addressed to one person about their own answer: no department's group hears them. */
export const PERSONAL_RULES: ReadonlySet<Rule> = new Set<Rule>(['ratingAsked', 'ratingReminder', 'surveyOpen']);

export const RULE_LEVEL: Readonly<Record<Rule, Level>> = {
  unresolved: 'L3',
  overdue: 'L2',
  blocked: 'L2',
  finalHours: 'L2',
  noOwner: 'L2',
  signOffOverdue: 'L2',
  lagging: 'L2',
  suggestionOverdue: 'L2',
  acceptanceFailed: 'L1',
  dependency: 'L1',
  dueSoon: 'L1',
  suggestionDueSoon: 'L1',
  stale: 'L1',
  acceptancePending: 'L1',
  actionOverdue: 'L1',
  reviewPending: 'L1',
  changePending: 'L1',
  splitNotSubmitted: 'L1',
  signOffPending: 'L1',
  taskStarted: 'L1',
  suggestionFiled: 'L1',
  suggestionDecided: 'L1',
  ratingLow: 'L1',
  surveyOpen: 'L1',
  ratingReminder: 'L1',
  ratingAsked: 'L1',
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
export interface TaskEntry {
  readonly task: TaskItem;
  readonly health: TaskHealth;
}

export type RequestItem = Pick<
  RequestRecord,
  'row' | 'id' | 'title' | 'dept' | 'requester' | 'depts' | 'lead' | 'coordinator' | 'status' | 'submitted' | 'approved'
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
  /** Absent when the workbook has no Suggestions sheet (SPEC §2.13). */
  readonly suggestions?: readonly SuggestionItem[];
  /** Absent when the workbook has no 满意度 sheet. */
  readonly ratings?: readonly RatingRecord[];
  /** The workbook's cells, when this scan counted them (the daily one). */
  readonly cells?: WorkbookCells;
  readonly log: readonly LogEntry[];
}

/** What the task rules share within one findNotices: look-ups made once, and `add` for what they find. */
export interface TaskRuleScope {
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

export function memo<T>(look: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined && !seen.has(key)) seen.set(key, (value = look(key)));
    return value as T;
  };
}

/** The addresses in order of first appearance, blanks and those `except` lists left out (lists of a few addresses). */
export function unique(addresses: readonly (string | undefined)[], except: readonly string[] = []): string[] {
  const result: string[] = [];
  for (const address of addresses) {
    if (address !== undefined && address !== '' && !result.includes(address) && !except.includes(address))
      result.push(address);
  }
  return result;
}

export function normalId(id: string): string {
  return id.trim().toUpperCase();
}
