/**
 * 催办 Nudge from the task card (SPEC §3.8). Under the ledger lease and then the document lock: who
 * may, the task open, the cooldown (once per task per nudgeCooldownHours, whoever nudges), then one
 * mail to the owner and one message to the owner's department robot recorded on the Notification
 * log (rule 催办 nudge) in the same write as the task's Change history row, which carries the save's
 * token. They are sent after the lock through the ledger's deliver, as the scan's are, so a retried
 * click or a killed run never nudges twice.
 */
import type { ActionResult } from '../contract';
import { rowLink } from '../domain/digest';
import { findDepartment, findPeople, resolveEmail } from '../domain/directory';
import { enumLabel, parseEnum } from '../domain/enums';
import {
  NUDGE_WORDS_MAX,
  blockingNudge,
  nudgeKey,
  nudgeMail,
  nudgeRefusal,
  nudgeRobotMessage,
  nudgeTime,
  type NudgeRefusal,
  type NudgeTask,
  type NudgeWording,
  type PastNudge,
} from '../domain/nudge';
import type { ColumnKey } from '../domain/schema';
import { parsePercent } from '../domain/values';
import { activeSpreadsheet } from '../gas/document';
import { gasHttpClient } from '../gas/httpClient';
import type { LedgerMail, LedgerMessage, LedgerPost } from '../gas/ledger';
import type { TableRow } from '../gas/table';
import { withLedgerLease } from '../gas/ledgerLease';
import { LOCK_WAIT_MS } from '../gas/lock';
import { mailApp, type Mailer } from '../gas/mailer';
import { rememberSubmission } from '../gas/submissions';
import { LOCALES, t, type MessageKey } from '../i18n/index';
import { MailLog, type LogRow } from './mailLog';
import { formAction, retryWhenBusy } from './operation';
import { readRobotGroups, type RobotGroup } from './robotGroups';
import { isBrokenRobot, postToRobot } from './robots';
import { formContext, validateForm, type FormValues } from './sidebarForms';
import { taskIndex, type TaskRow } from './tasks';
import { isCoordinator, recordedAuthor, UserError, type Workbook } from './workbook';

const REFUSAL_TEXT: Readonly<Record<NudgeRefusal, MessageKey>> = {
  unknownUser: 'nudgeUnknownUser',
  ownTask: 'nudgeOwnTask',
  notAllowed: 'nudgeNotAllowed',
  closed: 'nudgeTaskClosed',
};

/** A task row as the nudge rules read it, with its request's requester. */
export function nudgeTaskOf(wb: Workbook, row: TaskRow): NudgeTask {
  const request = row.text('request').toUpperCase();
  const requestRow = wb
    .optionalTable('requests')
    ?.records()
    .find((r) => r.text('id').toUpperCase() === request);
  return {
    id: row.text('id'),
    name: row.text('name'),
    owner: row.text('owner'),
    dept: row.text('dept'),
    status: parseEnum('taskStatus', row.get('status')),
    requester: requestRow?.text('requester') ?? '',
  };
}

/** Whether the card offers the active user the nudge (the server decides again on submit). */
export function mayNudge(wb: Workbook, row: TaskRow): boolean {
  return nudgeRefusal(nudgeTaskOf(wb, row), wb.user, wb.directory(), isCoordinator(wb)) === undefined;
}

/**
 * The task's earlier nudges: when, from the ledger's rows (a nudge's key holds its time; every
 * workbook has the log), and who, from the Change history row written with them (captioned in
 * either language; a workbook without Change history names no one).
 */
