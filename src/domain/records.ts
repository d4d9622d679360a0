/**
 * Rows of the data sheets as the use cases read them (SPEC §2): one shape per sheet, shared by the
 * scan, the weekly summary and the retrospective. A consumer that needs less Picks from these.
 */
import type { TaskFacts } from './health';
import type { AcceptanceResult, ActionStatus, RequestStatus } from './enums';

/** One Tasks row; pct and lastUpdate already take the task's latest Progress entry into account. */
export interface TaskRecord extends TaskFacts {
  /** 1-based sheet row, for links. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly request: string;
  readonly dept: string;
  /** The owner cell as typed (email or name). */
  readonly owner: string;
  readonly dependsOn: readonly string[];
  readonly baseline: Date | undefined;
  /** The latest accepted progress entry's summary and delay reason ('' without one). */
  readonly progressSummary: string;
  readonly delayReason: string;
}

/** One Requests row. */
export interface RequestRecord {
  readonly row: number;
  readonly id: string;
  readonly title: string;
  readonly dept: string;
  readonly requester: string;
  readonly depts: readonly string[];
  readonly lead: string;
  readonly coordinator: string;
  readonly status: RequestStatus | undefined;
  readonly expected: Date | undefined;
  readonly submitted: Date | undefined;
  readonly approved: Date | undefined;
  readonly closed: Date | undefined;
}

/** One row of the Communication log with its action item. */
export interface ActionRecord {
  readonly row: number;
  readonly date: Date | undefined;
  readonly ref: string;
  readonly topic: string;
  readonly participants: string;
  readonly action: string;
  readonly owner: string;
  readonly due: Date | undefined;
  readonly status: ActionStatus | undefined;
}

/** One Progress entry. */
export interface ProgressRecord {
  readonly task: string;
  readonly summary: string;
  readonly pct: number | undefined;
  readonly delayReason: string;
  readonly mitigation: string;
  readonly at: Date | undefined;
  /** Who posted it: the stamp's author, else the owner typed in the row. */
  readonly by: string;
  /** The entry carries its update stamp; a rejected one never does. */
  readonly accepted: boolean;
}

/** One Acceptance row (SPEC §2.5). */
export interface AcceptanceRecord {
  readonly row: number;
  readonly task: string;
  readonly deliverable: string;
  readonly result: AcceptanceResult | undefined;
  readonly reason: string;
  readonly date: Date | undefined;
  readonly acceptedBy: string;
  /** The add-on applied the row to its task (it copied the standard); a Fail still lacking its reason sent nothing back. */
  readonly applied: boolean;
}
