/**
 * The 问题案例库 sheet's rows checked (SPEC §2.12): a problem stated, a category and a status from
 * their lists (保留 Kept and 弃用 Discarded are a coordinator's, judged by the edit guard), and
 * departments the directory knows. Validate and onEdit name each bad row and field.
 */
import type { CaseCategory } from './enums';
import { Checker, type Problem, type RecordOf, type WorkflowEnv } from './workflow';

/** A case to add as 待确认 (app/caseProposals.ts), from a retrospective or a low rating. */
export interface CaseProposal {
  /** Stable text naming what proposed it, e.g. "delay:RW202407001-01" or "rating:XQ202407001". */
  readonly source: string;
  readonly problem: string;
  readonly rootCause?: string;
  readonly category?: CaseCategory;
  readonly depts?: readonly string[];
  readonly links?: readonly string[];
  readonly tags?: string;
}

export function checkCase(record: RecordOf<'cases'>, env: WorkflowEnv, row?: number): Problem[] {
  const c = new Checker('cases', record, env, row);
  c.required('problem');
  c.enumeration('category', 'caseCategory');
  c.enumeration('status', 'caseStatus');
  c.depts('depts');
  return c.problems;
}
