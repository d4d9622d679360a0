/**
 * What a head signs, as the sidebar shows it (SPEC §4 "A sign-off shows what is signed"): a plan
 * change's old → new due date, reason and impact; a split's tasks (name, department, owner by name,
 * due, deliverable standard); an acceptance's deliverable, standard and result.
 */
import type { SignOffFact, SignOffTask, SignOffSubjectCode } from '../contract';
import { parseEnum } from '../domain/enums';
import type { Cell } from '../gas/table';
import type { Workbook } from './workbook';

export interface SignOffDetails {
  readonly facts: readonly SignOffFact[];
  readonly tasks: readonly SignOffTask[];
}

/** Reads the sheets a sign-off list needs once, and answers per (subject, reference). */
export function signOffDetailsOf(workbook: Workbook): (subject: SignOffSubjectCode, ref: string) => SignOffDetails {
  const date = (value: Cell) => workbook.dateText(value);
  const tasks = workbook.optionalTable('tasks')?.records() ?? [];
  const changes = workbook.optionalTable('planChanges')?.records() ?? [];
  const acceptances = workbook.optionalTable('acceptance')?.records() ?? [];
  const fact = (label: Parameters<Workbook['text']>[0], value: string): SignOffFact[] =>
    value === '' ? [] : [{ label: workbook.text(label), value }];
  return (subject, ref) => {
    const id = ref.trim().toUpperCase();
    switch (subject) {
      case 'split':
        return {
          facts: [],
          tasks: tasks
            .filter((row) => row.text('request').trim().toUpperCase() === id)
            .map((row) => ({
              id: row.text('id'),
              name: row.text('name'),
              dept: row.text('dept'),
              owner: workbook.nameOf(row.text('owner')),
              due: date(row.get('due')),
              deliverable: row.text('deliverable'),
            })),
        };
      case 'change': {
        // The change being signed: the task's latest one still pending.
        const change = changes
          .filter((row) => row.text('task').trim().toUpperCase() === id)
          .filter((row) => (parseEnum('changeStatus', row.get('status')) ?? 'pending') === 'pending')
          .at(-1);
        if (!change) return { facts: [], tasks: [] };
        return {
          facts: [
            ...fact('sidebarSignOffDue', `${date(change.get('oldDue'))} → ${date(change.get('newDue'))}`),
            ...fact('sidebarSignOffReason', change.text('reason')),
            ...fact('sidebarSignOffImpact', change.text('impact')),
            ...fact('sidebarSignOffRequestedBy', workbook.nameOf(change.text('requestedBy'))),
          ],
          tasks: [],
        };
      }
      case 'acceptance': {
        const accepted = acceptances.filter((row) => row.text('task').trim().toUpperCase() === id).at(-1);
        if (!accepted) return { facts: [], tasks: [] };
        return {
          facts: [
            ...fact('sidebarSignOffDeliverable', accepted.text('deliverable')),
            ...fact('sidebarSignOffStandard', accepted.text('standard')),
            ...fact('sidebarSignOffResult', accepted.text('result')),
          ],
          tasks: [],
        };
      }
    }
  };
}
