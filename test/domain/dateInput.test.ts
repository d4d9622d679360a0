/** Dates typed in forms Sheets leaves as text or takes for a number (issue 21 point 7). */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { dateOfTyped } from '../../src/domain/dateInput';

const ZONE = 'Asia/Shanghai';
const iso = (typed: string | number) => dateOfTyped(typed, ZONE)?.toISOString();

test('year-first text with any separator, and yyyyMMdd digits, are the date they say, in the given zone', () => {
  const midnight = '2024-08-19T16:00:00.000Z';
  for (const typed of ['2024.8.20', '2024年8月20日', '2024-8-20', '2024/08/20', ' 2024.08.20 ', '20240820', 20240820]) {
    assert.equal(iso(typed), midnight, String(typed));
  }
  assert.equal(iso('2024.8.20 18:30'), '2024-08-20T10:30:00.000Z');
  assert.equal(dateOfTyped('2024.8.20', 'America/New_York')?.toISOString(), '2024-08-20T04:00:00.000Z');
});

test('nothing is guessed: day or month first, a missing year, a day that does not exist, other numbers', () => {
  for (const typed of [
    '20.8.2024',
    '8.20.2024',
    '8.20',
    '8月20日',
    '2024.2.30',
    '20240230',
    '下周五',
    45524,
    2024082,
    20241320,
  ]) {
    assert.equal(dateOfTyped(typed, ZONE), undefined, String(typed));
  }
});
