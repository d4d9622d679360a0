/**
 * People and departments as the Departments and People sheets list them, so users may type a
 * name where an email is needed.
 */
import { normalizeLabel } from './schema';

export interface Person {
  readonly name: string;
  readonly email: string;
  readonly dept: string;
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
