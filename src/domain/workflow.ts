/**
 * The collaboration workflow (SPEC §2.1–§2.6, §3.1) as pure rules, by flow: requests and their
 * split (requestFlow.ts), progress, acceptance and plan changes (executionFlow.ts); here what they
 * share (Problem, the field checker) and the communication log. Every rejected value becomes a
 * Problem naming the row, the field and what is allowed.
 */
import { t, type Locale, type MessageKey, type MessageParams } from '../i18n/index';
import { dayKeyIn } from './calendar';
import { findDepartment, type Directory } from './directory';
import { checkOwner, type OwnerCheck } from './owner';
import { columnLabel, sheetDef, type ColumnKey, type SheetKey } from './schema';
import { ENUMS, parseEnum, type EnumKey } from './enums';
import { cellText, isBlank, parseDate, parseList } from './values';

export interface Problem {
  readonly sheet: SheetKey;
  /** Sheet row; absent for a sidebar payload. */
  readonly row?: number;
  readonly field: string;
  readonly message: MessageKey;
  readonly params?: MessageParams;
  readonly level: 'error' | 'warning';
}

export interface WorkflowEnv {
  readonly now: Date;
  /** The Settings zone, whose calendar the rules run on. */
  readonly timeZone: string;
  /** The spreadsheet's zone, in which Sheets hands back typed dates (parseDate). */
  readonly sheetTimeZone: string;
  readonly directory: Directory;
  readonly locale: Locale;
}

export type RecordOf<S extends SheetKey> = Partial<Record<ColumnKey<S>, unknown>>;

export function describeProblem(locale: Locale, problem: Problem): string {
  const column = sheetDef(problem.sheet).columns.find((c) => c.key === problem.field);
  const field = column ? columnLabel(column, locale) : problem.field;
  const message = t(locale, problem.message, problem.params);
  return problem.row === undefined
    ? t(locale, 'wbProblemField', { field, message })
    : t(locale, 'wbProblemAt', { row: problem.row, field, message });
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.level === 'error');
}

/** Collects problems for one record of one sheet. */
export class Checker<S extends SheetKey> {
  readonly problems: Problem[] = [];

  constructor(
    readonly sheet: S,
    readonly record: RecordOf<S>,
    readonly env: WorkflowEnv,
    readonly row?: number,
  ) {}

  add(field: ColumnKey<S>, message: MessageKey, params?: MessageParams, level: Problem['level'] = 'error'): void {
    this.problems.push({
      sheet: this.sheet,
      field,
      message,
      level,
      ...(this.row === undefined ? {} : { row: this.row }),
      ...(params ? { params } : {}),
    });
  }

  value(field: ColumnKey<S>): unknown {
    return this.record[field];
  }

  text(field: ColumnKey<S>): string {
    return cellText(this.record[field]);
  }

  required(field: ColumnKey<S>): boolean {
    if (isBlank(this.record[field])) {
      this.add(field, 'wbRequired');
      return false;
    }
    return true;
  }

  dept(field: ColumnKey<S>, isRequired: boolean): void {
    if (isRequired ? !this.required(field) : isBlank(this.record[field])) return;
    this.knownDept(field, this.text(field));
  }

  depts(field: ColumnKey<S>): void {
    for (const name of parseList(this.record[field])) this.knownDept(field, name);
  }

  private knownDept(field: ColumnKey<S>, name: string): void {
    if (findDepartment(this.env.directory, name)) return;
    const names = this.env.directory.departments.map((d) => d.name);
    const allowed =
      names.length > 0 ? names.join(t(this.env.locale, 'wbListSeparator')) : t(this.env.locale, 'wbNoDepartments');
    this.add(field, 'wbUnknownDept', { value: name, allowed });
  }

  /** One person (SPEC §3.1); returns the email when the cell is valid. */
  person(
    field: ColumnKey<S>,
    isRequired: boolean,
    multipleMessage: MessageKey = 'wbPersonMultiple',
  ): string | undefined {
    if (isBlank(this.record[field])) {
      if (isRequired) this.add(field, 'wbRequired');
      return undefined;
    }
    const check = checkOwner(this.record[field], this.env.directory);
    if (check.ok) return check.email;
    this.personProblem(field, check, multipleMessage);
    return undefined;
  }

  personProblem(field: ColumnKey<S>, check: Exclude<OwnerCheck, { ok: true }>, multipleMessage: MessageKey): void {
    const sep = t(this.env.locale, 'wbListSeparator');
    switch (check.problem) {
      case 'empty':
        this.add(field, 'wbRequired');
        return;
      case 'multiple':
        this.add(field, multipleMessage, { count: check.parts.length, parts: check.parts.join(sep) });
        return;
      case 'invalidEmail':
        this.add(field, 'wbPersonInvalidEmail', { value: check.text });
        return;
      case 'unknown':
        this.add(field, 'wbPersonUnknown', { value: check.text });
        return;
      case 'ambiguous':
        this.add(field, 'wbPersonAmbiguous', { value: check.text, emails: check.emails.join(sep) });
    }
  }

  date(field: ColumnKey<S>, isRequired: boolean): Date | undefined {
    const raw = this.record[field];
    if (isBlank(raw)) {
      if (isRequired) this.add(field, 'wbRequired');
      return undefined;
    }
    const date = parseDate(raw, this.env.timeZone, this.env.sheetTimeZone);
    if (!date) this.add(field, isAsap(cellText(raw)) ? 'wbAsap' : 'wbNotDate', { value: cellText(raw) });
    return date;
  }

  enumeration<E extends EnumKey>(field: ColumnKey<S>, kind: E) {
    const raw = this.record[field];
    if (isBlank(raw)) return undefined;
    const code = parseEnum(kind, raw);
    if (code === undefined) {
      const allowed = ENUMS[kind]
        .map((v) => (this.env.locale === 'en' ? v.en : v.zh))
        .join(t(this.env.locale, 'wbListSeparator'));
      this.add(field, 'wbBadEnum', { value: cellText(raw), allowed });
    }
    return code;
  }

  formatDate(date: Date): string {
    return dayKeyIn(date, this.env.timeZone);
  }
}

const ASAP_WORDS = [
  '尽快',
  '越快越好',
  '马上',
  '立即',
  '立刻',
  '急',
  'asap',
  'soon',
  'urgent',
  'as soon as possible',
  'tbd',
  '待定',
];

function isAsap(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return ASAP_WORDS.some((word) => lower.includes(word));
}

/** A goal is measurable when it names a number or a date. */
export function isVagueGoal(goal: string): boolean {
  return !/[0-9０-９]/.test(goal);
}

// ---------------------------------------------------------------- communications

export function checkCommunication(record: RecordOf<'communications'>, env: WorkflowEnv, row?: number): Problem[] {
  const c = new Checker('communications', record, env, row);
  c.date('date', true);
  c.required('topic');
  const hasAction = !isBlank(record.actions);
  c.person('actionOwner', hasAction);
  c.date('actionDue', false);
  c.enumeration('actionStatus', 'actionStatus');
  return c.problems;
}
