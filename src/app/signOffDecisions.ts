/**
 * A sign-off decided (SPEC §2.9): the active user agrees or returns (with a comment) what waits
 * for them as the signer or, while the signer is away, as their delegate (recorded as 代签). When
 * the round is complete its subject moves: a split all agreed → the request 执行中; a Return → the
 * request back to its coordinator with the comment. A plan change all agreed → approved, a Return
 * → rejected. An acceptance agreed → the task 已完成; returned → back to 进行中.
 */
import type { ActionResult } from '../contract';
import { enumLabel, type SignOffSubject } from '../domain/enums';
import { latestRounds, roundState, subjectKey, type SignOffRecord } from '../domain/signOffs';
import { hasErrors } from '../domain/workflow';
import { acceptanceEffect } from '../domain/executionFlow';
import { settleChange } from './planChanges';
import { closeIfComplete, findRequest } from './requests';
import { readSignOffs, signOffsFor } from './signOffs';
import { taskIndex } from './tasks';
import { recordedAuthor, UserError, type Workbook } from './workbook';

export interface SignOffChoice {
  readonly subject: SignOffSubject;
  readonly ref: string;
  readonly decision: 'agree' | 'return';
  readonly comment: string;
}

export function decideSignOff(wb: Workbook, choice: SignOffChoice): ActionResult {
  const table = wb.table('signOffs');
  const wanted = subjectKey(choice.subject, choice.ref);
  const mine = signOffsFor(wb).filter((row) => row.subject && subjectKey(row.subject, row.ref) === wanted);
  if (mine.length === 0)
    throw new UserError(wb.text('wbNoSignOffForYou', { ref: choice.ref, user: recordedAuthor(wb) }));
  const comment = choice.comment.trim();
  if (choice.decision === 'return' && comment === '') {
    const message = wb.text('wbReturnNeedsComment');
    return { ok: false, message, errors: { comment: message } };
  }
  const decided = new Map(mine.map((row) => [row.row, row]));
  for (const row of table.records().filter((r) => decided.has(r.rowNumber))) {
    row.set('decision', enumLabel('signOffDecision', choice.decision, wb.locale));
    row.set('comment', comment);
    row.set('decidedAt', wb.now);
    if (decided.get(row.rowNumber)?.signer !== wb.user) row.set('onBehalfOf', wb.nameOf(wb.user));
  }
  const round = latestRounds(readSignOffs(wb)).get(wanted) ?? [];
  const state = roundState(round);
  if (state === 'returned') supersedeUnsigned(wb, round);
  const ref = mine[0]!.ref;
  const outcome = state === 'pending' ? '' : settle(wb, choice.subject, ref, state === 'agreed', comment);
  wb.commit();
  const decision = enumLabel('signOffDecision', choice.decision, wb.locale);
  return { ok: true, message: [wb.text('wbSignOffDecided', { ref, decision }), outcome].filter(Boolean).join('\n') };
}

/** A returned round's rows nobody signed are closed as 已作废, so they no longer read as waiting. */
function supersedeUnsigned(wb: Workbook, round: readonly SignOffRecord[]): void {
  const unsigned = new Set(round.filter((row) => row.decision === 'pending' || !row.decision).map((row) => row.row));
  if (unsigned.size === 0) return;
  const superseded = enumLabel('signOffDecision', 'superseded', wb.locale);
  for (const row of wb.table('signOffs').records()) {
    if (unsigned.has(row.rowNumber)) row.set('decision', superseded);
  }
}

/** What a complete round does to its subject; returns it in words. */
function settle(wb: Workbook, subject: SignOffSubject, ref: string, agreed: boolean, comment: string): string {
  switch (subject) {
    case 'split': {
      const request = findRequest(wb, ref);
      wb.table('requests', ['id', 'status', 'review']);
      if (agreed) {
        request.set('status', enumLabel('requestStatus', 'executing', wb.locale));
        // The note of an earlier Return is done with once the split proceeds (SPEC §2.9); other notes stay.
        const note = request.text('review');
        const returned = wb.text('wbSplitReturnedNote').split('{user}')[0] ?? '';
        if (returned !== '' && note.startsWith(returned))
          request.set('review', wb.text('wbSplitReturnResolved', { note }));
        return wb.text('wbSplitStarted', { id: ref });
      }
      // Back to the coordinator, who amends the split and submits it again.
      request.set('status', enumLabel('requestStatus', 'approved', wb.locale));
      request.set('review', wb.text('wbSplitReturnedNote', { user: wb.nameOf(wb.user), comment }));
      return wb.text('wbSplitReturned', { id: ref });
    }
    case 'change': {
      const problems = settleChange(wb, ref, agreed);
      if (hasErrors(problems)) throw new UserError(problems.map((p) => wb.describe(p)).join('\n'));
      return wb.text(agreed ? 'wbChangeSignedOff' : 'wbChangeReturned', { id: ref });
    }
    case 'acceptance': {
      wb.table('tasks', ['id', 'status', 'pct']);
      const task = taskIndex(wb).get(ref.toUpperCase());
      if (!task) return '';
      for (const [key, value] of Object.entries(acceptanceEffect(agreed, wb.locale))) task.set(key as never, value);
      if (agreed) closeIfComplete(wb, task.text('request'));
      return wb.text(agreed ? 'wbAccepted' : 'wbAcceptanceReturned', { id: ref });
    }
  }
}
