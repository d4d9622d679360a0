/**
 * Validate's marks (SPEC §3.3): each problem as a note and a highlight on its cell. The user's own
 * notes and colours are kept; only the add-on's marked notes and highlights change. Where a mark
 * lands is decided at write time, like every other write (placement.ts): the sheet is read again,
 * each problem's row is found by its ID (or, without one, by the values it held), each column by
 * its header, and only cells whose note or background changes are written. A row that cannot be
 * found gets no mark, never another row's.
 */
import { mapHeaders } from '../domain/schema';
import type { Problem } from '../domain/workflow';
import { t, type Locale } from '../i18n/index';
import { rowFinder, type CellWrite } from './placement';
import { forEachRun } from './cellRuns';
import { sheetNowOf, type Cell, type Table } from './table';

const HIGHLIGHT = { error: '#f4c7c3', warning: '#fce8b2' } as const;
const PLAIN_BACKGROUND = '#ffffff';
const OUR_COLOURS: readonly string[] = Object.values(HIGHLIGHT);

/** Our part of a cell note starts with the marker (either language) and runs to the end. */
function userPart(note: string): string {
  const markers = [t('zh-CN', 'wbNoteMarker'), t('en', 'wbNoteMarker')];
  const at = Math.min(...markers.map((m) => note.indexOf(m)).map((i) => (i < 0 ? note.length : i)));
  return note.slice(0, at).trimEnd();
}

/**
 * Replaces the add-on's notes and highlights on `table`'s sheet with `problems` (each on the row
 * it was found on when `table` was read): one read of values, notes and backgrounds, then a write
 * per run of neighbouring cells that change.
 */
export function markProblems(table: Table<string>, problems: readonly Problem[], locale: Locale): void {
  if (table.rows.length === 0 || table.width === 0) return;
  const sheet = table.sheet;
  const now = sheetNowOf(sheet.getDataRange().getValues() as Cell[][], table.def);
  const width = now.header.length;
  if (now.lastRow < 2 || width === 0) return;
  const columns = mapHeaders(table.def, now.header) as Partial<Record<string, number>>;
  const find = rowFinder({ def: table.def, positions: table.positions, timeZone: table.timeZone }, now);

  /** Problems by today's "row:column" (1-based row, 0-based column). */
  const byCell = new Map<string, Problem[]>();
  for (const p of problems) {
    const read = p.row === undefined ? undefined : table.rows[p.row - 2];
    const column = columns[p.field];
    const row = read && column !== undefined ? find({ rowNumber: read.rowNumber, original: read.read }) : undefined;
    if (row === undefined) continue;
    const cell = `${row}:${column}`;
    byCell.set(cell, [...(byCell.get(cell) ?? []), p]);
  }

  const range = sheet.getRange(2, 1, now.lastRow - 1, width);
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  const noteWrites: CellWrite[] = [];
  const backgroundWrites: CellWrite[] = [];
  notes.forEach((line, r) =>
    line.forEach((note, c) => {
      const own = byCell.get(`${r + 2}:${c}`);
      const ours = own ? t(locale, 'wbNoteMarker') + own.map((p) => t(locale, p.message, p.params)).join('\n') : '';
      const next = [userPart(note), ours].filter((part) => part !== '').join('\n\n');
      if (next !== note) noteWrites.push({ row: r + 2, column: c + 1, value: next });
      const colour = backgrounds[r]?.[c] ?? PLAIN_BACKGROUND;
      const nextColour = own
        ? HIGHLIGHT[own.some((p) => p.level === 'error') ? 'error' : 'warning']
        : OUR_COLOURS.includes(colour.toLowerCase())
          ? PLAIN_BACKGROUND
          : colour;
      if (nextColour !== colour) backgroundWrites.push({ row: r + 2, column: c + 1, value: nextColour });
    }),
  );
  forEachRun(noteWrites, (row, column, run) => sheet.getRange(row, column, 1, run.length).setNotes([run as string[]]));
  forEachRun(backgroundWrites, (row, column, run) =>
    sheet.getRange(row, column, 1, run.length).setBackgrounds([run as string[]]),
  );
}
