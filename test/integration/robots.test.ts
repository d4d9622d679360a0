/**
 * Group robots on the built bundle (SPEC §3.8): 市场部 posts to a WeCom robot, 销售部 to a
 * DingTalk robot with 加签 and a keyword, 产品部 to a Feishu robot with 签名校验, and the
 * coordinators' group to Google Chat. Read as the groups would read it: one message a run each,
 * with their own department's items and @mentions; every notice once per channel, also across a
 * run killed around its posts; rate limits and busy answers retried at the next tick; a robot the
 * platform refuses is left alone until a coordinator changes it, the coordinators told once, and
 * its notices still mailed; dry-run logs without posting.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { LoadedProject } from '../../emulator/runtime';
import type { FakeRobot, RobotFault } from '../../emulator/robots';
import { sheetTitle } from '../../src/domain/schema';
import { loadBundle } from '../support/bundle';
import { logRows } from '../support/ledger';
import { writeOverdueTasks, writeSheet } from '../support/sheets';
import { at } from '../support/days';

const COORDINATOR = 'pmo@corp.cn';
const DEPTS = ['市场部', '销售部', '产品部'];
const DINGTALK_SECRET = 'SEC' + '5a'.repeat(32);
const FEISHU_SECRET = 'Qw3rTy7uIo9pAs1dFg';

interface Desk {
  readonly project: LoadedProject;
  readonly wecom: FakeRobot;
  readonly dingtalk: FakeRobot;
  readonly feishu: FakeRobot;
  readonly chat: FakeRobot;
}

/**
 * `owners` tasks (default 12) in three departments, due Wednesday 7/10 and behind, so the first
 * daily scan (Thursday 09:30) has overdue and lagging notices for each department and the
 * coordinator. People have mobiles (市场部, 销售部) or chat IDs (产品部) for @mentions.
 */
function setUp(options: { owners?: number; emailMode?: string; depts?: readonly string[] } = {}): Desk {
  const project = loadBundle({ now: at('2024-07-11T08:30'), activeUser: COORDINATOR });
  const robots = project.emulator.robots;
  const wecom = robots.add('wecom');
  const dingtalk = robots.add('dingtalk', { secret: DINGTALK_SECRET, keyword: '协作' });
  const feishu = robots.add('feishu', { secret: FEISHU_SECRET });
  const chat = robots.add('googleChat');
  writeSheet(project, 'settings', [
    { key: 'coordinators', value: COORDINATOR },
    { key: 'coordinatorRobot', value: 'Google Chat' },
    { key: 'coordinatorWebhook', value: chat.url },
    ...(options.emailMode ? [{ key: 'emailMode', value: options.emailMode }] : []),
  ]);
  writeSheet(project, 'departments', [
    { name: '市场部', head: 'head0@corp.cn', sponsor: 'vp0@corp.cn', robot: '企业微信', webhook: wecom.url },
    {
      name: '销售部',
      head: 'head1@corp.cn',
      sponsor: 'vp1@corp.cn',
      robot: '钉钉',
      webhook: dingtalk.url,
      secret: DINGTALK_SECRET,
      keyword: '协作',
    },
    {
      name: '产品部',
      head: 'head2@corp.cn',
      sponsor: 'vp2@corp.cn',
      robot: '飞书',
      webhook: feishu.url,
      secret: FEISHU_SECRET,
    },
  ]);
  const depts = options.depts ?? DEPTS;
  const owners = Array.from({ length: options.owners ?? 12 }, (_, i) => {
    const dept = depts[i % depts.length] as string;
    return {
      name: `员工${i}`,
      email: `owner${i}@corp.cn`,
      dept,
      mobile: dept === '产品部' ? '' : `1380000${String(i).padStart(4, '0')}`,
      chatId: dept === '产品部' ? `ou_${i}` : '',
    };
  });
  writeSheet(project, 'people', owners);
  writeOverdueTasks(project, owners);
  project.call('automationOn_');
  return { project, wecom, dingtalk, feishu, chat };
}

