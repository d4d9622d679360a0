/**
 * The send ledger's read-decide-record step, one run at a time (SPEC §3.5). An add-on's tick has
 * no document lock, so it and a coordinator's "Run checks now" could both read the Notification
 * log before either recorded, and both send. Every run that records or sends mail holds a lease
 * in the workbook's developer metadata (which both can reach) from before it reads the log until
 * its last send: each adds an entry of its own and, once every entry added before it has had time
 * to show (SETTLE_MS), the earliest live entry holds the lease and the others wait. Without that
 * wait, a run whose entry showed late could find itself first while an earlier one went ahead
 * too. Equal times are ordered by entry ID; an entry older than any run can live is left by a
 * dead run and removed.
 */
import { DocumentBusy } from './lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

const LEASE_KEY = 'collabDesk.ledgerLease';
/** No run outlives Apps Script's 6-minute limit: an older entry's run is dead. */
const LEASE_MS = 7 * 60_000;
const POLL_MS = 500;
/**
 * How long an entry may take to show to another run, with the servers' clocks apart: guess (one
 * metadata write is a spreadsheet write, ~0.1–0.3 s; Google's servers keep time within
 * milliseconds), taken generously since a run waits it once.
 */
const SETTLE_MS = 1_000;

interface Lease {
  readonly entry: Metadata;
  readonly id: string;
  readonly at: number;
}

function leases(spreadsheet: Spreadsheet): Lease[] {
  return spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(LEASE_KEY)
    .find()
    .map((entry) => {
      const [at = '', id = ''] = (entry.getValue() ?? '').split(' ');
      // An unreadable entry counts as long dead, so it is cleared rather than blocking every run.
      return { entry, id, at: Number(at) || 0 };
    });
}

/** Runs `operation` holding the ledger lease, waiting at most `waitMs` for it (DocumentBusy past it). */
export function withLedgerLease<T>(spreadsheet: Spreadsheet, waitMs: number, operation: () => T): T {
  const id = Utilities.getUuid();
  const start = Date.now();
  spreadsheet.addDeveloperMetadata(LEASE_KEY, `${start} ${id}`);
  const release = () => {
    for (const lease of leases(spreadsheet)) if (lease.id === id) lease.entry.remove();
  };
  Utilities.sleep(SETTLE_MS);
  for (;;) {
    const now = Date.now();
    const live = leases(spreadsheet).filter((lease) => {
      if (now - lease.at < LEASE_MS) return true;
      lease.entry.remove();
      return false;
    });
    const holder = live.reduce<Lease | undefined>(
      (first, lease) =>
        !first || lease.at < first.at || (lease.at === first.at && lease.id < first.id) ? lease : first,
      undefined,
    );
    if (!holder || holder.id === id) break;
    if (now - start >= waitMs) {
      release();
      throw new DocumentBusy();
    }
    Utilities.sleep(POLL_MS);
  }
  try {
    return operation();
  } finally {
    release();
  }
}
