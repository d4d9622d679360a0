/**
 * A fault that never fires proves nothing: the test passes without testing what its title says,
 * e.g. once the code stops calling the method the fault was armed on. jest.config.cjs runs this
 * check after every test (test/support/fault-guard.ts).
 */
import { takeUnfiredFaults } from '../../emulator/faults';

/** Throws if a fault armed (and not cleared) on an emulator made since the last check never fired. */
export function assertFaultsFired(): void {
  const unfired = takeUnfiredFaults();
  if (unfired.length === 0) return;
  throw new Error(
    `A fault was armed but never fired, so the test did not test it: ${unfired.join('; ')}. ` +
      'Arm it on the call the code makes now, or clear() it if the point is that it does not fire.',
  );
}
