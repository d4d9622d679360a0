/**
 * One per-cell attribute of a sheet (values, formulas, notes, backgrounds...), stored as sparse rows of
 * sparse arrays so 10k x 20 reads and writes cost O(cells) and empty cells cost nothing.
 */
export class Layer<T> {
  private rows: (T[] | undefined)[] = [];
  private count = 0;

  /** 0-based coordinates. */
  get(r: number, c: number): T | undefined {
    return this.rows[r]?.[c];
  }

  /** The cells of 0-based row `r`, indexed by 0-based column (holes are empty); undefined when the row is empty. */
  row(r: number): readonly (T | undefined)[] | undefined {
    return this.rows[r];
  }

  set(r: number, c: number, value: T | undefined): void {
    if (value === undefined) {
      const row = this.rows[r];
      if (row && row[c] !== undefined) {
        delete row[c];
        this.count--;
      }
      return;
    }
    const row = (this.rows[r] ??= []);
    if (row[c] === undefined) this.count++;
    row[c] = value;
  }

  get size(): number {
    return this.count;
  }

  forEach(fn: (value: T) => void): void {
    if (this.count === 0) return;
    for (const row of this.rows)
      row?.forEach((v) => {
        if (v !== undefined) fn(v);
      });
  }

  clearRect(r: number, c: number, numRows: number, numCols: number): void {
    if (this.count === 0) return;
    for (let i = r; i < r + numRows && i < this.rows.length; i++) {
      if (!this.rows[i]) continue;
      for (let j = c; j < c + numCols; j++) this.set(i, j, undefined);
    }
  }

  /** Last 1-based row holding anything, 0 when empty; scans from the bottom. */
  lastRow(): number {
    if (this.count === 0) return 0;
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row) for (const _ in row) return r + 1; // holes are skipped, so any key means content
    }
    return 0;
  }

  /** Last 1-based column holding anything, 0 when empty. */
  lastColumn(): number {
    let last = 0;
    if (this.count === 0) return last;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  insertRows(at: number, howMany: number): void {
    if (at < this.rows.length) this.rows = this.rows.slice(0, at).concat(new Array(howMany), this.rows.slice(at));
  }

  deleteRows(at: number, howMany: number): void {
    for (const row of this.rows.splice(at, howMany)) this.count -= defined(row);
  }

  insertColumns(at: number, howMany: number): void {
    this.rows = this.rows.map((row) =>
      row && at < row.length ? row.slice(0, at).concat(new Array(howMany), row.slice(at)) : row,
    );
  }

  deleteColumns(at: number, howMany: number): void {
    for (const row of this.rows) if (row) this.count -= defined(row.splice(at, howMany));
  }
}

function defined(row: unknown[] | undefined): number {
  let n = 0;
  row?.forEach((v) => {
    if (v !== undefined) n++;
  });
  return n;
}