function runUntil(project: LoadedProject, until: string): void {
  const { clock, triggers } = project.emulator;
  while (clock.now() < at(until)) {
    clock.advanceHours(1);
    try {
      triggers.emuRunDue();
    } catch {
      // A killed run: the next tick picks up.
    }
  }
}

type Body = Record<string, any>;

/** The task IDs a received post carries, in order. */
function itemsOf(robot: FakeRobot, index = 0): string[] {
  const post = robot.received[index];
  return post ? [...JSON.stringify(post.body).matchAll(/RW202407001-\d\d/g)].map((m) => m[0]) : [];
}

/** Robot rows of the Notification log: channel, recipient (the group), status. */
function robotRows(project: LoadedProject): { channel: string; group: string; status: string; keys: string[] }[] {
  return logRows(project)
    .map((row) => ({
      channel: String(row['渠道'] ?? ''),
      group: String(row['收件人'] ?? ''),
      status: String(row['状态'] ?? ''),
      keys: String(row['去重键'] ?? '').split('\n'),
    }))
    .filter((row) => row.channel !== '邮件');
}

function alertMails(project: LoadedProject, to?: string) {
  return project.emulator.mail.outbox.filter(
    (m) => /^\[(协作预警|Collab alert)\]/.test(m.subject) && (to === undefined || m.to.includes(to)),
  );
}

const baseline = (() => {
  const desk = setUp();
  runUntil(desk.project, '2024-07-11T10:00');
  return desk;
})();

describe('the first daily scan posts one message to each group', () => {
  test('each department robot gets its own department’s tasks, and the coordinators’ group gets theirs', () => {
    const { wecom, dingtalk, feishu, chat } = baseline;
    for (const robot of [wecom, dingtalk, feishu, chat]) assert.equal(robot.received.length, 1, robot.platform);
    const taskIndexes = (robot: FakeRobot) => [...new Set(itemsOf(robot))].map((id) => Number(id.slice(-2)) - 1);
    assert.deepEqual(
      taskIndexes(wecom).sort((a, b) => a - b),
      [0, 3, 6, 9],
      '市场部: tasks of owners 0, 3, 6, 9',
    );
    assert.deepEqual(
      taskIndexes(dingtalk).sort((a, b) => a - b),
      [1, 4, 7, 10],
    );
    assert.deepEqual(
      taskIndexes(feishu).sort((a, b) => a - b),
      [2, 5, 8, 11],
    );
    assert.equal(
      new Set(itemsOf(chat)).size,
      12,
      'every overdue task is cc’d to the coordinator, so all reach the coordinators’ group',
    );
  });

  test('WeCom: text with mentioned_mobile_list (people known by mobile), within 2,048 bytes', () => {
    const body = baseline.wecom.received[0]?.body as Body;
    assert.equal(body.msgtype, 'text');
    assert.deepEqual([...body.text.mentioned_mobile_list].sort(), [
      '13800000000',
      '13800000003',
      '13800000006',
      '13800000009',
    ]);
    assert.ok((baseline.wecom.received[0]?.bytes ?? 0) <= 2048);
    assert.match(body.text.content, /^【协作台】市场部：\d+ 项提醒/);
  });

  test('DingTalk: signed (the fake checked the sign), the keyword in the text, at.atMobiles and "@mobile"', () => {
    const post = baseline.dingtalk.received[0];
    const body = post?.body as Body;
    assert.match(post?.url ?? '', /&timestamp=\d{13}&sign=/);
    assert.match(body.markdown.text, /协作/);
    assert.ok(body.at.atMobiles.includes('13800000001'));
    assert.match(body.markdown.text, /@13800000001/);
  });

  test('Feishu: a signed interactive card mentioning owners by chat ID; Google Chat: a card', () => {
    const card = baseline.feishu.received[0]?.body as Body;
    assert.equal(card.msg_type, 'interactive');
    assert.match(card.card.elements[0].text.content, /<at id=ou_2><\/at>/);
    const chat = baseline.chat.received[0]?.body as Body;
    assert.match(chat.cardsV2[0].card.header.title, /^【协作台】协作负责人群：12 项提醒$/);
  });

  test('the log has a row per robot message: 渠道 is the platform, the recipient is the group', () => {
    const rows = robotRows(baseline.project);
    assert.deepEqual(
      rows.map((r) => `${r.channel} ${r.group} ${r.status}`).sort(),
      ['Google Chat 协作负责人群 已发送', '企业微信 市场部 已发送', '钉钉 销售部 已发送', '飞书 产品部 已发送'].sort(),
    );
  });

  test('email still goes to each person: the same digests as without robots', () => {
    assert.equal(new Set(alertMails(baseline.project).map((m) => m.to.join())).size, 16);
  });

  test('neither the mails nor the sidebar show a webhook or a secret', () => {
    for (const mail of baseline.project.emulator.mail.outbox) {
      assert.doesNotMatch(
        `${mail.body}${mail.htmlBody ?? ''}`,
        /qyapi|dingtalk\.com|feishu\.cn|chat\.googleapis|SEC5a/,
      );
    }
    const state = JSON.stringify(baseline.project.call('getSidebarState'));
    assert.doesNotMatch(state, /qyapi|dingtalk\.com|feishu\.cn|chat\.googleapis|SEC5a/);
  });
});

