/**
 * A coordinator's decision on an improvement suggestion from the sidebar (SPEC §2.13): the card of
 * the suggestion on the selected row, and saving its next status, owner, due and note in one
 * write, along the flow, with a message per field (the same checks as a sheet edit).
 */
// The namespace import lets esbuild drop what we do not use: 'import { z }' bundles all of zod (~0.5 MB).
import * as z from 'zod/mini';
import type { ActionResult, SuggestionCard, SuggestionDecisionPayload } from '../contract';
import { enumLabel, parseEnum } from '../domain/enums';
import { columnDef, columnLabel, type ColumnKey } from '../domain/schema';
import { checkSuggestion, flowRefusal, SUGGESTION_FLOW } from '../domain/suggestions';
import { CELL_MAX_CHARS, parseDate } from '../domain/values';
import { hasErrors } from '../domain/workflow';
import { currentSelection } from '../gas/selection';
import { submissionToken } from '../gas/submissions';
import type { TableRow } from '../gas/table';
import { formAction } from './operation';
import { isCoordinator, type Workbook } from './workbook';

type SuggestionRow = TableRow<ColumnKey<'suggestions'>>;

const SHOWN: readonly ColumnKey<'suggestions'>[] = ['detail', 'dept', 'proposer', 'time', 'status', 'owner', 'due'];

/** The suggestion on the selected row of Suggestions, with the decision form for a coordinator; null elsewhere. */
export function suggestionCard(wb: Workbook): SuggestionCard | null {
  const sheet = wb.sheet('suggestions');
  const selection = currentSelection(wb.spreadsheet);
  if (!sheet || !selection.isOn(sheet)) return null;
  const row = selection.rowOf(() => wb.table('suggestions')) as SuggestionRow | undefined;
  if (!row || row.text('id') === '') return null;
  const label = (key: ColumnKey<'suggestions'>) => columnLabel(columnDef('suggestions', key), wb.locale);
  const card = {
    id: row.text('id'),
    title: row.text('title'),
    facts: SHOWN.map((key) => ({ label: label(key), value: wb.dateText(row.get(key)) })).filter((f) => f.value),
  };
  if (!isCoordinator(wb)) return card;
  const current = parseEnum('suggestionStatus', row.get('status')) ?? 'proposed';
  const status = (code: typeof current) => enumLabel('suggestionStatus', code, wb.locale);
  return {
    ...card,
    decision: {
      labels: {
        id: label('id'),
        status: label('status'),
        owner: label('owner'),
        due: label('due'),
        decisionNote: label('decisionNote'),
        save: wb.text('sgSave'),
      },
      values: {
        status: status(current),
        owner: row.text('owner'),
        due: wb.dateText(row.get('due')),
        decisionNote: row.text('decisionNote'),
      },
      statuses: [current, ...SUGGESTION_FLOW[current]].map((code) => ({ value: status(code), label: status(code) })),
      people: wb.directory().people.map((person) => person.name),
    },
  };
}

const cell = z.string().check(z.trim(), z.maxLength(CELL_MAX_CHARS));
const decisionPayload = z.object({
  id: cell,
  status: z._default(cell, ''),
  owner: z._default(cell, ''),
  due: z._default(cell, ''),
  decisionNote: z._default(cell, ''),
});

export function decideSuggestionFromSidebar(payload: unknown, now: Date, token?: unknown): ActionResult {
  return formAction(
    now,
    (wb) => {
      const parsed = decisionPayload.safeParse(payload);
      if (!parsed.success) return { ok: false, message: wb.text('sidebarFieldInvalid'), errors: {} };
      return decideSuggestion(wb, parsed.data);
    },
    submissionToken(token),
  );
}

function decideSuggestion(wb: Workbook, decision: SuggestionDecisionPayload): ActionResult {
  if (!isCoordinator(wb)) {
    const message = wb.text('sgDecideCoordinators', { coordinators: wb.namesOf(wb.settings.coordinators) });
    return { ok: false, message, errors: {} };
  }
  const table = wb.table('suggestions', ['id', 'status', 'owner', 'due', 'decisionNote']);
  const row = table.records().find((r) => r.text('id').toUpperCase() === decision.id.toUpperCase());
  if (!row) return { ok: false, message: wb.text('sgUnknown', { id: decision.id }), errors: {} };
  const from = parseEnum('suggestionStatus', row.get('status')) ?? 'proposed';
  const to = parseEnum('suggestionStatus', decision.status) ?? from;
  if (to !== from && !SUGGESTION_FLOW[from].includes(to)) {
    const message = flowRefusal(wb, row.text('id'), from);
    return { ok: false, message, errors: { status: message } };
  }
  const record = table.recordOf(row);
  const due = decision.due === '' ? '' : (parseDate(decision.due, wb.timeZone) ?? decision.due);
  const changes = {
    status: enumLabel('suggestionStatus', to, wb.locale),
    owner: decision.owner,
    due,
    decisionNote: decision.decisionNote,
  };
  const problems = checkSuggestion({ ...record, ...changes }, wb.env());
  if (hasErrors(problems)) return wb.failure(problems);
  for (const [key, value] of Object.entries(changes)) row.set(key as ColumnKey<'suggestions'>, value);
  wb.commit();
  return {
    ok: true,
    id: row.text('id'),
    message: wb.text('sgDecided', { id: row.text('id'), status: changes.status }),
  };
}
