/**
 * `collab-desk setup|validate|scan|summary|tick <file.xlsx>`: imports the user's workbook into
 * the emulator, runs the add-on's own menu item (or the hourly trigger for `tick`) as the
 * workbook's first coordinator at --now, prints what the add-on said and which sheets and mails
 * changed, and writes the result (unless --dry-run).
 */
import { closeSync, existsSync, openSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname, basename, resolve } from 'node:path';
import { writeOutbox } from '../emulator/eml';
import type { EmuSpreadsheetApp } from '../emulator/spreadsheet';
import { exportWorkbook, importWorkbook } from '../emulator/xlsx';
import { parseSettings } from '../src/domain/settings';
import { UsageError, type WorkbookCommand } from './args';
import type { DialogAnswer } from './dialogs';
import { AddOnSession, readBundle, type ActionReport, type Answer } from './session';
import { findSheet } from './sheet-rows';
import { dashboardHtml, readDashboardView } from './dashboard-page';

export interface WorkbookRun {
  readonly command: WorkbookCommand;
  readonly file: string;
  readonly now?: Date;
  readonly dryRun: boolean;
  readonly out: string;
}

/** The menu item (catalogue caption key) each command picks; `tick` runs the trigger handler. */
const MENU: Record<
  Exclude<WorkbookCommand, 'tick' | 'dashboard'>,
  { caption: string; answers?: readonly Answer[]; dialog?: DialogAnswer }
> = {
  // "Set up workbook" asks for the language with a button per language.
  setup: { caption: 'menuSetupWorkbook', dialog: { button: '中文' } },
  validate: { caption: 'menuValidate' },
  scan: { caption: 'menuRunChecksNow' },
  // Coordinators are asked whether to email the summary too: yes, as the menu's first choice.
  summary: { caption: 'menuWeeklySummary', answers: [['yes']] },
};
const TICK_HANDLER = 'tick_';
/** Who acts when the workbook names no coordinator. */
const DEFAULT_USER = 'coordinator@example.com';

export interface WorkbookResult {
  readonly report: ActionReport;
  readonly written: readonly string[];
}

export async function runWorkbookCommand(run: WorkbookRun, log: (line: string) => void): Promise<WorkbookResult> {
  checkFiles(run);
  const bundle = readBundle();
  const session = new AddOnSession(bundle, { now: run.now ?? new Date() });
  const imported = await importWorkbook(
    run.file,
    session.spreadsheet,
    session.emulator.globals.SpreadsheetApp as EmuSpreadsheetApp,
  );
  const user = firstCoordinator(session) ?? DEFAULT_USER;
  session.actAs(user);
  log(
    `${run.command} ${run.file} at ${session.emulator.clock.now().toISOString()} as ${user} (${imported.sheets.length} sheets read)`,
  );

  if (run.command === 'dashboard') return writeDashboardPage(session, run, log);
  const before = snapshot(session);
  const report =
    run.command === 'tick'
      ? session.runTrigger(TICK_HANDLER)
      : session.runMenu(MENU[run.command].caption, MENU[run.command]);
  for (const message of report.messages) log(`  ${message.replace(/\n/g, '\n  ')}`);
  if (report.route === 'missing') return { report, written: [] };
  for (const change of describeChanges(before, snapshot(session))) log(`  ${change}`);
  const outbox = session.emulator.mail.outbox;
  for (const mail of outbox) log(`  mail to ${[...mail.to, ...mail.cc].join(', ')}: ${mail.subject}`);

  if (run.dryRun) {
    log(`  --dry-run: nothing written (${outbox.length} mails would be saved)`);
    return { report, written: [] };
  }
  const exported = await exportWorkbook(session.spreadsheet, run.out);
  const notCarried = [...new Set([...imported.notCarried, ...exported.skippedRules])];
  if (notCarried.length > 0) log(`  not carried: ${notCarried.join('; ')}`);
  const written = [run.out];
  if (outbox.length > 0) {
    const dir = join(dirname(run.out), `${basename(run.out, '.xlsx')}.outbox`);
    // Apps Script sends as the user the script runs as.
    const from = session.emulator.session.Session.getEffectiveUser().getEmail();
    written.push(...writeOutbox(outbox, dir, { from }));
  }
  log(`  wrote ${run.out}${outbox.length > 0 ? ` and ${outbox.length} mails` : ''}`);
  return { report, written };
}

