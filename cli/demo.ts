/**
 * `collab-desk demo`: plays the example project (cli/example.ts) against the built add-on in the
 * emulator. History first (setup, request, approval, split, first progress), then automation is
 * turned on and three weeks pass in hourly ticks while people post progress, meet, accept and
 * re-plan. Prints what happened in about twenty lines (cli/demoConsole.ts; `verbose` adds each
 * step's route and a line per simulated day); writes the workbook as .xlsx and every mail as .eml.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOutbox } from '../emulator/eml';
import { parseLocalDateTime } from '../emulator/spreadsheet/values';
import { wallClockOf } from '../emulator/spreadsheet/time';
import type { FakeRobot } from '../emulator/robots';
import { exportWorkbook } from '../emulator/xlsx';
import { parseEnum } from '../src/domain/enums';
import { EXAMPLE, type ExampleProject, type ExampleStep, type ExampleStepKind, type Fields } from './example';
import { dashboardHtml, readDashboardView } from './dashboard-page';
import { playSuggestion } from './demoSuggestion';
import { closingLoopLines, playClosingLoop } from './demoLoop';
import { AddOnSession, readBundle, type ActionReport } from './session';
import { writeRobotTranscripts } from './robotTranscript';
import { consoleSummary } from './demoConsole';
import { findSheet, readRows, writeSettings } from './sheet-rows';

export interface DemoOptions {
  readonly outDir: string;
  readonly project?: ExampleProject;
  readonly log?: (line: string) => void;
  /** Where each step's menu, form or row, a line per simulated day and every export detail go (--verbose). */
  readonly detail?: (line: string) => void;
}

export interface StepResult extends ActionReport {
  readonly at: string;
  readonly kind: ExampleStepKind;
  readonly by: string;
}

export interface DemoResult {
  readonly workbook: string;
  readonly outbox: readonly string[];
  /** out/robots/: what each group robot received, a page per group. */
  readonly robots: readonly string[];
  /** out/dashboard.html: the dashboard and timeline as one static page. */
  readonly page: string | undefined;
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

/** How each kind of step reaches the add-on: the menu item, sidebar form or sheet row a person would use. */
const PERFORM: { [K in ExampleStepKind]: Performer<K> } = {
  setup(session) {
    // "Set up workbook" asks for the language with a button per language.
    return session.runMenu('menuSetupWorkbook', { dialog: { button: '中文' } });
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
    if (row === undefined) return notFound(step.requestId);
    // The coordinator fills in lead, coordinator and notes on the row, then approves it from the menu.
    const typed = session.editRow('requests', (f) => f.id === step.requestId, {
      lead: step.lead,
      coordinator: step.coordinator,
      review: step.notes,
    });
    const menu = session.runMenu('menuApproveRequest', {
      dialog: { button: '立项', fields: { notes: step.notes } },
      select: { sheet: findSheet(session.spreadsheet, 'requests')!, row },
    });
    return merge([typed, menu], 'menu', menu.target);
  },
  splitTasks(session, step) {
    const row = requestRow(session, step.requestId);
    if (row === undefined) return notFound(step.requestId);
    // The split form takes each task's name, department, owner, start, due and deliverable and
    // submits them for sign-off in one write; the coordinator then adds the rest on the rows.
    const formed = new Set(['name', 'dept', 'owner', 'start', 'due', 'deliverable']);
    const pick = (task: Fields, inForm: boolean) =>
      Object.fromEntries(Object.entries(task).filter(([key]) => formed.has(key) === inForm));
    const menu = session.runMenu('menuSplitTasks', {
      dialog: { tasks: step.tasks.map((task) => pick(task, true)) },
      select: { sheet: findSheet(session.spreadsheet, 'requests')!, row },
    });
    if (!menu.ok) return menu;
    const rows = step.tasks.map((task, i) =>
      session.editRow('tasks', (f) => f.id === taskId(step.requestId, i + 1), pick(task, false)),
    );
    return merge([menu, ...rows], 'menu', menu.target);
  },
  progress(session, step) {
    return session.submitForm('progress', step.entry);
  },
  taskStatus(session, step) {
    return session.editRow('tasks', (f) => f.id === step.task, { status: step.status });
  },
  communication(session, step) {
    return session.submitForm('communication', step.entry);
  },
  actionDone(session, step) {
    return session.editRow('communications', (f) => f.topic === step.topic, { actionStatus: '已完成' });
  },
  acceptance(session, step) {
    return session.submitForm('acceptance', step.entry);
  },
  planChange(session, step) {
    return session.submitForm('planChange', step.entry);
  },
  submitSplit(session, step) {
    const row = requestRow(session, step.requestId);
    if (row === undefined) return notFound(step.requestId);
    // "Split into tasks" on a request that has its task rows lists them; "Submit for sign-off" sends them.
    return session.runMenu('menuSplitTasks', {
      dialog: { tasks: [] },
      select: { sheet: findSheet(session.spreadsheet, 'requests')!, row },
    });
  },
  signOff(session, step) {
    // The signer's sidebar lists what waits for them; Agree or Return (with the comment) is one click.
    const { subject, ref, decision, comment = '' } = step;
    return session.callSidebar('decideSignOff', { subject, ref, decision, comment });
  },
  automationOn(session) {
    return session.runMenu('menuAutomationOn');
  },
  refreshDashboard(session) {
    return session.runMenu('menuRefreshDashboard');
  },
};

function notFound(requestId: string): ActionReport {
  return { route: 'sheet', target: 'requests', ok: false, messages: [`${requestId} is not in the Requests sheet`] };
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
  const say = options.log ?? (() => {});
  const play = new Playback(project, options.detail ?? (() => {}));
  play.log(`Collab Desk demo: ${project.spreadsheetName} (${project.timeZone})`);
  play.log('History before automation:');
  const start = play.time(project.simulation.start).getTime();
  play.runStepsUntil(start, (line, step) => play.log(`  ${step.at.slice(0, 10)} ${line}`));
  for (const line of playSuggestion(play.session, project, new Date(start))) play.log(`  ${line}`);
  const sheetsBefore = new Set(play.sheetNames());
  const ticks = play.simulate(start, play.time(project.simulation.end).getTime());
  play.runStepsUntil(Infinity, (line) => play.log(`  after the simulation: ${line}`));
  const health = play.reportEnd();
  const written = await play.writeOutputs(options.outDir);
  const summary = consoleSummary({
    project,
    steps: play.results,
    ticks,
    mails: play.outbox.length,
    robots: play.robots.map(({ group, robot }) => ({ group, posts: robot.received.length })),
    notices: play.notices(),
    health,
    written,
    notCarried: play.skippedRules,
    loop: closingLoopLines(play.session),
  });
  for (const line of summary) say(line);
  return {
    ...written,
    steps: play.results,
    health,
    mails: play.outbox.length,
    notices: play.notices(),
    ticks,
    newSheets: play.sheetNames().filter((name) => !sheetsBefore.has(name)),
  };
}

/** One playback of an example project: the add-on session, the steps still to run, the reports. */
class Playback {
  readonly session: AddOnSession;
  readonly results: StepResult[] = [];
  /** What the .xlsx could not carry, once written. */
  skippedRules: readonly string[] = [];
  /** The groups' robots, posted to by the add-on over the emulated UrlFetchApp. */
  readonly robots: readonly { readonly group: string; readonly robot: FakeRobot }[];
  private readonly steps: ExampleStep[];
  private next = 0;

