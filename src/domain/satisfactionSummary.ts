/**
 * The weekly summary's 满意度 section (SPEC §2.11, §2.8): the answers given in the week, each with
 * its four scores and comment, under a heading that gives the week's satisfaction (answers rating
 * overall 4 or 5 ÷ answers, as kpis.ts defines it) and how many ratings still wait.
 */
import { t, type Locale } from '../i18n/index';
import type { CivilDay, WorkCalendar } from './calendar';
import { dateText } from './dateText';
import { enumLabel } from './enums';
import { satisfactionRate } from './kpis';
import { scoreFieldName } from './ratingText';
import { LOW_OVERALL, SCORE_FIELDS, isWaiting, type RatingRecord } from './satisfaction';
import { columnDef, columnLabel } from './schema';
import type { ReportSection } from './summary';

export function satisfactionSection(
  locale: Locale,
  week: { readonly first: CivilDay; readonly last: CivilDay },
  calendar: WorkCalendar,
  ratings: readonly RatingRecord[],
): ReportSection {
  const given = ratings.filter(
    (r) => r.scores && r.time && week.first <= calendar.dayOf(r.time) && calendar.dayOf(r.time) <= week.last,
  );
  const rate = satisfactionRate(
    given.map((r) => ({ time: r.time, overall: r.scores?.overall ?? 0 })),
    week,
    calendar,
  );
  const counts =
    rate.value === undefined
      ? t(locale, 'summarySatisfactionNone')
      : t(locale, 'summarySatisfactionLine', {
          answers: rate.of,
          satisfied: rate.count,
          share: `${Math.round(rate.value * 100)}%`,
          low: given.filter((r) => (r.scores?.overall ?? 0) <= LOW_OVERALL).length,
        });
  const waiting = ratings.filter(isWaiting).length;
  const column = (key: 'kind' | 'ref' | 'rater' | 'ratedDept' | 'comment' | 'time') =>
    columnLabel(columnDef('satisfaction', key), locale);
  return {
    heading: [
      t(locale, 'summarySatisfactionTitle'),
      counts,
      t(locale, 'summarySatisfactionWaiting', { count: waiting }),
    ].join(locale === 'en' ? ' · ' : '；'),
    columns: [
      column('kind'),
      column('ref'),
      column('rater'),
      column('ratedDept'),
      ...SCORE_FIELDS.map((field) => scoreFieldName(locale, field)),
      column('comment'),
      column('time'),
    ],
    rows: given.map((r) => [
      r.kind ? enumLabel('ratingKind', r.kind, locale) : '',
      r.ref,
      r.rater,
      r.ratedDept,
      ...SCORE_FIELDS.map((field) => r.scores?.[field] ?? ''),
      r.comment,
      dateText(r.time, calendar),
    ]),
  };
}
