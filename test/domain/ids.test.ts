import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import {
  CASE_ID_PREFIX,
  isRequestId,
  isTaskId,
  monthKey,
  nextMonthlyId,
  nextRequestId,
  nextTaskId,
  SUGGESTION_ID_PREFIX,
} from '../../src/domain/ids';

test('the first request of a month gets sequence 001', () => {
  assert.equal(nextRequestId([], new Date('2024-07-10T03:00:00Z'), 'Asia/Shanghai'), 'XQ202407001');
});

test('the next request ID follows the highest of the month, gaps and order ignored', () => {
  const existing = ['XQ202407003', 'XQ202407001', 'XQ202406009', ' xq202407002 '];
  assert.equal(nextRequestId(existing, new Date('2024-07-20T03:00:00Z'), 'Asia/Shanghai'), 'XQ202407004');
});

test('the sequence restarts each month', () => {
  assert.equal(nextRequestId(['XQ202407012'], new Date('2024-08-01T03:00:00Z'), 'Asia/Shanghai'), 'XQ202408001');
});

test('the month is taken in the spreadsheet time zone', () => {
  // 2024-07-31 17:30 UTC is already 1 August in Shanghai.
  const instant = new Date('2024-07-31T17:30:00Z');
  assert.equal(monthKey(instant, 'Asia/Shanghai'), '202408');
  assert.equal(monthKey(instant, 'Europe/London'), '202407');
});

test('the thousandth request of a month still gets a unique ID', () => {
  assert.equal(nextRequestId(['XQ202407999'], new Date('2024-07-20T03:00:00Z'), 'UTC'), 'XQ2024071000');
});

test('task IDs carry the request digits and a 2-digit sequence per request', () => {
  assert.equal(nextTaskId('XQ202407001', []), 'RW202407001-01');
  assert.equal(nextTaskId('XQ202407001', ['RW202407001-01', 'RW202407002-05', 'RW202407001-03']), 'RW202407001-04');
});

test('a task ID cannot be made for something that is not a request ID', () => {
  assert.throws(() => nextTaskId('REQ-1', []), /Not a request ID/);
});

test('IDs are recognised by their shape', () => {
  assert.equal(isRequestId('XQ202407001'), true);
  assert.equal(isRequestId('XQ2024-07'), false);
  assert.equal(isTaskId('RW202407001-01'), true);
  assert.equal(isTaskId('RW202407001'), false);
});

test('case and suggestion IDs count per prefix and month, never reusing a request sequence', () => {
  const now = new Date('2024-07-20T03:00:00Z');
  const existing = ['AL202407002', 'XQ202407009', 'al202407004', 'AL202406011', 'JY202407001'];
  assert.equal(nextMonthlyId(CASE_ID_PREFIX, existing, now, 'UTC'), 'AL202407005');
  assert.equal(nextMonthlyId(SUGGESTION_ID_PREFIX, existing, now, 'UTC'), 'JY202407002');
  assert.equal(nextMonthlyId(SUGGESTION_ID_PREFIX, [], now, 'UTC'), 'JY202407001');
});
