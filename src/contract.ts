/**
 * What the sidebar and the server exchange through google.script.run. Types only, and only
 * plain JSON (google.script.run refuses Dates and functions), so both the browser and the
 * Apps Script bundle can import it.
 */

import type { Locale } from './i18n/index';
import type { myWorkText } from './i18n/myWork';
import type { sidebarText } from './i18n/sidebar';
import type { RatingServer } from './ratingContract';

export type { RatingItem, RatingPayload, RatingsSection, RatingsView } from './ratingContract';

export type SidebarTextKey = keyof typeof sidebarText | keyof typeof myWorkText;

export type FormKey =
  'progress' | 'communication' | 'acceptance' | 'planChange' | 'request' | 'nudge' | 'suggestion' | 'block';

/** 'multi': several of `options` ticked, sent as one list as the field's `list` says. */
export type FieldInput = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox' | 'multi';

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
  /**
   * Required only while the card says so of what is typed: the delay reason once the % typed is
   * below the card's `delayReasonBelowPct` (the server's own rule, domain/health.ts lowestPctNotLagging).
   */
  readonly requiredWhen?: { readonly field: string; readonly belowCard: 'delayReasonBelowPct' };
  /**
   * How a 'multi' field's text is a list: `join` between items (the workbook language's 、 or , ),
   * `splitAt` the source of the pattern the sheet's lists are read with (domain/values.ts).
   */
  readonly list?: { readonly join: string; readonly splitAt: string };
}

export interface FormSpec {
  readonly key: FormKey;
  readonly title: string;
  /** Forms about one task post it for the task on the card; without a card they are disabled. */
  readonly forTask: boolean;
  /** Offered only while the card says this of the active user (the nudge: only those who may nudge). */
  readonly offeredWhen?: CardFlag;
  /**
   * Withdrawn while the card says this is false (no progress on a done task, no acceptance tab for
   * its owner); with no card it shows, disabled, as every task form does.
   */
  readonly withdrawnUnless?: CardFlag;
  /** The card's reason this user may not use the form on this task, told before any field ('' when they may). */
  readonly refusedBy?: 'postRefusal';
  readonly fields: readonly FieldSpec[];
}

/** Everything the page shows that does not change while it is open: strings and forms, in the workbook's language. */
export interface SidebarSetup {
  readonly locale: Locale;
  readonly title: string;
  readonly text: Readonly<Record<SidebarTextKey, string>>;
  /** Card captions, by TaskCard field. */
  readonly cardLabels: Readonly<Record<CardField, string>>;
  /** Request card captions (Requests' headers), by RequestCard field. */
  readonly requestLabels: Readonly<Record<RequestCardField, string>>;
  readonly forms: readonly FormSpec[];
}

/** What the card says of the task for the active user, beyond what it shows. */
export type CardFlag =
  'passNeedsConfirmation' | 'mayNudge' | 'takesProgress' | 'mayAccept' | 'takesPlanChange' | 'mayBlock';

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
  /** The task still takes progress (not done or cancelled). */
  readonly takesProgress: boolean;
  /** The active user may record its acceptance: open, and not the task's owner. */
  readonly mayAccept: boolean;
  /** Its plan may still change (open). */
  readonly takesPlanChange: boolean;
  /** The active user may mark it blocked: one who may post progress, on a task not started or in progress. */
  readonly mayBlock: boolean;
  /** Why the active user may not post progress or block it, in words; '' when they may. */
  readonly postRefusal: string;
  /** A % typed below this needs a delay reason now (the planned % less the lag threshold); null without dates. */
  readonly delayReasonBelowPct: number | null;
  /** The % the plan expects today, for the hint beside the delay reason; null without dates. */
  readonly plannedPct: number | null;
  /** Kept past cases like this task's problem, shown while it is lagging, overdue or blocked (SPEC §2.12). */
  readonly similarCases?: SimilarCases | null;
}

/** Up to three kept cases from the 问题案例库, with their heading in the workbook's language. */
export interface SimilarCases {
  readonly heading: string;
  readonly cases: readonly SimilarCaseLine[];
}

