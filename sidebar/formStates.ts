/**
 * The sidebar's forms as the page holds them, and what of them follows the card's state: fields
 * shown or required only in some states, the reason a user may not use a form, and which forms
 * are offered at all (SPEC §4: forms offer only what the user may do on this row now).
 */
import type { FormSpec, SidebarSetup, TaskCard } from '../src/contract';
import { format } from './dom';

export type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface FormView {
  readonly spec: FormSpec;
  readonly form: HTMLFormElement;
  readonly controls: Map<string, Control>;
  readonly errors: Map<string, HTMLElement>;
  /** Each field's block (caption, input, error), for fields shown only in some states. */
  readonly blocks: Map<string, HTMLElement>;
  /** Marks and hints of fields required only in some states (requiredWhen), by field. */
  readonly requiredMarks: Map<string, { mark: HTMLElement; hint: HTMLElement }>;
  /** Why this user may not use the form on this task (refusedBy), told before any field. */
  readonly refusal: HTMLElement;
  readonly taskLine: HTMLElement;
  readonly submit: HTMLButtonElement;
  readonly message: HTMLElement;
  /** A submission is on its way: the button stays off even if the card changes meanwhile. */
  busy: boolean;
  /** The submission being tried: kept for a retry after a failed call, new once the form changes. */
  token: string | undefined;
}

/**
 * Fields shown only in some states (shownWhen): the confirmation to record Pass on a task not
 * 待验收 shows while Pass is chosen and the card says this user must confirm it. A hidden box is
 * unticked, so a confirmation never travels for a task or result it was not given for.
 */
export function showDependentFields(view: FormView, card: TaskCard | null): void {
  for (const fieldSpec of view.spec.fields) {
    const when = fieldSpec.shownWhen;
    const block = view.blocks.get(fieldSpec.key);
    const input = view.controls.get(fieldSpec.key);
    if (!when || !block || !input) continue;
    const shown = card?.[when.card] === true && view.controls.get(when.field)?.value === when.value;
    block.hidden = !shown;
    if (!shown && input instanceof HTMLInputElement) input.checked = false;
  }
}

/**
 * Fields required only in some states are marked as soon as the state holds: the delay reason
 * while the % typed is below the card's delayReasonBelowPct, the server's own rule for this task today.
 */
export function showRequired(view: FormView, card: TaskCard | null, text: SidebarSetup['text']): void {
  for (const fieldSpec of view.spec.fields) {
    const when = fieldSpec.requiredWhen;
    const marks = view.requiredMarks.get(fieldSpec.key);
    if (!when || !marks) continue;
    const below = card?.[when.belowCard] ?? null;
    const typed = view.controls.get(when.field)?.value.trim() ?? '';
    const required = below !== null && typed !== '' && Number.isFinite(Number(typed)) && Number(typed) < below;
    marks.mark.hidden = !required;
    marks.hint.hidden = !required;
    marks.hint.textContent = required
      ? format(text.sidebarBehindPlan, { planned: String(card?.plannedPct ?? ''), below: String(below) })
      : '';
    view.controls.get(fieldSpec.key)?.setAttribute('aria-required', String(required));
  }
}

/** The card's reason this user may not use the form on this task; '' when they may, or with no card. */
export function refusalOf(view: FormView, card: TaskCard | null): string {
  return view.spec.refusedBy && card ? card[view.spec.refusedBy] : '';
}

/** Whether the form is offered for this card: offeredWhen must hold; withdrawnUnless, when a card says otherwise, withdraws it. */
export function isOffered(view: FormView, card: TaskCard | null): boolean {
  const { offeredWhen, withdrawnUnless } = view.spec;
  if (offeredWhen && card?.[offeredWhen] !== true) return false;
  return !(withdrawnUnless && card && card[withdrawnUnless] !== true);
}