function pastNudges(wb: Workbook, ledger: MailLog, id: string): PastNudge[] {
  const wanted = id.toUpperCase();
  const nudgers = nudgeHistory(wb).flatMap((row) => {
    const time = row.get('time');
    if (row.text('item').toUpperCase() !== wanted || !(time instanceof Date)) return [];
    return [{ time, by: row.text('by') }];
  });
  const times = new Set<number>();
  for (const entry of ledger.entries) {
    const time = nudgeTime(entry.key, wanted);
    if (time) times.add(time.getTime());
  }
  return [...times].map((ms) => ({
    time: new Date(ms),
    // The log's time is in whole seconds, the history's as the nudge was made.
    by: nudgers.find((nudger) => Math.abs(nudger.time.getTime() - ms) < 1000)?.by ?? wb.text('unknownUser'),
  }));
}

function minute(wb: Workbook, time: Date): string {
  return Utilities.formatDate(time, wb.timeZone, 'yyyy-MM-dd HH:mm');
}

/** The recorded nudge: its messages to send after the lock, and how to word the answer. */
interface RecordedNudge {
  readonly messages: readonly LedgerMessage[];
  readonly answer: (sent: ReadonlySet<LedgerMessage>) => ActionResult;
}

/** Checks and records one nudge under the lock; a refusal is a failed answer, nothing written. */
function recordNudge(wb: Workbook, values: FormValues<'nudge'>): ActionResult | RecordedNudge {
  const refuse = (key: MessageKey, params = {}, field?: string): ActionResult => {
    const message = wb.text(key, params);
    return { ok: false, message, errors: field ? { [field]: message } : {} };
  };
  const id = String(values.task);
  const row = wb.sheet('tasks') ? taskIndex(wb).get(id.toUpperCase()) : undefined;
  if (!row) return refuse('sidebarUnknownTask', { id }, 'task');
  const task = nudgeTaskOf(wb, row);
  const directory = wb.directory();
  const refusal = nudgeRefusal(task, wb.user, directory, isCoordinator(wb));
  if (refusal) {
    const status = task.status ? enumLabel('taskStatus', task.status, wb.locale) : '';
    return refuse(REFUSAL_TEXT[refusal], { id: task.id, dept: task.dept, status });
  }
  const words = String(values.words);
  if (words === '') return refuse('nudgeWordsRequired', { max: NUDGE_WORDS_MAX }, 'words');
  if ([...words].length > NUDGE_WORDS_MAX)
    return refuse('nudgeWordsTooLong', { max: NUDGE_WORDS_MAX, count: [...words].length }, 'words');
  const ledger = MailLog.of(wb);
  const hours = wb.settings.nudgeCooldownHours;
  const blocking = blockingNudge(pastNudges(wb, ledger, task.id), wb.now, hours);
  if (blocking) {
    const next = new Date(blocking.time.getTime() + hours * 3_600_000);
    return refuse('nudgeCooldown', {
      id: task.id,
      time: minute(wb, blocking.time),
      by: blocking.by,
      hours,
      next: minute(wb, next),
    });
  }
  const ownerEmail = resolveEmail(directory, task.owner);
  if (ownerEmail === undefined) return refuse('nudgeNoOwner', { id: task.id });

  wb.stated.push({
    sheet: 'tasks',
    item: task.id,
    field: '',
    label: 'nudgeHistoryField',
    oldValue: '',
    newValue: words,
  });
  const key = nudgeKey(task.id, ledger.time);
  const dryRun = wb.settings.emailMode === 'dry-run';
  const mailRow = ledger.recordMail({ rule: 'nudge', item: task.id, key, recipient: ownerEmail });
  const deptName = findDepartment(directory, task.dept)?.name ?? task.dept;
  const group = readRobotGroups(wb).groups.find((g) => g.name === deptName && !isBrokenRobot(wb, g));
  const robotRow = group
    ? ledger.recordMessage(
        {
          rule: 'nudge',
          level: '',
          items: [task.id],
          recipient: group.name,
          keys: [key],
          status: dryRun ? 'dry-run' : 'queued',
        },
        { send: !dryRun, channel: group.robot.platform },
      )
    : undefined;
  // The history row (with the save's token) and the log land together, before anything goes out.
  ledger.record();
  return nudgeMessages(wb, row, {
    words,
    nudger: recordedAuthor(wb),
    mail: { to: ownerEmail, row: mailRow },
    group,
    robotRow,
  });
}

