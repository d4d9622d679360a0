/**
 * Every notice once (SPEC §3.5), on the built bundle with faults injected into the emulator's
 * services: a quota error at the k-th send, a transient "Service unavailable", a failed write, a
 * first scan that leaves a headerless log, and the run killed at seeded random moments. Each is
 * read as the recipients would: within the cooldown nobody gets a notice twice, everybody gets
 * theirs within two ticks after the fault, and every (notice, recipient) is on the log.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { FAULT_MESSAGES, sheetsApiError } from '../../emulator/faults';
import type { EmulatorOptions } from '../../emulator/index';
import type { LoadedProject } from '../../emulator/runtime';
import { sheetTitle } from '../../src/domain/schema';
import { loadBundle } from '../support/bundle';
import { logLines, logRows } from '../support/ledger';
import { writeOverdueTasks, writeSheet } from '../support/sheets';
import { at } from '../support/days';

/** Wall time in Shanghai, the emulator's default spreadsheet zone. */
/** The first tick: automation was turned on at 08:30, and the trigger runs hourly from then. */
const FIRST_TICK = at('2024-07-11T09:30');
const ALERT_SUBJECT = /^\[(协作预警|协作提醒|协作升级|Collab alert|Collab reminder|Collab escalation)\]/;
const COORDINATOR = 'pmo@corp.cn';
const DEPTS = ['市场部', '销售部', '产品部'];
const OWNERS = 12;

/**
 * Twelve tasks of twelve owners in three departments, due Wednesday 7/10 and behind: the first
 * daily scan, Thursday 09:00, tells 16 people (owners, heads, the coordinator) of overdue and
 * lagging work, and nothing new comes up until Friday. Automation is on from 08:30.
 */
function setUp(options: EmulatorOptions = {}): LoadedProject {
  const project = loadBundle({ now: at('2024-07-11T08:30'), activeUser: COORDINATOR, ...options });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(
    project,
    'departments',
    DEPTS.map((name, i) => ({ name, head: `head${i}@corp.cn`, sponsor: `vp${i}@corp.cn` })),
  );
  const owners = Array.from({ length: OWNERS }, (_, i) => ({
    name: `员工${i}`,
    email: `owner${i}@corp.cn`,
    dept: DEPTS[i % DEPTS.length],
  }));
  writeSheet(project, 'people', owners);
  writeOverdueTasks(project, owners);
  project.call('automationOn_');
  return project;
}

/** Hour by hour to `until`, running due triggers; a run that dies is what the fault did. */
function runUntil(project: LoadedProject, until: string): void {
  const { clock, triggers } = project.emulator;
  while (clock.now() < at(until)) {
    clock.advanceHours(1);
    try {
      triggers.emuRunDue();
    } catch {
      // Exceeded maximum execution time, a failed write: the next tick picks up.
    }
  }
}

/** Alert digests per recipient, as "RW… rule" lines each digest carried. */
function inbox(project: LoadedProject): Map<string, string[][]> {
  const byRecipient = new Map<string, string[][]>();
  for (const mail of project.emulator.mail.outbox) {
    if (!ALERT_SUBJECT.test(mail.subject)) continue;
    const items = mail.body.split('\n').filter((line) => /^\s*(-|•)?\s*RW\d/.test(line));
    const recipient = mail.to.join(',');
    byRecipient.set(recipient, [...(byRecipient.get(recipient) ?? []), items]);
  }
  return byRecipient;
}

