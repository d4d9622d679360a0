/**
 * Fake group robot endpoints (SPEC §3.8) behind the emulated UrlFetchApp: WeCom, DingTalk,
 * Feishu and Google Chat webhooks that check what the real ones check, computed here on their
 * own (node:crypto), not with the add-on's code: the address, DingTalk 加签 and Feishu 签名校验
 * (timestamp within an hour, signature), the keyword, the size limit, and the rate limit. Each
 * can be told to answer any error class the platforms document; such an answer is a fault with
 * a `fired` count, reported by takeUnfiredFaults when it never fired.
 *
 * Codes and wording: WeCom https://developer.work.weixin.qq.com/document/path/90313 (全局错误码:
 * 45009 接口调用超过限制, 93000 invalid webhook url, -1 系统繁忙); DingTalk
 * https://open.dingtalk.com/document/robots/custom-robot-access (310000 with "sign not match",
 * "invalid timestamp", "keywords not in content", "ip X not in whitelist"; 300005 token is not
 * exist; 130101 send too fast; 410100 发送速度太快而限流); Feishu
 * https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot (19021 sign match fail or
 * timestamp is not within one hour from current time, 19022 Ip Not Allowed, 19024 Key Words Not
 * Found, 11232 frequency limited); Google Chat answers HTTP statuses (429, 404).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { EmulatorContext } from './core';
import { trackUnfired, type FaultHandle } from './faults';
import type { EndpointAnswer, FetchedRequest } from './services/urlFetch';

export type FakePlatform = 'wecom' | 'dingtalk' | 'feishu' | 'googleChat';

/** Every error class SPEC §3.8 names. */
export type RobotFault =
  'rateLimit' | 'busy' | 'http429' | 'http500' | 'address' | 'removed' | 'signature' | 'timestamp' | 'keyword' | 'ip';

export interface ReceivedPost {
  readonly at: Date;
  readonly url: string;
  readonly body: Record<string, unknown>;
  /** The UTF-8 size the platform measures (its content, or the whole body). */
  readonly bytes: number;
}

export interface FakeRobot {
  readonly platform: FakePlatform;
  /** The webhook to configure (for DingTalk, without timestamp and sign). */
  readonly url: string;
  readonly secret: string;
  readonly keyword: string;
  /** Messages the robot accepted, in order. */
  readonly received: ReceivedPost[];
  /** Every request that reached it, accepted or not. */
  readonly requests: FetchedRequest[];
  /** The next `times` posts (default 1) are answered with `fault`'s error instead. */
  answerNext(fault: RobotFault, times?: number): FaultHandle;
  /** The robot is removed from its group: every post is refused as a removed robot. */
  remove(): void;
}

const PER_MINUTE: Readonly<Record<FakePlatform, number>> = { wecom: 20, dingtalk: 20, feishu: 100, googleChat: 60 };

const HOSTS: Readonly<Record<FakePlatform, string>> = {
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=',
  feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/',
  googleChat: 'https://chat.googleapis.com/v1/spaces/',
};

const json = (body: unknown, status = 200): EndpointAnswer => ({ status, body: JSON.stringify(body) });

