/**
 * What the sidebar may ask of the server (SPEC §4): its strings and forms, the card of the
 * selected task, and one entry that validates and saves any of its forms. Every payload passes a
 * zod check before a use case sees it; a bad field comes back as a message for that field and
 * nothing is written.
 */
// The namespace import lets esbuild drop what we do not use: 'import { z }' bundles all of zod (~0.5 MB).
import * as z from 'zod/mini';
import type {
  CardField,
  FieldInput,
  FieldOption,
  FieldSpec,
  FormKey,
  FormSpec,
  LatestProgress,
  SidebarSetup,
  SidebarState,
  SidebarTextKey,
  ActionResult,
  TaskCard,
} from '../contract';
import {
  columnDef,
  columnLabel,
  ENUMS,
  enumLabel,
  parseEnum,
  type ColumnKey,
  type EnumKey,
  type SheetKey,
} from '../domain/schema';
import { WorkCalendar } from '../domain/calendar';
import { isTaskId } from '../domain/ids';
import { parseDate, parsePercent, parseTypedPercent } from '../domain/values';
import { checkCommunication, hasErrors, type RecordOf } from '../domain/workflow';
import type { Cell, Table } from '../gas/table';
import { catalogue, t, type Locale, type MessageKey } from '../i18n';
import { sidebarText } from '../i18n/sidebar';
import { recordAcceptance, type AcceptanceDraft } from './acceptance';
import { requestPlanChange, type PlanChangeDraft } from './planChanges';
import { postProgress, type ProgressDraft } from './progress';
import { submitRequest, type RequestDraft } from './requests';
import { taskIndex } from './tasks';
import { activeUserEmail, formAction, Workbook } from './workbook';
import { activeSpreadsheet } from '../gas/document';
import { submissionToken } from '../gas/submissions';

/** What building the forms needs to know about the workbook and the user. */
interface FormContext {
  readonly locale: Locale;
  readonly timeZone: string;
  readonly today: string;
  readonly user: string;
}

/** Sheets refuses more than 50,000 characters in one cell (https://mojicnt.click/en/blog/spreadsheet-cell-limit.html). */
const CELL_MAX = 50_000;

interface FieldDef {
  readonly input: FieldInput;
  /** Overrides the column's rule when the use case fills the field itself. */
  readonly required?: boolean;
  readonly options?: readonly FieldOption[];
  readonly initial?: string;
  readonly followsCard?: boolean;
}

function enumOptions(kind: EnumKey, locale: Locale): FieldOption[] {
  // The label is the value too: it is what the sheet shows, and the rules read either language.
  return ENUMS[kind].map((value) => {
    const label = enumLabel(kind, value.code as never, locale);
    return { value: label, label };
  });
}

/**
 * The forms, their sheet and their inputs in order; captions and "required" come from the sheet
 * catalogue. Task forms also carry `task`, posted for the task on the card rather than typed.
 */
function forms(ctx: FormContext) {
  const { locale } = ctx;
  return {
    progress: {
      sheet: 'progress',
      fields: {
        task: { input: 'text' },
        summary: { input: 'textarea' },
        pct: { input: 'number' },
        planned: { input: 'text' },
        actual: { input: 'text' },
        delayReason: { input: 'textarea' },
        mitigation: { input: 'textarea' },
        note: { input: 'textarea' },
      },
    },
    communication: {
      sheet: 'communications',
      fields: {
        date: { input: 'date', initial: ctx.today },
        ref: { input: 'text', followsCard: true },
        participants: { input: 'text' },
        topic: { input: 'text' },
        summary: { input: 'textarea' },
        actions: { input: 'textarea' },
        actionOwner: { input: 'text' },
        actionDue: { input: 'date' },
      },
    },
    acceptance: {
      sheet: 'acceptance',
      fields: {
        task: { input: 'text' },
        // Named after the task when left empty.
        deliverable: { input: 'text', required: false },
        result: { input: 'select', options: enumOptions('acceptanceResult', locale) },
        reason: { input: 'textarea' },
      },
    },
    planChange: {
      sheet: 'planChanges',
      fields: {
        task: { input: 'text' },
        newDue: { input: 'date' },
        reason: { input: 'textarea' },
        impact: { input: 'textarea' },
      },
    },
    request: {
      sheet: 'requests',
      fields: {
        title: { input: 'text' },
        dept: { input: 'text' },
        requester: { input: 'text', initial: ctx.user },
        contact: { input: 'text' },
        goal: { input: 'textarea' },
        depts: { input: 'text' },
        expected: { input: 'date' },
        resources: { input: 'textarea' },
        attachments: { input: 'text' },
      },
    },
  } as const satisfies Record<FormKey, { sheet: SheetKey; fields: Record<string, FieldDef> }>;
}

