/**
 * The document lock covers read-decide-record only (SPEC §3.4, §3.5): two users filing at the
 * same moment never get the same ID or overwrite each other's rows, and nobody waits long — mail
 * goes out after the lock is let go, and a user who cannot have it soon is told to retry.
 */

/** How long each kind of run waits for the lock before giving up. */
export const LOCK_WAIT_MS = {
  /** A menu item or a sidebar form: past this the user is asked to retry, the form kept. */
  user: 10_000,
  /** onEdit has 30 s in all; what it cannot do now the next tick does (IDs, stamps). */
  edit: 3_000,
  /** A tick that waits in vain runs again within the hour. */
  tick: 30_000,
} as const;

/** Another run held the document lock for longer than this run could wait. */
export class DocumentBusy extends Error {
  constructor() {
    super('Another update of the workbook is in progress.');
    this.name = 'DocumentBusy';
  }
}

/**
 * Runs `operation` holding the document lock, waiting at most `waitMs` (DocumentBusy past it).
 * A run without a document — an add-on's time-driven trigger — has no document lock and runs
 * without one: its writes are compare-and-set (SPEC §3.4), so they cannot undo another run's.
 */
export function withDocumentLock<T>(waitMs: number, operation: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) return operation();
  if (!lock.tryLock(waitMs)) throw new DocumentBusy();
  try {
    return operation();
  } finally {
    // Pending writes must land before another execution may read.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
