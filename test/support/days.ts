/** Times in the emulator's default spreadsheet zone (Shanghai), for tests that live through days. */
const DAY = 86_400_000;

/** Wall time in Shanghai. */
export const at = (local: string) => new Date(`${local}+08:00`);

/** Working days (Mon–Fri) at 09:00 from `from` up to, not including, `until`. */
export function workingDays(from: string, until: string): Date[] {
  const days: Date[] = [];
  for (let t = at(`${from}T09:00`).getTime(); t < at(`${until}T09:00`).getTime(); t += DAY) {
    const weekday = new Date(t + 8 * 3_600_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(t));
  }
  return days;
}
