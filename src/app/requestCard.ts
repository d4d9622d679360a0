/**
 * The card of the request on the selected row (SPEC §4, issue 22 point 7): its status, its tasks
 * (name, owner by name, due, health), the latest round of its split's sign-offs, and what it waits
 * for in words ("等待 李娜、王强 会签"), so a request row no longer answers "select a task row".
 */
import type { RequestCard, RequestCardSignOff, RequestCardTask } from '../contract';
import { enumLabel, parseEnum } from '../domain/enums';
import { latestRounds, subjectKey } from '../domain/signOffs';
import { enumDisplay } from './cardText';
import { readSignOffs } from './signOffs';
import type { TableRow } from '../gas/table';
import type { Workbook } from './workbook';

const OPEN_TASK = new Set(['notStarted', 'inProgress', 'blocked']);

function taskLines(wb: Workbook, id: string): RequestCardTask[] {
  const wanted = id.toUpperCase();
  return (wb.optionalTable('tasks')?.records() ?? [])
    .filter((row) => row.text('request').toUpperCase() === wanted && row.text('id') !== '')
    .map((row) => {
      const health = enumDisplay('health', row.get('health'), wb);
      return {
        id: row.text('id'),
        name: row.text('name'),
        owner: wb.nameOf(row.text('owner')),
        due: wb.dateText(row.get('due')),
        status: enumDisplay('taskStatus', row.get('status'), wb).label,
        healthCode: health.code,
        health: health.label,
      };
    });
}

/** The latest round of the split's sign-offs: each signer by name with their decision. */
function splitRound(wb: Workbook, id: string): { signer: string; decision: string; pending: boolean }[] {
  const round = latestRounds(readSignOffs(wb)).get(subjectKey('split', id)) ?? [];
  return round.map((row) => ({
    signer: wb.nameOf(row.signer),
    decision: enumLabel('signOffDecision', row.decision ?? 'pending', wb.locale),
    pending: row.decision === 'pending',
  }));
}

/** What the request waits for, and who does it; '' once it is closed. */
function waitingFor(
  wb: Workbook,
  row: TableRow<string>,
  tasks: readonly RequestCardTask[],
  round: readonly { signer: string; pending: boolean }[],
): string {
  switch (parseEnum('requestStatus', row.get('status'))) {
    case undefined:
    case 'pending':
      return wb.text('requestCardWaitingReview');
    case 'changes':
      return wb.text('requestCardWaitingChanges', { requester: wb.nameOf(row.text('requester')) });
    case 'approved':
      return wb.text('requestCardWaitingSplit');
    case 'signOff': {
      const signers = round.filter((r) => r.pending).map((r) => r.signer);
      return signers.length === 0
        ? wb.text('requestCardWaitingSplit')
        : wb.text('requestCardWaitingSignOff', { signers: signers.join(wb.text('wbListSeparator')) });
    }
    case 'executing': {
      // A blank status is a task not started yet (syncTasks writes 未开始 into it).
      const codes = tasks.map((task) => parseEnum('taskStatus', task.status) ?? 'notStarted');
      return wb.text('requestCardExecuting', {
        open: codes.filter((code) => OPEN_TASK.has(code)).length,
        awaiting: codes.filter((code) => code === 'awaitingAcceptance').length,
      });
    }
    default:
      return '';
  }
}

/** The card of request `id`; null when Requests has no such row. */
export function requestCard(wb: Workbook, id: string): RequestCard | null {
  const wanted = id.toUpperCase();
  const row = wb
    .optionalTable('requests')
    ?.records()
    .find((r) => r.text('id').toUpperCase() === wanted);
  if (!row) return null;
  const tasks = taskLines(wb, id);
  const round = splitRound(wb, id);
  const signOffs: RequestCardSignOff[] = round.map(({ signer, decision }) => ({ signer, decision }));
  return {
    id: row.text('id'),
    title: row.text('title'),
    status: enumDisplay('requestStatus', row.get('status'), wb).label,
    dept: row.text('dept'),
    requester: wb.nameOf(row.text('requester')),
    due: wb.dateText(row.get('expected')),
    waitingFor: waitingFor(wb, row, tasks, round),
    tasks,
    signOffs,
  };
}
