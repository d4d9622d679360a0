/**
 * Edits onEdit could not finish (the document lock stayed busy past its few seconds), recorded at
 * edit time without the lock, for the tick to handle as their typist would have, at the typed time
 * (SPEC §3.6). One developer-metadata entry per edit, added without reading the others, so no
 * edit's entry overwrites another's: which cells (the event's range), who typed them (the active
 * user, '' where Apps Script names nobody), when, and for one cell what it held and became.
 *
 * Spreadsheet developer metadata is capped (30,000 characters for all entries at one location,
 * https://developers.google.com/sheets/api/guides/metadata#limits), so the one-cell values are
 * cut to VALUE_MAX characters; a longer old value cannot be restored and the cell is left for a
 * coordinator, as a paste is.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PENDING_EDIT_KEY = 'collabDesk.pendingSync';
const VALUE_MAX = 500;

export interface PendingEdit {
  readonly sheetId: number;
  /** 1-based, as the event's range. */
  readonly row: number;
  readonly numRows: number;
  readonly column: number;
  readonly numColumns: number;
  /** The typist's email; '' where Apps Script named nobody. */
  readonly user: string;
  /** When it was typed; undefined for an entry an earlier version left (it said only sheet and row). */
  readonly at: Date | undefined;
  /** For one cell typed, what the event said it held and became. */
  readonly oldValue?: unknown;
  readonly value?: unknown;
}

/** Leaves an edit for the next tick: an entry of its own, added without reading the others. */
export function leavePendingEdit(spreadsheet: Spreadsheet, edit: PendingEdit): void {
  const entry: Record<string, unknown> = {
    s: edit.sheetId,
    r: edit.row,
    n: edit.numRows,
    c: edit.column,
    w: edit.numColumns,
    u: edit.user,
    t: edit.at?.toISOString(),
  };
  const fits = (value: unknown) => typeof value !== 'string' || value.length <= VALUE_MAX;
  if ('oldValue' in edit && fits(edit.oldValue)) entry.o = edit.oldValue ?? null;
  if ('value' in edit && fits(edit.value)) entry.v = edit.value ?? null;
  spreadsheet.addDeveloperMetadata(PENDING_EDIT_KEY, JSON.stringify(entry));
}

/**
 * The edits left, oldest first, and `done`, which removes exactly the entries read (an edit
 * leaving one meanwhile keeps its own for the tick after).
 */
export function pendingEdits(spreadsheet: Spreadsheet): { readonly edits: readonly PendingEdit[]; done(): void } {
  const entries = spreadsheet.createDeveloperMetadataFinder().withKey(PENDING_EDIT_KEY).find();
  const edits = entries
    .map((entry) => parseEdit(entry.getValue() ?? ''))
    .filter((edit): edit is PendingEdit => edit !== undefined)
    .sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0));
  return { edits, done: () => entries.forEach((entry) => entry.remove()) };
}

function parseEdit(raw: string): PendingEdit | undefined {
  // An earlier version's entry: "sheetId:row", no typist, no time.
  const legacy = /^(\d+):(\d+)$/.exec(raw);
  if (legacy) {
    return {
      sheetId: Number(legacy[1]),
      row: Number(legacy[2]),
      numRows: 1,
      column: 1,
      numColumns: 0,
      user: '',
      at: undefined,
    };
  }
  try {
    const e = JSON.parse(raw) as Record<string, unknown>;
    const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
    const [sheetId, row, numRows, column, numColumns] = [e.s, e.r, e.n, e.c, e.w].map(int);
    if (sheetId === undefined || row === undefined || numRows === undefined) return undefined;
    if (column === undefined || numColumns === undefined) return undefined;
    const at = typeof e.t === 'string' ? new Date(e.t) : undefined;
    return {
      sheetId,
      row,
      numRows,
      column,
      numColumns,
      user: typeof e.u === 'string' ? e.u : '',
      at: at && !Number.isNaN(at.getTime()) ? at : undefined,
      ...('o' in e ? { oldValue: e.o ?? undefined } : {}),
      ...('v' in e ? { value: e.v ?? undefined } : {}),
    };
  } catch {
    return undefined;
  }
}
