/**
 * What `npm start` prints by default: the demo in about twenty lines a person reads (issue 22
 * point 9): what happened in plain words by role, what was sent, each task's health in the
 * workbook's language, what to open first, and in one line what the .xlsx cannot carry.
 * `--verbose` adds the old detail (each step's menu, form or row, and a line per simulated day).
 */
import { enumLabel } from '../src/domain/enums';
import { columnDef, columnLabel, sheetTitle } from '../src/domain/schema';
import { localeFromSpreadsheet } from '../src/i18n/index';
import { join } from 'node:path';
import type { StepResult, Written } from './demo';
import type { ExampleProject, ExampleStep } from './example';

/** Console lines take at most this many terminal columns, so a wide terminal shows each on one row. */
export const LINE_WIDTH = 150;

const SUBJECTS = { split: 'task split', change: 'plan change', acceptance: 'acceptance' } as const;

/** The step as a person would say it: "张伟 posted 70 % on 新品推广方案初稿撰写". */
export function stepInWords(step: ExampleStep, project: ExampleProject): { who: string; did: string } {
  return { who: personName(project, step.by), did: action(step, project) };
}

/**
 * Steps in words, a day's date before its first: consecutive steps of one day doing the same
 * ("signed off the task split") name their people once, 李娜、高峰、赵敏.
 */
export function happenings(
  steps: readonly { readonly at: string; readonly ok: boolean; readonly step: ExampleStep }[],
  project: ExampleProject,
): string[] {
  const merged: { day: string; who: string[]; did: string }[] = [];
  for (const { at, ok, step } of steps) {
    const { who, did } = stepInWords(step, project);
    const words = ok ? did : `${did} (failed)`;
    const previous = merged.at(-1);
    if (previous && previous.day === at.slice(5, 10) && previous.did === words) previous.who.push(who);
    else merged.push({ day: at.slice(5, 10), who: [who], did: words });
  }
  return merged.map((m, i) => `${merged[i - 1]?.day === m.day ? '' : `${m.day} `}${m.who.join('、')} ${m.did}`);
}

/** Columns a line takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
      ? 2
      : 1;
  return width;
}

function action(step: ExampleStep, project: ExampleProject): string {
  const task = (id: string | undefined) => taskName(project, id ?? '');
  switch (step.kind) {
    case 'setup':
      return 'set up the workbook';
    case 'referenceData':
      return 'filled in departments, people and settings';
    case 'submitRequest':
      return `filed the request "${step.request.title ?? ''}"`;
    case 'approveRequest':
      return `approved ${step.requestId}, ${step.lead} leading`;
    case 'splitTasks':
      return `split it into ${step.tasks.length} tasks for sign-off`;
    case 'submitSplit':
      return `sent the split for sign-off again`;
    case 'signOff':
      return `${step.decision === 'agree' ? 'signed off' : 'returned'} the ${SUBJECTS[step.subject]}${step.subject === 'split' ? '' : ` of ${task(step.ref)}`}`;
    case 'progress':
      return `posted ${step.entry.pct ?? '?'} % on ${task(step.entry.task)}`;
    case 'taskStatus':
      return `set ${task(step.task)} to ${step.status}`;
    case 'communication':
      return `logged the meeting "${step.entry.topic ?? ''}"`;
    case 'actionDone':
      return `closed the action item of "${step.topic}"`;
    case 'acceptance':
      return `${step.entry.result === '通过' ? 'accepted' : 'rejected'} ${task(step.entry.task)}`;
    case 'planChange':
      return `asked to move ${task(step.entry.task)} to ${step.entry.newDue ?? '?'}`;
    case 'automationOn':
      return 'turned automation on (hourly checks)';
    case 'refreshDashboard':
      return 'refreshed the dashboard';
    default:
      return words((step as { kind: string }).kind);
  }
}

/** "refreshDashboard" → "refresh dashboard": a step kind this file does not know yet, still in words. */
function words(kind: string): string {
  return kind.replace(/([A-Z])/g, ' $1').toLowerCase();
}

function personName(project: ExampleProject, email: string): string {
  return project.people.find((p) => p.email === email)?.name ?? email;
}

/** A task's name from the example's split, by its ID (RW…-02 is the split's second task); a request ID stays. */
export function taskName(project: ExampleProject, id: string): string {
  const match = /^RW(\d+)-(\d+)$/.exec(id);
  if (!match) return id;
  const split = project.steps.find(
    (s): s is Extract<ExampleStep, { kind: 'splitTasks' }> =>
      s.kind === 'splitTasks' && s.requestId.replace(/^\D+/, '') === match[1],
  );
  return split?.tasks[Number(match[2]) - 1]?.name ?? id;
}

