/**
 * Improvement suggestions (SPEC §2.13): what a suggestion row must hold, and its status flow
 * 提出 → 评估中 → 采纳 / 不采纳; 采纳 → 实施中 → 已关闭, which only a coordinator moves, as they alone
 * set the owner and due. An adopted suggestion has one owner from People and a due date; a declined
 * one says why.
 */
import { t } from '../i18n/index';
import { findPeople } from './directory';
import { enumLabel, type SuggestionStatus } from './enums';
import type { Actor, Verdict } from './permissions';
import { isBlank } from './values';
import { Checker, type Problem, type RecordOf, type WorkflowEnv } from './workflow';

/** A suggestion row as the scan and the weekly summary need it. */
export interface SuggestionItem {
  readonly row: number;
  readonly id: string;
  readonly title: string;
  readonly dept: string;
  readonly proposer: string;
  readonly owner: string;
  readonly status: SuggestionStatus | undefined;
  readonly due: Date | undefined;
  readonly decisionNote: string;
  /** When it was filed (the ⚙ time column). */
  readonly filed: Date | undefined;
}

/** Where each status may go next; declined and closed are final. */
export const SUGGESTION_FLOW: Readonly<Record<SuggestionStatus, readonly SuggestionStatus[]>> = {
  proposed: ['evaluating'],
  evaluating: ['adopted', 'declined'],
  adopted: ['inProgress'],
  inProgress: ['closed'],
  declined: [],
  closed: [],
};

/** Statuses whose owner is watched against the due date like a task's (SPEC §3.3). */
export const WATCHED: readonly SuggestionStatus[] = ['adopted', 'inProgress'];

/** Statuses that mean the coordinator adopted it, whatever happened since. */
export const ADOPTED: readonly SuggestionStatus[] = ['adopted', 'inProgress', 'closed'];

const TITLE_MAX = 120;

export function checkSuggestion(record: RecordOf<'suggestions'>, env: WorkflowEnv, row?: number): Problem[] {
  const c = new Checker('suggestions', record, env, row);
  if (c.required('title') && c.text('title').length > TITLE_MAX) {
    c.add('title', 'wbTooLong', { max: TITLE_MAX, length: c.text('title').length });
  }
  c.dept('dept', false);
  const status = c.enumeration('status', 'suggestionStatus');
  const watched = status !== undefined && WATCHED.includes(status);
  const label = status ? enumLabel('suggestionStatus', status, env.locale) : '';
  if (watched && isBlank(record.owner)) c.add('owner', 'sgOwnerRequired', { status: label });
  else {
    const email = c.person('owner', false, 'wbOwnerMultiple');
    // One person from People (SPEC §2.13): an email nobody registered cannot be told apart from a typo.
    if (email && findPeople(env.directory, email).length === 0) c.add('owner', 'sgOwnerNotInPeople', { value: email });
  }
  if (watched && isBlank(record.due)) c.add('due', 'sgDueRequired', { status: label });
  else c.date('due', false);
  if (status === 'declined' && isBlank(record.decisionNote)) c.add('decisionNote', 'sgNoteRequired');
  return c.problems;
}

/** Only a coordinator changes a suggestion's status, owner and due; the status only along the flow. */
export function suggestionVerdict(
  field: string,
  from: SuggestionStatus | undefined,
  to: SuggestionStatus | undefined,
  actor: Actor,
): Verdict {
  if (field === 'status') {
    if (from === to || to === undefined) return { kind: 'allow' };
    // Anyone's new row starts 提出; a coordinator may type any status on a row that had none.
    if (from === undefined && to === 'proposed') return { kind: 'allow' };
    if (from !== undefined && !SUGGESTION_FLOW[from].includes(to)) return { kind: 'refuse', may: 'suggestionFlow' };
  }
  if (actor.user === '') return { kind: 'unnamed', may: 'coordinators' };
  return actor.coordinator ? { kind: 'allow' } : { kind: 'refuse', may: 'coordinators' };
}

/** Why a status may not move from `from`, in words, naming the suggestion. */
export function flowRefusal(env: Pick<WorkflowEnv, 'locale'>, id: string, from: SuggestionStatus): string {
  const next = SUGGESTION_FLOW[from];
  const label = (status: SuggestionStatus) => enumLabel('suggestionStatus', status, env.locale);
  if (next.length === 0) return t(env.locale, 'maySuggestionFlowEnd', { id, from: label(from) });
  const allowed = next.map(label).join(t(env.locale, 'wbListSeparator'));
  return t(env.locale, 'maySuggestionFlow', { id, from: label(from), allowed });
}
