/**
 * What the sidebar and the server exchange through google.script.run. Types only, and only
 * plain JSON (google.script.run refuses Dates and functions), so both the browser and the
 * Apps Script bundle can import it.
 */

import type { Locale } from './i18n/index';
import type { sidebarText } from './i18n/sidebar';
import type { RatingServer } from './ratingContract';

export type { RatingItem, RatingPayload, RatingsSection, RatingsView } from './ratingContract';

export type SidebarTextKey = keyof typeof sidebarText;

export type FormKey = 'progress' | 'communication' | 'acceptance' | 'planChange' | 'request' | 'nudge';

export type FieldInput = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox';

export interface FieldOption {
  readonly value: string;
  readonly label: string;
}

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly input: FieldInput;
  readonly required: boolean;
  readonly options?: readonly FieldOption[];
  /** Prefilled when the form opens (e.g. today, the current user); the user may change it. */
  readonly initial?: string;
  /** Holds the selected task's ID until the user types something else. */
  readonly followsCard?: boolean;
  /**
   * Shown only while field `field` holds `value` and the card says `card` (and unticked when
   * hidden): the confirmation a coordinator gives to record Pass on a task not 待验收 (SPEC §3.6).
   */
  readonly shownWhen?: { readonly field: string; readonly value: string; readonly card: CardFlag };
}

export interface FormSpec {
  readonly key: FormKey;
  readonly title: string;
  /** Forms about one task post it for the task on the card; without a card they are disabled. */
  readonly forTask: boolean;
  /** Offered only while the card says this of the active user (the nudge: only those who may nudge). */
  readonly offeredWhen?: CardFlag;
  readonly fields: readonly FieldSpec[];
}

/** Everything the page shows that does not change while it is open: strings and forms, in the workbook's language. */
export interface SidebarSetup {
  readonly locale: Locale;
  readonly title: string;
  readonly text: Readonly<Record<SidebarTextKey, string>>;
  /** Card captions, by TaskCard field. */
  readonly cardLabels: Readonly<Record<CardField, string>>;
  readonly forms: readonly FormSpec[];
}

/** What the card says of the task for the active user, beyond what it shows. */
export type CardFlag = 'passNeedsConfirmation' | 'mayNudge';

export type CardField = 'id' | 'name' | 'owner' | 'dept' | 'due' | 'status' | 'health' | 'pct' | 'deliverable';

export interface LatestProgress {
  readonly summary: string;
  readonly pct: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** The selected task as the card shows it: display text in the workbook's language. */
export interface TaskCard {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly dept: string;
  readonly due: string;
  readonly status: string;
  /** Health code (SPEC §2.2) for the badge colour; '' before the first scan. */
  readonly healthCode: string;
  readonly health: string;
  readonly pct: string;
  /** The standard acceptance checks against. */
  readonly deliverable: string;
  readonly latest: LatestProgress | null;
  /** The task's last changes (Change history), newest first. */
  readonly history: readonly HistoryLine[];
  /**
   * The active user is a coordinator who may accept this task, which is not 待验收: a Pass needs
   * their explicit confirmation (SPEC §3.6).
   */
  readonly passNeedsConfirmation: boolean;
  /** The active user may nudge the owner (SPEC §3.8): the requester, the department's head or a coordinator, on an open task. */
  readonly mayNudge: boolean;
}

/** One Change history row as the card lists it: when, and what happened as a sentence ("李娜 同意了签批"). */
export interface HistoryLine {
  readonly time: string;
  readonly sentence: string;
}

export type SignOffSubjectCode = 'split' | 'change' | 'acceptance';

/** One line of what is signed: a label and its value, in the workbook's language. */
export interface SignOffFact {
  readonly label: string;
  readonly value: string;
}

/** A task of a split being signed. */
export interface SignOffTask {
  readonly id: string;
  readonly name: string;
  readonly dept: string;
  /** By name where People has one. */
  readonly owner: string;
  readonly due: string;
  readonly deliverable: string;
}

/** A sign-off waiting for the active user. */
export interface PendingSignOff {
  readonly subject: SignOffSubjectCode;
  /** The subject in the workbook's language. */
  readonly subjectLabel: string;
  readonly ref: string;
  /** The request's title or the task's name. */
  readonly title: string;
  readonly requestedAt: string;
  /** The signer the user stands in for while they are away; '' when it is the user's own. */
  readonly onBehalfOf: string;
  /** What is signed (SPEC §4): a plan change's dates, reason and impact; an acceptance's result. */
  readonly facts: readonly SignOffFact[];
  /** A split's tasks; empty for other subjects. */
  readonly tasks: readonly SignOffTask[];
}

export interface SidebarState {
  readonly card: TaskCard | null;
  /** What waits for the active user's sign-off (SPEC §2.9). */
  readonly signOffs: readonly PendingSignOff[];
  /** Why there is no card (no task row selected, or an ID the Tasks sheet does not hold). */
  readonly hint: string;
}

/** Form values as typed: every field a string. */
export type FormPayload = Readonly<Record<string, string>>;

/** The answer a form or menu action gets: ok (with the ID it filed, if any), or a message plus one message per field. */
export type ActionResult =
  | { readonly ok: true; readonly message: string; readonly id?: string }
  | { readonly ok: false; readonly message: string; readonly errors: Readonly<Record<string, string>> };

/** A request's review from the sidebar; coordinators only. */
export interface ReviewPayload {
  readonly id: string;
  readonly decision: 'approve' | 'return' | 'reject';
  readonly notes?: string | undefined;
  readonly lead?: string | undefined;
  readonly coordinator?: string | undefined;
}

/** One task of a split, as typed: every field text, checked by the workflow rules. */
export type SplitTaskPayload = {
  readonly [
    K in
      | 'name'
      | 'description'
      | 'dept'
      | 'owner'
      | 'assisting'
      | 'start'
      | 'due'
      | 'deliverable'
      | 'resources'
      | 'risk'
      | 'dependsOn'
      | 'notes'
  ]?: string | undefined;
};

/** An approved request split into tasks; coordinators only. */
export interface SplitPayload {
  readonly requestId: string;
  readonly tasks: readonly SplitTaskPayload[];
}

/** Agree with, or return (comment required), a sign-off waiting for the active user. */
export interface SignOffPayload {
  readonly subject: SignOffSubjectCode;
  readonly ref: string;
  readonly decision: 'agree' | 'return';
  readonly comment?: string | undefined;
}

/**
 * The server functions google.script.run may call (no `_` names): src/main.ts satisfies this and
 * sidebar/main.ts calls through it, so a renamed or mistyped call fails the type check.
 */
export interface SidebarServer extends RatingServer {
  getSidebarSetup(): SidebarSetup;
  getSidebarState(): SidebarState;
  /**
   * `token` names one submission: a retry of it (the answer was lost on the way back) gets the
   * first answer and writes nothing again.
   */
  submitSidebarForm(form: FormKey, payload: FormPayload, token: string): ActionResult;
  /** `token` as for submitSidebarForm. */
  reviewRequest(payload: ReviewPayload, token?: string): ActionResult;
  splitRequest(payload: SplitPayload, token?: string): ActionResult;
  decideSignOff(payload: SignOffPayload, token?: string): ActionResult;
}
