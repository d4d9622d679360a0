/**
 * Acceptance (SPEC §2.5, §2.9, §3.6): a deliverable is accepted against the task's stated standard.
 * Pass → task 已完成 (and the request 已完成 once every live task is done) once the requesting side
 * (signOffAcceptance = requester) or a coordinator confirmed it: at once when they recorded it,
 * otherwise through their sign-off, and only on a task 待验收 — or, from the sidebar, with a
 * coordinator's explicit confirmation, recorded in the Change history (SPEC §3.6). Fail → task back
 * to 进行中 with the reason. The task's owner never accepts their own task, nor does an editor Apps
 * Script does not name.
 */
import { enumLabel, parseEnum, type TaskStatus } from '../domain/enums';
import { isBlank } from '../domain/values';
import { resolveEmail } from '../domain/directory';
import { acceptanceSigner } from '../domain/signOffs';
import { hasErrors, type Problem, type RecordOf } from '../domain/workflow';
import { acceptanceEffect, checkAcceptance, type TaskSnapshot } from '../domain/executionFlow';
import { closeIfComplete } from './requests';
import { openRound } from './signOffs';
import { taskIndex, taskSnapshot } from './tasks';
import { isCoordinator, recordedAuthor, type Workbook } from './workbook';
import type { ActionResult } from '../contract';

export type AcceptanceDraft = Pick<
  RecordOf<'acceptance'>,
  'task' | 'deliverable' | 'result' | 'reason' | 'acceptedBy' | 'date'
>;

const DRAFT_FIELDS = ['task', 'deliverable', 'result', 'reason', 'acceptedBy', 'date'] as const;

/** Stands in the standard column when the task states none, so the row still reads as applied. */
const NO_STANDARD = '—';

/**
 * Who must still confirm a Pass recorded by the active user: nobody when they are the one who
 * confirms (the requesting side, or a coordinator under signOffAcceptance = coordinator).
 */
function passSigner(
  wb: Workbook,
  request: { readonly requester: string; readonly dept: string; readonly coordinator: string },
  ownerEmail: string | undefined,
): string | undefined {
  const directory = wb.directory();
  const coordinator = resolveEmail(directory, request.coordinator) ?? wb.settings.coordinators[0];
  if (wb.settings.signOffAcceptance === 'coordinator') return isCoordinator(wb) ? undefined : coordinator;
  const signer = acceptanceSigner(directory, request, ownerEmail) ?? coordinator;
  return signer === wb.user ? undefined : signer;
}

/**
 * Whether the active user may record Pass on this task only with their explicit confirmation: a
 * named coordinator who does not own it, the task not 待验收 but open, its request in execution.
 */
export function passNeedsConfirmation(
  wb: Workbook,
  task: { readonly status: TaskStatus | undefined; readonly owner: string; readonly request: string },
): boolean {
  if (task.status === 'awaitingAcceptance' || task.status === 'done' || task.status === 'cancelled') return false;
  if (!isCoordinator(wb) || resolveEmail(wb.directory(), task.owner) === wb.user) return false;
  return requestStatusOf(wb, task.request) !== 'outside';
}

/** The status of a task's request: 'outside' when it is on Requests and not 执行中 (work starts only through sign-off). */
function requestStatusOf(wb: Workbook, id: string): 'executing' | 'outside' | 'unknown' {
  const request = wb
    .optionalTable('requests')
    ?.records()
    .find((r) => r.text('id').toUpperCase() === id.toUpperCase());
  if (!request) return 'unknown';
  return parseEnum('requestStatus', request.get('status')) === 'executing' ? 'executing' : 'outside';
}

/**
 * A Pass on a task not 待验收: refused, unless a coordinator confirmed it in the sidebar on a task
 * whose request is in execution; then the confirmation goes to the Change history.
 */
function unsubmittedPass(wb: Workbook, snapshot: TaskSnapshot, confirmed: boolean, row?: number): Problem | undefined {
  const status = snapshot.status ? enumLabel('taskStatus', snapshot.status, wb.locale) : '';
  const coordinator = isCoordinator(wb);
  const executing = requestStatusOf(wb, snapshot.request) !== 'outside';
  if (confirmed && coordinator && !executing) {
    const value = enumLabel('taskStatus', 'done', wb.locale);
    return refusedAcceptance(
      wb.text('mayRequestExecuting', { request: snapshot.request, id: snapshot.id, value }),
      row,
    );
  }
  if (!confirmed || !coordinator) {
    // A coordinator at the sidebar is told of the confirmation; anyone else of 待验收.
    const asked = wb.via === 'sidebar' && coordinator && executing;
    const params = { id: snapshot.id, status, confirm: wb.text('sidebarConfirmPass') };
    return refusedAcceptance(wb.text(asked ? 'wbPassNeedsConfirmation' : 'wbPassNeedsAwaiting', params), row);
  }
  wb.stated.push({
    sheet: 'acceptance',
    item: snapshot.id,
    field: 'result',
    oldValue: status,
    newValue: wb.text('historyPassConfirmed'),
  });
  return undefined;
}