/** The platform's answer to each error class. */
function faultAnswer(platform: FakePlatform, fault: RobotFault): EndpointAnswer {
  if (fault === 'http429') return json({ error: { code: 429, status: 'RESOURCE_EXHAUSTED' } }, 429);
  if (fault === 'http500') return { status: 502, body: '<html>Bad Gateway</html>' };
  switch (platform) {
    case 'wecom':
      return json(
        {
          rateLimit: { errcode: 45009, errmsg: 'api freq out of limit' },
          busy: { errcode: -1, errmsg: 'system busy' },
          address: { errcode: 93000, errmsg: 'invalid webhook url' },
          removed: { errcode: 93000, errmsg: 'invalid webhook url, hint: robot removed' },
          // WeCom robots neither sign nor filter: a wrong secret or keyword cannot happen.
          signature: { errcode: 93000, errmsg: 'invalid webhook url' },
          timestamp: { errcode: 93000, errmsg: 'invalid webhook url' },
          keyword: { errcode: 93000, errmsg: 'invalid webhook url' },
          ip: { errcode: 93000, errmsg: 'invalid webhook url' },
        }[fault],
      );
    case 'dingtalk':
      return json(
        {
          rateLimit: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' },
          busy: { errcode: -1, errmsg: '系统繁忙' },
          address: { errcode: 300005, errmsg: 'token is not exist' },
          removed: { errcode: 400101, errmsg: 'robot is not exist' },
          signature: {
            errcode: 310000,
            errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]',
          },
          timestamp: { errcode: 310000, errmsg: 'invalid timestamp' },
          keyword: { errcode: 310000, errmsg: 'keywords not in content' },
          ip: { errcode: 310000, errmsg: 'ip 35.203.0.1 not in whitelist' },
        }[fault],
      );
    case 'feishu':
      return json(
        {
          rateLimit: { code: 11232, msg: 'frequency limited psm' },
          busy: { code: -1, msg: 'internal error' },
          address: { code: 19001, msg: 'param invalid: incoming webhook access token invalid' },
          removed: { code: 19001, msg: 'param invalid: incoming webhook access token invalid' },
          signature: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' },
          timestamp: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' },
          keyword: { code: 19024, msg: 'Key Words Not Found' },
          ip: { code: 19022, msg: 'Ip Not Allowed' },
        }[fault],
      );
    case 'googleChat':
      if (fault === 'rateLimit') return json({ error: { code: 429, status: 'RESOURCE_EXHAUSTED' } }, 429);
      if (fault === 'busy') return json({ error: { code: 503, status: 'UNAVAILABLE' } }, 503);
      return json({ error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } }, 404);
  }
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');
const hmacBase64 = (key: string, message: string) => createHmac('sha256', key).update(message).digest('base64');

/** What the platform reads as the message's text (for the keyword) and measures (for the size limit). */
function contentOf(
  platform: FakePlatform,
  body: Record<string, unknown>,
  raw: string,
): { text: string; bytes: number; limit: number } {
  const field = (path: string[]): string => {
    let at: unknown = body;
    for (const key of path) at = (at as Record<string, unknown> | undefined)?.[key];
    return typeof at === 'string' ? at : '';
  };
  switch (platform) {
    case 'wecom': {
      const markdown = field(['markdown', 'content']);
      if (body.msgtype === 'markdown') return { text: markdown, bytes: utf8(markdown), limit: 4096 };
      const text = field(['text', 'content']);
      return { text, bytes: utf8(text), limit: 2048 };
    }
    case 'dingtalk': {
      const text = body.msgtype === 'markdown' ? field(['markdown', 'text']) : field(['text', 'content']);
      return { text: `${field(['markdown', 'title'])}\n${text}`, bytes: utf8(text), limit: 20000 };
    }
    case 'feishu':
      return { text: JSON.stringify(body.card ?? body.content ?? ''), bytes: utf8(raw), limit: 20 * 1024 };
    case 'googleChat':
      return { text: raw, bytes: utf8(raw), limit: 32000 };
  }
}

export interface FakeRobots {
  /**
   * A new robot of `platform`, signing with `secret` and requiring `keyword` when given; `token`
   * fixes its address (a demo's workbook names it), random otherwise.
   */
  add(platform: FakePlatform, options?: { secret?: string; keyword?: string; token?: string }): FakeRobot;
  readonly all: readonly FakeRobot[];
  /** The endpoint UrlFetchApp asks. */
  answer(request: FetchedRequest): EndpointAnswer | undefined;
}

