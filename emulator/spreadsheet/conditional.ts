/** Conditional format rules: builder, rule, boolean condition, and live evaluation for a cell. */
import type { EmulatorContext } from '../core';
import type { GridRect } from './a1';
import { shiftFormula } from './formulas';
import type { EmuRange } from './range';
import { recorderFor, type Recorder } from './record';
import { normalizeColour, type CellValue } from './values';

export const BooleanCriteria = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
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
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;
export type BooleanCriteriaType = keyof typeof BooleanCriteria;

interface Format {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

interface RuleSettings {
  criteria: BooleanCriteriaType | null;
  values: unknown[];
  format: Format;
  ranges: EmuRange[];
}

function cloneSettings(s: RuleSettings): RuleSettings {
  return { criteria: s.criteria, values: [...s.values], format: { ...s.format }, ranges: [...s.ranges] };
}

export class BooleanCondition {
  private readonly record: Recorder;

  constructor(
    ctx: EmulatorContext,
    private readonly settings: RuleSettings,
  ) {
    this.record = recorderFor(ctx, 'BooleanCondition');
  }

  getCriteriaType(): BooleanCriteriaType | null {
    this.record('getCriteriaType');
    return this.settings.criteria;
  }
  getCriteriaValues(): unknown[] {
    this.record('getCriteriaValues');
    return [...this.settings.values];
  }
  getBackground(): string | null {
    this.record('getBackground');
    return this.settings.format.background;
  }
  getFontColor(): string | null {
    this.record('getFontColor');
    return this.settings.format.fontColor;
  }
  getBold(): boolean | null {
    this.record('getBold');
    return this.settings.format.bold;
  }
}

/** How a rule reads the workbook: a cell's value and a formula evaluated on the rule's sheet. */
export interface CellContext {
  value: CellValue;
  text: string;
  evaluate(formula: string): CellValue;
}

export class ConditionalFormatRule {
  private readonly record: Recorder;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly settings: RuleSettings,
  ) {
    this.record = recorderFor(ctx, 'ConditionalFormatRule');
  }

  getRanges(): EmuRange[] {
    this.record('getRanges');
    return [...this.settings.ranges];
  }
  getBooleanCondition(): BooleanCondition | null {
    this.record('getBooleanCondition');
    return this.settings.criteria ? new BooleanCondition(this.ctx, this.settings) : null;
  }
  getGradientCondition(): null {
    this.record('getGradientCondition');
    return null;
  }
  copy(): ConditionalFormatRuleBuilder {
    this.record('copy');
    return new ConditionalFormatRuleBuilder(this.ctx, cloneSettings(this.settings));
  }

  /** Emulator internals, not Apps Script API: which cells the rule covers and the colour it paints. */
  emuCovers(sheetId: number, row: number, col: number): boolean {
    return this.settings.ranges.some((r) => r.emuSheetId() === sheetId && inside(r.emuRect(), row, col));
  }

  emuRanges(): EmuRange[] {
    return [...this.settings.ranges];
  }

  emuBackground(): string | null {
    return this.settings.format.background;
  }

  emuWithRanges(ranges: EmuRange[]): ConditionalFormatRule {
    return new ConditionalFormatRule(this.ctx, { ...cloneSettings(this.settings), ranges });
  }

  /** Custom formulas are written for the top-left cell of the first range; other cells shift relative refs. */
  emuMatches(row: number, col: number, cell: CellContext): boolean {
    const { criteria, values } = this.settings;
    const v = cell.value;
    const n = (i: number) => Number(values[i]);
    const text = (i: number) => String(values[i] ?? '');
    switch (criteria) {
      case 'CELL_EMPTY':
        return cell.text === '';
      case 'CELL_NOT_EMPTY':
        return cell.text !== '';
      case 'TEXT_EQUAL_TO':
        return cell.text === text(0);
      case 'TEXT_CONTAINS':
        return cell.text.includes(text(0));
      case 'TEXT_DOES_NOT_CONTAIN':
        return !cell.text.includes(text(0));
      case 'TEXT_STARTS_WITH':
        return cell.text.startsWith(text(0));
      case 'TEXT_ENDS_WITH':
        return cell.text.endsWith(text(0));
      case 'NUMBER_EQUAL_TO':
        return typeof v === 'number' && v === n(0);
      case 'NUMBER_NOT_EQUAL_TO':
        return typeof v === 'number' && v !== n(0);
      case 'NUMBER_GREATER_THAN':
        return typeof v === 'number' && v > n(0);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return typeof v === 'number' && v >= n(0);
      case 'NUMBER_LESS_THAN':
        return typeof v === 'number' && v < n(0);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return typeof v === 'number' && v <= n(0);
      case 'NUMBER_BETWEEN':
        return typeof v === 'number' && v >= n(0) && v <= n(1);
      case 'NUMBER_NOT_BETWEEN':
        return typeof v === 'number' && (v < n(0) || v > n(1));
      case 'CUSTOM_FORMULA': {
        const anchor = this.settings.ranges[0]?.emuRect();
        if (!anchor) return false;
        const result = cell.evaluate(shiftFormula(text(0), row - anchor.row, col - anchor.col));
        return result === true || (typeof result === 'number' && result !== 0);
      }
      default:
        return false;
    }
  }
}

function inside(rect: GridRect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.numRows && col >= rect.col && col < rect.col + rect.numCols;
}

export class ConditionalFormatRuleBuilder {
  private readonly record: Recorder;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly settings: RuleSettings = {
      criteria: null,
      values: [],
      format: { background: null, fontColor: null, bold: null },
      ranges: [],
    },
  ) {
    this.record = recorderFor(ctx, 'ConditionalFormatRuleBuilder');
  }

  private when(method: string, criteria: BooleanCriteriaType, values: unknown[]): this {
    this.record(method);
    this.settings.criteria = criteria;
    this.settings.values = values;
    return this;
  }

  whenFormulaSatisfied(formula: string): this {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string): this {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string): this {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): this {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextStartsWith(text: string): this {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text]);
  }
  whenTextEndsWith(text: string): this {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text]);
  }
  whenCellEmpty(): this {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberBetween(start: number, end: number): this {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  setBackground(color: string | null): this {
    this.record('setBackground');
    this.settings.format.background = color === null ? null : normalizeColour(color, '#ffffff');
    return this;
  }

  setFontColor(color: string | null): this {
    this.record('setFontColor');
    this.settings.format.fontColor = color === null ? null : normalizeColour(color, '#000000');
    return this;
  }

  setBold(bold: boolean | null): this {
    this.record('setBold');
    this.settings.format.bold = bold;
    return this;
  }

  setRanges(ranges: EmuRange[]): this {
    this.record('setRanges');
    this.settings.ranges = [...ranges];
    return this;
  }

  getRanges(): EmuRange[] {
    this.record('getRanges');
    return [...this.settings.ranges];
  }
  getBooleanCondition(): BooleanCondition | null {
    this.record('getBooleanCondition');
    return this.settings.criteria ? new BooleanCondition(this.ctx, cloneSettings(this.settings)) : null;
  }

  copy(): ConditionalFormatRuleBuilder {
    this.record('copy');
    return new ConditionalFormatRuleBuilder(this.ctx, cloneSettings(this.settings));
  }

  build(): ConditionalFormatRule {
    this.record('build');
    return new ConditionalFormatRule(this.ctx, cloneSettings(this.settings));
  }
}
