/**
 * One digest email per recipient per run (SPEC §3.3): counts in the subject, items grouped by
 * level, each linking to its row; an HTML body in which every user string is escaped, and a
 * plain-text body with the same content.
 */
import { ratingLine } from './ratingText';
import { t, type Locale, type MessageKey } from '../i18n/index';
import { compareDeliveries, type Delivery, type DigestPlan, type StillOpen } from './delivery';
import { LEVEL_RANK, RULES, type Level, type Notice, type Rule } from './notice';
import { type SheetKey } from './schema';
import { personName, type Directory } from './directory';
import { enumLabel, parseEnum } from './enums';
import {
  digestItems,
  onlySignOffs,
  RenderCache,
  stillOpenItems,
  subjectOf,
  type DigestItem,
  type RenderedItem,
} from './digestItems';
import { escalationLines } from './escalationText';

export interface DigestContext {
  readonly locale: Locale;
  /** Spreadsheet.getUrl() */
  readonly spreadsheetUrl: string;
  /** Sheet.getSheetId() of each sheet, for row links. */
  readonly sheetIds: Partial<Record<SheetKey, number>>;
  readonly cooldownHours: number;
  /** People, so that each person a line names is shown by name (SPEC §2); emails as they are without it. */
  readonly directory?: Pick<Directory, 'people'>;
  /** The item's row as found by its ID when the mail is built; the notice's (read-time) row without it. */
  readonly rowOf?: (notice: Pick<Notice, 'sheet' | 'item'>) => number | undefined;
}

export interface Digest {
  readonly recipient: string;
  readonly subject: string;
  readonly htmlBody: string;
  readonly textBody: string;
}

const RULE_TEXT: Readonly<Record<Rule, { readonly name: MessageKey }>> = {
  unresolved: { name: 'ruleUnresolved' },
  overdue: { name: 'ruleOverdue' },
  blocked: { name: 'ruleBlocked' },
  finalHours: { name: 'ruleFinalHours' },
  noOwner: { name: 'ruleNoOwner' },
  lagging: { name: 'ruleLagging' },
  acceptanceFailed: { name: 'ruleAcceptanceFailed' },
  dependency: { name: 'ruleDependency' },
  dueSoon: { name: 'ruleDueSoon' },
  stale: { name: 'ruleStale' },
  acceptancePending: { name: 'ruleAcceptancePending' },
  actionOverdue: { name: 'ruleActionOverdue' },
  reviewPending: { name: 'ruleReviewPending' },
  changePending: { name: 'ruleChangePending' },
  splitNotSubmitted: { name: 'ruleSplitNotSubmitted' },
  signOffOverdue: { name: 'ruleSignOffOverdue' },
  signOffPending: { name: 'ruleSignOffPending' },
  taskStarted: { name: 'ruleTaskStarted' },
  suggestionFiled: { name: 'ruleSuggestionFiled' },
  suggestionDecided: { name: 'ruleSuggestionDecided' },
  suggestionDueSoon: { name: 'ruleSuggestionDueSoon' },
  suggestionOverdue: { name: 'ruleSuggestionOverdue' },
  cellBudget: { name: 'ruleCellBudget' },
  ratingAsked: { name: 'ruleRatingAsked' },
  ratingReminder: { name: 'ruleRatingReminder' },
  surveyOpen: { name: 'ruleSurveyOpen' },
  ratingLow: { name: 'ruleRatingLow' },
};

const LEVEL_TEXT: Readonly<Record<Level, MessageKey>> = { L3: 'levelL3', L2: 'levelL2', L1: 'levelL1' };

export function ruleName(locale: Locale, rule: Rule): string {
  return t(locale, RULE_TEXT[rule].name);
}

/** The subject of a digest of `deliveries` (SPEC §3.3): it names the item, or the worst of several. */
export function digestSubject(locale: Locale, deliveries: readonly Delivery[]): string {
  const items = digestItems([...deliveries].sort(compareDeliveries));
  return subjectOf(
    locale,
    items,
    (item) => flagsOf(locale, item),
    (notice) => signOffWhat(locale, notice),
  );
}

/** The subject of a planned digest, as its Notification log row names it; its deliveries are in order already. */
export function plannedSubject(locale: Locale, digest: DigestPlan): string {
  const subject = subjectOf(
    locale,
    digestItems(digest.deliveries),
    (item) => flagsOf(locale, item),
    (notice) => signOffWhat(locale, notice),
  );
  return digest.part ? `${subject} (${digest.part})` : subject;
}

