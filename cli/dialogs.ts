/**
 * The menus' HTML dialogs as their page (sidebar/dialog.ts) reads and answers them: the data
 * element of the shown page, and the google.script.run call a button or the split form makes.
 * Used by the runner (a scripted user) and by the tests.
 */
import type { DialogData } from '../src/dialogContract';

/** What a scripted user does in a dialog: press a labelled button (with fields typed), or fill the split form. */
export type DialogAnswer =
  | { readonly button: string; readonly fields?: Readonly<Record<string, string>> }
  | { readonly tasks: readonly Readonly<Record<string, string>>[] };

/** A server call the page makes, or 'closed' for a button that only closes the dialog. */
export type DialogCall = { readonly name: string; readonly payload: object } | 'closed';

/** The data the dialog page shows, read from its JSON element as the page reads it. */
export function dialogData(html: string): DialogData {
  const json = /<script type="application\/json" id="dialog-data">([^<]*)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('the dialog has no data element');
  return JSON.parse(json) as DialogData;
}

/** The call the page makes for `answer`; an answer the dialog does not offer is an error naming what it offers. */
export function dialogCall(data: DialogData, answer: DialogAnswer): DialogCall {
  if (data.kind === 'split') {
    if (!('tasks' in answer)) throw new Error('the split form is answered with its tasks');
    return answer.tasks.length === 0
      ? { name: 'submitSplitForSignOff', payload: { requestId: data.requestId } }
      : { name: 'splitRequest', payload: { requestId: data.requestId, tasks: answer.tasks } };
  }
  if (!('button' in answer)) throw new Error('a question is answered with a button');
  const button = data.buttons.find((b) => b.label === answer.button);
  if (!button)
    throw new Error(`no button "${answer.button}"; the dialog offers ${data.buttons.map((b) => b.label).join(', ')}`);
  if (!button.call) return 'closed';
  if (button.call.name !== 'reviewRequest') return button.call;
  const typed = Object.fromEntries(
    data.fields.map((field) => [field.key, answer.fields?.[field.key] ?? field.initial ?? '']),
  );
  return { name: button.call.name, payload: { ...button.call.payload, ...typed } };
}
