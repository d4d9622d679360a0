/**
 * The one catalogue of user-visible text. Each area keeps its strings in its own file
 * (both languages side by side); this module merges them and is the only way to look one up.
 */
import { alertText } from './alerts';
import { caseText } from './cases';
import { commonText } from './common';
import { dashboardText } from './dashboard';
import { dialogText } from './dialogs';
import { guardText } from './guard';
import { mailText } from './mails';
import { myWorkText } from './myWork';
import { nudgeText } from './nudge';
import { reportText } from './reports';
import { satisfactionText } from './satisfaction';
import { robotText } from './robots';
import { sidebarText } from './sidebar';
import { signOffText } from './signOffs';
import { suggestionText } from './suggestions';
import { templateText } from './templates';
import { weeklyText } from './weekly';
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
  ...mailText,
  ...sidebarText,
  ...workbookText,
  ...reportText,
  ...signOffText,
  ...guardText,
  ...templateText,
  ...robotText,
  ...dashboardText,
  ...nudgeText,
  ...satisfactionText,
  ...caseText,
  ...suggestionText,
  ...weeklyText,
  ...dialogText,
  ...myWorkText,
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof catalogue;

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Each template split once at its `{name}` marks: text at even indexes, names at odd ones. A scan
 * words thousands of notices from a few dozen templates.
 */
const compiled: Record<Locale, Map<MessageKey, readonly string[]>> = { 'zh-CN': new Map(), en: new Map() };

function parts(locale: Locale, key: MessageKey): readonly string[] {
  let split = compiled[locale].get(key);
  if (!split) compiled[locale].set(key, (split = catalogue[key][locale].split(/\{(\w+)\}/)));
  return split;
}

/** The message with each `{name}` that `params` has replaced; others stay as written. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const split = parts(locale, key);
  let text = split[0] as string;
  for (let i = 1; i < split.length; i += 2) {
    const name = split[i] as string;
    text += (name in params ? String(params[name]) : `{${name}}`) + (split[i + 1] as string);
  }
  return text;
}

/** Spreadsheet locales look like 'zh_CN', 'zh_TW', 'en_US'; every Chinese one gets zh-CN. */
export function localeFromSpreadsheet(spreadsheetLocale: string): Locale {
  return spreadsheetLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
