/**
 * The sidebar's form catalogue (SPEC §4): each form's sheet and inputs, its spec for the page, and
 * the transport check every payload passes before a use case sees it. A bad field comes back as
 * a message for that field and nothing is written.
 */
// The namespace import lets esbuild drop what we do not use: 'import { z }' bundles all of zod (~0.5 MB).
import * as z from 'zod/mini';
import type { ActionResult, CardFlag, FieldInput, FieldOption, FieldSpec, FormKey, FormSpec } from '../contract';
import { columnDef, columnLabel, type SheetKey } from '../domain/schema';
import { ENUMS, enumLabel, type EnumKey } from '../domain/enums';
import type { Directory } from '../domain/directory';
import { CELL_MAX_CHARS, LIST_SEPARATOR, parseDate } from '../domain/values';
import { t, type Locale, type MessageKey } from '../i18n';
import type { Workbook } from './workbook';

/** What building the forms needs to know about the workbook and the user. */
export interface FormContext {
  readonly locale: Locale;
  readonly timeZone: string;
  readonly today: string;
  readonly user: string;
  /** The Departments sheet's names, for the pickers (SPEC §2.13's department). */
  readonly departments: readonly string[];
}

interface FieldDef {
  readonly input: FieldInput;
  /** Overrides the column's rule when the use case fills the field itself. */
  readonly required?: boolean;
  readonly options?: readonly FieldOption[];
  readonly initial?: string;
  readonly followsCard?: boolean;
  /** The caption of a field that is no column of the form's sheet. */
  readonly label?: MessageKey;
  readonly shownWhen?: FieldSpec['shownWhen'];
  readonly requiredWhen?: FieldSpec['requiredWhen'];
  /**
   * Offered as a choice from Departments (their names) or People (names shown, the email sent), or
   * for a list, ticked among Departments (depts) or Departments and People by name (personsOrDepts).
   */
  readonly picker?: keyof Pickers;
}

/** The choices pickers offer: Departments by name, People by name with their email as the value. */
export interface Pickers {
  readonly dept: readonly FieldOption[];
  readonly person: readonly FieldOption[];
  readonly depts: readonly FieldOption[];
  readonly personsOrDepts: readonly FieldOption[];
}

/** Pickers whose field holds a list: ticked, not chosen. */
const LIST_PICKERS: ReadonlySet<keyof Pickers> = new Set(['depts', 'personsOrDepts']);
/** Past this many choices ticks are a wall to scroll through: the field stays a text box (names typed, checked by the server). */
const MAX_TICKS = 40;

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
      withdrawnUnless: 'takesProgress',
      refusedBy: 'postRefusal',
      fields: {
        task: { input: 'text' },
        summary: { input: 'textarea' },
        pct: { input: 'number' },
        planned: { input: 'text' },
        actual: { input: 'text' },
        // Required once the % typed is behind plan (the server's rule, sent on the card).
        delayReason: { input: 'textarea', requiredWhen: { field: 'pct', belowCard: 'delayReasonBelowPct' } },
        mitigation: { input: 'textarea' },
        note: { input: 'textarea' },
      },
    },
    communication: {
      sheet: 'communications',
      fields: {
        date: { input: 'date', initial: ctx.today },
        ref: { input: 'text', followsCard: true },
        participants: { input: 'text', picker: 'personsOrDepts' },
        topic: { input: 'text' },
        summary: { input: 'textarea' },
        actions: { input: 'textarea' },
        actionOwner: { input: 'text', picker: 'person' },
        actionDue: { input: 'date' },
      },
    },
    acceptance: {
      sheet: 'acceptance',
      withdrawnUnless: 'mayAccept',
      fields: {
        task: { input: 'text' },
        // Named after the task when left empty.
        deliverable: { input: 'text', required: false },
        result: { input: 'select', options: enumOptions('acceptanceResult', locale) },
        reason: { input: 'textarea' },
        // A coordinator's Pass on a task not 待验收 (SPEC §3.6): 'true' when ticked, never written to a cell.
        confirmPass: {
          input: 'checkbox',
          required: false,
          label: 'sidebarConfirmPass',
          shownWhen: {
            field: 'result',
            value: enumLabel('acceptanceResult', 'pass', locale),
            card: 'passNeedsConfirmation',
          },
        },
      },
    },
    planChange: {
      sheet: 'planChanges',
      withdrawnUnless: 'takesPlanChange',
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
        dept: { input: 'text', picker: 'dept' },
        requester: { input: 'text', initial: ctx.user, picker: 'person' },
        contact: { input: 'text' },
        goal: { input: 'textarea' },
        depts: { input: 'text', picker: 'depts' },
        expected: { input: 'date' },
        resources: { input: 'textarea' },
        attachments: { input: 'text' },
      },
    },
    // 催办 (SPEC §3.8): writes no row of its own; the use case checks the words and who may.
    nudge: {
      sheet: 'tasks',
      offeredWhen: 'mayNudge',
      fields: {
        task: { input: 'text' },
        words: { input: 'textarea', required: true, label: 'sidebarNudgeWords' },
      },
    },
    // 改进建议 (SPEC §2.13): anyone files one; the proposer and time are stamped.
    suggestion: {
      sheet: 'suggestions',
      fields: {
        title: { input: 'text' },
        detail: { input: 'textarea' },
        dept: { input: 'select', options: ctx.departments.map((name) => ({ value: name, label: name })) },
      },
    },
    // Blocked with a reason (SPEC §4): a Progress entry and the task's status (app/block.ts).
    block: {
      sheet: 'progress',
      offeredWhen: 'mayBlock',
      refusedBy: 'postRefusal',
      fields: {
        task: { input: 'text' },
        delayReason: { input: 'textarea', required: true, label: 'sidebarBlockReason' },
      },
    },
  } as const satisfies Record<
    FormKey,
    {
      sheet: SheetKey;
      fields: Record<string, FieldDef>;
      offeredWhen?: CardFlag;
      withdrawnUnless?: CardFlag;
      refusedBy?: 'postRefusal';
    }
  >;
}