function applyAcceptance(
  wb: Workbook,
  record: RecordOf<'acceptance'>,
  row?: number,
  confirmedPass = false,
): { problems: Problem[]; computed?: RecordOf<'acceptance'>; signer?: string } {
  wb.table('tasks', ['id', 'status', 'deliverable']);
  const taskRow = taskIndex(wb).get(
    String(record.task ?? '')
      .trim()
      .toUpperCase(),
  );
  const snapshot = taskRow ? taskSnapshot(taskRow, wb) : undefined;
  const problems = checkAcceptance(record, snapshot, wb.env(), row);
  if (hasErrors(problems) || !taskRow || !snapshot) return { problems };
  // SPEC §3.6: an editor Apps Script does not name cannot be told from the owner or a stranger.
  if (wb.user === '') return { problems: [...problems, refusedAcceptance(wb.text('wbAcceptanceUnnamed'), row)] };
  const directory = wb.directory();
  const ownerEmail = resolveEmail(directory, snapshot.owner);
  const acceptor = isBlank(record.acceptedBy) ? wb.user : resolveEmail(directory, String(record.acceptedBy));
  if (ownerEmail !== undefined && (acceptor === ownerEmail || wb.user === ownerEmail)) {
    return { problems: [...problems, ownAcceptance(wb, snapshot.owner, row)] };
  }
  const passed = parseEnum('acceptanceResult', record.result) === 'pass';
  const refused =
    passed && snapshot.status !== 'awaitingAcceptance' && unsubmittedPass(wb, snapshot, confirmedPass, row);
  if (refused) return { problems: [...problems, refused] };
  const request = wb
    .optionalTable('requests')
    ?.records()
    .find((r) => r.text('id').toUpperCase() === snapshot.request.toUpperCase());
  const signer = passed
    ? passSigner(
        wb,
        {
          requester: request?.text('requester') ?? '',
          dept: request?.text('dept') ?? '',
          coordinator: request?.text('coordinator') ?? '',
        },
        ownerEmail,
      )
    : undefined;
  if (signer) openRound(wb, 'acceptance', snapshot.id, [signer]);
  else {
    for (const [key, value] of Object.entries(acceptanceEffect(passed, wb.locale))) taskRow.set(key as never, value);
    if (passed) closeIfComplete(wb, snapshot.request);
  }
  return {
    ...(signer ? { signer } : {}),
    problems,
    computed: {
      task: snapshot.id,
      deliverable: isBlank(record.deliverable) ? taskRow.text('name') : record.deliverable,
      request: snapshot.request,
      lead: request?.text('lead') ?? snapshot.dept,
      depts: request?.text('depts') ?? '',
      standard: snapshot.deliverable || NO_STANDARD,
      acceptedBy: isBlank(record.acceptedBy) ? recordedAuthor(wb) : record.acceptedBy,
      date: isBlank(record.date) ? wb.now : record.date,
    },
  };
}

/** `confirmedPass`: the coordinator ticked the sidebar's confirmation to record Pass on a task not 待验收. */
export function recordAcceptance(wb: Workbook, draft: AcceptanceDraft, confirmedPass = false): ActionResult {
  const table = wb.table('acceptance', ['task', 'result', 'standard']);
  const record: RecordOf<'acceptance'> = Object.fromEntries(DRAFT_FIELDS.map((key) => [key, draft[key]]));
  const { problems, computed, signer } = applyAcceptance(wb, record, undefined, confirmedPass);
  if (!computed) return wb.failure(problems);
  table.append({ ...record, ...computed });
  wb.commit();
  const passed = parseEnum('acceptanceResult', record.result) === 'pass';
  const id = String(computed.task);
  if (signer) return { ok: true, message: wb.text('wbAcceptanceAwaitsSignOff', { id, signer: wb.nameOf(signer) }) };
  return { ok: true, message: wb.text(passed ? 'wbAccepted' : 'wbRejectedDeliverable', { id }) };
}

/** The owner of a task never accepts it (SPEC §3.6). */
function ownAcceptance(wb: Workbook, owner: string, row?: number): Problem {
  return refusedAcceptance(wb.text('wbOwnAcceptance', { owner: wb.nameOf(owner) }), row);
}

/** An acceptance not applied, on its result cell: the message says who may. */
function refusedAcceptance(message: string, row?: number): Problem {
  const params = { message };
  return {
    sheet: 'acceptance',
    field: 'result',
    message: 'wbRefused',
    params,
    level: 'error',
    ...(row === undefined ? {} : { row }),
  };
}

/** Rows typed into Acceptance are applied once: the copied standard marks a row as applied. */
export function syncAcceptance(wb: Workbook): Problem[] {
  const table = wb.table('acceptance', ['task', 'result', 'standard']);
  const problems: Problem[] = [];
  for (const row of table.records().filter((r) => isBlank(r.get('standard')) && wb.acts('acceptance', r.rowNumber))) {
    const record = table.recordOf(row);
    const result = applyAcceptance(wb, record, row.rowNumber);
    problems.push(...result.problems);
    if (!result.computed) continue;
    // Only blank cells and the computed standard are filled; what the user typed stays.
    for (const [key, value] of Object.entries(result.computed)) {
      const column = key as keyof RecordOf<'acceptance'> & string;
      if (column === 'standard' || isBlank(row.get(column))) row.set(column, value);
    }
  }
  return problems;
}