export function createFakeRobots(ctx: EmulatorContext): FakeRobots {
  const robots: (FakeRobot & {
    readonly token: string;
    removed: boolean;
    faults: { fault: RobotFault; left: number; fired: number }[];
  })[] = [];
  const armed: { fault: RobotFault; fired: number }[] = [];
  trackUnfired({
    unfired: () => armed.filter((entry) => entry.fired === 0).map((entry) => `robot answerNext ${entry.fault}`),
  });

  function answer(request: FetchedRequest): EndpointAnswer | undefined {
    const platform = (Object.keys(HOSTS) as FakePlatform[]).find((p) => request.url.startsWith(HOSTS[p]));
    if (!platform) return undefined;
    const url = new URL(request.url);
    const token =
      platform === 'wecom'
        ? url.searchParams.get('key')
        : platform === 'dingtalk'
          ? url.searchParams.get('access_token')
          : platform === 'feishu'
            ? url.pathname.split('/').pop()
            : url.pathname.split('/')[3];
    const robot = robots.find((r) => r.platform === platform && r.token === token);
    if (!robot) return faultAnswer(platform, 'address');
    robot.requests.push(request);
    if (robot.removed) return faultAnswer(platform, 'removed');
    const forced = robot.faults.find((f) => f.left > 0);
    if (forced) {
      forced.left--;
      forced.fired++;
      return faultAnswer(platform, forced.fault);
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.payload) as Record<string, unknown>;
    } catch {
      return platform === 'googleChat'
        ? json({ error: { code: 400 } }, 400)
        : json({ errcode: 40035, code: 9499, errmsg: 'invalid json' });
    }
    const now = ctx.clock.now().getTime();
    if (robot.secret !== '') {
      if (platform === 'dingtalk') {
        const timestamp = url.searchParams.get('timestamp') ?? '';
        const sign = url.searchParams.get('sign') ?? '';
        if (Math.abs(now - Number(timestamp)) > 3_600_000) return faultAnswer(platform, 'timestamp');
        if (sign !== hmacBase64(robot.secret, `${timestamp}\n${robot.secret}`))
          return faultAnswer(platform, 'signature');
      }
      if (platform === 'feishu') {
        const timestamp = String(body.timestamp ?? '');
        if (Math.abs(now / 1000 - Number(timestamp)) > 3600) return faultAnswer(platform, 'timestamp');
        if (body.sign !== hmacBase64(`${timestamp}\n${robot.secret}`, '')) return faultAnswer(platform, 'signature');
      }
    }
    const content = contentOf(platform, body, request.payload);
    if (robot.keyword !== '' && !content.text.includes(robot.keyword)) return faultAnswer(platform, 'keyword');
    if (content.bytes > content.limit)
      return platform === 'googleChat'
        ? json({ error: { code: 400, status: 'INVALID_ARGUMENT', message: 'message too large' } }, 400)
        : json({ errcode: 40058, code: 9499, errmsg: `content exceed max length ${content.limit}` });
    const lastMinute = robot.received.filter((post) => now - post.at.getTime() < 60_000).length;
    if (lastMinute >= PER_MINUTE[platform]) return faultAnswer(platform, 'rateLimit');
    robot.received.push({ at: new Date(now), url: request.url, body, bytes: content.bytes });
    return platform === 'googleChat'
      ? json({ name: `spaces/${token}/messages/${robot.received.length}` })
      : json(platform === 'feishu' ? { code: 0, msg: 'success', data: {} } : { errcode: 0, errmsg: 'ok' });
  }

  return {
    add(platform, options = {}) {
      const token = options.token ?? randomBytes(16).toString('hex');
      const url =
        platform === 'googleChat' ? `${HOSTS[platform]}${token}/messages?key=k&token=t` : `${HOSTS[platform]}${token}`;
      const faults: { fault: RobotFault; left: number; fired: number }[] = [];
      const robot = {
        platform,
        url,
        token,
        secret: options.secret ?? '',
        keyword: options.keyword ?? '',
        received: [] as ReceivedPost[],
        requests: [] as FetchedRequest[],
        removed: false,
        faults,
        answerNext(fault: RobotFault, times = 1): FaultHandle {
          const entry = { fault, left: times, fired: 0 };
          faults.push(entry);
          armed.push(entry);
          return {
            get fired() {
              return entry.fired;
            },
          };
        },
        remove() {
          robot.removed = true;
        },
      };
      robots.push(robot);
      return robot;
    },
    get all() {
      return robots;
    },
    answer,
  };
}
