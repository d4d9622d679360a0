/**
 * The one way a date is shown to people (SPEC §2.2, §2.7): the sidebar card, mails, the weekly
 * summary, the retrospective and the Change history all go through dateText, on the Settings
 * calendar. A due date is shown as typed (2024-08-20), not as the end of the working day the rules
 * measure it against, and a date typed without a time is that day wherever the Settings zone lies.
 */
import type { WorkCalendar } from './calendar';
import { isDate, parseDate } from './values';

/**
 * yyyy-MM-dd on the Settings calendar, with HH:mm only when the date has a time. `value` is a date
 * the rules read (already on the Settings calendar) or a cell as Sheets hands it back, midnight in
 * the spreadsheet's zone `sheetTimeZone` for a date typed without a time (parseDate). Anything
 * that is not a date is shown as its text; undefined as ''.
 */
export function dateText(
  value: unknown,
  calendar: Pick<WorkCalendar, 'timeZone' | 'wallText'>,
  sheetTimeZone: string = calendar.timeZone,
): string {
  const date = isDate(value) ? parseDate(value, calendar.timeZone, sheetTimeZone) : undefined;
  return date ? calendar.wallText(date) : String(value ?? '').trim();
}
