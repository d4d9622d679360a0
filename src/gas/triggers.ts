/**
 * The one installable time-driven trigger (SPEC §4): an add-on may hold one time-driven trigger
 * per user per document, and not more often than hourly, so a single hourly tick dispatches
 * every scheduled job. Triggers are looked up by handler, so turning on twice leaves one.
 */
import type { AutomationState } from '../domain/schedule';

export const TICK_HANDLER = 'tick_';

type Trigger = GoogleAppsScript.Script.Trigger;

function tickTriggers(): Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).filter(
    (trigger) => trigger.getHandlerFunction() === TICK_HANDLER,
  );
}

export function isTickInstalled(): boolean {
  return tickTriggers().length > 0;
}

/** Installs the hourly tick unless one exists; extra ones (from older versions) are removed. */
export function installTick(): boolean {
  const [kept, ...extra] = tickTriggers();
  for (const trigger of extra) ScriptApp.deleteTrigger(trigger);
  if (kept) return false;
  ScriptApp.newTrigger(TICK_HANDLER).timeBased().everyHours(1).create();
  return true;
}

/** Removes every tick trigger; returns how many there were. */
export function removeTick(): number {
  const triggers = tickTriggers();
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  return triggers.length;
}

/**
 * Whether the script may run unattended: after an update that adds scopes, a trigger runs
 * without them until the user re-authorizes, and every service call would fail.
 */
export function isAuthorized(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED;
}

const STATE_PROPERTY = 'collabDesk.automation';

/** What the tick already ran, kept in document properties (shared by every user of the file). */
export function readAutomationState(): AutomationState {
  const raw = PropertiesService.getDocumentProperties().getProperty(STATE_PROPERTY);
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown> | null;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return { lastScanDay: text(parsed?.lastScanDay), lastSummaryWeek: text(parsed?.lastSummaryWeek) };
  } catch {
    // A hand-edited property: start afresh rather than stop automation.
    return {};
  }
}

export function writeAutomationState(state: AutomationState): void {
  PropertiesService.getDocumentProperties().setProperty(STATE_PROPERTY, JSON.stringify(state));
}
