/**
 * A group's message of one run, worded from its notices (not from any mail): the title names the
 * group and the count, each item its rule, ID, title and what happened, linked to its row.
 */
import { t, type Locale } from '../../i18n/index';
import type { DigestPlan } from '../delivery';
import { noticeLine, ruleName, rowLink, type DigestContext } from '../digest';
import type { Directory } from '../directory';
import type { Notice } from '../notice';
import type { Mention, RobotMessage } from './channel';
import { mentionsFor } from './groups';

export interface GroupMessageContext extends Pick<DigestContext, 'spreadsheetUrl' | 'sheetIds'> {
  readonly locale: Locale;
  readonly directory: Pick<Directory, 'people'>;
  /** The notice as found, for the people it names. */
  readonly origin: (notice: Notice) => Notice;
}

export function groupMessage(plan: DigestPlan, context: GroupMessageContext): RobotMessage {
  const { locale } = context;
  // Each item once, with all its flags on one line, as in a digest (SPEC §3.3).
  const byItem = new Map<string, Notice[]>();
  for (const { notice } of plan.deliveries) {
    const list = byItem.get(notice.item);
    if (list) list.push(notice);
    else byItem.set(notice.item, [notice]);
  }
  const separator = locale === 'en' ? '; ' : '；';
  const items = [...byItem.values()].map((notices) => {
    const first = notices[0] as Notice;
    const rules = [...new Set(notices.map((notice) => ruleName(locale, notice.rule)))];
    const mentions = new Map<string, Mention>();
    for (const notice of notices)
      for (const mention of mentionsFor(context.origin(notice), context.directory))
        mentions.set(mention.email, mention);
    return {
      text: t(locale, 'robotItem', {
        rule: rules.join(locale === 'en' ? ', ' : '·'),
        item: `${first.item} ${first.title}`.trim(),
        line: notices.map((notice) => noticeLine(locale, notice)).join(separator),
      }),
      link: rowLink(context, first),
      mentions: [...mentions.values()],
    };
  });
  const tasks = context.sheetIds.tasks;
  const base = context.spreadsheetUrl.split('#')[0] ?? context.spreadsheetUrl;
  return {
    title: t(locale, 'robotTitle', { group: plan.recipient, count: items.length }),
    items,
    moreText: t(locale, 'robotMore'),
    moreLink: tasks === undefined ? base : `${base}#gid=${tasks}`,
    moreLinkText: t(locale, 'robotOpenTasks'),
  };
}