type Forms = ReturnType<typeof forms>;
/** A form's payload once validated: each of its fields as trimmed text, or a date. */
type FormValues<K extends FormKey> = Record<keyof Forms[K]['fields'], string | Date>;

const FORM_TITLES: Record<FormKey, MessageKey> = {
  progress: 'sidebarFormProgress',
  communication: 'sidebarFormCommunication',
  acceptance: 'sidebarFormAcceptance',
  planChange: 'sidebarFormPlanChange',
  request: 'sidebarFormRequest',
};
const FORM_KEYS = Object.keys(FORM_TITLES) as [FormKey, ...FormKey[]];

function formSpec(key: FormKey, ctx: FormContext): FormSpec {
  const { sheet, fields } = forms(ctx)[key];
  const inputs = Object.entries(fields as Record<string, FieldDef>).filter(([name]) => name !== 'task');
  return {
    key,
    title: t(ctx.locale, FORM_TITLES[key]),
    forTask: 'task' in fields,
    fields: inputs.map(([name, def]): FieldSpec => {
      const column = columnDef(sheet, name as never);
      return { key: name, label: columnLabel(column, ctx.locale), required: def.required ?? column.required, ...def };
    }),
  };
}

/**
 * The transport check every payload passes before any rule sees it: an object whose fields are
 * text that fits in a cell. Unknown keys are dropped and a missing field reads as empty. A date
 * field that reads as a date becomes one, so the sheet gets a date, not text; what the text must
 * say (dates, 0–100, one owner) is the workflow's rules, which answer per field too.
 */
function validateForm<K extends FormKey>(
  key: K,
  payload: unknown,
  ctx: FormContext,
): { ok: true; value: FormValues<K> } | Extract<ActionResult, { ok: false }> {
  const fields = Object.entries(forms(ctx)[key].fields as Record<string, FieldDef>);
  const cell = z
    .string()
    .check(z.trim(), z.maxLength(CELL_MAX, t(ctx.locale, 'sidebarFieldTooLong', { max: CELL_MAX })));
  const date = z.pipe(
    cell,
    z.transform((typed) => (typed === '' ? typed : (parseDate(typed, ctx.timeZone) ?? typed))),
  );
  const shape = Object.fromEntries(
    fields.map(([name, def]) => [name, z._default(def.input === 'date' ? date : cell, '')]),
  );
  const parsed = z.object(shape).safeParse(payload, { error: () => t(ctx.locale, 'sidebarFieldInvalid') });
  if (parsed.success) return { ok: true, value: parsed.data as FormValues<K> };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '')] ??= issue.message;
  return { ok: false, message: t(ctx.locale, 'sidebarFixFields'), errors };
}

// ---- The page's setup and the selected task's card. ----

function formContext(workbook: Workbook): FormContext {
  return {
    locale: workbook.locale,
    timeZone: workbook.timeZone,
    today: Utilities.formatDate(workbook.now, workbook.timeZone, 'yyyy-MM-dd'),
    user: workbook.user,
  };
}

const CARD_COLUMNS: Record<CardField, ColumnKey<'tasks'>> = {
  id: 'id',
  name: 'name',
  owner: 'owner',
  dept: 'dept',
  due: 'due',
  status: 'status',
  health: 'health',
  pct: 'pct',
  deliverable: 'deliverable',
};

/** Strings and forms in the workbook's language, so captions match the sheets' headers. */
function sidebarSetup(workbook: Workbook): SidebarSetup {
  const ctx = formContext(workbook);
  const { locale } = workbook;
  const keys = Object.keys(sidebarText) as SidebarTextKey[];
  return {
    locale,
    title: t(locale, 'appName'),
    text: Object.fromEntries(keys.map((key) => [key, catalogue[key][locale]])) as Record<SidebarTextKey, string>,
    cardLabels: Object.fromEntries(
      Object.entries(CARD_COLUMNS).map(([field, column]) => [field, columnLabel(columnDef('tasks', column), locale)]),
    ) as Record<CardField, string>,
    forms: FORM_KEYS.map((key) => formSpec(key, ctx)),
  };
}

