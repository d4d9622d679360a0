/**
 * Run contexts: the same global run as a menu item, a simple trigger or an add-on's time-driven
 * trigger sees the services that context allows (SPEC §3.5, §4).
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { EmulatorOptions } from '../../emulator/index';
import { loadScript } from '../support/script';

const SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const SHEETS_API = { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] };

/** Each probe returns what it saw, or the message of what it was refused. */
const probe = `
function attempt(fn) { try { return fn(); } catch (e) { return 'refused: ' + e.message; } }
function installTick() { return ScriptApp.newTrigger('tick_').timeBased().everyHours(1).create().getUniqueId(); }
function countTriggers() { return ScriptApp.getProjectTriggers().length; }
var seen = [];
function seenRuns() { return seen; }
function tick_(e) {
  seen.push({
    user: Session.getActiveUser().getEmail(),
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet() === null ? null : 'active',
    documentLock: LockService.getDocumentLock() === null ? null : 'lock',
    documentProperties: PropertiesService.getDocumentProperties() === null ? null : 'properties',
    opened: attempt(function () { return SpreadsheetApp.openById(spreadsheetId).getName(); }),
    ui: attempt(function () { SpreadsheetApp.getUi(); return 'ui'; }),
  });
}
var spreadsheetId = '';
function remember(id) { spreadsheetId = id; }
function onEdit(e) {
  seen.push({
    authMode: String(e.authMode),
    user: Session.getActiveUser().getEmail(),
    mail: attempt(function () { MailApp.sendEmail('a@example.com', 'S', 'B'); return 'sent'; }),
    triggers: attempt(function () { return ScriptApp.getProjectTriggers().length; }),
    opened: attempt(function () { return SpreadsheetApp.openById(spreadsheetId).getName(); }),
    sheetsApi: attempt(function () { return Sheets.Spreadsheets.get(spreadsheetId).properties.title; }),
    active: SpreadsheetApp.getActiveSpreadsheet().getName(),
  });
}
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'open_').addToUi();
  seen.push({
    authMode: String(e.authMode),
    properties: attempt(function () { return PropertiesService.getDocumentProperties().getKeys().length; }),
    active: attempt(function () { return SpreadsheetApp.getActiveSpreadsheet().getName(); }),
  });
}
`;

function load(options: EmulatorOptions = {}) {
  const project = loadScript(probe, {
    now: '2024-07-01T01:20:00Z',
    manifest: { dependencies: SHEETS_API, oauthScopes: [SPREADSHEETS] },
    ...options,
  });
  project.call('remember', project.emulator.spreadsheet.getId());
  return project;
}

/** What the probe saw, as plain objects of this realm (the bundle's have the vm context's Object). */
function seenRuns(project: ReturnType<typeof load>): Record<string, unknown>[] {
  return JSON.parse(JSON.stringify(project.call('seenRuns'))) as Record<string, unknown>[];
}

function runTick(project: ReturnType<typeof load>) {
  project.call('installTick');
  project.emulator.clock.set('2024-07-01T02:00:00Z');
  project.emulator.triggers.emuRunDue();
  return seenRuns(project)[0];
}

// https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock() (Lock|null),
// https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties() (Properties|null),
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSpreadsheet() (Spreadsheet|null)
test("an add-on's time-driven trigger has no active spreadsheet, document lock or properties, and opens the workbook by ID", () => {
  assert.deepEqual(runTick(load({ triggerContext: 'addon' })), {
    user: 'coordinator@example.com',
    spreadsheet: null,
    documentLock: null,
    documentProperties: null,
    opened: 'Collab Desk',
    ui: 'refused: Cannot call SpreadsheetApp.getUi() from this context.',
  });
});

// The default is the context the add-on is deployed in; 'bound' keeps a bound script's behaviour.
test("by default a time-driven trigger runs as an add-on's, without the document", () => {
  assert.equal(runTick(load())?.spreadsheet, null);
});

test('with triggerContext bound a time-driven trigger sees the document, as a bound script does', () => {
  const seen = runTick(load({ triggerContext: 'bound' }));
  assert.equal(seen?.spreadsheet, 'active');
  assert.equal(seen?.documentLock, 'lock');
  assert.equal(seen?.documentProperties, 'properties');
});

// https://github.com/peterherrmann/BetterLog/issues/29 (openById needs the spreadsheets scope)
test("openById is refused when the manifest's scopes do not include spreadsheets", () => {
  const project = load({
    triggerContext: 'addon',
    manifest: { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] },
  });
  assert.equal(
    runTick(project)?.opened,
    `refused: You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SPREADSHEETS}`,
  );
});

