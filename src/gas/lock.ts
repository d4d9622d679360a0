/**
 * Every read-modify-write of an operation runs under the document lock, so two users filing at
 * the same moment never get the same ID or overwrite each other's rows.
 */
const LOCK_WAIT_MS = 30_000;

export function withDocumentLock<T>(operation: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('Collab Desk must run bound to a spreadsheet (no document lock).');
  lock.waitLock(LOCK_WAIT_MS);
  try {
    return operation();
  } finally {
    // Pending writes must land before another execution may read.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
