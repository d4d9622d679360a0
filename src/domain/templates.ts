/**
 * Templates (SPEC §2.14): the 协作模板 sheet read into templates, one row per template task. A row
 * with an unknown department, an offset or duration that is not a whole number of working days
 * (offset ≥ 0, duration ≥ 1), a dependency on a task the template lacks, or a dependency cycle is
 * a Problem naming its row and field; a template with any such row is refused as a whole.
 */
import { t } from '../i18n/index';
import { normalizeLabel } from './enums';
import { cellText, isBlank, parseList } from './values';
import { Checker, type Problem, type RecordOf, type WorkflowEnv } from './workflow';

export interface TemplateTask {
  /** The sheet row it came from. */
  readonly row: number;
  readonly name: string;
  readonly dept: string;
  /** Working days from the split's start date to the task's first day. */
  readonly offset: number;
  /** Working days the task takes; it is due on the last of them. */
  readonly duration: number;
  readonly deliverable: string;
  /** Names of tasks of the same template that must finish first. */
  readonly dependsOn: readonly string[];
}

export interface Template {
  readonly name: string;
  readonly projectType: string;
  /** In sheet order. */
  readonly tasks: readonly TemplateTask[];
  /** Every sheet row naming it, a row too broken to become a task included. */
  readonly rows: readonly number[];
  /** Whether a row of it has an error: such a template is listed but never used for a split. */
  readonly broken: boolean;
}

export interface TemplateRow {
  readonly row: number;
  readonly record: RecordOf<'templates'>;
}

export interface TemplateCatalogue {
  /** By normalised name, in the order the sheet first names them. */
  readonly templates: ReadonlyMap<string, Template>;
  readonly problems: readonly Problem[];
}

const FIELDS = ['template', 'task', 'projectType', 'dept', 'offset', 'duration', 'deliverable', 'dependsOn'] as const;

export interface TemplateChecks {
  /**
   * Rows whose department is not checked against Departments (Validate's shipped rows, see
   * app/templates.ts); the split checks every row.
   */
  readonly skipDepartment?: (record: RecordOf<'templates'>) => boolean;
}

/** Reads and checks every template row; blank rows are skipped. */
export function readTemplates(
  rows: readonly TemplateRow[],
  env: WorkflowEnv,
  checks: TemplateChecks = {},
): TemplateCatalogue {
  const problems: Problem[] = [];
  const grouped = new Map<string, { name: string; projectType: string; rows: TemplateRow[] }>();
  for (const row of rows) {
    if (FIELDS.every((field) => isBlank(row.record[field]))) continue;
    const name = cellText(row.record.template);
    const key = normalizeLabel(name);
    let group = grouped.get(key);
    if (!group) grouped.set(key, (group = { name, projectType: '', rows: [] }));
    if (group.projectType === '') group.projectType = cellText(row.record.projectType);
    group.rows.push(row);
  }
  const templates = new Map<string, Template>();
  for (const [key, group] of grouped) {
    const found: Problem[] = [];
    const checked = group.rows.map((row) => checkRow(row, env, checks.skipDepartment?.(row.record) ?? false));
    for (const one of checked) found.push(...one.problems);
    const tasks = checked.flatMap((one) => (one.task ? [one.task] : []));
    // Dependencies are checked between every named row, a row with a bad number included.
    const nodes = checked.flatMap((one) => (one.node ? [one.node] : []));
    if (key === '') found.push(...group.rows.map((row) => requiredName(row, env)));
    found.push(...duplicateNames(nodes), ...unknownDependencies(group.name, nodes, env), ...cycles(nodes));
    problems.push(...found);
    if (key !== '')
      templates.set(key, {
        name: group.name,
        projectType: group.projectType,
        tasks,
        rows: group.rows.map((row) => row.row),
        broken: found.length > 0,
      });
  }
  return { templates, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
}

function requiredName(row: TemplateRow, env: WorkflowEnv): Problem {
  const checker = new Checker('templates', row.record, env, row.row);
  checker.required('template');
  return checker.problems[0]!;
}

/** A named row as the dependency checks see it. */
type TaskNode = Pick<TemplateTask, 'row' | 'name' | 'dependsOn'>;

/** One row's own fields; its node when it has a name, the task when every field it needs is usable. */
function checkRow(
  row: TemplateRow,
  env: WorkflowEnv,
  skipDepartment: boolean,
): { node?: TaskNode; task?: TemplateTask; problems: Problem[] } {
  const c = new Checker('templates', row.record, env, row.row);
  const hasName = c.required('task');
  if (skipDepartment) c.required('dept');
  else c.dept('dept', true);
  const offset = workingDays(c, 'offset', 0);
  const duration = workingDays(c, 'duration', 1);
  if (!hasName) return { problems: c.problems };
  const node: TaskNode = { row: row.row, name: c.text('task'), dependsOn: parseList(row.record.dependsOn) };
  if (offset === undefined || duration === undefined) return { node, problems: c.problems };
  const task: TemplateTask = { ...node, dept: c.text('dept'), offset, duration, deliverable: c.text('deliverable') };
  return { node, task, problems: c.problems };
}

/** A whole number of working days, at least `min`: typed as a number or as digits. */
function workingDays(c: Checker<'templates'>, field: 'offset' | 'duration', min: number): number | undefined {
  if (!c.required(field)) return undefined;
  const value = c.value(field);
  const text = cellText(value).trim();
  const n = typeof value === 'number' ? value : /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(n) && n >= min) return n;
  c.add(field, min === 0 ? 'tplOffsetInvalid' : 'tplDurationInvalid', { value: text });
  return undefined;
}

