/**
 * The demo's improvement suggestion (SPEC §2.13, §6): 销售部's 高峰 files one from the sidebar as
 * automation starts; the coordinator evaluates it and adopts it on the Suggestions sheet, with
 * 刘洋 as its owner and a due date inside the simulated weeks, so the digests that follow show the
 * proposer told of the adoption, then the owner's due-soon and overdue notices. Due after 高峰's
 * last sign-off request (2024-08-12), whose mail would otherwise also carry the overdue suggestion
 * (he heads 销售部) and no longer read as a sign-off request alone.
 */
import type { ExampleProject } from './example';
import type { AddOnSession, ActionReport } from './session';

const PROPOSER = 'gao.feng@example.com';
const TITLE = '跨部门周会纪要统一模板';

/** Plays the suggestion at `at`; returns a line per step, as the demo prints steps. */
export function playSuggestion(session: AddOnSession, project: ExampleProject, at: Date): string[] {
  session.actAs(PROPOSER, at);
  const filed = session.submitForm('suggestion', {
    title: TITLE,
    detail: '各部门周会纪要格式不一，行动项常被遗漏；建议统一模板，行动项写明负责人和时限。',
    dept: '销售部',
  });
  session.actAs(project.coordinator, at);
  const mine = (fields: Record<string, unknown>) => fields.title === TITLE;
  const evaluating = session.editRow('suggestions', mine, { status: '评估中' });
  const adopted = session.editRow('suggestions', mine, { owner: '刘洋', due: '2024-08-14', status: '采纳' });
  return [
    line('高峰 files a suggestion from the sidebar', filed),
    line('the coordinator evaluates it on the sheet', evaluating),
    line('the coordinator adopts it: owner 刘洋, due 2024-08-14', adopted),
  ];
}

function line(what: string, report: ActionReport): string {
  return `${what} via ${report.route}: ${report.ok ? 'ok' : 'FAILED'} ${report.messages.join(' | ')}`.trimEnd();
}
