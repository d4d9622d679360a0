import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadBundle } from '../support/bundle';

/** What src/main.ts exports is exactly what Apps Script may call. */
function mainExports(): string[] {
  const source = readFileSync('src/main.ts', 'utf8');
  return [...source.matchAll(/^export function (\w+)/gm)].map((match) => match[1]!).sort();
}

test('the bundle declares a global function for each export of main.ts and nothing else', () => {
  const project = loadBundle();
  assert.deepEqual(project.globalFunctions, mainExports());
  assert.ok(project.globalFunctions.includes('onOpen'));
});

test('helpers inside the bundle stay private', () => {
  const code = readFileSync('build/Code.js', 'utf8');
  const topLevelFunctions = [...code.matchAll(/^function (\w+)\(/gm)].map((match) => match[1]).sort();
  assert.deepEqual(topLevelFunctions, mainExports());
});

test('the sidebar cannot call menu and trigger handlers, whose names end in _', () => {
  const project = loadBundle();
  assert.throws(() => project.runFromSidebar('openSidebar_'), /Script function not found: openSidebar_/);
});

type MenuData = ReturnType<ReturnType<typeof loadBundle>['emulator']['ui']['emuMenus']>[number];

/** Every clickable item of a menu, submenus included, as [caption, handler]. */
function menuItems(menu: MenuData): [string, string][] {
  return menu.items.flatMap((entry): [string, string][] => {
    if (entry.kind === 'item') return [[entry.caption, entry.functionName]];
    if (entry.kind === 'submenu') return menuItems(entry.menu);
    return [];
  });
}

test('onOpen builds the add-on menu in the user language, without reading the workbook', () => {
  for (const [userLocale, setup, automationOn] of [
    ['zh', '设置工作簿', '开启'],
    ['en', 'Set up workbook', 'Turn on'],
  ] as const) {
    const project = loadBundle({ userLocale });
    project.emulator.calls.reset();
    project.call('onOpen', { authMode: 'NONE' });
    const items = menuItems(project.emulator.ui.emuMenus()[0]!);
    assert.ok(items.some(([caption, handler]) => caption === setup && handler === 'setupWorkbook_'));
    assert.ok(items.some(([caption, handler]) => caption === automationOn && handler === 'automationOn_'));
    assert.deepEqual(
      Object.keys(project.emulator.calls.snapshot()).filter((method) => /^(Range|Sheet|Spreadsheet)\./.test(method)),
      [],
    );
  }
});

test('every menu item runs a function the bundle declares', () => {
  const project = loadBundle();
  project.call('onOpen');
  const handlers = menuItems(project.emulator.ui.emuMenus()[0]!).map(([, handler]) => handler);
  assert.ok(handlers.length >= 10);
  for (const handler of handlers) assert.ok(project.globalFunctions.includes(handler), handler);
});

test('the sidebar is one self-contained page with its script inlined', () => {
  const project = loadBundle({ userLocale: 'en' });
  project.call('openSidebar_');
  const [page] = project.emulator.ui.emuSidebars();
  assert.equal(page!.getTitle(), 'Collab Desk');
  assert.match(page!.getContent(), /<script>[^<]*textContent/);
  assert.doesNotMatch(page!.getContent(), /<script[^>]+src=/);
});

test('the manifest runs on V8 with explicit OAuth scopes and the Sheets API the scan reads through', () => {
  const manifest = JSON.parse(readFileSync('build/appsscript.json', 'utf8'));
  assert.equal(manifest.runtimeVersion, 'V8');
  // The Sheets API accepts no "current spreadsheet only" scope: spreadsheets it must be.
  assert.deepEqual([...manifest.oauthScopes].sort(), [
    'https://www.googleapis.com/auth/script.container.ui',
    // Group robots (SPEC §3.8), only to the platforms urlFetchWhitelist names.
    'https://www.googleapis.com/auth/script.external_request',
    'https://www.googleapis.com/auth/script.scriptapp',
    'https://www.googleapis.com/auth/script.send_mail',
    'https://www.googleapis.com/auth/spreadsheets',
    'https://www.googleapis.com/auth/userinfo.email',
  ]);
  assert.ok(manifest.urlFetchWhitelist.every((prefix: string) => /^https:\/\/[a-z.]+\/.+\/$/.test(prefix)));
  assert.deepEqual(manifest.dependencies.enabledAdvancedServices, [
    { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
  ]);
});

test("clasp would push exactly the manifest, the bundle, the sidebar and the menus' dialog", () => {
  const output = execFileSync('node_modules/.bin/clasp', ['status', '--json'], { encoding: 'utf8' });
  const status = JSON.parse(output.slice(output.indexOf('{')));
  assert.deepEqual([...status.filesToPush].sort(), [
    'build/Code.js',
    'build/appsscript.json',
    'build/dialog.html',
    'build/sidebar.html',
  ]);
});