/** Sheets whose rows name a task, the column holding its ID, and whether it may hold a request ID instead. */
const TASK_REFERENCES = [
  { sheet: 'tasks', column: 'id', mixed: false },
  { sheet: 'progress', column: 'task', mixed: false },
  { sheet: 'acceptance', column: 'task', mixed: false },
  { sheet: 'planChanges', column: 'task', mixed: false },
  { sheet: 'communications', column: 'ref', mixed: true },
] as const satisfies readonly { sheet: SheetKey; column: string; mixed: boolean }[];

/** The task ID on the row the user has selected, if that row names one. */
function selectedTaskId(workbook: Workbook): string | undefined {
  const active = workbook.spreadsheet.getActiveSheet();
  const reference = TASK_REFERENCES.find((ref) => workbook.sheet(ref.sheet)?.getSheetId() === active.getSheetId());
  const row = active.getActiveRange()?.getRow() ?? 1;
  if (!reference || row < 2) return undefined;
  const table = workbook.table(reference.sheet) as Table<string>;
  const id = table.rows[row - 2]?.text(reference.column) ?? '';
  return id === '' || (reference.mixed && !isTaskId(id)) ? undefined : id;
}

/** A cell as the card shows it: dates on the workbook's wall clock, midnight without a time. */
function display(value: Cell, workbook: Workbook): string {
  return value instanceof Date ? new WorkCalendar(workbook.settings).wallText(value) : String(value).trim();
}

function enumDisplay(kind: EnumKey, value: Cell, workbook: Workbook): { code: string; label: string } {
  const code = parseEnum(kind, value);
  return code
    ? { code, label: enumLabel(kind, code as never, workbook.locale) }
    : { code: '', label: display(value, workbook) };
}

/** `pct` as the card shows it: "70%". */
function pctDisplay(pct: number | undefined): string {
  return pct === undefined ? '' : `${pct}%`;
}

function latestProgress(workbook: Workbook, taskId: string): LatestProgress | null {
  const latest = workbook
    .optionalTable('progress')
    ?.records()
    .filter((row) => row.text('task') === taskId)
    .at(-1);
  if (!latest) return null;
  return {
    summary: latest.text('summary'),
    pct: pctDisplay(parseTypedPercent(latest.get('pct'))),
    updatedAt: display(latest.get('updatedAt'), workbook),
    updatedBy: latest.text('updatedBy'),
  };
}

function sidebarState(workbook: Workbook): SidebarState {
  const hint = workbook.text('sidebarSelectTask');
  const id = selectedTaskId(workbook);
  if (!id) return { card: null, hint };
  const task = workbook.sheet('tasks') ? taskIndex(workbook).get(id.toUpperCase()) : undefined;
  if (!task) return { card: null, hint: workbook.text('sidebarUnknownTask', { id }) };
  const health = enumDisplay('health', task.get('health'), workbook);
  const card: TaskCard = {
    id,
    name: task.text('name'),
    owner: task.text('owner'),
    dept: task.text('dept'),
    due: display(task.get('due'), workbook),
    status: enumDisplay('taskStatus', task.get('status'), workbook).label,
    healthCode: health.code,
    health: health.label,
    pct: pctDisplay(parsePercent(task.get('pct'))),
    deliverable: task.text('deliverable'),
    latest: latestProgress(workbook, id),
  };
  return { card, hint };
}

// ---- Entry points (src/main.ts exports thin wrappers of these). ----

/** Reads for the page take no lock: they write nothing, and the page polls. */
function readWorkbook(now: Date): Workbook {
  return new Workbook(activeSpreadsheet(), now, activeUserEmail());
}

export function getSidebarSetup(now: Date): SidebarSetup {
  return sidebarSetup(readWorkbook(now));
}

export function getSidebarState(now: Date): SidebarState {
  return sidebarState(readWorkbook(now));
}

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
const SAVE: { [K in FormKey]: (workbook: Workbook, values: FormValues<K>) => ActionResult } = {
  progress: (workbook, values) => postProgress(workbook, values satisfies ProgressDraft),
  communication: logCommunication,
  acceptance: (workbook, values) => recordAcceptance(workbook, values satisfies AcceptanceDraft),
  planChange: (workbook, values) => requestPlanChange(workbook, values satisfies PlanChangeDraft),
  request: (workbook, values) => submitRequest(workbook, values satisfies RequestDraft),
};

/**
 * Validates and saves one form under the document lock. A problem the user can fix comes back
 * as a failed result, per field where it has one; anything else (an unknown form) fails the call.
 */
export function submitSidebarForm(now: Date, form: unknown, payload: unknown, token?: unknown): ActionResult {
  const key = z.enum(FORM_KEYS).safeParse(form);
  if (!key.success) throw new Error(`Unknown sidebar form: ${String(form)}`);
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
