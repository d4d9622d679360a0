/**
 * The one catalogue of user-visible text. Each area keeps its strings in its own file
 * (both languages side by side); this module merges them and is the only way to look one up.
 */
import { alertText } from './alerts';
import { commonText } from './common';
import { reportText } from './reports';
import { sidebarText } from './sidebar';
import { workbookText } from './workbook';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** One user-visible string in both languages; `{name}` marks a parameter. */
export interface Text {
  readonly 'zh-CN': string;
  readonly en: string;
}

export const catalogue = {
  ...commonText,
  ...alertText,
  ...sidebarText,
  ...workbookText,
  ...reportText,
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof catalogue;

export type MessageParams = Readonly<Record<string, string | number>>;

export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogue[key][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Spreadsheet locales look like 'zh_CN', 'zh_TW', 'en_US'; every Chinese one gets zh-CN. */
export function localeFromSpreadsheet(spreadsheetLocale: string): Locale {
  return spreadsheetLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
