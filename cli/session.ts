/**
 * The built add-on (build/Code.js) running in the emulator, driven the way people drive it: a user
 * picks a menu item (answering its questions), submits a sidebar form, or types into a row (which
 * fires the simple onEdit trigger); the hourly trigger runs without a UI. Every action reports
 * how it ran and what the add-on said, so the caller can tell which use cases exist yet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadProject, type LoadedProject } from '../emulator/runtime';
import type { EmulatorOptions } from '../emulator/index';
import type { EmuSheet, EmuSpreadsheet } from '../emulator/spreadsheet';
import type { MenuData, Ui } from '../emulator/services/ui';
import type { SheetKey } from '../src/domain/schema';
import { catalogue, type Text } from '../src/i18n/index';
import { dialogCall, dialogData, type DialogAnswer } from './dialogs';
import type { Fields } from './example';
import { appendRow, findSheet, updateRow, type TypedCell } from './sheet-rows';

/** The checkout this runner belongs to, whatever the working directory (swc turns this into __dirname). */
export const PACKAGE_ROOT = resolve(import.meta.dirname, '..');
/** `npm run build` writes here. */
export const BUILD = join(PACKAGE_ROOT, 'build');

/** How an action reached the add-on: its menu item, its sidebar form, a typed row, or not at all. */
export type Route = 'menu' | 'sidebar' | 'sheet' | 'trigger' | 'missing';

export interface ActionReport {
  readonly route: Route;
  /** The menu handler or form name, e.g. "setupWorkbook_" or "submitSidebarForm(progress)". */
  readonly target: string;
  readonly ok: boolean;
  /** What the add-on showed or answered (alerts, form messages), or why nothing ran. */
  readonly messages: readonly string[];
}

/** The user-facing failure of a missing build. */
export class MissingBundleError extends Error {
  override name = 'MissingBundleError';
}

/** What `clasp push` uploads: the bundle, the sidebar, the menus' dialog and the manifest (which enables the Sheets API). */
export interface Bundle {
  /** The folder `clasp push` uploads; its .js files are the script. */
  readonly folder: string;
  readonly sidebar: string;
  readonly dialog: string;
  readonly manifest: unknown;
}

/** The build of this checkout; a missing one is named with the command that makes it, from any folder. */
export function readBundle(folder: string = BUILD): Bundle {
  const sidebar = join(folder, 'sidebar.html');
  const dialog = join(folder, 'dialog.html');
  const manifest = join(folder, 'appsscript.json');
  for (const file of [join(folder, 'Code.js'), sidebar, dialog, manifest]) {
    if (!existsSync(file))
      throw new MissingBundleError(`${file} not found: build it with \`npm --prefix ${PACKAGE_ROOT} run build\``);
  }
  return {
    folder,
    sidebar: readFileSync(sidebar, 'utf8'),
    dialog: readFileSync(dialog, 'utf8'),
    manifest: JSON.parse(readFileSync(manifest, 'utf8')),
  };
}

/** The build in a fresh emulator, as Apps Script would run it after `clasp push`. */
export function loadBuilt(bundle: Bundle, options: EmulatorOptions = {}): LoadedProject {
  return loadProject(bundle.folder, {
    htmlFiles: { sidebar: bundle.sidebar, dialog: bundle.dialog },
    manifest: bundle.manifest,
    ...options,
  });
}

type Button = GoogleAppsScript.Base.Button;

export class AddOnSession {
  readonly project: LoadedProject;

  constructor(bundle: Bundle, options: EmulatorOptions) {
    this.project = loadBuilt(bundle, options);
  }

  get emulator() {
    return this.project.emulator;
  }

  get spreadsheet(): EmuSpreadsheet {
    return this.emulator.spreadsheet;
  }

  has(name: string): boolean {
    return this.project.globalFunctions.includes(name);
  }

  actAs(email: string, at?: Date): void {
    this.emulator.session.emuSetActiveUser(email);
    if (at) this.emulator.clock.set(at);
  }

