/**
 * What the sidebar may ask of the server (SPEC §4): its setup and the selected task's card
 * (sidebarCard.ts), and one entry that validates (sidebarForms.ts) and saves any of its forms.
 */
// The namespace import lets esbuild drop what we do not use: 'import { z }' bundles all of zod (~0.5 MB).
import * as z from 'zod/mini';
import type { ActionResult, FormKey } from '../contract';
import { type ColumnKey } from '../domain/schema';
import { enumLabel } from '../domain/enums';
import { checkCommunication, hasErrors, type RecordOf } from '../domain/workflow';
import { submissionToken } from '../gas/submissions';
import type { Cell } from '../gas/table';
import { recordAcceptance, type AcceptanceDraft } from './acceptance';
import { markBlocked } from './block';
import { requestPlanChange, type PlanChangeDraft } from './planChanges';
import { submitNudge } from './nudge';
import { postProgress, type ProgressDraft } from './progress';
import { submitRequest, type RequestDraft } from './requests';
import { submitSuggestion, type SuggestionDraft } from './suggestions';
import { FORM_KEYS, formContext, validateForm, type FormValues } from './sidebarForms';
import { type Workbook } from './workbook';
import { formAction } from './operation';

// The page's reads, exported here beside the form entry so src/main.ts has one sidebar module.
export { getSidebarSetup, getSidebarState } from './sidebarCard';
export { getMyWork, selectMyWorkItem } from './myWork';

/**
 * A meeting or call goes to the log as typed; its action item starts open. (SPEC §2.4; no other
 * use case writes this log yet, so it lives with its only caller.)
 */
function logCommunication(workbook: Workbook, values: FormValues<'communication'>): ActionResult {
  const table = workbook.table('communications', ['date', 'topic']);
  const record: RecordOf<'communications'> = { ...values };
  if (values.actions !== '') record.actionStatus = enumLabel('actionStatus', 'open', workbook.locale);
  const problems = checkCommunication(record, workbook.env());
  if (hasErrors(problems)) return workbook.failure(problems);
  table.append(record as Partial<Record<ColumnKey<'communications'>, Cell>>);
  workbook.commit();
  return { ok: true, message: workbook.text('sidebarCommunicationLogged', { topic: String(values.topic) }) };
}

/** Each form's use case, given the validated payload. */
const SAVE: { [K in Exclude<FormKey, 'nudge'>]: (workbook: Workbook, values: FormValues<K>) => ActionResult } = {
  progress: (workbook, values) => postProgress(workbook, values satisfies ProgressDraft),
  communication: logCommunication,
  acceptance: (workbook, { confirmPass, ...values }) =>
    recordAcceptance(workbook, values satisfies AcceptanceDraft, confirmPass === 'true'),
  planChange: (workbook, values) => requestPlanChange(workbook, values satisfies PlanChangeDraft),
  request: (workbook, values) => submitRequest(workbook, values satisfies RequestDraft),
  suggestion: (workbook, values) => submitSuggestion(workbook, values satisfies SuggestionDraft),
  block: markBlocked,
};

/**
 * Validates and saves one form under the document lock. A problem the user can fix comes back
 * as a failed result, per field where it has one; anything else (an unknown form) fails the call.
 */
export function submitSidebarForm(now: Date, form: unknown, payload: unknown, token?: unknown): ActionResult {
  const key = z.enum(FORM_KEYS).safeParse(form);
  if (!key.success) throw new Error(`Unknown sidebar form: ${String(form)}`);
  // A nudge sends after the lock, through the ledger (app/nudge.ts).
  if (key.data === 'nudge') return submitNudge(now, payload, submissionToken(token));
  const save = SAVE[key.data] as (workbook: Workbook, values: FormValues<FormKey>) => ActionResult;
  return formAction(
    now,
    (workbook) => {
      const checked = validateForm(key.data, payload, formContext(workbook));
      return checked.ok ? save(workbook, checked.value) : checked;
    },
    submissionToken(token),
  );
}
