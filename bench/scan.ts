/**
 * `npm run bench`: the daily scan of the built bundle in the emulator at 100, 1,000 and 10,000
 * tasks (5 progress rows each), for a typical workbook and for one where everything is late.
 * Reports, as JSON: Apps Script service calls (what costs time on
 * Google's servers), Node CPU ms and peak memory of the run, emails sent against distinct
 * recipients, and the bundle size. Each size runs in its own process so peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadProject, type LoadedProject } from '../emulator/runtime';
import { headerText, sheetDef, sheetTitle, type SheetKey } from '../src/domain/schema';

const SIZES = [100, 1_000, 10_000];
const PROGRESS_PER_TASK = 5;
const DEPARTMENTS = 10;
const COORDINATOR = 'pmo@bench.example';
const DAY = 86_400_000;

interface RunReport {
  readonly scenario: Scenario;
  readonly tasks: number;
  readonly progressRows: number;
  readonly serviceCalls: number;
  readonly callsByMethod: Record<string, number>;
  readonly cpuMs: number;
  readonly peakRssMB: number;
  readonly emails: number;
  readonly distinctRecipients: number;
  readonly queued: number;
  /** Notification log rows written by the run (one per notice and outcome). */
  readonly logRows: number;
}

function writeSheet(project: LoadedProject, key: SheetKey, rows: readonly Record<string, unknown>[]): void {
  const columns = sheetDef(key).columns;
  const sheet = project.emulator.spreadsheet.insertSheet(sheetTitle(key, 'zh-CN'));
  const values = [columns.map((c) => headerText(c, 'zh-CN')), ...rows.map((row) => columns.map((c) => row[c.key] ?? ''))];
  // A new sheet has 1,000 rows; writing past them is an error, as in Sheets.
  if (values.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
  sheet.getRange(1, 1, values.length, columns.length).setValues(values as string[][]);
}

type Scenario = 'typical' | 'worst';

/** One task's state: status, due offset and progress, in days relative to now. */
interface TaskShape {
  readonly status: string;
  readonly dueInDays: number;
  readonly pct: number;
  readonly lastUpdateDaysAgo: number;
}

/**
 * typical: 30 % done, most on track; about 1 in 10 overdue, lagging or stale; 5 % blocked.
 * worst: nearly everything overdue, lagging or stale, so nearly every rule fires for every task.
 */
function shape(i: number, scenario: Scenario): TaskShape {
  if (scenario === 'worst') {
    const statuses = ['进行中', '进行中', '进行中', '进行中', '进行中', '进行中', '阻塞', '已完成', '未开始', '待验收'];
    return { status: statuses[i % statuses.length] ?? '进行中', dueInDays: (i % 30) - 10, pct: 50, lastUpdateDaysAgo: 1 + (i % 5) };
  }
  const cycle = i % 20;
  const status = cycle < 6 ? '已完成' : cycle < 16 ? '进行中' : cycle === 16 ? '阻塞' : cycle < 19 ? '未开始' : '待验收';
  const dueInDays = ((i * 7) % 40) - 3;
  const onPlan = Math.min(100, Math.round((100 * 10) / (10 + Math.max(dueInDays, 1))));
  return {
    status,
    dueInDays,
    pct: i % 10 === 3 ? Math.max(0, onPlan - 40) : status === '未开始' ? 0 : onPlan,
    lastUpdateDaysAgo: i % 10 === 7 ? 6 : i % 3,
  };
}

/** A workbook of `size` tasks owned (by name) by size/20 people in 10 departments, 5 progress rows each. */
function seed(project: LoadedProject, size: number, scenario: Scenario, now: number): void {
  const people = Math.max(20, Math.floor(size / 20));
  const departments = Array.from({ length: DEPARTMENTS }, (_, d) => ({
    name: `部门${d}`, head: `head${d}@bench.example`, sponsor: `vp${d}@bench.example`,
  }));
  const shapes = Array.from({ length: size }, (_, i) => shape(i, scenario));
  const tasks = shapes.map((task, i) => ({
    id: `RW202407001-${String(i + 1).padStart(2, '0')}`,
    request: 'XQ202407001',
    name: `任务 ${i + 1}`,
    dept: `部门${i % DEPARTMENTS}`,
    owner: `员工${i % people}`,
    deliverable: '按标准交付',
    start: new Date(now - 10 * DAY),
    due: new Date(now + task.dueInDays * DAY),
    status: task.status,
  }));
  const progress = tasks.flatMap((task, i) => {
    const { pct, lastUpdateDaysAgo } = shapes[i] ?? shape(i, scenario);
    return Array.from({ length: PROGRESS_PER_TASK }, (_, k) => ({
      task: task.id,
      summary: `进度 ${k + 1}`,
      pct: (pct * (k + 1)) / PROGRESS_PER_TASK / 100,
      updatedAt: new Date(now - (lastUpdateDaysAgo + (PROGRESS_PER_TASK - 1 - k)) * DAY),
    }));
  });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(project, 'departments', departments);
  writeSheet(project, 'people', Array.from({ length: people }, (_, p) => ({
    name: `员工${p}`, email: `person${p}@bench.example`, dept: `部门${p % DEPARTMENTS}`,
  })));
  writeSheet(project, 'requests', [{ id: 'XQ202407001', title: '基准测试', dept: '部门0', requester: COORDINATOR, goal: '基准', status: '已立项' }]);
  writeSheet(project, 'tasks', tasks);
  writeSheet(project, 'progress', progress);
}

function runOnce(size: number, scenario: Scenario): RunReport {
  const code = readFileSync('build/Code.js', 'utf8');
  // The bundle reads the time with new Date(): the emulator clock starts at the real now.
  const now = Date.now();
  const project = loadProject(code, { now: new Date(now), activeUser: COORDINATOR, dailyMailQuota: 1_500 });
  seed(project, size, scenario, now);
  const { calls, mail } = project.emulator;
  calls.reset();
  // Collect the seeding's garbage first, so the figure is the scan's own work.
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  project.call('runChecksNow_');
  const used = process.cpuUsage(cpu);
  // Counted before the bench reads the log below: those reads are not the scan's.
  const serviceCalls = calls.total();
  const callsByMethod = calls.snapshot();
  const log = project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN'))?.getDataRange().getValues() ?? [];
  const sentTo = new Set(log.slice(1).filter((row) => row[5] === '已发送').flatMap((row) => String(row[4]).split(', ')));
  return {
    scenario,
    tasks: size,
    progressRows: size * PROGRESS_PER_TASK,
    serviceCalls,
    callsByMethod,
    cpuMs: Math.round((used.user + used.system) / 1000),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    emails: mail.outbox.length,
    distinctRecipients: sentTo.size,
    queued: log.slice(1).filter((row) => row[5] === '排队中').length,
    logRows: log.length - 1,
  };
}

const [sizeArgument, scenarioArgument] = process.argv.slice(2);
if (sizeArgument) {
  process.stdout.write(JSON.stringify(runOnce(Number(sizeArgument), scenarioArgument === 'worst' ? 'worst' : 'typical')));
} else {
  const self = fileURLToPath(import.meta.url);
  const runs = (['typical', 'worst'] as const).flatMap((scenario) =>
    SIZES.map((size) => {
      const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, String(size), scenario], { encoding: 'utf8', maxBuffer: 1 << 24 });
      return JSON.parse(output) as RunReport;
    }),
  );
  const report = { bundleBytes: statSync('build/Code.js').size, node: process.version, runs };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