test('every notice once per channel: the next ticks and the next day within cooldown post nothing again', () => {
  const desk = setUp();
  runUntil(desk.project, '2024-07-11T18:00');
  for (const robot of [desk.wecom, desk.dingtalk, desk.feishu, desk.chat]) assert.equal(robot.received.length, 1);
  const rows = robotRows(desk.project);
  assert.equal(rows.length, 4);
});

test('dry-run: robot messages are logged as 演练 and nothing is posted', () => {
  const desk = setUp({ emailMode: '试运行' });
  runUntil(desk.project, '2024-07-11T10:00');
  for (const robot of [desk.wecom, desk.dingtalk, desk.feishu, desk.chat]) assert.equal(robot.requests.length, 0);
  const rows = robotRows(desk.project);
  assert.deepEqual(
    rows.map((r) => r.status),
    ['演练', '演练', '演练', '演练'],
  );
});

describe('answers the platforms give', () => {
  const retried: [keyof Omit<Desk, 'project'>, RobotFault][] = [
    ['wecom', 'rateLimit'],
    ['wecom', 'busy'],
    ['dingtalk', 'rateLimit'],
    ['dingtalk', 'busy'],
    ['dingtalk', 'http500'],
    ['feishu', 'rateLimit'],
    ['chat', 'http429'],
    ['chat', 'busy'],
  ];
  test.each(retried)('%s %s: marked 待重试, posted once at the next tick', (name, fault) => {
    const desk = setUp();
    const robot = desk[name];
    const handle = robot.answerNext(fault);
    runUntil(desk.project, '2024-07-11T09:30');
    assert.equal(handle.fired, 1);
    assert.equal(robot.received.length, 0);
    assert.ok(robotRows(desk.project).some((r) => r.status === '待重试'));
    runUntil(desk.project, '2024-07-11T11:00');
    assert.equal(robot.received.length, 1);
    assert.equal(robot.requests.length, 2, 'one retry, not one an hour');
    assert.deepEqual(
      robotRows(desk.project).filter((r) => r.status !== '已发送'),
      [],
      'the retry took over its row',
    );
  });

  const broken: [keyof Omit<Desk, 'project'>, RobotFault, RegExp][] = [
    ['wecom', 'removed', /地址无效或机器人已被移除/],
    ['dingtalk', 'signature', /加签校验失败/],
    ['dingtalk', 'keyword', /关键词/],
    ['dingtalk', 'ip', /IP 白名单/],
    ['dingtalk', 'address', /地址无效/],
    ['feishu', 'signature', /加签校验失败/],
    ['feishu', 'keyword', /关键词/],
    ['feishu', 'ip', /IP 白名单/],
    ['chat', 'address', /地址无效/],
  ];
  test.each(broken)(
    '%s %s: the robot is broken until a coordinator changes it; coordinators told once; mail still goes',
    (name, fault, reason) => {
      const desk = setUp();
      const robot = desk[name];
      const handle = robot.answerNext(fault, Infinity);
      runUntil(desk.project, '2024-07-12T12:00');
      assert.ok(handle.fired >= 1);
      assert.equal(robot.requests.length, 1, 'not posted to again while broken');
      assert.ok(robotRows(desk.project).some((r) => r.status === '失败'));
      const told = desk.project.emulator.mail.outbox.filter((m) => /群机器人无法发送/.test(m.subject));
      assert.deepEqual(
        told.map((m) => m.to.join()),
        [COORDINATOR],
        'told once',
      );
      assert.match(told[0]?.body ?? '', reason);
      assert.equal(alertMails(desk.project, 'owner0@corp.cn').length >= 1, true, 'owners are still mailed');
    },
  );

  test('a coordinator who changes the broken robot’s keyword makes it post again', () => {
    const desk = setUp();
    const handle = desk.dingtalk.answerNext('keyword');
    runUntil(desk.project, '2024-07-11T10:00');
    assert.equal(handle.fired, 1);
    const sheet = desk.project.emulator.spreadsheet.getSheetByName(sheetTitle('departments', 'zh-CN'));
    const header = sheet?.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    sheet?.getRange(3, header.indexOf('关键词') + 1).setValue('协作台');
    // The next daily scan: the notices the broken robot did not carry are posted.
    runUntil(desk.project, '2024-07-12T10:00');
    assert.equal(desk.dingtalk.received.length, 1);
  });
});

