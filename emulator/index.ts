/**
 * One emulated Apps Script project bound to one spreadsheet: every service the add-on uses,
 * sharing a clock, a call counter and the run in progress. Build a fresh one per test.
 *
 * Run contexts, the latency model and fault injection are described in emulator/services/README.md.
 */
import { type EmulatorContext, createContext, permissionError } from './core';
import { createFaults } from './faults';
import { chargeCells, installLatency, installRunLimit, type LatencyOptions } from './latency';
import { createSpreadsheetApp, type EmuSpreadsheet } from './spreadsheet';
import { createMailApp } from './services/mail';
import { createScriptApp } from './services/script';
import { createLockService } from './services/lock';
import { createPropertiesService } from './services/properties';
import { createCacheService } from './services/cache';
import { createSession } from './services/session';
import { createUtilities } from './services/utilities';
import { createHtmlService } from './services/html';
import { createUi } from './services/ui';
import { createUrlFetchApp } from './services/urlFetch';
import { createFakeRobots } from './robots';
import { type AdvancedSheetsService, createAdvancedSheetsService } from './services/sheetsApi';

export interface EmulatorOptions {
  /** The clock's start; it moves only when a test moves it (or the latency model, when on). */
  readonly now?: Date | string;
  readonly spreadsheetName?: string;
  /** Spreadsheet locale as Sheets reports it, e.g. 'zh_CN' or 'en_US'. */
  readonly spreadsheetLocale?: string;
  readonly timeZone?: string;
  /** The active user's email; '' as Apps Script gives when it may not reveal it. */
  readonly activeUser?: string;
  readonly effectiveUser?: string;
  /**
   * Who owns the spreadsheet: the one user every protection lets edit
   * (https://developers.google.com/apps-script/reference/spreadsheet/protection#canEdit()). Defaults
   * to the effective user, else the active user: whoever created the file in the test.
   */
  readonly owner?: string;
  readonly userLocale?: string;
  readonly dailyMailQuota?: number;
  /** HtmlService files by name (without .html), e.g. { sidebar: '<html>…' }. */
  readonly htmlFiles?: Readonly<Record<string, string>>;
  /**
   * The parsed appsscript.json. Advanced services it enables become globals (the Sheets API under
   * its userSymbol); its oauthScopes, when listed, limit what those services and openById may do.
   */
  readonly manifest?: unknown;
  /**
   * How a time-driven trigger runs. 'addon' (default, as the add-on is deployed): as an editor
   * add-on's trigger, which belongs to the script and its user, not the document: no active
   * spreadsheet (null), getDocumentLock() and getDocumentProperties() null; the workbook is
   * reached with SpreadsheetApp.openById. 'bound': as in a bound script, with the active
   * spreadsheet, the document lock and document properties.
   */
  readonly triggerContext?: 'bound' | 'addon';
  /**
   * Simple triggers get the services of their authorization mode: onEdit LIMITED, onOpen
   * LIMITED or NONE (see runSimpleTrigger). Off by default: they run with every service, as today.
   */
  readonly enforceSimpleTriggerAuth?: boolean;
  /** The developer's domain: with enforcement on, a user outside it gets a blank active-user email. */
  readonly developerDomain?: string;
  /**
   * Each service call moves the clock by its modelled latency (emulator/latency.ts) and a run
   * past its limit (6 min; 30 s for simple triggers) stops with "Exceeded maximum execution
   * time". Off by default: the clock stands still; estimates are kept in calls.seconds() either way.
   */
  readonly latency?: boolean;
}

export type Emulator = ReturnType<typeof createEmulator>;

