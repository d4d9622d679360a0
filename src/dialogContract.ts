/**
 * What the menus' dialogs (build/dialog.html) and the server exchange (SPEC §4: menus ask with
 * labelled buttons that say what they do). A Ui.alert can only offer Yes / No / OK / Cancel, so
 * a question whose answers are something else is an HTML dialog: its buttons carry their own
 * words and call the server through google.script.run, which cannot call `_` names, so each
 * answer is a public function that checks its caller again. Types only, plain JSON.
 */
import type { ActionResult, ReviewPayload, SplitPayload } from './contract';

/** The answer a workbook-language button gives to "Set up workbook". */
export interface SetupLanguagePayload {
  readonly locale: string;
}

/** Submit the task rows a request already has for sign-off. */
export interface SubmitSplitPayload {
  readonly requestId: string;
}

/**
 * The server functions a dialog's buttons may call: src/main.ts satisfies this and
 * sidebar/dialog.ts calls through it, so a renamed or mistyped call fails the type check.
 */
export interface DialogServer {
  setupWorkbookIn(payload: SetupLanguagePayload): ActionResult;
  submitSplitForSignOff(payload: SubmitSplitPayload, token?: string): ActionResult;
  reviewRequest(payload: ReviewPayload, token?: string): ActionResult;
  splitRequest(payload: SplitPayload, token?: string): ActionResult;
}

/** A button's call: which server function, with which payload (the dialog adds its fields' values). */
export type DialogCall =
  | { readonly name: 'setupWorkbookIn'; readonly payload: SetupLanguagePayload }
  | { readonly name: 'submitSplitForSignOff'; readonly payload: SubmitSplitPayload }
  | { readonly name: 'reviewRequest'; readonly payload: ReviewPayload };

export interface DialogButton {
  readonly label: string;
  /** Absent: the button closes the dialog and nothing is written. */
  readonly call?: DialogCall;
  readonly primary?: boolean;
}

export interface DialogOption {
  readonly value: string;
  readonly label: string;
}

/** A field whose value every calling button sends in its payload under `key`. */
export interface DialogField {
  readonly key: 'notes' | 'lead';
  readonly label: string;
  readonly input: 'textarea' | 'select';
  readonly options?: readonly DialogOption[];
  /** What the field holds when the dialog opens, e.g. the notes already written. */
  readonly initial?: string;
  /** The column the server's field errors name for it, when not `key` (notes are the review column). */
  readonly errorKey?: string;
}

/** The words every dialog needs while and after it talks to the server. */
export interface DialogText {
  readonly working: string;
  readonly close: string;
  readonly failed: string;
}

/** A question with one button per answer. */
export interface ChoiceDialog {
  readonly kind: 'choice';
  readonly message: string;
  readonly fields: readonly DialogField[];
  readonly buttons: readonly DialogButton[];
  readonly text: DialogText;
}

/** A department and the people the owner picker offers under it. */
export interface SplitDepartment {
  readonly name: string;
  readonly people: readonly DialogOption[];
}

export type SplitColumn = 'name' | 'dept' | 'owner' | 'start' | 'due' | 'deliverable';

/** Split into tasks: task rows to fill, sent in one call (one write) with "submit for sign-off". */
export interface SplitDialog {
  readonly kind: 'split';
  readonly requestId: string;
  readonly intro: string;
  /** The request's tasks already on the sheet, one line each; submitted with the new ones. */
  readonly existing: readonly string[];
  readonly departments: readonly SplitDepartment[];
  /** The lead department, preselected in a new row. */
  readonly lead: string;
  readonly columns: Readonly<Record<SplitColumn, string>>;
  readonly labels: {
    readonly task: string;
    readonly choose: string;
    readonly addTask: string;
    readonly removeTask: string;
    readonly submit: string;
    readonly cancel: string;
  };
  readonly text: DialogText;
}

export type DialogData = ChoiceDialog | SplitDialog;