  /** The handler of the add-on menu item captioned with catalogue `captionKey`, as onOpen builds the menu now. */
  menuHandler(captionKey: string): string | undefined {
    const text = (catalogue as Record<string, Text | undefined>)[captionKey];
    if (!text || !this.has('onOpen')) return undefined;
    this.emulator.ui.emuSetContext('user');
    this.project.call('onOpen', {});
    const captions = [text['zh-CN'], text.en];
    return this.emulator.ui
      .emuMenus()
      .map((menu) => findItem(menu, captions))
      .find(Boolean);
  }

  /**
   * Picks a menu item as the user: `answers` are the buttons (and prompt texts) the user gives
   * to the questions it asks, in order; `dialog` is what the user does in the HTML dialog it
   * opens, if it opens one; `select` is the row selected first, if the item works on one.
   */
  runMenu(
    captionKey: string,
    options: {
      answers?: readonly Answer[];
      dialog?: DialogAnswer;
      select?: { sheet: EmuSheet; row: number };
    } = {},
  ): ActionReport {
    const handler = this.menuHandler(captionKey);
    if (!handler)
      return {
        route: 'missing',
        target: captionKey,
        ok: false,
        messages: [`no menu item ${captionKey} in the add-on yet`],
      };
    const ui = this.emulator.ui;
    if (options.select) {
      this.spreadsheet.setActiveSheet(options.select.sheet);
      options.select.sheet.setActiveRange(options.select.sheet.getRange(options.select.row, 1));
    }
    for (const [button, text] of options.answers ?? []) ui.emuQueueAnswer(BUTTONS[button](ui.ui), text ?? '');
    const dialogs = ui.emuDialogs().length;
    const report = this.capture('menu', handler, () => this.project.call(handler));
    const shown = ui.emuDialogs().slice(dialogs).at(-1);
    if (!shown || !options.dialog || !report.ok) return report;
    const call = dialogCall(dialogData(shown.html.getContent()), options.dialog);
    if (call === 'closed') return report;
    const answered = this.sidebarCall(call.name, call.name, [{ ...call.payload }]);
    return { ...answered, route: 'menu', target: handler, messages: [...report.messages, ...answered.messages] };
  }

  /** Submits a sidebar form as google.script.run does; 'missing' when no use case saves it yet. */
  submitForm(form: string, fields: Fields): ActionReport {
    return this.sidebarCall(`submitSidebarForm(${form})`, 'submitSidebarForm', [form, { ...fields }]);
  }

  /** Calls a sidebar server function (google.script.run) with one payload, e.g. decideSignOff. */
  callSidebar(name: string, payload: Readonly<Record<string, unknown>>): ActionReport {
    return this.sidebarCall(name, name, [{ ...payload }]);
  }

  private sidebarCall(target: string, name: string, args: readonly unknown[]): ActionReport {
    if (!this.has(name)) return { route: 'missing', target, ok: false, messages: ['no sidebar API in the add-on yet'] };
    this.emulator.ui.emuSetContext('user');
    try {
      const result = this.project.runFromSidebar(name, ...args) as SubmitResult;
      const fieldErrors = result.ok
        ? []
        : Object.entries(result.errors ?? {}).map(([field, message]) => `${field}: ${message}`);
      return { route: 'sidebar', target, ok: result.ok, messages: [result.message, ...fieldErrors].filter(Boolean) };
    } catch (error) {
      const message = (error as Error).message;
      if (/No use case saves/.test(message)) return { route: 'missing', target, ok: false, messages: [message] };
      return { route: 'sidebar', target, ok: false, messages: [`the add-on failed: ${message}`] };
    }
  }

  /** Types a new row at the bottom of a sheet, then lets the simple onEdit trigger see the edit. */
  typeRow(key: SheetKey, fields: Fields): ActionReport {
    const { row, missing, cells } = appendRow(this.spreadsheet, key, fields);
    const report = this.afterEdit(key, row, cells);
    return missing.length === 0
      ? report
      : { ...report, messages: [...report.messages, `no column for ${missing.join(', ')}`] };
  }

