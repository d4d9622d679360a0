/**
 * The scan (SPEC §3.2, §3.3, §3.5): read every table once, compute health and write the Health
 * column in one batch, decide the notices, and record every one in the Notification log before
 * any mail goes out (recordScan, under the document lock when there is one); then the digests
 * are mailed through the send ledger, outside the lock, within the run's time budget (deliver).
 */
import { WorkCalendar } from '../domain/calendar';
import { buildDigests } from '../domain/digest';
import { logRows, planDeliveries, queuedKeys, type Delivery } from '../domain/delivery';
import { findNotices, type ActionItem, type PlanChangeItem, type Rule, type TaskItem } from '../domain/notices';
import { taskHealth, type TaskHealth } from '../domain/health';
import type { SheetKey } from '../domain/schema';
import { parseDate } from '../domain/values';
import type { LedgerMail } from '../gas/ledger';
import type { Mailer } from '../gas/mailer';
import { labeler, MailLog, readLogEntries } from './mailLog';
import { enumOf, readAcceptances, readActions, readLatestAcceptedProgress, readRequests, readTasks } from './records';
import { readSignOffs } from './signOffs';
import type { Workbook } from './workbook';

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
  const tasks = tasksWithHealth(wb, calendar);
  const ledger = MailLog.of(wb);
  const log = ledger.entries;

  const notices = findNotices({
    now,
    settings,
    calendar,
    directory: wb.directory(),
    tasks,
    requests: readRequests(wb),
    actions: actionItems(wb),
    changes: readChanges(wb),
    acceptances: readAcceptances(wb),
    signOffs: readSignOffs(wb),
    log,
  });
  const dryRun = settings.emailMode === 'dry-run';
  const plan = planDeliveries(notices, log, {
    now,
    calendar,
    cooldownHours: settings.cooldownHours,
    emailMode: settings.emailMode,
    quota: dryRun ? 0 : mailer.remainingQuota(),
    ...(options.hourly ? { only: urgentOrQueued(queuedKeys(log, now)) } : {}),
  });

  const rows = logRows(plan, ledger.time, settings.emailMode);
  const mailRows = new Map(
    rows.mail.map(({ recipient, entries }) => [recipient, entries.map((e) => ledger.append(e))]),
  );
  for (const entry of rows.other) ledger.append(entry);
  // Recorded and landed before any mail goes out; a failed write here fails the run, nothing sent.
  ledger.record();

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
      if (plan.digests.length === 0) return { ...base, digests: 0, sent: 0, dryRun: 0, queued: overQuota };
      const linked = new Set(
        plan.digests.flatMap(({ deliveries, stillOpen }) =>
          [...deliveries, ...stillOpen.map((open) => open.delivery)].map((d) => d.notice.sheet),
        ),
      );
      const context = {
        locale: settings.locale,
        spreadsheetUrl: wb.source.url(),
        sheetIds: sheetIds(wb, [...linked]),
        cooldownHours: settings.cooldownHours,
      };
      const mails: LedgerMail[] = buildDigests(plan.digests, context).map((digest) => ({
        message: digest,
        rows: mailRows.get(digest.recipient) ?? [],
      }));
      const outcome = ledger.deliver(mails, sender);
      return {
        ...base,
        digests: outcome.sent,
        sent: outcome.sentRows,
        dryRun: 0,
        queued: overQuota + outcome.queuedRows,
      };
    },
  };
}

/** Rules whose notices go out within the hour rather than at the next daily scan. */
const URGENT_RULES: ReadonlySet<Rule> = new Set<Rule>(['finalHours', 'acceptanceFailed']);

function urgentOrQueued(queued: ReadonlySet<string>): (delivery: Delivery) => boolean {
  return (delivery) => queued.has(delivery.key) || URGENT_RULES.has(delivery.notice.rule);
}

/** Deliveries earlier runs left queued and not sent since. */
export function queuedCount(wb: Workbook): number {
  return queuedKeys(readLogEntries(wb), wb.now).size;
}

/** Tasks with their health; the Health column of every row is updated in the same pass (written on commit). */
function tasksWithHealth(wb: Workbook, calendar: WorkCalendar): { task: TaskItem; health: TaskHealth }[] {
  const table = wb.optionalTable('tasks');
  if (!table) return [];
  // Only accepted entries count: a rejected one never gets its update stamp.
  const latest = readLatestAcceptedProgress(wb);
  const healthLabel = labeler('health', wb.settings.locale);
  const writesHealth = table.has('health');
  const result: { task: TaskItem; health: TaskHealth }[] = [];
  for (const task of readTasks(wb, latest)) {
    const health = taskHealth(task, wb.now, calendar, wb.settings);
    if (writesHealth) table.rows[task.row - 2]!.set('health', healthLabel(health.health));
    // A row without an ID yet (its request is not approved) gets health but no notices.
    if (task.id !== '') result.push({ task, health });
  }
  return result;
}

/** Communication log rows that hold an action item (an item without a readable due date raises no notice). */
function actionItems(wb: Workbook): ActionItem[] {
  return readActions(wb).filter((action) => action.action !== '' || action.due !== undefined);
}

function readChanges(wb: Workbook): PlanChangeItem[] {
  const timeZone = wb.settings.timeZone;
  return (wb.optionalTable('planChanges')?.records() ?? []).map((row) => ({
    row: row.rowNumber,
    task: row.text('task'),
    newDue: parseDate(row.get('newDue'), timeZone),
    status: enumOf('changeStatus', row.get('status')),
    requestedAt: parseDate(row.get('requestedAt'), timeZone),
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
