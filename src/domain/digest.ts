/**
 * One digest email per recipient per run (SPEC §3.3): counts in the subject, items grouped by
 * level, each linking to its row; an HTML body in which every user string is escaped, and a
 * plain-text body with the same content.
 */
import { t, type Locale, type MessageKey } from '../i18n/index';
import { compareDeliveries, type Delivery, type DigestPlan, type StillOpen } from './delivery';
import { LEVEL_RANK, RULES, type Level, type Notice, type Rule } from './notice';
import { type SheetKey } from './schema';
import { personName, type Directory } from './directory';
import { enumLabel, parseEnum } from './enums';

export interface DigestContext {
  readonly locale: Locale;
  /** Spreadsheet.getUrl() */
  readonly spreadsheetUrl: string;
  /** Sheet.getSheetId() of each sheet, for row links. */
  readonly sheetIds: Partial<Record<SheetKey, number>>;
  readonly cooldownHours: number;
  /** People, so that each person a line names is shown by name (SPEC §2); emails as they are without it. */
  readonly directory?: Pick<Directory, 'people'>;
}

export interface Digest {
  readonly recipient: string;
  readonly subject: string;
  readonly htmlBody: string;
  readonly textBody: string;
}

const RULE_TEXT: Readonly<Record<Rule, { readonly name: MessageKey; readonly count: MessageKey }>> = {
  unresolved: { name: 'ruleUnresolved', count: 'countUnresolved' },
  overdue: { name: 'ruleOverdue', count: 'countOverdue' },
  blocked: { name: 'ruleBlocked', count: 'countBlocked' },
  finalHours: { name: 'ruleFinalHours', count: 'countFinalHours' },
  noOwner: { name: 'ruleNoOwner', count: 'countNoOwner' },
  lagging: { name: 'ruleLagging', count: 'countLagging' },
  acceptanceFailed: { name: 'ruleAcceptanceFailed', count: 'countAcceptanceFailed' },
  dependency: { name: 'ruleDependency', count: 'countDependency' },
  dueSoon: { name: 'ruleDueSoon', count: 'countDueSoon' },
  stale: { name: 'ruleStale', count: 'countStale' },
  acceptancePending: { name: 'ruleAcceptancePending', count: 'countAcceptancePending' },
  actionOverdue: { name: 'ruleActionOverdue', count: 'countActionOverdue' },
  reviewPending: { name: 'ruleReviewPending', count: 'countReviewPending' },
  changePending: { name: 'ruleChangePending', count: 'countChangePending' },
  splitNotSubmitted: { name: 'ruleSplitNotSubmitted', count: 'countSplitNotSubmitted' },
  signOffOverdue: { name: 'ruleSignOffOverdue', count: 'countSignOffOverdue' },
  signOffPending: { name: 'ruleSignOffPending', count: 'countSignOffPending' },
  taskStarted: { name: 'ruleTaskStarted', count: 'countTaskStarted' },
  cellBudget: { name: 'ruleCellBudget', count: 'countCellBudget' },
};

const LEVEL_TEXT: Readonly<Record<Level, MessageKey>> = { L3: 'levelL3', L2: 'levelL2', L1: 'levelL1' };

export function ruleName(locale: Locale, rule: Rule): string {
  return t(locale, RULE_TEXT[rule].name);
}

/** "[协作预警] 2 项逾期 · 1 项即将到期": items per rule, most severe first. */
export function digestSubject(locale: Locale, deliveries: readonly Delivery[]): string {
  return subjectOfSorted(locale, [...deliveries].sort(compareDeliveries));
}

function subjectOfSorted(locale: Locale, sorted: readonly Delivery[]): string {
  const counts = new Map<Rule, Set<string>>();
  for (const { notice } of sorted) {
    const items = counts.get(notice.rule);
    if (items) items.add(notice.item);
    else counts.set(notice.rule, new Set([notice.item]));
  }
  const parts = [...counts].map(([rule, items]) => t(locale, RULE_TEXT[rule].count, { n: items.size }));
  return `${t(locale, 'digestSubjectPrefix')} ${parts.join(' · ')}`;
}

