/**
 * A group's message of one run, worded from its notices (not from any mail): the title names the
 * group and the count, each item its rule, ID, title and what happened, linked to its row.
 */
import { t, type Locale } from '../../i18n/index';
import type { DigestPlan } from '../delivery';
import { noticeLine, ruleName, rowLink, type DigestContext } from '../digest';
import type { Directory } from '../directory';
import type { Notice } from '../notice';
import type { RobotMessage } from './channel';
import { mentionsFor } from './groups';

export interface GroupMessageContext extends Pick<DigestContext, 'spreadsheetUrl' | 'sheetIds'> {
  readonly locale: Locale;
  readonly directory: Pick<Directory, 'people'>;
  /** The notice as found, for the people it names. */
  readonly origin: (notice: Notice) => Notice;
}

export function groupMessage(plan: DigestPlan, context: GroupMessageContext): RobotMessage {
  const { locale } = context;
  const seen = new Set<string>();
  const notices = plan.deliveries
    .map((d) => d.notice)
    .filter((n) => !seen.has(`${n.rule}|${n.item}`) && seen.add(`${n.rule}|${n.item}`));
  const items = notices.map((notice) => ({
    text: t(locale, 'robotItem', {
      rule: ruleName(locale, notice.rule),
      item: `${notice.item} ${notice.title}`.trim(),
      line: noticeLine(locale, notice),
    }),
    link: rowLink(context, notice),
    mentions: mentionsFor(context.origin(notice), context.directory),
  }));
  const tasks = context.sheetIds.tasks;
  const base = context.spreadsheetUrl.split('#')[0] ?? context.spreadsheetUrl;
  return {
    title: t(locale, 'robotTitle', { group: plan.recipient, count: notices.length }),
    items,
    moreText: t(locale, 'robotMore'),
    moreLink: tasks === undefined ? base : `${base}#gid=${tasks}`,
    moreLinkText: t(locale, 'robotOpenTasks'),
  };
}