/** `items` joined with " · " into lines no wider than LINE_WIDTH, each after `indent`. */
export function wrap(indent: string, items: readonly string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line} · ${item}`;
    if (line !== '' && displayWidth(indent + next) > LINE_WIDTH) {
      lines.push(indent + line);
      line = item;
    } else line = next;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** "Health at the end (任务分工 ▸ 健康度)": each task's health as the workbook words it, ✗ where the story differs. */
export function healthLines(project: ExampleProject, health: Readonly<Record<string, string>>): string[] {
  const locale = localeFromSpreadsheet(project.spreadsheetLocale);
  const items = Object.entries(project.expectedHealth).map(([id, expected]) => {
    const actual = health[id] ?? '';
    const label = actual === '' ? '—' : enumLabel('health', actual as never, locale);
    return `${taskName(project, id)} ${label}${actual === expected ? '' : ` ✗ (the story expects ${enumLabel('health', expected as never, locale)})`}`;
  });
  const where = `${sheetTitle('tasks', locale)} ▸ ${columnLabel(columnDef('tasks', 'health'), locale)}`;
  const [first = '', ...rest] = items;
  return wrap('', [`Health at the end (${where}): ${first}`, ...rest]).map((line, i) => (i === 0 ? line : `  ${line}`));
}

/** The .xlsx's losses in one line: how many charts and protections, with README for the list. */
export function notCarriedLine(skipped: readonly string[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const charts = skipped
    .map((entry) => /(\d+) charts?$/.exec(entry))
    .reduce((sum, match) => sum + (match ? Number(match[1]) : 0), 0);
  const others = skipped.filter((entry) => !/\d+ charts?$/.test(entry)).length;
  const parts = [charts > 0 ? `${charts} charts` : '', others > 0 ? `${others} sheet protections` : ''].filter(Boolean);
  return `The .xlsx cannot carry ${parts.join(' and ')} (Excel protects whole sheets); README "What the result keeps" lists them.`;
}

/** What the console summary is made from: the playback's results and what was written. */
export interface DemoEnd {
  readonly project: ExampleProject;
  readonly steps: readonly StepResult[];
  readonly ticks: number;
  readonly mails: number;
  readonly robots: readonly { readonly group: string; readonly posts: number }[];
  /** Rows of the Notification log: one per message, mail or robot post. */
  readonly notices: number;
  readonly health: Readonly<Record<string, string>>;
  readonly written: Written;
  readonly notCarried: readonly string[];
  /** The second request, its rating and cases, the suggestion and the nudge (SPEC §6), a line each. */
  readonly loop: readonly string[];
}

/** The default console: what happened, what was sent, health, what to open first, what the .xlsx lacks. */
export function consoleSummary(end: DemoEnd): string[] {
  const { project, steps, written } = end;
  const people = new Set(steps.map((s) => s.by)).size;
  const first = steps[0]?.at.slice(0, 10) ?? '';
  const last = project.simulation.end.slice(0, 10);
  const happened = happenings(
    steps.map((result) => ({ at: result.at, ok: result.ok, step: stepOf(project, result) })),
    project,
  );
  const posts = end.robots.reduce((sum, robot) => sum + robot.posts, 0);
  const groups = end.robots.map((robot) => `${robot.group} ${robot.posts}`).join(', ');
  const failed = steps.filter((s) => !s.ok);
  const folder = join(written.workbook, '..');
  const page = written.page ? ` · ${written.page} (dashboard and timeline, in a browser)` : '';
  return [
    `Collab Desk demo · ${project.spreadsheetName}: ${first} → ${last}, ${steps.length} steps by ${people} people, ${end.ticks} hourly checks`,
    'What happened:',
    ...wrap('  ', happened),
    ...end.loop.map((line, i) => `${i === 0 ? 'Closing the loop: ' : '  '}${line}`),
    `Sent: ${end.mails} mails (reminder digests, escalations, sign-off requests, weekly summaries) and ${posts} robot posts (${groups});`,
    `  通知记录 (Notification log) in the workbook lists all ${end.notices}: to whom, when and why.`,
    ...healthLines(project, end.health),
    `Open first: ${written.workbook} (the workbook, on its task list)${page}`,
    `  ${join(folder, 'outbox')}/ (the ${written.outbox.length} mails, .eml) · ${join(folder, 'robots')}/ (what each robot group read)`,
    ...[notCarriedLine(end.notCarried)].filter((line): line is string => line !== undefined),
    ...(failed.length > 0
      ? [
          `${failed.length} steps failed:`,
          ...failed.map((r) => `  ${r.at} ${r.kind}: ${r.messages.join(' | ')}`.slice(0, LINE_WIDTH)),
        ]
      : []),
  ];
}

/** The example step a result came from, by its time, kind and person (results are in time order, steps as written). */
function stepOf(project: ExampleProject, result: StepResult): ExampleStep {
  return project.steps.find((s) => s.at === result.at && s.kind === result.kind && s.by === result.by)!;
}
