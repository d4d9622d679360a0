/**
 * Folding old weekly summaries (SPEC §3.7): a summary older than summaryKeepWeeks weeks leaves
 * its own sheet and becomes one line (its title, period and headline) of the folded-summaries
 * sheet, so a workbook keeps a dozen summaries whole rather than one sheet per week for years.
 */
import { t, LOCALES } from '../i18n/index';
import type { CivilDay } from './calendar';
import { mondayOf } from './calendar';
import type { IsoWeek } from './summary';

const DAY_MS = 86_400_000;

/** The Monday of ISO week `week` of `year`. */
function mondayOfWeek(year: number, week: number): CivilDay {
  return mondayOf(Date.UTC(year, 0, 4) / DAY_MS) + (week - 1) * 7;
}

/** The ISO week a summary sheet's title names (either language), or undefined for any other sheet. */
export function summaryWeekOf(title: string): { year: number; week: number } | undefined {
  for (const locale of LOCALES) {
    const [prefix, suffix] = t(locale, 'summaryTitle', { week: '\u0000' }).split('\u0000');
    if (!title.startsWith(prefix ?? '') || !title.endsWith(suffix ?? '')) continue;
    const label = title.slice((prefix ?? '').length, title.length - (suffix ?? '').length);
    const match = /^(\d{4})-W(\d{2})$/.exec(label);
    if (match) return { year: Number(match[1]), week: Number(match[2]) };
  }
  return undefined;
}

/** The summary sheets to fold, oldest first: those of weeks more than `keepWeeks` before `current`. */
export function summariesToFold(titles: readonly string[], current: IsoWeek, keepWeeks: number): string[] {
  const weeks = titles.flatMap((title) => {
    const week = summaryWeekOf(title);
    return week ? [{ title, monday: mondayOfWeek(week.year, week.week) }] : [];
  });
  return weeks
    .filter(({ monday }) => (current.first - monday) / 7 >= keepWeeks)
    .sort((a, b) => a.monday - b.monday)
    .map(({ title }) => title);
}
