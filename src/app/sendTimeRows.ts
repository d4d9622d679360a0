/**
 * Where each linked item's row is when its mail is built (issue 24 §6, SPEC §3.3 "each item links
 * to its row as it stands at send time"): the ID column read again after the document lock was let
 * go, so a sort or an inserted row between the scan's read and the sends does not misdirect a link.
 */
import type { SheetKey } from '../domain/schema';
import { idRowsNow } from '../gas/idRows';
import type { Workbook } from './workbook';

/** Sheets whose rows a link finds by their ID column. */
const BY_ID: ReadonlySet<SheetKey> = new Set<SheetKey>(['tasks', 'requests']);

/** The row holding `item` on `sheet` now, each sheet read once on first use; undefined where it cannot be found by ID. */
export function rowsAtSendTime(wb: Workbook): (notice: { sheet: SheetKey; item: string }) => number | undefined {
  const read = new Map<SheetKey, ReadonlyMap<string, number>>();
  return ({ sheet, item }) => {
    if (!BY_ID.has(sheet)) return undefined;
    let rows = read.get(sheet);
    if (!rows) read.set(sheet, (rows = idRowsNow(wb.sheet(sheet), sheet, wb.timeZone)));
    return rows.get(item.trim().toUpperCase());
  };
}
