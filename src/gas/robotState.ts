/**
 * Which group robots are broken (SPEC §3.8: a refused address, signature, keyword or IP), kept
 * until a coordinator changes that robot: an entry names the robot by its fingerprint (a hash of
 * its address, secret and keyword, never the values), so a changed robot no longer matches and is
 * posted to again. Script properties keyed by spreadsheet ID, like gas/sendProgress: the next run
 * may be another coordinator's. `told` says whether the coordinators have been mailed about it.
 */
import type { BrokenReason } from '../domain/robots/channel';

const PREFIX = 'collabDesk.brokenRobots.';

export interface BrokenRobot {
  readonly fingerprint: string;
  readonly reason: BrokenReason;
  /** What the platform answered (its code and message). */
  readonly detail: string;
  readonly told: boolean;
}

export interface BrokenRobotStore {
  read(): Record<string, BrokenRobot>;
  write(state: Record<string, BrokenRobot>): void;
}

export function brokenRobotStore(spreadsheetId: string): BrokenRobotStore {
  const key = PREFIX + spreadsheetId;
  const properties = () => PropertiesService.getScriptProperties();
  return {
    read() {
      try {
        const parsed: unknown = JSON.parse(properties().getProperty(key) ?? '{}');
        return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, BrokenRobot>) : {};
      } catch {
        return {};
      }
    },
    write(state) {
      if (Object.keys(state).length === 0) properties().deleteProperty(key);
      else properties().setProperty(key, JSON.stringify(state));
    },
  };
}
