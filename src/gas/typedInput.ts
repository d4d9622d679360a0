/** How a value is typed into a cell so that the cell holds exactly that value. */
import type { Cell } from './placement';

/**
 * What to type into a cell so that it holds exactly `value`. Typed input (setValues, USER_ENTERED)
 * turns "001", "TRUE", "50%", "3/4", "2024-08-01" or "=…" into numbers, dates or formulas, by the
 * spreadsheet's locale; a leading apostrophe keeps any text as it is, and is not part of the value.
 */
export function literalInput<C extends Cell>(value: C): C {
  return typeof value === 'string' && value !== '' ? (`'${value}` as C) : value;
}