/** A task name twice in one template: its dependencies could not say which is meant. */
function duplicateNames(tasks: readonly TaskNode[]): Problem[] {
  const first = new Map<string, TaskNode>();
  const problems: Problem[] = [];
  for (const task of tasks) {
    const earlier = first.get(normalizeLabel(task.name));
    if (earlier) problems.push(problem(task.row, 'task', 'tplDuplicateTask', { value: task.name, row: earlier.row }));
    else first.set(normalizeLabel(task.name), task);
  }
  return problems;
}

function unknownDependencies(template: string, tasks: readonly TaskNode[], env: WorkflowEnv): Problem[] {
  const names = new Set(tasks.map((task) => normalizeLabel(task.name)));
  const allowed = [...new Set(tasks.map((task) => task.name))].join(t(env.locale, 'wbListSeparator'));
  return tasks.flatMap((task) =>
    task.dependsOn.flatMap((name) => {
      if (normalizeLabel(name) === normalizeLabel(task.name))
        return [problem(task.row, 'dependsOn', 'wbSelfDependency')];
      if (names.has(normalizeLabel(name))) return [];
      return [problem(task.row, 'dependsOn', 'tplUnknownDependency', { value: name, template, allowed })];
    }),
  );
}

/**
 * Every dependency cycle (A → B → A), reported on each row on it with the cycle in words: such
 * tasks could never start. Depth-first, each task visited once.
 */
function cycles(tasks: readonly TaskNode[]): Problem[] {
  const byName = new Map(tasks.map((task) => [normalizeLabel(task.name), task]));
  const state = new Map<TaskNode, 'open' | 'done'>();
  const path: TaskNode[] = [];
  const problems: Problem[] = [];
  const visit = (task: TaskNode) => {
    state.set(task, 'open');
    path.push(task);
    for (const name of task.dependsOn) {
      const next = byName.get(normalizeLabel(name));
      if (!next || next === task) continue;
      if (state.get(next) === 'open') {
        const loop = path.slice(path.indexOf(next));
        const words = [...loop, next].map((step) => step.name).join(' → ');
        for (const step of loop) problems.push(problem(step.row, 'dependsOn', 'tplDependencyCycle', { cycle: words }));
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(task, 'done');
  };
  for (const task of tasks) if (!state.has(task)) visit(task);
  return problems;
}

function problem(row: number, field: string, message: Problem['message'], params?: Problem['params']): Problem {
  return { sheet: 'templates', row, field, message, level: 'error', ...(params ? { params } : {}) };
}
