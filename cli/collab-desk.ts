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
      const result = await runDemo({ outDir: invocation.outDir, log });
      return result.steps.every((s) => s.ok) ? EXIT_OK : EXIT_FAILED;
    }
    default: {
      const { runWorkbookCommand } = await import('./workbook-commands');
      const { report } = await runWorkbookCommand(invocation, log);
      return report.ok ? EXIT_OK : EXIT_FAILED;
    }
  }
}

/** One line for the user's mistakes (exit 2) and a missing build (exit 1); a stack trace for bugs. */
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
  console.error(error instanceof MissingBundleError ? `collab-desk: ${error.message}` : error);
  return EXIT_FAILED;
}

process.exitCode = await main(process.argv.slice(2)).catch(report);
