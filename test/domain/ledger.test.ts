import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../src/domain/calendar';
import { compareDeliveries, messageDrafts, planDeliveries, type Delivery } from '../../src/domain/delivery';
import {
  entriesOf,
  keysCell,
  messageId,
  parseKeys,
  retriesEnded,
  settledStatus,
  type LedgerRow,
} from '../../src/domain/ledger';
import type { Notice } from '../../src/domain/notice';
import { defaultSettings } from '../../src/domain/settings';
import { CELL_MAX_CHARS } from '../../src/domain/values';
import { at } from '../support/days';

const settings = defaultSettings({ locale: 'zh_CN', timeZone: 'Asia/Shanghai' });
const calendar = new WorkCalendar(settings);

const row = (overrides: Partial<LedgerRow>): LedgerRow => ({
  time: at('2024-07-10T09:00'),
  rule: 'digest',
  level: 'L2',
  item: 'RW1-01, RW1-02',
  recipients: ['a@x.cn'],
  status: 'sent',
  keys: ['overdue|L2|RW1-01', 'dueSoon|L1|RW1-02'],
  message: messageId('run1', 3),
  recordedAt: at('2024-07-10T09:00'),
  attempts: 0,
  ...overrides,
});

test('a message row is read as a notice per key it carries; a per-notice row of an earlier version as it was', () => {
  assert.deepEqual(
    entriesOf(row({})).map((entry) => `${entry.rule} ${entry.level} ${entry.item} ${entry.recipients.join()}`),
    ['overdue L2 RW1-01 a@x.cn', 'dueSoon L1 RW1-02 a@x.cn'],
  );
  const legacy = row({
    rule: 'overdue',
    item: 'RW1-01',
    recipients: ['a@x.cn', 'b@x.cn'],
    keys: ['overdue|L2|RW1-01'],
    message: '',
  });
  assert.deepEqual(entriesOf(legacy), [
    {
      time: legacy.time,
      rule: 'overdue',
      level: 'L2',
      item: 'RW1-01',
      recipients: ['a@x.cn', 'b@x.cn'],
      status: 'sent',
      key: 'overdue|L2|RW1-01',
    },
  ]);
  assert.deepEqual(parseKeys(keysCell(['a|L1|x', 'b|L2|y'])), ['a|L1|x', 'b|L2|y']);
});

test('rows a dead run left sending are settled by how far it got: before it sent, the one under way in doubt, after it queued', () => {
  const under = { run: 'run1', order: 3, done: false };
  assert.deepEqual(
    [1, 2, 3, 4, 5].map((order) => settledStatus(messageId('run1', order), under)),
    ['sent', 'sent', 'unconfirmed', 'queued', 'queued'],
  );
  // Every send finished: nothing in doubt.
  const done = { run: 'run1', order: 3, done: true };
  assert.deepEqual(
    [2, 3].map((order) => settledStatus(messageId('run1', order), done)),
    ['sent', 'queued'],
  );
  // A run that died before its first send left no progress (or another run's): all of it goes again.
  assert.equal(settledStatus(messageId('run2', 1), under), 'queued');
  assert.equal(settledStatus(messageId('run2', 1), undefined), 'queued');
  // A row of an earlier version says nothing of how far its run got.
  assert.equal(settledStatus('', under), 'unconfirmed');
});

test('a waiting message fails for good 3 working days after it was recorded, weekends not counted', () => {
  const waiting = row({ status: 'retry', recordedAt: at('2024-07-11T09:00') });
  assert.equal(retriesEnded(waiting, at('2024-07-15T09:00'), calendar), false, 'Thursday to Monday: 2 working days');
  assert.equal(retriesEnded(waiting, at('2024-07-16T09:00'), calendar), true, 'Tuesday: 3');
  assert.equal(retriesEnded({ ...waiting, status: 'sent' }, at('2024-07-20T09:00'), calendar), false);
});

test('a digest whose keys would not fit one cell goes as several messages, every notice in one of them', () => {
  const notices: Notice[] = Array.from({ length: 3_000 }, (_, i) => ({
    rule: 'overdue',
    level: 'L2',
    item: `RW202407001-${String(i + 1).padStart(4, '0')}`,
    sheet: 'tasks',
    row: i + 2,
    title: `任务${i}`,
    to: ['pmo@x.cn'],
    cc: [],
    facts: {},
  }));
  const plan = planDeliveries(notices, [], {
    now: at('2024-07-10T09:00'),
    calendar,
    cooldownHours: 24,
    emailMode: 'send',
    quota: 100,
  });
  assert.ok(plan.digests.length >= 2);
  assert.ok(plan.digests.every((digest) => digest.recipient === 'pmo@x.cn'));
  const drafts = messageDrafts(plan, 'send').mail;
  assert.equal(drafts.length, plan.digests.length);
  for (const draft of drafts) assert.ok(keysCell(draft.keys).length <= CELL_MAX_CHARS);
  assert.equal(new Set(drafts.flatMap((draft) => draft.keys)).size, 3_000);
});

