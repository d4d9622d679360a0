import { t, type Locale, type MessageKey } from '../i18n';

/** One menu entry: its caption key and the global handler it runs. */
export interface MenuItem {
  readonly caption: MessageKey;
  readonly handler: string;
}

/** Menu items in SPEC §4 order; a use case joins the menu when its handler exists. */
export const MENU_ITEMS: readonly MenuItem[] = [{ caption: 'menuOpenSidebar', handler: 'openSidebar_' }];

/**
 * onOpen runs in every auth mode, AuthMode.NONE included, so it only builds the menu:
 * no sheet reads, no properties.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, locale: Locale): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(t(locale, item.caption), item.handler);
  menu.addToUi();
}
