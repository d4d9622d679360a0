/**
 * 催办 Nudge (SPEC §3.8): who may nudge a task's owner, when a task may be nudged again, and what
 * the owner's mail and the department's group read. The nudger's words are user text: escaped in
 * the mail's HTML, and left to the robot adapters, which make every item's text inert.
 */
import { t, type Locale } from '../i18n/index';
import { escapeHtml } from './digest';
import { findDepartment, resolveEmail, type Directory } from './directory';
import type { TaskStatus } from './enums';
import type { Mention, RobotMessage } from './robots/channel';

/** Characters a nudge may carry: its words must fit a WeCom text message (2,048 bytes) beside the task's line. */
export const NUDGE_WORDS_MAX = 500;

/** What deciding a nudge needs to know of its task. */
export interface NudgeTask {
  readonly id: string;
  readonly name: string;
  /** As typed on Tasks: a name on People or an email. */
  readonly owner: string;
  readonly dept: string;
  readonly status: TaskStatus | undefined;
  /** The requester of the task's request, as typed; '' when none is found. */
  readonly requester: string;
}

/** Why the active user may not nudge a task, or undefined when they may. */
export type NudgeRefusal = 'unknownUser' | 'ownTask' | 'notAllowed' | 'closed';

/** SPEC §3.8: the task's requester, its department's head or a coordinator, on a task still open; never its owner. */
export function nudgeRefusal(
  task: NudgeTask,
  user: string,
  directory: Directory,
  coordinator: boolean,
): NudgeRefusal | undefined {
  if (user === '') return 'unknownUser';
  if (resolveEmail(directory, task.owner) === user) return 'ownTask';
  const named = [task.requester, findDepartment(directory, task.dept)?.head ?? '']
    .map((person) => resolveEmail(directory, person))
    .filter((email) => email !== undefined);
  if (!coordinator && !named.includes(user)) return 'notAllowed';
  if (task.status === 'done' || task.status === 'cancelled') return 'closed';
  return undefined;
}

/** A nudge already made, as Change history records it. */
export interface PastNudge {
  readonly time: Date;
  /** The nudger as the history names them. */
  readonly by: string;
}

/** The nudge within `hours` before `now` that holds the next one back, if any (the latest). */
export function blockingNudge(past: readonly PastNudge[], now: Date, hours: number): PastNudge | undefined {
  const latest = past.reduce<PastNudge | undefined>(
    (found, nudge) => (!found || nudge.time > found.time ? nudge : found),
    undefined,
  );
  return latest && now.getTime() - latest.time.getTime() < hours * 3_600_000 ? latest : undefined;
}

/** The ledger key of one nudge: its task and when, so each nudge is a message of its own. */
export function nudgeKey(taskId: string, time: Date): string {
  return `nudge||${taskId}|${time.toISOString()}`;
}

/** When a ledger key records a nudge of task `id` (upper case), that nudge's time. */
export function nudgeTime(key: string, id: string): Date | undefined {
  const [rule, , item = '', iso = ''] = key.split('|');
  if (rule !== 'nudge' || item.toUpperCase() !== id) return undefined;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/** What the owner's mail and the group's message say: display text, in the workbook's language. */
export interface NudgeWording {
  readonly locale: Locale;
  readonly nudger: string;
  readonly task: {
    readonly id: string;
    readonly name: string;
    readonly owner: string;
    readonly due: string;
    readonly pct: string;
  };
  readonly words: string;
  /** The task's row. */
  readonly link: string;
}

export interface NudgeMail {
  readonly subject: string;
  readonly htmlBody: string;
  readonly textBody: string;
}

export function nudgeMail(wording: NudgeWording): NudgeMail {
  const { locale, nudger, task, words, link } = wording;
  const intro = t(locale, 'nudgeMailIntro', {
    nudger,
    id: task.id,
    name: task.name,
    due: task.due || '—',
    pct: task.pct || '—',
  });
  const open = t(locale, 'nudgeMailLink');
  const quoted = escapeHtml(words).replace(/\n/g, '<br>');
  return {
    subject: t(locale, 'nudgeMailSubject', { nudger, id: task.id, name: task.name }),
    htmlBody: [
      `<div style="font-family:Arial,'Microsoft YaHei',sans-serif;font-size:14px">`,
      `<p>${escapeHtml(intro)}</p>`,
      `<blockquote style="border-left:3px solid #e65100;margin:8px 0;padding:4px 12px">${quoted}</blockquote>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(open)}</a></p>`,
      '</div>',
    ].join(''),
    textBody: `${intro}\n\n${words}\n\n${open}: ${link}`,
  };
}

/** One item for the owner's department group, @mentioning the owner where People knows how. */
export function nudgeRobotMessage(wording: NudgeWording, owner: Mention | undefined, tasksLink: string): RobotMessage {
  const { locale, nudger, task, words, link } = wording;
  return {
    title: t(locale, 'nudgeRobotTitle', { nudger }),
    items: [
      {
        // One line: a robot item is a list entry, so the words' line breaks become spaces.
        text: t(locale, 'nudgeRobotItem', {
          id: task.id,
          name: task.name,
          owner: task.owner,
          words: words.replace(/\s*\n\s*/g, ' '),
        }),
        link,
        mentions: owner ? [owner] : [],
      },
    ],
    moreText: t(locale, 'robotMore'),
    moreLink: tasksLink,
    moreLinkText: t(locale, 'robotOpenTasks'),
  };
}
