/**
 * One operation's view of the workbook: its sheets, settings and directory, each table read at
 * most once and written at most once (commit), all under the document lock held by the caller.
 */
import { dayKeyIn, WorkCalendar } from '../domain/calendar';
import { personName, type Directory } from '../domain/directory';
import { defaultSettings, describeSettingsIssue, parseSettings, type Settings } from '../domain/settings';
import { dateText } from '../domain/dateText';
import { sheetTitle, columnLabel, type ColumnKey, type SheetKey } from '../domain/schema';
import { parseDate } from '../domain/values';
import { describeProblem, type Problem, type WorkflowEnv } from '../domain/workflow';
import { SheetDirectory, type TableSource } from '../gas/sheets';
import { SheetsApiSource } from '../gas/sheetsApi';
import type { Cell, Table, TableRow } from '../gas/table';
import type { ActionResult } from '../contract';
import { t, type Locale, type MessageKey, type MessageParams } from '../i18n/index';
import { answeredSubmission, rememberSubmission } from '../gas/submissions';
import { addedRow, appendHistory, historyHasSubmission, pendingChanges, type Change, type Via } from './history';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A problem the user can fix, already in words; the operation wrote nothing. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export class Workbook {
  readonly settings: Settings;
  /** Bad Settings rows in words; each falls back to its default. */
  readonly settingsIssues: readonly string[];
  private readonly tables = new Map<SheetKey, Table<string>>();
  private readonly unusable = new Map<SheetKey, string>();
  private directoryCache: Directory | undefined;

  constructor(
    readonly spreadsheet: Spreadsheet,
    readonly now: Date,
    /** The acting user's email; '' when Apps Script does not reveal it. */
    readonly user: string,
    /** Sheet by sheet through SpreadsheetApp unless the operation reads nearly every table (see Workbook.whole). */
    readonly source: TableSource = new SheetDirectory(spreadsheet),
  ) {
    const defaults = { locale: source.locale, timeZone: source.timeZone };
    const parsed = parseSettings(source.values('settings') ?? [], defaults);
    this.settings = parsed.settings;
    this.settingsIssues = parsed.errors.map((issue) =>
      describeSettingsIssue(parsed.settings.locale, issue, defaultSettings(defaults)),
    );
  }

  get locale(): Locale {
    return this.settings.locale;
  }

  /** The Settings zone: the calendar every rule runs on (SPEC §2.7). */
  get timeZone(): string {
    return this.settings.timeZone;
  }

  /** The spreadsheet's own zone, in which Sheets hands back the dates typed into cells. */
  get sheetTimeZone(): string {
    return this.source.timeZone;
  }

  /** A date from a cell, on the Settings calendar (parseDate): what every reader of a sheet's dates uses. */
  readDate(value: unknown): Date | undefined {
    return parseDate(value, this.timeZone, this.sheetTimeZone);
  }

  /** A date cell as people read it everywhere (domain/dateText.ts); other cells as text. */
  dateText(value: unknown): string {
    return dateText(value, (this.calendarCache ??= new WorkCalendar(this.settings)), this.sheetTimeZone);
  }

  private calendarCache: WorkCalendar | undefined;

  text(key: MessageKey, params?: MessageParams): string {
    return t(this.locale, key, params);
  }

  /**
   * The workbook with every table read at once through the Sheets API and every change written at
   * once on commit: for operations that read nearly every table, such as the scan.
   */
  static whole(spreadsheet: Spreadsheet, now: Date, user: string): Workbook {
    return new Workbook(spreadsheet, now, user, SheetsApiSource.open(spreadsheet));
  }

  sheet(key: SheetKey): Sheet | undefined {
    return this.source.find(key);
  }

  /**
   * The sheet's table, read on first use. A missing sheet, or a sheet without one of its required
   * columns or the `needed` ones, is a UserError: nothing is guessed from a sheet without them.
   */
  table<S extends SheetKey>(key: S, needed: readonly ColumnKey<S>[] = []): Table<ColumnKey<S>> {
    let table = this.tables.get(key) as Table<ColumnKey<S>> | undefined;
    if (!table) {
      table = this.source.read(key);
      if (!table) throw new UserError(this.text('wbMissingSheet', { sheet: sheetTitle(key, this.locale) }));
      this.tables.set(key, table as Table<string>);
    }
    const problem = this.missingColumns(table, needed);
    if (problem) throw new UserError(problem);
    return table;
  }

  /** Whether this operation has read the sheet's table already (a further use costs no read). */
  hasRead(key: SheetKey): boolean {
    return this.tables.has(key);
  }

  /**
   * Tables of sheets that exist, for reads that tolerate a missing sheet. A sheet lacking a
   * required column is left out (its rows would be misread) and listed in `unusableSheets`.
   */
  optionalTable<S extends SheetKey>(key: S): Table<ColumnKey<S>> | undefined {
    if (!this.source.has(key)) return undefined;
    try {
      return this.table(key);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.unusable.set(key, error.message);
      return undefined;
    }
  }

  /** Sheets optionalTable left out this operation, each with what it lacks, in words. */
  get unusableSheets(): readonly string[] {
    return [...this.unusable.values()];
  }

  private missingColumns<S extends SheetKey>(table: Table<ColumnKey<S>>, needed: readonly ColumnKey<S>[]): string {
    const def = table.def;
    const wanted = new Set([...def.columns.filter((c) => c.required).map((c) => c.key), ...needed]);
    const missing = table.missing([...wanted]);
    if (missing.length === 0) return '';
    const names = def.columns.filter((c) => missing.includes(c.key)).map((c) => columnLabel(c, this.locale));
    return this.text('wbMissingColumns', {
      sheet: sheetTitle(def.key as S, this.locale),
      columns: names.join(this.text('wbListSeparator')),
    });
  }

  directory(): Directory {
    if (!this.directoryCache) {
      const departments = this.optionalTable('departments')?.records() ?? [];
      const people = this.optionalTable('people')?.records() ?? [];
      this.directoryCache = {
        departments: departments
          .map((row) => ({
            name: row.text('name'),
            head: row.text('head'),
            sponsor: row.text('sponsor'),
            liaison: row.text('liaison'),
          }))
          .filter((d) => d.name !== ''),
        people: people
          .map((row) => ({
            name: row.text('name'),
            email: row.text('email'),
            dept: row.text('dept'),
            mobile: row.text('mobile'),
            chatId: row.text('chatId'),
            delegate: row.text('delegate'),
            awayFrom: this.dayKey(row.get('awayFrom')),
            awayTo: this.dayKey(row.get('awayTo')),
          }))
          .filter((p) => p.name !== '' || p.email !== ''),
      };
    }
    return this.directoryCache;
  }

  /** A person (an email, or a name People knows) as people see and cells hold them (SPEC §2). */
  nameOf(person: string): string {
    return personName(this.directory(), person);
  }

  /** People by name as one list in the workbook's language: "李娜、王伟". */
  namesOf(people: readonly string[]): string {
    return people.map((person) => this.nameOf(person)).join(this.text('wbListSeparator'));
  }

  /** A date cell as yyyy-MM-dd on the Settings calendar; '' when blank or not a date. */
  dayKey(value: unknown): string {
    const date = this.readDate(value);
    return date ? dayKeyIn(date, this.timeZone) : '';
  }

  /** Today, yyyy-MM-dd on the Settings calendar. */
  get today(): string {
    return dayKeyIn(this.now, this.timeZone);
  }

  env(): WorkflowEnv {
    return {
      now: this.now,
      timeZone: this.timeZone,
      sheetTimeZone: this.sheetTimeZone,
      directory: this.directory(),
      locale: this.locale,
    };
  }

  /** The sidebar submission this operation serves, if any (formAction). */
  submission: string | undefined;
  /** Whether commit wrote: only then is a retried submission answered from memory. */
  committed = false;
  /** How this operation's changes are recorded in the Change history. */
  via: Via = 'menu';
  /**
   * The rows this operation acts on as its user, when it acts for one edit (the tick handling an
   * edit onEdit left, as its typist): entries elsewhere wait for their own typist. Unset: every row.
   */
  scope: { readonly sheet: SheetKey; readonly from: number; readonly to: number } | undefined;

  /** Whether this operation acts as its user on row `rowNumber` of `sheet` (see scope). */
  acts(sheet: SheetKey, rowNumber: number): boolean {
    const scope = this.scope;
    return !scope || (scope.sheet === sheet && rowNumber >= scope.from && rowNumber <= scope.to);
  }

  /** Changes the operation states itself, which no tracked cell shows (a Pass confirmed on a task not 待验收). */
  readonly stated: Change[] = [];

  /** Cells restored after a refused edit, or retyped: no change of their own in the Change history. */
  private readonly restored = new Set<string>();

  /** A date typed as text (or digits) written back as the date it is: the same value, so no change of its own. */
  retype(row: TableRow<string>, field: string, date: Date): void {
    this.restore(row, field, date);
  }

  /** Restores a cell a refused edit changed (written on commit, not recorded as a change). */
  restore(row: TableRow<string>, field: string, value: Cell): void {
    const table = [...this.tables.values()].find((t) => t.rows[row.rowNumber - 2] === row);
    const index = table?.positions[field];
    if (!table || index === undefined) return;
    row.set(field, value);
    this.restored.add(`${table.def.key}|${row.rowNumber}|${index}`);
  }

  /** The Settings calendar (working days, holidays, the wall clock). */
  calendar(): WorkCalendar {
    return new WorkCalendar(this.settings);
  }

  /**
   * Writes every table this operation changed. A submission's token goes on the Change history
   * rows written in the same batch as its data (a save that changed no tracked column records the
   * row it added), so a retry finds it even when the write landed and the call then failed
   * (SPEC §3.4); it is also remembered in the cache, with the answer once there is one.
   */
  commit(): void {
    const changes = [...this.stated, ...pendingChanges(this.tables.values(), this.restored)];
    if (this.submission !== undefined && changes.length === 0) {
      const added = addedRow(this.tables.values());
      if (added) changes.push(added);
    }
    const history = changes.length > 0 ? this.optionalTable('changeHistory') : undefined;
    if (history) {
      appendHistory(history, changes, {
        now: this.now,
        by: recordedAuthor(this),
        via: this.via,
        settings: this.settings,
        show: (value) => this.dateText(value),
        submission: this.submission,
      });
    }
    // Written once: a later commit of the same operation (the ledger marking its sends) adds no copy.
    this.stated.splice(0);
    this.source.commit(this.tables.values());
    this.committed = true;
    if (this.submission !== undefined) {
      rememberSubmission(this.submission, { ok: true, message: this.text('formAlreadySaved') });
    }
  }

  /**
   * The answer to a submission already saved: from the cache (the first answer itself) or, when
   * the cache never heard of it (the write landed, then the call failed), from its token in the
   * Change history. A workbook without that column relies on the cache alone.
   */
  savedSubmission(token: string): ActionResult | undefined {
    const answered = answeredSubmission(token);
    if (answered) return answered;
    const history = this.optionalTable('changeHistory');
    if (history && historyHasSubmission(history, token)) return { ok: true, message: this.text('formAlreadySaved') };
    return undefined;
  }

  describe(problem: Problem): string {
    return describeProblem(this.locale, problem);
  }

  /** Problems as a form answer: the first message per field, and all of them in the message. */
  failure(problems: readonly Problem[]): ActionResult {
    const errors: Record<string, string> = {};
    for (const p of problems) {
      if (p.level === 'error') errors[p.field] ??= t(this.locale, p.message, p.params);
    }
    const lines = problems.filter((p) => p.level === 'error').map((p) => this.describe(p));
    return { ok: false, message: lines.join('\n'), errors };
  }
}

