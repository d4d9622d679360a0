/**
 * Group robots in a run (SPEC §3.8): each group with a working robot gets one message a run with
 * its notices, planned like a person's digest (cooldown, back-off and the queue shared with email,
 * the group being the recipient), recorded on the ledger under its platform's channel before
 * anything goes out, and posted after the mail in the same ordered send, so a run killed at any
 * point leaves one message in doubt at most. A robot the platform refuses for good (address,
 * signature, keyword, IP) is marked broken until a coordinator changes it; the coordinators are
 * told once per breakage; its notices still go to every person by email.
 */
import { planDeliveries, messageDrafts, type Delivery, type DigestPlan } from '../domain/delivery';
import { DIGEST_RULE, type LedgerRow } from '../domain/ledger';
import { enumLabel } from '../domain/enums';
import type { WorkCalendar } from '../domain/calendar';
import type { Notice, RequestItem, TaskItem } from '../domain/notice';
import { noticeKey } from '../domain/told';
import type { RobotMessage, RobotOutcome } from '../domain/robots/channel';
import { groupMessage } from '../domain/robots/message';
import { groupNotices } from '../domain/robots/groups';
import { ADAPTERS, robotFingerprint } from '../domain/robots/platforms';
import { RateWindow } from '../domain/robots/rateWindow';
import type { SheetKey } from '../domain/schema';
import { gasHmac, gasHttpClient, type HttpClient } from '../gas/httpClient';
import type { LedgerMail, LedgerPost, PostStatus } from '../gas/ledger';
import { brokenRobotStore, type BrokenRobot } from '../gas/robotState';
import { rowsAtSendTime } from './sendTimeRows';
import type { MailLog, LogRow } from './mailLog';
import { readRobotGroups, type RobotGroup } from './robotGroups';
import type { Workbook } from './workbook';

export interface RecordedRobots {
  /** Messages recorded to post (none in dry-run mode). */
  readonly messages: number;
  /** Mails telling the coordinators of a newly broken robot, to send with the run's mail. */
  readonly brokenMail: readonly LedgerMail[];
  /** Once the run's rows have landed: the store remembers who was told. */
  afterRecord(): void;
  /** The run's robot messages, ready to post in order (links need the sheets' IDs). */
  posts(sheetIds: Partial<Record<SheetKey, number>>): LedgerPost[];
}

const NONE: RecordedRobots = { messages: 0, brokenMail: [], afterRecord: () => undefined, posts: () => [] };

export interface RobotScope {
  readonly calendar: WorkCalendar;
  readonly tasks: readonly TaskItem[];
  readonly requests: readonly RequestItem[];
  /** Between daily scans: only deliveries this accepts (the queue, rules that cannot wait). */
  readonly only?: (delivery: Delivery) => boolean;
  readonly http?: HttpClient;
}

export function recordRobotMessages(
  wb: Workbook,
  ledger: MailLog,
  notices: readonly Notice[],
  scope: RobotScope,
): RecordedRobots {
  const { groups: configured } = readRobotGroups(wb);
  const store = brokenRobotStore(wb.spreadsheet.getId());
  const hasState = configured.length > 0 || ledger.waitingRows.some(({ ledger: row }) => isRobotRow(row));
  if (!hasState) return NONE;
  const state = store.read();
  const before = JSON.stringify(state);
  // A broken robot that a coordinator changed (or removed) is forgotten: it is posted to again.
  for (const name of Object.keys(state)) {
    const group = configured.find((g) => g.name === name);
    if (!group || robotFingerprint(group.robot) !== state[name]?.fingerprint) delete state[name];
  }
  const working = configured.filter((group) => !state[group.name]);
  const byName = new Map(working.map((group) => [group.name, group]));

  const departmentOf = itemDepartments(scope.tasks, scope.requests);
  const grouped = groupNotices(notices, {
    groups: new Set(byName.keys()),
    coordinatorGroup: working.find((g) => g.name === wb.text('robotCoordinatorGroup'))?.name,
    coordinators: wb.settings.coordinators,
    departmentOf: (item) => departmentOf.get(item.toUpperCase()),
  });
  const dryRun = wb.settings.emailMode === 'dry-run';
  const plan = planDeliveries(grouped.notices, ledger.entries, {
    now: wb.now,
    calendar: scope.calendar,
    cooldownHours: wb.settings.cooldownHours,
    emailMode: wb.settings.emailMode,
    // UrlFetchApp's daily quota (20,000 consumer) is far above one message per group a run.
    quota: Number.MAX_SAFE_INTEGER,
    ...(scope.only ? { only: scope.only } : {}),
  });
  const drafts = messageDrafts(plan, wb.settings.emailMode).mail;
  const held = new Set(grouped.notices.map((notice) => `${noticeKey(notice)}|${notice.to[0] ?? ''}`));
  const carried = new Set(drafts.flatMap((draft) => draft.keys.map((key) => `${key}|${draft.recipient}`)));
  const rows = drafts.map((draft) => {
    const group = byName.get(draft.recipient) as RobotGroup;
    const keys = new Set(draft.keys);
    const covers = (waiting: LedgerRow) =>
      isRobotRow(waiting) && waiting.keys.every((key) => keys.has(key) || !held.has(`${key}|${draft.recipient}`));
    const into = ledger.waiting(draft.recipient, covers)?.row;
    return ledger.recordMessage(draft, {
      send: !dryRun,
      channel: group.robot.platform,
      ...(into ? { into } : {}),
    });
  });
  // A waiting robot message none of whose notices is left to tell its group (or whose robot is
  // gone or broken) is done with.
  for (const { ledger: waiting, row } of ledger.waitingRows) {
    if (!isRobotRow(waiting)) continue;
    const group = waiting.recipients[0] ?? '';
    const left = (key: string) => held.has(`${key}|${group}`) && !carried.has(`${key}|${group}`);
    if (!byName.has(group) || !waiting.keys.some(left)) ledger.close(row, 'superseded');
  }

  const brokenMail = recordBrokenNotices(wb, ledger, state, configured);
  const plans = plan.digests;
  return {
    messages: dryRun ? 0 : rows.length,
    brokenMail,
    afterRecord() {
      if (JSON.stringify(state) !== before) store.write(state);
    },
    posts(sheetIds) {
      if (dryRun) return [];
      // Per run: runs are an hour apart (two within a minute only when a coordinator runs checks by hand).
      const rate = new RateWindow();
      const http = scope.http ?? gasHttpClient;
      const context = {
        locale: wb.locale,
        spreadsheetUrl: wb.source.url(),
        sheetIds,
        directory: wb.directory(),
        origin: (notice: Notice) => grouped.origin.get(notice) ?? notice,
        // Robot items link where their rows are when posted, as mails do (issue 24 §6).
        rowOf: rowsAtSendTime(wb),
      };
      return plans.map((digest: DigestPlan, i) => {
        const group = byName.get(digest.recipient) as RobotGroup;
        const message = groupMessage(digest, context);
        return {
          row: rows[i] as LogRow,
          post: () => postToRobot(wb, group, message, http, rate),
        };
      });
    },
  };
}

