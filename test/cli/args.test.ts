import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, parseNow, UsageError } from '../../cli/args';

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  assert.fail(`accepted: ${argv.join(' ')}`);
}

/** Runs the real entry point as a user would; returns exit code and output. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/collab-desk.ts', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('a workbook command takes one .xlsx file, --now in the spreadsheet zone, --dry-run and --out', () => {
  assert.deepEqual(parseArgs(['scan', 'tasks.xlsx', '--now', '2024-08-16T09:00', '--dry-run']), {
    command: 'scan',
    file: 'tasks.xlsx',
    now: new Date('2024-08-16T01:00:00Z'),
    dryRun: true,
    out: 'tasks.collab-desk.xlsx',
  });
  assert.deepEqual(parseArgs(['tick', 'a/b.XLSX', '--out=c.xlsx']), {
    command: 'tick',
    file: 'a/b.XLSX',
    dryRun: false,
    out: 'c.xlsx',
  });
  assert.deepEqual(parseArgs(['demo']), { command: 'demo', outDir: 'out', verbose: false });
  assert.deepEqual(parseArgs(['demo', '--out-dir', 'elsewhere']), {
    command: 'demo',
    outDir: 'elsewhere',
    verbose: false,
  });
  assert.deepEqual(parseArgs(['demo', '--verbose']), { command: 'demo', outDir: 'out', verbose: true });
  assert.deepEqual(parseArgs(['setup', '--help']), { command: 'help' });
});

test('--now accepts ISO dates and date-times, with or without an offset, and refuses anything else', () => {
  assert.equal(parseNow('2024-08-16').toISOString(), '2024-08-15T16:00:00.000Z');
  assert.equal(parseNow('2024-08-16T09:30:15').toISOString(), '2024-08-16T01:30:15.000Z');
  assert.equal(parseNow('2024-08-16T09:00Z').toISOString(), '2024-08-16T09:00:00.000Z');
  assert.equal(parseNow('2024-08-16T09:00:00+02:00').toISOString(), '2024-08-16T07:00:00.000Z');
  for (const bad of ['yesterday', '16/08/2024', '2024-02-30', '2024-02-30T10:00Z', '2024-08-16T25:00', '1723770000']) {
    assert.throws(
      () => parseNow(bad),
      (e: Error) => e instanceof UsageError && e.message.startsWith(`--now: '${bad}' is not a date`),
      bad,
    );
  }
});

test('each wrong argument gets one message naming it and what is allowed', () => {
  const cases: [string[], string][] = [
    [[], 'missing <command> (allowed: demo, setup, validate, scan, summary, tick, dashboard; --help shows usage)'],
    [['sacn', 'x.xlsx'], "unknown command 'sacn' (allowed: demo, setup, validate, scan, summary, tick, dashboard)"],
    [
      ['scan', 'x.xlsx', '--fast'],
      "unknown option '--fast' (allowed: --now, --dry-run, --out, --out-dir, --verbose, --help)",
    ],
    [['scan'], 'scan: missing <file.xlsx>'],
    [['scan', 'a.xlsx', 'b.xlsx'], 'scan: one <file.xlsx> expected, got 2: a.xlsx b.xlsx'],
    [['scan', 'tasks.csv'], "<file.xlsx>: 'tasks.csv' does not end in .xlsx (only .xlsx workbooks are read)"],
    [['scan', 'x.xlsx', '--now'], '--now needs a value'],
    [['scan', 'x.xlsx', '--now', '--dry-run'], '--now needs a value'],
    [['scan', 'x.xlsx', '--dry-run', '--dry-run'], '--dry-run is given twice'],
    [['scan', 'x.xlsx', '--dry-run=yes'], '--dry-run takes no value'],
    [['scan', 'x.xlsx', '--out', 'x.csv'], "--out: 'x.csv' does not end in .xlsx"],
    [['dashboard', 'x.xlsx', '--out', 'x.xlsx'], "--out: 'x.xlsx' does not end in .html"],
    [['scan', 'x.xlsx', '--out-dir', 'o'], '--out-dir is an option of demo only (use --out <file.xlsx>)'],
    [['demo', 'x.xlsx'], "demo takes no file (got 'x.xlsx')"],
    [['demo', '--now', '2024-08-16'], '--now is not an option of demo (allowed: --out-dir, --verbose)'],
    [['scan', 'x.xlsx', '--verbose'], '--verbose is an option of demo only'],
  ];
  for (const [argv, message] of cases) assert.equal(usageError(argv), message, argv.join(' '));
});

test('the command line exits 2 with a one-line message for a wrong argument, a bad date or a missing file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  const notXlsx = join(dir, 'tasks.xlsx');
  writeFileSync(notXlsx, '任务,负责人\n');
  const cases: [string[], RegExp][] = [
    [
      ['frobnicate'],
      /^collab-desk: unknown command 'frobnicate' \(allowed: demo, setup, validate, scan, summary, tick, dashboard\)\n$/,
    ],
    [
      ['scan', 'x.xlsx', '--now', 'tomorrow'],
      /^collab-desk: --now: 'tomorrow' is not a date \(allowed: ISO 8601 .*\)\n$/,
    ],
    [['validate', join(dir, 'missing.xlsx')], /^collab-desk: <file\.xlsx>: File not found: .*missing\.xlsx\n$/],
    [['validate', notXlsx], /^collab-desk: <file\.xlsx>: .*tasks\.xlsx is not an \.xlsx workbook .*\n$/],
  ];
  for (const [args, message] of cases) {
    const { status, stdout, stderr } = cli(...args);
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, message);
    assert.equal(stdout, '');
  }
});

test('--help prints the usage and exits 0', () => {
  const { status, stdout } = cli('--help');
  assert.equal(status, 0);
  assert.match(stdout, /^Usage: collab-desk <command> \[file\.xlsx\] \[options\]/);
  for (const command of ['demo', 'setup', 'validate', 'scan', 'summary', 'tick'])
    assert.match(stdout, new RegExp(`\\n  ${command} `));
});