test('a robot message killed around its post: no group gets a message twice, and it is never lost unless in doubt', () => {
  const probe = setUp();
  runUntil(probe.project, '2024-07-11T08:30');
  const methods: string[] = [];
  probe.project.emulator.calls.observe((method) => methods.push(method));
  runUntil(probe.project, '2024-07-11T09:30');
  const fetches = methods.flatMap((method, i) => (method === 'UrlFetchApp.fetch' ? [i + 1] : []));
  assert.equal(fetches.length, 4);
  const kills = fetches.flatMap((call) => [call, call + 1]);
  let inDoubt = 0;
  for (const call of kills) {
    const desk = setUp();
    runUntil(desk.project, '2024-07-11T08:30');
    const kill = desk.project.emulator.faults.killAtCall(call);
    runUntil(desk.project, '2024-07-11T09:30');
    assert.ok(kill.firedOn, `the kill at call ${call} fired`);
    runUntil(desk.project, '2024-07-11T12:00');
    const rows = robotRows(desk.project);
    for (const robot of [desk.wecom, desk.dingtalk, desk.feishu, desk.chat]) {
      assert.ok(
        robot.received.length <= 1,
        `call ${call} (${kill.firedOn}): ${robot.platform} got ${robot.received.length}`,
      );
    }
    const unconfirmed = rows.filter((r) => r.status === '未确认');
    assert.ok(unconfirmed.length <= 1, `call ${call}: one message in doubt at most`);
    inDoubt += unconfirmed.length;
    const received = [desk.wecom, desk.dingtalk, desk.feishu, desk.chat].filter((r) => r.received.length === 1).length;
    assert.equal(
      received + unconfirmed.filter((r) => !isPosted(desk, r.group)).length,
      4,
      `call ${call}: every group told`,
    );
  }
  assert.ok(inDoubt > 0, 'the sweep reached a post under way');
});

function isPosted(desk: Desk, group: string): boolean {
  const robot = { 市场部: desk.wecom, 销售部: desk.dingtalk, 产品部: desk.feishu }[group] ?? desk.chat;
  return robot.received.length === 1;
}