/** (key|recipient) → statuses in the Notification log, a message row read as a line per key it carries. */
function ledger(project: LoadedProject): Map<string, string[]> {
  assert.ok(project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN')), 'the log exists');
  const result = new Map<string, string[]>();
  for (const line of logLines(project)) {
    const key = `${line.key}|${line.recipient}`;
    result.set(key, [...(result.get(key) ?? []), line.status]);
  }
  return result;
}

/** What the recipients get with no fault: the baseline every faulty run is held to. */
const baseline = (() => {
  const project = setUp();
  runUntil(project, '2024-07-11T12:00');
  return { inbox: inbox(project), ledger: ledger(project) };
})();

/**
 * Nobody got a notice twice; everybody got each of theirs (the same lines as without the fault),
 * or, for a send a dead run left in flight, the log says 未确认; every delivery is on the log as
 * sent or unconfirmed. Returns the deliveries left unconfirmed.
 */
function assertEveryNoticeOnce(project: LoadedProject, label: string): string[] {
  const got = inbox(project);
  const log = ledger(project);
  const unconfirmed: string[] = [];
  for (const [key, statuses] of baseline.ledger) {
    const final = log.get(key) ?? [];
    assert.ok(
      final.includes('已发送') || final.includes('未确认'),
      `${label}: ${key} is on the log as sent (got ${final.join(',')})`,
    );
    assert.ok(
      final.filter((s) => s === '已发送' || s === '未确认').length === 1,
      `${label}: ${key} told once (${final.join(',')}; baseline ${statuses.join(',')})`,
    );
    if (final.includes('未确认')) unconfirmed.push(key);
  }
  for (const [recipient, digests] of baseline.inbox) {
    const lines = (got.get(recipient) ?? []).flat().sort();
    assert.equal(new Set(lines).size, lines.length, `${label}: ${recipient} got no line twice`);
    const missing = digests.flat().filter((line) => !lines.includes(line));
    const maybeInFlight = unconfirmed.some((key) => key.endsWith(`|${recipient}`));
    if (!maybeInFlight) assert.deepEqual(missing, [], `${label}: ${recipient} got every notice`);
  }
  return unconfirmed;
}

test('without a fault each of the 16 people gets one digest at the first tick, and every delivery is logged sent', () => {
  assert.equal(baseline.inbox.size, 16);
  for (const digests of baseline.inbox.values()) assert.equal(digests.length, 1);
  for (const statuses of baseline.ledger.values()) assert.deepEqual(statuses, ['已发送']);
});

test.each([1, 2, 7, 16])('a quota error at send %i: the rest is queued and goes out at the next tick', (k) => {
  const project = setUp();
  project.emulator.faults.failOn({ method: 'MailApp.sendEmail', onCall: k, error: FAULT_MESSAGES.mailQuota });
  runUntil(project, '2024-07-11T09:00');
  const latest = [...ledger(project).values()].map((statuses) => statuses.at(-1));
  assert.ok(latest.filter((s) => s === '排队中').length > 0, 'what did not go out is queued, not failed');
  assert.deepEqual(
    latest.filter((s) => s === '待重试'),
    [],
    'a quota error is not a failed send: nothing more is tried',
  );
  runUntil(project, '2024-07-11T11:00');
  assert.deepEqual(assertEveryNoticeOnce(project, `quota at ${k}`), []);
});

test('a transient "Service unavailable" on two sends: both are retried at the next tick', () => {
  const project = setUp();
  project.emulator.faults.failOn({
    method: 'MailApp.sendEmail',
    onCall: 3,
    times: 2,
    error: FAULT_MESSAGES.unavailable,
  });
  runUntil(project, '2024-07-11T09:00');
  assert.equal(project.emulator.mail.outbox.filter((m) => ALERT_SUBJECT.test(m.subject)).length, 14);
  runUntil(project, '2024-07-11T11:00');
  assert.deepEqual(assertEveryNoticeOnce(project, 'transient'), []);
});

test('mail down: the run stops trying after three failures in a row; the rest is queued and everything goes out next tick', () => {
  const project = setUp();
  project.emulator.faults.failOn({
    method: 'MailApp.sendEmail',
    onCall: 1,
    times: 3,
    error: FAULT_MESSAGES.unavailable,
  });
  runUntil(project, '2024-07-11T09:00');
  const alerts = () => project.emulator.mail.outbox.filter((m) => ALERT_SUBJECT.test(m.subject)).length;
  assert.equal(alerts(), 0);
  const recipientsWith = (status: string) =>
    new Set(
      [...ledger(project)].filter(([, statuses]) => statuses.at(-1) === status).map(([key]) => key.split('|').at(-1)),
    ).size;
  assert.equal(recipientsWith('待重试'), 3, 'the three failed digests wait to be retried');
  assert.equal(recipientsWith('排队中'), baseline.inbox.size - 3, 'the rest was not tried');
  // Three attempts, not one per digest, while the service is down.
  assert.equal(project.emulator.calls.count('MailApp.sendEmail'), 3);
  runUntil(project, '2024-07-11T11:00');
  assert.deepEqual(assertEveryNoticeOnce(project, 'mail down'), []);
});

/** Another run's ledger lease, as it adds one: "<ms> <id>" under the lease key. */
function foreignLease(project: LoadedProject, at: Date): void {
  project.emulator.spreadsheet.addDeveloperMetadata('collabDesk.ledgerLease', `${at.getTime()} another-run`);
}

test('a tick meeting another run recording mail (its ledger lease) sends nothing then, and everything once it is done', () => {
  const project = setUp();
  // "Run checks now" is recording: its lease was taken a moment before the 09:30 tick.
  foreignLease(project, at('2024-07-11T09:29'));
  runUntil(project, '2024-07-11T09:00');
  assert.equal(project.emulator.mail.outbox.length, 0, 'the tick waited and gave up; nothing sent twice');
  assert.equal(project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN')), null);
  // The other run never let go (it died): its lease is void after 7 minutes, and the next tick runs.
  runUntil(project, '2024-07-11T10:00');
  assert.deepEqual(assertEveryNoticeOnce(project, 'lease'), []);
  const leases = project.emulator.spreadsheet.createDeveloperMetadataFinder().withKey('collabDesk.ledgerLease').find();
  assert.equal(leases.length, 0, 'no lease is left behind');
});

test('"Run checks now" while a tick records mail is asked to retry, in the user\'s language', () => {
  const project = setUp();
  project.emulator.clock.set(at('2024-07-11T09:31'));
  foreignLease(project, at('2024-07-11T09:30'));
  project.call('runChecksNow_');
  assert.match(project.emulator.ui.emuAlerts().at(-1)?.message ?? '', /另一项更新正在进行，请一分钟后重试/);
  assert.equal(project.emulator.mail.outbox.length, 0);
});

test.each([1, 2])(
  'a failed write (the %i-th batchUpdate of the scan: recording, then the marks after the sends) sends nothing twice',
  (n) => {
    const project = setUp();
    runUntil(project, '2024-07-11T08:30');
    writeSheet(project, 'notificationLog', []);
    project.emulator.faults.failOn({
      method: 'Sheets.Spreadsheets.Values.batchUpdate',
      onCall: n,
      error: sheetsApiError('values.batchUpdate'),
    });
    runUntil(project, '2024-07-11T12:00');
    const unconfirmed = assertEveryNoticeOnce(project, `write ${n}`);
    // A failed mark after a send leaves that send unconfirmed, never re-sent.
    assert.ok(unconfirmed.length <= 16, unconfirmed.join('\n'));
  },
);

test('a first scan whose log write fails leaves no headerless log: the next tick writes the header and sends', () => {
  const project = setUp();
  // The log this first scan creates gets its header and rows in one setValues, which fails.
  project.emulator.faults.failOn({ method: 'Range.setValues', onCall: 1, error: FAULT_MESSAGES.unavailable });
  runUntil(project, '2024-07-11T09:00');
  assert.equal(project.emulator.mail.outbox.length, 0, 'nothing is sent before it is recorded');
  runUntil(project, '2024-07-11T11:00');
  assert.deepEqual(assertEveryNoticeOnce(project, 'headerless log'), []);
});

test('the run killed at 50 seeded random moments: nothing twice, the rest within two ticks', () => {
  // How long the 09:00 run takes under the latency model, to kill it anywhere inside.
  const probe = setUp({ latency: true });
  writeSheet(probe, 'notificationLog', []);
  runUntil(probe, '2024-07-11T09:30');
  const lastSend = Math.max(...probe.emulator.mail.outbox.map((m) => m.sentAt.getTime()));
  const span = lastSend + 2_000 - FIRST_TICK.getTime();
  assert.ok(span > 10_000, `the run takes ${span} ms`);

  let seed = 20240711;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  let inFlight = 0;
  for (let i = 0; i < 50; i++) {
    const project = setUp({ latency: true });
    writeSheet(project, 'notificationLog', []);
    runUntil(project, '2024-07-11T08:30');
    const killAt = FIRST_TICK.getTime() + Math.floor(random() * span);
    project.emulator.faults.killAt(killAt);
    runUntil(project, '2024-07-11T11:00');
    const unconfirmed = assertEveryNoticeOnce(project, `kill at +${killAt - FIRST_TICK.getTime()} ms`);
    // Only the one message in flight when the run died can be in doubt.
    assert.ok(new Set(unconfirmed.map((key) => key.split('|').at(-1))).size <= 1, unconfirmed.join('\n'));
    inFlight += unconfirmed.length > 0 ? 1 : 0;
  }
  assert.ok(inFlight < 50);
});

test('the ledger marks a run of log rows in one range a column: no two writes of one batch are a block and the block right below it', () => {
  // Sends take time, so each row's time is marked beside its status.
  const project = setUp({ latency: true });
  // A log that exists before the scan is written through the Sheets API, as every day's but the first.
  writeSheet(project, 'notificationLog', []);
  const values = (project.emulator.globals.Sheets as GoogleAppsScript.Sheets).Spreadsheets!.Values!;
  const batchUpdate = values.batchUpdate.bind(values);
  const batches: string[][] = [];
  values.batchUpdate = (request, spreadsheetId) => {
    batches.push((request.data ?? []).map((range) => String(range.range)));
    return batchUpdate(request, spreadsheetId);
  };
  runUntil(project, '2024-07-11T12:00');
  const parse = (range: string) => {
    const [, from, top, to, bottom] = /!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range) ?? [];
    return { columns: `${from}:${to}`, top: Number(top), bottom: Number(bottom), sheet: range.split('!')[0] };
  };
  let statusMarks = 0;
  for (const ranges of batches) {
    const parsed = ranges.map(parse);
    parsed.forEach((range, i) => {
      if (range.sheet?.includes('通知记录') && range.columns === 'F:F') statusMarks++;
      // Any range of the batch, not only the one before: the time and status columns are marked row after row.
      const above = parsed.findIndex(
        (other) => other.sheet === range.sheet && other.columns === range.columns && other.bottom + 1 === range.top,
      );
      assert.ok(above < 0, `${ranges[above]} and ${ranges[i]} go as one range`);
    });
  }
  assert.ok(statusMarks > 0, 'the ledger marked statuses');
  assert.deepEqual(assertEveryNoticeOnce(project, 'merged marks'), []);
});

/**
 * A log as two weeks of an earlier version left it: 3,000 per-notice rows of other tasks, told
 * (the old ledger marked waves of as many messages as the log had 500 rows).
 */
const LARGE_OLD_LOG = Array.from({ length: 3_000 }, (_, i) => {
  const item = `RW202406${String(i).padStart(3, '0')}-01`;
  return {
    time: at(`2024-06-${String(28 + (i % 3)).padStart(2, '0')}T09:00`),
    rule: 'dueSoon',
    level: 'L1',
    item,
    recipients: `someone${i % 40}@corp.cn`,
    status: '已发送',
    key: `dueSoon|L1|${item}`,
  };
});

test('the 09:30 run over a large log killed after each of its service calls in turn: nothing twice, one message in doubt at most, the rest sent by the next tick', () => {
  const probe = setUp();
  writeSheet(probe, 'notificationLog', LARGE_OLD_LOG);
  runUntil(probe, '2024-07-11T08:30');
  probe.emulator.calls.reset();
  runUntil(probe, '2024-07-11T09:30');
  const calls = probe.emulator.calls.total();
  assert.ok(calls > 40, `the run makes ${calls} calls`);
  const inDoubt: number[] = [];
  for (let call = 1; call <= calls; call++) {
    const project = setUp();
    writeSheet(project, 'notificationLog', LARGE_OLD_LOG);
    runUntil(project, '2024-07-11T08:30');
    const kill = project.emulator.faults.killAtCall(call);
    runUntil(project, '2024-07-11T09:30');
    assert.ok(kill.firedOn, `the kill at call ${call} fired`);
    runUntil(project, '2024-07-11T11:00');
    const unconfirmed = assertEveryNoticeOnce(project, `killed at call ${call} (${kill.firedOn})`);
    const messages = new Set(unconfirmed.map((key) => key.split('|').at(-1)));
    assert.ok(messages.size <= 1, `call ${call}: ${[...messages].join(', ')}`);
    inDoubt.push(messages.size);
  }
  // The sweep reached the sends: a kill between a send's progress and the next leaves that one in doubt.
  assert.ok(inDoubt.includes(1) && inDoubt.includes(0), inDoubt.join(''));
});

/**
 * Another run's ledger lease entry that shows only once this run has added its own (it was
 * written a moment before, and its write was still landing): injected at this run's first sleep.
 */
function lateLease(project: LoadedProject, id: string, offsetMs: number): void {
  const { spreadsheet, calls } = project.emulator;
  let done = false;
  calls.observe((method) => {
    if (done || method !== 'Utilities.sleep') return;
    done = true;
    const [own] = spreadsheet.createDeveloperMetadataFinder().withKey('collabDesk.ledgerLease').find();
    const at = Number((own?.getValue() ?? '').split(' ')[0]);
    assert.ok(at > 0, 'this run added its lease entry before it slept');
    spreadsheet.addDeveloperMetadata('collabDesk.ledgerLease', `${at + offsetMs} ${id}`);
  });
}

test.each([
  ['an earlier entry', '9999', -1],
  ['an entry of the same millisecond ordered first', '0', 0],
])('a run whose lease entry shows late (%s) holds the ledger: the tick sends nothing meanwhile', (_, id, offset) => {
  const project = setUp();
  lateLease(project, String(id), Number(offset));
  runUntil(project, '2024-07-11T09:30');
  assert.equal(project.emulator.mail.outbox.length, 0, 'the other run holds the ledger; this one waited and gave up');
});

test.each([
  ['a later entry', 'zzzz', 1],
  ['an entry of the same millisecond ordered after', 'zzzz', 0],
])('a run whose lease entry shows late (%s) waits for this one: the tick sends everything', (_, id, offset) => {
  const project = setUp();
  lateLease(project, String(id), Number(offset));
  runUntil(project, '2024-07-11T09:30');
  assert.equal(inbox(project).size, baseline.inbox.size);
});

test('a weekly summary over quota is retried in place, the week generated, once per recipient; after 3 working days it fails and coordinators are told once', () => {
  const project = setUp();
  const { mail } = project.emulator;
  runUntil(project, '2024-07-15T08:00');
  mail.emuSetRemainingQuota(0);
  runUntil(project, '2024-07-15T20:00');
  const summaryRows = () => logRows(project).filter((row) => row['规则'] === '周报');
  const recipients = summaryRows().length;
  assert.ok(recipients > 0);
  assert.ok(summaryRows().every((row) => row['状态'] === '排队中' && row['事项'] === '2024-W28'));
  mail.emuSetRemainingQuota(100);
  runUntil(project, '2024-07-16T12:00');
  const summaries = mail.outbox.filter((m) => m.subject.includes('协作周报'));
  assert.equal(summaries.length, recipients, 'each recipient once');
  assert.ok(
    summaries.every((m) => m.subject.includes('2024-W28')),
    summaries.map((m) => m.subject).join('\n'),
  );
  assert.equal(summaryRows().length, recipients, 'no row added by the retries');

  const stuck = setUp();
  runUntil(stuck, '2024-07-15T08:00');
  // Mail fails from Monday on (quota resets daily, so a failing service keeps it waiting).
  const down = stuck.emulator.faults.failOn({
    method: 'MailApp.sendEmail',
    onCall: 1,
    times: Infinity,
    error: FAULT_MESSAGES.unavailable,
  });
  runUntil(stuck, '2024-07-18T09:00');
  assert.ok(down.fired > 0);
  stuck.emulator.faults.clear();
  runUntil(stuck, '2024-07-19T12:00');
  const failed = logRows(stuck).filter((row) => row['规则'] === '周报');
  assert.ok(failed.length > 0 && failed.every((row) => row['状态'] === '失败'), failed.map((r) => r['状态']).join());
  const told = stuck.emulator.mail.outbox.filter((m) => m.subject.includes('未能送达'));
  assert.deepEqual(
    told.map((m) => m.to.join()),
    [COORDINATOR],
  );
  assert.ok(stuck.emulator.mail.outbox.every((m) => !m.subject.includes('协作周报')));
});

test('a damaged log (headerless, typed in) is mended: what was typed stays and the digests go out that day', () => {
  const project = setUp();
  const sheet = project.emulator.spreadsheet.insertSheet(sheetTitle('notificationLog', 'zh-CN'));
  sheet.getRange(1, 1, 1, 2).setValues([['有人在这里打字', 42]]);
  runUntil(project, '2024-07-11T12:00');
  assert.deepEqual(assertEveryNoticeOnce(project, 'damaged log'), []);
  const values = sheet.getDataRange().getValues();
  assert.equal(values[0]?.[0], '时间 ⚙');
  assert.deepEqual(values[1]?.slice(0, 2), ['有人在这里打字', 42]);
});

test('a log with a column deleted gets its header back, keeps its rows and still sends the next day', () => {
  const project = setUp();
  runUntil(project, '2024-07-11T10:00');
  const log = project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN'))!;
  const before = log.getLastRow();
  // Someone deletes the key column (去重键, the 7th).
  log.deleteColumn(7);
  const sent = project.emulator.mail.outbox.length;
  runUntil(project, '2024-07-12T10:00');
  const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0]!;
  assert.ok(header.includes('去重键 ⚙'), header.join());
  assert.ok(log.getLastRow() > before, 'the next day is recorded below what was there');
  assert.ok(project.emulator.mail.outbox.length > sent, 'the digests still go out');
});

test.each([
  ['the tick', (project: LoadedProject) => runUntil(project, '2024-07-11T09:30')],
  [
    'Run checks now',
    (project: LoadedProject) => {
      project.emulator.clock.set(at('2024-07-11T09:31'));
      project.call('runChecksNow_');
    },
  ],
  [
    'Generate weekly summary, emailed',
    (project: LoadedProject) => {
      project.emulator.clock.set(at('2024-07-15T10:31'));
      project.emulator.ui.emuQueueAnswer(project.emulator.ui.ui.Button.YES);
      project.call('weeklySummary_');
    },
  ],
])('%s holds the ledger lease while its mail goes out', (_, run) => {
  const project = setUp();
  const leasesAtSends: number[] = [];
  project.emulator.calls.observe((method) => {
    if (method !== 'MailApp.sendEmail') return;
    const finder = project.emulator.spreadsheet.createDeveloperMetadataFinder();
    leasesAtSends.push(finder.withKey('collabDesk.ledgerLease').find().length);
  });
  run(project);
  assert.ok(leasesAtSends.length > 0, 'mail went out');
  assert.ok(
    leasesAtSends.every((n) => n === 1),
    leasesAtSends.join(),
  );
});