/** Refreshes the dashboard and timeline from the menu, then writes them as one page (the workbook is left alone). */
async function writeDashboardPage(
  session: AddOnSession,
  run: WorkbookRun,
  log: (line: string) => void,
): Promise<WorkbookResult> {
  const reports = ['menuRefreshDashboard', 'menuRefreshTimeline'].map((caption) => session.runMenu(caption));
  for (const message of reports.flatMap((r) => r.messages)) log(`  ${message.replace(/\n/g, '\n  ')}`);
  const failed = reports.find((r) => !r.ok);
  const view = readDashboardView(session.spreadsheet);
  if (failed || !view) return { report: failed ?? reports[0]!, written: [] };
  if (run.dryRun) {
    log('  --dry-run: nothing written');
    return { report: reports[0]!, written: [] };
  }
  writeFileSync(run.out, await dashboardHtml(view));
  log(`  wrote ${run.out}`);
  return { report: reports[0]!, written: [run.out] };
}

/**
 * The user's mistakes with files, found before any work: the workbook open in LibreOffice or Excel,
 * the result written over the workbook itself, or into a folder that is missing or not writable.
 */
export function checkFiles(run: WorkbookRun): void {
  const lock = lockFileOf(run.file);
  if (lock) throw new UsageError(`<file.xlsx>: ${run.file} is open in ${lock}; save and close it first`);
  if (run.dryRun) return;
  if (sameFile(run.file, run.out))
    throw new UsageError(
      `--out: ${run.out} is the workbook itself; name another file (default: <file>.collab-desk.xlsx)`,
    );
  const folder = dirname(resolve(run.out));
  if (!existsSync(folder)) throw new UsageError(`--out: the folder ${dirname(run.out)} does not exist`);
  if (!statSync(folder).isDirectory()) throw new UsageError(`--out: ${dirname(run.out)} is not a folder`);
  if (!writable(folder)) throw new UsageError(`--out: the folder ${dirname(run.out)} is not writable`);
  if (existsSync(run.out)) {
    if (statSync(run.out).isDirectory()) throw new UsageError(`--out: ${run.out} is a folder`);
    if (!writable(run.out)) throw new UsageError(`--out: ${run.out} is not writable`);
    const outLock = lockFileOf(run.out);
    if (outLock) throw new UsageError(`--out: ${run.out} is open in ${outLock}; close it first`);
  }
}

/** LibreOffice leaves `.~lock.<name>#` beside a file it has open, Excel `~$<name>` (long names lose two letters). */
function lockFileOf(path: string): string | undefined {
  const folder = dirname(path);
  const name = basename(path);
  const locks: [string, string][] = [
    [`.~lock.${name}#`, 'LibreOffice'],
    [`~$${name}`, 'Excel'],
    [`~$${name.slice(2)}`, 'Excel'],
  ];
  const found = locks.find(([lock]) => existsSync(join(folder, lock)));
  return found && `${found[1]} (${join(folder, found[0])})`;
}

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  return existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b);
}

/**
 * Tried, not asked: access() says yes to root even where writing fails (a read-only mount, /sys).
 * A folder gets a probe file created and removed; an existing file is opened for writing, unchanged.
 */
function writable(path: string): boolean {
  try {
    if (statSync(path).isDirectory()) {
      const probe = join(path, `.collab-desk-${process.pid}.probe`);
      closeSync(openSync(probe, 'wx'));
      rmSync(probe);
    } else closeSync(openSync(path, 'r+'));
    return true;
  } catch {
    return false;
  }
}

function firstCoordinator(session: AddOnSession): string | undefined {
  const sheet = findSheet(session.spreadsheet, 'settings');
  if (!sheet) return undefined;
  const { settings } = parseSettings(sheet.getDataRange().getValues(), {
    locale: session.spreadsheet.getSpreadsheetLocale(),
    timeZone: session.spreadsheet.getSpreadsheetTimeZone(),
  });
  return settings.coordinators[0];
}

/** Rows per sheet: enough to say what a command added without depending on its internals. */
function snapshot(session: AddOnSession): Map<string, number> {
  return new Map(session.spreadsheet.getSheets().map((sheet) => [sheet.getName(), sheet.getLastRow()]));
}

function describeChanges(before: Map<string, number>, after: Map<string, number>): string[] {
  const lines: string[] = [];
  for (const [name, rows] of after) {
    const earlier = before.get(name);
    if (earlier === undefined) lines.push(`new sheet ${name} (${rows} rows)`);
    else if (rows !== earlier) lines.push(`${name}: ${rows - earlier > 0 ? '+' : ''}${rows - earlier} rows`);
  }
  for (const name of before.keys()) if (!after.has(name)) lines.push(`sheet ${name} removed`);
  return lines;
}
