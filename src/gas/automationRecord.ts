/**
 * Where automation keeps what it must know without a document (SPEC §4, trigger context).
 *
 * - In the workbook, as spreadsheet developer metadata (like the sheet IDs): who owns automation,
 *   which trigger is theirs, and what the tick already ran. Every user's run reads it — a menu, the
 *   sidebar, another coordinator's tick, a tick with no active document (it has the spreadsheet it
 *   opened by ID) — nobody can mistype it in a cell, and it travels with the file. Owner and run
 *   state are separate entries: a tick writes its state hourly, a coordinator's Turn on writes the
 *   owner, and neither write can undo the other.
 * - Beside the run state, the scan's Progress high-water mark (SPEC §3.7): the last Progress row a
 *   scan read, so the next one reads only the rows added since (see app/scan.ts).
 * - Also in the workbook: the edits onEdit left for the tick (gas/pendingEdits.ts).
 * - In the owner's user properties, keyed by spreadsheet ID: which workbook each of their ticks
 *   serves, the one thing a tick must know before it can open anything.
 */
import type { AutomationState } from '../domain/schedule';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const OWNER_KEY = 'collabDesk.automationOwner';
const STATE_KEY = 'collabDesk.automation';
/** Where the run state lived before it moved into the workbook; read until the next write. */
const LEGACY_STATE_PROPERTY = STATE_KEY;
const TICK_WORKBOOK_PREFIX = 'collabDesk.tick.';
export const PROGRESS_MARK_KEY = 'collabDesk.progressMark';

/**
 * The last Progress row a scan read, and what identifies that row (its task and summary): a row
 * inserted or deleted above it, or that row changed, shows as a different row there.
 */
export interface ProgressMark {
  readonly row: number;
  readonly fingerprint: string;
}

/** Why a registered tick stopped itself. */
export type AutomationStop = 'ownerNotCoordinator';

export interface AutomationOwner {
  /** The coordinator whose trigger runs the tick. */
  readonly owner: string;
  readonly triggerUid: string;
  /** ISO time of Turn on. */
  readonly since: string;
  readonly stopped?: { readonly reason: AutomationStop; readonly at: string };
}

function metadataValue(spreadsheet: Spreadsheet, key: string): string | undefined {
  const [entry] = spreadsheet.createDeveloperMetadataFinder().withKey(key).find();
  return entry?.getValue() ?? undefined;
}

function writeMetadata(spreadsheet: Spreadsheet, key: string, value: string | undefined): void {
  const [existing, ...copies] = spreadsheet.createDeveloperMetadataFinder().withKey(key).find();
  for (const copy of copies) copy.remove();
  if (value === undefined) existing?.remove();
  else if (existing) existing.setValue(value);
  else spreadsheet.addDeveloperMetadata(key, value);
}

function parseObject(raw: string | null | undefined): Record<string, unknown> {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    // A damaged entry: start afresh rather than stop automation.
    return {};
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The workbook's automation owner, or undefined when automation is off. */
export function readAutomationOwner(spreadsheet: Spreadsheet): AutomationOwner | undefined {
  const parsed = parseObject(metadataValue(spreadsheet, OWNER_KEY));
  const owner = text(parsed.owner);
  const triggerUid = text(parsed.triggerUid);
  if (!owner || !triggerUid) return undefined;
  const stopped =
    typeof parsed.stopped === 'object' && parsed.stopped !== null ? (parsed.stopped as Record<string, unknown>) : {};
  const reason = text(stopped.reason);
  return {
    owner,
    triggerUid,
    since: text(parsed.since) ?? '',
    ...(reason === 'ownerNotCoordinator' ? { stopped: { reason, at: text(stopped.at) ?? '' } } : {}),
  };
}

/** The owner automation has while it runs: undefined when off or stopped. */
export function activeAutomationOwner(spreadsheet: Spreadsheet): AutomationOwner | undefined {
  const registered = readAutomationOwner(spreadsheet);
  return registered && !registered.stopped ? registered : undefined;
}

/** Records the owner, or (undefined) that automation is off. */
export function writeAutomationOwner(spreadsheet: Spreadsheet, owner: AutomationOwner | undefined): void {
  writeMetadata(spreadsheet, OWNER_KEY, owner && JSON.stringify(owner));
}

/** What the tick already ran. */
export function readAutomationState(spreadsheet: Spreadsheet): AutomationState {
  const stored = metadataValue(spreadsheet, STATE_KEY) ?? legacyState()?.getProperty(LEGACY_STATE_PROPERTY);
  const parsed = parseObject(stored);
  return {
    lastScanDay: text(parsed.lastScanDay),
    lastSummaryWeek: text(parsed.lastSummaryWeek),
    lastTimelineDay: text(parsed.lastTimelineDay),
  };
}

export function writeAutomationState(spreadsheet: Spreadsheet, state: AutomationState): void {
  writeMetadata(spreadsheet, STATE_KEY, JSON.stringify(state));
  legacyState()?.deleteProperty(LEGACY_STATE_PROPERTY);
}

/** A stored mark, or undefined when there is none or it is damaged (then the scan reads all of Progress). */
export function parseProgressMark(raw: string | null | undefined): ProgressMark | undefined {
  const parsed = parseObject(raw);
  const { row, fingerprint } = parsed;
  return typeof row === 'number' && Number.isInteger(row) && row >= 2 && typeof fingerprint === 'string'
    ? { row, fingerprint }
    : undefined;
}

export function readProgressMark(spreadsheet: Spreadsheet): ProgressMark | undefined {
  return parseProgressMark(metadataValue(spreadsheet, PROGRESS_MARK_KEY));
}

/** Records the mark, or (undefined) forgets it: the next scan reads all of Progress. */
export function writeProgressMark(spreadsheet: Spreadsheet, mark: ProgressMark | undefined): void {
  writeMetadata(spreadsheet, PROGRESS_MARK_KEY, mark && JSON.stringify(mark));
}

/**
 * An edit at or above the mark: a row there may no longer say what its task carries, so the mark
 * is forgotten and the next scan reads all of Progress. Rows added below it change nothing.
 */
export function forgetProgressMarkFrom(spreadsheet: Spreadsheet, editedRow: number): void {
  const mark = readProgressMark(spreadsheet);
  if (mark && editedRow <= mark.row) writeProgressMark(spreadsheet, undefined);
}

/** Document properties, where a run with a document finds the state an older version kept. */
function legacyState(): GoogleAppsScript.Properties.Properties | null {
  return PropertiesService.getDocumentProperties();
}

/** Remembers, for the current user, that their tick `triggerUid` serves this workbook. */
export function rememberTickWorkbook(spreadsheetId: string, triggerUid: string): void {
  PropertiesService.getUserProperties().setProperty(TICK_WORKBOOK_PREFIX + spreadsheetId, triggerUid);
}

export function forgetTickWorkbook(spreadsheetId: string): void {
  PropertiesService.getUserProperties().deleteProperty(TICK_WORKBOOK_PREFIX + spreadsheetId);
}

/** The ID of the workbook the current user's tick `triggerUid` serves. */
export function tickWorkbookId(triggerUid: string): string | undefined {
  const properties = PropertiesService.getUserProperties().getProperties();
  const key = Object.keys(properties).find(
    (name) => name.startsWith(TICK_WORKBOOK_PREFIX) && properties[name] === triggerUid,
  );
  return key?.slice(TICK_WORKBOOK_PREFIX.length);
}
