/** Protected sheets and ranges. The emulated user owns the spreadsheet, so canEdit() is true. */
import type { EmulatorContext } from '../core';
import type { EmuRange } from './range';
import { recorderFor, type Recorder } from './record';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export type ProtectionKind = keyof typeof ProtectionType;

export class Protection implements Pick<
  GoogleAppsScript.Spreadsheet.Protection,
  'getDescription' | 'isWarningOnly' | 'canEdit' | 'canDomainEdit' | 'remove'
> {
  private readonly record: Recorder;
  private description = '';
  private warningOnly = false;
  private readonly editors = new Set<string>();

  /** `onRemove` detaches the protection from its sheet. */
  constructor(
    ctx: EmulatorContext,
    private readonly kind: ProtectionKind,
    private range: EmuRange,
    private readonly onRemove: (p: Protection) => void,
  ) {
    this.record = recorderFor(ctx, 'Protection');
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
  canEdit(): boolean {
    this.record('canEdit');
    return true;
  }
  canDomainEdit(): boolean {
    this.record('canDomainEdit');
    return true;
  }
  getEditors(): { getEmail(): string }[] {
    this.record('getEditors');
    return [...this.editors].map((email) => ({ getEmail: () => email }));
  }
  addEditor(email: string): this {
    this.record('addEditor');
    this.editors.add(email);
    return this;
  }
  addEditors(emails: string[]): this {
    this.record('addEditors');
    emails.forEach((e) => this.editors.add(e));
    return this;
  }
  removeEditors(emails: string[]): this {
    this.record('removeEditors');
    emails.forEach((e) => this.editors.delete(e));
    return this;
  }
  setDomainEdit(_editable: boolean): this {
    this.record('setDomainEdit');
    return this;
  }
  remove(): void {
    this.record('remove');
    this.onRemove(this);
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
}
