/**
 * Who may set a guarded cell by typing, pasting or filling it (SPEC §3.6), as pure rules: one
 * verdict per cell, whatever route the value came by. A verdict names who may, so the refusal can
 * say so; `unnamed` is a change that needs a permission from an editor Apps Script did not name:
 * the add-on cannot tell whether they may, so it is kept for a coordinator, never reverted as if a
 * stranger typed it. Changes nobody may make by typing (a sign-off's outcome, a ⚙ cell, moving a
 * task to another request) are refused whoever typed them.
 */
import type { CaseStatus, ChangeStatus, RequestStatus, TaskStatus } from './enums';

export interface Actor {
  /** The typist's email; '' when Apps Script named nobody. */
  readonly user: string;
  readonly coordinator: boolean;
}

/** Who may make a change, as the refusal names them. */
export type MayKey =
  /** A coordinator. */
  | 'coordinators'
  /** The task's owner, assisting people, department head or a coordinator. */
  | 'workers'
  /** Only a sign-off round (the split's, a plan change's), decided in the sidebar. */
  | 'signOff'
  /** Only an acceptance (or a coordinator who does not own the task). */
  | 'acceptance'
  /** Only the add-on (⚙). */
  | 'computed'
  /** Only a new task of the other request, through its split. */
  | 'newTask'
  /** Only once the task's request is in execution. */
  | 'requestExecuting'
  /** Only the signer, in the sidebar. */
  | 'sidebarSignOff'
  /** Only along a suggestion's status flow (SPEC §2.13). */
  | 'suggestionFlow';

export type Verdict =
  | { readonly kind: 'allow' }
  | { readonly kind: 'refuse'; readonly may: MayKey }
  | { readonly kind: 'unnamed'; readonly may: MayKey };

const ALLOW: Verdict = { kind: 'allow' };
const refuse = (may: MayKey): Verdict => ({ kind: 'refuse', may });

/** A change a named `permitted` actor may make: refused for others, kept for a coordinator when nobody is named. */
function needs(actor: Actor, permitted: boolean, may: MayKey): Verdict {
  if (actor.user === '') return { kind: 'unnamed', may };
  return permitted ? ALLOW : refuse(may);
}

/**
 * A request's status: review decisions (已立项 待修改 已驳回) and closing are a coordinator's; 待会签 and
 * 执行中 only the split's sign-off sets; back to 待审核 by its requester after 待修改, or a coordinator.
 */
export function requestStatusVerdict(
  from: RequestStatus | undefined,
  to: RequestStatus | undefined,
  actor: Actor,
): Verdict {
  if (from === to || to === undefined) return ALLOW;
  if (to === 'signOff' || to === 'executing') return refuse('signOff');
  if (to === 'pending' && (from === 'changes' || from === undefined)) return ALLOW;
  return needs(actor, actor.coordinator, 'coordinators');
}

export interface TaskFactsForStatus {
  readonly requestStatus: RequestStatus | undefined;
  /** The task's owner, assisting people, department head or a coordinator (mayPostProgress). */
  readonly worker: boolean;
  readonly owner: boolean;
}

/** Statuses that mean work has started: only in a request in execution (SPEC §3.6, work starts through sign-off). */
const STARTED: readonly TaskStatus[] = ['inProgress', 'awaitingAcceptance', 'done'];

/**
 * A task's status: work statuses only once its request is 执行中; 已完成 only through acceptance
 * (or a coordinator who does not own the task); 已取消 a coordinator's; the rest its workers'.
 */
export function taskStatusVerdict(
  from: TaskStatus | undefined,
  to: TaskStatus | undefined,
  actor: Actor,
  task: TaskFactsForStatus,
): Verdict {
  if (from === to || to === undefined) return ALLOW;
  if (STARTED.includes(to) && task.requestStatus !== 'executing') return refuse('requestExecuting');
  if (to === 'done') return needs(actor, actor.coordinator && !task.owner, 'acceptance');
  if (to === 'cancelled') return needs(actor, actor.coordinator, 'coordinators');
  return needs(actor, task.worker, 'workers');
}

/** A plan change's status: decided by its heads' sign-off when it has one, otherwise by a coordinator. */
export function changeStatusVerdict(
  from: ChangeStatus | undefined,
  to: ChangeStatus | undefined,
  actor: Actor,
  bySignOff: boolean,
): Verdict {
  if (from === to || to === undefined) return ALLOW;
  if (bySignOff) return refuse('signOff');
  return needs(actor, actor.coordinator, 'coordinators');
}

/** A case's status (SPEC §2.12): keeping or discarding a case, or putting it back to 待确认, is a coordinator's. */
export function caseStatusVerdict(from: CaseStatus | undefined, to: CaseStatus | undefined, actor: Actor): Verdict {
  if (from === to || to === undefined) return ALLOW;
  return needs(actor, actor.coordinator, 'coordinators');
}

/** A ⚙ cell, an ID or a sign-off decision: nobody types them. */
export function nobodyTypes(may: MayKey): Verdict {
  return refuse(may);
}
