/**
 * The scan (SPEC §3.2, §3.3, §3.5): read every table once, compute health and write the Health
 * column in one batch, decide the notices, and record every one in the Notification log before
 * any mail goes out (recordScan, under the document lock when there is one); then the digests
 * are mailed through the send ledger, outside the lock, within the run's time budget (deliver).
 */
import { dateText } from '../domain/dateText';
import { WorkCalendar } from '../domain/calendar';
import { atCellLimit, CELL_LIMIT } from '../domain/cellBudget';
import { buildDigests, plannedSubject } from '../domain/digest';
import { rowsAtSendTime } from './sendTimeRows';
import { messageDrafts, planDeliveries, queuedKeys, type Delivery, type MessageDraft } from '../domain/delivery';
import { DIGEST_RULE, type LedgerRow } from '../domain/ledger';
import { findNotices } from '../domain/notices';
import { type ActionItem, type Notice, type PlanChangeItem, type Rule } from '../domain/notice';
import { escalatingItems, noticeKey } from '../domain/told';
import type { SheetKey } from '../domain/schema';
import type { LedgerMail, LedgerMessage } from '../gas/ledger';
import type { Mailer } from '../gas/mailer';
import { workbookCells } from '../gas/workbookCells';
import { cellLimitText } from './cellBudget';
import { MailLog, readLogEntries, type LogRow } from './mailLog';
import { enumOf, readAcceptances, readActions, readRequests } from './records';
import { readRatings, recordRatingAsks } from './ratings';
import { recordRobotMessages } from './robots';
import { tasksWithHealth } from './scanTasks';
import { readSignOffs } from './signOffs';
import { readSuggestions } from './suggestions';
import { UserError, type Workbook } from './workbook';

export interface ScanReport {
  readonly tasks: number;
  /** Notices the current state calls for, before cooldown. */
  readonly notices: number;
  /** Digests mailed (send mode) or logged as dry-run. */
  readonly digests: number;
  readonly sent: number;
  readonly dryRun: number;
  /** Deliveries left for the next tick: over quota, failed to send, or past the time budget. */
  readonly queued: number;
  /** Notices nobody could be found for. */
  readonly failed: number;
  readonly coolingDown: number;
  /** Rows a dead run left sending, now shown as unconfirmed. */
  readonly unconfirmed: number;
}

export interface ScanOptions {
  /**
   * The hourly pass between daily scans: health is refreshed, but only what earlier runs queued,
   * final-hours warnings and failed acceptances (which cannot wait for tomorrow's scan) go out.
   */
  readonly hourly?: boolean;
}

/** A scan whose notices are on the log; `deliver` mails them, after the caller let go of the lock. */
export interface RecordedScan {
  deliver(mailer: Mailer): ScanReport;
}

