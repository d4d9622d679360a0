/**
 * The menus' HTML dialogs in the emulator, answered as their page does (cli/dialogs.ts): the
 * dialog's data is read from the shown page, and a button's server call goes through
 * google.script.run (runFromSidebar: `_` names refused, payloads copied). Chromium drives the
 * same page in test/browser/dialogs.test.ts.
 */
import { dialogCall, dialogData, type DialogAnswer } from '../../cli/dialogs';
import type { ActionResult } from '../../src/contract';
import type { ChoiceDialog, DialogData, SplitDialog } from '../../src/dialogContract';
import type { LoadedProject } from '../../emulator/runtime';

export interface Shown<D extends DialogData = DialogData> {
  readonly title: string;
  readonly data: D;
  readonly html: string;
}

/** The dialog shown last, with the data its page reads. */
export function lastDialog(project: LoadedProject): Shown {
  const shown = project.emulator.ui.emuDialogs().at(-1);
  if (!shown) throw new Error('no dialog was shown');
  const html = shown.html.getContent();
  return { title: shown.title, data: dialogData(html), html };
}

export function lastChoice(project: LoadedProject): Shown<ChoiceDialog> {
  const shown = lastDialog(project);
  if (shown.data.kind !== 'choice') throw new Error(`the last dialog is a ${shown.data.kind} form, not a question`);
  return shown as Shown<ChoiceDialog>;
}

export function lastSplit(project: LoadedProject): Shown<SplitDialog> {
  const shown = lastDialog(project);
  if (shown.data.kind !== 'split') throw new Error('the last dialog is not the split form');
  return shown as Shown<SplitDialog>;
}

function answer(project: LoadedProject, given: DialogAnswer, token?: string): ActionResult | 'closed' {
  const call = dialogCall(lastDialog(project).data, given);
  if (call === 'closed') return 'closed';
  return project.runFromSidebar(call.name, call.payload, ...(token ? [token] : [])) as ActionResult;
}

/**
 * Clicks the last dialog's button labelled `label` with `fields` typed: its server answer, or
 * 'closed' for a button that only closes the dialog.
 */
export function press(
  project: LoadedProject,
  label: string,
  fields: Readonly<Record<string, string>> = {},
  token?: string,
): ActionResult | 'closed' {
  return answer(project, { button: label, fields }, token);
}

/** Fills the split form's rows with `tasks` and clicks "submit for sign-off", as the page sends it. */
export function submitSplitForm(
  project: LoadedProject,
  tasks: readonly Readonly<Record<string, string>>[],
  token?: string,
): ActionResult {
  return answer(project, { tasks }, token) as ActionResult;
}
