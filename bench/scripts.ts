/**
 * Beside the product, three scripts on the same workbook (bench code, not product code), each run
 * through the workbook's own services so their reads are counted like the product's:
 * (a) naive: what people write by hand: getValues on Tasks and People, one mail per open task
 *     overdue or due within a day, to its owner; no digest, no cooldown, no log.
 * (b) digest: a competent script: the same two reads, one mail per owner listing their open tasks
 *     overdue or due within a day; daily, no log.
 * (c) same rules: every notice the product's rules raise, one digest per recipient, daily, with no
 *     cooldown and no repeat back-off. It is the built bundle's own scan (so the notices, their
 *     recipients and the L3 escalations are the product's), with cooldownHours at its minimum (1 h,
 *     below the day between scans) and the repeat schedule patched to "every day" (sameRulesBundle),
 *     so nothing the rules raise is held back.
 * Mail from (a) and (b) goes to a counter (`Outbox`), not MailApp: beside the product in one
 * workbook they must not spend its quota; their mail time is priced per mail like the product's.
 */
import type { Bundle } from '../cli/session';
import type { LoadedProject } from '../emulator/runtime';
import { sheetTitle, type SheetKey } from '../src/domain/schema';
import { wallTimeMatrix, type WallTimeMatrix } from './wallTime';
import { columnIndex, DAILY_RECIPIENTS, DAY, patchedBundle } from './workbook';

const RUN_LIMIT_SECONDS = 360;
/** What a task is no longer worked on as: no reminder for it. */
const CLOSED = new Set(['已完成', '已取消']);

export interface Outbox {
  readonly recipients: string[];
}

export interface ScriptReport {
  readonly emails: number;
  readonly distinctRecipients: number;
  /** Days of a 1,500-recipient quota its mail needs. */
  readonly quotaDays: number;
  /** The model's wall time, at 0.75 s a mail and 100 ms a Sheets API call, seconds. */
  readonly estimatedSeconds: number;
  readonly wallTime: WallTimeMatrix;
  /** 6-minute runs its work needs. */
  readonly runs: number;
}

export interface ScriptsReport {
  readonly naive: ScriptReport;
  readonly digest: ScriptReport;
  readonly sameRules: ScriptReport;
}

interface OpenTask {
  readonly owner: string;
  readonly name: string;
}

/** One read each of Tasks and People: the open tasks overdue or due within a day, with their owner's email. */
function dueTasks(globals: Record<string, unknown>, now: number): OpenTask[] {
  const app = globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const book = app.getActiveSpreadsheet();
  const read = (key: SheetKey) => book.getSheetByName(sheetTitle(key, 'zh-CN'))!.getDataRange().getValues();
  const people = read('people');
  const [personName, personEmail] = ['name', 'email'].map((key) => columnIndex(people[0]!, 'people', key));
  const emailOf = new Map(people.slice(1).map((row) => [row[personName!], row[personEmail!]]));
  const tasks = read('tasks');
  const [status, due, owner, name] = ['status', 'due', 'owner', 'name'].map((key) =>
    columnIndex(tasks[0]!, 'tasks', key),
  );
  const found: OpenTask[] = [];
  for (const row of tasks.slice(1)) {
    const dueAt = row[due!];
    if (CLOSED.has(String(row[status!])) || !(dueAt instanceof Date) || dueAt.getTime() > now + DAY) continue;
    const email = emailOf.get(row[owner!]);
    if (typeof email === 'string') found.push({ owner: email, name: String(row[name!]) });
  }
  return found;
}

/** (a) One mail a task. */
export function naiveReminders(globals: Record<string, unknown>, now: number, outbox: Outbox): void {
  for (const task of dueTasks(globals, now)) outbox.recipients.push(task.owner);
}

/** (b) One mail an owner, listing their tasks. */
export function digestReminders(globals: Record<string, unknown>, now: number, outbox: Outbox): void {
  const byOwner = new Map<string, string[]>();
  for (const task of dueTasks(globals, now)) byOwner.set(task.owner, [...(byOwner.get(task.owner) ?? []), task.name]);
  for (const owner of byOwner.keys()) outbox.recipients.push(owner);
}

/**
 * (c)'s bundle: the built one with its repeat schedule (domain/told.ts repeatGapDays) at 0
 * working days for every repeat. Throws when the built code no longer has that function.
 */
export function sameRulesBundle(): Bundle {
  return patchedBundle((code) => code.replace(/function repeatGapDays\([^)]*\)\{/, '$&return 0;'));
}

/** (c)'s settings beside the bench's: the shortest cooldown the Settings sheet accepts. */
export const SAME_RULES_SETTINGS = { cooldownHours: 1 } as const;

/** A script's report from its mail and the sheet calls it made (counted since the project's last reset). */
export function scriptReport(project: LoadedProject, recipients: readonly string[]): ScriptReport {
  const { calls } = project.emulator;
  return reportOf(
    { ...calls.snapshot(), 'MailApp.sendEmail': recipients.length },
    calls.cells(),
    recipients.length,
    new Set(recipients).size,
  );
}

/** A report from counted calls (mail included) and cells. */
export function reportOf(
  calls: Readonly<Record<string, number>>,
  cells: Readonly<Record<string, number>>,
  emails: number,
  distinctRecipients: number,
): ScriptReport {
  const wallTime = wallTimeMatrix(calls, cells);
  const estimatedSeconds = wallTime['0.75 s/mail']?.['100 ms/API call'] ?? 0;
  return {
    emails,
    distinctRecipients,
    quotaDays: Math.round((emails / DAILY_RECIPIENTS) * 10) / 10,
    estimatedSeconds,
    wallTime,
    runs: Math.ceil(estimatedSeconds / RUN_LIMIT_SECONDS),
  };
}
