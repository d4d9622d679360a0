/**
 * How far the run holding the send ledger got (domain/ledger SendProgress), written before each
 * send: one property write (~60 ms, emulator/latency.ts [props]) against ~750 ms a mail, where
 * marking the sheet would re-read the whole log. Script properties, keyed by spreadsheet ID,
 * because the next run may be another user's (a coordinator's Run checks now after the owner's
 * tick): user properties are per user, and an add-on's trigger has no document properties. The
 * entry is removed once the run's marks are on the sheet, so the store (500 KB for every
 * workbook of the add-on) holds one line per workbook sending now, or whose run died.
 */
import type { SendProgress } from '../domain/ledger';

const PREFIX = 'collabDesk.sendProgress.';

export interface SendProgressStore {
  read(): SendProgress | undefined;
  write(progress: SendProgress): void;
  clear(): void;
}

export function sendProgressStore(spreadsheetId: string): SendProgressStore {
  const key = PREFIX + spreadsheetId;
  const properties = () => PropertiesService.getScriptProperties();
  return {
    read() {
      const [run = '', order = '', state = ''] = (properties().getProperty(key) ?? '').split(' ');
      const at = Number(order);
      return run !== '' && Number.isInteger(at) ? { run, order: at, done: state === 'done' } : undefined;
    },
    write(progress) {
      properties().setProperty(key, `${progress.run} ${progress.order} ${progress.done ? 'done' : 'sending'}`);
    },
    clear() {
      properties().deleteProperty(key);
    },
  };
}
