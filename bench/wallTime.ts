/**
 * Wall time by the latency model (emulator/latency.ts), recomputed from a run's counted calls for
 * other costs of a mail and of a Sheets API call, without rerunning: each method's calls and cells
 * priced by the model, with those two costs replaced. A rerun could differ where time changes what
 * a run does (the run budget leaving mail queued, the 6-minute limit); the recomputation keeps
 * what the run did at the model's own costs.
 */
import { LATENCY, latencyOf, type Latency } from '../emulator/latency';

/** Seconds a mail: the [mail] source's 1.2 s for 100 KB, the model's 0.75, and a small digest's guess of 0.3. */
export const MAIL_SECONDS = [0.3, 0.75, 1.2] as const;
/** ms a Sheets API round trip: the model's guess of 100, and 300 for a slow day (also a guess). */
export const SHEETS_API_MS = [100, 300] as const;

const SHEETS_API = /^Sheets\.Spreadsheets\./;

/** What the run's calls cost, seconds, with a mail at `mailSeconds` and a Sheets API call at `apiMs`. */
export function recomputedSeconds(
  calls: Readonly<Record<string, number>>,
  cells: Readonly<Record<string, number>>,
  mailSeconds: number,
  apiMs: number,
): number {
  const table: Record<string, Latency> = {};
  for (const [method, entry] of Object.entries(LATENCY)) {
    if (method === 'MailApp.sendEmail') table[method] = { ...entry, perCallMs: mailSeconds * 1000 };
    else if (SHEETS_API.test(method)) table[method] = { ...entry, perCallMs: apiMs };
    else table[method] = entry;
  }
  let ms = 0;
  for (const [method, count] of Object.entries(calls)) {
    const perCall = latencyOf(method, 0, table).ms;
    const cellCost = latencyOf(method, cells[method] ?? 0, table).ms - perCall;
    ms += count * perCall + cellCost;
  }
  return ms / 1000;
}

export type WallTimeMatrix = Record<string, Record<string, number>>;

/**
 * Seconds for every (mail, Sheets API call) cost: keys "0.3 s/mail" and "100 ms/API call".
 * `unpriced` (the run's estimate less what its calls cost at the model's costs: a lock wait,
 * which LockService adds itself) is added to every figure.
 */
export function wallTimeMatrix(
  calls: Readonly<Record<string, number>>,
  cells: Readonly<Record<string, number>>,
  unpriced = 0,
): WallTimeMatrix {
  return Object.fromEntries(
    MAIL_SECONDS.map((mail) => [
      `${mail} s/mail`,
      Object.fromEntries(
        SHEETS_API_MS.map((api) => [
          `${api} ms/API call`,
          Math.round((recomputedSeconds(calls, cells, mail, api) + unpriced) * 10) / 10,
        ]),
      ),
    ]),
  );
}

/** Sums of call counts or cells over several runs (a 4-week run's days). */
export function addCounts(into: Record<string, number>, more: Readonly<Record<string, number>>): void {
  for (const [method, n] of Object.entries(more)) into[method] = (into[method] ?? 0) + n;
}