export function recordScan(wb: Workbook, mailer: Mailer, options: ScanOptions = {}): RecordedScan {
  const { settings, now } = wb;
  const calendar = new WorkCalendar(settings);
  // Counted by the daily scan; at the limit the log cannot grow, so nothing is recorded or sent.
  const cells = options.hourly ? undefined : { used: workbookCells(wb.spreadsheet), limit: CELL_LIMIT };
  if (cells && atCellLimit(cells)) throw new UserError(cellLimitText(wb, cells));
  const ledger = MailLog.of(wb);
  const log = ledger.entries;
  const tasks = tasksWithHealth(wb, calendar, escalatingItems(log, now, settings, calendar));
  // The hourly pass leaves retention to the daily scan: one week of old rows a day keeps up.
  if (!options.hourly) ledger.retainRecent(calendar);

  const requests = readRequests(wb);
  const ratings = options.hourly ? readRatings(wb) : recordRatingAsks(wb, calendar, requests);
  const notices = findNotices({
    now,
    settings,
    calendar,
    directory: wb.directory(),
    tasks,
    requests,
    actions: actionItems(wb),
    changes: readChanges(wb),
    acceptances: readAcceptances(wb),
    signOffs: readSignOffs(wb),
    suggestions: readSuggestions(wb),
    log,
    ...(ratings ? { ratings } : {}),
    ...(cells ? { cells } : {}),
  });
  const dryRun = settings.emailMode === 'dry-run';
  const only = options.hourly ? urgentOrQueued(queuedKeys(log, now)) : undefined;
  const plan = planDeliveries(notices, log, {
    now,
    calendar,
    cooldownHours: settings.cooldownHours,
    emailMode: settings.emailMode,
    quota: dryRun ? 0 : mailer.remainingQuota(),
    ...(only ? { only } : {}),
  });

  // Recorded in the order they go out: the run's progress counts on it (domain/ledger).
  const failedMail = recordEndedRetries(wb, ledger, calendar);
  const drafts = messageDrafts(plan, settings.emailMode);
  // Each digest's row says what it is about in words (its subject) beside the ledger's keys.
  const mail = drafts.mail.map((draft, i) => {
    const digest = plan.digests[i];
    return digest ? { ...draft, about: plannedSubject(settings.locale, digest) } : draft;
  });
  const mailRows = recordDigests(ledger, notices, { ...drafts, mail }, !dryRun);
  const robots = recordRobotMessages(wb, ledger, notices, {
    calendar,
    tasks: tasks.map(({ task }) => task),
    requests,
    ...(only ? { only } : {}),
  });
  // Recorded and landed before any mail goes out; a failed write here fails the run, nothing sent.
  ledger.record();
  robots.afterRecord();

  const base = {
    tasks: tasks.length,
    notices: notices.length,
    coolingDown: plan.coolingDown.length,
    failed: plan.unaddressed.length,
    unconfirmed: ledger.unconfirmed,
  };
  const overQuota = plan.queued.length;
  return {
    deliver(sender) {
      if (dryRun) return { ...base, digests: plan.digests.length, sent: 0, dryRun: plan.digests.length, queued: 0 };
      if (
        plan.digests.length === 0 &&
        failedMail.length === 0 &&
        robots.messages === 0 &&
        robots.brokenMail.length === 0
      )
        return { ...base, digests: 0, sent: 0, dryRun: 0, queued: overQuota };
      const linked = new Set<SheetKey>(robots.messages > 0 ? ROBOT_LINKED : []);
      for (const { deliveries, stillOpen } of plan.digests) {
        for (const { notice } of deliveries) linked.add(notice.sheet);
        for (const { delivery } of stillOpen) linked.add(delivery.notice.sheet);
      }
      const ids = sheetIds(wb, [...linked]);
      const context = {
        locale: settings.locale,
        spreadsheetUrl: wb.source.url(),
        sheetIds: ids,
        cooldownHours: settings.cooldownHours,
        directory: wb.directory(),
        rowOf: rowsAtSendTime(wb),
      };
      const mails: LedgerMail[] = buildDigests(plan.digests, context).map((digest, i) => ({
        message: digest,
        row: mailRows[i] as LogRow,
      }));
      // Robot messages go after the mail, in the order they were recorded (the run's progress counts on it).
      const outcome = ledger.deliver([...failedMail, ...mails, ...robots.posts(ids), ...robots.brokenMail], sender);
      const carriedBy = new Map<LedgerMessage, number>(
        plan.digests.map((digest, i) => [mails[i] as LedgerMail, digest.deliveries.length]),
      );
      const carried = (list: readonly LedgerMessage[]) => list.reduce((n, mail) => n + (carriedBy.get(mail) ?? 0), 0);
      return {
        ...base,
        digests: outcome.sent.filter((message) => !message.post).length,
        sent: carried(outcome.sent),
        dryRun: 0,
        queued: overQuota + carried(outcome.unsent),
      };
    },
  };
}

/**
 * Records the run's messages: each recipient's digest (to send now, or dry-run) and each
 * recipient's queued one (over quota) takes over their message waiting from an earlier run when it
 * carries every notice of it that still holds, so a retry adds no row; a waiting message whose
 * notices no longer hold, or all go in this run's messages, is superseded. Returns each digest's row, in plan order.
 */
function recordDigests(
  ledger: MailLog,
  notices: readonly Notice[],
  drafts: { readonly mail: readonly MessageDraft[]; readonly other: readonly MessageDraft[] },
  send: boolean,
): LogRow[] {
  // What still holds, and below what this run carries, are only asked about messages waiting from
  // an earlier run: most days there are none, and thousands of delivery keys are not built.
  let holding: Set<string> | undefined;
  const holds = (deliveryKey: string) => {
    if (!holding) {
      holding = new Set();
      for (const notice of notices) {
        const key = noticeKey(notice);
        for (const recipient of notice.to) holding.add(`${key}|${recipient}`);
        for (const recipient of notice.cc) holding.add(`${key}|${recipient}`);
      }
    }
    return holding.has(deliveryKey);
  };
  const record = (draft: MessageDraft, sendNow: boolean): LogRow => {
    const carries = new Set(draft.keys);
    const covers = (waiting: LedgerRow) =>
      isEmailDigest(waiting) && waiting.keys.every((key) => carries.has(key) || !holds(`${key}|${draft.recipient}`));
    const into = draft.recipient === '' ? undefined : ledger.waiting(draft.recipient, covers)?.row;
    return ledger.recordMessage(draft, { send: sendNow, ...(into ? { into } : {}) });
  };
  const rows = drafts.mail.map((draft) => record(draft, send));
  for (const draft of drafts.other) record(draft, false);
  // A waiting digest this run did not take over is done with once every notice of it that still
  // holds goes in one of this run's messages to its recipient (a large digest goes in parts).
  const waitingDigests = ledger.waitingRows.filter(({ ledger: waiting }) => isEmailDigest(waiting));
  if (waitingDigests.length === 0) return rows;
  const carried = new Set(
    [...drafts.mail, ...drafts.other].flatMap((draft) => draft.keys.map((key) => `${key}|${draft.recipient}`)),
  );
  for (const { ledger: waiting, row } of waitingDigests) {
    const recipient = waiting.recipients[0] ?? '';
    const left = (key: string) => holds(`${key}|${recipient}`) && !carried.has(`${key}|${recipient}`);
    if (!waiting.keys.some(left)) ledger.close(row, 'superseded');
  }
  return rows;
}

