/**
 * Sign-offs (会签, SPEC §2.9) as pure rules: who must sign a split, a plan change or an acceptance,
 * and what a round of signatures has come to. A round is every row of one subject and reference
 * requested at the same time; a new submission after a Return starts a new round.
 */
import { findDepartment, resolveEmail, type Directory } from './directory';
import type { SignOffDecision, SignOffSubject } from './enums';

/** One Sign-offs row. */
export interface SignOffRecord {
  readonly row: number;
  readonly subject: SignOffSubject | undefined;
  readonly ref: string;
  /** The required signer's email. */
  readonly signer: string;
  /** The delegate who decided for the signer; '' when the signer did. */
  readonly onBehalfOf: string;
  readonly decision: SignOffDecision | undefined;
  readonly comment: string;
  readonly decidedAt: Date | undefined;
  readonly requestedAt: Date | undefined;
}

export type RoundState = 'pending' | 'agreed' | 'returned';

/** Heads (emails) of the departments given, once each, in order; departments without a head are left out. */
export function headsOf(directory: Directory, depts: readonly string[]): string[] {
  const heads: string[] = [];
  for (const dept of depts) {
    const head = resolveEmail(directory, findDepartment(directory, dept)?.head ?? '');
    if (head && !heads.includes(head)) heads.push(head);
  }
  return heads;
}

/**
 * Who signs the Pass of a task's acceptance: the requester, or the requesting department's head
 * when the requester owns the task (nobody signs their own task's acceptance); undefined when
 * neither can, so the coordinator decides.
 */
export function acceptanceSigner(
  directory: Directory,
  request: { readonly requester: string; readonly dept: string },
  ownerEmail: string | undefined,
): string | undefined {
  const candidates = [resolveEmail(directory, request.requester), ...headsOf(directory, [request.dept])];
  return candidates.find((email) => email !== undefined && email !== ownerEmail);
}

function roundKey(row: SignOffRecord): string {
  return `${row.subject ?? ''}|${row.ref.toUpperCase()}|${row.requestedAt?.getTime() ?? ''}`;
}

/** The rows of the latest round of each (subject, reference), keyed subject|REF. */
export function latestRounds(rows: readonly SignOffRecord[]): Map<string, SignOffRecord[]> {
  const byRound = new Map<string, SignOffRecord[]>();
  for (const row of rows) {
    if (!row.subject || row.ref === '') continue;
    const key = roundKey(row);
    byRound.set(key, [...(byRound.get(key) ?? []), row]);
  }
  const latest = new Map<string, SignOffRecord[]>();
  for (const round of byRound.values()) {
    const first = round[0]!;
    const key = subjectKey(first.subject!, first.ref);
    const current = latest.get(key)?.[0];
    if (!current || (first.requestedAt?.getTime() ?? 0) > (current.requestedAt?.getTime() ?? 0)) latest.set(key, round);
  }
  return latest;
}

export function subjectKey(subject: SignOffSubject, ref: string): string {
  return `${subject}|${ref.trim().toUpperCase()}`;
}

/** One Return ends a round; it is agreed once every row agreed. */
export function roundState(round: readonly SignOffRecord[]): RoundState {
  if (round.some((row) => row.decision === 'return')) return 'returned';
  return round.length > 0 && round.every((row) => row.decision === 'agree') ? 'agreed' : 'pending';
}

/** Rows still waiting for their signer in a round that is still open. */
export function pendingSignOffs(rows: readonly SignOffRecord[]): SignOffRecord[] {
  return [...latestRounds(rows).values()]
    .filter((round) => roundState(round) === 'pending')
    .flatMap((round) => round.filter((row) => row.decision !== 'agree'));
}

/** When the latest round of a split was agreed (its last decision), per upper-case request ID. */
export function confirmedSplits(rows: readonly SignOffRecord[]): Map<string, Date> {
  const confirmed = new Map<string, Date>();
  for (const round of latestRounds(rows).values()) {
    const first = round[0]!;
    if (first.subject !== 'split' || roundState(round) !== 'agreed') continue;
    const last = Math.max(...round.map((row) => row.decidedAt?.getTime() ?? 0));
    if (last > 0) confirmed.set(first.ref.trim().toUpperCase(), new Date(last));
  }
  return confirmed;
}