/** What happened, in words: the rule's line with the notice's facts. */
export function noticeLine(locale: Locale, notice: Notice): string {
  const f = notice.facts;
  switch (notice.rule) {
    case 'unresolved': {
      const problems = String(f.problems ?? '')
        .split(',')
        .filter((rule): rule is Rule => (RULES as readonly string[]).includes(rule))
        .map((rule) => ruleName(locale, rule))
        .join(locale === 'en' ? ', ' : '、');
      return [
        t(locale, 'lineUnresolved', { ...f, problems }),
        f.daysLate ? t(locale, 'lineUnresolvedLate', f) : '',
        f.progress ? t(locale, 'lineUnresolvedProgress', f) : t(locale, 'lineUnresolvedNoProgress'),
        f.delayReason ? t(locale, 'lineUnresolvedReason', f) : '',
      ]
        .filter((part) => part !== '')
        .join(locale === 'en' ? '; ' : '；');
    }
    case 'dependency':
      return [
        f.overdue ? t(locale, 'lineDependencyOverdue', { tasks: f.overdue }) : '',
        f.soon ? t(locale, 'lineDependencySoon', { tasks: f.soon }) : '',
      ]
        .filter((part) => part !== '')
        .join(locale === 'en' ? '; ' : '；');
    case 'overdue':
      return t(locale, 'lineOverdue', f);
    case 'blocked':
      return t(locale, 'lineBlocked', f);
    case 'finalHours':
      return t(locale, 'lineFinalHours', f);
    case 'noOwner':
      return t(locale, f.owner ? 'lineNoOwner' : 'lineNoOwnerEmpty', f);
    case 'lagging':
      return t(locale, 'lineLagging', f);
    case 'acceptanceFailed':
      return t(locale, 'lineAcceptanceFailed', f);
    case 'dueSoon':
      return t(locale, 'lineDueSoon', f);
    case 'stale':
      return t(locale, 'lineStale', f);
    case 'acceptancePending':
      return t(locale, 'lineAcceptancePending', f);
    case 'actionOverdue':
      return t(locale, 'lineActionOverdue', f);
    case 'reviewPending':
      return t(locale, 'lineReviewPending', f);
    case 'changePending':
      return t(locale, 'lineChangePending', f);
    case 'splitNotSubmitted':
      return t(locale, f.since ? 'lineSplitNotSubmitted' : 'lineSplitNotSubmittedUndated', f);
    case 'signOffPending':
    case 'signOffOverdue':
      return t(locale, 'lineSignOff', { ...f, subject: signOffSubjectLabel(locale, f.subject) });
    case 'taskStarted':
      return t(locale, 'lineTaskStarted', f);
    case 'cellBudget':
      return t(locale, 'lineCellBudget', f);
  }
}

function signOffSubjectLabel(locale: Locale, subject: string | number | undefined): string {
  const code = parseEnum('signOffSubject', subject);
  return code ? enumLabel('signOffSubject', code, locale) : String(subject ?? '');
}

/** Link to the item's row: the sheet by gid, the row by an A1 range. */
export function rowLink(
  context: Pick<DigestContext, 'spreadsheetUrl' | 'sheetIds'>,
  notice: Pick<Notice, 'sheet' | 'row'>,
): string {
  const base = context.spreadsheetUrl.split('#')[0] ?? context.spreadsheetUrl;
  const gid = context.sheetIds[notice.sheet];
  return gid === undefined ? base : `${base}#gid=${gid}&range=A${notice.row}`;
}

/**
 * One notice in words, as its entry in the HTML list and in the plain text (the line and its link),
 * each also as a copy; shared by every digest that lists it.
 */
interface RenderedNotice {
  readonly html: string;
  readonly htmlCopy: string;
  readonly text: string;
  readonly textCopy: string;
}

/**
 * Every digest of a run; a notice sent to several people is put into words once. Each list of
 * deliveries is already in compareDeliveries order, as planDeliveries gives them: sorting them
 * again (a collator comparison per step) was a large run's costliest part of the digests.
 */
export function buildDigests(digests: readonly DigestPlan[], context: DigestContext): Digest[] {
  const rendered = new Map<Notice, RenderedNotice>();
  return digests.map(({ recipient, deliveries, stillOpen, part }) => {
    const digest = digestOfSorted(recipient, deliveries, stillOpen, context, rendered);
    return part ? { ...digest, subject: `${digest.subject} (${part})` } : digest;
  });
}

export function buildDigest(
  recipient: string,
  deliveries: readonly Delivery[],
  context: DigestContext,
  stillOpen: readonly StillOpen[] = [],
): Digest {
  return digestOfSorted(recipient, [...deliveries].sort(compareDeliveries), stillOpen, context, new Map());
}

