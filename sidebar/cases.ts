/**
 * Similar past cases on the task card (SPEC §2.12): up to three kept cases from the 问题案例库, each
 * its ID, problem, root cause, countermeasure and why it is listed. Text set with textContent only.
 */
import type { SimilarCases } from '../src/contract';
import { element } from './dom';

/** The card's block of similar cases, or nothing when the server found none. */
export function similarCasesBlock(similar: SimilarCases | null | undefined): Node[] {
  if (!similar || similar.cases.length === 0) return [];
  const items = similar.cases.map((line) =>
    element('li', { className: 'case' }, [
      element('p', { className: 'case-title' }, [
        element('span', { className: 'case-id', text: line.id }),
        document.createTextNode(` ${line.problem}`),
      ]),
      ...(line.rootCause ? [element('p', { className: 'muted', text: line.rootCause })] : []),
      ...(line.countermeasure ? [element('p', { className: 'case-countermeasure', text: line.countermeasure })] : []),
      element('p', { className: 'muted case-why', text: line.why }),
    ]),
  );
  return [
    element('h3', { id: 'card-cases-heading', text: similar.heading }),
    element('ul', { className: 'cases', id: 'card-cases' }, items),
  ];
}
