/**
 * The only file Apps Script sees: each export becomes a top-level global function in
 * build/Code.js. Keep these wrappers thin. Names ending in `_` cannot be called from
 * google.script.run (menu items and triggers only); the rest are the sidebar's API.
 */
import { buildMenu } from './app/menu';
import { showSidebar } from './app/sidebar';
import { userLocale } from './gas/locale';

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi(), userLocale());
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function openSidebar_(): void {
  showSidebar(SpreadsheetApp.getUi(), userLocale());
}
