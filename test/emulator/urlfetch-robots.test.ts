/**
 * UrlFetchApp and the fake group robots (SPEC §3.8) as a script sees them: HMAC-SHA256 as
 * Utilities.computeHmacSha256Signature computes it (checked against node:crypto, and against
 * RFC 4231 test case 2), the scope and allowlist the manifest declares, HTTP errors thrown unless
 * muted, and fake robots that check DingTalk 加签, Feishu 签名校验 and the keyword on their own and
 * answer every error class the platforms document.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { FakeRobot } from '../../emulator/robots';
import { loadScript } from '../support/script';

const START = '2024-07-11T01:00:00.000Z';
const SCOPES = ['https://www.googleapis.com/auth/script.external_request'];

const probe = `
function hmac(value, key) { return Utilities.base64Encode(Utilities.computeHmacSha256Signature(value, key)); }
function hmacBytes(value, key) {
  return Utilities.base64Encode(Utilities.computeHmacSha256Signature(Utilities.newBlob(value).getBytes(), Utilities.newBlob(key).getBytes()));
}
function post(url, body, mute) {
  var r = UrlFetchApp.fetch(url, { method: 'post', contentType: 'application/json', payload: body, muteHttpExceptions: mute });
  return r.getResponseCode() + ' ' + r.getContentText();
}
function tryPost(url, body, mute) { try { return post(url, body, mute); } catch (e) { return 'threw: ' + e.message; } }
`;

function load(manifest: unknown = { oauthScopes: SCOPES }) {
  return loadScript(probe, { now: START, manifest });
}

test('computeHmacSha256Signature: the bytes node:crypto computes, for strings (UTF-8, Chinese too) and byte arrays', () => {
  const project = load();
  for (const [value, key] of [
    ['1720659600000\nSECabc', 'SECabc'],
    ['', '1720659600\n飞书密钥'],
    ['协作台', 'key'],
  ] as const) {
    const expected = createHmac('sha256', key).update(value, 'utf8').digest('base64');
    assert.equal(project.call('hmac', value, key), expected);
    assert.equal(project.call('hmacBytes', value, key), expected);
  }
  // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
  assert.equal(
    Buffer.from(String(project.call('hmac', 'what do ya want for nothing?', 'Jefe')), 'base64').toString('hex'),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  );
});

describe('UrlFetchApp', () => {
  test('without the script.external_request scope the call is refused, naming it', () => {
    const project = load({ oauthScopes: ['https://www.googleapis.com/auth/spreadsheets'] });
    const robot = project.emulator.robots.add('wecom');
    assert.match(String(project.call('tryPost', robot.url, '{}', true)), /script\.external_request/);
    assert.equal(robot.requests.length, 0);
  });

  test('a URL outside the manifest’s urlFetchWhitelist is refused before it is sent', () => {
    const project = load({ oauthScopes: SCOPES, urlFetchWhitelist: ['https://oapi.dingtalk.com/robot/'] });
    const robot = project.emulator.robots.add('wecom');
    assert.match(String(project.call('tryPost', robot.url, '{}', true)), /allowlist/);
    assert.equal(robot.requests.length, 0);
  });

  test('an HTTP error throws "Request failed … returned code" unless muteHttpExceptions; 200 bodies carry errors', () => {
    const project = load();
    const chat = project.emulator.robots.add('googleChat');
    chat.remove();
    assert.match(
      String(project.call('tryPost', chat.url, '{}', false)),
      /^threw: Request failed for https:\/\/chat\.googleapis\.com returned code 404/,
    );
    assert.match(String(project.call('tryPost', chat.url, '{}', true)), /^404 /);
    assert.equal(
      project.call('post', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=nobody', '{}', true),
      '200 {"errcode":93000,"errmsg":"invalid webhook url"}',
    );
  });

  test('each fetch is charged to the urlfetch source of the latency model', () => {
    const project = loadScript(probe, { now: START, manifest: { oauthScopes: SCOPES }, latency: true });
    const robot = project.emulator.robots.add('wecom');
    const before = project.emulator.clock.now().getTime();
    project.call('post', robot.url, JSON.stringify({ msgtype: 'markdown', markdown: { content: 'x' } }), true);
    assert.equal(project.emulator.calls.seconds().urlfetch, 0.6);
    assert.ok(project.emulator.clock.now().getTime() - before >= 600);
  });
});

describe('fake robots check what the platforms check', () => {
  const markdown = (text: string) => JSON.stringify({ msgtype: 'markdown', markdown: { title: 't', text } });
  const dingtalkUrl = (robot: FakeRobot, timestamp: number, secret = robot.secret) =>
    `${robot.url}&timestamp=${timestamp}&sign=${encodeURIComponent(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'))}`;

  test('DingTalk 加签: the right sign is accepted; a wrong secret, an old timestamp, a missing keyword are refused', () => {
    const project = load();
    const secret = 'SEC' + '3f'.repeat(32);
    const robot = project.emulator.robots.add('dingtalk', { secret, keyword: '协作' });
    const now = new Date(START).getTime();
    assert.equal(
      project.call('post', dingtalkUrl(robot, now), markdown('协作 提醒'), true),
      '200 {"errcode":0,"errmsg":"ok"}',
    );
    assert.match(
      String(project.call('post', dingtalkUrl(robot, now, 'SECwrong'), markdown('协作'), true)),
      /310000.*sign not match/,
    );
    assert.match(
      String(project.call('post', dingtalkUrl(robot, now - 2 * 3_600_000), markdown('协作'), true)),
      /invalid timestamp/,
    );
    assert.match(
      String(project.call('post', dingtalkUrl(robot, now), markdown('提醒'), true)),
      /keywords not in content/,
    );
    assert.equal(robot.received.length, 1);
  });

  test('Feishu 签名校验 in the body: accepted when right, 19021 when not', () => {
    const project = load();
    const robot = project.emulator.robots.add('feishu', { secret: 'abcdefghijklmnop1234' });
    const timestamp = String(new Date(START).getTime() / 1000);
    const sign = createHmac('sha256', `${timestamp}\n${robot.secret}`).update('').digest('base64');
    const card = { msg_type: 'interactive', card: { elements: [] } };
    assert.match(
      String(project.call('post', robot.url, JSON.stringify({ timestamp, sign, ...card }), true)),
      /"code":0/,
    );
    assert.match(
      String(project.call('post', robot.url, JSON.stringify({ timestamp, sign: 'x', ...card }), true)),
      /19021/,
    );
  });

  test('WeCom: more than 4,096 bytes of markdown is refused; the 21st message within a minute gets 45009', () => {
    const project = load();
    const robot = project.emulator.robots.add('wecom');
    const body = (content: string) => JSON.stringify({ msgtype: 'markdown', markdown: { content } });
    assert.match(String(project.call('post', robot.url, body('汉'.repeat(1366)), true)), /exceed max length 4096/);
    const answers = Array.from({ length: 21 }, () => String(project.call('post', robot.url, body('ok'), true)));
    assert.equal(answers.filter((a) => a.includes('"errcode":0')).length, 20);
    assert.match(answers[20] as string, /45009/);
  });

  test('answerNext: every error class, answered as the platform words it, and its handle says it fired', () => {
    const project = load();
    const robot = project.emulator.robots.add('dingtalk');
    const expected = {
      rateLimit: /130101/,
      busy: /"errcode":-1/,
      http429: /^429/,
      http500: /^502/,
      address: /300005/,
      removed: /400101/,
      signature: /310000.*sign not match/,
      timestamp: /310000.*invalid timestamp/,
      keyword: /310000.*keywords/,
      ip: /310000.*ip .* not in whitelist/,
    } as const;
    for (const [fault, answer] of Object.entries(expected)) {
      const handle = robot.answerNext(fault as keyof typeof expected);
      assert.match(String(project.call('post', robot.url, markdown('x'), true)), answer, fault);
      assert.equal(handle.fired, 1);
    }
    assert.match(String(project.call('post', robot.url, markdown('x'), true)), /"errcode":0/, 'then it answers again');
  });
});
