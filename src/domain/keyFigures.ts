/**
 * The key figures of SPEC §3.9 for one period, assembled from kpis.ts, and how reports word them:
 * the weekly summary's line and the dashboard's monthly table read this, never a figure of their own.
 */
import { t, type Locale, type MessageKey } from '../i18n/index';
import type { WorkCalendar } from './calendar';
import {
  changeRate,
  delayRate,
  onTimeRate,
  resolutionRate,
  responseTime,
  satisfactionRate,
  signOffTimeliness,
  type Duration,
  type Escalation,
  type KpiAnswer,
  type KpiRequest,
  type KpiTask,
  type Period,
  type Ratio,
} from './kpis';
import type { Settings } from './settings';
import type { SignOffRecord } from './signOffs';

/** What the figures are computed from, read once by the use case. */
export interface KpiSources {
  readonly tasks: readonly KpiTask[];
  readonly approvedChanges: readonly { readonly task: string }[];
  readonly requests: readonly KpiRequest[];
  readonly signOffs: readonly Pick<SignOffRecord, 'requestedAt' | 'decidedAt'>[];
  readonly escalations: readonly Escalation[];
  /** The answers of the 满意度 sheet, of both kinds. */
  readonly answers: readonly KpiAnswer[];
}

/** The working-hour targets two of the figures are judged against, from Settings (SPEC §2.7). */
export type KpiTargets = Pick<Settings, 'responseTargetHours' | 'signOffTargetHours'>;

export interface KeyFigures {
  /** The targets `response` and `signOff` were judged against; their labels name them. */
  readonly targets: KpiTargets;
  readonly onTime: Ratio;
  readonly delay: Ratio;
  readonly response: Duration;
  readonly signOff: Duration;
  readonly resolution: Ratio;
  readonly change: Ratio;
  readonly satisfaction: Ratio;
}

export function keyFigures(
  sources: KpiSources,
  period: Period,
  now: Date,
  calendar: WorkCalendar,
  targets: KpiTargets,
): KeyFigures {
  return {
    targets: { responseTargetHours: targets.responseTargetHours, signOffTargetHours: targets.signOffTargetHours },
    onTime: onTimeRate(sources.tasks, period, calendar),
    delay: delayRate(sources.tasks, period, now, calendar),
    response: responseTime(sources.requests, period, calendar, targets.responseTargetHours),
    signOff: signOffTimeliness(sources.signOffs, period, calendar, targets.signOffTargetHours),
    resolution: resolutionRate(sources.escalations, period, calendar),
    change: changeRate(sources.tasks, sources.approvedChanges, period, calendar),
    satisfaction: satisfactionRate(sources.answers, period, calendar),
  };
}

/** The figures in the order and under the labels every report shows them. */
export const KEY_FIGURE_LABELS = [
  'kpiOnTime',
  'kpiDelay',
  'kpiResponse',
  'kpiResponseWithin',
  'kpiSignOff',
  'kpiResolution',
  'kpiChange',
  'kpiSatisfaction',
] as const satisfies readonly MessageKey[];

/** A figure's label; the two judged against a target name its hours ("8 小时内响应"). */
export function keyFigureLabel(locale: Locale, key: (typeof KEY_FIGURE_LABELS)[number], targets: KpiTargets): string {
  if (key === 'kpiResponseWithin') return t(locale, key, { hours: targets.responseTargetHours });
  if (key === 'kpiSignOff') return t(locale, key, { hours: targets.signOffTargetHours });
  return t(locale, key);
}

/** A share as a fraction (shown under a percent format), or "—" when nothing was measured. */
export const NOT_MEASURED = '—';

/** The figures as numbers for a table, in KEY_FIGURE_LABELS' order: shares as fractions, hours as hours. */
export function keyFigureCells(figures: KeyFigures): (number | string)[] {
  const share = (r: Ratio) => r.value ?? NOT_MEASURED;
  return [
    share(figures.onTime),
    share(figures.delay),
    figures.response.averageHours ?? NOT_MEASURED,
    share(figures.response.withinTarget),
    share(figures.signOff.withinTarget),
    share(figures.resolution),
    share(figures.change),
    share(figures.satisfaction),
  ];
}

/** "按期完成率 1/3 (33%) · …" for a report's lines. */
export function keyFiguresLine(locale: Locale, figures: KeyFigures): string {
  const share = (r: Ratio) =>
    r.value === undefined ? NOT_MEASURED : `${r.count}/${r.of} (${Math.round(r.value * 100)}%)`;
  const hours = (d: Duration) =>
    d.averageHours === undefined ? NOT_MEASURED : t(locale, 'kpiHours', { hours: d.averageHours });
  const part = (key: (typeof KEY_FIGURE_LABELS)[number], value: string) =>
    `${keyFigureLabel(locale, key, figures.targets)} ${value}`;
  return [
    part('kpiOnTime', share(figures.onTime)),
    part('kpiDelay', share(figures.delay)),
    part('kpiResponse', hours(figures.response)),
    part('kpiSignOff', share(figures.signOff.withinTarget)),
    part('kpiResolution', share(figures.resolution)),
    part('kpiChange', share(figures.change)),
    part('kpiSatisfaction', share(figures.satisfaction)),
  ].join(' · ');
}
