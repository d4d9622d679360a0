import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadBundle } from '../support/bundle';

/** What src/main.ts exports is exactly what Apps Script may call. */
function mainExports(): string[] {
  const source = readFileSync('src/main.ts', 'utf8');
  return [...source.matchAll(/^export function (\w+)/gm)].map((match) => match[1]).sort();
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

test('onOpen builds the add-on menu in the user language', () => {
  for (const [userLocale, caption] of [['zh', '打开侧边栏'], ['en', 'Open sidebar']] as const) {
    const project = loadBundle({ userLocale });
    project.call('onOpen', { authMode: 'NONE' });
    const [menu] = project.emulator.ui.emuMenus();
    assert.ok(
      menu.items.some((item) => item.kind === 'item' && item.caption === caption && item.functionName === 'openSidebar_'),
    );
  }
});

test('the sidebar is one self-contained page with its script inlined', () => {
  const project = loadBundle({ userLocale: 'en' });
  project.call('openSidebar_');
  const [page] = project.emulator.ui.emuSidebars();
  assert.equal(page.getTitle(), 'Collab Desk');
  assert.match(page.getContent(), /<script>[^<]*textContent/);
  assert.doesNotMatch(page.getContent(), /<script[^>]+src=/);
});

test('the manifest runs on V8 with explicit, minimal OAuth scopes', () => {
  const manifest = JSON.parse(readFileSync('build/appsscript.json', 'utf8'));
  assert.equal(manifest.runtimeVersion, 'V8');
  assert.deepEqual([...manifest.oauthScopes].sort(), [
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/script.scriptapp',
    'https://www.googleapis.com/auth/script.send_mail',
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/userinfo.email',
  ]);
});

test('clasp would push exactly the manifest, the bundle and the sidebar', () => {
  const output = execFileSync('node_modules/.bin/clasp', ['status', '--json'], { encoding: 'utf8' });
  const status = JSON.parse(output.slice(output.indexOf('{')));
  assert.deepEqual([...status.filesToPush].sort(), ['build/Code.js', 'build/appsscript.json', 'build/sidebar.html']);
});