/** '' when Apps Script may not reveal the user (simple triggers, other domains). */
export function activeUserEmail(): string {
  return normalizedEmail(Session.getActiveUser());
}

/**
 * Who a record names as its author: the acting user by name, or "(unknown)" in the workbook's language
 * when Apps Script does not reveal them (onEdit for a user outside the domain, a tick stamping a
 * row someone typed) — never somebody else's email.
 */
export function recordedAuthor(wb: Workbook): string {
  return wb.user === '' ? wb.text('unknownUser') : wb.nameOf(wb.user);
}

/** The user a trigger runs as: whoever turned automation on. */
export function effectiveUserEmail(): string {
  return normalizedEmail(Session.getEffectiveUser());
}

function normalizedEmail(user: GoogleAppsScript.Base.User): string {
  return user.getEmail().trim().toLowerCase();
}

/**
 * While Settings lists no coordinator (a workbook not set up yet: setup makes its installer the
 * first one), anyone known may act as one, so the workbook can be set up. A user Apps Script does
 * not reveal (onEdit in a limited mode, the tick) is never one: what they typed that needs a
 * coordinator is restored with a note, never silently accepted.
 */
export function isCoordinator(wb: Pick<Workbook, 'settings' | 'user'>): boolean {
  const coordinators = wb.settings.coordinators;
  if (wb.user === '') return false;
  return coordinators.length === 0 || coordinators.includes(wb.user);
}

/** Admin actions need a coordinator. */
export function requireCoordinator(wb: Workbook): void {
  if (isCoordinator(wb)) return;
  throw new UserError(
    wb.text('notCoordinator', {
      coordinators: wb.namesOf(wb.settings.coordinators),
      user: recordedAuthor(wb),
    }),
  );
}