/**
 * Posts one message to a group's robot and says what to mark on its row; never throws. Over the
 * robot's per-minute limit (`rate`) it waits for the next tick; a robot refused for good is marked broken.
 */
export function postToRobot(
  wb: Workbook,
  group: RobotGroup,
  message: RobotMessage,
  http: HttpClient,
  rate?: RateWindow,
): PostStatus {
  const adapter = ADAPTERS[group.robot.platform];
  if (rate && !rate.take(group.name, adapter, Date.now())) return 'queued';
  let outcome: RobotOutcome;
  try {
    const request = adapter.request(message, group.robot, { now: new Date(), hmac: gasHmac });
    outcome = adapter.classify(http.fetch(request));
  } catch (error) {
    // No answer (a timeout, a host the manifest does not allow): tried again later.
    outcome = { kind: 'retry', detail: String(error) };
  }
  if (outcome.kind === 'broken') {
    markBroken(wb, group, outcome);
    return 'failed';
  }
  return outcome.kind;
}

/** Whether a group's robot is marked broken and not changed since (gas/robotState). */
export function isBrokenRobot(wb: Workbook, group: RobotGroup): boolean {
  const broken = brokenRobotStore(wb.spreadsheet.getId()).read()[group.name];
  return broken !== undefined && broken.fingerprint === robotFingerprint(group.robot);
}

/** A robot refused for good: remembered (by fingerprint) until a coordinator changes it. */
function markBroken(wb: Workbook, group: RobotGroup, outcome: Extract<RobotOutcome, { kind: 'broken' }>): void {
  const store = brokenRobotStore(wb.spreadsheet.getId());
  try {
    const state = store.read();
    state[group.name] = {
      fingerprint: robotFingerprint(group.robot),
      reason: outcome.reason,
      detail: outcome.detail.slice(0, 200),
      told: false,
    };
    store.write(state);
  } catch {
    // Not remembered: the next post fails the same way and marks it then.
  }
}

const REASON_TEXT = {
  address: 'robotReasonAddress',
  signature: 'robotReasonSignature',
  keyword: 'robotReasonKeyword',
  ip: 'robotReasonIp',
} as const;

/** The log's rule for telling the coordinators a robot broke; its key names the robot's breakage. */
const ROBOT_BROKEN_RULE = 'robotBroken';

/** One mail to each coordinator per breakage not yet told; the state marks it told. */
function recordBrokenNotices(
  wb: Workbook,
  ledger: MailLog,
  state: Record<string, BrokenRobot>,
  configured: readonly RobotGroup[],
): LedgerMail[] {
  const dryRun = wb.settings.emailMode === 'dry-run';
  const mails: LedgerMail[] = [];
  for (const [name, broken] of Object.entries(state)) {
    if (broken.told) continue;
    const group = configured.find((g) => g.name === name);
    if (!group) continue;
    const params = {
      group: name,
      platform: enumLabel('robotPlatform', group.robot.platform, wb.locale),
      reason: wb.text(REASON_TEXT[broken.reason]),
      detail: broken.detail,
      url: wb.source.url(),
    };
    const subject = wb.text('robotBrokenMailSubject', params);
    const textBody = wb.text('robotBrokenMailBody', params);
    for (const recipient of wb.settings.coordinators) {
      const row = ledger.recordMail({
        rule: ROBOT_BROKEN_RULE,
        item: name,
        key: `${ROBOT_BROKEN_RULE}||${name}:${broken.fingerprint}`,
        recipient,
      });
      if (!dryRun) mails.push({ message: { recipient, subject, textBody, htmlBody: '' }, row });
    }
    state[name] = { ...broken, told: true };
  }
  return mails;
}

function isRobotRow(row: LedgerRow): boolean {
  return row.rule === DIGEST_RULE && row.channel !== undefined && row.channel !== 'email';
}

/** Each task's responsible department and each request's lead department, by ID (upper case). */
function itemDepartments(tasks: readonly TaskItem[], requests: readonly RequestItem[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const request of requests)
    if (request.id !== '') map.set(request.id.toUpperCase(), request.lead || request.dept);
  for (const task of tasks) if (task.id !== '') map.set(task.id.toUpperCase(), task.dept);
  return map;
}
