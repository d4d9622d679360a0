/**
 * One operation's view of the workbook: its sheets, settings and directory, each table read at
 * most once and written at most once (commit), all under the document lock held by the caller.
 */
import type { Directory } from '../domain/directory';
import { defaultSettings, describeSettingsIssue, parseSettings, type Settings } from '../domain/settings';
import { sheetDef, sheetTitle, columnLabel, type ColumnKey, type SheetKey } from '../domain/schema';
import { parseDate } from '../domain/values';
import { describeProblem, type Problem, type WorkflowEnv } from '../domain/workflow';
import { withDocumentLock } from '../gas/lock';
import { SheetDirectory, type TableSource } from '../gas/sheets';
import { SheetsApiSource } from '../gas/sheetsApi';
import type { Table } from '../gas/table';
import type { ActionResult } from '../contract';
import { t, type Locale, type MessageKey, type MessageParams } from '../i18n/index';
import { activeSpreadsheet } from '../gas/document';

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

  /** The sheet's table, read on first use; a missing sheet or column is a UserError. */
  table<S extends SheetKey>(key: S, needed: readonly ColumnKey<S>[] = []): Table<ColumnKey<S>> {
    let table = this.tables.get(key) as Table<ColumnKey<S>> | undefined;
    if (!table) {
      table = this.source.read(key);
      if (!table) throw new UserError(this.text('wbMissingSheet', { sheet: sheetTitle(key, this.locale) }));
      this.tables.set(key, table as Table<string>);
    }
    const missing = table.missing(needed);
    if (missing.length > 0) {
      const def = sheetDef(key);
      const names = def.columns.filter((c) => missing.includes(c.key)).map((c) => columnLabel(c, this.locale));
      throw new UserError(
        this.text('wbMissingColumns', {
          sheet: sheetTitle(key, this.locale),
          columns: names.join(this.text('wbListSeparator')),
        }),
      );
    }
    return table;
  }

  /** Tables of sheets that exist, for reads that tolerate a missing sheet. */
  optionalTable<S extends SheetKey>(key: S): Table<ColumnKey<S>> | undefined {
    return this.source.has(key) ? this.table(key) : undefined;
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
          .map((row) => ({ name: row.text('name'), email: row.text('email'), dept: row.text('dept') }))
          .filter((p) => p.name !== '' || p.email !== ''),
      };
    }
    return this.directoryCache;
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

  /** Writes every table this operation changed. */
  commit(): void {
    this.source.commit(this.tables.values());
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

/**
 * Runs one operation on the active spreadsheet under the document lock. `whole` reads every table
 * at once (Workbook.whole): for operations that need nearly all of them.
 */
export function inWorkbook<T>(now: Date, operation: (wb: Workbook) => T, { whole = false } = {}): T {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const user = activeUserEmail();
    return operation(whole ? Workbook.whole(spreadsheet, now, user) : new Workbook(spreadsheet, now, user));
  });
}

/** A form action: a UserError becomes the failure the form shows, nothing written. */
export function formAction(now: Date, operation: (wb: Workbook) => ActionResult): ActionResult {
  try {
    return inWorkbook(now, operation);
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message, errors: {} };
    throw error;
  }
}

/** '' when Apps Script may not reveal the user (simple triggers, other domains). */
export function activeUserEmail(): string {
  return normalizedEmail(Session.getActiveUser());
}

/** The user a trigger runs as: whoever turned automation on. */
export function effectiveUserEmail(): string {
  return normalizedEmail(Session.getEffectiveUser());
}

function normalizedEmail(user: GoogleAppsScript.Base.User): string {
  return user.getEmail().trim().toLowerCase();
}

/** While Settings lists no coordinator, anyone may act as one, so a new workbook can be set up. */
export function isCoordinator(wb: Workbook): boolean {
  const coordinators = wb.settings.coordinators;
  return coordinators.length === 0 || coordinators.includes(wb.user);
}

/** Admin actions need a coordinator. */
export function requireCoordinator(wb: Workbook): void {
  if (isCoordinator(wb)) return;
  throw new UserError(
    wb.text('notCoordinator', {
      coordinators: wb.settings.coordinators.join(', '),
      user: wb.user === '' ? wb.text('unknownUser') : wb.user,
    }),
  );
}

/** Runs a menu item: the user's mistake (a UserError) becomes an alert; anything else fails the run. */
export function menuAction(ui: GoogleAppsScript.Base.Ui, action: () => void): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ui.alert(error.message);
  }
}

/** A read-only look at the workbook, outside the lock, for questions asked before the work. */
export function peekWorkbook(now: Date): Workbook {
  return new Workbook(activeSpreadsheet(), now, activeUserEmail());
}
