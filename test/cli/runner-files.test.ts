/**
 * The runner as a team tries it on its own exported workbook: from its own folder, not the checkout,
 * and with the mistakes people make with files answered in one line (exit 2) before any work.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const CHECKOUT = resolve(__dirname, '../..');
const ENTRY = join(CHECKOUT, 'cli/collab-desk.ts');
const TSX = join(CHECKOUT, 'node_modules/tsx/dist/esm/index.mjs');

/** `npx collab-desk …` run from `cwd`, a folder of the user's, as the installed bin would be. */
function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', TSX, ENTRY, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function userFolder(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'team-'));
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('任务清单').addRow(['任务', '负责人', '截止日期']);
  await workbook.xlsx.writeFile(join(folder, 'tasks.xlsx'));
  return folder;
}

test('run from the user’s own folder, the runner finds its build and writes beside the workbook', async () => {
  const folder = await userFolder();
  const { status, stdout, stderr } = cli(folder, 'validate', 'tasks.xlsx', '--now', '2024-08-19T09:00');
  assert.equal(stderr, '');
  assert.equal(status, 0, stdout);
  assert.ok(existsSync(join(folder, 'tasks.collab-desk.xlsx')), stdout);
});

/** One line on stderr, exit 2, and nothing written. */
function assertRefused(result: ReturnType<typeof cli>, message: RegExp, unwritten: string) {
  assert.equal(result.status, 2, result.stderr + result.stdout);
  assert.equal(result.stdout, '', 'no work started');
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, message);
  assert.equal(existsSync(unwritten), false);
}

test('an output folder that is missing, or that this user cannot write, is answered in one line before any work', async () => {
  const folder = await userFolder();
  const missing = join(folder, 'no-such-folder', 'out.xlsx');
  assertRefused(
    cli(folder, 'scan', 'tasks.xlsx', '--out', missing),
    /^collab-desk: --out: the folder .*no-such-folder does not exist$/m,
    missing,
  );
  // A folder root could write to is no test for root: /sys refuses new files to everyone.
  const locked = process.getuid?.() === 0 ? '/sys' : join(folder, 'read-only');
  if (locked !== '/sys') {
    mkdirSync(locked, { mode: 0o555 });
  }
  const out = join(locked, 'out.xlsx');
  assertRefused(
    cli(folder, 'scan', 'tasks.xlsx', '--out', out),
    /^collab-desk: --out: the folder .* is not writable$/m,
    out,
  );
});

test('the result written over the workbook itself is refused, by any spelling of its path', async () => {
  const folder = await userFolder();
  const result = cli(folder, 'setup', 'tasks.xlsx', '--out', `./sub/../tasks.xlsx`);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /^collab-desk: --out: \.\/sub\/\.\.\/tasks\.xlsx is the workbook itself/);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1);
});

test('a workbook open in LibreOffice or Excel is refused, naming the lock file it left', async () => {
  for (const [lock, app] of [
    ['.~lock.tasks.xlsx#', 'LibreOffice'],
    ['~$tasks.xlsx', 'Excel'],
  ] as const) {
    const folder = await userFolder();
    writeFileSync(join(folder, lock), 'user,host,2024-08-19');
    assertRefused(
      cli(folder, 'scan', 'tasks.xlsx'),
      new RegExp(
        `^collab-desk: <file.xlsx>: tasks\\.xlsx is open in ${app} \\(.*${lock.replace(/[.$]/g, '\\$&')}\\); save and close it first$`,
        'm',
      ),
      join(folder, 'tasks.collab-desk.xlsx'),
    );
  }
});
