/** 通知记录 YYYY's lines (SPEC §3.7): one per key, status and month, every recipient tallied. */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { compact, covers } from '../../src/domain/logRetention';
import type { LogEntry } from '../../src/domain/told';
import { at } from '../support/days';

const ZONE = 'Asia/Shanghai';

const entry = (local: string, recipient: string, status: LogEntry['status'] = 'sent'): LogEntry => ({
  time: at(local),
  rule: 'overdue',
  level: 'L2',
  item: 'RW202405001-01',
  recipients: [recipient],
  status,
  key: 'overdue|L2|RW202405001-01',
});

/** A line as "month key status ×rows first–last: recipients ×rows …last". */
const shown = (lines: ReturnType<typeof compact>) =>
  lines.map(
    (line) =>
      `${line.month} ${line.status} ×${line.rows} ${line.first.toISOString()}–${line.last.toISOString()}: ` +
      line.recipients
        .map((tally) => `${tally.recipients.join(',')} ×${tally.rows} …${tally.last.toISOString()}`)
        .join('; '),
  );

test('the rows of one key and status in a month are one line, each recipient tallied, a later week merging into it', () => {
  const firstWeek = [
    entry('2024-05-06T09:00', 'owner@corp.cn'),
    entry('2024-05-06T09:00', 'head@corp.cn'),
    entry('2024-05-07T09:00', 'owner@corp.cn'),
    entry('2024-05-07T09:00', 'head@corp.cn'),
    entry('2024-05-07T10:00', 'owner@corp.cn', 'failed'),
  ];
  const lines = compact([], firstWeek, ZONE);
  // The next week, and one that runs into June: May's rows join May's lines, June's start its own.
  const later = compact(
    lines,
    [
      entry('2024-05-13T09:00', 'owner@corp.cn'),
      entry('2024-05-31T09:00', 'vp@corp.cn'),
      entry('2024-06-01T09:00', 'owner@corp.cn'),
    ],
    ZONE,
  );
  assert.deepEqual(shown(later), [
    '2024-05 sent ×6 2024-05-06T01:00:00.000Z–2024-05-31T01:00:00.000Z: ' +
      'owner@corp.cn ×3 …2024-05-13T01:00:00.000Z; head@corp.cn ×2 …2024-05-07T01:00:00.000Z; vp@corp.cn ×1 …2024-05-31T01:00:00.000Z',
    '2024-05 failed ×1 2024-05-07T02:00:00.000Z–2024-05-07T02:00:00.000Z: owner@corp.cn ×1 …2024-05-07T02:00:00.000Z',
    '2024-06 sent ×1 2024-06-01T01:00:00.000Z–2024-06-01T01:00:00.000Z: owner@corp.cn ×1 …2024-06-01T01:00:00.000Z',
  ]);
  // The lines given are not changed: a caller may still read them.
  assert.equal(lines[0]?.rows, 4);
});

test("a line covers a live row only up to its recipients' last archived row, not its whole range", () => {
  // head's rows moved up to the 10th; owner's only up to the 7th (the rest still read by a rule).
  const [line] = compact(
    [],
    [entry('2024-05-07T09:00', 'owner@corp.cn'), entry('2024-05-10T09:00', 'head@corp.cn')],
    ZONE,
  );
  assert.ok(line);
  assert.equal(covers(line, entry('2024-05-07T09:00', 'owner@corp.cn'), ZONE), true);
  assert.equal(covers(line, entry('2024-05-08T09:00', 'owner@corp.cn'), ZONE), false);
  assert.equal(covers(line, entry('2024-05-08T09:00', 'head@corp.cn'), ZONE), true);
  assert.equal(covers(line, entry('2024-05-08T09:00', 'vp@corp.cn'), ZONE), false);
  assert.equal(covers(line, entry('2024-05-07T09:00', 'owner@corp.cn', 'failed'), ZONE), false);
});
