/**
 * "Validate": brings every data sheet up to date (IDs, timestamps, entries applied) and shows
 * each problem on its cell (note + highlight) and in one list. The user's own notes and
 * colours on other cells are kept; only the add-on's marked notes and highlights change.
 */
import { DATA_SHEETS, sheetDef, sheetTitle, type SheetKey } from '../domain/schema';
import { parseEnum } from '../domain/enums';
import { unsubmittedSplits } from '../domain/splits';
import { checkCase } from '../domain/caseLibrary';
import { checkRatingRow } from '../domain/ratingRows';
import { checkCommunication, type Problem, type RecordOf, type WorkflowEnv } from '../domain/workflow';
import { markProblems } from '../gas/problemMarks';
import { alignProtectionEditors } from '../gas/protectionEditors';
import { syncAcceptance } from './acceptance';
import { onOtherCells, settleDateCells } from './dateCells';
import { ITEM_COLUMN, unconfirmedPastes } from './pastedOver';
import { syncPlanChanges } from './planChanges';
import { syncProgress } from './progress';
import { syncRequests } from './requests';
import { readRobotGroups } from './robotGroups';
import { syncSuggestions } from './suggestions';
import { syncTasks } from './tasks';
import { syncTemplates } from './templates';
import { isCoordinator, type Workbook } from './workbook';

const LIST_LIMIT = 20;

/** A sheet whose rows are only checked, each on its own (nothing written): its problems by row and field. */
function checkEachRow<S extends SheetKey>(
  key: S,
  check: (record: RecordOf<S>, env: WorkflowEnv, row: number) => Problem[],
): (wb: Workbook) => Problem[] {
  return (wb) => {
    const table = wb.table(key);
    const env = wb.env();
    return table.records().flatMap((row) => check(table.recordOf(row), env, row.rowNumber));
  };
}

/** Data sheets in dependency order: requests get IDs before tasks name them, and so on. */
const SYNCS: readonly [SheetKey, (wb: Workbook) => Problem[]][] = [
  ['requests', syncRequests],
  ['tasks', syncTasks],
  ['progress', syncProgress],
  ['acceptance', syncAcceptance],
  ['planChanges', syncPlanChanges],
  ['communications', checkEachRow('communications', checkCommunication)],
  ['templates', syncTemplates],
  ['satisfaction', checkEachRow('satisfaction', checkRatingRow)],
  ['cases', checkEachRow('cases', checkCase)],
  ['suggestions', syncSuggestions],
];

/**
 * Syncs and checks the given sheets (all data sheets by default; sheets that do not exist are
 * skipped), writes the changes, then marks the problems on their cells (gas/problemMarks.ts),
 * with the `refused` edits the caller already undid.
 */
export function syncSheets(wb: Workbook, only?: readonly SheetKey[], refused: readonly Problem[] = []): Problem[] {
  const problems: Problem[] = [...refused];
  const checked: SheetKey[] = [];
  for (const [key, sync] of SYNCS) {
    if ((only && !only.includes(key)) || !wb.sheet(key)) continue;
    if (
      !['requests', 'communications', 'templates', 'satisfaction', 'cases', 'suggestions'].includes(key) &&
      !wb.sheet('tasks')
    )
      continue;
    // Dates typed as text become dates before the checks read them (SPEC §2.2).
    const dates = settleDateCells(wb, key);
    const found = sync(wb);
    problems.push(...found, ...onOtherCells(found, dates));
    checked.push(key);
  }
  if (checked.includes('requests')) problems.push(...unsubmittedSplitProblems(wb));
  // Group robots (SPEC §2.7): a bad webhook or secret is named on its Departments cell; the
  // coordinators' robot, on Settings, in the list.
  if ((!only || only.includes('departments')) && wb.sheet('departments')) {
    const robots = readRobotGroups(wb).problems.filter((p) => !only || p.sheet === 'departments');
    problems.push(...robots);
    checked.push('departments');
  }
  // Validate reports every ⚙ cell a paste left unconfirmed, Sign-offs and the history included; an
  // edit's sync re-marks those of its sheets when it read the Change history anyway (a typed cell, a
  // change recorded): reading it for every paste would cost onEdit a read of the whole history.
  const all = Object.keys(ITEM_COLUMN) as SheetKey[];
  const pasted = unconfirmedPastes(wb, only ? (wb.hasRead('changeHistory') ? checked : []) : all);
  problems.push(...pasted);
  wb.commit();
  // A refused edit is marked on its sheet even when that sheet has nothing to sync (Sign-offs).
  for (const key of new Set([...checked, ...[...refused, ...pasted].map((p) => p.sheet)]))
    markProblems(
      wb.table(key),
      problems.filter((p) => p.sheet === key),
      wb.locale,
    );
  return problems;
}

/** Splits never submitted for sign-off, as a warning on each request's status (SPEC §3.6). */
export function unsubmittedSplitProblems(wb: Workbook): Problem[] {
  const requests = wb.optionalTable('requests');
  const tasks = wb.optionalTable('tasks');
  if (!requests || !tasks) return [];
  const splits = unsubmittedSplits(
    requests
      .records()
      .map((r) => ({ id: r.text('id'), row: r.rowNumber, status: parseEnum('requestStatus', r.get('status')) })),
    tasks.records().map((r) => ({ request: r.text('request'), status: parseEnum('taskStatus', r.get('status')) })),
  );
  return splits.map(({ id, row, count }) => ({
    sheet: 'requests',
    row,
    field: 'status',
    message: 'wbSplitNotSubmitted',
    params: { id, count },
    level: 'warning',
  }));
}

/**
 * Validate by a coordinator brings the editors of the coordinators' protections in line with
 * Settings (gas/protectionEditors.ts); what it changed, or could not change, in words.
 */
export function protectionEditorsReport(wb: Workbook): string[] {
  if (!isCoordinator(wb)) return [];
  const { changed, unable } = alignProtectionEditors(wb.spreadsheet, wb.settings.coordinators);
  return [
    ...(changed > 0 ? [wb.text('wbEditorsAligned', { count: changed })] : []),
    ...(unable > 0 ? [wb.text('wbEditorsUnable', { count: unable })] : []),
  ];
}

/** The Validate dialog: counts and the first problems, each naming sheet row and field. */
export function validationReport(wb: Workbook, problems: readonly Problem[]): string {
  // A data sheet that is gone is a problem too: without it nothing is checked or monitored.
  const missing = DATA_SHEETS.filter((key) => !wb.sheet(key)).map((key) =>
    wb.text('wbMissingSheet', { sheet: sheetTitle(key, wb.locale) }),
  );
  const settings = [
    ...missing,
    ...wb.unusableSheets,
    ...wb.settingsIssues.map((issue) => `${sheetTitleOf(wb, 'settings')} · ${issue}`),
  ];
  if (problems.length === 0 && settings.length === 0) return wb.text('wbValidateClean');
  const errors = problems.filter((p) => p.level === 'error').length + settings.length;
  const listed = [...settings, ...problems.map((p) => `${sheetTitleOf(wb, p.sheet)} · ${wb.describe(p)}`)];
  const lines = listed.slice(0, LIST_LIMIT);
  if (listed.length > LIST_LIMIT) lines.push(wb.text('wbMoreProblems', { count: listed.length - LIST_LIMIT }));
  return [wb.text('wbValidateSummary', { errors, warnings: listed.length - errors }), ...lines].join('\n');
}

function sheetTitleOf(wb: Workbook, key: SheetKey): string {
  return wb.sheet(key)?.getName() ?? (wb.locale === 'en' ? sheetDef(key).en : sheetDef(key).zh);
}