  constructor(
    private readonly project: ExampleProject,
    readonly log: (line: string) => void,
  ) {
    const bundle = readBundle();
    this.session = new AddOnSession(bundle, {
      now: this.time(project.steps[0]?.at ?? project.simulation.start),
      spreadsheetName: project.spreadsheetName,
      spreadsheetLocale: project.spreadsheetLocale,
      timeZone: project.timeZone,
      activeUser: project.coordinator,
      effectiveUser: project.coordinator,
    });
    this.robots = project.robots.map(({ group, platform, ...options }) => ({
      group,
      robot: this.session.emulator.robots.add(platform, options),
    }));
    this.steps = [...project.steps].sort((a, b) => this.time(a.at).getTime() - this.time(b.at).getTime());
  }

  get outbox() {
    return this.session.emulator.mail.outbox;
  }

  time(text: string): Date {
    const date = parseLocalDateTime(text, this.project.timeZone);
    if (!date) throw new Error(`Example time '${text}' is not yyyy-MM-dd HH:mm`);
    return date;
  }

  notices(): number {
    return readRows(this.session.spreadsheet, 'notificationLog').length;
  }

  sheetNames(): string[] {
    return this.session.spreadsheet.getSheets().map((s) => s.getName());
  }

  /** Runs, in time order, the steps due by `until`, each as its person at its time. */
  runStepsUntil(until: number, report: (line: string, step: ExampleStep) => void): void {
    for (;;) {
      const step = this.steps[this.next];
      if (!step || this.time(step.at).getTime() > until) break;
      this.next++;
      this.session.actAs(step.by, this.time(step.at));
      const result: StepResult = {
        at: step.at,
        kind: step.kind,
        by: step.by,
        ...perform(this.session, step, this.project),
      };
      this.results.push(result);
      report(describeStep(result, this.project), step);
    }
  }

