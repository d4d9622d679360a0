/**
 * Group robot adapters (SPEC §3.8), without fakes: each platform's payload shape, its byte limit
 * measured in UTF-8 with Chinese text ("+N more" and the Tasks link past it), @mentions, the
 * keyword, DingTalk 加签 and Feishu 签名校验 against vectors computed here with node:crypto, and
 * every answer the platforms document read as sent, retry or broken.
 *
 * Signing as documented: DingTalk https://open.dingtalk.com/document/robots/customize-robot-security-settings
 * (HmacSHA256 of timestamp + "\n" + secret keyed by the secret, Base64, then urlEncode); Feishu
 * https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot (HmacSHA256 keyed by
 * timestamp + "\n" + secret over no data, as its Go and Java samples and e.g. lynnclub/go
 * v1/sign/feishu.go compute it). Neither page publishes an input with its signature, so the
 * vectors here are computed with node:crypto, not with the add-on's code; HMAC itself is checked
 * against RFC 4231 in test/emulator/urlfetch-robots.test.ts.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { Mention, RobotConfig, RobotItem, RobotMessage } from '../../src/domain/robots/channel';
import { dingtalk, dingtalkSignature } from '../../src/domain/robots/dingtalk';
import { feishu, feishuSignature } from '../../src/domain/robots/feishu';
import { googleChat } from '../../src/domain/robots/googleChat';
import { ADAPTERS, robotFingerprint, robotProblems, whitelistPrefixes } from '../../src/domain/robots/platforms';
import { RateWindow } from '../../src/domain/robots/rateWindow';
import { utf8Bytes } from '../../src/domain/robots/size';
import { wecom } from '../../src/domain/robots/wecom';

const hmac = (key: string, message: string) => createHmac('sha256', key).update(message, 'utf8').digest('base64');
const NOW = new Date('2024-07-11T01:00:00.000Z');
const options = { now: NOW, hmac };

const LI: Mention = { name: '李娜', email: 'li@corp.cn', mobile: '13800000001', chatId: '' };
const WANG: Mention = { name: '王伟', email: 'wang@corp.cn', mobile: '', chatId: 'wangwei' };

function item(n: number, mentions: Mention[] = []): RobotItem {
  return {
    text: `【逾期】RW202407001-${String(n).padStart(3, '0')} 新品推广方案初稿撰写：逾期 3 个工作日，负责人 李娜`,
    link: `https://docs.google.com/spreadsheets/d/abc/edit#gid=1&range=A${n + 1}`,
    mentions,
  };
}

function message(count: number, mentions: Mention[] = []): RobotMessage {
  return {
    title: `【协作台】市场部：${count} 项提醒`,
    items: Array.from({ length: count }, (_, i) => item(i + 1, i === 0 ? mentions : [])),
    moreText: '……另有 {count} 项',
    moreLink: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=1',
    moreLinkText: '打开任务表',
  };
}

const robot = (platform: RobotConfig['platform'], extra: Partial<RobotConfig> = {}): RobotConfig => ({
  platform,
  webhook: {
    wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1',
    dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=t1',
    feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/h1',
    googleChat: 'https://chat.googleapis.com/v1/spaces/S/messages?key=k&token=t',
  }[platform],
  secret: '',
  keyword: '',
  ...extra,
});

const body = (payload: string) => JSON.parse(payload) as Record<string, any>;

describe('WeCom 群机器人', () => {
  test('a markdown message with its items linked and chat-ID mentions as <@userid>', () => {
    const sent = body(wecom.request(message(2, [WANG]), robot('wecom'), options).payload);
    assert.equal(sent.msgtype, 'markdown');
    assert.match(sent.markdown.content, /^\*\*【协作台】市场部：2 项提醒\*\*/);
    assert.match(
      sent.markdown.content,
      /RW202407001-001 .*\[↗\]\(https:\/\/docs\.google\.com\/.*range=A2\) <@wangwei>/,
    );
  });

  test('someone known only by mobile: a text message with mentioned_mobile_list, within 2,048 bytes', () => {
    const sent = body(wecom.request(message(60, [LI]), robot('wecom'), options).payload);
    assert.equal(sent.msgtype, 'text');
    assert.deepEqual(sent.text.mentioned_mobile_list, ['13800000001']);
    assert.ok(utf8Bytes(sent.text.content) <= 2048, `${utf8Bytes(sent.text.content)} bytes`);
    assert.match(sent.text.content, /……另有 \d+ 项 https:\/\/docs\.google\.com\/spreadsheets\/d\/abc\/edit#gid=1/);
  });

  test('markdown past 4,096 bytes of Chinese: as many items as fit, then "+N more" and the Tasks link', () => {
    const sent = body(wecom.request(message(100), robot('wecom'), options).payload);
    const content: string = sent.markdown.content;
    const shown = content.split('\n').filter((line) => line.startsWith('> ')).length;
    const more = Number(/……另有 (\d+) 项/.exec(content)?.[1]);
    assert.ok(utf8Bytes(content) <= 4096, `${utf8Bytes(content)} bytes`);
    assert.ok(content.length < 4096 && utf8Bytes(content) > 3500, 'measured in bytes, not characters');
    assert.equal(shown + more, 100);
    assert.match(content, /\[打开任务表\]\(https:\/\/docs\.google\.com\/spreadsheets\/d\/abc\/edit#gid=1\)$/);
    // One more item would not have fitted: the cut is the largest.
    const oneMore = body(wecom.request({ ...message(shown + 1) }, robot('wecom'), options).payload).markdown.content;
    assert.ok(utf8Bytes(oneMore) > 4096 || !/另有/.test(oneMore));
  });

  test('a task name cannot mention or link anyone: < > [ ] are made inert', () => {
    const typed: RobotMessage = {
      ...message(0),
      items: [{ text: '<@all> [点我](http://evil)', link: 'https://x/', mentions: [] }],
    };
    const content: string = body(wecom.request(typed, robot('wecom'), options).payload).markdown.content;
    assert.doesNotMatch(content, /<@all>|\[点我\]/);
  });
});

describe('DingTalk 自定义机器人', () => {
  test('加签: timestamp in ms and sign = URL-encoded base64(HMAC-SHA256(secret, timestamp\\nsecret)) as query parameters', () => {
    const secret = 'SEC' + 'a1'.repeat(32);
    const { url } = dingtalk.request(message(1), robot('dingtalk', { secret }), options);
    const params = new URL(url).searchParams;
    assert.equal(params.get('access_token'), 't1');
    assert.equal(params.get('timestamp'), String(NOW.getTime()));
    const expected = createHmac('sha256', secret).update(`${NOW.getTime()}\n${secret}`).digest('base64');
    assert.equal(params.get('sign'), expected);
    assert.match(url, /&sign=[^&]*%/, 'the base64 is URL-encoded in the address');
    assert.deepEqual(dingtalkSignature(secret, NOW, hmac), {
      timestamp: String(NOW.getTime()),
      sign: encodeURIComponent(expected),
    });
  });

  test('markdown with at.atMobiles and "@mobile" in the text; the keyword in title and text', () => {
    const sent = body(
      dingtalk.request(message(3, [LI, WANG]), robot('dingtalk', { keyword: '协作' }), options).payload,
    );
    assert.equal(sent.msgtype, 'markdown');
    assert.deepEqual(sent.at.atMobiles, ['13800000001']);
    assert.deepEqual(sent.at.atUserIds, ['wangwei']);
    assert.match(sent.markdown.text, /@13800000001/);
    assert.match(sent.markdown.title, /协作/);
  });

  test('a keyword the text lacks is put first', () => {
    const sent = body(dingtalk.request(message(1), robot('dingtalk', { keyword: '告警' }), options).payload);
    assert.match(sent.markdown.text, /^告警 /);
  });

  test('past 20,000 bytes of Chinese: "+N more" with the link, within the limit', () => {
    const text: string = body(dingtalk.request(message(400), robot('dingtalk'), options).payload).markdown.text;
    assert.ok(utf8Bytes(text) <= 20000 && utf8Bytes(text) > 19000, `${utf8Bytes(text)} bytes`);
    assert.match(text, /……另有 \d+ 项 \[打开任务表\]/);
  });
});

describe('Feishu / Lark 自定义机器人', () => {
  test('签名校验: timestamp in seconds and sign = base64(HMAC-SHA256(key = timestamp\\nsecret, message = "")) in the body', () => {
    const secret = 'qwertyuiop1234567890AB';
    const sent = body(feishu.request(message(1), robot('feishu', { secret }), options).payload);
    const timestamp = String(NOW.getTime() / 1000);
    assert.equal(sent.timestamp, timestamp);
    assert.equal(sent.sign, createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64'));
    assert.deepEqual(feishuSignature(secret, NOW, hmac), { timestamp, sign: sent.sign });
  });

  test('an interactive card; mentions <at email=…> (or <at id=…> by chat ID); the keyword in its title', () => {
    const sent = body(feishu.request(message(2, [LI, WANG]), robot('feishu', { keyword: '协作台' }), options).payload);
    assert.equal(sent.msg_type, 'interactive');
    assert.match(sent.card.header.title.content, /协作台/);
    const content: string = sent.card.elements[0].text.content;
    assert.match(content, /<at email=li@corp\.cn><\/at>/);
    assert.match(content, /<at id=wangwei><\/at>/);
  });

  test('the body stays within 20 KB of Chinese', () => {
    const { payload } = feishu.request(message(300), robot('feishu'), options);
    assert.ok(utf8Bytes(payload) <= 20 * 1024 && utf8Bytes(payload) > 19 * 1024, `${utf8Bytes(payload)} bytes`);
    assert.match(payload, /……另有 \d+ 项/);
  });
});

describe('Google Chat incoming webhook', () => {
  test('a cardsV2 message, every user string escaped; mentions <users/…> by chat ID', () => {
    const typed: RobotMessage = {
      ...message(1, [WANG]),
      items: [{ text: '<b>方案</b> & 预算', link: 'https://x/?a=1&b=2', mentions: [WANG] }],
    };
    const sent = body(googleChat.request(typed, robot('googleChat'), options).payload);
    assert.equal(sent.text, '<users/wangwei>');
    const widget = sent.cardsV2[0].card.sections[0].widgets[0].textParagraph.text as string;
    assert.equal(widget, '<a href="https://x/?a=1&amp;b=2">&lt;b&gt;方案&lt;/b&gt; &amp; 预算</a>');
  });

  test('past 32,000 bytes: a button "+N more · open the Tasks sheet"', () => {
    const { payload } = googleChat.request(message(300), robot('googleChat'), options);
    assert.ok(utf8Bytes(payload) <= 32000, `${utf8Bytes(payload)} bytes`);
    assert.match(payload, /"buttonList".*另有 \d+ 项 · 打开任务表/);
  });
});

describe('answers: sent only when errcode/code is 0; rate limits and busy retried; refusals break the robot', () => {
  const ok = (text: unknown, status = 200) => ({
    status,
    body: typeof text === 'string' ? text : JSON.stringify(text),
  });
  const cases: [keyof typeof ADAPTERS, number, unknown, string][] = [
    ['wecom', 200, { errcode: 0, errmsg: 'ok' }, 'sent'],
    ['wecom', 200, { errcode: 45009, errmsg: 'api freq out of limit' }, 'retry'],
    ['wecom', 200, { errcode: -1, errmsg: 'system busy' }, 'retry'],
    ['wecom', 200, { errcode: 93000, errmsg: 'invalid webhook url' }, 'broken:address'],
    ['wecom', 404, '', 'broken:address'],
    ['wecom', 429, '', 'retry'],
    ['dingtalk', 200, { errcode: 0, errmsg: 'ok' }, 'sent'],
    ['dingtalk', 200, { errcode: 130101, errmsg: 'send too fast' }, 'retry'],
    ['dingtalk', 200, { errcode: 410100, errmsg: '发送速度太快而限流' }, 'retry'],
    ['dingtalk', 200, { errcode: -1, errmsg: '系统繁忙' }, 'retry'],
    ['dingtalk', 200, { errcode: 300005, errmsg: 'token is not exist' }, 'broken:address'],
    ['dingtalk', 200, { errcode: 400101, errmsg: 'robot is not exist' }, 'broken:address'],
    ['dingtalk', 200, { errcode: 400102, errmsg: 'robot stopped' }, 'broken:address'],
    ['dingtalk', 200, { errcode: 400106, errmsg: 'robot does not exist' }, 'broken:address'],
    ['dingtalk', 200, { errcode: 400013, errmsg: 'group removed' }, 'broken:address'],
    ['dingtalk', 200, { errcode: 310000, errmsg: 'sign not match' }, 'broken:signature'],
    ['dingtalk', 200, { errcode: 310000, errmsg: 'invalid timestamp' }, 'broken:signature'],
    ['dingtalk', 200, { errcode: 310000, errmsg: 'keywords not in content' }, 'broken:keyword'],
    ['dingtalk', 200, { errcode: 310000, errmsg: 'ip 1.2.3.4 not in whitelist' }, 'broken:ip'],
    ['dingtalk', 502, '<html>', 'retry'],
    ['feishu', 200, { code: 0, msg: 'success' }, 'sent'],
    ['feishu', 200, { StatusCode: 0, StatusMessage: 'success' }, 'sent'],
    ['feishu', 200, { code: 11232, msg: 'frequency limited' }, 'retry'],
    ['feishu', 200, { code: 19021, msg: 'sign match fail' }, 'broken:signature'],
    ['feishu', 200, { code: 19024, msg: 'Key Words Not Found' }, 'broken:keyword'],
    ['feishu', 200, { code: 19022, msg: 'Ip Not Allowed' }, 'broken:ip'],
    ['feishu', 200, { code: 19001, msg: 'param invalid' }, 'broken:address'],
    ['googleChat', 200, { name: 'spaces/S/messages/1' }, 'sent'],
    ['googleChat', 429, '', 'retry'],
    ['googleChat', 503, '', 'retry'],
    ['googleChat', 404, '', 'broken:address'],
  ];
  test.each(cases)('%s HTTP %i %j → %s', (platform, status, answer, expected) => {
    const outcome = ADAPTERS[platform].classify(ok(answer, status));
    assert.equal(outcome.kind === 'broken' ? `broken:${outcome.reason}` : outcome.kind, expected);
  });

  test('an HTTP 200 whose body is not JSON (a proxy page) is not a success', () => {
    assert.equal(wecom.classify({ status: 200, body: '<html>ok</html>' }).kind, 'retry');
  });
});

describe('configuration', () => {
  test('a webhook of the wrong host, not https, a malformed or unused secret: each named by field', () => {
    assert.deepEqual(robotProblems(robot('wecom')), []);
    assert.deepEqual(
      robotProblems({ ...robot('dingtalk'), webhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1' }),
      [{ field: 'webhook', problem: 'webhookWrongHost' }],
    );
    assert.deepEqual(robotProblems({ ...robot('feishu'), webhook: 'http://open.feishu.cn/open-apis/bot/v2/hook/x' }), [
      { field: 'webhook', problem: 'webhookNotHttps' },
    ]);
    assert.deepEqual(robotProblems(robot('dingtalk', { secret: 'abc' })), [
      { field: 'secret', problem: 'secretMalformed' },
    ]);
    assert.deepEqual(robotProblems(robot('wecom', { secret: 'SEC' + '0'.repeat(64) })), [
      { field: 'secret', problem: 'secretUnused' },
    ]);
  });

  test('the fingerprint changes with the address, secret or keyword, and holds none of them', () => {
    const base = robot('dingtalk', { secret: 'SEC' + 'f'.repeat(64) });
    const print = robotFingerprint(base);
    assert.notEqual(robotFingerprint({ ...base, keyword: 'x' }), print);
    assert.notEqual(robotFingerprint({ ...base, webhook: base.webhook + '2' }), print);
    assert.doesNotMatch(print, /t1|SEC/);
  });

  test('the manifest allowlists exactly the platforms’ prefixes', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8')) as {
      urlFetchWhitelist: string[];
      oauthScopes: string[];
    };
    assert.deepEqual([...manifest.urlFetchWhitelist].sort(), whitelistPrefixes().sort());
    assert.ok(manifest.oauthScopes.includes('https://www.googleapis.com/auth/script.external_request'));
  });
});

test('at most 20 a minute per WeCom robot over 40 messages: the 21st waits for the next minute', () => {
  const window = new RateWindow();
  const start = NOW.getTime();
  const taken = Array.from({ length: 40 }, (_, i) => window.take('市场部', wecom, start + i * 1000));
  assert.equal(taken.filter(Boolean).length, 20);
  assert.equal(taken.indexOf(false), 20);
  assert.equal(window.take('市场部', wecom, start + 61_000), true, 'a minute after the first, one more');
  assert.equal(window.take('销售部', dingtalk, start + 39_000), true, 'each robot has its own limit');
  const feishuWindow = new RateWindow();
  const burst = Array.from({ length: 7 }, () => feishuWindow.take('产品部', feishu, start));
  assert.equal(burst.filter(Boolean).length, 5, 'Feishu: 5 a second');
});
