import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Clock, CallCounter, Runs, gasError } from '../../emulator/core';

test('the clock moves only when told', () => {
  const clock = new Clock('2024-07-01T00:00:00Z');
  clock.advanceHours(25);
  assert.equal(clock.now().toISOString(), '2024-07-02T01:00:00.000Z');
});

test('the call counter totals calls per method', () => {
  const calls = new CallCounter();
  calls.record('Range.getValues');
  calls.record('Range.getValues');
  calls.record('Range.setValues');
  assert.equal(calls.count('Range.getValues'), 2);
  assert.equal(calls.total(), 3);
});

// https://github.com/coltoneshaw/Metrics-For-Ministry/issues/83
// (a real failure printed as "Exception: The coordinates of the range are outside the dimensions of the sheet.")
test('service failures print as Apps Script exceptions', () => {
  assert.equal(String(gasError('Range not found')), 'Exception: Range not found');
});

test('estimated service time is kept by source, in seconds', () => {
  const calls = new CallCounter();
  calls.addTime('mail', 750);
  calls.addTime('mail', 250);
  calls.addTime('sheets', 65);
  const seconds = calls.seconds();
  assert.equal(seconds.mail, 1);
  assert.equal(seconds.sheets, 0.065);
  assert.equal(seconds.lock, 0);
  calls.reset();
  assert.equal(calls.seconds().mail, 0);
});

test('observers see each call with its cell count, and a throwing observer fails the call', () => {
  const calls = new CallCounter();
  const seen: string[] = [];
  calls.observe((method, cells) => seen.push(`${method}:${cells}`));
  calls.observe((method) => {
    if (method === 'MailApp.sendEmail') throw gasError('refused');
  });
  calls.record('Range.getValues', 12);
  assert.throws(() => calls.record('MailApp.sendEmail'), { message: 'refused' });
  assert.deepEqual(seen, ['Range.getValues:12', 'MailApp.sendEmail:0']);
});

test('a stopped run throws its stop error even when the script caught it, and the next run is fresh', () => {
  const clock = new Clock('2024-07-01T00:00:00Z');
  const runs = new Runs(clock);
  const context = { kind: 'menu', authMode: 'FULL', hasDocument: true, user: 'a@example.com' } as const;
  const stop = new Error('Exceeded maximum execution time');
  assert.throws(
    () =>
      runs.run(context, () => {
        runs.active()!.stopped = stop;
        return 'caught and carried on';
      }),
    (error) => error === stop,
  );
  assert.equal(runs.active(), null);
  assert.equal(
    runs.run(context, () => runs.context().user),
    'a@example.com',
  );
  assert.equal(runs.context().authMode, 'FULL');
});