// https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()
// ("associated with the current project and current user")
test("triggers are per user: one user's triggers are invisible to another, and each fires as its owner", () => {
  const project = load();
  const { session, triggers, clock } = project.emulator;
  session.emuSetActiveUser('a@example.com');
  project.call('installTick');
  session.emuSetActiveUser('b@example.com');
  assert.equal(project.call('countTriggers'), 0);
  project.call('installTick'); // not "too many triggers": the add-on limit is per user
  assert.equal(project.call('countTriggers'), 1);
  session.emuSetActiveUser('c@example.com');
  clock.set('2024-07-01T02:00:00Z');
  triggers.emuRunDue();
  const users = seenRuns(project).map((run) => run.user);
  assert.deepEqual(users, ['a@example.com', 'b@example.com']);
  assert.equal(session.emuCurrentUser(), 'c@example.com');
});

// https://developers.google.com/apps-script/guides/triggers#restrictions (no services that need authorization),
// messages: https://github.com/peterherrmann/BetterLog/issues/29, https://github.com/boilermaker-ben/Google-Sheets-NFL-Pick-Ems-and-Survivor-Pool/issues/16;
// MailApp's scope: https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String)
// (Authorization: script.send_mail); the Sheets API's wording is a guess.
test('a simple onEdit runs in LIMITED mode: mail, triggers, other files and the Sheets API are refused', () => {
  const project = load({ enforceSimpleTriggerAuth: true });
  project.runSimpleTrigger('onEdit', {});
  const refused = (method: string, scope: string) =>
    `refused: You do not have permission to call ${method}. Required permissions: ${scope}`;
  assert.deepEqual(seenRuns(project)[0], {
    authMode: 'LIMITED',
    user: 'coordinator@example.com',
    mail: refused('MailApp.sendEmail', 'https://www.googleapis.com/auth/script.send_mail'),
    triggers: refused('ScriptApp.getProjectTriggers', 'https://www.googleapis.com/auth/script.scriptapp'),
    opened: refused('SpreadsheetApp.openById', SPREADSHEETS),
    sheetsApi: refused('Sheets.Spreadsheets.get', SPREADSHEETS),
    active: 'Collab Desk',
  });
  assert.equal(project.emulator.mail.outbox.length, 0);
});

test('without enforcement a simple onEdit keeps every service, as today', () => {
  const project = load();
  project.call('onEdit', { authMode: 'LIMITED' });
  const seen = seenRuns(project)[0];
  assert.equal(seen?.mail, 'sent');
  assert.equal(seen?.triggers, 0);
});

// https://developers.google.com/apps-script/reference/base/session#getActiveUser()
// (no email without the user's authorization, unless developer and user share a Workspace domain)
test("in a simple trigger the active user's email is blank for a user outside the developer's domain", () => {
  const outside = load({
    enforceSimpleTriggerAuth: true,
    developerDomain: 'dev.example',
    activeUser: 'x@other.example',
  });
  outside.runSimpleTrigger('onEdit');
  assert.equal(seenRuns(outside)[0]?.user, '');
  const inside = load({ enforceSimpleTriggerAuth: true, developerDomain: 'dev.example', activeUser: 'y@dev.example' });
  inside.runSimpleTrigger('onEdit');
  assert.equal(seenRuns(inside)[0]?.user, 'y@dev.example');
});

// https://developers.google.com/apps-script/reference/script/auth-mode (NONE: no services that require
// authorization; the sample's document properties "doesn't work in AuthMode.NONE"); refusal wording a guess.
test('onOpen in AuthMode.NONE can build the menu but reaches neither properties nor the document', () => {
  const project = load({ enforceSimpleTriggerAuth: true });
  project.runSimpleTrigger('onOpen', { authMode: 'NONE' });
  project.runSimpleTrigger('onOpen');
  const [none, limited] = seenRuns(project);
  assert.equal(none?.authMode, 'NONE');
  assert.match(
    String(none?.properties),
    /^refused: You do not have permission to call PropertiesService\.getDocumentProperties/,
  );
  assert.match(
    String(none?.active),
    /^refused: You do not have permission to call SpreadsheetApp\.getActiveSpreadsheet/,
  );
  assert.deepEqual(limited, { authMode: 'LIMITED', properties: 0, active: 'Collab Desk' });
  assert.equal(project.emulator.ui.emuMenus()[0]?.items.length, 1);
});
