/**
 * Similar past cases on the card of a task that is behind (SPEC §2.12): lagging, overdue or blocked
 * (health or status). Its delay reason (the Tasks row's, else its latest progress entry's) is
 * matched against the kept cases (domain/caseMatch.ts); the category its words suggest matches too.
 */
import type { SimilarCaseLine, SimilarCases } from '../contract';
import { guessCategory } from '../domain/caseCategory';
import { similarCases } from '../domain/caseMatch';
import { enumLabel, parseEnum } from '../domain/enums';
import { isDelayReason } from '../domain/retrospective';
import type { TaskRow } from './tasks';
import { keptCases } from './cases';
import type { Workbook } from './workbook';

/** Health that means the task is behind; a blocked status counts whatever the health says. */
const BEHIND = new Set(['lagging', 'overdue', 'blocked']);

function delayReasonOf(wb: Workbook, task: TaskRow): string {
  const own = task.text('delayReason');
  if (isDelayReason(own)) return own.trim();
  const id = task.text('id').toUpperCase();
  const latest = (wb.optionalTable('progress')?.records() ?? [])
    .filter((row) => row.text('task').toUpperCase() === id)
    .at(-1)
    ?.text('delayReason');
  return latest && isDelayReason(latest) ? latest.trim() : '';
}

/** Up to three kept cases like the task's problem, or null when the task is not behind or nothing matches. */
export function similarCasesFor(wb: Workbook, task: TaskRow): SimilarCases | null {
  const behind =
    BEHIND.has(parseEnum('health', task.get('health')) ?? '') ||
    parseEnum('taskStatus', task.get('status')) === 'blocked';
  if (!behind || !wb.sheet('cases')) return null;
  const reason = delayReasonOf(wb, task);
  const guessed = reason ? guessCategory(reason) : undefined;
  const category = guessed === 'other' ? undefined : guessed;
  const found = similarCases({ reason, category }, keptCases(wb));
  if (found.length === 0) return null;
  const cases: SimilarCaseLine[] = found.map(({ pastCase, shared, sameCategory }) => ({
    id: pastCase.id,
    problem: pastCase.problem,
    rootCause: pastCase.rootCause,
    countermeasure: pastCase.countermeasure
      ? wb.text('caseSimilarCountermeasure', { text: pastCase.countermeasure })
      : '',
    why:
      shared > 0
        ? wb.text('caseSimilarShared')
        : wb.text('caseSimilarSameCategory', {
            category: sameCategory && category ? enumLabel('caseCategory', category, wb.locale) : '',
          }),
  }));
  return { heading: wb.text('caseSimilarHeading'), cases };
}