/** "逾期 · 滞后 · 未更新": the item's rules in this digest, most severe first, each once. */
function flagsOf(locale: Locale, item: DigestItem): string {
  return [...new Set(item.deliveries.map((d) => ruleName(locale, d.notice.rule)))].join(' · ');
}

/** 任务分工「2024年Q3新品上市推广方案」: what a sign-off request asks to sign. */
function signOffWhat(locale: Locale, notice: Notice): string {
  return t(locale, 'signOffWhat', { subject: signOffSubjectLabel(locale, notice.facts.subject), title: notice.title });
}

/** What happened, in words: the rule's line with the notice's facts. */
export function noticeLine(locale: Locale, notice: Notice): string {
  const f = notice.facts;
  switch (notice.rule) {
    case 'unresolved':
      return [
        t(locale, 'lineUnresolved', { ...f, problems: problemsText(locale, f.problems) }),
        f.daysLate ? t(locale, 'lineUnresolvedLate', f) : '',
        f.progress ? t(locale, 'lineUnresolvedProgress', f) : t(locale, 'lineUnresolvedNoProgress'),
      ]
        .filter((part) => part !== '')
        .join(locale === 'en' ? '; ' : '；');
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
      return [
        t(locale, 'lineSignOff', { ...f, subject: signOffSubjectLabel(locale, f.subject) }),
        ...splitLines(locale, f.tasks),
      ].join(locale === 'en' ? '; ' : '；');
    case 'taskStarted':
      return t(locale, 'lineTaskStarted', f);
    case 'cellBudget':
      return t(locale, 'lineCellBudget', f);
    case 'suggestionFiled':
      return t(locale, 'lineSuggestionFiled', f);
    case 'suggestionDecided':
      return t(locale, f.decision === 'declined' ? 'lineSuggestionDeclined' : 'lineSuggestionAdopted', f);
    case 'suggestionDueSoon':
      return t(locale, 'lineSuggestionDueSoon', f);
    case 'suggestionOverdue':
      return t(locale, 'lineSuggestionOverdue', f);
    case 'ratingAsked':
    case 'ratingReminder':
    case 'surveyOpen':
    case 'ratingLow':
      return ratingLine(locale, notice.rule, f);
  }
}

/** A split's tasks as signed: "渠道铺货执行（销售部，李娜，截止 2024-08-20）". */
function splitLines(locale: Locale, tasks: string | number | undefined): string[] {
  if (!tasks) return [];
  const lines = String(tasks)
    .split('\n')
    .map((line) => {
      const [name = '', dept = '', owner = '', due = ''] = line.split('\t');
      return t(locale, 'signOffSplitTask', { name, dept, owner, due });
    });
  return [t(locale, 'signOffSplitTasks', { tasks: lines.join(locale === 'en' ? '; ' : '；') })];
}

/** The rules an escalation names ("overdue,lagging"), in the reader's language. */
function problemsText(locale: Locale, problems: string | number | undefined): string {
  return String(problems ?? '')
    .split(',')
    .filter((rule): rule is Rule => (RULES as readonly string[]).includes(rule))
    .map((rule) => ruleName(locale, rule))
    .join(locale === 'en' ? ', ' : '、');
}

function signOffSubjectLabel(locale: Locale, subject: string | number | undefined): string {
  const code = parseEnum('signOffSubject', subject);
  return code ? enumLabel('signOffSubject', code, locale) : String(subject ?? '');
}

/** Link to the item's row: the sheet by gid, the row by an A1 range, where the row is now (rowOf) if known. */
export function rowLink(
  context: Pick<DigestContext, 'spreadsheetUrl' | 'sheetIds' | 'rowOf'>,
  notice: Pick<Notice, 'sheet' | 'row'> & Partial<Pick<Notice, 'item'>>,
): string {
  const base = context.spreadsheetUrl.split('#')[0] ?? context.spreadsheetUrl;
  const gid = context.sheetIds[notice.sheet];
  const row = (notice.item !== undefined && context.rowOf?.({ sheet: notice.sheet, item: notice.item })) || notice.row;
  return gid === undefined ? base : `${base}#gid=${gid}&range=A${row}`;
}