/** A nudge's rows on the log and what they carry, ready to send. */
interface NudgeRows {
  readonly words: string;
  readonly nudger: string;
  readonly mail?: { readonly to: string; readonly row: LogRow } | undefined;
  readonly group?: RobotGroup | undefined;
  readonly robotRow?: LogRow | undefined;
}

/** The mail and the robot post of a recorded nudge, and the answer that says which went. */
function nudgeMessages(wb: Workbook, row: TaskRow, rows: NudgeRows): RecordedNudge {
  const { group, robotRow } = rows;
  const url = wb.source.url();
  const tasksId = wb.source.sheetId('tasks');
  const sheetIds = tasksId === undefined ? {} : { tasks: tasksId };
  const pct = parsePercent(row.get('pct'));
  const wording: NudgeWording = {
    locale: wb.locale,
    nudger: rows.nudger,
    task: {
      id: row.text('id'),
      name: row.text('name'),
      owner: wb.nameOf(row.text('owner')),
      due: wb.dateText(row.get('due')),
      pct: pct === undefined ? '' : `${pct}%`,
    },
    words: rows.words,
    link: rowLink({ spreadsheetUrl: url, sheetIds }, { sheet: 'tasks', row: row.rowNumber }),
  };
  const mail: LedgerMail | undefined = rows.mail && {
    message: { recipient: rows.mail.to, ...nudgeMail(wording) },
    row: rows.mail.row,
  };
  const person = rows.mail && findPeople(wb.directory(), rows.mail.to)[0];
  const mention = person && {
    name: person.name,
    email: person.email,
    mobile: person.mobile ?? '',
    chatId: person.chatId ?? '',
  };
  const base = url.split('#')[0] ?? url;
  const tasksLink = tasksId === undefined ? base : `${base}#gid=${tasksId}`;
  const post: LedgerPost | undefined = group &&
    robotRow && {
      row: robotRow,
      post: () => postToRobot(wb, group, nudgeRobotMessage(wording, mention, tasksLink), gasHttpClient),
    };
  const channelText = (message: LedgerMessage) =>
    message === mail ? wb.text('nudgeChannelMail') : wb.text('nudgeChannelGroup', { group: group?.name ?? '' });
  const dryRun = wb.settings.emailMode === 'dry-run';
  const messages: LedgerMessage[] = dryRun ? [] : [...(mail ? [mail] : []), ...(post ? [post] : [])];
  return {
    messages,
    answer: (sent) => {
      const owner = wording.task.owner;
      if (dryRun) return { ok: true, message: wb.text('nudgeSentDryRun', { owner }) };
      const separator = wb.locale === 'en' ? ', ' : '、';
      const unsent = messages.filter((message) => !sent.has(message));
      if (unsent.length > 0)
        return { ok: true, message: wb.text('nudgeQueued', { channels: unsent.map(channelText).join(separator) }) };
      return {
        ok: true,
        message: wb.text('nudgeSent', { owner, channels: messages.map(channelText).join(separator) }),
      };
    },
  };
}

type HistoryRow = TableRow<ColumnKey<'changeHistory'>>;

/** The Change history rows nudges wrote (captioned in either language). */
function nudgeHistory(wb: Workbook): HistoryRow[] {
  const captions = new Set(LOCALES.map((locale) => t(locale, 'nudgeHistoryField')));
  return (wb.optionalTable('changeHistory')?.records() ?? []).filter((row) => captions.has(row.text('field')));
}

/**
 * Nudges an earlier run recorded but did not send (a send failed, the quota or the time ran out):
 * the tick sends their rows still waiting on the log, rebuilt from each nudge's Change history row,
 * as a retried click would (resendNudge). Returns the messages to send after the lock.
 */
export function recordWaitingNudges(wb: Workbook): LedgerMessage[] {
  if (!MailLog.of(wb).waitingRows.some(({ ledger: logged }) => logged.rule === 'nudge')) return [];
  return nudgeHistory(wb).flatMap((made) => resendNudge(wb, made)?.messages ?? []);
}

