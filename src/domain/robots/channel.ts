/**
 * The robot channel's port (SPEC §3.8, ARCHITECTURE "Send ledger"): a group robot message is built
 * from notices (never from a mail's HTML) by one small adapter per platform, which formats, signs,
 * sizes and classifies what the platform answers. gas/ carries the request over UrlFetchApp.
 */

export const ROBOT_PLATFORMS = ['wecom', 'dingtalk', 'feishu', 'googleChat'] as const;
export type RobotPlatform = (typeof ROBOT_PLATFORMS)[number];

/** One group's robot as Departments (or the coordinators' Settings keys) configure it. */
export interface RobotConfig {
  readonly platform: RobotPlatform;
  readonly webhook: string;
  /** DingTalk 加签 / Feishu 签名校验 secret; '' when the robot does not sign. */
  readonly secret: string;
  /** Sent in every message when the robot requires one; '' when none. */
  readonly keyword: string;
}

/** Someone to @mention: People's mobile and chat ID (either may be ''). */
export interface Mention {
  readonly name: string;
  readonly email: string;
  readonly mobile: string;
  readonly chatId: string;
}

/** One line of a robot message: one task or request and what it is flagged for. */
export interface RobotItem {
  /** Worded in the workbook's language: "[逾期] T-001 新品推广方案 · 逾期 3 个工作日". */
  readonly text: string;
  /** Where the item's row is. */
  readonly link: string;
  readonly mentions: readonly Mention[];
}

/** What a group is told in one run: a title, its items (highest level first) and the words around them. */
export interface RobotMessage {
  readonly title: string;
  readonly items: readonly RobotItem[];
  /** "+{count} more", worded; {count} is replaced. */
  readonly moreText: string;
  /** The Tasks sheet, linked past the size limit. */
  readonly moreLink: string;
  /** The link's words ("打开任务表"). */
  readonly moreLinkText: string;
}

/** An HTTP request as UrlFetchApp takes it. */
export interface HttpRequest {
  readonly url: string;
  readonly method: 'post';
  readonly contentType: 'application/json';
  /** The JSON body. */
  readonly payload: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly body: string;
}

/** HMAC-SHA256 as base64 (Utilities.computeHmacSha256Signature + base64Encode in Apps Script). */
export type HmacBase64 = (key: string, message: string) => string;

/** Why a robot cannot be posted to until a coordinator changes it. */
export type BrokenReason = 'address' | 'signature' | 'keyword' | 'ip';

/**
 * What a platform's answer means: sent only when errcode/code is 0 (errors come inside HTTP 200
 * bodies); retry at the next tick (rate limits, busy); broken (no retry until the robot changes).
 */
export type RobotOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'retry'; readonly detail: string }
  | { readonly kind: 'broken'; readonly reason: BrokenReason; readonly detail: string };

/** One platform: how its message is built and signed, and how its answers read. */
export interface RobotAdapter {
  readonly platform: RobotPlatform;
  /** Messages a minute one robot accepts (and, where the platform says, a second). */
  readonly perMinute: number;
  readonly perSecond?: number;
  request(message: RobotMessage, robot: RobotConfig, options: { now: Date; hmac: HmacBase64 }): HttpRequest;
  classify(response: HttpResponse): RobotOutcome;
}
