import type { FormKey } from '../contract';
import { t, type Locale } from '../i18n';

/** The page reads this meta tag to open on a given form (e.g. "New request"). */
export const FIRST_FORM_META = 'collab-desk-first-form';

export function showSidebar(ui: GoogleAppsScript.Base.Ui, locale: Locale, firstForm?: FormKey): void {
  const page = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(t(locale, 'appName'));
  if (firstForm) page.append(`<meta name="${FIRST_FORM_META}" content="${firstForm}">`);
  ui.showSidebar(page);
}
