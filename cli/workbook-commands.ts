/**
 * `collab-desk setup|validate|scan|summary|tick <file.xlsx>`: imports the user's workbook into
 * the emulator, runs the add-on's own menu item (or the hourly trigger for `tick`) as the
 * workbook's first coordinator at --now, prints what the add-on said and which sheets and mails
 * changed, and writes the result (unless --dry-run).
 */
import { join, dirname, basename } from 'node:path';
import { writeOutbox } from '../emulator/eml';
import { exportWorkbook, importWorkbook } from '../emulator/xlsx';
import { parseSettings } from '../src/domain/settings';
import type { WorkbookCommand } from './args';
import { AddOnSession, readBundle, type ActionReport, type Answer } from './session';
import { findSheet } from './sheet-rows';

export interface WorkbookRun {
  readonly command: WorkbookCommand;
  readonly file: string;
  readonly now?: Date;
  readonly dryRun: boolean;
  readonly out: string;
}

/** The menu item (catalogue caption key) each command picks; `tick` runs the trigger handler. */
const MENU: Record<Exclude<WorkbookCommand, 'tick'>, { caption: string; answers?: readonly Answer[] }> = {
  // "Set up workbook" asks for the language: Yes is 中文.
  setup: { caption: 'menuSetupWorkbook', answers: [['yes']] },
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
  const bundle = readBundle();
  const session = new AddOnSession(bundle, { now: run.now ?? new Date() });
  const sheets = await importWorkbook(run.file, session.spreadsheet);
  const user = firstCoordinator(session) ?? DEFAULT_USER;
  session.actAs(user);
  log(
    `${run.command} ${run.file} at ${session.emulator.clock.now().toISOString()} as ${user} (${sheets.length} sheets read)`,
  );

  const before = snapshot(session);
  const report =
    run.command === 'tick'
      ? session.runTrigger(TICK_HANDLER)
      : session.runMenu(MENU[run.command].caption, { answers: MENU[run.command].answers });
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
  for (const rule of exported.skippedRules) log(`  not kept in the .xlsx (no Excel equivalent): ${rule}`);
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
