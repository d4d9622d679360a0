/**
 * The Sign-offs sheet (签批记录, SPEC §2.9): rounds opened when a split is submitted, a plan change
 * requested or an acceptance's Pass recorded, one row per required signer; and what is waiting
 * for the active user, as the signer or, while the signer is away, as their delegate.
 */
import { resolveEmail, standIn } from '../domain/directory';
import { enumLabel, parseEnum, type SignOffSubject } from '../domain/enums';
import { headsOf, pendingSignOffs, subjectKey, type SignOffRecord } from '../domain/signOffs';
import { isBlank, parseList } from '../domain/values';
import type { Workbook } from './workbook';

/**
 * Every Sign-offs row; none when the workbook has no Sign-offs sheet yet. A decision counts only
 * with the time the add-on stamped when the signer (or delegate) decided it in the sidebar: one
 * typed into the sheet, by whoever may edit it, reads as still pending.
 */
export function readSignOffs(wb: Workbook): SignOffRecord[] {
  const rows = wb.optionalTable('signOffs')?.records() ?? [];
  // Signers are written by name (SPEC §2); each is matched, notified and checked by its email.
  const email = (text: string) => (text === '' ? '' : (resolveEmail(wb.directory(), text) ?? text.toLowerCase()));
  return rows.map((row) => ({
    row: row.rowNumber,
    subject: parseEnum('signOffSubject', row.get('subject')),
    ref: row.text('ref'),
    signer: email(row.text('signer')),
    onBehalfOf: email(row.text('onBehalfOf')),
    decision: isBlank(row.get('decidedAt')) ? 'pending' : parseEnum('signOffDecision', row.get('decision')),
    comment: row.text('comment'),
    decidedAt: wb.readDate(row.get('decidedAt')),
    requestedAt: wb.readDate(row.get('requestedAt')),
  }));
}

/**
 * Opens a round: one pending row per signer, all requested now (written on commit). A round is
 * told apart by its request time, so it is kept later than the subject's previous round even when
 * both fall within one clock tick.
 */
export function openRound(wb: Workbook, subject: SignOffSubject, ref: string, signers: readonly string[]): void {
  const table = wb.table('signOffs');
  const key = subjectKey(subject, ref);
  const previous = readSignOffs(wb)
    .filter((row) => row.subject && subjectKey(row.subject, row.ref) === key)
    .map((row) => row.requestedAt?.getTime() ?? 0);
  const requestedAt = new Date(Math.max(wb.now.getTime(), ...previous.map((time) => time + 1000)));
  for (const signer of signers) {
    table.append({
      subject: enumLabel('signOffSubject', subject, wb.locale),
      ref,
      signer: wb.nameOf(signer),
      decision: enumLabel('signOffDecision', 'pending', wb.locale),
      requestedAt,
    });
  }
}

/** The pending sign-offs the active user may decide today: their own, and those of whom they stand in for. */
export function signOffsFor(wb: Workbook, rows: readonly SignOffRecord[] = readSignOffs(wb)): SignOffRecord[] {
  if (wb.user === '') return [];
  const directory = wb.directory();
  return pendingSignOffs(rows).filter((row) => standIn(directory, row.signer, wb.today).email === wb.user);
}

/** Heads of a task's department and of the departments whose tasks depend on it: who signs its plan change. */
export function changeSigners(wb: Workbook, taskId: string, taskDept: string): string[] {
  const wanted = taskId.trim().toUpperCase();
  const downstream = wb
    .table('tasks', ['id', 'dept'])
    .records()
    .filter((row) => parseList(row.get('dependsOn')).some((id) => id.toUpperCase() === wanted))
    .map((row) => row.text('dept'));
  return headsOf(wb.directory(), [taskDept, ...downstream]);
}