test('40 overdue tasks of one department: one message a run, within WeCom’s limits, never more than 20 a minute', () => {
  const desk = setUp({ owners: 40, depts: ['市场部'] });
  runUntil(desk.project, '2024-07-11T12:00');
  assert.equal(desk.wecom.received.length, 1);
  const items = new Set(itemsOf(desk.wecom));
  const body = desk.wecom.received[0]?.body as Body;
  const more = Number(/……另有 (\d+) 项/.exec(JSON.stringify(body))?.[1] ?? 0);
  assert.equal(items.size + more, 40, 'every task is shown or counted in "+N more"');
  assert.ok((desk.wecom.received[0]?.bytes ?? 0) <= 2048);
});

describe('robots typed wrong', () => {
  /** The Departments cell of `dept`'s `header` column. */
  function cell(project: LoadedProject, dept: string, header: string) {
    const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle('departments', 'zh-CN'));
    assert.ok(sheet);
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((line) => line[0] === dept) + 1;
    return sheet.getRange(row, (values[0] ?? []).indexOf(header) + 1);
  }

  function broken(): Desk {
    const desk = setUp();
    const { project } = desk;
    cell(project, '市场部', '机器人地址').setValue(desk.dingtalk.url);
    cell(project, '销售部', '加签密钥').setValue('abc');
    cell(project, '产品部', '机器人地址').setValue(desk.feishu.url.replace('https:', 'http:'));
    return desk;
  }

  test('Validate names each bad webhook or secret on its cell, saying what is allowed', () => {
    const { project } = broken();
    project.call('validate_');
    const alert = project.emulator.ui.emuAlerts().at(-1)?.message ?? '';
    assert.match(
      alert,
      /第 2 行.*机器人地址.*这不是 企业微信 的机器人地址；应以 https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key= 开头/,
    );
    assert.match(alert, /第 3 行.*加签密钥.*钉钉 的密钥应为 SEC 加 64 位十六进制字符/);
    assert.match(cell(project, '产品部', '机器人地址').getNote(), /必须以 https:\/\/ 开头/);
    assert.match(cell(project, '市场部', '机器人地址').getNote(), /这不是 企业微信 的机器人地址/);
    assert.match(cell(project, '销售部', '加签密钥').getNote(), /密钥格式不对/);
    assert.doesNotMatch(
      alert,
      /qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=[0-9a-f]/,
      'the webhook itself is not shown',
    );
  });

  test('a tick never fails on them: those robots are skipped, the others post and everyone is mailed', () => {
    const desk = broken();
    runUntil(desk.project, '2024-07-11T10:00');
    assert.equal(desk.wecom.requests.length + desk.dingtalk.requests.length + desk.feishu.requests.length, 0);
    assert.equal(desk.chat.received.length, 1);
    assert.equal(new Set(alertMails(desk.project).map((m) => m.to.join())).size, 16);
  });
});

test('a failed post is on the sheet before the next one: a run killed later never reads it as sent', () => {
  const desk = setUp();
  const robots = [desk.wecom, desk.dingtalk, desk.feishu, desk.chat];
  const busy = robots.map((robot) => robot.answerNext('busy'));
  runUntil(desk.project, '2024-07-11T08:30');
  // Every post answers "busy"; the run dies at the call right after the fourth post.
  let fetches = 0;
  let kill: ReturnType<typeof desk.project.emulator.faults.killAtCall> | undefined;
  desk.project.emulator.calls.observe((method) => {
    if (method === 'UrlFetchApp.fetch' && ++fetches === robots.length)
      kill = desk.project.emulator.faults.killAtCall(1);
  });
  runUntil(desk.project, '2024-07-11T09:30');
  assert.ok(kill?.firedOn, 'the run was killed after its last post');
  assert.deepEqual(
    busy.map((handle) => handle.fired),
    [1, 1, 1, 1],
  );
  runUntil(desk.project, '2024-07-11T12:00');
  const rows = robotRows(desk.project);
  assert.equal(rows.filter((r) => r.status === '未确认').length, 1, 'the post under way is in doubt');
  const retried = robots.filter((robot) => robot.received.length === 1);
  assert.equal(retried.length, 3, 'the three failed before it were retried, not read as sent');
});