/**
 * Every digest of a run. Each list of deliveries is already in compareDeliveries order, as
 * planDeliveries gives them: sorting them again (a collator comparison per step) was a large
 * run's costliest part of the digests.
 */
export function buildDigests(digests: readonly DigestPlan[], context: DigestContext): Digest[] {
  const cache = new RenderCache();
  return digests.map(({ recipient, deliveries, stillOpen, part }) => {
    const digest = digestOfSorted(recipient, deliveries, stillOpen, context, cache);
    return part ? { ...digest, subject: `${digest.subject} (${part})` } : digest;
  });
}

export function buildDigest(
  recipient: string,
  deliveries: readonly Delivery[],
  context: DigestContext,
  stillOpen: readonly StillOpen[] = [],
): Digest {
  return digestOfSorted(recipient, [...deliveries].sort(compareDeliveries), stillOpen, context, new RenderCache());
}

function digestOfSorted(
  recipient: string,
  sorted: readonly Delivery[],
  stillOpen: readonly StillOpen[],
  context: DigestContext,
  cache: RenderCache,
): Digest {
  const { locale } = context;
  const copy = ` ${t(locale, 'digestCopy')}`;
  const items = digestItems(sorted);
  const signOffsOnly = onlySignOffs(items);
  const greeting = t(locale, signOffsOnly ? 'signOffGreeting' : 'digestGreeting');
  const open = stillOpenItems(stillOpen, items);
  const html: string[] = [
    `<div style="font-family:Arial,'Microsoft YaHei',sans-serif;font-size:14px">`,
    `<p>${escapeHtml(greeting)}</p>`,
  ];
  const text: string[] = [greeting, ''];
  for (const level of ['L3', 'L2', 'L1'] as const) {
    const listed = items.filter((item) => item.level === level);
    if (listed.length === 0) continue;
    const color = LEVEL_RANK[level] === 3 ? '#b71c1c' : LEVEL_RANK[level] === 2 ? '#e65100' : '#1565c0';
    // A mail that only asks for sign-offs is not a warning: no level heading.
    if (!signOffsOnly) {
      html.push(`<h3 style="color:${color};margin:16px 0 4px">${escapeHtml(t(locale, LEVEL_TEXT[level]))}</h3>`);
      text.push(`== ${t(locale, LEVEL_TEXT[level])} ==`);
    }
    html.push('<ul>');
    for (const item of listed) {
      const notices = item.deliveries.map((d) => d.notice);
      const behalf = notices.map((notice) => notice.standingIn?.[recipient]).find((email) => email !== undefined);
      if (behalf) {
        // Told for someone away (rare): worded for this recipient alone.
        const person = context.directory ? personName(context.directory, behalf) : behalf;
        const note = `${item.asCopy ? copy : ''} ${t(locale, 'digestOnBehalf', { person })}`;
        const done = renderItem(notices, undefined, context, note);
        html.push(done.html);
        text.push(done.text);
        continue;
      }
      const riding = open.onListed.get(item);
      if (riding) {
        // Told before and still open: its flags join this item's line rather than a second line.
        const still = riding.map(({ delivery, since }) => ({
          notice: delivery.notice,
          text: t(locale, 'lineStillOpen', { since }),
        }));
        const done = renderItem(notices, undefined, context, item.asCopy ? copy : '', still);
        html.push(done.html);
        text.push(done.text);
        continue;
      }
      const key = cache.keyOf(notices);
      const done = cache.get(key) ?? cache.set(key, renderItemWithCopy(notices, context, copy));
      html.push(item.asCopy ? done.htmlCopy : done.html);
      text.push(item.asCopy ? done.textCopy : done.text);
    }
    html.push('</ul>');
    text.push('');
  }
  if (open.apart.length > 0) {
    // Not new alerts: listed once per item so the recipient sees the whole picture, not in the subject.
    html.push(`<h3 style="color:#616161;margin:16px 0 4px">${escapeHtml(t(locale, 'digestStillOpen'))}</h3>`, '<ul>');
    text.push(`== ${t(locale, 'digestStillOpen')} ==`);
    for (const entries of open.apart) {
      const since = entries.map((entry) => entry.since).sort()[0] ?? '';
      const done = renderItem(
        entries.map((entry) => entry.delivery.notice),
        t(locale, 'lineStillOpen', { since }),
        context,
        '',
      );
      html.push(done.html);
      text.push(done.text);
    }
    html.push('</ul>');
    text.push('');
  }
  if (sorted.some((d) => d.notice.rule === 'signOffPending' || d.notice.rule === 'signOffOverdue')) {
    const howTo = t(locale, 'signOffHowTo');
    html.push(`<p>${escapeHtml(howTo)}</p>`);
    text.push(howTo, '');
  }
  const footer = t(locale, 'digestFooter', { hours: context.cooldownHours });
  html.push(`<p style="color:#757575;font-size:12px">${escapeHtml(footer)}</p>`, '</div>');
  text.push(footer);
  const subject = subjectOf(
    locale,
    items,
    (item) => flagsOf(locale, item),
    (notice) => signOffWhat(locale, notice),
  );
  return { recipient, subject, htmlBody: html.join('\n'), textBody: text.join('\n') };
}

