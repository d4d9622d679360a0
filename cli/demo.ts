/**
 * `collab-desk demo`: plays the example project (cli/example.ts) against the built add-on in the
 * emulator. History first (setup, request, approval, split, first progress), then automation is
 * turned on and three weeks pass in hourly ticks while people post progress, meet, accept and
 * re-plan. Prints a line per simulated day; writes the workbook as .xlsx and every mail as .eml.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeOutbox } from '../emulator/eml';
import { parseLocalDateTime } from '../emulator/spreadsheet/values';
import { wallClockOf } from '../emulator/spreadsheet/time';
import { exportWorkbook } from '../emulator/xlsx';
import { parseEnum, SHEET_ORDER } from '../src/domain/schema';
import { EXAMPLE, type ExampleProject, type ExampleStep, type ExampleStepKind } from './example';
import { AddOnSession, readBundle, type ActionReport } from './session';
import { ensureSheet, findSheet, readRows, writeSettings } from './sheet-rows';

export interface DemoOptions {
  readonly outDir: string;
  readonly project?: ExampleProject;
  readonly log?: (line: string) => void;
}

export interface StepResult extends ActionReport {
  readonly at: string;
  readonly kind: ExampleStepKind;
  readonly by: string;
}

export interface DemoResult {
  readonly workbook: string;
  readonly outbox: readonly string[];
  readonly steps: readonly StepResult[];
  /** Task ID → health code as the Tasks sheet shows it at the end ('' when not computed). */
  readonly health: Readonly<Record<string, string>>;
  readonly mails: number;
  readonly notices: number;
  readonly ticks: number;
  /** Sheets the add-on created during the simulated weeks (weekly summaries, dashboard...). */
  readonly newSheets: readonly string[];
}

const HOUR_MS = 3_600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

type Performer<K extends ExampleStepKind> = (
  session: AddOnSession,
  step: Extract<ExampleStep, { kind: K }>,
  project: ExampleProject,
) => ActionReport;

/** How each kind of step reaches the add-on: the menu item or sidebar form a person would use. */
const PERFORM: { [K in ExampleStepKind]: Performer<K> } = {
  setup(session, _step, project) {
    const report = session.runMenu('menuSetupWorkbook', { fallback: 'setupWorkbook_', answers: [['yes']] });
    if (report.route !== 'missing') return report;
    // Without the setup use case the demo still needs the sheets: headers from the catalogue.
    for (const key of SHEET_ORDER) ensureSheet(session.spreadsheet, key, project.spreadsheetLocale.startsWith('zh') ? 'zh-CN' : 'en');
    return { route: 'sheet', target: 'headers', ok: true, messages: [], substitute: 'no setup menu item yet: wrote the catalogue headers' };
  },
  referenceData(session, _step, project) {
    const reports = [
      ...project.departments.map((d) => session.typeRow('departments', { ...d })),
      ...project.people.map((p) => session.typeRow('people', { ...p })),
    ];
    writeSettings(session.spreadsheet, project.settings);
    return merge(reports, 'sheet', 'departments, people, settings');
  },
  submitRequest(session, step) {
    return session.submitForm('request', step.request);
  },
  approveRequest(session, step) {
    const row = requestRow(session, step.requestId);
    if (row === undefined) return { route: 'sheet', target: 'requests', ok: false, messages: [`${step.requestId} is not in the Requests sheet`] };
    // The coordinator fills in lead, coordinator and notes on the row, then approves it from the menu.
    const typed = session.editRow('requests', (f) => f.id === step.requestId, { lead: step.lead, coordinator: step.coordinator, review: step.notes });
    const menu = session.runMenu('menuApproveRequest', { fallback: 'approveRequest_', answers: [['yes']], select: { sheet: findSheet(session.spreadsheet, 'requests')!, row } });
    if (menu.route !== 'missing') return menu;
    const approved = session.editRow('requests', (f) => f.id === step.requestId, { status: '已立项' });
    return { ...merge([typed, approved], 'sheet', 'requests'), substitute: 'no approve menu item yet: status typed as 已立项' };
  },
  splitTasks(session, step) {
    const row = requestRow(session, step.requestId);
    if (row === undefined) return { route: 'sheet', target: 'requests', ok: false, messages: [`${step.requestId} is not in the Requests sheet`] };
    const ids = step.tasks.map((_, i) => taskId(step.requestId, i + 1));
    const menu = session.runMenu('menuSplitTasks', {
      fallback: 'splitRequest_',
      answers: [['ok', String(step.tasks.length)]],
      select: { sheet: findSheet(session.spreadsheet, 'requests')!, row },
    });
    // The menu adds numbered rows; the coordinator then fills each in. Without it, whole rows are typed.
    const rows = step.tasks.map((task, i) =>
      menu.route === 'missing'
        ? session.typeRow('tasks', { id: ids[i], request: step.requestId, ...task })
        : session.editRow('tasks', (f) => f.id === ids[i], task),
    );
    if (menu.route !== 'missing') return merge([menu, ...rows], 'menu', menu.target);
    return { ...merge(rows, 'sheet', 'tasks'), substitute: 'no split menu item yet: task rows typed with their IDs' };
  },
  progress(session, step) {
    return withFallback(session.submitForm('progress', step.entry), () => session.typeRow('progress', step.entry));
  },
  taskStatus(session, step) {
    return session.editRow('tasks', (f) => f.id === step.task, { status: step.status });
  },
  communication(session, step) {
    return withFallback(session.submitForm('communication', step.entry), () => session.typeRow('communications', step.entry));
  },
  actionDone(session, step) {
    return session.editRow('communications', (f) => f.topic === step.topic, { actionStatus: '已完成' });
  },
  acceptance(session, step) {
    return withFallback(session.submitForm('acceptance', step.entry), () => session.typeRow('acceptance', step.entry));
  },
  planChange(session, step) {
    return withFallback(session.submitForm('planChange', step.entry), () => session.typeRow('planChanges', { ...step.entry, status: '待批' }));
  },
  decidePlanChange(session, step, project) {
    const decidedBy = project.people.find((p) => p.email === step.by)?.name ?? step.by;
    return session.editRow('planChanges', (f) => f.task === step.task && parseEnum('changeStatus', f.status) !== 'approved', {
      status: step.approve ? '批准' : '驳回',
      decidedBy,
    });
  },
  automationOn(session) {
    return session.runMenu('menuAutomationOn', { fallback: 'automationOn_' });
  },
};