const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export function createEmulator(options: EmulatorOptions = {}) {
  const ctx = createContext(options.now);
  const latency: LatencyOptions = { advanceClock: options.latency ?? false };
  // In this order: a stopped run's calls throw first; a call that fails or is killed costs no time.
  installRunLimit(ctx, latency);
  const faults = createFaults(ctx);
  installLatency(ctx, latency);

  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const ui = createUi(ctx);
  const firstUser = options.effectiveUser ?? options.activeUser ?? 'coordinator@example.com';
  // Protections are checked against the account the code runs for now (the session's, set below).
  let currentUser = (): string => firstUser;
  const sheets = createSpreadsheetApp(ctx, {
    name: options.spreadsheetName ?? 'Collab Desk',
    locale: options.spreadsheetLocale ?? 'zh_CN',
    timeZone,
    getUi: ui.getUi,
    owner: options.owner ?? firstUser,
    currentUser: () => currentUser(),
  });
  const mail = createMailApp(ctx, { dailyQuota: options.dailyMailQuota });
  const session = createSession(ctx, {
    activeUser: options.activeUser ?? 'coordinator@example.com',
    effectiveUser: options.effectiveUser ?? options.activeUser ?? 'coordinator@example.com',
    timeZone,
    locale: options.userLocale ?? (options.spreadsheetLocale ?? 'zh_CN').split('_')[0],
    developerDomain: options.developerDomain,
  });
  currentUser = session.emuCurrentUser;
  const script = createScriptApp(ctx, {
    addOn: true,
    spreadsheetId: sheets.spreadsheet.getId(),
    timeZone,
    currentUser: session.emuCurrentUser,
  });
  const lock = createLockService(ctx);
  ctx.runs.onEnd(lock.emuEndRun);
  const logs: string[] = [];
  const scopes = declaredScopes(options.manifest);
  const urlFetch = createUrlFetchApp(ctx, { scopes, whitelist: declaredWhitelist(options.manifest) });
  const robots = createFakeRobots(ctx);
  urlFetch.emuAddEndpoint(robots.answer);

  const globals: Record<string, unknown> = {
    SpreadsheetApp: inRunContext(ctx, sheets.SpreadsheetApp, scopes),
    Charts: sheets.Charts,
    MailApp: mail.MailApp,
    UrlFetchApp: urlFetch.UrlFetchApp,
    ScriptApp: script.ScriptApp,
    LockService: lock.LockService,
    PropertiesService: createPropertiesService(ctx, session.emuCurrentUser).PropertiesService,
    CacheService: createCacheService(ctx, session.emuCurrentUser).CacheService,
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
  if (advancedSheets) globals[advancedSheets.userSymbol] = sheetsApiInRunContext(ctx, latency, advancedSheets.Sheets);

  return {
    clock: ctx.clock,
    calls: ctx.calls,
    runs: ctx.runs,
    faults,
    globals,
    spreadsheet: sheets.spreadsheet,
    mail,
    /** Fake group robot endpoints (WeCom, DingTalk, Feishu, Google Chat) UrlFetchApp posts to. */
    robots,
    triggers: script.triggers,
    lock,
    session,
    ui,
    logs,
    /** The run-context options, for the runtime that starts runs. */
    runOptions: {
      triggerContext: options.triggerContext ?? 'addon',
      enforceSimpleTriggerAuth: options.enforceSimpleTriggerAuth ?? false,
    },
  };
}

function declaredWhitelist(manifest: unknown): string[] | null {
  const list = (manifest as { urlFetchWhitelist?: unknown } | null | undefined)?.urlFetchWhitelist;
  return Array.isArray(list) ? list.map(String) : null;
}

function declaredScopes(manifest: unknown): Set<string> | null {
  const scopes = (manifest as { oauthScopes?: unknown } | null | undefined)?.oauthScopes;
  return Array.isArray(scopes) ? new Set(scopes.map(String)) : null;
}

/**
 * SpreadsheetApp as the current run sees it. Without a document (an add-on's time-driven
 * trigger) the active spreadsheet, sheet and range are null
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSpreadsheet():
 * "Spreadsheet|null"), and openById is how the workbook is reached. openById needs the
 * spreadsheets scope in the manifest and FULL authorization; a simple trigger is refused with
 * the message of https://github.com/peterherrmann/BetterLog/issues/29. In AuthMode.NONE the
 * document is out of reach too (https://developers.google.com/apps-script/reference/script/auth-mode);
 * that refusal's wording is a guess after the same pattern.
 */
function inRunContext(
  ctx: EmulatorContext,
  app: ReturnType<typeof createSpreadsheetApp>['SpreadsheetApp'],
  scopes: Set<string> | null,
) {
  const active = <T>(method: string, get: () => T): T | null => {
    const run = ctx.runs.context();
    if (run.authMode === 'NONE') {
      ctx.calls.record(`SpreadsheetApp.${method}`);
      throw permissionError(`SpreadsheetApp.${method}`, 'https://www.googleapis.com/auth/spreadsheets.currentonly');
    }
    if (run.hasDocument) return get();
    ctx.calls.record(`SpreadsheetApp.${method}`);
    return null;
  };
  return {
    ...app,
    getActive: () => active('getActive', () => app.getActive()),
    getActiveSpreadsheet: () => active('getActiveSpreadsheet', () => app.getActiveSpreadsheet()),
    getActiveSheet: () => active('getActiveSheet', () => app.getActiveSheet()),
    getActiveRange: () => active('getActiveRange', () => app.getActiveRange()),
    openById(id: string): EmuSpreadsheet {
      const allowed = ctx.runs.context().authMode === 'FULL' && (scopes === null || scopes.has(SPREADSHEETS_SCOPE));
      if (!allowed) {
        ctx.calls.record('SpreadsheetApp.openById');
        throw permissionError('SpreadsheetApp.openById', SPREADSHEETS_SCOPE);
      }
      return app.openById(id);
    },
  };
}

/**
 * The Sheets API as the current run sees it: refused outside FULL authorization (advanced
 * services need the user's consent, which a simple trigger never has:
 * https://developers.google.com/apps-script/guides/triggers#restrictions; the wording is a guess),
 * and charged per cell once the call has answered (how many cells a batchGet returns is known
 * only then).
 */
function sheetsApiInRunContext(
  ctx: EmulatorContext,
  latency: LatencyOptions,
  api: AdvancedSheetsService['Sheets'],
): AdvancedSheetsService['Sheets'] {
  const guard = (method: string) => {
    if (ctx.runs.context().authMode !== 'FULL') {
      ctx.calls.record(method);
      throw permissionError(method, SPREADSHEETS_SCOPE);
    }
  };
  const { Spreadsheets } = api;
  return {
    ...api,
    Spreadsheets: {
      ...Spreadsheets,
      get: (spreadsheetId: string, optionalArgs: object = {}) => {
        guard('Sheets.Spreadsheets.get');
        return answered(ctx, 'Sheets.Spreadsheets.get', Spreadsheets.get(spreadsheetId, optionalArgs));
      },
      batchUpdate: (...args: Parameters<typeof Spreadsheets.batchUpdate>) => {
        guard('Sheets.Spreadsheets.batchUpdate');
        return answered(ctx, 'Sheets.Spreadsheets.batchUpdate', Spreadsheets.batchUpdate(...args));
      },
      Values: {
        ...Spreadsheets.Values,
        batchGet: (spreadsheetId: string, optionalArgs: object = {}) => {
          const method = 'Sheets.Spreadsheets.Values.batchGet';
          guard(method);
          const response = Spreadsheets.Values.batchGet(spreadsheetId, optionalArgs);
          chargeCells(ctx, latency, method, countCells((response.valueRanges ?? []).map((r) => r.values)));
          return answered(ctx, method, response);
        },
        batchUpdate: (...args: Parameters<typeof Spreadsheets.Values.batchUpdate>) => {
          const method = 'Sheets.Spreadsheets.Values.batchUpdate';
          guard(method);
          const response = Spreadsheets.Values.batchUpdate(...args);
          chargeCells(ctx, latency, method, countCells((args[0].data ?? []).map((r) => r.values)));
          return answered(ctx, method, response);
        },
      },
    },
  };
}

/** The call's work is done: observers of answers may still fail it (faults.ts, `after`). */
function answered<T>(ctx: EmulatorContext, method: string, response: T): T {
  ctx.calls.answered(method);
  return response;
}

function countCells(blocks: readonly (readonly (readonly unknown[])[] | undefined)[]): number {
  let cells = 0;
  for (const rows of blocks) for (const row of rows ?? []) cells += row.length;
  return cells;
}
