/**
 * "Validate": brings every data sheet up to date (IDs, timestamps, entries applied) and shows
 * each problem on its cell (note + highlight) and in one list. The user's own notes and
 * colours on other cells are kept; only the add-on's marked notes and highlights change.
 */
import { DATA_SHEETS, sheetDef, sheetTitle, type SheetKey } from '../domain/schema';
import { checkCommunication, type Problem, type RecordOf } from '../domain/workflow';
import { t } from '../i18n/index';
import { syncAcceptance } from './acceptance';
import { syncPlanChanges } from './planChanges';
import { syncProgress } from './progress';
import { syncRequests } from './requests';
import { syncTasks } from './tasks';
import type { Workbook } from './workbook';

const HIGHLIGHT = { error: '#f4c7c3', warning: '#fce8b2' } as const;
const PLAIN_BACKGROUND = '#ffffff';
const OUR_COLOURS: readonly string[] = Object.values(HIGHLIGHT);
const LIST_LIMIT = 20;

function syncCommunications(wb: Workbook): Problem[] {
  const table = wb.table('communications');
  const env = wb.env();
  return table.records().flatMap((row) => {
    const record = Object.fromEntries(
      table.def.columns.map((c) => [c.key, row.get(c.key)]),
    ) as RecordOf<'communications'>;
    return checkCommunication(record, env, row.rowNumber);
  });
}

/** Data sheets in dependency order: requests get IDs before tasks name them, and so on. */
const SYNCS: readonly [SheetKey, (wb: Workbook) => Problem[]][] = [
  ['requests', syncRequests],
  ['tasks', syncTasks],
  ['progress', syncProgress],
  ['acceptance', syncAcceptance],
  ['planChanges', syncPlanChanges],
  ['communications', syncCommunications],
];

/**
 * Syncs and checks the given sheets (all data sheets by default; sheets that do not exist are
 * skipped), writes the changes, then marks the problems on their cells.
 */
export function syncSheets(wb: Workbook, only?: readonly SheetKey[]): Problem[] {
  const problems: Problem[] = [];
  const checked: SheetKey[] = [];
  for (const [key, sync] of SYNCS) {
    if ((only && !only.includes(key)) || !wb.sheet(key)) continue;
    if (key !== 'requests' && key !== 'communications' && !wb.sheet('tasks')) continue;
    problems.push(...sync(wb));
    checked.push(key);
  }
  wb.commit();
  for (const key of checked)
    annotate(
      wb,
      key,
      problems.filter((p) => p.sheet === key),
    );
  return problems;
}

/** Our part of a cell note starts with the marker (either language) and runs to the end. */
function userPart(note: string): string {
  const markers = [t('zh-CN', 'wbNoteMarker'), t('en', 'wbNoteMarker')];
  const at = Math.min(...markers.map((m) => note.indexOf(m)).map((i) => (i < 0 ? note.length : i)));
  return note.slice(0, at).trimEnd();
}

/** Rewrites the add-on's notes and highlights on one sheet: one read and one write each. */
export function annotate(wb: Workbook, key: SheetKey, problems: readonly Problem[]): void {
  const table = wb.table(key);
  const rows = table.rows.length;
  if (rows === 0 || table.width === 0) return;
  const range = table.sheet.getRange(2, 1, rows, table.width);
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  const byCell = new Map<string, Problem[]>();
  for (const p of problems) {
    const column = table.positions[p.field as never] as number | undefined;
    if (p.row === undefined || column === undefined) continue;
    const cell = `${p.row - 2}:${column}`;
    byCell.set(cell, [...(byCell.get(cell) ?? []), p]);
  }
  let changed = false;
  const nextNotes = notes.map((line, r) =>
    line.map((note, c) => {
      const own = byCell.get(`${r}:${c}`);
      const kept = userPart(note);
      const ours = own
        ? t(wb.locale, 'wbNoteMarker') + own.map((p) => t(wb.locale, p.message, p.params)).join('\n')
        : '';
      const next = [kept, ours].filter((part) => part !== '').join('\n\n');
      if (next !== note) changed = true;
      return next;
    }),
  );
  const nextBackgrounds = backgrounds.map((line, r) =>
    line.map((colour, c) => {
      const own = byCell.get(`${r}:${c}`);
      const next = own
        ? HIGHLIGHT[own.some((p) => p.level === 'error') ? 'error' : 'warning']
        : OUR_COLOURS.includes(colour.toLowerCase())
          ? PLAIN_BACKGROUND
          : colour;
      if (next !== colour) changed = true;
      return next;
    }),
  );
  if (!changed) return;
  range.setNotes(nextNotes);
  range.setBackgrounds(nextBackgrounds);
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