test('a key names its rule, level and item whatever follows them, and a message row carries its failed sends', () => {
  const entries = entriesOf(row({ keys: ['signOffPending|L1|XQ1-01|2', 'cellBudget|L1', 'weekly'], attempts: 2 }));
  assert.deepEqual(
    entries.map(({ rule, level, item, key, attempts }) => ({ rule, level, item, key, attempts })),
    [
      { rule: 'signOffPending', level: 'L1', item: 'XQ1-01', key: 'signOffPending|L1|XQ1-01|2', attempts: 2 },
      { rule: 'cellBudget', level: 'L1', item: '', key: 'cellBudget|L1', attempts: 2 },
      { rule: 'weekly', level: '', item: '', key: 'weekly', attempts: 2 },
    ],
  );
  assert.deepEqual(parseKeys(' a|L1|x \n\n  \nb|L2|y'), ['a|L1|x', 'b|L2|y']);
});

test('a digest lists its items in the collator’s order: IDs, and names whose case the collator weighs after their letters', () => {
  const listed = (items: string[]) => {
    const notices: Notice[] = items.map((item, i) => ({
      rule: 'overdue',
      level: 'L2',
      item,
      sheet: 'tasks',
      row: i + 2,
      title: item,
      to: ['pmo@x.cn'],
      cc: [],
      facts: {},
    }));
    const plan = planDeliveries(notices, [], {
      now: at('2024-07-10T09:00'),
      calendar,
      cooldownHours: 24,
      emailMode: 'send',
      quota: 100,
    });
    return plan.digests.flatMap((digest) => digest.deliveries.map((delivery) => delivery.notice.item));
  };
  const byCollator = (items: string[]) => [...items].sort(new Intl.Collator().compare);
  const ids = ['RW1-10', 'RW1-9', 'RW1-1A', 'ACT-0Z9', 'RW1-', 'XQ2', 'RW10-1'];
  assert.deepEqual(listed(ids), byCollator(ids));
  const names = ['b-task', 'B-task', 'a-task', 'A-TASK', 'RW1-2', 'rw1-1'];
  assert.deepEqual(listed(names), byCollator(names));
});

test('what is still open is listed in the order of the digest: level, then rule, then item by the collator', () => {
  const items = ['b-task', 'RW1-10', 'A-task', 'RW1-9', 'a-task'];
  const notices: Notice[] = items.flatMap((item, i) =>
    (['overdue', 'stale'] as const).map((rule) => ({
      rule,
      level: rule === 'overdue' ? ('L2' as const) : ('L1' as const),
      item,
      sheet: 'tasks' as const,
      row: i + 2,
      title: item,
      to: ['pmo@x.cn'],
      cc: [],
      facts: {},
    })),
  );
  // Told on the two working days before: the repeat waits two working days, so each is still open.
  const log = notices.flatMap((notice) =>
    ['2024-07-08T09:00', '2024-07-09T09:00'].map((time) => ({
      time: at(time),
      rule: notice.rule,
      level: notice.level,
      item: notice.item,
      recipients: ['pmo@x.cn'],
      status: 'sent' as const,
      key: `${notice.rule}|${notice.level}|${notice.item}`,
    })),
  );
  // One new notice, so the recipient gets a digest that lists what is still open.
  const plan = planDeliveries([...notices, { ...notices[0]!, rule: 'blocked', item: 'RW2-1' }], log, {
    now: at('2024-07-10T09:00'),
    calendar,
    cooldownHours: 24,
    emailMode: 'send',
    quota: 100,
  });
  const line = (delivery: Delivery) => `${delivery.notice.rule} ${delivery.notice.item}`;
  assert.equal(plan.coolingDown.length, notices.length);
  assert.deepEqual(
    plan.digests[0]!.stillOpen.map(({ delivery }) => line(delivery)),
    [...plan.coolingDown].sort(compareDeliveries).map(line),
  );
});
