/**
 * The time budget (SPEC §3.5) on the built bundle under the latency model: a worst-case workbook
 * of 10,000 tasks, where nearly every rule fires for every task, asks for more digests than one
 * run can mail before Apps Script's 6-minute limit. No run passes runBudgetSeconds by more than
 * the send it started; what is left goes out over the following ticks, each digest once.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { LoadedProject } from '../../emulator/runtime';
import { loadBundle } from '../support/bundle';
import { logLines } from '../support/ledger';
import { writeSheet } from '../support/sheets';
import { at } from '../support/days';

const DAY = 86_400_000;
const COORDINATOR = 'pmo@corp.cn';
const TASKS = 10_000;
const PEOPLE = TASKS / 20;
const DEPARTMENTS = 10;

/** bench/scan.ts's worst case: in progress or blocked, due from 10 days ago to 20 ahead, half done, stale. */
function worstCase(now: number): LoadedProject {
  const project = loadBundle({ now: new Date(now), activeUser: COORDINATOR, latency: true, dailyMailQuota: 1_500 });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(
    project,
    'departments',
    Array.from({ length: DEPARTMENTS }, (_, d) => ({
      name: `部门${d}`,
      head: `head${d}@corp.cn`,
      sponsor: `vp${d}@corp.cn`,
    })),
  );
  writeSheet(
    project,
    'people',
    Array.from({ length: PEOPLE }, (_, p) => ({
      name: `员工${p}`,
      email: `p${p}@corp.cn`,
      dept: `部门${p % DEPARTMENTS}`,
    })),
  );
  writeSheet(project, 'requests', [
    { id: 'XQ202407001', title: '基准', dept: '部门0', requester: COORDINATOR, goal: '基准', status: '执行中' },
  ]);
  writeSheet(
    project,
    'tasks',
    Array.from({ length: TASKS }, (_, i) => ({
      id: `RW202407001-${String(i + 1).padStart(2, '0')}`,
      request: 'XQ202407001',
      name: `任务 ${i + 1}`,
      dept: `部门${i % DEPARTMENTS}`,
      owner: `员工${i % PEOPLE}`,
      start: new Date(now - 10 * DAY),
      due: new Date(now + ((i % 30) - 10) * DAY),
      status: i % 10 === 6 ? '阻塞' : '进行中',
      pct: 0.5,
      lastUpdate: new Date(now - (1 + (i % 5)) * DAY),
    })),
  );
  writeSheet(project, 'notificationLog', []);
  return project;
}

test('a worst-case 10,000-task scan never runs past its budget and finishes over the following ticks', () => {
  const project = worstCase(at('2024-07-11T08:30').getTime());
  project.call('automationOn_');
  const { clock, triggers, mail } = project.emulator;
  const runs: { sends: number; lastSendSeconds: number }[] = [];
  // The timeline is a view (SPEC §2.8): refreshed after the mail, never in a run whose mail used its budget.
  const timelineAfter: boolean[] = [];
  // Ticks until a tick has nothing left to send.
  for (let hour = 0; hour < 8; hour++) {
    clock.set(at(`2024-07-11T${String(9 + hour).padStart(2, '0')}:30`));
    const start = clock.now().getTime();
    const before = mail.outbox.length;
    triggers.emuRunDue();
    const sent = mail.outbox.slice(before);
    timelineAfter.push(project.emulator.spreadsheet.getSheetByName('时间线') !== null);
    if (sent.length === 0) break;
    const last = Math.max(...sent.map((m) => m.sentAt.getTime()));
    runs.push({ sends: sent.length, lastSendSeconds: (last - start) / 1000 });
  }
  assert.ok(runs.length >= 2, `more than one run's worth of digests: ${JSON.stringify(runs)}`);
  // The budget is 270 s; a send started just before it ends within about a second.
  for (const run of runs) assert.ok(run.lastSendSeconds <= 272, JSON.stringify(runs));
  assert.equal(timelineAfter[0], false, 'the scan that ran out of time left the timeline for a later tick');
  assert.equal(timelineAfter.at(-1), true, `a later tick of the day refreshed it: ${timelineAfter.join()}`);
  // One digest a recipient, or one in parts ("(1/2)", "(2/2)") when it carries more notices than a
  // log row holds (a head of 1,000 late tasks): the parts carry different notices.
  const perRecipient = new Map<string, string[]>();
  for (const m of mail.outbox)
    perRecipient.set(m.to.join(','), [...(perRecipient.get(m.to.join(',')) ?? []), m.subject]);
  for (const [recipient, subjects] of perRecipient) {
    if (subjects.length === 1) continue;
    const parts = subjects.map((subject) => /\((\d+)\/(\d+)\)$/.exec(subject)?.slice(1).join('/')).sort();
    const total = subjects.length;
    assert.deepEqual(
      parts,
      Array.from({ length: total }, (_, i) => `${i + 1}/${total}`),
      `${recipient}: ${subjects.join(' | ')}`,
    );
  }
  // Every (notice, recipient) went out once: on one message row, marked sent.
  const told = new Map<string, string[]>();
  for (const line of logLines(project))
    told.set(`${line.key}|${line.recipient}`, [...(told.get(`${line.key}|${line.recipient}`) ?? []), line.status]);
  assert.deepEqual([...new Set([...told.values()].map((statuses) => statuses.join()))], ['已发送']);
});