/**
 * A nudge's rows still waiting on the log (a retried click whose first try wrote but died before
 * sending, or a tick after a failed send), sent now, rebuilt from its Change history row (task,
 * words, nudger). Rows already sent, or in doubt, are left alone: never twice.
 */
function resendNudge(wb: Workbook, made: HistoryRow): RecordedNudge | undefined {
  const time = made.get('time');
  if (!(time instanceof Date)) return undefined;
  // The log first: a tick looks at every nudge ever made, and most have nothing waiting.
  const ledger = MailLog.of(wb);
  const id = made.text('item').toUpperCase();
  const waiting = ledger.waitingRows.filter(({ ledger: logged }) => {
    const at = logged.keys.length === 1 ? nudgeTime(logged.keys[0] as string, id) : undefined;
    return at !== undefined && Math.abs(at.getTime() - time.getTime()) < 1000;
  });
  if (waiting.length === 0) return undefined;
  const row = wb.sheet('tasks') ? taskIndex(wb).get(id) : undefined;
  if (!row) return undefined;
  const groups = readRobotGroups(wb).groups;
  let mail: NudgeRows['mail'];
  let group: RobotGroup | undefined;
  let robotRow: LogRow | undefined;
  for (const { ledger: logged, row: logRow } of waiting) {
    const recipient = logged.recipients[0] ?? '';
    const draft = {
      rule: 'nudge',
      level: '',
      items: [row.text('id')],
      recipient,
      keys: logged.keys,
      status: 'queued',
    } as const;
    if (logged.channel === undefined || logged.channel === 'email') {
      mail = { to: recipient, row: ledger.recordMessage(draft, { send: true, into: logRow }) };
      continue;
    }
    group = groups.find((g) => g.name === recipient);
    if (group) robotRow = ledger.recordMessage(draft, { send: true, into: logRow, channel: group.robot.platform });
    else ledger.close(logRow, 'superseded');
  }
  ledger.record();
  return nudgeMessages(wb, row, { words: made.text('newValue'), nudger: made.text('by'), mail, group, robotRow });
}

/**
 * The sidebar's nudge: recorded under the ledger lease and the document lock, sent after the lock.
 * The save token is checked here rather than by formAction, so that a retry of a click whose first
 * try wrote but never sent gets its nudge sent (resendNudge); one that was sent gets the first answer.
 */
export function submitNudge(
  now: Date,
  payload: unknown,
  token: string | undefined,
  mailer: Mailer = mailApp,
): ActionResult {
  try {
    return retryWhenBusy(() =>
      withLedgerLease(activeSpreadsheet(), LOCK_WAIT_MS.user, () => {
        let recorded: RecordedNudge | undefined;
        let ledger: MailLog | undefined;
        const answer = formAction(now, (wb) => {
          const earlier = token === undefined ? undefined : wb.savedSubmission(token);
          if (earlier && token !== undefined) {
            const made = nudgeHistory(wb).find((row) => row.text('save') === token);
            recorded = made && resendNudge(wb, made);
            if (recorded) ledger = MailLog.of(wb);
            return earlier;
          }
          wb.submission = token;
          const checked = validateForm('nudge', payload, formContext(wb));
          if (!checked.ok) return checked;
          const result = recordNudge(wb, checked.value);
          if ('ok' in result) return result;
          recorded = result;
          ledger = MailLog.of(wb);
          // What a retry of this click is told if this answer is lost: the nudge as sent.
          const answer = result.answer(new Set(result.messages));
          if (token !== undefined) rememberSubmission(token, answer);
          return answer;
        });
        if (!recorded || !ledger) return answer;
        const outcome = ledger.deliver(recorded.messages, mailer);
        return recorded.answer(new Set(outcome.sent));
      }),
    );
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message, errors: {} };
    throw error;
  }
}
