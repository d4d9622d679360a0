/**
 * The one installable time-driven trigger (SPEC §4): an add-on may hold one time-driven trigger
 * per user per document, and not more often than hourly, so a single hourly tick dispatches
 * every scheduled job. Triggers are per user: these functions see only the current user's.
 */
export const TICK_HANDLER = 'tick_';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

function tickTriggers(spreadsheet: Spreadsheet): Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter((trigger) => trigger.getHandlerFunction() === TICK_HANDLER);
}

/**
 * The current user's hourly tick for the workbook, installed unless one exists (extra ones, from
 * older versions, are removed); returns its ID and whether it is new.
 */
export function installTick(spreadsheet: Spreadsheet): { readonly triggerUid: string; readonly created: boolean } {
  const [kept, ...extra] = tickTriggers(spreadsheet);
  for (const trigger of extra) ScriptApp.deleteTrigger(trigger);
  if (kept) return { triggerUid: kept.getUniqueId(), created: false };
  const trigger = ScriptApp.newTrigger(TICK_HANDLER).timeBased().everyHours(1).create();
  return { triggerUid: trigger.getUniqueId(), created: true };
}

/** Removes the current user's tick triggers of the workbook; returns how many there were. */
export function removeTick(spreadsheet: Spreadsheet): number {
  const triggers = tickTriggers(spreadsheet);
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  return triggers.length;
}

/** A running tick deletes itself: found by its ID, since it may have no document to list by. */
export function removeTriggerById(triggerUid: string): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(trigger);
  }
}

/**
 * Whether the script may run unattended: after an update that adds scopes, a trigger runs
 * without them until the user re-authorizes, and every service call would fail.
 */
export function isAuthorized(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED;
}
