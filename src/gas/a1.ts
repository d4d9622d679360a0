/** A1 notation, as Sheets writes it in formulas and the Sheets API reads it in ranges. */

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet title as A1 notation reads it: always quoted, quotes doubled, so any title is safe. */
export function quotedTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** A sheet title as a range prefix ('Title'!). */
export function sheetPrefix(title: string): string {
  return `${quotedTitle(title)}!`;
}
