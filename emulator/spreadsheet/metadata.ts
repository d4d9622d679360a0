/**
 * Developer metadata located on the spreadsheet itself: key/value strings a script attaches to the
 * document, invisible to people, kept when sheets are renamed, reachable from SpreadsheetApp (and
 * the Sheets API's Spreadsheets.get). Range-, row-, column- and sheet-located metadata are not
 * emulated.
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
 */
import type { EmulatorContext } from '../core';
import { recorderFor, type Recorder } from './record';
import type { Workbook } from './workbook';

export interface MetadataEntry {
  readonly id: number;
  key: string;
  value: string | null;
  /** DOCUMENT (any script of the document's projects) or PROJECT (only the project that created it). */
  visibility: 'DOCUMENT' | 'PROJECT';
}

export class EmuDeveloperMetadata {
  private readonly record: Recorder;

  constructor(
    ctx: EmulatorContext,
    private readonly workbook: Workbook,
    private readonly entry: MetadataEntry,
  ) {
    this.record = recorderFor(ctx, 'DeveloperMetadata');
  }

  getId(): number {
    this.record('getId');
    return this.entry.id;
  }

  getKey(): string {
    this.record('getKey');
    return this.entry.key;
  }

  /** null when the metadata was added without a value. */
  getValue(): string | null {
    this.record('getValue');
    return this.entry.value;
  }

  setValue(value: string): this {
    this.record('setValue');
    this.entry.value = String(value);
    return this;
  }

  getVisibility(): string {
    this.record('getVisibility');
    return this.entry.visibility;
  }

  remove(): void {
    this.record('remove');
    this.workbook.developerMetadata = this.workbook.developerMetadata.filter((e) => e !== this.entry);
  }
}

export class EmuDeveloperMetadataFinder {
  private readonly record: Recorder;
  private readonly filters: ((entry: MetadataEntry) => boolean)[] = [];

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly workbook: Workbook,
  ) {
    this.record = recorderFor(ctx, 'DeveloperMetadataFinder');
  }

  withKey(key: string): this {
    this.record('withKey');
    this.filters.push((entry) => entry.key === key);
    return this;
  }

  withValue(value: string): this {
    this.record('withValue');
    this.filters.push((entry) => entry.value === value);
    return this;
  }

  withId(id: number): this {
    this.record('withId');
    this.filters.push((entry) => entry.id === id);
    return this;
  }

  find(): EmuDeveloperMetadata[] {
    this.record('find');
    return this.workbook.developerMetadata
      .filter((entry) => this.filters.every((matches) => matches(entry)))
      .map((entry) => new EmuDeveloperMetadata(this.ctx, this.workbook, entry));
  }
}