  /** Hour by hour from `start` to `end`: the steps of that hour, then the triggers due; a line per day. */
  simulate(start: number, end: number): number {
    this.log('Three weeks of hourly ticks:');
    let day = { key: '', mails: this.outbox.length, notices: this.notices(), events: [] as string[] };
    const flushDay = () => {
      if (day.key === '') return;
      const [mails, notices] = [this.outbox.length, this.notices()];
      const events = day.events.length > 0 ? `  · ${day.events.join(' · ')}` : '';
      this.log(
        `  ${day.key}  mails +${mails - day.mails} (${mails})  notices +${notices - day.notices} (${notices})${events}`,
      );
    };
    let ticks = 0;
    for (let t = start + HOUR_MS; t <= end; t += HOUR_MS, ticks++) {
      const key = dayLabel(t, this.project.timeZone);
      if (key !== day.key) {
        flushDay();
        day = { key, mails: this.outbox.length, notices: this.notices(), events: [] };
      }
      const names = new Set(this.sheetNames());
      this.runStepsUntil(t, (line) => day.events.push(line));
      playClosingLoop(this.session, t, (line) => day.events.push(line));
      this.session.emulator.clock.set(new Date(t));
      const tick = this.session.runDueTriggers();
      if (!tick.ok)
        day.events.push(
          `${pad(wallClockOf(t, this.project.timeZone).hour)}:00 trigger failed: ${tick.messages.join(' ')}`,
        );
      for (const name of this.sheetNames()) if (!names.has(name)) day.events.push(`new sheet ${name}`);
    }
    flushDay();
    return ticks;
  }

  /** Prints each task's health against the story's, and which steps failed or were done another way. */
  reportEnd(): Record<string, string> {
    const health = Object.fromEntries(
      readRows(this.session.spreadsheet, 'tasks').map((r) => [
        String(r.fields.id),
        parseEnum('health', r.fields.health) ?? '',
      ]),
    );
    this.log('Health at the end:');
    for (const [id, expected] of Object.entries(this.project.expectedHealth)) {
      const actual = health[id] ?? '(no such task)';
      this.log(`  ${id}  ${actual || '(not computed)'}${actual === expected ? '  ✓' : `  ✗ expected ${expected}`}`);
    }
    const byRoute = new Map<string, number>();
    for (const r of this.results) byRoute.set(r.route, (byRoute.get(r.route) ?? 0) + 1);
    const failed = this.results.filter((r) => !r.ok).length;
    this.log(`Steps: ${[...byRoute].map(([route, n]) => `${n} via ${route}`).join(', ')}; ${failed} failed`);
    for (const r of this.results.filter((r) => !r.ok))
      this.log(`  ${r.at} ${r.kind}: FAILED — ${r.messages.join(' | ')}`);
    return health;
  }

  async writeOutputs(outDir: string): Promise<Written> {
    mkdirSync(outDir, { recursive: true });
    const workbook = join(outDir, 'demo.xlsx');
    // The file opens on the task list.
    const tasks = findSheet(this.session.spreadsheet, 'tasks');
    if (tasks) this.session.spreadsheet.setActiveSheet(tasks);
    const exported = await exportWorkbook(this.session.spreadsheet, workbook);
    this.skippedRules = exported.skippedRules;
    const skipped = exported.skippedRules.length > 0 ? `; not exportable: ${exported.skippedRules.join(', ')}` : '';
    this.log(`Wrote ${workbook} (${exported.sheets} sheets${skipped})`);
    const outbox = writeOutbox(this.outbox, join(outDir, 'outbox'), { from: this.project.coordinator });
    this.log(`Wrote ${outbox.length} mails to ${join(outDir, 'outbox')}`);
    const robots = writeRobotTranscripts(this.robots, join(outDir, 'robots'), this.project.timeZone);
    const posts = this.robots.map(({ group, robot }) => `${group} ${robot.received.length}`).join(', ');
    this.log(`Wrote what each group robot received to ${join(outDir, 'robots')} (${posts})`);
    // The dashboard and timeline as one page, for people who do not open the workbook.
    const view = readDashboardView(this.session.spreadsheet);
    const page = view ? join(outDir, 'dashboard.html') : undefined;
    if (view && page) {
      writeFileSync(page, await dashboardHtml(view));
      this.log(`Wrote ${page}`);
    }
    return { workbook, outbox, robots, page };
  }
}

export interface Written {
  readonly workbook: string;
  readonly outbox: string[];
  readonly robots: string[];
  readonly page: string | undefined;
}

function dayLabel(instant: number, timeZone: string): string {
  const w = wallClockOf(instant, timeZone);
  const weekday = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()];
  return `${w.year}-${pad(w.month)}-${pad(w.day)} 周${weekday}`;
}

function describeStep(result: StepResult, project: ExampleProject): string {
  const who = project.people.find((p) => p.email === result.by)?.name ?? result.by;
  const status = result.ok ? '' : ' ✗';
  return `${result.at.slice(11)} ${who} ${result.kind} (${result.route}${result.route === 'missing' ? '' : `: ${result.target}`})${status}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
