/**
 * The built sidebar in a real headless Chromium (Debian's /usr/bin/chromium, never a downloaded
 * browser), its google.script.run bridged to an emulated project: each server call runs
 * `project.runFromSidebar`, which refuses `_` names and copies payloads like the real transport.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { LoadedProject } from '../../emulator/runtime';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];
/** Apps Script sidebars are 300 px wide. */
const VIEWPORT = { width: 300, height: 900 };
/** The page is served from a name no resolver knows; Playwright answers it, nothing leaves the machine. */
const SIDEBAR_URL = 'https://sidebar.collab-desk.test/';

/**
 * google.script.run as the page sees it: withSuccessHandler / withFailureHandler / withUserObject
 * chain, any other name calls the server asynchronously, and a failure reaches the handler as an
 * Error. Kept as source text: the page must get it verbatim, not as transpiled Node code.
 */
export const RUN_SHIM = `
(() => {
  function runner(onSuccess, onFailure, userObject) {
    return new Proxy({}, {
      get(_target, name) {
        if (name === 'withSuccessHandler') return (handler) => runner(handler, onFailure, userObject);
        if (name === 'withFailureHandler') return (handler) => runner(onSuccess, handler, userObject);
        if (name === 'withUserObject') return (object) => runner(onSuccess, onFailure, object);
        if (typeof name !== 'string') return undefined;
        return (...args) => {
          window.__runFromSidebar(name, args).then((answer) => {
            if (answer.ok) {
              if (onSuccess) onSuccess(answer.value, userObject);
            } else if (onFailure) {
              onFailure(new Error(answer.message), userObject);
            } else {
              console.error(answer.message);
            }
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null, undefined) } };
})();
`;

type Answer = { ok: true; value: unknown } | { ok: false; message: string };

export interface SidebarPage {
  readonly page: Page;
  /** Uncaught exceptions and console errors of the page, for tests to assert there are none. */
  readonly errors: readonly string[];
  /** Asks the page to poll now, as it does when the user comes back to it. */
  refocus(): Promise<void>;
  /**
   * The next server call runs, but its answer is lost on the way back and the page gets the
   * failure google.script.run reports for a dropped connection.
   */
  loseNextAnswer(): void;
}

/** What google.script.run's failure handler gets when the connection drops mid-call. */
export const CONNECTION_FAILURE = 'NetworkError: Connection failure due to HTTP 0';

export interface SidebarBrowser {
  /**
   * Opens the sidebar as the user would (the menu's handler), waiting until it has loaded. Like
   * Sheets, one sidebar at a time: the previous page closes, so its polling stops.
   */
  open(project: LoadedProject, menuHandler?: string): Promise<SidebarPage>;
  close(): Promise<void>;
}

export async function startBrowser(): Promise<SidebarBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'collab-desk-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    args: ARGS,
    headless: true,
    viewport: VIEWPORT,
  });
  let current: Page | undefined;
  return {
    async open(project, menuHandler = 'openSidebar_') {
      project.call(menuHandler);
      const html = project.emulator.ui.emuSidebars().at(-1)?.getContent();
      if (html === undefined) throw new Error(`${menuHandler} showed no sidebar`);
      await current?.close();
      const page = await context.newPage();
      current = page;
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      let loseAnswer = false;
      await page.exposeFunction('__runFromSidebar', (name: string, args: unknown[]): Answer => {
        try {
          const value = project.runFromSidebar(name, ...args);
          if (loseAnswer && name !== 'getSidebarState') {
            loseAnswer = false;
            return { ok: false, message: CONNECTION_FAILURE };
          }
          return { ok: true, value };
        } catch (error) {
          return { ok: false, message: error instanceof Error ? error.message : String(error) };
        }
      });
      await page.addInitScript(RUN_SHIM);
      await page.route(SIDEBAR_URL, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto(SIDEBAR_URL);
      // The tabs and the card are drawn in the same task, once the server has answered both calls.
      await page.locator('#tabs [role=tab]').first().waitFor({ timeout: 10_000 });
      return {
        page,
        errors,
        async refocus() {
          await page.evaluate("window.dispatchEvent(new Event('focus'))");
        },
        loseNextAnswer() {
          loseAnswer = true;
        },
      };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
