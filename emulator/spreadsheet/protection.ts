/**
 * Protected sheets and ranges, enforced per user as Sheets enforces them
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection):
 *
 * - "The spreadsheet owner is always able to edit protected ranges and sheets" (canEdit()); other
 *   users edit a protected area only when they are among its editors (or domain edit is on).
 * - A new protection "mirrors" the spreadsheet's own permissions "until the script actually changes
 *   the list of editors … (by calling Protection.removeEditor … addEditor … or setting a new value
 *   for Protection.setDomainEdit(editable)) …, which effectively means that the sheet remains
 *   unprotected" (Sheet.protect(), Range.protect()).
 * - removeEditor(s): "Neither the owner of the spreadsheet nor the current user can be removed."
 * - setWarningOnly(true): "every user can edit data in the area, except editing prompts a warning".
 * - "If a cell is protected by multiple protected ranges and any of them prevent a particular user
 *   from editing the cell, then that user is not permitted to edit the cell" (Range.protect()).
 * - A sheet protection may leave regions editable: setUnprotectedRanges(ranges) "Unprotects the
 *   given array of ranges within a protected sheet" (SHEET type only).
 * - A range protection made from whole-column A1 ("C:C", "C2:C") covers every row, also rows
 *   added later: the Sheets API's GridRange says "Missing indexes indicate the range is unbounded
 *   on that side" (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange),
 *   and ProtectedRange.range is such a GridRange.
 *
 * A write the user may not make throws PROTECTED_MESSAGE (see Workbook.checkEdit); the file's
 * sharing (who may open or edit the spreadsheet at all) is not modelled: every user may edit it.
 */
import type { EmulatorContext } from '../core';
import { gasError } from '../core';
import type { GridRect } from './a1';
import type { EmuRange } from './range';
import { recorderFor, type Recorder } from './record';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export type ProtectionKind = keyof typeof ProtectionType;

/**
 * What Sheets answers a write into a protected cell by someone who may not edit it: the text of the
 * Sheets dialog, of the Apps Script exception and of the Sheets API's HTTP 400 (where a batch entry
 * is prefixed "Invalid data[i]: "), as public client code and reports quote it (not found in the
 * reference pages). Sheets words it in the account's language, so code must not parse it.
 */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Who owns the file and who runs the code now: what every protection check needs. */
export interface ProtectionUsers {
  owner(): string;
  current(): string;
}

export class Protection implements Pick<
  GoogleAppsScript.Spreadsheet.Protection,
  'getDescription' | 'isWarningOnly' | 'canEdit' | 'canDomainEdit' | 'remove'
