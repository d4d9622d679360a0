/**
 * The sidebar of issue 22 point 7 (SPEC §4) in headless Chromium, in both languages: My work at the
 * top (a click selects the row and the card follows), the request card, forms that offer only what
 * the user may do now (no acceptance for the owner, nothing to post on a done task, an outsider told
 * before any field, the delay reason marked required as soon as the % typed is behind plan), and
 * blocking with a reason. Each state's screenshot is saved under out/shots/mywork (MYWORK_SHOTS
 * overrides) for a person to look at.
 */
import { afterAll, beforeAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { enumLabel } from '../../src/domain/enums';
import { t } from '../../src/i18n/index';
import { missingTool, testUnless } from '../support/tools';
import { startBrowser, type SidebarBrowser, type SidebarPage } from '../support/browser';
import { day, Desk, type Lang } from '../integration/workflow-fixture';

const chromiumMissing = missingTool(process.env.CHROMIUM_PATH ?? 'chromium', 'chromium fonts-wqy-microhei');
const shots = process.env.MYWORK_SHOTS ?? 'out/shots/mywork';
const OWNER = 'zhang.san@example.com';
const OUTSIDER = 'li.si@example.com';

let browser: SidebarBrowser;
beforeAll(async () => {
  if (!chromiumMissing) browser = await startBrowser();
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const NAMES = {
  'zh-CN': { behind: '新品推广方案初稿撰写', next: '售后响应手册制定', other: '渠道铺货执行', action: '提供产品参数' },
  en: {
    behind: 'Launch plan first draft',
    next: 'After-sales handbook',
    other: 'Channel roll-out',
    action: 'Send product specs',
  },
} as const;

/**
 * A request in execution: 张三 owns a task well behind plan (started 8 days ago, due in 2) and one
 * due in 6 days; 李四 owns one of 销售部's; 张三 owes an action item from a review meeting. The
 * daily scan has run, so health is on the rows.
 */
function deskWithWork(lang: Lang) {
  const desk = new Desk(lang);
  desk.fillDirectory();
  const names = NAMES[lang];
  const {
    row: requestRow,
    id,
    taskRows,
  } = desk.executingRequest([
    { name: names.behind, start: day(-8), due: day(2) },
    { name: names.next, start: day(-1), due: day(6) },
    { name: names.other, dept: '销售部', owner: '李四', start: day(-1), due: day(9) },
  ]);
  desk.paste('communications', [
    {
      date: day(-1),
      ref: id,
      topic: lang === 'en' ? 'Plan review' : '方案评审',
      actions: names.action,
      actionOwner: '张三',
      actionDue: day(3),
    },
  ]);
  desk.project.call('runChecksNow_');
  return { desk, requestRow, taskRows: taskRows as [number, number, number], names };
}

async function openAs(desk: Desk, user: string): Promise<SidebarPage> {
  desk.project.emulator.session.emuSetActiveUser(user);
  const sidebar = await browser.open(desk.project);
  await sidebar.page.locator('#mywork h2').waitFor({ timeout: 5000 });
  return sidebar;
}

async function shoot(sidebar: SidebarPage, name: string): Promise<void> {
  await sidebar.page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

for (const lang of ['zh-CN', 'en'] as const) {
  testUnless(chromiumMissing)(
    `${lang}: My work lists what waits for me; a click selects the row and the card follows`,
    async () => {
      const { desk, requestRow, names } = deskWithWork(lang);
      desk.select('requests', requestRow);
      const sidebar = await openAs(desk, OWNER);
      const page = sidebar.page;
      const mywork = page.locator('#mywork');
      assert.equal(await mywork.locator('h2').textContent(), t(lang, 'myWorkTitle'));
      const tasks = mywork.locator('[data-kind=tasks] .mywork-item');
      assert.deepEqual(
        await tasks.locator('.mywork-title').allTextContents(),
        [names.behind, names.next],
        'my open tasks, soonest due first; 李四’s is not mine',
      );
      assert.equal(
        await tasks.first().locator('.badge').getAttribute('class'),
        'badge health-lagging',
        'the behind-plan task shows its health in colour',
      );
      assert.deepEqual(await mywork.locator('[data-kind=actions] .mywork-title').allTextContents(), [names.action]);

      // The request row shows the request's card, not "select a task row".
      const waiting = page.locator('#request-waiting');
      await waiting.waitFor({ timeout: 5000 });
      assert.match(
        (await waiting.textContent()) ?? '',
        lang === 'en' ? /Next: owners finish 3 open tasks/ : /下一步：各负责人完成 3 项未完成任务/,
      );
      assert.equal(await page.locator('#request-card .request-tasks li').count(), 3);
      assert.equal(await page.locator('#hint').isHidden(), true);
      await shoot(sidebar, `request-card-${lang}`);

      await tasks.nth(1).click();
      await page.locator('#card-name', { hasText: names.next }).waitFor({ timeout: 5000 });
      assert.equal(await page.locator('#request-card').isHidden(), true);
      await shoot(sidebar, `my-work-${lang}`);

      // An action item selects its row in the communication log.
      await mywork.locator('[data-kind=actions] .mywork-item').click();
      await page.locator('#hint', { hasText: t(lang, 'sidebarSelectTask').slice(0, 6) }).waitFor({ timeout: 5000 });
      assert.equal(desk.ss.getActiveSheet().getName(), desk.sheet('communications').getName());
      assert.deepEqual(sidebar.errors, []);
    },
  );

  testUnless(chromiumMissing)(
    `${lang}: a request whose split waits for sign-off names the heads it waits for`,
    async () => {
      const desk = new Desk(lang);
      desk.fillDirectory();
      // The heads by name, as People would list them.
      const people = desk.sheet('people');
      for (const [name, email] of [
        ['周主管', 'head.market@example.com'],
        ['王强', 'head.sales@example.com'],
      ] as const) {
        const line = people.getLastRow() + 1;
        people.getRange(line, desk.col('people', 'name')).setValue(name);
        people.getRange(line, desk.col('people', 'email')).setValue(email);
      }
      const { row, id } = desk.approvedRequest();
      desk.paste('tasks', [
        desk.taskRecord(id, { name: NAMES[lang].behind }),
        desk.taskRecord(id, { name: NAMES[lang].other, dept: '销售部', owner: '李四' }),
      ]);
      desk.submitSplit(row);
      desk.select('requests', row);
      const sidebar = await openAs(desk, OWNER);
      const waiting = sidebar.page.locator('#request-waiting');
      await waiting.waitFor({ timeout: 5000 });
      const heads = lang === 'en' ? /Waiting for sign-off by 周主管, 王强/ : /等待 周主管、王强 会签/;
      assert.match((await waiting.textContent()) ?? '', heads);
      assert.equal(await sidebar.page.locator('#request-card .request-signoffs li').count(), 2);
      await shoot(sidebar, `request-signoff-${lang}`);
      assert.deepEqual(sidebar.errors, []);
    },
  );

  testUnless(chromiumMissing)(
    `${lang}: the owner gets no acceptance tab; the delay reason is marked required while the % is behind plan`,
    async () => {
      const { desk, taskRows } = deskWithWork(lang);
      desk.select('tasks', taskRows[0]);
      const sidebar = await openAs(desk, OWNER);
      const page = sidebar.page;
      await page.locator('#card-name').waitFor({ timeout: 5000 });
      assert.equal(await page.locator('#tab-acceptance').isHidden(), true, 'no acceptance for the task’s owner');
      assert.equal(await page.locator('#tab-block').isVisible(), true);
      const hint = page.locator('#progress-delayReason-hint');
      const mark = page.locator('label[for=progress-delayReason] .required-mark');
      assert.equal(await hint.isHidden(), true, 'nothing typed yet');
      await page.locator('#progress-pct').fill('10');
      assert.equal(await hint.isVisible(), true, 'marked as soon as the % is typed, before any submit');
      assert.equal(await mark.isVisible(), true);
      assert.match(
        (await hint.textContent()) ?? '',
        lang === 'en' ? /The plan expects \d+% today/ : /按计划今天应达 \d+%/,
      );
      await page.locator('#progress-summary').fill(lang === 'en' ? 'Half the outline' : '大纲写了一半');
      await shoot(sidebar, `delay-reason-required-${lang}`);
      // The server agrees: without a reason the same entry is refused on that field.
      await page.locator('#form-progress button[type=submit]').click();
      await page.locator('#progress-delayReason-error').filter({ hasText: /\S/ }).waitFor({ timeout: 5000 });
      await page.locator('#progress-pct').fill('100');
      assert.equal(await hint.isHidden(), true, 'on plan: no longer required');
      assert.deepEqual(sidebar.errors, []);
    },
  );

  testUnless(chromiumMissing)(
    `${lang}: the owner marks the task blocked with a reason; posting progress unblocks it`,
    async () => {
      const { desk, taskRows } = deskWithWork(lang);
      desk.select('tasks', taskRows[1]);
      const sidebar = await openAs(desk, OWNER);
      const page = sidebar.page;
      await page.locator('#tab-block').click();
      const reason = lang === 'en' ? 'Waiting for <b>sales</b> key-account data' : '等待销售部 <b>大客户</b> 数据';
      await page.getByLabel(t(lang, 'sidebarBlockReason')).fill(reason);
      await page.locator('#form-block button[type=submit]').click();
      const blocked = enumLabel('taskStatus', 'blocked', lang);
      await page.locator('#card dd', { hasText: blocked }).first().waitFor({ timeout: 5000 });
      const said = lang === 'en' ? `marked it blocked: "${reason}"` : `标记阻塞：「${reason}」`;
      await page.locator('#card-history', { hasText: said }).waitFor({ timeout: 5000 });
      assert.equal(await page.locator('#card-history b').count(), 0, 'the reason is shown as text');
      assert.equal(await page.locator('#tab-block').isHidden(), true, 'a blocked task is not blocked again');
      assert.equal(desk.text('tasks', taskRows[1], 'status'), blocked);
      await shoot(sidebar, `blocked-${lang}`);

      await page.locator('#tab-progress').click();
      await page.locator('#progress-summary').fill(lang === 'en' ? 'Data arrived' : '数据已到');
      await page.locator('#progress-pct').fill('60');
      await page.locator('#form-progress button[type=submit]').click();
      await page.locator('#form-progress-message.ok').waitFor({ timeout: 5000 });
      assert.equal(desk.text('tasks', taskRows[1], 'status'), enumLabel('taskStatus', 'inProgress', lang));
      assert.deepEqual(sidebar.errors, []);
    },
  );

  testUnless(chromiumMissing)(
    `${lang}: an outsider is told up front they may not post; a done task offers no progress`,
    async () => {
      const { desk, taskRows } = deskWithWork(lang);
      desk.select('tasks', taskRows[0]);
      const sidebar = await openAs(desk, OUTSIDER);
      const page = sidebar.page;
      const refusal = page.locator('#form-progress-refusal');
      await refusal.waitFor({ timeout: 5000 });
      assert.match(
        (await refusal.textContent()) ?? '',
        lang === 'en' ? /You cannot post on this task/ : /您不能在此任务上更新进度/,
      );
      assert.equal(await page.locator('#form-progress button[type=submit]').isDisabled(), true);
      assert.deepEqual(
        (await page.locator('#form-progress .error').allTextContents()).filter(Boolean),
        [],
        'no field errors: nothing was submitted',
      );
      assert.equal(await page.locator('#tab-block').isHidden(), true);
      await shoot(sidebar, `outsider-${lang}`);

      // Done (as an acceptance leaves it): no progress, plan change or acceptance to offer.
      desk
        .sheet('tasks')
        .getRange(taskRows[0], desk.col('tasks', 'status'))
        .setValue(enumLabel('taskStatus', 'done', lang));
      await sidebar.refocus();
      await page.locator('#tab-progress').waitFor({ state: 'hidden', timeout: 5000 });
      for (const tab of ['#tab-planChange', '#tab-acceptance', '#tab-block'])
        assert.equal(await page.locator(tab).isHidden(), true, tab);
      assert.equal(await page.locator('#form-progress').isHidden(), true);
      await shoot(sidebar, `done-task-${lang}`);
      assert.deepEqual(sidebar.errors, []);
    },
  );

  testUnless(chromiumMissing)(
    `${lang}: department and person fields are pickers from Departments and People`,
    async () => {
      const { desk } = deskWithWork(lang);
      const sidebar = await openAs(desk, OWNER);
      const page = sidebar.page;
      await page.locator('#tab-request').click();
      const dept = page.locator('#request-dept');
      assert.equal(await dept.evaluate((node) => node.tagName), 'SELECT');
      assert.deepEqual((await dept.locator('option').allTextContents()).filter(Boolean), [
        '市场部',
        '销售部',
        '售后部',
        '产品部',
      ]);
      const requester = page.locator('#request-requester');
      assert.equal(await requester.inputValue(), OWNER, 'the email is the value');
      assert.equal(await requester.locator('option:checked').textContent(), '张三', 'the name is what shows');
      await page.locator('#tab-communication').click();
      await page.locator('#communication-actionOwner').selectOption({ label: '李四' });
      assert.equal(await page.locator('#communication-actionOwner').inputValue(), OUTSIDER);
      // Participants are ticked among departments and people, and sent as one list by name.
      const participants = page.locator('#communication-participants-ticks');
      await participants.getByLabel('销售部').check();
      await participants.getByLabel('李四').check();
      assert.equal(
        await page.locator('#communication-participants').inputValue(),
        lang === 'en' ? '销售部, 李四' : '销售部、李四',
      );
      await shoot(sidebar, `pickers-${lang}`);
      assert.deepEqual(sidebar.errors, []);
    },
  );
}
