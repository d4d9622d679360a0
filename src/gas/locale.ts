import { localeFromSpreadsheet, type Locale } from '../i18n';

/** The user's own locale: readable in every auth mode, unlike the spreadsheet's. */
export function userLocale(): Locale {
  return localeFromSpreadsheet(Session.getActiveUserLocale() || 'en');
}
