/**
 * The layer rules of eslint.config.js, the formatter and the sidebar's typed contract each reject
 * a planted violation (and accept its allowed twin), so a rule that stops working fails here.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * ESLint and Prettier load their configs with dynamic import, which jest's module sandbox
 * refuses, so they run in a child Node: one process lints every probe (or checks its format).
 */
const CHILD = `
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
const probes = JSON.parse(process.argv[1]);
const eslint = new ESLint();
const out = [];
for (const { filePath, code, format } of probes) {
  if (format) {
    const options = (await prettier.resolveConfig(filePath)) ?? {};
    out.push(await prettier.check(code, { ...options, filepath: filePath }));
  } else if (code === undefined) {
    out.push((await eslint.lintFiles([filePath]))[0].messages.map((m) => m.ruleId ?? m.message));
  } else {
    out.push((await eslint.lintText(code, { filePath }))[0].messages.map((m) => m.ruleId ?? m.message));
  }
}
process.stdout.write(JSON.stringify(out));
`;

interface Probe {
  readonly filePath: string;
  /** Omitted: lint the file as it stands on disk. */
  readonly code?: string;
  /** Ask Prettier whether `code` is formatted, instead of linting it. */
  readonly format?: boolean;
}

function runProbes(probes: readonly Probe[]): unknown[] {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify(probes)], {
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as unknown[];
}

/** The rule IDs ESLint reports for each code, as if it stood at its path: one child for all. */
function violations(...probes: readonly [filePath: string, code: string][]): string[][] {
  return runProbes(probes.map(([filePath, code]) => ({ filePath, code }))) as string[][];
}

test('src/domain imports nothing from src/app or src/gas', () => {
  assert.deepEqual(
    violations(
      ['src/domain/probe.ts', "import { Workbook } from '../app/workbook';\nvoid Workbook;\n"],
      ['src/domain/probe.ts', "import { growToFit } from '../gas/grid';\nvoid growToFit;\n"],
      ['src/domain/probe.ts', "import { parseDate } from './values';\nvoid parseDate;\n"],
    ),
    [['no-restricted-imports'], ['no-restricted-imports'], []],
  );
});

test('src/domain names no Apps Script service or type', () => {
  assert.deepEqual(
    violations(
      ['src/domain/probe.ts', 'export const n = SpreadsheetApp.getActive();\n'],
      ['src/domain/probe.ts', 'export type S = GoogleAppsScript.Spreadsheet.Sheet;\n'],
    ),
    [['no-restricted-globals'], ['no-restricted-syntax']],
  );
});

test('src/app reaches SpreadsheetApp, MailApp, ScriptApp, LockService, PropertiesService and Sheets only through src/gas', () => {
  const services = ['SpreadsheetApp', 'MailApp', 'ScriptApp', 'LockService', 'PropertiesService', 'Sheets'];
  assert.deepEqual(
    violations(...services.map((service): [string, string] => ['src/app/probe.ts', `export const s = ${service};\n`]), [
      'src/gas/probe.ts',
      'export const s = MailApp;\n',
    ]),
    [...services.map(() => ['no-restricted-globals']), []],
  );
});

test('src/app holds no Range: cell, format, sheet and chart calls belong to src/gas', () => {
  assert.deepEqual(
    violations(
      ['src/app/probe.ts', 'export const f = (sheet: any) => sheet.getRange(1, 1).setValue(1);\n'],
      ['src/app/probe.ts', "export const f = (ss: any) => ss.insertSheet('X');\n"],
      ['src/gas/probe.ts', 'export const f = (sheet: any) => sheet.getRange(1, 1).setValue(1);\n'],
    ),
    [['no-restricted-syntax', 'no-restricted-syntax'], ['no-restricted-syntax'], []],
  );
});

test('the sidebar imports from src only through src/contract', () => {
  assert.deepEqual(
    violations(
      ['sidebar/probe.ts', "import type { Locale } from '../src/i18n/index';\nexport type L = Locale;\n"],
      ['sidebar/probe.ts', "import type { TaskCard } from '../src/contract';\nexport type C = TaskCard;\n"],
    ),
    [['no-restricted-imports'], []],
  );
});

test('an import twice from one module is refused', () => {
  const twice =
    "import { t } from '../i18n/index';\nimport { catalogue } from '../i18n/index';\nvoid t;\nvoid catalogue;\n";
  assert.deepEqual(violations(['src/app/probe.ts', twice]), [['import-x/no-duplicates', 'import-x/no-duplicates']]);
});

test('an import cycle is refused', () => {
  // The cycle rule follows real files, so the pair is planted in the tree and removed after.
  const dir = join('src', 'gas', `cycle-probe-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = (): unknown => a;\n");
    assert.deepEqual(runProbes([{ filePath: join(dir, 'a.ts') }]), [['import-x/no-cycle']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the format check refuses code Prettier would change', () => {
  const formatted = readFileSync('src/main.ts', 'utf8');
  const probe = (code: string): Probe => ({ filePath: 'src/main.ts', code, format: true });
  assert.deepEqual(runProbes([probe(formatted), probe(formatted.replace(/'/g, '"'))]), [true, false]);
});

/** Type errors of the sidebar project with sidebar/main.ts replaced by `edit` of it. */
function sidebarTypeErrors(edit: (source: string) => string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.sidebar.json',
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!parsed) throw new Error('tsconfig.sidebar.json does not parse');
  const host = ts.createCompilerHost(parsed.options);
  const main = ts.sys.resolvePath('sidebar/main.ts');
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (ts.sys.resolvePath(file) === main ? edit(readFile(file) ?? '') : readFile(file));
  const program = ts.createProgram(parsed.fileNames, parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

test('a sidebar call to a server function that does not exist, or with the wrong argument, fails the type check', () => {
  // The unedited sidebar type-checks in `npm run typecheck`; here both mistakes are planted at once.
  const planted = sidebarTypeErrors((source) =>
    source
      .replace("call('getSidebarState')", "call('getSidebarStates')")
      .replace("call('submitSidebarForm', view.spec.key,", "call('submitSidebarForm', 'progres',"),
  );
  assert.ok(
    planted.some((message) => message.includes('"getSidebarStates"')),
    planted.join('\n'),
  );
  assert.ok(
    planted.some((message) => message.includes('"progres"')),
    planted.join('\n'),
  );
});
