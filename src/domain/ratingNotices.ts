/**
 * The 满意度 notices (SPEC §2.11, §3.3): a requester asked to rate a done request, reminded once
 * ratingReminderDays working days later; a head asked to rate a partner department in the quarter's
 * round; the coordinators told of an overall score of 2 or less. Each is told once: a notice holds
 * only for RATING_NOTICE_DAYS working days from its moment (the ask, the reminder's day, the
 * answer), which the 满意度 row records, and within that window only to whom the log does not show
 * told yet. So nothing is told a second time after the log is pruned, and a mail queued by the
 * quota still goes the next day.
 */
import { dateText } from './dateText';
import { LOW_OVERALL, isWaiting, lowestDimension, quarterNamed, type RatingRecord } from './satisfaction';
import { normalId, RULE_LEVEL, type Notice, type Rule, type TaskRuleScope } from './notice';
import { deliveryKey } from './told';

/** Working days a rating notice holds from its moment: time for a queued mail to go the next day. */
export const RATING_NOTICE_DAYS = 2;

type Scope = Pick<
  TaskRuleScope,
  'now' | 'settings' | 'calendar' | 'requestsById' | 'email' | 'coordinatorsOf' | 'wasTold' | 'add'
>;

export function ratingNotices(scope: Scope, ratings: readonly RatingRecord[]): void {
  const { now, calendar, settings } = scope;
  const within = (moment: Date) => {
    const days = calendar.workingDaysBetween(moment, now);
    return days >= 0 && days < RATING_NOTICE_DAYS;
  };
  const tell = (notice: Omit<Notice, 'level' | 'to' | 'cc'>, people: readonly (string | undefined)[]) => {
    const untold = people.filter(
      (person): person is string =>
        person !== undefined && !scope.wasTold(deliveryKey({ ...notice, level: RULE_LEVEL[notice.rule] }, person)),
    );
    if (untold.length > 0) scope.add(notice, untold, [], [...untold]);
  };
  for (const rating of ratings) {
    const request = rating.kind === 'request' ? scope.requestsById.get(normalId(rating.ref)) : undefined;
    const title = request?.title ?? `${rating.ref} · ${rating.ratedDept}`;
    const item = rating.kind === 'request' ? rating.ref : `${rating.ref} ${rating.ratedDept}`;
    const base = { item, sheet: 'satisfaction' as const, row: rating.row, title };
    if (isWaiting(rating) && rating.askedAt) {
      const rater = scope.email(rating.rater);
      const asked = dateText(rating.askedAt, calendar);
      if (rating.kind === 'quarter') {
        const quarter = quarterNamed(rating.ref);
        const closes = quarter ? dateText(calendar.endOfWorkingDay(quarter.last), calendar) : '';
        if (within(rating.askedAt))
          tell(
            {
              ...base,
              rule: 'surveyOpen',
              occurrence: asked,
              facts: { quarter: rating.ref, dept: rating.ratedDept, closes },
            },
            [rater],
          );
        continue;
      }
      const remindOn = calendar.addWorkingDays(rating.askedAt, settings.ratingReminderDays);
      const rule: Rule = now.getTime() >= remindOn.getTime() ? 'ratingReminder' : 'ratingAsked';
      const moment = rule === 'ratingReminder' ? remindOn : rating.askedAt;
      if (within(moment)) tell({ ...base, rule, occurrence: asked, facts: { asked, id: rating.ref } }, [rater]);
      continue;
    }
    const scores = rating.scores;
    if (!scores || scores.overall > LOW_OVERALL || !rating.time || !within(rating.time)) continue;
    const coordinators = rating.kind === 'request' ? scope.coordinatorsOf(rating.ref) : [...settings.coordinators];
    const lowest = lowestDimension(scores).field;
    tell(
      {
        ...base,
        rule: 'ratingLow',
        occurrence: dateText(rating.time, calendar),
        facts: {
          rater: rating.rater,
          overall: scores.overall,
          lowest,
          lowestScore: scores[lowest],
          comment: rating.comment,
        },
      },
      coordinators,
    );
  }
}
