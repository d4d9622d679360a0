import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Clock, CallCounter, gasError } from '../../emulator/core';

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
