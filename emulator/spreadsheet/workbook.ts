/** The data behind one spreadsheet: its sheets, locale, time zone and the lazily built formula engine. */
import type { Clock } from '../core';
import { FormulaEngine, isVolatile } from './formulas';
import { SheetModel, type WorkbookServices } from './model';
import type { MetadataEntry } from './metadata';
import type { ProtectionUsers } from './protection';
import type { CellValue } from './values';

export class Workbook implements WorkbookServices {
  readonly sheets: SheetModel[] = [];
  private engine: FormulaEngine | null = null;
  /** Sheets the current engine was built from; changes elsewhere cannot alter any formula result. */
  private engineSheets = new Set<SheetModel>();
  /** Emulator time when the engine was built; TODAY()/NOW() results expire when the clock moves. */
  private builtAt = 0;
  private hasVolatile = false;
  private nextSheetId = 0;
  /** Developer metadata located on the spreadsheet (metadata.ts). */
  developerMetadata: MetadataEntry[] = [];
  private nextMetadataId = 1;
  /** A test's edits waiting for the script's next write (EmuSpreadsheet.emuBeforeNextWrite). */
  private pendingEdits: (() => void)[] = [];
  /** The file's owner and the user the code runs as now, for protections (protection.ts). */
  users: ProtectionUsers = { owner: () => '', current: () => '' };

  constructor(
    private readonly clock: Clock,
    readonly id: string,
    public name: string,
    public locale: string,
    public timeZone: string,
  ) {}

  addMetadata(key: string, value: string | null): MetadataEntry {
    const entry: MetadataEntry = { id: this.nextMetadataId++, key, value, visibility: 'DOCUMENT' };
    this.developerMetadata.push(entry);
    return entry;
  }

  /** Queues `edit` to run once, just before the next write of any kind is applied. */
  onNextWrite(edit: () => void): void {
    this.pendingEdits.push(edit);
  }

  /** Called by every writing method before it changes anything; the edits' own writes do not re-enter. */
  beforeWrite(): void {
    if (this.pendingEdits.length === 0) return;
    const edits = this.pendingEdits;
    this.pendingEdits = [];
    for (const edit of edits) edit();
  }

  now(): Date {
    return this.clock.now();
  }

  changed(sheet?: SheetModel): void {
    if (sheet && !this.engineSheets.has(sheet) && sheet.formulas.size === 0) return;
    this.engine = null;
    this.engineSheets.clear();
  }

  /**
   * Only sheets holding formulas, sheets whose names those formulas mention, and `required` sheets go
   * into the engine; it is rebuilt when a required sheet is missing from it.
   */
  private formulaEngine(required: SheetModel[] = []): FormulaEngine {
    const fresh = !this.hasVolatile || this.clock.now().getTime() === this.builtAt;
    if (this.engine && fresh && required.every((s) => this.engineSheets.has(s))) return this.engine;
    const texts: string[] = [];
    for (const sheet of this.sheets) sheet.formulas.forEach((f) => texts.push(f));
    const all = texts.join('\n');
    this.engineSheets = new Set([
      ...required,
      ...this.sheets.filter((s) => s.formulas.size > 0 || all.includes(s.name)),
    ]);
    this.hasVolatile = texts.some(isVolatile);
    this.builtAt = this.clock.now().getTime();
    this.engine = new FormulaEngine([...this.engineSheets], this.timeZone, () => this.clock.now());
    return this.engine;
  }

  formulaValue(sheet: SheetModel, row: number, col: number): CellValue {
    return this.formulaEngine().valueAt(sheet.name, row, col);
  }

  /** Evaluates `formula` as if it were on `sheet` (conditional formatting). */
  evaluate(formula: string, sheet: SheetModel): CellValue {
    const mentioned = this.sheets.filter((s) => formula.includes(s.name));
    return this.formulaEngine([sheet, ...mentioned]).evaluate(formula, sheet.name);
  }

  /** A spreadsheet always keeps at least one sheet (deleting the last one is refused). */
  firstSheet(): SheetModel {
    const first = this.sheets[0];
    if (!first) throw new Error('Emulator bug: a spreadsheet without sheets');
    return first;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The first sheet has gid 0 like a new Google spreadsheet; later ones get distinct large ids. */
  addSheet(name: string, index: number): SheetModel {
    const sheetId = this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7_919;
    this.nextSheetId++;
    const sheet = new SheetModel(this, name, sheetId);
    this.sheets.splice(index, 0, sheet);
    this.changed();
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.changed();
  }
}