type Forms = ReturnType<typeof forms>;
/** A form's payload once validated: each of its fields as trimmed text, or a date. */
export type FormValues<K extends FormKey> = Record<keyof Forms[K]['fields'], string | Date>;

const FORM_TITLES: Record<FormKey, MessageKey> = {
  progress: 'sidebarFormProgress',
  communication: 'sidebarFormCommunication',
  acceptance: 'sidebarFormAcceptance',
  planChange: 'sidebarFormPlanChange',
  request: 'sidebarFormRequest',
  nudge: 'sidebarFormNudge',
  suggestion: 'sidebarFormSuggestion',
  block: 'sidebarFormBlock',
};
export const FORM_KEYS = Object.keys(FORM_TITLES) as [FormKey, ...FormKey[]];

/**
 * A picker is a select of `pickers`' choices; with none (no Departments or People yet) it stays a
 * text box. A value the list lacks (typed earlier, a prefilled email People does not know) is kept
 * as one more choice. The server checks the value either way.
 */
function pickerInput(
  def: FieldDef,
  picker: FieldDef['picker'],
  pickers: Pickers | undefined,
  locale: Locale,
): Pick<FieldSpec, 'input' | 'options' | 'list'> {
  const choices = picker && pickers ? pickers[picker] : [];
  if (choices.length === 0) return { input: def.input, ...(def.options ? { options: def.options } : {}) };
  if (picker && LIST_PICKERS.has(picker))
    return choices.length > MAX_TICKS
      ? { input: def.input }
      : {
          input: 'multi',
          options: choices,
          list: { join: t(locale, 'wbListSeparator'), splitAt: LIST_SEPARATOR.source },
        };
  const initial = def.initial ?? '';
  const known = initial === '' || choices.some((choice) => choice.value === initial);
  return { input: 'select', options: known ? choices : [...choices, { value: initial, label: initial }] };
}

export function formSpec(key: FormKey, ctx: FormContext, pickers?: Pickers): FormSpec {
  const form = forms(ctx)[key];
  const { sheet, fields } = form;
  const inputs = Object.entries(fields as Record<string, FieldDef>).filter(([name]) => name !== 'task');
  return {
    key,
    title: t(ctx.locale, FORM_TITLES[key]),
    forTask: 'task' in fields,
    ...('offeredWhen' in form ? { offeredWhen: form.offeredWhen } : {}),
    ...('withdrawnUnless' in form ? { withdrawnUnless: form.withdrawnUnless } : {}),
    ...('refusedBy' in form ? { refusedBy: form.refusedBy } : {}),
    fields: inputs.map(([name, { label, picker, ...def }]): FieldSpec => {
      const input = pickerInput(def, picker, pickers, ctx.locale);
      if (label) return { key: name, label: t(ctx.locale, label), required: def.required ?? false, ...def, ...input };
      const column = columnDef(sheet, name as never);
      const required = def.required ?? column.required;
      return { key: name, label: columnLabel(column, ctx.locale), required, ...def, ...input };
    }),
  };
}

/**
 * The pickers' choices from the directory: departments by name; people shown by name, valued by
 * email (SPEC §2 "People are shown by name"); a name two people share shows their emails too.
 */
export function pickersOf(directory: Directory): Pickers {
  const people = directory.people.filter((p) => p.email !== '');
  const shared = (name: string) => people.filter((p) => p.name === name).length > 1;
  const dept = directory.departments.map((d) => ({ value: d.name, label: d.name }));
  const label = (p: (typeof people)[number]) =>
    p.name === '' ? p.email : shared(p.name) ? `${p.name} <${p.email}>` : p.name;
  const person = people.map((p) => ({ value: p.email, label: label(p) }));
  // In a list cell a person is written by name, as people type them; by email where the name is not theirs alone.
  const listed = people.map((p) => ({ value: p.name === '' || shared(p.name) ? p.email : p.name, label: label(p) }));
  return { dept, person, depts: dept, personsOrDepts: [...dept, ...listed] };
}

/**
 * The transport check every payload passes before any rule sees it: an object whose fields are
 * text that fits in a cell. Unknown keys are dropped and a missing field reads as empty. A date
 * field that reads as a date becomes one, so the sheet gets a date, not text; what the text must
 * say (dates, 0–100, one owner) is the workflow's rules, which answer per field too.
 */
export function validateForm<K extends FormKey>(
  key: K,
  payload: unknown,
  ctx: FormContext,
): { ok: true; value: FormValues<K> } | Extract<ActionResult, { ok: false }> {
  const fields = Object.entries(forms(ctx)[key].fields as Record<string, FieldDef>);
  const cell = z
    .string()
    .check(z.trim(), z.maxLength(CELL_MAX_CHARS, t(ctx.locale, 'sidebarFieldTooLong', { max: CELL_MAX_CHARS })));
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

export function formContext(workbook: Workbook): FormContext {
  return {
    locale: workbook.locale,
    timeZone: workbook.timeZone,
    today: Utilities.formatDate(workbook.now, workbook.timeZone, 'yyyy-MM-dd'),
    user: workbook.user,
    departments: workbook.directory().departments.map((department) => department.name),
  };
}
