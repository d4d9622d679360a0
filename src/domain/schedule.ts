/**
 * What the hourly tick should do at `now` (SPEC §4): the daily scan once per working day from
 * the scan hour on, the weekly summary once per week from its day and hour on. "From … on", so a
 * tick Google skipped or delayed still catches up within the day; the state remembers what ran.
 * The timeline follows the day's scan, in the first run whose mail is done (SPEC §2.8, §3.5: a
 * view never delays a digest).
 */
import { dayKeyOf, isoWeekdayOf, mondayOf, type WorkCalendar } from './calendar';
import type { Settings } from './settings';

export interface AutomationState {
  /** yyyy-MM-dd of the last daily scan. */
  readonly lastScanDay?: string;
  /** yyyy-MM-dd of the Monday of the last weekly summary's week. */
  readonly lastSummaryWeek?: string;
  /** yyyy-MM-dd of the last timeline refresh by a tick. */
  readonly lastTimelineDay?: string;
}

export interface DueJobs {
  readonly scan: boolean;
  readonly summary: boolean;
  /** The timeline is due once the day's scan has run (this run or an earlier one) and its mail is done. */
  readonly timeline: boolean;
  /** The state to store once the due jobs have run. */
  readonly next: Required<AutomationState>;
}

export function dueJobs(
  now: Date,
  settings: Pick<Settings, 'scanHour' | 'summaryDay' | 'summaryHour'>,
  calendar: WorkCalendar,
  state: AutomationState,
): DueJobs {
  const today = calendar.dayOf(now);
  const hour = calendar.hourOf(now);
  const weekday = isoWeekdayOf(today);
  const todayKey = dayKeyOf(today);
  const weekKey = dayKeyOf(mondayOf(today));
  const scan = calendar.isWorkingDay(today) && hour >= settings.scanHour && state.lastScanDay !== todayKey;
  const summary = weekday === settings.summaryDay && hour >= settings.summaryHour && state.lastSummaryWeek !== weekKey;
  const scanned = scan || state.lastScanDay === todayKey;
  return {
    scan,
    summary,
    timeline: scanned && state.lastTimelineDay !== todayKey,
    next: {
      lastScanDay: scan ? todayKey : (state.lastScanDay ?? ''),
      lastSummaryWeek: summary ? weekKey : (state.lastSummaryWeek ?? ''),
      lastTimelineDay: state.lastTimelineDay ?? '',
    },
  };
}