/** One similar case as the card lists it: display text in the workbook's language. */
export interface SimilarCaseLine {
  readonly id: string;
  readonly problem: string;
  readonly rootCause: string;
  /** "措施：…" / "Countermeasure: …", '' when the case has none. */
  readonly countermeasure: string;
  /** Why it is listed: words shared with the delay reason, or the same category. */
  readonly why: string;
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

export type RequestCardField = 'id' | 'status' | 'dept' | 'requester' | 'due';

/** A task of a request, as its card lists it. */
export interface RequestCardTask {
  readonly id: string;
  readonly name: string;
  /** By name where People has one. */
  readonly owner: string;
  readonly due: string;
  readonly status: string;
  readonly healthCode: string;
  readonly health: string;
}

/** A sign-off of the request's split, as its card lists it. */
export interface RequestCardSignOff {
  readonly signer: string;
  readonly decision: string;
}

/** The selected request (SPEC §4): its status, tasks, sign-offs and what it waits for. */
export interface RequestCard {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly dept: string;
  readonly requester: string;
  readonly due: string;
  /** What must happen next and who does it ("等待 李娜、王强 会签"); '' once closed. */
  readonly waitingFor: string;
  readonly tasks: readonly RequestCardTask[];
  /** The latest round of the split's sign-offs. */
  readonly signOffs: readonly RequestCardSignOff[];
}

export interface SidebarState {
  readonly card: TaskCard | null;
  /** The request on the selected row, when a request row is selected. */
  readonly request: RequestCard | null;
  /** What waits for the active user's sign-off (SPEC §2.9). */
  readonly signOffs: readonly PendingSignOff[];
  /** Why there is no card (no task row selected, or an ID the Tasks sheet does not hold). */
  readonly hint: string;
  /** The suggestion on the selected row of Suggestions (SPEC §2.13), if one is selected. */
  readonly suggestion?: SuggestionCard | null;
}

/** An improvement suggestion as the sidebar shows it, with what a coordinator may set (SPEC §2.13). */
export interface SuggestionCard {
  readonly id: string;
  readonly title: string;
  /** Its facts as the card lists them: label and value, in the workbook's language. */
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  /** Present for a coordinator only: the decision form's captions, current values and choices. */
  readonly decision?: {
    readonly labels: Readonly<Record<keyof SuggestionDecisionPayload | 'save', string>>;
    readonly values: Readonly<Record<Exclude<keyof SuggestionDecisionPayload, 'id'>, string>>;
    /** The current status and those it may go to next. */
    readonly statuses: readonly FieldOption[];
    /** People's names, for the owner. */
    readonly people: readonly string[];
  };
}

/** A coordinator's decision on a suggestion: its next status, owner, due (yyyy-MM-dd) and note. */
export interface SuggestionDecisionPayload {
  readonly id: string;
  readonly status: string;
  readonly owner: string;
  readonly due: string;
  readonly decisionNote: string;
}

/** The sheets My work's items are on. */
export type MyWorkSheet = 'tasks' | 'requests' | 'communications' | 'satisfaction';

/** Where a My work item is: its sheet and ID (a communication, having no ID, its row and topic). */
export interface MyWorkTarget {
  readonly sheet: MyWorkSheet;
  readonly id: string;
  readonly row?: number;
}

export interface MyWorkItem {
  readonly target: MyWorkTarget;
  readonly title: string;
  /** Its due date and what it is about, in words. */
  readonly detail: string;
  /** Health code for the badge colour ('' when none) and its label. */
  readonly healthCode: string;
  readonly health: string;
}

/**
 * A kind of My work (SPEC §4): the user's open tasks, the sign-offs and open action items waiting
 * for them. A new kind (ratings waiting for me) is one more section built by the server.
 */
export type MyWorkKind = 'tasks' | 'signOffs' | 'ratings' | 'actions';

export interface MyWorkSection {
  readonly kind: MyWorkKind;
  readonly title: string;
  readonly items: readonly MyWorkItem[];
}

/** What waits for the active user, by kind; sections with no items are left out. */
export interface MyWork {
  readonly sections: readonly MyWorkSection[];
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
  getMyWork(): MyWork;
  /** Selects the item's row in its sheet, found by ID now; false when it is gone. */
  selectMyWorkItem(target: MyWorkTarget): boolean;
  /**
   * `token` names one submission: a retry of it (the answer was lost on the way back) gets the
   * first answer and writes nothing again.
   */
  submitSidebarForm(form: FormKey, payload: FormPayload, token: string): ActionResult;
  /** `token` as for submitSidebarForm. */
  reviewRequest(payload: ReviewPayload, token?: string): ActionResult;
  splitRequest(payload: SplitPayload, token?: string): ActionResult;
  decideSignOff(payload: SignOffPayload, token?: string): ActionResult;
  decideSuggestion(payload: SuggestionDecisionPayload, token?: string): ActionResult;
}
