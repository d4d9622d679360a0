/**
 * Which group hears which notice (SPEC §3.8): a department's robot carries the notices about tasks
 * whose responsible department it is and requests it leads; the coordinators' group carries L3
 * escalations and the notices a coordinator is told of (to or cc), as their mail has them. Each group is a recipient of its own
 * (its name in the Notification log), so cooldown, back-off and "once" work for it as for a person.
 */
import { findPeople, type Directory } from '../directory';
import { PERSONAL_RULES, type Notice } from '../notice';
import type { Mention } from './channel';

export interface GroupScope {
  /** Groups with a working robot, by the name the log gives them. */
  readonly groups: ReadonlySet<string>;
  /** The coordinators' group's name ("协作负责人群"), when it has a robot. */
  readonly coordinatorGroup?: string;
  readonly coordinators: readonly string[];
  /** The department responsible for an item (a task's, a request's lead), by the item's ID. */
  readonly departmentOf: (item: string) => string | undefined;
}

/**
 * Each notice once per group that hears it, addressed to that group alone; `origin` gives back the
 * notice as found (its people, for @mentions).
 */
export function groupNotices(
  notices: readonly Notice[],
  scope: GroupScope,
): { notices: Notice[]; origin: Map<Notice, Notice> } {
  const coordinators = new Set(scope.coordinators.map((email) => email.toLowerCase()));
  const out: Notice[] = [];
  const origin = new Map<Notice, Notice>();
  const add = (notice: Notice, group: string) => {
    const copy: Notice = { ...notice, to: [group], cc: [] };
    out.push(copy);
    origin.set(copy, notice);
  };
  for (const notice of notices) {
    if (PERSONAL_RULES.has(notice.rule)) continue;
    const department = scope.departmentOf(notice.item);
    if (department !== undefined && scope.groups.has(department)) add(notice, department);
    const coordinatorGroup = scope.coordinatorGroup;
    if (
      coordinatorGroup !== undefined &&
      scope.groups.has(coordinatorGroup) &&
      (notice.level === 'L3' || [...notice.to, ...notice.cc].some((email) => coordinators.has(email.toLowerCase())))
    )
      add(notice, coordinatorGroup);
  }
  return { notices: out, origin };
}

/** The people a notice is addressed to whom People lets us @mention (a mobile or a chat ID). */
export function mentionsFor(notice: Notice, directory: Pick<Directory, 'people'>): Mention[] {
  return notice.to.flatMap((email) => {
    const person = findPeople(directory, email)[0];
    if (!person || ((person.mobile ?? '') === '' && (person.chatId ?? '') === '')) return [];
    return [{ name: person.name, email: person.email, mobile: person.mobile ?? '', chatId: person.chatId ?? '' }];
  });
}
