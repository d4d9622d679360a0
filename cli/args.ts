/**
 * The command line of `collab-desk`: what it accepts, and one message per mistake that names the
 * argument and says what is allowed. Parsing never touches the file system.
 */
import { parseLocalDateTime } from '../emulator/spreadsheet/values';

export const WORKBOOK_COMMANDS = ['setup', 'validate', 'scan', 'summary', 'tick', 'dashboard'] as const;
export type WorkbookCommand = (typeof WORKBOOK_COMMANDS)[number];
const COMMANDS = ['demo', ...WORKBOOK_COMMANDS] as const;

/** Where a time given without an offset is read, and the zone of spreadsheets made from .xlsx files. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export type Invocation =
  | { readonly command: 'help' }
  | { readonly command: 'demo'; readonly outDir: string; readonly verbose: boolean }
  | {
      readonly command: WorkbookCommand;
      readonly file: string;
      readonly now?: Date;
      readonly dryRun: boolean;
      readonly out: string;
    };

/** A mistake on the command line: exit code 2, one line naming the argument. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: collab-desk <command> [file.xlsx] [options]

Commands:
  demo                   run the example project (SPEC §6) for three simulated weeks of hourly
                         ticks; writes out/demo.xlsx and out/outbox/*.eml
  setup    <file.xlsx>   set up the Collab Desk sheets, in Chinese (adopting sheets that match)
  validate <file.xlsx>   check owners, IDs and required fields and list every problem
  scan     <file.xlsx>   run the daily checks: health, reminders and escalations
  summary  <file.xlsx>   generate the weekly summary sheet
  tick     <file.xlsx>   run what the hourly trigger runs at --now
  dashboard <file.xlsx>  refresh the dashboard and timeline at --now and write them as one static
                         page, <file>.dashboard.html (or --out <page.html>); the workbook is not written

Options:
  --now <date-time>      the time the add-on sees: 2024-08-16, 2024-08-16T09:00 (in the
                         spreadsheet's time zone, ${DEFAULT_TIME_ZONE}) or 2024-08-16T01:00Z; default: now
  --dry-run              run and report what would happen, but write no file
  --out <file.xlsx>      where to write the result (default: <file>.collab-desk.xlsx; mails go to
                         the folder <file>.collab-desk.outbox)
  --out-dir <dir>        demo only: where to write demo.xlsx and outbox/ (default: out)
  --verbose              demo only: also print each step's menu, form or row and a line per simulated day
  -h, --help             show this help

Exit codes: 0 done, 1 the add-on reported a failure, 2 a wrong argument, an unreadable workbook, a workbook
open in LibreOffice or Excel, or an --out that is the workbook itself or in a missing or read-only folder.`;

const FLAGS = ['--now', '--dry-run', '--out', '--out-dir', '--verbose', '--help'] as const;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `--now`: an ISO 8601 date or date-time; without an offset it is a wall-clock time in `timeZone`. */
export function parseNow(text: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const local = parseLocalDateTime(text, timeZone);
  if (local) return local;
  if (ISO_WITH_OFFSET.test(text) && !Number.isNaN(Date.parse(text)) && sameCalendarDay(text)) return new Date(text);
  throw new UsageError(
    `--now: '${text}' is not a date (allowed: ISO 8601 such as 2024-08-16, 2024-08-16T09:00 or 2024-08-16T01:00:00Z)`,
  );
}

/** Date.parse rolls 2024-02-30 over to March; a date that does not exist is refused. */
function sameCalendarDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

export function defaultOut(file: string, command?: WorkbookCommand): string {
  const stem = file.replace(/\.xlsx$/i, '');
  return command === 'dashboard' ? `${stem}.dashboard.html` : `${stem}.collab-desk.xlsx`;
}

export function parseArgs(argv: readonly string[]): Invocation {
  const [command, ...rest] = argv;
  if (command === undefined)
    throw new UsageError(`missing <command> (allowed: ${COMMANDS.join(', ')}; --help shows usage)`);
  if (argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command '${command}' (allowed: ${COMMANDS.join(', ')})`);
  }
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  // One iterator: an option that takes a value consumes the next argument.
  const args = rest.values();
  for (const arg of args) {
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (!(FLAGS as readonly string[]).includes(flag))
      throw new UsageError(`unknown option '${flag}' (allowed: ${FLAGS.join(', ')})`);
    if (options.has(flag)) throw new UsageError(`${flag} is given twice`);
    if (flag === '--dry-run' || flag === '--verbose') {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      options.set(flag, true);
      continue;
    }
    const value = inline ?? args.next().value;
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value`);
    }
    options.set(flag, value);
  }

  if (command === 'demo') {
    if (positional.length > 0) throw new UsageError(`demo takes no file (got '${positional[0]}')`);
    for (const flag of ['--now', '--dry-run', '--out']) {
      if (options.has(flag)) throw new UsageError(`${flag} is not an option of demo (allowed: --out-dir, --verbose)`);
    }
    return {
      command,
      outDir: (options.get('--out-dir') as string | undefined) ?? 'out',
      verbose: options.has('--verbose'),
    };
  }
  const [file] = positional;
  if (file === undefined) throw new UsageError(`${command}: missing <file.xlsx>`);
  if (positional.length > 1)
    throw new UsageError(`${command}: one <file.xlsx> expected, got ${positional.length}: ${positional.join(' ')}`);
  if (options.has('--out-dir')) throw new UsageError(`--out-dir is an option of demo only (use --out <file.xlsx>)`);
  if (options.has('--verbose')) throw new UsageError(`--verbose is an option of demo only`);
  if (!/\.xlsx$/i.test(file))
    throw new UsageError(`<file.xlsx>: '${file}' does not end in .xlsx (only .xlsx workbooks are read)`);
  const out = (options.get('--out') as string | undefined) ?? defaultOut(file, command as WorkbookCommand);
  const extension = command === 'dashboard' ? 'html' : 'xlsx';
  if (!new RegExp(`\\.${extension}$`, 'i').test(out))
    throw new UsageError(`--out: '${out}' does not end in .${extension}`);
  const nowText = options.get('--now') as string | undefined;
  return {
    command: command as WorkbookCommand,
    file,
    ...(nowText === undefined ? {} : { now: parseNow(nowText) }),
    dryRun: options.has('--dry-run'),
    out,
  };
}
