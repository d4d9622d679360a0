/**
 * The editors of the coordinators' protections (SPEC §3.6, issue 21 point 5), kept in line with
 * Settings' coordinators. Setup lists the coordinators of its time; one added to Settings later
 * was refused by Settings, Departments, People, the log and the coordinators' ⚙ columns until
 * setup ran again, and one removed kept the right. The daily scan and Validate call this.
 *
 * Apps Script lets only someone who may edit a protected area change its editors
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection#canEdit(): "whether
 * the user has permission to edit the protected range or sheet"; https://support.google.com/docs/answer/1218656:
 * the owner and the protection's editors change its permissions), and never removes the file's
 * owner or the user running the script (Protection.removeEditors). So a protection the run's user
 * may not edit is left as it is and counted: a coordinator who is not yet one of its editors (one
 * added to Settings since setup, the automation owner included) cannot add themself; a coordinator
 * who is (the one who set up, or the file's owner) brings it in line with the next Validate.
 */
import { t } from '../i18n/index';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface EditorsAligned {
  /** Protections whose editors were changed. */
  readonly changed: number;
  /** Protections that differ from Settings and that the run's user may not change. */
  readonly unable: number;
}

/** Setup's blocking protections, by their description in either language. */
const DESCRIPTIONS = [t('zh-CN', 'wbEditorsProtection'), t('en', 'wbEditorsProtection')];

/**
 * Adds the coordinators missing from each blocking protection's editors and removes the editors
 * who are no longer coordinators; untouched where they already agree (one read of the editors
 * per protection). The file's owner and the run's user stay: Apps Script keeps them anyway.
 * An empty list of coordinators changes nothing: it would leave only the owner.
 */
export function alignProtectionEditors(spreadsheet: Spreadsheet, coordinators: readonly string[]): EditorsAligned {
  const wanted = new Set(coordinators.map(lower).filter((email) => email !== ''));
  if (wanted.size === 0) return { changed: 0, unable: 0 };
  const kept = new Set([lower(spreadsheet.getOwner()?.getEmail() ?? ''), lower(Session.getEffectiveUser().getEmail())]);
  let changed = 0;
  let unable = 0;
  for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
    for (const protection of spreadsheet.getProtections(type)) {
      if (protection.isWarningOnly() || !DESCRIPTIONS.includes(protection.getDescription())) continue;
      if (!protection.canEdit()) {
        unable++;
        continue;
      }
      const editors = new Set(protection.getEditors().map((user) => lower(user.getEmail())));
      const missing = [...wanted].filter((email) => !editors.has(email));
      const former = [...editors].filter((email) => !wanted.has(email) && !kept.has(email));
      if (missing.length === 0 && former.length === 0) continue;
      if (missing.length > 0) protection.addEditors(missing);
      if (former.length > 0) protection.removeEditors(former);
      changed++;
    }
  }
  return { changed, unable };
}

function lower(email: string): string {
  return email.trim().toLowerCase();
}
