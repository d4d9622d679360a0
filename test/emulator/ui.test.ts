import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createUi } from '../../emulator/services/ui';
import { createHtmlService } from '../../emulator/services/html';

function setup() {
  const ctx = createContext();
  return { ctx, ...createUi(ctx, { addonName: 'Collab Desk' }), html: createHtmlService(ctx, {}).HtmlService };
}

// https://developers.google.com/apps-script/reference/base/menu
test('a menu with items, separators and a submenu is readable as plain data', () => {
  const { ui, emuMenus } = setup();
  ui.createMenu('协作台')
    .addItem('新建需求', 'newRequest')
    .addSeparator()
    .addSubMenu(ui.createMenu('自动化').addItem('开启', 'automationOn_'))
    .addToUi();
  assert.deepEqual(emuMenus(), [
    {
      caption: '协作台',
      items: [
        { kind: 'item', caption: '新建需求', functionName: 'newRequest' },
        { kind: 'separator' },
        {
          kind: 'submenu',
          menu: { caption: '自动化', items: [{ kind: 'item', caption: '开启', functionName: 'automationOn_' }] },
        },
      ],
    },
  ]);
});

// https://developers.google.com/apps-script/reference/base/ui#createaddonmenu
test('the add-on menu is captioned with the add-on name, and items added after addToUi do not show', () => {
  const { ui, emuMenus } = setup();
  const menu = ui.createAddonMenu().addItem('Open sidebar', 'openSidebar');
  menu.addToUi();
  menu.addItem('Late', 'late');
  assert.equal(emuMenus()[0]!.caption, 'Collab Desk');
  assert.equal(emuMenus()[0]!.items.length, 1);
});

// https://developers.google.com/apps-script/reference/base/ui#showsidebaruserinterface
test('sidebars and dialogs are recorded with their HtmlOutput', () => {
  const { ui, html, emuSidebars, emuDialogs } = setup();
  ui.showSidebar(html.createHtmlOutput('<p>card</p>').setTitle('Task'));
  ui.showModalDialog(html.createHtmlOutput('<p>form</p>'), 'New request');
  assert.equal(emuSidebars()[0]!.getTitle(), 'Task');
  assert.equal(emuDialogs()[0]!.title, 'New request');
  assert.equal(emuDialogs()[0]!.modal, true);
});

// https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String): "This method
// does not suspend the server-side script while the dialog is open. To communicate with the server-side
// script, the client-side component must make asynchronous callbacks using the google.script API".
test('a modal dialog does not suspend the script: it returns at once and answers nothing, unlike an alert', () => {
  const { ui, html, emuDialogs, emuQueueAnswer } = setup();
  emuQueueAnswer(ui.Button.NO);
  const page = html.createHtmlOutput('<button>中文</button>').setWidth(560).setHeight(200);
  assert.equal(ui.showModalDialog(page, 'Set up workbook'), undefined);
  // The queued answer is still there for the next alert: the dialog took no button from it.
  assert.equal(ui.alert('Sure?', ui.ButtonSet.YES_NO), ui.Button.NO);
  const [shown] = emuDialogs();
  assert.deepEqual(
    [shown!.title, shown!.modal, shown!.html.getWidth(), shown!.html.getHeight()],
    ['Set up workbook', true, 560, 200],
  );
});

// https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers: a time-driven
// run has no user at a screen; getUi() and every dialog fail with the error Apps Script gives.
test('no dialog can be shown from a time-driven run', () => {
  const { ui, html, emuSetContext } = setup();
  emuSetContext('trigger');
  assert.throws(() => ui.showModalDialog(html.createHtmlOutput('<p>x</p>'), 'x'), /Cannot call SpreadsheetApp.getUi/);
});

// https://developers.google.com/apps-script/reference/base/ui#alertprompt
test('an alert with nothing queued is acknowledged with OK and recorded', () => {
  const { ui, emuAlerts } = setup();
  assert.equal(ui.alert('Saved'), ui.Button.OK);
  ui.alert('Title', 'Body', ui.ButtonSet.OK_CANCEL);
  assert.deepEqual(
    emuAlerts().map(({ title, message }) => ({ title, message })),
    [
      { title: '', message: 'Saved' },
      { title: 'Title', message: 'Body' },
    ],
  );
});

// https://developers.google.com/apps-script/reference/base/ui#alerttitle,-prompt,-buttons
test('queued answers are returned in order, and must be offered by the button set', () => {
  const { ui, emuQueueAnswer } = setup();
  emuQueueAnswer(ui.Button.NO);
  emuQueueAnswer(ui.Button.CANCEL);
  assert.equal(ui.alert('Archive?', 'Move 3 requests', ui.ButtonSet.YES_NO), ui.Button.NO);
  assert.throws(() => ui.alert('Archive?', 'Again', ui.ButtonSet.YES_NO), /not offered/);
});

// https://developers.google.com/apps-script/reference/base/prompt-response
test('a prompt returns the queued text and button', () => {
  const { ui, emuQueueAnswer } = setup();
  emuQueueAnswer(ui.Button.OK, 'XQ202407001');
  const response = ui.prompt('Request ID', ui.ButtonSet.OK_CANCEL);
  assert.equal(response.getResponseText(), 'XQ202407001');
  assert.equal(response.getSelectedButton(), ui.Button.OK);
  assert.equal(String(response.getSelectedButton()), 'OK');
});

// https://github.com/williamlmao/plaid-to-gsheets/issues/2 (time-driven trigger: "Cannot call SpreadsheetApp.getUi() from this context.")
test('in a trigger context the Ui cannot be used', () => {
  const { ui, getUi, emuSetContext } = setup();
  emuSetContext('trigger');
  assert.throws(() => getUi(), { message: 'Cannot call SpreadsheetApp.getUi() from this context.' });
  assert.throws(() => ui.alert('x'), { message: 'Cannot call SpreadsheetApp.getUi() from this context.' });
  emuSetContext('user');
  assert.equal(getUi(), ui);
});

test('every call is counted', () => {
  const { ctx, ui } = setup();
  ui.createMenu('m').addItem('a', 'f').addToUi();
  assert.equal(ctx.calls.count('Ui.createMenu'), 1);
  assert.equal(ctx.calls.count('Menu.addItem'), 1);
  assert.equal(ctx.calls.count('Menu.addToUi'), 1);
});
