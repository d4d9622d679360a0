/**
 * The Ui that SpreadsheetApp.getUi() returns: custom and add-on menus, sidebars, dialogs, alerts
 * and prompts. Tests read what was shown through the emu* helpers and script the user's answers.
 */
import { type EmulatorContext, gasError } from '../core';
import { createEnum } from './utilities';

/** The deprecated showDialog is left out. */
export type Ui = Omit<GoogleAppsScript.Base.Ui, 'showDialog'>;
type Menu = GoogleAppsScript.Base.Menu;
type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

const Button = createEnum<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
const ButtonSet = createEnum<typeof GoogleAppsScript.Base.ButtonSet>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
const buttonsOf = new Map<ButtonSet, readonly [Button, ...Button[]]>([
  [ButtonSet.OK, [Button.OK]],
  [ButtonSet.OK_CANCEL, [Button.OK, Button.CANCEL]],
  [ButtonSet.YES_NO, [Button.YES, Button.NO]],
  [ButtonSet.YES_NO_CANCEL, [Button.YES, Button.NO, Button.CANCEL]],
]);

export const UI_UNAVAILABLE = 'Cannot call SpreadsheetApp.getUi() from this context.';

export type MenuEntry =
  { kind: 'item'; caption: string; functionName: string } | { kind: 'separator' } | { kind: 'submenu'; menu: MenuData };
export interface MenuData {
  caption: string;
  items: MenuEntry[];
}
export interface ShownDialog {
  html: HtmlOutput;
  title: string;
  modal: boolean;
}
export interface ShownMessage {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: ButtonSet;
}
export type UiContext = 'user' | 'trigger';

/** A deep copy in this realm (structuredClone would build it from Node's own Object, not the caller's). */
const copyMenu = (menu: MenuData): MenuData => JSON.parse(JSON.stringify(menu)) as MenuData;

export function createUi(ctx: EmulatorContext, options: { addonName?: string } = {}) {
  let context: UiContext = 'user';
  const menus: MenuData[] = [];
  const sidebars: HtmlOutput[] = [];
  const dialogs: ShownDialog[] = [];
  const messages: ShownMessage[] = [];
  const answers: { button: Button; text: string }[] = [];
  const menuData = new WeakMap<Menu, MenuData>();

  // A time-driven trigger has no user at a screen, whoever set the context.
  const withoutUi = () => context === 'trigger' || ctx.runs.context().kind === 'timeTrigger';
  const use = (method: string) => {
    ctx.calls.record(method);
    if (withoutUi()) throw gasError(UI_UNAVAILABLE);
  };

  const newMenu = (caption: string): Menu => {
    const data: MenuData = { caption, items: [] };
    const menu: Menu = {
      addItem(itemCaption: string, functionName: string) {
        use('Menu.addItem');
        data.items.push({ kind: 'item', caption: itemCaption, functionName });
        return menu;
      },
      addSeparator() {
        use('Menu.addSeparator');
        data.items.push({ kind: 'separator' });
        return menu;
      },
      addSubMenu(subMenu: Menu) {
        use('Menu.addSubMenu');
        const sub = menuData.get(subMenu);
        if (!sub) throw new Error('Emulator: addSubMenu takes a menu made by this Ui');
        data.items.push({ kind: 'submenu', menu: copyMenu(sub) });
        return menu;
      },
      addToUi() {
        use('Menu.addToUi');
        // The menu bar shows the menu as it is now; a second onOpen replaces it rather than adding a twin.
        const existing = menus.findIndex((m) => m.caption === caption);
        if (existing >= 0) menus.splice(existing, 1, copyMenu(data));
        else menus.push(copyMenu(data));
      },
    };
    menuData.set(menu, data);
    return menu;
  };

  /** Overloads: (message), (message, buttons), (title, message, buttons). */
  const show = (kind: 'alert' | 'prompt', args: unknown[]) => {
    const [title, message, buttons] =
      args.length >= 3
        ? [String(args[0]), String(args[1]), args[2] as ButtonSet]
        : ['', String(args[0]), (args[1] as ButtonSet | undefined) ?? ButtonSet.OK];
    messages.push({ kind, title, message, buttons });
    const allowed = buttonsOf.get(buttons) ?? [Button.OK];
    const answer = answers.shift() ?? { button: allowed[0], text: '' };
    if (answer.button !== Button.CLOSE && !allowed.includes(answer.button)) {
      throw new Error(`Emulator: queued answer ${answer.button} is not offered by ButtonSet.${buttons}`);
    }
    return answer;
  };

  const ui: Ui = {
    Button,
    ButtonSet,
    createMenu(caption: string) {
      use('Ui.createMenu');
      return newMenu(caption);
    },
    createAddonMenu() {
      use('Ui.createAddonMenu');
      return newMenu(options.addonName ?? 'Untitled project');
    },
    alert(...args: unknown[]): Button {
      use('Ui.alert');
      return show('alert', args).button;
    },
    prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
      use('Ui.prompt');
      const answer = show('prompt', args);
      return {
        getResponseText() {
          ctx.calls.record('PromptResponse.getResponseText');
          return answer.text;
        },
        getSelectedButton() {
          ctx.calls.record('PromptResponse.getSelectedButton');
          return answer.button;
        },
      };
    },
    showSidebar(userInterface: HtmlOutput) {
      use('Ui.showSidebar');
      sidebars.push(userInterface);
    },
    showModalDialog(userInterface: HtmlOutput, title: string) {
      use('Ui.showModalDialog');
      dialogs.push({ html: userInterface, title, modal: true });
    },
    showModelessDialog(userInterface: HtmlOutput, title: string) {
      use('Ui.showModelessDialog');
      dialogs.push({ html: userInterface, title, modal: false });
    },
  };

  return {
    ui,
    /** What SpreadsheetApp.getUi() does: the Ui, or the real error outside a user's session. */
    getUi(): Ui {
      ctx.calls.record('SpreadsheetApp.getUi');
      if (withoutUi()) throw gasError(UI_UNAVAILABLE);
      return ui;
    },
    emuSetContext(next: UiContext) {
      context = next;
    },
    emuMenus: (): MenuData[] => menus.map(copyMenu),
    emuSidebars: (): HtmlOutput[] => [...sidebars],
    emuDialogs: (): ShownDialog[] => [...dialogs],
    emuAlerts: (): ShownMessage[] => [...messages],
    /** The user's next answer to an alert or prompt; without one, the first button of the set is pressed. */
    emuQueueAnswer(button: Button, text = '') {
      answers.push({ button, text });
    },
  };
}

export type EmulatedUi = ReturnType<typeof createUi>;