function withFallback(report: ActionReport, typeInstead: () => ActionReport): ActionReport {
  if (report.route !== 'missing') return report;
  const typed = typeInstead();
  return { ...typed, substitute: `${report.target} not available yet: row typed instead` };
}

function merge(reports: readonly ActionReport[], route: ActionReport['route'], target: string): ActionReport {
  return { route, target, ok: reports.every((r) => r.ok), messages: reports.flatMap((r) => r.messages) };
}

function requestRow(session: AddOnSession, requestId: string): number | undefined {
  return readRows(session.spreadsheet, 'requests').find((r) => r.fields.id === requestId)?.row;
}

/** SPEC §2.2: XQ202407001 → RW202407001-01. */
function taskId(requestId: string, sequence: number): string {
  return `RW${requestId.replace(/^\D+/, '')}-${String(sequence).padStart(2, '0')}`;
}

function perform(session: AddOnSession, step: ExampleStep, project: ExampleProject): ActionReport {
  const performer = PERFORM[step.kind] as Performer<ExampleStepKind>;
  return performer(session, step as never, project);
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const project = options.project ?? EXAMPLE;
  const log = options.log ?? (() => {});
  const at = (text: string) => {
    const date = parseLocalDateTime(text, project.timeZone);
    if (!date) throw new Error(`Example time '${text}' is not yyyy-MM-dd HH:mm`);
    return date;
  };
  const bundle = readBundle();
  const session = new AddOnSession(bundle.code, bundle.sidebar, {
    now: at(project.steps[0]?.at ?? project.simulation.start),
    spreadsheetName: project.spreadsheetName,
    spreadsheetLocale: project.spreadsheetLocale,
    timeZone: project.timeZone,
    activeUser: project.coordinator,
    effectiveUser: project.coordinator,
  });
  const outbox = session.emulator.mail.outbox;
  const notices = () => readRows(session.spreadsheet, 'notificationLog').length;
  const sheetNames = () => session.spreadsheet.getSheets().map((s) => s.getName());
  const steps = [...project.steps].sort((a, b) => at(a.at).getTime() - at(b.at).getTime());
  const results: StepResult[] = [];
  const run = (step: ExampleStep): StepResult => {
    session.actAs(step.by, at(step.at));
    const result = { at: step.at, kind: step.kind, by: step.by, ...perform(session, step, project) };
    results.push(result);
    return result;
  };

  const start = at(project.simulation.start).getTime();
  const end = at(project.simulation.end).getTime();
  log(`Collab Desk demo: ${project.spreadsheetName} (${project.timeZone})`);
  log('History before automation:');
  let next = 0;
  while (next < steps.length && at(steps[next].at).getTime() <= start) log(`  ${steps[next].at.slice(0, 10)} ${describeStep(run(steps[next++]), project)}`);

  // Without an installed trigger the tick handler is called directly each hour, and the report says so.
  const automation = results.find((r) => r.kind === 'automationOn');
  const directTicks = !automation || !automation.ok || automation.route === 'missing';
  log(`Three weeks of hourly ticks${directTicks ? ' (no trigger installed: calling tick_ directly)' : ''}:`);
  const sheetsBefore = new Set(sheetNames());
  let ticks = 0;
  let day = { key: '', mails: outbox.length, notices: notices(), events: [] as string[] };
  const flushDay = () => {
    if (day.key === '') return;
    const mailCount = outbox.length - day.mails;
    const noticeCount = notices() - day.notices;
    const events = day.events.length > 0 ? `  · ${day.events.join(' · ')}` : '';
    log(`  ${day.key}  mails +${mailCount} (${outbox.length})  notices +${noticeCount} (${notices()})${events}`);
  };
  for (let t = start + HOUR_MS; t <= end; t += HOUR_MS) {
    const w = wallClockOf(t, project.timeZone);
    const key = `${w.year}-${pad(w.month)}-${pad(w.day)} 周${WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]}`;
    if (key !== day.key) {
      flushDay();
      day = { key, mails: outbox.length, notices: notices(), events: [] };
    }
    while (next < steps.length && at(steps[next].at).getTime() <= t) day.events.push(describeStep(run(steps[next++]), project));
    session.emulator.clock.set(new Date(t));
    const names = new Set(sheetNames());
    if (directTicks) {
      const tick = session.runTrigger('tick_');
      if (!tick.ok && tick.route !== 'missing') day.events.push(`tick failed: ${tick.messages.join(' ')}`);
    } else {
      session.runDueTriggers();
    }
    for (const name of sheetNames()) if (!names.has(name)) day.events.push(`new sheet ${name}`);
    ticks++;
  }
  flushDay();
  while (next < steps.length) log(`  after the simulation: ${describeStep(run(steps[next++]), project)}`);

  const health = Object.fromEntries(
    readRows(session.spreadsheet, 'tasks').map((r) => [String(r.fields.id), parseEnum('health', r.fields.health) ?? '']),
  );
  log('Health at the end:');
  for (const [id, expected] of Object.entries(project.expectedHealth)) {
    const actual = health[id] ?? '(no such task)';
    log(`  ${id}  ${actual || '(not computed)'}${actual === expected ? '  ✓' : `  ✗ expected ${expected}`}`);
  }
  const byRoute = new Map<string, number>();
  for (const r of results) byRoute.set(r.route, (byRoute.get(r.route) ?? 0) + 1);
  log(`Steps: ${[...byRoute].map(([route, n]) => `${n} via ${route}`).join(', ')}; ${results.filter((r) => !r.ok).length} failed`);
  for (const r of results.filter((r) => !r.ok || r.substitute)) {
    log(`  ${r.at} ${r.kind}: ${r.ok ? 'done another way' : 'FAILED'} — ${[r.substitute, ...r.messages].filter(Boolean).join(' | ')}`);
  }

  mkdirSync(options.outDir, { recursive: true });
  const workbook = join(options.outDir, 'demo.xlsx');
  // The file opens on the task list.
  const tasks = findSheet(session.spreadsheet, 'tasks');
  if (tasks) session.spreadsheet.setActiveSheet(tasks);
  const exported = await exportWorkbook(session.spreadsheet, workbook);
  const files = writeOutbox(outbox, join(options.outDir, 'outbox'), { from: project.coordinator });
  const newSheets = sheetNames().filter((name) => !sheetsBefore.has(name));
  log(`Wrote ${workbook} (${exported.sheets} sheets${exported.skippedRules.length ? `; not exportable: ${exported.skippedRules.join(', ')}` : ''})`);
  log(`Wrote ${files.length} mails to ${join(options.outDir, 'outbox')}`);
  return { workbook, outbox: files, steps: results, health, mails: outbox.length, notices: notices(), ticks, newSheets };
}

function describeStep(result: StepResult, project: ExampleProject): string {
  const who = project.people.find((p) => p.email === result.by)?.name ?? result.by;
  const status = result.ok ? '' : ' ✗';
  return `${result.at.slice(11)} ${who} ${result.kind} (${result.route}${result.route === 'missing' ? '' : `: ${result.target}`})${status}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
