/**
 * People and departments as the Departments and People sheets list them, so users may type a
 * name where an email is needed.
 */
import { normalizeLabel } from './enums';

export interface Person {
  readonly name: string;
  readonly email: string;
  readonly dept: string;
  /** 手机 and 即时通讯账号, for @mentions in group robots; '' when not known. */
  readonly mobile?: string;
  readonly chatId?: string;
  /** 代理人 as typed (a name or an email); '' when none. */
  readonly delegate?: string;
  /** First and last day away (yyyy-MM-dd, inclusive); '' when open-ended or not away. */
  readonly awayFrom?: string;
  readonly awayTo?: string;
}

export interface Department {
  readonly name: string;
  /** 部门负责人 */
  readonly head: string;
  /** 分管领导 */
  readonly sponsor: string;
  /** 接口人 */
  readonly liaison: string;
}

export interface Directory {
  readonly people: readonly Person[];
  readonly departments: readonly Department[];
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** "张三 <zhang@example.com>" → "zhang@example.com"; anything else unchanged (trimmed). */
export function bareAddress(text: string): string {
  const angle = /^[^<>]*<([^<>]+)>\s*$/.exec(text.trim());
  return (angle?.[1] ?? text).trim();
}

/** People whose name (or email) is `text`, compared trimmed and case-insensitively. */
export function findPeople(directory: Pick<Directory, 'people'>, text: string): Person[] {
  const wanted = normalizeLabel(text);
  return wanted === '' ? [] : (peopleIndex(directory.people).get(wanted) ?? []);
}

/**
 * People by normalised name and email, built once per (read-only) People list: a scan looks
 * up an owner per task, and normalising every person per lookup dominated a 10k-task run.
 */
const peopleIndexes = new WeakMap<readonly Person[], Map<string, Person[]>>();

function peopleIndex(people: readonly Person[]): Map<string, Person[]> {
  let index = peopleIndexes.get(people);
  if (!index) {
    index = new Map();
    for (const person of people) {
      for (const label of new Set([normalizeLabel(person.name), normalizeLabel(person.email)])) {
        if (label !== '') index.set(label, [...(index.get(label) ?? []), person]);
      }
    }
    peopleIndexes.set(people, index);
  }
  return index;
}

export function findDepartment(directory: Pick<Directory, 'departments'>, text: string): Department | undefined {
  const wanted = normalizeLabel(text);
  return wanted === '' ? undefined : directory.departments.find((d) => normalizeLabel(d.name) === wanted);
}

/** The email a person cell stands for: an email as written, or the single People match. */
export function resolveEmail(directory: Pick<Directory, 'people'>, text: string): string | undefined {
  const address = bareAddress(text);
  if (isEmail(address)) return address.toLowerCase();
  const emails = new Set(findPeople(directory, text).map((p) => p.email.trim().toLowerCase()));
  return emails.size === 1 ? [...emails][0] : undefined;
}

/**
 * How a person is shown to people (SPEC §2 "People are shown by name"): the name People gives the
 * email `text` stands for, when that name resolves back to that email alone; otherwise the email.
 * Text that stands for nobody ("(unknown)", a name People lacks) is shown as it is. What this
 * returns is what the add-on writes into person cells too, so resolveEmail reads it back.
 */
export function personName(directory: Pick<Directory, 'people'>, text: string): string {
  const email = resolveEmail(directory, text);
  if (email === undefined) return text.trim();
  const name = personByEmail(directory, email)?.name.trim() ?? '';
  return name !== '' && resolveEmail(directory, name) === email ? name : email;
}

/** Whether `person` is away on `day` (yyyy-MM-dd): within the away dates, both inclusive. */
function isAway(person: Person, day: string): boolean {
  const from = person.awayFrom ?? '';
  const to = person.awayTo ?? '';
  if (from === '' && to === '') return false;
  return (from === '' || from <= day) && (to === '' || day <= to);
}

/** Who acts for a person on a day, and for whom they act when it is somebody else. */
export interface StandIn {
  readonly email: string;
  /** The person stood in for, when `email` is their delegate. */
  readonly onBehalfOf?: string;
}

/**
 * Who receives `email`'s sign-offs and notices on `day` (SPEC §2.7): the person, or while they are
 * away their delegate, followed while that delegate is away too. A chain that comes back to someone
 * already on it, or ends without a delegate, leaves the work with the person it was for: nobody
 * further along can take it, and a loop must not bounce it forever.
 */
export function standIn(directory: Pick<Directory, 'people'>, email: string, day: string): StandIn {
  const own = email.trim().toLowerCase();
  const seen = new Set([own]);
  let current = own;
  for (;;) {
    const person = personByEmail(directory, current);
    if (!person || !isAway(person, day)) return current === own ? { email: own } : { email: current, onBehalfOf: own };
    const next = resolveEmail(directory, person.delegate ?? '');
    if (!next || seen.has(next)) return { email: own };
    seen.add(next);
    current = next;
  }
}

function personByEmail(directory: Pick<Directory, 'people'>, email: string): Person | undefined {
  return findPeople(directory, email).find((p) => p.email.trim().toLowerCase() === email);
}
