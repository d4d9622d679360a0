/**
 * Changed cells grouped into the ranges that write them: runs of neighbours along a row (one
 * setValues, one note or background call each), and blocks of such runs on rows one below the
 * other (one range of a Sheets API batch each). Every other cell stays as it is.
 */
import type { Cell, CellWrite } from './placement';

/**
 * Writes cells grouped into runs of neighbours along a row, `write(row, column, run)` once a run;
 * every other cell stays as it is.
 */
export function forEachRun(
  writes: readonly CellWrite[],
  write: (row: number, column: number, run: Cell[]) => void,
): void {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.column - b.column);
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const next = sorted[i];
    if (next && next.row === previous.row && next.column === previous.column + 1) continue;
    const first = sorted[start]!;
    write(
      first.row,
      first.column,
      sorted.slice(start, i).map((cell) => cell.value),
    );
    start = i;
  }
}

/**
 * Writes cells as blocks, `write(row, column, lines)` once a block: the runs of forEachRun, those
 * of the same columns on rows one below the other joined, so a status and a time column marked on
 * hundreds of rows go as two ranges, not one a row each. A cell written twice keeps its order.
 */
export function forEachBlock(
  writes: readonly CellWrite[],
  write: (row: number, column: number, lines: Cell[][]) => void,
): void {
  const runs: { row: number; column: number; run: Cell[] }[] = [];
  forEachRun(writes, (row, column, run) => runs.push({ row, column, run }));
  runs.sort((a, b) => a.column - b.column || a.run.length - b.run.length || a.row - b.row);
  let block: { row: number; column: number; lines: Cell[][] } | undefined;
  for (const { row, column, run } of runs) {
    const width = block?.lines[0]?.length;
    if (block && block.column === column && width === run.length && block.row + block.lines.length === row) {
      block.lines.push(run);
      continue;
    }
    if (block) write(block.row, block.column, block.lines);
    block = { row, column, lines: [run] };
  }
  if (block) write(block.row, block.column, block.lines);
}
