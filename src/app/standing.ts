/**
 * What a guarded cell stands at when the edit that changed it did not say (SPEC §3.6): a paste,
 * fill or drag over many cells carries no old values, so a refused change is restored to the value
 * the records stand for: the latest value the Change history recorded for that item and field,
 * otherwise the one the workbook's own records imply (a request's stamps and sign-off rounds, a
 * task's acceptances and %); a ⚙ cell's from the records behind it (standingComputed.ts).
 * Undefined where nothing tells (a decided sign-off, the ⚙ cells standingComputed.ts names).
 */
import { columnDef, columnLabel, sheetTitle, type SheetKey } from '../domain/schema';
import { enumLabel, parseEnum } from '../domain/enums';
import { latestRounds, roundState, subjectKey } from '../domain/signOffs';
import { isBlank, parsePercent } from '../domain/values';
import { requestOfTaskId, isTaskId } from '../domain/ids';
import type { Cell, TableRow } from '../gas/table';
import { readSignOffs } from './signOffs';
import { computedStanding, type StandingRecords } from './standingComputed';
import type { Workbook } from './workbook';

/** `records`: what the look-ups read, kept for the other cells of the same paste. */
export function standingValue(
  wb: Workbook,
  key: SheetKey,
  field: string,
  row: TableRow<string>,
  records: StandingRecords = {},
): Cell | undefined {
  if (key === 'tasks' && field === 'request') {
    const id = row.text('id');
    return isTaskId(id) ? requestOfTaskId(id) : undefined;
  }
  if (key === 'planChanges' && field === 'status') {
    return isBlank(row.get('decidedAt')) ? enumLabel('changeStatus', 'pending', wb.locale) : undefined;
  }
  if (key === 'signOffs' && field === 'decision') {
    return isBlank(row.get('decidedAt')) ? enumLabel('signOffDecision', 'pending', wb.locale) : undefined;
  }
  if (key === 'cases' && field === 'status') return caseStanding(wb, row);
  if (columnDef(key, field as never).computed) return computedStanding(wb, key, field, row, records);
  if (field !== 'status' || (key !== 'requests' && key !== 'tasks')) return undefined;
  const id = row.text('id');
  if (id === '') return undefined;
  const recorded = lastRecorded(wb, key, id, field);
  if (recorded !== undefined) return recorded;
  return key === 'requests' ? requestStanding(wb, row) : taskStanding(wb, row);
}

/** The newest value the Change history recorded for the item's field, in the workbook's language. */
function lastRecorded(wb: Workbook, key: SheetKey, item: string, field: string): string | undefined {
  const history = wb.optionalTable('changeHistory');
  if (!history) return undefined;
  const sheet = sheetTitle(key, wb.locale);
  const label = columnLabel(columnDef(key, field as never), wb.locale);
  const wanted = item.toUpperCase();
  const rows = history.records();
  for (let i = rows.length - 1; i >= 0; i--) {
    const entry = rows[i]!;
    if (entry.text('item').toUpperCase() === wanted && entry.text('sheet') === sheet && entry.text('field') === label)
      return entry.text('newValue');
  }
  return undefined;
}

/** A request's status from its stamps and its split's latest sign-off round. */
function requestStanding(wb: Workbook, row: TableRow<string>): string {
  const label = (code: Parameters<typeof enumLabel<'requestStatus'>>[1]) => enumLabel('requestStatus', code, wb.locale);
  if (!isBlank(row.get('closed'))) return label('done');
  const round = wb.sheet('signOffs')
    ? latestRounds(readSignOffs(wb)).get(subjectKey('split', row.text('id')))
    : undefined;
  if (round) {
    const state = roundState(round);
    return label(state === 'pending' ? 'signOff' : state === 'agreed' ? 'executing' : 'approved');
  }
  return label(isBlank(row.get('approved')) ? 'pending' : 'approved');
}

/** A task's status from its latest applied acceptance, otherwise from its %. */
function taskStanding(wb: Workbook, row: TableRow<string>): string {
  const label = (code: Parameters<typeof enumLabel<'taskStatus'>>[1]) => enumLabel('taskStatus', code, wb.locale);
  const wanted = row.text('id').toUpperCase();
  const accepted = (wb.optionalTable('acceptance')?.records() ?? [])
    .filter((r) => r.text('task').toUpperCase() === wanted && !isBlank(r.get('standard')))
    .at(-1);
  const result = parseEnum('acceptanceResult', accepted?.get('result'));
  if (result === 'pass') return label('done');
  const pct = parsePercent(row.get('pct')) ?? 0;
  if (result === 'fail' || (pct > 0 && pct < 100)) return label('inProgress');
  return label(pct >= 100 ? 'awaitingAcceptance' : 'notStarted');
}

/**
 * A case's status: the newest the Change history recorded, else 待确认 for a case the add-on
 * proposed (it has a source), the status every proposal starts in (SPEC §2.12).
 */
function caseStanding(wb: Workbook, row: TableRow<string>): Cell | undefined {
  const id = row.text('id');
  if (id === '') return undefined;
  const recorded = lastRecorded(wb, 'cases', id, 'status');
  if (recorded !== undefined) return recorded;
  return row.text('source') === '' ? undefined : enumLabel('caseStatus', 'proposed', wb.locale);
}
