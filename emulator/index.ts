/**
 * One emulated Apps Script project bound to one spreadsheet: every service the add-on uses,
 * sharing a clock and a call counter. Build a fresh one per test.
 */
import { createContext } from './core';
import { createSpreadsheetApp } from './spreadsheet';
import { createMailApp } from './services/mail';
import { createScriptApp } from './services/script';
import { createLockService } from './services/lock';
import { createPropertiesService } from './services/properties';
import { createCacheService } from './services/cache';
import { createSession } from './services/session';
import { createUtilities } from './services/utilities';
import { createHtmlService } from './services/html';
import { createUi } from './services/ui';
import { createAdvancedSheetsService } from './services/sheetsApi';

export interface EmulatorOptions {
  /** The clock's start; it moves only when a test moves it. */
  readonly now?: Date | string;
  readonly spreadsheetName?: string;
  /** Spreadsheet locale as Sheets reports it, e.g. 'zh_CN' or 'en_US'. */
  readonly spreadsheetLocale?: string;
  readonly timeZone?: string;
  /** The active user's email; '' as Apps Script gives when it may not reveal it. */
  readonly activeUser?: string;
  readonly effectiveUser?: string;
  readonly userLocale?: string;
  readonly dailyMailQuota?: number;
  /** HtmlService files by name (without .html), e.g. { sidebar: '<html>…' }. */
  readonly htmlFiles?: Readonly<Record<string, string>>;
  /**
   * The parsed appsscript.json. Advanced services it enables become globals (the Sheets API under
   * its userSymbol); its oauthScopes, when listed, limit what those services may do.
   */
  readonly manifest?: unknown;
}

export type Emulator = ReturnType<typeof createEmulator>;

export function createEmulator(options: EmulatorOptions = {}) {
  const ctx = createContext(options.now);
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const ui = createUi(ctx);
  const sheets = createSpreadsheetApp(ctx, {
    name: options.spreadsheetName ?? 'Collab Desk',
    locale: options.spreadsheetLocale ?? 'zh_CN',
    timeZone,
    getUi: ui.getUi,
  });
  const mail = createMailApp(ctx, { dailyQuota: options.dailyMailQuota });
  const script = createScriptApp(ctx, { addOn: true, spreadsheetId: sheets.spreadsheet.getId(), timeZone });
  const lock = createLockService(ctx);
  const session = createSession(ctx, {
    activeUser: options.activeUser ?? 'coordinator@example.com',
    effectiveUser: options.effectiveUser ?? options.activeUser ?? 'coordinator@example.com',
    timeZone,
    locale: options.userLocale ?? (options.spreadsheetLocale ?? 'zh_CN').split('_')[0],
  });
  const logs: string[] = [];

  const globals: Record<string, unknown> = {
    SpreadsheetApp: sheets.SpreadsheetApp,
    Charts: sheets.Charts,
    MailApp: mail.MailApp,
    ScriptApp: script.ScriptApp,
    LockService: lock.LockService,
    PropertiesService: createPropertiesService(ctx).PropertiesService,
    CacheService: createCacheService(ctx).CacheService,
    Session: session.Session,
    Utilities: createUtilities(ctx).Utilities,
    HtmlService: createHtmlService(ctx, options.htmlFiles ?? {}).HtmlService,
    Logger: {
      log(...args: unknown[]) {
        logs.push(args.map(String).join(' '));
        return this;
      },
    },
    console,
  };
  const advancedSheets = createAdvancedSheetsService(ctx, sheets.spreadsheet, options.manifest);
  if (advancedSheets) globals[advancedSheets.userSymbol] = advancedSheets.Sheets;

  return {
    clock: ctx.clock,
    calls: ctx.calls,
    globals,
    spreadsheet: sheets.spreadsheet,
    mail,
    triggers: script.triggers,
    lock,
    session,
    ui,
    logs,
  };
}
