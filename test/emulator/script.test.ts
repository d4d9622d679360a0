import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createScriptApp, type ScriptOptions } from '../../emulator/services/script';

const SPREADSHEET_ID = 'sheet-1';

function setup(options: ScriptOptions = {}) {
  // Monday 2024-07-01 01:20 UTC = 09:20 in Asia/Shanghai.
  const ctx = createContext('2024-07-01T01:20:00Z');
  const script = createScriptApp(ctx, { spreadsheetId: SPREADSHEET_ID, ...options });
  const runs: { name: string; event: Record<string, unknown> }[] = [];
  script.triggers.emuSetDispatcher((name, event) => runs.push({ name, event: event as Record<string, unknown> }));
  return { ctx, ...script, runs };
}

// https://developers.google.com/apps-script/reference/script/auth-mode
test('enums print as their names', () => {
  const { ScriptApp } = setup();
  assert.equal(String(ScriptApp.AuthMode.FULL), 'FULL');
  assert.equal(String(ScriptApp.EventType.ON_EDIT), 'ON_EDIT');
  assert.equal(String(ScriptApp.TriggerSource.SPREADSHEETS), 'SPREADSHEETS');
  assert.equal(String(ScriptApp.WeekDay.MONDAY), 'MONDAY');
  assert.equal(String(ScriptApp.AuthorizationStatus.REQUIRED), 'REQUIRED');
});

// https://developers.google.com/apps-script/reference/script/trigger
test('a time-driven trigger reports its handler, type and clock source', () => {
  const { ctx, ScriptApp } = setup();
  const trigger = ScriptApp.newTrigger('tick_').timeBased().everyHours(1).create();
  assert.equal(trigger.getHandlerFunction(), 'tick_');
  assert.equal(trigger.getEventType(), ScriptApp.EventType.CLOCK);
  assert.equal(trigger.getTriggerSource(), ScriptApp.TriggerSource.CLOCK);
  assert.equal(trigger.getTriggerSourceId(), null);
  assert.match(trigger.getUniqueId(), /^\d+$/);
  assert.deepEqual(ScriptApp.getProjectTriggers(), [trigger]);
  assert.equal(ctx.calls.count('ScriptApp.newTrigger'), 1);
  assert.equal(ctx.calls.count('ClockTriggerBuilder.create'), 1);
});

// https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers
test('an hourly trigger fires once per due run and never catches up on missed hours', () => {
  const { ctx, ScriptApp, triggers, runs } = setup();
  const trigger = ScriptApp.newTrigger('tick_').timeBased().everyHours(1).create();
  assert.equal(triggers.emuNextRunAt(trigger)?.toISOString(), '2024-07-01T02:00:00.000Z');
  assert.deepEqual(triggers.emuRunDue(), []);
  ctx.clock.set('2024-07-01T02:00:00Z');
  assert.deepEqual(triggers.emuRunDue(), [trigger]);
  assert.deepEqual(triggers.emuRunDue(), []);
  ctx.clock.advanceHours(5);
  triggers.emuRunDue();
  assert.equal(runs.length, 2);
  assert.equal(triggers.emuNextRunAt(trigger)?.toISOString(), '2024-07-01T08:00:00.000Z');
});

// https://developers.google.com/apps-script/guides/triggers/events#time-driven_events
test('the time-driven event carries the real fields, in UTC', () => {
  const { ctx, ScriptApp, triggers, runs } = setup();
  const trigger = ScriptApp.newTrigger('tick_').timeBased().everyHours(1).create();
  ctx.clock.set('2024-07-07T16:00:05Z'); // a Sunday
  triggers.emuRunDue();
  assert.deepEqual(runs[0], {
    name: 'tick_',
    event: {
      authMode: ScriptApp.AuthMode.FULL,
      triggerUid: trigger.getUniqueId(),
      year: 2024,
      month: 7,
      'day-of-month': 7,
      'day-of-week': 7,
      'week-of-year': 27,
      hour: 16,
      minute: 0,
      second: 5,
      timezone: 'UTC',
    },
  });
});

// https://developers.google.com/apps-script/reference/script/clock-trigger-builder#atHour(Integer)
test('atHour and onWeekDay follow the script time zone unless inTimezone says otherwise', () => {
  const { ScriptApp, triggers } = setup({ addOn: false });
  const daily = ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
  const weekly = ScriptApp.newTrigger('weekly').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9).create();
  const utc = ScriptApp.newTrigger('utc').timeBased().everyDays(1).atHour(9).inTimezone('UTC').create();
  // 09:00 Shanghai today has passed (it is 09:20), so the next one is tomorrow's.
  assert.equal(triggers.emuNextRunAt(daily)?.toISOString(), '2024-07-02T01:00:00.000Z');
  assert.equal(triggers.emuNextRunAt(weekly)?.toISOString(), '2024-07-08T01:00:00.000Z');
  assert.equal(triggers.emuNextRunAt(utc)?.toISOString(), '2024-07-01T09:00:00.000Z');
});

