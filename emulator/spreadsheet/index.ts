/** Entry point of the SpreadsheetApp emulator; see README.md for what is emulated. */
import type { EmulatorContext } from '../core';
import { createSpreadsheetAppObject, type EmuSpreadsheetApp } from './app';
import { Charts } from './charts';
import { EmuSpreadsheet } from './spreadsheet';
import { Workbook } from './workbook';

export interface SpreadsheetOptions {
  name?: string;
  /** e.g. 'zh_CN' or 'en_US' (default). */
  locale?: string;
  /** IANA zone, default 'Asia/Shanghai'. */
  timeZone?: string;
  /** Returns the Ui, or throws when there is none (the Ui emulation's getUi). */
  getUi?: () => unknown;
  /**
   * The file's owner, who may edit every protected range and sheet, and the user the code runs as
   * now (the session's); both '' by default, when protections stop nobody but their editors.
   */
  owner?: string;
  currentUser?: () => string;
}

let spreadsheetCount = 0;

export function createSpreadsheetApp(
  ctx: EmulatorContext,
  options: SpreadsheetOptions = {},
): {
  SpreadsheetApp: EmuSpreadsheetApp;
  Charts: typeof Charts;
  spreadsheet: EmuSpreadsheet;
} {
  spreadsheetCount++;
  const id = `1EmuSheet${String(spreadsheetCount).padStart(4, '0')}${'x'.repeat(31)}`;
  const workbook = new Workbook(
    ctx.clock,
    id,
    options.name ?? 'Untitled spreadsheet',
    options.locale ?? 'en_US',
    options.timeZone ?? 'Asia/Shanghai',
  );
  const owner = options.owner ?? '';
  workbook.users = { owner: () => owner, current: options.currentUser ?? (() => owner) };
  const spreadsheet = new EmuSpreadsheet(ctx, workbook);
  return { SpreadsheetApp: createSpreadsheetAppObject(ctx, spreadsheet, options.getUi), Charts, spreadsheet };
}

export type { EmuSpreadsheet } from './spreadsheet';
export type { EmuSheet } from './sheet';
export type { EmuRange } from './range';
export type { EmuSpreadsheetApp } from './app';
export type { CellValue } from './values';
