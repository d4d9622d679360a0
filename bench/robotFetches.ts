/**
 * URL fetches a day with group robots (SPEC §3.8, issue 24), against UrlFetchApp's daily quota
 * (20,000 calls a consumer account, 100,000 Workspace:
 * https://developers.google.com/apps-script/guides/services/quotas). Every one of the 10
 * departments has a WeCom robot and the coordinators' group a Google Chat one; the built bundle's
 * tick runs hourly 09:00–17:00 for 20 working days on the seeded workbook (state held still: the
 * notices' repeat schedule alone decides what is told again), with the latency model on, each
 * fetch at 0.6 s (emulator/latency.ts [urlfetch]). A group gets at most one message a run, so
 * the bound is groups × runs a day; the measured figure is what the rules send.
 */
import { DAY, DEPARTMENTS, benchData, deptName, loadBundle, seed, settingsSheetRows, type Scenario } from './workbook';
import { sheetTitle } from '../src/domain/schema';

const START = Date.parse('2026-06-01T09:00:00+08:00');
const WORKING_DAYS = 20;
const RUNS_A_DAY = 9;
const HOUR = 3_600_000;

export interface RobotFetchReport {
  readonly tasks: number;
  readonly groups: number;
  readonly workingDays: number;
  readonly fetchesPerDay: { readonly mean: number; readonly max: number; readonly bound: number };
  /** Messages the coordinators' group received over the days, to show its robot was posted to. */
  readonly received: { readonly coordinators: number };
  /** Seconds a day the posts add to the runs (fetches × 0.6 s). */
  readonly postSecondsPerDay: number;
  readonly quota: { readonly consumer: number; readonly workspace: number; readonly maxPercentOfConsumer: number };
}

export function robotFetches(size: number, scenario: Scenario): RobotFetchReport {
  const data = benchData(size, scenario, START);
  const project = loadBundle(START, { latency: true });
  const { robots } = project.emulator;
  const chat = robots.add('googleChat');
  seed(project, data, {
    settings: settingsSheetRows({ coordinatorRobot: 'googleChat', coordinatorWebhook: chat.url }),
  });
  const departments = project.emulator.spreadsheet.getSheetByName(sheetTitle('departments', 'zh-CN'))!;
  const header = departments.getRange(1, 1, 1, departments.getLastColumn()).getValues()[0]!;
  const robotColumn = header.indexOf('群机器人') + 1;
  const webhookColumn = header.indexOf('机器人地址') + 1;
  const names = departments
    .getRange(1, 1, departments.getLastRow(), 1)
    .getValues()
    .map((line) => line[0]);
  for (let d = 0; d < DEPARTMENTS; d++) {
    const row = names.indexOf(deptName(d)) + 1;
    departments.getRange(row, robotColumn).setValue('企业微信');
    departments.getRange(row, webhookColumn).setValue(robots.add('wecom').url);
  }

  const perDay: number[] = [];
  for (let at = START; perDay.length < WORKING_DAYS; at += DAY) {
    const weekday = new Date(at + 8 * HOUR).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    project.emulator.calls.reset();
    let fetches = 0;
    for (let run = 0; run < RUNS_A_DAY; run++) {
      project.emulator.clock.set(new Date(at + run * HOUR));
      project.emulator.calls.reset();
      try {
        project.call('tick_');
      } catch {
        // A run stopped at its time limit: its fetches still count.
      }
      fetches += project.emulator.calls.count('UrlFetchApp.fetch');
    }
    perDay.push(fetches);
  }
  const groups = DEPARTMENTS + 1;
  const max = Math.max(...perDay);
  return {
    tasks: size,
    groups,
    workingDays: WORKING_DAYS,
    fetchesPerDay: {
      mean: Math.round((perDay.reduce((sum, n) => sum + n, 0) / perDay.length) * 10) / 10,
      max,
      bound: groups * RUNS_A_DAY,
    },
    postSecondsPerDay: Math.round(max * 0.6 * 10) / 10,
    received: { coordinators: chat.received.length },
    quota: { consumer: 20_000, workspace: 100_000, maxPercentOfConsumer: Math.round((max / 20_000) * 100_000) / 1000 },
  };
}