// https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyDays(Integer)
test('due triggers run in time order', () => {
  const { ctx, ScriptApp, triggers, runs } = setup({ addOn: false });
  ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
  ScriptApp.newTrigger('utcEvening').timeBased().everyDays(1).atHour(23).inTimezone('UTC').create();
  ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
  ctx.clock.set('2024-07-02T03:00:00Z');
  triggers.emuRunDue();
  assert.deepEqual(
    runs.map((r) => r.name),
    ['hourly', 'utcEvening', 'daily'],
  );
});

// https://developers.google.com/workspace/add-ons/concepts/editor-triggers (one trigger of each type per document)
// Message: https://github.com/ljay79/jira-tools/issues/53
test('an add-on may hold only one time-driven trigger per document', () => {
  const { ScriptApp } = setup();
  const first = ScriptApp.newTrigger('tick_').timeBased().everyHours(1).create();
  assert.throws(() => ScriptApp.newTrigger('other').timeBased().everyDays(1).atHour(9).create(), {
    message: 'This add-on has created too many time-based triggers in this document for this Google user account.',
  });
  ScriptApp.deleteTrigger(first);
  assert.equal(ScriptApp.getProjectTriggers().length, 0);
  ScriptApp.newTrigger('other').timeBased().everyDays(1).atHour(9).create();
});

// https://github.com/ttsukagoshi/mail-merge-for-gmail/issues/165
test('an add-on cannot create a time-driven trigger more frequent than hourly', () => {
  const { ScriptApp } = setup();
  assert.throws(() => ScriptApp.newTrigger('tick_').timeBased().everyMinutes(30).create(), {
    message: 'The recurrence interval for an Add-on trigger must be at least one hour.',
  });
  assert.equal(ScriptApp.getProjectTriggers().length, 0);
  const plain = setup({ addOn: false });
  plain.ScriptApp.newTrigger('tick_').timeBased().everyMinutes(30).create();
  assert.equal(plain.ScriptApp.getProjectTriggers().length, 1);
});

// https://developers.google.com/apps-script/guides/services/quotas (Triggers: 20 / user / script)
test('a script holds at most 20 triggers', () => {
  const { ScriptApp } = setup({ addOn: false });
  for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
  assert.throws(() => ScriptApp.newTrigger('f20').forSpreadsheet(SPREADSHEET_ID).onEdit().create(), {
    message: 'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  });
});

// https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)
test('spreadsheet triggers belong to their spreadsheet; an add-on gets one of each type', () => {
  const { ScriptApp } = setup();
  const spreadsheet = { getId: () => SPREADSHEET_ID };
  const onEdit = ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(spreadsheet).onEdit().create();
  const onOpen = ScriptApp.newTrigger('onOpenInstalled').forSpreadsheet(SPREADSHEET_ID).onOpen().create();
  const tick = ScriptApp.newTrigger('tick_').timeBased().everyHours(1).create();
  assert.equal(onEdit.getTriggerSource(), ScriptApp.TriggerSource.SPREADSHEETS);
  assert.equal(onEdit.getTriggerSourceId(), SPREADSHEET_ID);
  assert.equal(onOpen.getEventType(), ScriptApp.EventType.ON_OPEN);
  assert.deepEqual(ScriptApp.getUserTriggers(spreadsheet as GoogleAppsScript.Spreadsheet.Spreadsheet), [
    onEdit,
    onOpen,
    tick,
  ]);
  assert.deepEqual(ScriptApp.getUserTriggers({ getId: () => 'other' } as GoogleAppsScript.Spreadsheet.Spreadsheet), []);
  assert.throws(
    () => ScriptApp.newTrigger('again').forSpreadsheet(SPREADSHEET_ID).onEdit().create(),
    /too many edit triggers/,
  );
});

// https://developers.google.com/apps-script/guides/triggers/events#edit
test('emuFire runs an installable trigger with authMode FULL, its uid and the given fields', () => {
  const { ScriptApp, triggers, runs } = setup();
  const onEdit = ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(SPREADSHEET_ID).onEdit().create();
  triggers.emuFire(onEdit, { value: 'x' });
  assert.deepEqual(runs, [
    {
      name: 'onEditInstalled',
      event: { authMode: ScriptApp.AuthMode.FULL, triggerUid: onEdit.getUniqueId(), value: 'x' },
    },
  ]);
  ScriptApp.deleteTrigger(onEdit);
  assert.throws(() => triggers.emuFire(onEdit), /deleted/);
});

// https://developers.google.com/apps-script/reference/script/authorization-info
test('authorization is required only in FULL mode, with a URL to grant it', () => {
  const { ScriptApp, triggers } = setup();
  const full = () => ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  assert.equal(full().getAuthorizationStatus(), ScriptApp.AuthorizationStatus.NOT_REQUIRED);
  assert.equal(full().getAuthorizationUrl(), null);
  triggers.emuSetAuthorizationStatus(ScriptApp.AuthorizationStatus.REQUIRED);
  assert.equal(full().getAuthorizationStatus(), ScriptApp.AuthorizationStatus.REQUIRED);
  assert.match(full().getAuthorizationUrl(), /^https:\/\//);
  const limited = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.LIMITED);
  assert.equal(limited.getAuthorizationStatus(), ScriptApp.AuthorizationStatus.NOT_REQUIRED);
});
