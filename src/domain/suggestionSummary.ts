/**
 * The weekly summary's section on improvement suggestions (SPEC §2.8, §2.13): one row per
 * suggestion filed in the week or decided (采纳 / 不采纳) in it, as it stands now.
 */
import { t, type Locale } from '../i18n/index';
import type { WorkCalendar } from './calendar';
import { dateText } from './dateText';
import { enumLabel, type SuggestionStatus } from './enums';
import { header, type IsoWeek, type ReportSection } from './summary';
import type { SuggestionItem } from './suggestions';

/** A status a suggestion was moved to, and when (the Change history's row). */
export interface SuggestionDecision {
  readonly id: string;
  readonly status: SuggestionStatus;
  readonly at: Date;
}

const DECISIONS: readonly SuggestionStatus[] = ['adopted', 'declined'];

export function suggestionSection(
  locale: Locale,
  week: IsoWeek,
  calendar: WorkCalendar,
  suggestions: readonly SuggestionItem[],
  decisions: readonly SuggestionDecision[],
): ReportSection {
  const inWeek = (date: Date | undefined) => {
    const day = date && calendar.dayOf(date);
    return day !== undefined && day >= week.first && day <= week.last;
  };
  // The week's last decision of each suggestion: decided, then decided again, shows the latter.
  const decided = new Map<string, SuggestionStatus>();
  for (const decision of [...decisions].sort((a, b) => a.at.getTime() - b.at.getTime()))
    if (DECISIONS.includes(decision.status) && inWeek(decision.at))
      decided.set(decision.id.toUpperCase(), decision.status);
  const status = (code: SuggestionStatus | undefined) => (code ? enumLabel('suggestionStatus', code, locale) : '');
  const rows = suggestions.flatMap((suggestion) => {
    const filed = inWeek(suggestion.filed);
    const decision = decided.get(suggestion.id.toUpperCase());
    if (!filed && !decision) return [];
    const what = [
      filed ? t(locale, 'summarySuggestionFiled') : '',
      decision ? t(locale, 'summarySuggestionDecided', { status: status(decision) }) : '',
    ]
      .filter((part) => part !== '')
      .join(' · ');
    return [
      [
        suggestion.id,
        suggestion.title,
        suggestion.dept,
        suggestion.proposer,
        what,
        status(suggestion.status),
        suggestion.owner,
        suggestion.due ? dateText(suggestion.due, calendar) : '',
      ],
    ];
  });
  const column = (key: 'id' | 'title' | 'dept' | 'proposer' | 'status' | 'owner' | 'due') =>
    header(locale, 'suggestions', key);
  return {
    heading: t(locale, 'summarySuggestions'),
    columns: [
      column('id'),
      column('title'),
      column('dept'),
      column('proposer'),
      t(locale, 'summarySuggestionWhat'),
      column('status'),
      column('owner'),
      column('due'),
    ],
    rows,
  };
}
