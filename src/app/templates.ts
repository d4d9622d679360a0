/**
 * Templates (SPEC §2.14): the 协作模板 sheet read and checked, a request split from a template,
 * and a finished request's split saved as a new template. The menus (templateMenu.ts) ask; these
 * run under the document lock and write once.
 */
import { civilDayFromKey, dayKeyOf, type CivilDay } from '../domain/calendar';
import { enumLabel, normalizeLabel, parseEnum } from '../domain/enums';
import { nextTaskId } from '../domain/ids';
import { sheetTitle } from '../domain/schema';
import { planSplit, templateFromTasks, type FinishedTask } from '../domain/templatePlan';
import { isShippedDepartment } from '../domain/templateCatalogue';
import { readTemplates, type Template, type TemplateCatalogue, type TemplateChecks } from '../domain/templates';
import { parseDate, parseList } from '../domain/values';
import type { Problem } from '../domain/workflow';
import { findRequest } from './requests';
import { assertSplittable } from './tasks';
import { UserError, type Workbook } from './workbook';

/** Every template on the sheet, with every problem of its rows. */
export function templateCatalogue(wb: Workbook, checks: TemplateChecks = {}): TemplateCatalogue {
  const table = wb.table('templates');
  const rows = table.records().map((row) => ({
    row: row.rowNumber,
    record: table.recordOf(row),
  }));
  return readTemplates(rows, wb.env(), checks);
}

/**
 * Validate on the Templates sheet: each bad row with its field (nothing to write). The shipped
 * templates name the seed's departments (SPEC §6), which a company may not have: a row still
 * naming its shipped department is not reported by Validate, or every new workbook would open
 * with dozens of problems nobody made. The split checks every row, so no task is ever written
 * with an unknown department; a row a coordinator gave another department is checked here too.
 */
export function syncTemplates(wb: Workbook): Problem[] {
  return [...templateCatalogue(wb, { skipDepartment: isShippedDepartment }).problems];
}

/** Template names as one list in the workbook's language. */
export function templateNames(wb: Workbook, catalogue: TemplateCatalogue): string {
  return [...catalogue.templates.values()].map((t) => t.name).join(wb.text('wbListSeparator'));
}

/** The template a coordinator named, or a UserError listing the ones there are. */
export function namedTemplate(wb: Workbook, catalogue: TemplateCatalogue, name: string): Template {
  if (catalogue.templates.size === 0)
    throw new UserError(wb.text('tplNoTemplates', { sheet: sheetTitle('templates', wb.locale) }));
  const found = catalogue.templates.get(normalizeLabel(name));
  if (!found) throw new UserError(wb.text('tplUnknownTemplate', { value: name, names: templateNames(wb, catalogue) }));
  return found;
}

/** The request's task rows (cancelled ones included), in sheet order. */
function requestTasks(wb: Workbook, requestId: string) {
  const wanted = requestId.toUpperCase();
  return wb
    .table('tasks', ['id', 'request', 'name', 'dept', 'start', 'due', 'deliverable', 'dependsOn'])
    .records()
    .filter((row) => row.text('request').toUpperCase() === wanted);
}

/** Refuses a request whose split already has rows: a template fills an empty split only. */
export function assertNoTasks(wb: Workbook, requestId: string): void {
  const count = requestTasks(wb, requestId).length;
  if (count > 0) throw new UserError(wb.text('tplSplitHasTasks', { id: requestId, count }));
}

/** A civil day as the cell a user would type for it: midnight of that day in the spreadsheet's zone. */
function dayCell(wb: Workbook, day: CivilDay): Date {
  return parseDate(dayKeyOf(day), wb.sheetTimeZone)!;
}

export interface TemplateSplit {
  /** The template's name as its sheet spells it. */
  readonly name: string;
  readonly ids: readonly string[];
  /** One line per task: its name, department and proposed owner. */
  readonly owners: readonly string[];
  readonly start: string;
  /** The last due day, yyyy-MM-dd. */
  readonly end: string;
  /** The request's expected-by day when the plan ends after it (yyyy-MM-dd), for the coordinator to weigh. */
  readonly lateFor: string | undefined;
}

/**
 * Fills the split of an approved request from a template, dated from `startKey` (yyyy-MM-dd; the
 * day the split is made when absent): task rows with IDs, dates, deliverables, dependencies as
 * task IDs and the proposed owners. Not yet submitted for sign-off: the coordinator confirms the
 * owners first (submitSplit).
 */
