/**
 * Proposing cases to the 问题案例库 (SPEC §2.12): the retrospective and a low rating each propose
 * rows that wait (待确认) for a coordinator to keep or discard. A source (a delayed task, an
 * acceptance failure, an L3 episode, a rating) proposes one case, ever: proposing it again, or a
 * retried save, adds nothing, whatever the coordinator has since decided.
 */
import type { CaseProposal } from '../domain/caseLibrary';
import { enumLabel } from '../domain/enums';
import { CASE_ID_PREFIX, nextMonthlyId } from '../domain/ids';
import { recordedAuthor, type Workbook } from './workbook';

export type { CaseProposal } from '../domain/caseLibrary';

/** Appends the proposals whose source has no case yet; returns the IDs of the cases added. */
export function proposeCases(wb: Workbook, proposals: readonly CaseProposal[]): string[] {
  if (proposals.length === 0) return [];
  const table = wb.table('cases', ['id', 'source']);
  const rows = table.records();
  const proposed = new Set(rows.map((row) => row.text('source').trim()).filter((s) => s !== ''));
  const ids = rows.map((row) => row.text('id'));
  const added: string[] = [];
  const separator = wb.locale === 'en' ? ', ' : '、';
  for (const proposal of proposals) {
    if (proposed.has(proposal.source)) continue;
    proposed.add(proposal.source);
    const id = nextMonthlyId(CASE_ID_PREFIX, ids, wb.now, wb.timeZone);
    ids.push(id);
    table.append({
      id,
      problem: proposal.problem,
      rootCause: proposal.rootCause ?? '',
      category: proposal.category ? enumLabel('caseCategory', proposal.category, wb.locale) : '',
      depts: (proposal.depts ?? []).join(separator),
      links: (proposal.links ?? []).join(separator),
      tags: proposal.tags ?? '',
      status: enumLabel('caseStatus', 'proposed', wb.locale),
      addedBy: recordedAuthor(wb),
      time: wb.now,
      source: proposal.source,
    });
    added.push(id);
  }
  return added;
}
