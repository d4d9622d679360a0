/** The global SpreadsheetApp: the active spreadsheet, builders and enums. */
import type { EmulatorContext } from '../core';
import { BooleanCriteria, ConditionalFormatRuleBuilder } from './conditional';
import { gasError } from '../core';
import { ProtectionType } from './protection';
import type { EmuRange } from './range';
import { recorderFor } from './record';
import type { EmuSheet } from './sheet';
import type { EmuSpreadsheet } from './spreadsheet';
import { DataValidationBuilder, DataValidationCriteria } from './validation';

export function createSpreadsheetAppObject(
  ctx: EmulatorContext,
  spreadsheet: EmuSpreadsheet,
  getUi: (() => unknown) | undefined,
) {
  const record = recorderFor(ctx, 'SpreadsheetApp');
  return {
    ProtectionType,
    DataValidationCriteria,
    BooleanCriteria,
    WrapStrategy: { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const,
    getActive(): EmuSpreadsheet {
      record('getActive');
      return spreadsheet;
    },
    getActiveSpreadsheet(): EmuSpreadsheet {
      record('getActiveSpreadsheet');
      return spreadsheet;
    },
    getActiveSheet(): EmuSheet {
      record('getActiveSheet');
      return spreadsheet.emuActiveSheet();
    },
    getActiveRange(): EmuRange {
      record('getActiveRange');
      return spreadsheet.emuActiveSheet().emuActiveRange();
    },
    openById(id: string): EmuSpreadsheet {
      record('openById');
      if (id !== spreadsheet.emuId())
        throw gasError('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
      return spreadsheet;
    },
    /**
     * Without a UI (time-driven triggers, the editor), the real call fails with this message.
     * A Ui emulation knows its own context and records the call itself.
     */
    getUi(): unknown {
      if (getUi) return getUi();
      record('getUi');
      throw gasError('Cannot call SpreadsheetApp.getUi() from this context.');
    },
    flush(): void {
      record('flush');
    },
    newDataValidation(): DataValidationBuilder {
      record('newDataValidation');
      return new DataValidationBuilder(ctx);
    },
    newConditionalFormatRule(): ConditionalFormatRuleBuilder {
      record('newConditionalFormatRule');
      return new ConditionalFormatRuleBuilder(ctx);
    },
  };
}

export type EmuSpreadsheetApp = ReturnType<typeof createSpreadsheetAppObject>;
