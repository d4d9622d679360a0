/** Data validation rules: SpreadsheetApp.newDataValidation(), DataValidation, and how writes are checked. */
import type { EmulatorContext } from '../core';
import type { EmuRange } from './range';
import { recorderFor, type Recorder } from './record';
import { isDate, type CellValue } from './values';

export const DataValidationCriteria = {
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
} as const;
export type CriteriaType = keyof typeof DataValidationCriteria;

interface RuleSettings {
  criteriaType: CriteriaType | null;
  criteriaValues: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** A cell value as the rule sees it: the value and the text Sheets shows for it. */
export interface CheckedValue {
  value: CellValue;
  text: string;
}

export class DataValidation implements Pick<
  GoogleAppsScript.Spreadsheet.DataValidation,
  'getAllowInvalid' | 'getCriteriaValues'
> {
  private readonly record: Recorder;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly settings: RuleSettings,
  ) {
    this.record = recorderFor(ctx, 'DataValidation');
  }

  getCriteriaType(): CriteriaType | null {
    this.record('getCriteriaType');
    return this.settings.criteriaType;
  }

  getCriteriaValues(): unknown[] {
    this.record('getCriteriaValues');
    return [...this.settings.criteriaValues];
  }

  getAllowInvalid(): boolean {
    this.record('getAllowInvalid');
    return this.settings.allowInvalid;
  }

  getHelpText(): string | null {
    this.record('getHelpText');
    return this.settings.helpText;
  }

  copy(): DataValidationBuilder {
    this.record('copy');
    return new DataValidationBuilder(this.ctx, { ...this.settings, criteriaValues: [...this.settings.criteriaValues] });
  }

  /** Whether a script may store `cell` under this rule (rules that only warn accept everything). */
  accepts(cell: CheckedValue): boolean {
    const { criteriaType, criteriaValues: args, allowInvalid } = this.settings;
    if (allowInvalid || cell.text === '') return true;
    const v = cell.value;
    const num = (i: number) => Number(args[i]);
    const time = (i: number) => {
      const a = args[i];
      return isDate(a) ? a.getTime() : NaN;
    };
    const valueIsDate = v instanceof Date;
    switch (criteriaType) {
      case 'VALUE_IN_LIST':
        return (args[0] as unknown[]).some((item) => String(item) === cell.text);
      case 'VALUE_IN_RANGE':
        return (args[0] as EmuRange).emuDisplayedTexts().includes(cell.text);
      case 'CHECKBOX':
        return args.length === 0 ? typeof v === 'boolean' : args.some((a) => a === v || String(a) === cell.text);
      case 'DATE_IS_VALID_DATE':
        return valueIsDate;
      case 'DATE_AFTER':
        return valueIsDate && v.getTime() > time(0);
      case 'DATE_BEFORE':
        return valueIsDate && v.getTime() < time(0);
      case 'DATE_ON_OR_AFTER':
        return valueIsDate && v.getTime() >= time(0);
      case 'DATE_ON_OR_BEFORE':
        return valueIsDate && v.getTime() <= time(0);
      case 'DATE_BETWEEN':
        return valueIsDate && v.getTime() >= time(0) && v.getTime() <= time(1);
      case 'NUMBER_BETWEEN':
        return typeof v === 'number' && v >= num(0) && v <= num(1);
      case 'NUMBER_NOT_BETWEEN':
        return typeof v === 'number' && (v < num(0) || v > num(1));
      case 'NUMBER_EQUAL_TO':
        return v === num(0);
      case 'NUMBER_NOT_EQUAL_TO':
        return typeof v === 'number' && v !== num(0);
      case 'NUMBER_GREATER_THAN':
        return typeof v === 'number' && v > num(0);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return typeof v === 'number' && v >= num(0);
      case 'NUMBER_LESS_THAN':
        return typeof v === 'number' && v < num(0);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return typeof v === 'number' && v <= num(0);
      case 'TEXT_CONTAINS':
        return cell.text.includes(String(args[0]));
      case 'TEXT_DOES_NOT_CONTAIN':
        return !cell.text.includes(String(args[0]));
      case 'TEXT_EQUAL_TO':
        return cell.text === String(args[0]);
      case 'TEXT_IS_VALID_EMAIL':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell.text);
      case 'TEXT_IS_VALID_URL':
        return /^https?:\/\/\S+$/.test(cell.text);
      default:
        return true; // custom formulas are not evaluated against script writes
    }
  }
}

export class DataValidationBuilder {
  private readonly record: Recorder;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly settings: RuleSettings = {
      criteriaType: null,
      criteriaValues: [],
      allowInvalid: true,
      helpText: null,
    },
  ) {
    this.record = recorderFor(ctx, 'DataValidationBuilder');
  }

  private require(method: string, criteriaType: CriteriaType, criteriaValues: unknown[]): this {
    this.record(method);
    this.settings.criteriaType = criteriaType;
    this.settings.criteriaValues = criteriaValues;
    return this;
  }

  requireValueInList(values: string[], showDropdown = true): this {
    return this.require('requireValueInList', 'VALUE_IN_LIST', [[...values], showDropdown]);
  }

  requireValueInRange(range: EmuRange, showDropdown = true): this {
    return this.require('requireValueInRange', 'VALUE_IN_RANGE', [range, showDropdown]);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const args = [checkedValue, uncheckedValue].filter((a) => a !== undefined);
    return this.require('requireCheckbox', 'CHECKBOX', args);
  }

  requireDate(): this {
    return this.require('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): this {
    return this.require('requireDateAfter', 'DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): this {
    return this.require('requireDateBefore', 'DATE_BEFORE', [date]);
  }
  requireDateOnOrAfter(date: Date): this {
    return this.require('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): this {
    return this.require('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.require('requireDateBetween', 'DATE_BETWEEN', [start, end]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.require('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.require('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.require('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextIsEmail(): this {
    return this.require('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.require('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.require('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.record('setAllowInvalid');
    this.settings.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): this {
    this.record('setHelpText');
    this.settings.helpText = helpText;
    return this;
  }

  getAllowInvalid(): boolean {
    this.record('getAllowInvalid');
    return this.settings.allowInvalid;
  }
  getCriteriaType(): CriteriaType | null {
    this.record('getCriteriaType');
    return this.settings.criteriaType;
  }
  getCriteriaValues(): unknown[] {
    this.record('getCriteriaValues');
    return [...this.settings.criteriaValues];
  }
  getHelpText(): string | null {
    this.record('getHelpText');
    return this.settings.helpText;
  }

  copy(): DataValidationBuilder {
    this.record('copy');
    return new DataValidationBuilder(this.ctx, { ...this.settings, criteriaValues: [...this.settings.criteriaValues] });
  }

  build(): DataValidation {
    this.record('build');
    return new DataValidation(this.ctx, { ...this.settings, criteriaValues: [...this.settings.criteriaValues] });
  }
}
