/**
 * `npm run bench`: the daily scan of the built bundle in the emulator at 100, 1,000 and 10,000
 * tasks (5 progress rows each), for a typical workbook and for one where everything is late, on
 * day 1, after 6 months and after 2 years of daily scans; beside each, three scripts on the same
 * workbook (scripts.ts); and four weeks of daily scans at 100 and 1,000 tasks beside the same
 * scripts (weeks.ts). Reports, as JSON, per case: cells the workbook uses, cells read and written,
 * Apps Script service calls, scan-thread CPU, peak memory, emails against distinct recipients,
 * live-log rows written against messages, and the wall time Apps Script would take by the
 * emulator's latency model (emulator/latency.ts), sheet I/O and mail apart, with a matrix of it
 * at other costs of a mail and of a Sheets API call (wallTime.ts).
 *
 * Method:
 * - The workbook is what setup leaves plus data (workbook.ts): every sheet of SHEET_ORDER with its
 *   header row (empty where the bench has no rows), the full Settings sheet as setup writes it, the
 *   dashboard as a refresh sizes it (a grid: the scan never reads it), and yesterday's state.
 *   Owners are drawn by a seeded generator (prng.ts) among size/20 people (at least 20), each in
 *   one of 10 departments, so late tasks spread over owners and departments as they would.
 *   Yesterday's scan runs first, in its own process, on the same rows with the clock one day back;
 *   the Notification log it wrote (header and rows, copied as is: the bench never builds a log row,
 *   see logShape.ts) and its Health column are seeded into the measured workbook, so the measured
 *   scan reads a real log (cooldown, escalation history) and appends to it, as every daily scan
 *   but the first does.
 * - Older workbooks are seeded as two years (or six months) of daily scans would have left them
 *   after retention, rather than by running 730 scans (history.ts): the live Notification log
 *   holds logRetentionDays + 3 days (retention moves a week once it is wholly past the period, so
 *   the log holds 35 to 42 days) of yesterday's rows repeated on the working days the repeat
 *   schedule tells one long episode again (the next working day, then every 2, 2 and 4 working
 *   days: repeatGapDays), the same notices each time, so every L2 is in a long episode that
 *   retention keeps; 通知记录 YYYY holds, per archived month, a line per distinct (key, status) of
 *   one day's rows (the same notices all month, recipients tallied in one cell); 归档 YYYY holds,
 *   per year, as many archived tasks as the workbook has live, a line each (its progress and
 *   acceptance rows folded into two cells of it) below a line per request; the last
 *   summaryKeepWeeks weekly summaries are kept whole, each the size today's summary has, and older
 *   weeks are a line each of the folded-summaries sheet. Sheets the scan never reads are seeded as
 *   grids of their size with their last row filled (their cells count; their content would only
 *   cost the emulator memory Apps Script does not spend).
 * - The scan measured is "Run checks now" (the daily scan, retention included) with the latency
 *   model moving the clock, so the run's time budget (runBudgetSeconds) and Apps Script's 6-minute
 *   limit apply. `estimatedSeconds` is the model's wall time: sheet I/O (SpreadsheetApp, the
 *   Sheets API, flushes), mail, and the rest (properties, locks). `wallTime` recomputes its total
 *   from the counted calls at 0.3 / 0.75 / 1.2 s a mail and 100 / 300 ms a Sheets API call.
 * - CPU, over the scan only (the seeding's garbage collected first):
 *   `cpuMs`: process.cpuUsage, all threads, so V8's background compiler and GC threads count;
 *   `mainThreadMs`: the scan's own thread (Linux schedstat), what Apps Script's clock would see of
 *   a script; `serviceMs`: time inside the emulated services' entry points (SpreadsheetApp, the
 *   Sheets API, MailApp, …), which stand in for Google's servers and are part of mainThreadMs;
 *   `scriptMs` = mainThreadMs − serviceMs, our code alone. The 500 ms target is held against
 *   mainThreadMs, emulated services included, so the emulator's work counts against us.
 * - Each case runs 3 times, each in a fresh process so nothing is warm; the report is the run
 *   with the median `mainThreadMs`, with every run's figure in `mainThreadMsRuns`.
 * - The scripts (scripts.ts), each once on the same seeded workbook, with an unlimited quota to
 *   count what they would send: (a) naive, one mail per open task overdue or due within a day;
 *   (b) digest, one mail per owner of such tasks; (c) same rules, the product's own scan with no
 *   cooldown and no repeat back-off, one digest per recipient of every notice raised. Their days of
 *   quota are at Workspace's 1,500 recipients a day, their runs at 6 minutes each.
 * - Four weeks (weeks.ts, `fourWeeks`): 20 working days of daily scans, the clock advanced a
 *   working day at a time, on a workbook that evolves between scans (evolve.ts), the scripts on
 *   the same state each day; at 100 and 1,000 tasks. The 10,000-task cases stay one day on the
 *   seeded history: four weeks of them would take most of the bench's time.
 * - `node --expose-gc --import tsx bench/scan.ts <size> [typical|worst] [day1|6 months|2 years]`
 *   measures one run (it computes yesterday's state itself); `... bench/scan.ts scripts <size>
 *   <scenario> <age> <history file>` the scripts; `... bench/scan.ts weeks <size> [scenario]` four
 *   weeks; `bench/scan.ts` alone prints the whole report.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CELL_LIMIT } from '../src/domain/cellBudget';
import { accumulate, AGES, liveLog, yesterday, type Age, type History } from './history';
import { measure, round1, type RunReport } from './measure';
import {
  digestReminders,
  naiveReminders,
  reportOf,
  SAME_RULES_SETTINGS,
  sameRulesBundle,
  scriptReport,
  type ScriptsReport,
} from './scripts';
import { robotFetches } from './robotFetches';
import { fourWeeks, type WeeksReport } from './weeks';
import { BENCH_NOW, benchData, DEFAULTS, loadBundle, seed, settingsSheetRows, type Scenario } from './workbook';

const SIZES = [100, 1_000, 10_000];
const WEEK_SIZES = [100, 1_000];
const RUNS = 3;

/** The three scripts on the workbook the measured scan saw (scripts.ts). */
function scriptsOnDay(size: number, scenario: Scenario, age: Age, history: History): ScriptsReport {
  const logGrid = liveLog(history, age);
  const data = benchData(size, scenario, history.now);
  const runScript = (run: typeof naiveReminders) => {
    const project = loadBundle(history.now, { dailyMailQuota: Number.MAX_SAFE_INTEGER });
    seed(project, data, { ...history, logGrid });
    project.emulator.calls.reset();
    const outbox = { recipients: [] as string[] };
    run(project.emulator.globals, history.now, outbox);
    return scriptReport(project, outbox.recipients);
  };
  const naive = runScript(naiveReminders);
  const digest = runScript(digestReminders);
  const same = loadBundle(history.now, { bundle: sameRulesBundle(), dailyMailQuota: Number.MAX_SAFE_INTEGER });
  seed(same, data, { ...history, settings: settingsSheetRows(SAME_RULES_SETTINGS), logGrid });
  accumulate(same, size, age, history);
  same.emulator.calls.reset();
  same.call('runChecksNow_');
  const { calls, mail } = same.emulator;
  const sameRules = reportOf(
    calls.snapshot(),
    calls.cells(),
    mail.outbox.length,
    new Set(mail.outbox.flatMap((m) => [...m.to, ...m.cc])).size,
  );
  return { naive, digest, sameRules };
}

