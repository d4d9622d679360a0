import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../src/domain/calendar';
import { dueJobs, type AutomationState } from '../../src/domain/schedule';
import { defaultSettings } from '../../src/domain/settings';
import { at } from '../support/days';

const settings = {
  ...defaultSettings({ locale: 'zh_CN', timeZone: 'Asia/Shanghai' }),
  holidays: ['2024-07-17'],
  workdaySwaps: ['2024-07-20'],
};
const calendar = new WorkCalendar(settings);
const jobs = (local: string, state: AutomationState = {}) => dueJobs(at(local), settings, calendar, state);

test('the daily scan is due once per working day from the scan hour on', () => {
  assert.equal(jobs('2024-07-15T08:59').scan, false);
  const monday = jobs('2024-07-15T09:00');
  assert.equal(monday.scan, true);
  assert.equal(monday.next.lastScanDay, '2024-07-15');
  assert.equal(jobs('2024-07-15T10:00', monday.next).scan, false);
  // A tick Google skipped at 09:00 is caught up later that day.
  assert.equal(jobs('2024-07-16T14:00', monday.next).scan, true);
});

test('no daily scan on days off; a swapped Saturday is a working day', () => {
  assert.equal(jobs('2024-07-17T09:00').scan, false); // holiday
  assert.equal(jobs('2024-07-21T09:00').scan, false); // Sunday
  assert.equal(jobs('2024-07-20T09:00').scan, true); // make-up Saturday
});

test('the weekly summary is due once, on its day from its hour on', () => {
  const monday = jobs('2024-07-15T09:30');
  assert.equal(monday.summary, true);
  assert.equal(monday.next.lastSummaryWeek, '2024-07-15');
  assert.equal(jobs('2024-07-15T11:00', monday.next).summary, false);
  assert.equal(jobs('2024-07-16T09:30', monday.next).summary, false);
  assert.equal(jobs('2024-07-22T09:30', monday.next).summary, true);
  const friday = dueJobs(at('2024-07-19T17:00'), { ...settings, summaryDay: 5, summaryHour: 17 }, calendar, {});
  assert.equal(friday.summary, true);
});