/** A digest mailed to a person; a group robot's rows are settled by app/robots. */
function isEmailDigest(row: LedgerRow): boolean {
  return row.rule === DIGEST_RULE && (row.channel ?? 'email') === 'email';
}

/** The log's rule for telling the coordinators which mails failed for good; its items are those mails' IDs. */
const DELIVERY_FAILED_RULE = 'deliveryFailed';

/**
 * Waiting messages whose retries ended (SPEC §3.5: RETRY_WORKING_DAYS after they were recorded)
 * are marked failed, and every coordinator is told once, in one mail listing them, recorded in
 * the same write; a failed mail of that kind is only marked.
 */
function recordEndedRetries(wb: Workbook, ledger: MailLog, calendar: WorkCalendar): LedgerMail[] {
  const ended = ledger.retriesEnded(calendar);
  for (const { row } of ended) ledger.close(row, 'failed');
  const told = ended.filter(({ ledger: row }) => row.rule !== DELIVERY_FAILED_RULE);
  if (told.length === 0) return [];
  const dryRun = wb.settings.emailMode === 'dry-run';
  const lines = told.map(({ ledger: row }) =>
    wb.text('deliveryFailedLine', {
      recipient: row.recipients.join(', '),
      items: row.item,
      recordedAt: dateText(row.recordedAt ?? row.time, calendar),
    }),
  );
  const body = wb.text('deliveryFailedMailBody', { list: lines.join('\n'), url: wb.source.url() });
  const subject = wb.text('deliveryFailedMailSubject', { count: told.length });
  return wb.settings.coordinators.flatMap((recipient) => {
    const row = ledger.recordMessage(
      {
        rule: DELIVERY_FAILED_RULE,
        level: '',
        items: told.map(({ ledger: failed }) => failed.message),
        recipient,
        keys: told.map(({ ledger: failed }) => `${DELIVERY_FAILED_RULE}||${failed.message}`),
        status: dryRun ? 'dry-run' : 'queued',
      },
      { send: !dryRun },
    );
    return dryRun ? [] : [{ message: { recipient, subject, textBody: body, htmlBody: '' }, row }];
  });
}

/** Sheets a robot message may link: its items' rows and the Tasks sheet past its size limit. */
const ROBOT_LINKED: readonly SheetKey[] = [
  'tasks',
  'requests',
  'communications',
  'planChanges',
  'acceptance',
  'signOffs',
];

/** Rules whose notices go out within the hour rather than at the next daily scan. */
const URGENT_RULES: ReadonlySet<Rule> = new Set<Rule>(['finalHours', 'acceptanceFailed', 'ratingLow']);

function urgentOrQueued(queued: ReadonlySet<string>): (delivery: Delivery) => boolean {
  return (delivery) => queued.has(delivery.key) || URGENT_RULES.has(delivery.notice.rule);
}

/** Deliveries earlier runs left queued and not sent since. */
export function queuedCount(wb: Workbook): number {
  return queuedKeys(readLogEntries(wb), wb.now).size;
}

/** Communication log rows that hold an action item (an item without a readable due date raises no notice). */
function actionItems(wb: Workbook): ActionItem[] {
  return readActions(wb).filter((action) => action.action !== '' || action.due !== undefined);
}

function readChanges(wb: Workbook): PlanChangeItem[] {
  return (wb.optionalTable('planChanges')?.records() ?? []).map((row) => ({
    row: row.rowNumber,
    task: row.text('task'),
    newDue: wb.readDate(row.get('newDue')),
    status: enumOf('changeStatus', row.get('status')),
    requestedAt: wb.readDate(row.get('requestedAt')),
  }));
}

function sheetIds(wb: Workbook, keys: readonly SheetKey[]): Partial<Record<SheetKey, number>> {
  const ids: Partial<Record<SheetKey, number>> = {};
  for (const key of keys) {
    const id = wb.source.sheetId(key);
    if (id !== undefined) ids[key] = id;
  }
  return ids;
}