function digestOfSorted(
  recipient: string,
  sorted: readonly Delivery[],
  stillOpen: readonly StillOpen[],
  context: DigestContext,
  rendered: Map<Notice, RenderedNotice>,
): Digest {
  const { locale } = context;
  const copy = ` ${t(locale, 'digestCopy')}`;
  const open = t(locale, 'digestOpen');

  const html: string[] = [
    `<div style="font-family:Arial,'Microsoft YaHei',sans-serif;font-size:14px">`,
    `<p>${escapeHtml(t(locale, 'digestGreeting'))}</p>`,
  ];
  const text: string[] = [t(locale, 'digestGreeting'), ''];
  const byLevel: Record<Level, Delivery[]> = { L3: [], L2: [], L1: [] };
  for (const d of sorted) byLevel[d.notice.level].push(d);
  for (const level of ['L3', 'L2', 'L1'] as const) {
    const items = byLevel[level];
    if (items.length === 0) continue;
    const color = LEVEL_RANK[level] === 3 ? '#b71c1c' : LEVEL_RANK[level] === 2 ? '#e65100' : '#1565c0';
    html.push(`<h3 style="color:${color};margin:16px 0 4px">${escapeHtml(t(locale, LEVEL_TEXT[level]))}</h3>`, '<ul>');
    text.push(`== ${t(locale, LEVEL_TEXT[level])} ==`);
    for (const d of items) {
      const asCopy = d.role === 'cc';
      const behalf = d.notice.standingIn?.[recipient];
      if (behalf) {
        // Told for someone away (rare): worded for this recipient alone.
        const item = renderItem(d.notice, noticeLine(locale, named(d.notice, context)), context);
        const person = context.directory ? personName(context.directory, behalf) : behalf;
        const note = `${asCopy ? copy : ''} ${t(locale, 'digestOnBehalf', { person })}`;
        html.push(`<li>${item.html}${escapeHtml(note)}</li>`);
        text.push(`${item.text}${note}\n  ${open}: ${item.link}`);
        continue;
      }
      const notice = rendered.get(d.notice) ?? renderNotice(d.notice, context, copy, open, rendered);
      html.push(asCopy ? notice.htmlCopy : notice.html);
      text.push(asCopy ? notice.textCopy : notice.text);
    }
    html.push('</ul>');
    text.push('');
  }
  if (stillOpen.length > 0) {
    // Not new alerts: listed so the recipient sees the whole picture, not counted in the subject.
    html.push(`<h3 style="color:#616161;margin:16px 0 4px">${escapeHtml(t(locale, 'digestStillOpen'))}</h3>`, '<ul>');
    text.push(`== ${t(locale, 'digestStillOpen')} ==`);
    for (const { delivery, since } of stillOpen) {
      const item = renderItem(delivery.notice, t(locale, 'lineStillOpen', { since }), context);
      html.push(`<li>${item.html}</li>`);
      text.push(`${item.text}\n  ${open}: ${item.link}`);
    }
    html.push('</ul>');
    text.push('');
  }
  const footer = t(locale, 'digestFooter', { hours: context.cooldownHours });
  html.push(`<p style="color:#757575;font-size:12px">${escapeHtml(footer)}</p>`, '</div>');
  text.push(footer);
  return { recipient, subject: subjectOfSorted(locale, sorted), htmlBody: html.join('\n'), textBody: text.join('\n') };
}

/** Puts `notice` into words for every digest of the run (kept in `rendered`); `copy` and `open` in the digest's language. */
function renderNotice(
  notice: Notice,
  context: DigestContext,
  copy: string,
  open: string,
  rendered: Map<Notice, RenderedNotice>,
): RenderedNotice {
  const { html, text, link } = renderItem(notice, noticeLine(context.locale, named(notice, context)), context);
  const linkLine = `\n  ${open}: ${link}`;
  const done = {
    html: `<li>${html}</li>`,
    htmlCopy: `<li>${html}${escapeHtml(copy)}</li>`,
    text: `${text}${linkLine}`,
    textCopy: `${text}${copy}${linkLine}`,
  };
  rendered.set(notice, done);
  return done;
}

/** `notice` with the person its facts name (the owner) shown by name. */
function named(notice: Notice, context: DigestContext): Notice {
  const owner = notice.facts.owner;
  if (!context.directory || typeof owner !== 'string' || owner === '') return notice;
  return { ...notice, facts: { ...notice.facts, owner: personName(context.directory, owner) } };
}

/** One digest entry: the item linked to its row, its rule and `detail`, as HTML and as a text line. */
function renderItem(
  notice: Notice,
  detail: string,
  context: DigestContext,
): { html: string; text: string; link: string } {
  const heading = `${notice.item} ${notice.title}`.trim();
  const line = `${ruleName(context.locale, notice.rule)}${context.locale === 'en' ? ': ' : '：'}${detail}`;
  const link = rowLink(context, notice);
  return {
    html: `<a href="${escapeHtml(link)}">${escapeHtml(heading)}</a> — ${escapeHtml(line)}`,
    text: `- ${heading} — ${line}`,
    link,
  };
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const HTML_SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char) : text;
}
