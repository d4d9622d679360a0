/** How the sidebar's cards and My work show an enumerated cell: its code (for colour) and its label in the workbook's language. */
import { enumLabel, parseEnum, type EnumKey } from '../domain/enums';
import type { Workbook } from './workbook';

export function enumDisplay(kind: EnumKey, value: unknown, workbook: Workbook): { code: string; label: string } {
  const code = parseEnum(kind, value);
  return code
    ? { code, label: enumLabel(kind, code as never, workbook.locale) }
    : { code: '', label: workbook.dateText(value) };
}
