/** L3 escalation (SPEC §3.3, §3.5): an L2 still unresolved escalateAfterHours into its episode. */
import { dateText } from './dateText';
import { unique, type EscalationInput, type Notice, type Rule, type TaskEntry } from './notice';
import { episodeKey, escalationDue, l2Episodes } from './told';

/**
 * L3: an L2 condition of an item still true `escalateAfterHours` after the first L2 of its
 * current episode (currentEpisode: a longer silence in the log than the repeat schedule allows
 * means it cleared in between, so an older L2 does not count).
 */
export function unresolvedNotices(
  notices: readonly Notice[],
  input: EscalationInput,
  coordinatorsOf: (requestId: string) => string[],
  sponsor: (dept: string) => string | undefined,
  taskById: (id: string) => TaskEntry | undefined,
): Notice[] {
  const { now, settings, calendar } = input;
  const episodes = l2Episodes(input.log, now, settings, calendar);

  const byItem = new Map<string, { notice: Notice; rules: Rule[]; since: Date }>();
  for (const notice of notices) {
    if (notice.level !== 'L2') continue;
    const start = episodes.get(episodeKey(notice));
    if (!escalationDue(start, now, settings, calendar)) continue;
    const entry = byItem.get(notice.item);
    if (!entry) byItem.set(notice.item, { notice, rules: [notice.rule], since: start });
    else {
      entry.rules.push(notice.rule);
      if (start < entry.since) entry.since = start;
    }
  }

  const today = calendar.dayOf(now);
  return [...byItem.values()].map(({ notice, rules, since }) => {
    const found = taskById(notice.item);
    const task = found?.task;
    // An item that is no task (an adopted suggestion) names its owner and department in its facts.
    const owner = task?.owner ?? String(notice.facts.owner ?? '');
    const dept = task?.dept ?? String(notice.facts.dept ?? '');
    const coordinators = coordinatorsOf(task?.request ?? '');
    const to = unique([sponsor(dept), ...coordinators]);
    const dueAt = found?.health.conditions.has('overdue') ? found.health.dueAt : undefined;
    return {
      rule: 'unresolved' as const,
      level: 'L3' as const,
      item: notice.item,
      sheet: notice.sheet,
      row: notice.row,
      title: notice.title,
      to: to.length > 0 ? to : [...settings.coordinators],
      cc: [],
      // What a sponsor needs to act without opening the sheet (SPEC §3.5): who, where, how late, why.
      facts: {
        problems: rules.join(','),
        since: dateText(since, calendar),
        days: Math.max(1, calendar.workingDaysBetween(since, today)),
        owner,
        dept,
        daysLate: dueAt ? Math.max(1, calendar.workingDaysBetween(dueAt, today)) : 0,
        progress: task?.progressSummary ?? '',
        delayReason: task?.delayReason ?? '',
        // What is known of a lag when no reason is given, and the plain ask's deadline (SPEC §3.3).
        ...(rules.includes('lagging') && found?.health.expectedPct !== undefined
          ? { pct: task?.pct ?? 0, expected: Math.round(found.health.expectedPct) }
          : {}),
        askBy: dateText(calendar.endOfWorkingDay(calendar.addWorkingDays(now, 1)), calendar),
      },
    };
  });
}