  /** Changes cells of the first row that `matches`, as a user typing over them. */
  editRow(key: SheetKey, matches: (fields: Record<string, unknown>) => boolean, changes: Fields): ActionReport {
    const updated = updateRow(this.spreadsheet, key, matches, changes);
    if (updated === null) return { route: 'sheet', target: key, ok: false, messages: [`no matching row in ${key}`] };
    return this.afterEdit(key, updated.row, updated.cells);
  }

  /**
   * Runs every time-driven trigger due now, without a UI. A failing handler is reported, as Apps
   * Script reports it to the trigger's owner, and does not stop the simulation.
   */
  runDueTriggers(): ActionReport {
    this.emulator.ui.emuSetContext('trigger');
    try {
      return this.capture('trigger', 'time-driven triggers', () => this.emulator.triggers.emuRunDue());
    } finally {
      this.emulator.ui.emuSetContext('user');
    }
  }

  /**
   * Calls a trigger handler directly, as when it is run by hand (no UI, no trigger ID): a trigger
   * ID the workbook has not registered would be a stale trigger, which removes itself.
   */
  runTrigger(handler: string): ActionReport {
    if (!this.has(handler))
      return { route: 'missing', target: handler, ok: false, messages: [`no ${handler} in the add-on yet`] };
    this.emulator.ui.emuSetContext('trigger');
    try {
      return this.capture('trigger', handler, () => this.project.call(handler, { authMode: 'FULL' }));
    } finally {
      this.emulator.ui.emuSetContext('user');
    }
  }

  /**
   * The simple onEdit trigger sees each typed cell as Sheets reports a cell typed: its range, the
   * value typed and what it held (when it held anything).
   */
  private afterEdit(key: SheetKey, row: number, cells: readonly TypedCell[]): ActionReport {
    const sheet = findSheet(this.spreadsheet, key)!;
    if (!this.has('onEdit')) return { route: 'sheet', target: sheet.getName(), ok: true, messages: [] };
    return this.capture('sheet', sheet.getName(), () => {
      for (const cell of cells) {
        this.project.call('onEdit', {
          range: sheet.getRange(row, cell.column),
          source: this.spreadsheet,
          authMode: 'LIMITED',
          user: this.emulator.session.Session.getActiveUser(),
          value: cell.value,
          ...(cell.oldValue === '' ? {} : { oldValue: String(cell.oldValue) }),
        });
      }
    });
  }

  /** Runs `action`, collecting the alerts it shows; an exception is the add-on failing. */
  private capture(route: Route, target: string, action: () => unknown): ActionReport {
    const before = this.emulator.ui.emuAlerts().length;
    const alerts = () =>
      this.emulator.ui
        .emuAlerts()
        .slice(before)
        .map((m) => [m.title, m.message].filter(Boolean).join(': '));
    try {
      action();
      return { route, target, ok: true, messages: alerts() };
    } catch (error) {
      return { route, target, ok: false, messages: [...alerts(), `the add-on failed: ${(error as Error).message}`] };
    }
  }
}

interface SubmitResult {
  readonly ok: boolean;
  readonly message: string;
  readonly errors?: Readonly<Record<string, string>>;
}

/** A button the user presses on an alert or prompt, with the text typed into a prompt. */
export type Answer = readonly [keyof typeof BUTTONS, string?];

const BUTTONS = {
  yes: (ui: Ui): Button => ui.Button.YES,
  no: (ui: Ui): Button => ui.Button.NO,
  ok: (ui: Ui): Button => ui.Button.OK,
  cancel: (ui: Ui): Button => ui.Button.CANCEL,
} as const;

function findItem(menu: MenuData, captions: readonly string[]): string | undefined {
  for (const entry of menu.items) {
    if (entry.kind === 'item' && captions.includes(entry.caption)) return entry.functionName;
    if (entry.kind === 'submenu') {
      const found = findItem(entry.menu, captions);
      if (found) return found;
    }
  }
  return undefined;
}
