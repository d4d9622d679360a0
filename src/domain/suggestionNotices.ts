/**
 * The rules of improvement suggestions (SPEC §2.13, §3.3), called by findNotices: the
 * coordinators told of a new suggestion once, its proposer told of the decision once, and an
 * adopted one watched like a task (due soon → owner; overdue → owner and department head, the
 * coordinators copied, escalating like a task's overdue); a declined or closed one raises nothing.
 */
import { RULE_LEVEL, type Notice, type Rule, type TaskRuleScope } from './notice';
import { ADOPTED, WATCHED, type SuggestionItem } from './suggestions';
import { deliveryKey } from './told';

export function suggestionNotices(scope: TaskRuleScope, suggestions: readonly SuggestionItem[]): void {
  for (const suggestion of suggestions) {
    if (suggestion.id === '' || suggestion.status === undefined) continue;
    const base = { item: suggestion.id, sheet: 'suggestions' as const, row: suggestion.row, title: suggestion.title };
    if (suggestion.status === 'proposed') {
      const facts = {
        proposer: suggestion.proposer,
        dept: suggestion.dept,
        filed: suggestion.filed ? scope.text(suggestion.filed) : '',
      };
      tellOnce(scope, { ...base, rule: 'suggestionFiled', facts }, [...scope.settings.coordinators]);
      continue;
    }
    if (suggestion.status === 'declined' || ADOPTED.includes(suggestion.status)) {
      const adopted = suggestion.status !== 'declined';
      const facts: Record<string, string> = adopted
        ? { decision: 'adopted', owner: suggestion.owner, due: suggestion.due ? scope.text(suggestion.due) : '' }
        : { decision: 'declined', note: suggestion.decisionNote };
      const proposer = scope.email(suggestion.proposer);
      // The decision is the occurrence: told once, and a proposer nobody can find is not told at all.
      const notice = {
        ...base,
        rule: 'suggestionDecided' as const,
        occurrence: adopted ? 'adopted' : 'declined',
        facts,
      };
      if (proposer) tellOnce(scope, notice, [proposer]);
    }
    if (WATCHED.includes(suggestion.status) && suggestion.due) watchDue(scope, suggestion, suggestion.due, base);
  }
}

/** Due soon or overdue, as a task's: by working days on the Settings calendar. */
function watchDue(
  scope: TaskRuleScope,
  suggestion: SuggestionItem,
  typedDue: Date,
  base: Pick<Notice, 'item' | 'sheet' | 'row' | 'title'>,
): void {
  const { calendar, now, today, settings } = scope;
  const dueAt = calendar.dueInstant(typedDue);
  const owner = scope.ownerOf(suggestion.owner);
  const ownerEmail = owner.ok ? owner.email : undefined;
  const due = scope.text(dueAt);
  if (now.getTime() > dueAt.getTime()) {
    const days = Math.max(1, calendar.workingDaysBetween(dueAt, today));
    scope.add(
      { ...base, rule: 'suggestionOverdue', facts: { due, days, owner: suggestion.owner, dept: suggestion.dept } },
      [ownerEmail, scope.head(suggestion.dept)],
      [...settings.coordinators],
    );
  } else if (calendar.workingDaysBetween(today, dueAt) <= settings.dueSoonDays) {
    scope.add({ ...base, rule: 'suggestionDueSoon', facts: { due } }, [ownerEmail]);
  }
}

/** Adds the notice for those of `to` who have not been told of it yet (a rule of TOLD_ONCE_RULES). */
function tellOnce(
  scope: TaskRuleScope,
  notice: Omit<Notice, 'level' | 'to' | 'cc'> & { rule: Rule },
  to: readonly string[],
): void {
  const untold = to.filter(
    (recipient) => !scope.wasTold(deliveryKey({ ...notice, level: RULE_LEVEL[notice.rule] }, recipient)),
  );
  if (untold.length > 0) scope.add(notice, untold);
}