const self = fileURLToPath(import.meta.url);

function child(...args: string[]): string {
  return execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
}

/** Our figures against the hand-written script's: the headline ratios. */
function headline(run: RunReport, scripts: ScriptsReport) {
  return {
    emailsRatio: run.emails === 0 ? null : round1(scripts.naive.emails / run.emails),
    wallTimeRatio:
      run.estimatedSeconds.total === 0 ? null : round1(scripts.naive.estimatedSeconds / run.estimatedSeconds.total),
  };
}

const asScenario = (text: string | undefined): Scenario => (text === 'worst' ? 'worst' : 'typical');
const asAge = (text: string | undefined): Age => (text !== undefined && text in AGES ? (text as Age) : 'day 1');
const readHistory = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as History;
const [mode, ...rest] = process.argv.slice(2);
if (mode === 'yesterday') {
  // Internal: `yesterday <size> <scenario> <now ms>` prints yesterday's state as JSON.
  const [size, scenario, now] = rest;
  process.stdout.write(JSON.stringify(yesterday(Number(size), asScenario(scenario), Number(now))));
} else if (mode === 'scripts') {
  // `scripts <size> <scenario> <age> <history file>` runs the three scripts.
  const [size, scenario, age, historyFile] = rest;
  process.stdout.write(
    JSON.stringify(scriptsOnDay(Number(size), asScenario(scenario), asAge(age), readHistory(historyFile!))),
  );
} else if (mode === 'robots') {
  // `robots <size> [scenario]`: URL fetches a day with a robot in every department (bench/robotFetches.ts).
  const [size, scenario] = rest;
  process.stdout.write(JSON.stringify(robotFetches(Number(size), asScenario(scenario))));
} else if (mode === 'weeks') {
  // `weeks <size> [scenario]`: four weeks of daily scans beside the scripts.
  const [size, scenario] = rest;
  process.stdout.write(JSON.stringify(fourWeeks(Number(size), asScenario(scenario))));
} else if (mode) {
  // `<size> [scenario] [age] [history file]`: one measured run.
  const [scenario, age, historyFile] = rest;
  const history = historyFile
    ? readHistory(historyFile)
    : (JSON.parse(child('yesterday', mode, asScenario(scenario), String(BENCH_NOW))) as History);
  process.stdout.write(JSON.stringify(measure(Number(mode), asScenario(scenario), asAge(age), history)));
} else {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'collab-desk-bench-'));
  try {
    const runs = (['typical', 'worst'] as const).flatMap((scenario) =>
      SIZES.flatMap((size) => {
        const historyFile = join(dir, `${scenario}-${size}.json`);
        writeFileSync(historyFile, child('yesterday', String(size), scenario, String(BENCH_NOW)));
        return (Object.keys(AGES) as Age[]).map((age) => {
          const reports = Array.from(
            { length: RUNS },
            () => JSON.parse(child(String(size), scenario, age, historyFile)) as RunReport,
          );
          const median = [...reports].sort((a, b) => a.mainThreadMs - b.mainThreadMs)[Math.floor(RUNS / 2)]!;
          const scripts = JSON.parse(child('scripts', String(size), scenario, age, historyFile)) as ScriptsReport;
          return {
            ...median,
            mainThreadMsRuns: reports.map((r) => r.mainThreadMs),
            scripts,
            ...headline(median, scripts),
          };
        });
      }),
    );
    const fourWeeksRuns = (['typical', 'worst'] as const).flatMap((scenario) =>
      WEEK_SIZES.map((size) => JSON.parse(child('weeks', String(size), scenario)) as WeeksReport),
    );
    const report = {
      bundleBytes: statSync('build/Code.js').size,
      node: process.version,
      cellLimit: CELL_LIMIT,
      runBudgetSeconds: DEFAULTS.runBudgetSeconds,
      benchSeconds: Math.round((Date.now() - started) / 1000),
      method: {
        owners:
          'drawn by a seeded generator among size/20 people (at least 20) in 10 departments; a task is in its owner’s department',
        scripts:
          'naive: a mail per open task overdue or due within a day; digest: a mail per owner of such tasks; sameRules: the built bundle’s scan with cooldownHours 1 and its repeat schedule patched to every day, a digest per recipient of every notice raised',
        fourWeeks: `${WEEK_SIZES.join(' and ')} tasks: 20 working days from adoption (empty log), the product by its tick at 09:00 (daily scan; weekly summary on Mondays) and hourly while mail is queued, state evolving between days (bench/evolve.ts); ${SIZES.filter((size) => !WEEK_SIZES.includes(size)).join(', ')} tasks: one day on seeded history`,
        wallTime:
          'recomputed from the counted calls at each (mail, Sheets API call) cost; a run is not replayed, so mail its time budget would have left queued at a slower cost is counted as sent',
      },
      runs,
      fourWeeks: fourWeeksRuns,
      robotFetches: JSON.parse(child('robots', '1000', 'typical')) as unknown,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
