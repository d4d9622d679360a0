/**
 * The L3 escalation as a sponsor reads it (SPEC §3.3, §3.5): a few labelled lines (problem, owner,
 * lateness, latest progress, delay reason) and a plain ask with its deadline. A lag with no reason
 * given says so and what the figures show, never "滞后原因：无".
 */
import { t, type Locale } from '../i18n/index';
import type { Notice } from './notice';

/** Delay reasons that say nothing (the Progress sheet's "无" when on track). */
const NO_REASON = new Set(['', '无', '没有', '暂无', '-', '—', '/', 'none', 'n/a', 'na', 'no']);

/** The L3's lines as [label, text]; `problems` are the rule names already in the reader's language. */
export function escalationLines(locale: Locale, notice: Notice, problems: string): [string, string][] {
  const f = notice.facts;
  const lines: [string, string][] = [
    [t(locale, 'l3Problem'), t(locale, 'l3ProblemText', { ...f, problems })],
    [t(locale, 'l3Owner'), t(locale, 'l3OwnerText', f)],
  ];
  if (f.daysLate) lines.push([t(locale, 'l3Late'), t(locale, 'l3LateText', f)]);
  lines.push([t(locale, 'l3Progress'), f.progress ? String(f.progress) : t(locale, 'l3NoProgress')]);
  const reason = String(f.delayReason ?? '').trim();
  if (!NO_REASON.has(reason.toLowerCase())) lines.push([t(locale, 'l3Reason'), reason]);
  else if (f.expected !== undefined) lines.push([t(locale, 'l3Reason'), t(locale, 'l3ReasonUnstatedLag', f)]);
  else lines.push([t(locale, 'l3Reason'), t(locale, 'l3ReasonUnstated')]);
  if (f.askBy) lines.push([t(locale, 'l3Ask'), t(locale, 'l3AskText', f)]);
  return lines;
}
