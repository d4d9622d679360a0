#!/usr/bin/env tsx
/**
 * collab-desk: the add-on's local runner. `npm start` runs `collab-desk demo`; the other commands
 * run one menu item or the hourly trigger on a user's .xlsx. See `--help` (cli/args.ts).
 */
import { parseArgs, UsageError, USAGE } from './args';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

async function main(argv: readonly string[]): Promise<number> {
  const invocation = parseArgs(argv);
  const log = (line: string) => console.log(line);
  switch (invocation.command) {
    case 'help':
      console.log(USAGE);
      return EXIT_OK;
    // Loaded on demand, so a mistyped argument is answered at once.
    case 'demo': {
      const { runDemo } = await import('./demo');
      const result = await runDemo({ outDir: invocation.outDir, log, ...(invocation.verbose ? { detail: log } : {}) });
      return result.steps.every((s) => s.ok) ? EXIT_OK : EXIT_FAILED;
    }
    default: {
      const { runWorkbookCommand } = await import('./workbook-commands');
      const { report } = await runWorkbookCommand(invocation, log);
      return report.ok ? EXIT_OK : EXIT_FAILED;
    }
  }
}

/** One line for the user's mistakes (exit 2), a missing build or a failed write (exit 1); a stack trace for bugs. */
async function report(error: unknown): Promise<number> {
  if (error instanceof UsageError) {
    console.error(`collab-desk: ${error.message}`);
    return EXIT_USAGE;
  }
  const { WorkbookFileError } = await import('../emulator/xlsx');
  const { MissingBundleError } = await import('./session');
  if (error instanceof WorkbookFileError) {
    console.error(`collab-desk: <file.xlsx>: ${error.message}`);
    return EXIT_USAGE;
  }
  if (error instanceof MissingBundleError) console.error(`collab-desk: ${error.message}`);
  // Checked before the work starts; should the disk still refuse (full, unplugged), say so in one line.
  else if (isFileSystemError(error)) console.error(`collab-desk: cannot ${error.syscall} ${error.path}: ${error.code}`);
  else console.error(error);
  return EXIT_FAILED;
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { syscall: string; path: string } {
  const e = error as NodeJS.ErrnoException | undefined;
  return typeof e?.code === 'string' && typeof e.syscall === 'string' && typeof e.path === 'string';
}

process.exitCode = await main(process.argv.slice(2)).catch(report);