> {
  private readonly record: Recorder;
  private description = '';
  private warningOnly = false;
  private readonly editors = new Set<string>();
  /** True until the script first changes the editors or domain edit: the area stays editable by all. */
  private mirrorsSpreadsheet = true;
  private domainEdit = false;
  private unprotected: EmuRange[] = [];
  /** Made from a whole-column A1 range: covers every row from its first, also rows added later. */
  private readonly openRows: boolean;

  /** `onRemove` detaches the protection from its sheet. */
  constructor(
    ctx: EmulatorContext,
    private readonly kind: ProtectionKind,
    private range: EmuRange,
    private readonly onRemove: (p: Protection) => void,
    private readonly users: ProtectionUsers,
  ) {
    this.record = recorderFor(ctx, 'Protection');
    this.openRows = kind === 'RANGE' && range.emuOpenRows();
    // The spreadsheet's editors, as far as the emulator knows them: its owner and whoever protects.
    for (const email of [users.owner(), users.current()]) if (email) this.editors.add(email.toLowerCase());
  }

  getProtectionType(): ProtectionKind {
    this.record('getProtectionType');
    return this.kind;
  }
  getDescription(): string {
    this.record('getDescription');
    return this.description;
  }
  setDescription(description: string): this {
    this.record('setDescription');
    this.description = description;
    return this;
  }
  isWarningOnly(): boolean {
    this.record('isWarningOnly');
    return this.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.record('setWarningOnly');
    this.warningOnly = warningOnly;
    return this;
  }
  getRange(): EmuRange {
    this.record('getRange');
    return this.range;
  }
  setRange(range: EmuRange): this {
    this.record('setRange');
    this.range = range;
    return this;
  }
  getUnprotectedRanges(): EmuRange[] {
    this.record('getUnprotectedRanges');
    return [...this.unprotected];
  }
  setUnprotectedRanges(ranges: EmuRange[]): this {
    this.record('setUnprotectedRanges');
    // "Throws an exception if the protection type is not SHEET" (wording a guess).
    if (this.kind !== 'SHEET') throw gasError('Unprotected ranges can only be set on a protected sheet.');
    this.unprotected = [...ranges];
    return this;
  }
  /** "Determines whether the user has permission to edit the protected range or sheet." */
  canEdit(): boolean {
    this.record('canEdit');
    return this.emuMayEdit(this.users.current());
  }
  canDomainEdit(): boolean {
    this.record('canDomainEdit');
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this.record('setDomainEdit');
    this.domainEdit = editable;
    this.mirrorsSpreadsheet = false;
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    this.record('getEditors');
    return [...this.editors].map((email) => ({ getEmail: () => email }));
  }
  addEditor(email: string): this {
    this.record('addEditor');
    return this.emuAdd([email]);
  }
  addEditors(emails: string[]): this {
    this.record('addEditors');
    return this.emuAdd(emails);
  }
  removeEditor(email: string): this {
    this.record('removeEditor');
    return this.emuRemove([email]);
  }
  removeEditors(emails: string[]): this {
    this.record('removeEditors');
    return this.emuRemove(emails);
  }
  remove(): void {
    this.record('remove');
    this.onRemove(this);
  }

  /**
   * Only someone who may edit the protected area changes its editors: "the owner and editors of a
   * protected range" set who may edit it (https://support.google.com/docs/answer/1218656); the
   * wording of the exception is a guess.
   */
  private emuCheckMayChange(): void {
    if (!this.emuMayEdit(this.users.current()) && !this.warningOnly)
      throw gasError("You don't have permission to change the editors of this protected range.");
  }

  private emuAdd(emails: readonly string[]): this {
    this.emuCheckMayChange();
    this.mirrorsSpreadsheet = false;
    for (const email of emails) if (email) this.editors.add(email.toLowerCase());
    return this;
  }

  private emuRemove(emails: readonly string[]): this {
    this.emuCheckMayChange();
    this.mirrorsSpreadsheet = false;
    const kept = new Set([this.users.owner(), this.users.current()].map((e) => e.toLowerCase()));
    for (const email of emails) if (!kept.has(email.toLowerCase())) this.editors.delete(email.toLowerCase());
    return this;
  }

  /** Emulator internals: kind and range without counting a call, and moving with rows/columns. */
  emuKind(): ProtectionKind {
    return this.kind;
  }

  emuRange(): EmuRange {
    return this.range;
  }

  /** Keeps a range protection on its cells when rows or columns move. */
  emuMoveTo(range: EmuRange): void {
    this.range = range;
  }

  /** Whether the script ever set the editors (or domain edit): until then the protection mirrors the spreadsheet. */
  emuEditorsChanged(): boolean {
    return !this.mirrorsSpreadsheet;
  }

  /** Whether `user` may change the cells this protection covers (a warning does not stop anyone). */
  emuMayEdit(user: string): boolean {
    if (this.warningOnly || this.mirrorsSpreadsheet || this.domainEdit) return true;
    const email = user.toLowerCase();
    return email !== '' && (email === this.users.owner().toLowerCase() || this.editors.has(email));
  }

  /** Whether the protection covers any cell of `rect` (1-based, on its own sheet). */
  emuCovers(rect: GridRect): boolean {
    const area = this.range.emuRect();
    const rows = this.openRows ? Number.POSITIVE_INFINITY : area.row + area.numRows - 1;
    if (!overlaps(rect, area.row, rows, area.col, area.col + area.numCols - 1)) return false;
    if (this.unprotected.length === 0) return true;
    // A sheet protection covers the cells of `rect` outside every unprotected range.
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        const free = this.unprotected.some((u) => {
          const x = u.emuRect();
          return r >= x.row && r < x.row + x.numRows && c >= x.col && c < x.col + x.numCols;
        });
        if (!free) return true;
      }
    }
    return false;
  }
}

function overlaps(rect: GridRect, top: number, bottom: number, left: number, right: number): boolean {
  return (
    rect.row <= bottom && rect.row + rect.numRows - 1 >= top && rect.col <= right && rect.col + rect.numCols - 1 >= left
  );
}