export function fillSplitFromTemplate(
  wb: Workbook,
  requestId: string,
  templateName: string,
  startKey: string | undefined,
): TemplateSplit {
  const request = findRequest(wb, requestId);
  assertSplittable(wb, request);
  const id = request.text('id');
  assertNoTasks(wb, id);
  const catalogue = templateCatalogue(wb);
  const template = namedTemplate(wb, catalogue, templateName);
  if (template.broken) {
    const problems = catalogue.problems.filter((p) => p.row !== undefined && template.rows.includes(p.row));
    throw new UserError(
      wb.text('tplBrokenTemplate', {
        name: template.name,
        problems: problems.map((p) => wb.describe(p)).join('\n'),
        sheet: sheetTitle('templates', wb.locale),
      }),
    );
  }
  const calendar = wb.calendar();
  const startDay = civilDayFromKey(startKey ?? wb.today)!;
  const directory = wb.directory();
  const plan = planSplit(template, startDay, calendar, directory);
  const table = wb.table('tasks', ['id', 'request', 'name', 'owner', 'due']);
  const existing = table.records().map((row) => row.text('id'));
  const ids: string[] = [];
  plan.forEach(() => ids.push(nextTaskId(id, [...existing, ...ids])));
  plan.forEach((task, i) => {
    const due = dayCell(wb, task.due);
    table.append({
      id: ids[i],
      request: id,
      name: task.name,
      dept: task.dept,
      owner: task.owner === '' ? '' : wb.nameOf(task.owner),
      start: dayCell(wb, task.start),
      due,
      baseline: due,
      deliverable: task.deliverable,
      dependsOn: task.dependsOn.map((at) => ids[at]).join(wb.text('wbListSeparator')),
      status: enumLabel('taskStatus', 'notStarted', wb.locale),
    });
  });
  wb.commit();
  const end = dayKeyOf(Math.max(...plan.map((task) => task.due)));
  const expected = wb.dayKey(request.get('expected'));
  return {
    name: template.name,
    ids,
    start: dayKeyOf(Math.min(...plan.map((task) => task.start))),
    end,
    lateFor: expected !== '' && end > expected ? expected : undefined,
    owners: plan.map((task) =>
      wb.text('tplOwnerLine', {
        task: task.name,
        dept: task.dept,
        owner: task.owner === '' ? wb.text('tplOwnerMissing') : wb.nameOf(task.owner),
      }),
    ),
  };
}

/** Only a finished request's split becomes a template: its plan has stood the test. */
export function assertFinished(wb: Workbook, requestId: string): void {
  const request = findRequest(wb, requestId);
  const status = parseEnum('requestStatus', request.get('status'));
  if (status === 'done') return;
  throw new UserError(
    wb.text('tplSaveNotFinished', {
      id: request.text('id'),
      status: status ? enumLabel('requestStatus', status, wb.locale) : request.text('status'),
      allowed: enumLabel('requestStatus', 'done', wb.locale),
    }),
  );
}

/** The request's live tasks as a template reads them, or a UserError naming what stops it. */
function finishedTasks(wb: Workbook, requestId: string): FinishedTask[] {
  const rows = requestTasks(wb, requestId).filter((row) => parseEnum('taskStatus', row.get('status')) !== 'cancelled');
  if (rows.length === 0) throw new UserError(wb.text('tplSaveNoTasks', { id: requestId }));
  const nameById = new Map(rows.map((row) => [row.text('id').toUpperCase(), row.text('name')]));
  const seen = new Set<string>();
  return rows.map((row) => {
    const name = row.text('name');
    if (seen.has(normalizeLabel(name)))
      throw new UserError(wb.text('tplSaveDuplicateTask', { id: requestId, value: name }));
    seen.add(normalizeLabel(name));
    const due = civilDayFromKey(wb.dayKey(row.get('due')));
    if (due === undefined) throw new UserError(wb.text('tplSaveNoDue', { id: row.text('id') }));
    return {
      name,
      dept: row.text('dept'),
      start: civilDayFromKey(wb.dayKey(row.get('start'))),
      due,
      deliverable: row.text('deliverable'),
      // Dependencies on tasks of other requests have no place in a template.
      dependsOn: parseList(row.get('dependsOn')).flatMap((ref) => {
        const found = nameById.get(ref.toUpperCase());
        return found === undefined ? [] : [found];
      }),
    };
  });
}

/** How many tasks "Save as template" would write for the request. */
export function savableTaskCount(wb: Workbook, requestId: string): number {
  return finishedTasks(wb, requestId).length;
}

/**
 * Writes a finished request's split as template `name` (projectType optional), offsets and
 * durations counted back from its tasks' dates; returns how many rows it wrote.
 */
export function saveAsTemplate(wb: Workbook, requestId: string, name: string, projectType: string): number {
  assertFinished(wb, requestId);
  if (name === '') throw new UserError(wb.text('tplNameRequired'));
  if (templateCatalogue(wb).templates.has(normalizeLabel(name)))
    throw new UserError(wb.text('tplNameTaken', { value: name }));
  const rows = templateFromTasks(finishedTasks(wb, requestId), wb.calendar());
  const table = wb.table('templates');
  const separator = wb.text('wbListSeparator');
  for (const row of rows)
    table.append({ template: name, projectType, ...row, dependsOn: row.dependsOn.join(separator) });
  wb.commit();
  return rows.length;
}
