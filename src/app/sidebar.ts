import { t, type Locale } from '../i18n';

export function showSidebar(ui: GoogleAppsScript.Base.Ui, locale: Locale): void {
  const page = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(t(locale, 'appName'));
  ui.showSidebar(page);
}
