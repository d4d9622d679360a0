/**
 * The retrospective's conclusions (SPEC §2.8, issue 25 point 5): what went well, what to improve
 * and suggestions, drawn from the request's ratings (满意度), the cases proposed or kept for it
 * (问题案例库) and the suggestions (改进建议) about it or its departments, each row naming where it
 * came from. Blank rows stay under each for people's own words.
 */
import { t, type Locale } from '../i18n/index';
import type { CaseStatus, SuggestionStatus } from './enums';
import { enumLabel } from './enums';
import type { ReportCell, ReportSection } from './summary';

/** One rating of the request by its requester (1–5 each; undefined where the cell is not a score). */
export interface RequestRating {
  readonly rater: string;
  readonly overall: number | undefined;
  readonly clarity: number | undefined;
  readonly flow: number | undefined;
  readonly communication: number | undefined;
  readonly comment: string;
}

export interface RequestCase {
  readonly id: string;
  readonly problem: string;
  readonly rootCause: string;
  readonly countermeasure: string;
  readonly status: CaseStatus | undefined;
}

export interface RequestSuggestion {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly dept: string;
  readonly status: SuggestionStatus | undefined;
}

export interface ConclusionInput {
  readonly locale: Locale;
  readonly ratings: readonly RequestRating[];
  /** Cases linked to the request, discarded ones left out by the caller or here. */
  readonly cases: readonly RequestCase[];
  readonly suggestions: readonly RequestSuggestion[];
  readonly onTime: number;
  readonly judged: number;
}

/** A rating of 4 or 5 is satisfied (SPEC §2.11: satisfaction = share of overall 4 or 5). */
const SATISFIED = 4;

/** Rows people write in under each conclusion heading. */
export const WRITE_IN_ROWS = 4;

const DIMENSIONS = ['clarity', 'flow', 'communication'] as const;
const DIMENSION_LABEL = {
  clarity: 'retroDimClarity',
  flow: 'retroDimFlow',
  communication: 'retroDimCommunication',
} as const;

function ratingLine(locale: Locale, rating: RequestRating): string {
  const score = (value: number | undefined) => (value === undefined ? '—' : String(value));
  const line = t(locale, 'retroRatingLine', {
    overall: score(rating.overall),
    clarity: score(rating.clarity),
    flow: score(rating.flow),
    communication: score(rating.communication),
  });
  return rating.comment.trim() ? `${line}${t(locale, 'retroRatingComment', { comment: rating.comment.trim() })}` : line;
}

/** Each dimension's average over the ratings that scored it, to one decimal. */
function averages(ratings: readonly RequestRating[]): { dimension: (typeof DIMENSIONS)[number]; average: number }[] {
  return DIMENSIONS.flatMap((dimension) => {
    const scores = ratings.map((r) => r[dimension]).filter((s): s is number => s !== undefined);
    if (scores.length === 0) return [];
    const average = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
    return [{ dimension, average }];
  });
}

export function conclusionSections(input: ConclusionInput): ReportSection[] {
  const { locale } = input;
  const from = t(locale, 'retroFrom');
  const what = t(locale, 'retroWhat');
  const ratingSource = t(locale, 'retroFromRating');
  const rated = input.ratings.filter((r) => r.overall !== undefined);
  const dims = averages(rated);
  const dimensionRow = ({ dimension, average }: (typeof dims)[number]): ReportCell[] => [
    ratingSource,
    t(locale, 'retroDimAverage', { dimension: t(locale, DIMENSION_LABEL[dimension]), average }),
  ];
  const kept = input.cases.filter((c) => c.status !== 'discarded');

  const wentWell: ReportCell[][] = [
    ...(input.onTime > 0
      ? [[t(locale, 'retroPlanVsActual'), t(locale, 'retroOnTimeLine', { onTime: input.onTime, judged: input.judged })]]
      : []),
    ...rated.filter((r) => r.overall! >= SATISFIED).map((r) => [`${ratingSource} · ${r.rater}`, ratingLine(locale, r)]),
    ...dims.filter((d) => d.average >= SATISFIED).map(dimensionRow),
  ];
  const improve: ReportCell[][] = [
    ...rated.filter((r) => r.overall! < SATISFIED).map((r) => [`${ratingSource} · ${r.rater}`, ratingLine(locale, r)]),
    ...dims.filter((d) => d.average < SATISFIED).map(dimensionRow),
    ...kept.map((c) => {
      const cause = c.rootCause.trim();
      // A failed acceptance's problem already quotes its comment, which is also its root cause.
      return [
        c.id,
        cause && !c.problem.includes(cause) ? t(locale, 'retroCaseLine', { problem: c.problem, cause }) : c.problem,
      ];
    }),
  ];
  const suggestions: ReportCell[][] = [
    ...kept.filter((c) => c.countermeasure.trim() !== '').map((c) => [c.id, c.countermeasure.trim()]),
    ...input.suggestions.map((s) => [
      s.id,
      t(locale, 'retroSuggestionLine', {
        title: s.title,
        detail: s.detail.trim() ? t(locale, 'retroSuggestionDetail', { detail: s.detail.trim() }) : '',
        dept: s.dept || '—',
        status: s.status ? enumLabel('suggestionStatus', s.status, locale) : '—',
      }),
    ]),
  ];
  const section = (heading: string, rows: ReportCell[][]): ReportSection => ({
    heading,
    columns: rows.length > 0 ? [from, what] : [],
    rows,
    writeIn: WRITE_IN_ROWS,
  });
  return [
    section(t(locale, 'retroWentWell'), wentWell),
    section(t(locale, 'retroImprove'), improve),
    section(t(locale, 'retroSuggestions'), suggestions),
  ];
}
