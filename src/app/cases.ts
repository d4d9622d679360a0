/**
 * The 问题案例库 sheet read (SPEC §2.12): the kept cases a lagging task's card compares with, and the
 * cases linked to one request for its retrospective (Validate checks its rows with domain/caseLibrary.ts).
 */
import type { PastCase } from '../domain/caseMatch';
import { parseEnum, type CaseStatus } from '../domain/enums';
import type { RequestCase } from '../domain/retrospectiveConclusions';
import type { Workbook } from './workbook';

interface CaseRow extends PastCase {
  readonly links: string;
  readonly status: CaseStatus | undefined;
}

function readCases(wb: Workbook): CaseRow[] {
  const table = wb.optionalTable('cases');
  if (!table) return [];
  return table.records().map((row) => ({
    id: row.text('id'),
    problem: row.text('problem'),
    rootCause: row.text('rootCause'),
    countermeasure: row.text('countermeasure'),
    tags: row.text('tags'),
    links: row.text('links'),
    category: parseEnum('caseCategory', row.get('category')),
    status: parseEnum('caseStatus', row.get('status')),
  }));
}

/** Cases a coordinator kept (保留), oldest first: what a card may show. */
export function keptCases(wb: Workbook): PastCase[] {
  return readCases(wb).filter((c) => c.status === 'kept' && c.problem !== '');
}

/** Cases linked to the request or one of `taskIds` (upper case), in sheet order. */
export function casesOfRequest(wb: Workbook, requestId: string, taskIds: ReadonlySet<string>): RequestCase[] {
  const wanted = requestId.toUpperCase();
  return readCases(wb).filter((c) => {
    const links = c.links.toUpperCase().match(/[A-Z]{2}\d{9}(?:-\d+)?/g) ?? [];
    return links.some((link) => link === wanted || taskIds.has(link));
  });
}
