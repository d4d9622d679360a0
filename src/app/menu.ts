import { t, type Locale, type MessageKey } from '../i18n';

/** One menu entry: its caption key and the global handler it runs. */
export interface MenuItem {
  readonly caption: MessageKey;
  readonly handler: string;
}

export interface SubMenu {
  readonly caption: MessageKey;
  readonly items: readonly MenuItem[];
}

export type MenuEntry = MenuItem | SubMenu | 'separator';

/** SPEC §4 order; a use case joins the menu when its handler exists. */
export const MENU: readonly MenuEntry[] = [
  { caption: 'menuSetupWorkbook', handler: 'setupWorkbook_' },
  { caption: 'menuNewRequest', handler: 'newRequest_' },
  { caption: 'menuApproveRequest', handler: 'approveRequest_' },
  { caption: 'menuSplitTasks', handler: 'splitRequest_' },
  { caption: 'menuSplitFromTemplate', handler: 'splitFromTemplate_' },
  { caption: 'menuOpenSidebar', handler: 'openSidebar_' },
  { caption: 'menuValidate', handler: 'validate_' },
  { caption: 'menuWeeklySummary', handler: 'weeklySummary_' },
  { caption: 'menuRefreshDashboard', handler: 'refreshDashboard_' },
  { caption: 'menuRefreshTimeline', handler: 'refreshTimeline_' },
  { caption: 'menuRetrospective', handler: 'createRetrospective_' },
  { caption: 'menuOpenSurveyRound', handler: 'openSurveyRound_' },
  { caption: 'menuSaveAsTemplate', handler: 'saveAsTemplate_' },
  { caption: 'menuArchive', handler: 'archiveCompleted_' },
  { caption: 'menuImportSheet', handler: 'importSheet_' },
  'separator',
  {
    caption: 'menuAutomation',
    items: [
      { caption: 'menuAutomationOn', handler: 'automationOn_' },
      { caption: 'menuAutomationOff', handler: 'automationOff_' },
      { caption: 'menuRunChecksNow', handler: 'runChecksNow_' },
      { caption: 'menuAutomationStatus', handler: 'automationStatus_' },
    ],
  },
  { caption: 'menuSettings', handler: 'openSettings_' },
];

/**
 * onOpen runs in every auth mode, AuthMode.NONE included, so it only builds the menu:
 * no sheet reads, no properties.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, locale: Locale): void {
  const menu = ui.createAddonMenu();
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else if ('items' in entry) {
      const sub = ui.createMenu(t(locale, entry.caption));
      for (const item of entry.items) sub.addItem(t(locale, item.caption), item.handler);
      menu.addSubMenu(sub);
    } else menu.addItem(t(locale, entry.caption), entry.handler);
  }
  menu.addToUi();
}
