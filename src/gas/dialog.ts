/**
 * Shows a menu's question as an HTML dialog (build/dialog.html) whose buttons say what they do.
 * Ui.showModalDialog returns at once ("does not suspend the server-side script while the dialog
 * is open", https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)),
 * so the menu's work ends here and each button calls the server itself.
 */
import type { DialogData } from '../dialogContract';

/** Where the page reads its data: a JSON script element, never parsed as HTML. */
const DATA_MARKER = '<!-- DIALOG DATA -->';

/** JSON safe inside <script>: no "<" at all, so no "</script>" or "<!--" can end or change it. */
function scriptJson(data: DialogData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function showDialog(ui: GoogleAppsScript.Base.Ui, title: string, data: DialogData, height: number): void {
  const page = HtmlService.createHtmlOutputFromFile('dialog');
  const content = page
    .getContent()
    .replace(DATA_MARKER, () => `<script type="application/json" id="dialog-data">${scriptJson(data)}</script>`);
  ui.showModalDialog(page.setContent(content).setWidth(560).setHeight(height), title);
}