function renderItemWithCopy(notices: readonly Notice[], context: DigestContext, copy: string): RenderedItem {
  const plain = renderItem(notices, undefined, context, '');
  const copied = renderItem(notices, undefined, context, copy);
  return { html: plain.html, htmlCopy: copied.html, text: plain.text, textCopy: copied.text };
}

/** `notice` with the people its facts name (the owner, a split's owners) shown by name. */
function named(notice: Notice, context: DigestContext): Notice {
  const { owner, tasks } = notice.facts;
  const directory = context.directory;
  if (!directory) return notice;
  const facts = { ...notice.facts };
  if (typeof owner === 'string' && owner !== '') facts.owner = personName(directory, owner);
  if (typeof tasks === 'string' && tasks !== '') {
    facts.tasks = tasks
      .split('\n')
      .map((line) =>
        line
          .split('\t')
          .map((field, i) => (i === 2 && field !== '' ? personName(directory, field) : field))
          .join('\t'),
      )
      .join('\n');
  }
  return { ...notice, facts };
}

/**
 * One digest entry: the item linked to its row, all its flags, and what each says (or `detail`
 * instead); an escalation as labelled lines ending in its ask. `note` follows the line.
 */
function renderItem(
  notices: readonly Notice[],
  detail: string | undefined,
  context: DigestContext,
  note: string,
  still: readonly { readonly notice: Notice; readonly text: string }[] = [],
): { html: string; text: string } {
  const { locale } = context;
  const first = notices[0]!;
  const heading = `${first.item} ${first.title}`.trim();
  const link = rowLink(context, first);
  const open = `  ${t(locale, 'digestOpen')}: ${link}`;
  const colon = locale === 'en' ? ': ' : '：';
  const flags = [...new Set([...notices, ...still.map((s) => s.notice)].map((n) => ruleName(locale, n.rule)))].join(
    ' · ',
  );
  const anchor = `<a href="${escapeHtml(link)}">${escapeHtml(heading)}</a>`;
  const escalation = detail === undefined ? notices.find((notice) => notice.rule === 'unresolved') : undefined;
  if (escalation) {
    const lines = escalationLines(locale, named(escalation, context), problemsText(locale, escalation.facts.problems));
    for (const other of notices) {
      if (other !== escalation) lines.push([ruleName(locale, other.rule), noticeLine(locale, named(other, context))]);
    }
    for (const open of still) lines.push([ruleName(locale, open.notice.rule), open.text]);
    const rows = lines.map(
      ([label, value]) =>
        `<tr><td style="color:#616161;padding:2px 12px 2px 0;vertical-align:top;white-space:nowrap">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
    );
    return {
      html: `<li>${anchor} — ${escapeHtml(flags + note)}<table style="border-collapse:collapse;margin:4px 0 8px">${rows.join('')}</table></li>`,
      text: [
        `- ${heading} — ${flags}${note}`,
        ...lines.map(([label, value]) => `  ${label}${colon}${value}`),
        open,
      ].join('\n'),
    };
  }
  // Each flag followed by what it says, so a reader knows which figure belongs to which flag.
  const line =
    (detail === undefined
      ? [
          ...notices.map(
            (notice) => `${ruleName(locale, notice.rule)}${colon}${noticeLine(locale, named(notice, context))}`,
          ),
          ...still.map((open) => `${ruleName(locale, open.notice.rule)}${colon}${open.text}`),
        ].join(locale === 'en' ? '; ' : '；')
      : `${flags}${colon}${detail}`) + note;
  return { html: `<li>${anchor} — ${escapeHtml(line)}</li>`, text: `- ${heading} — ${line}\n${open}` };
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
