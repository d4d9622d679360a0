/**
 * `npx tsx bench/views.ts [tasks…]`: the managers' views at scale (SPEC §2.8, §3.7). On the bench's
 * typical workbook (workbook.ts) at each size, "Refresh dashboard" and "Refresh timeline" run with
 * the emulator's latency model (emulator/latency.ts) moving the clock, and the report gives, per
 * view, the cells its sheet holds (they count against the 10,000,000 of a spreadsheet), the service
 * calls and the model's seconds, against runBudgetSeconds: the timeline is refreshed inside the
 * daily scan's run, so its seconds come out of the scan's budget.
 */
import { estimate, round1 } from './measure';
import { benchData, DEFAULTS, loadBundle, seed, settingsSheetRows } from './workbook';

/** Friday 2024-07-12 09:00 in Shanghai, the bench's day. */
const NOW = Date.UTC(2024, 6, 12, 1);

interface ViewReport {
  readonly view: string;
  readonly cells: number;
  readonly calls: number;
  readonly estimatedSeconds: number;
  readonly withinRunBudget: boolean;
}

function measureViews(size: number): { tasks: number; views: ViewReport[] } {
  const project = loadBundle(NOW, { latency: true });
  seed(project, benchData(size, 'typical', NOW), { settings: settingsSheetRows() });
  const views: ViewReport[] = [];
  for (const [view, handler, title] of [
    ['dashboard', 'refreshDashboard_', '看板'],
    ['timeline', 'refreshTimeline_', '时间线'],
  ] as const) {
    const { calls } = project.emulator;
    calls.reset();
    project.call(handler);
    const sheet = project.emulator.spreadsheet.getSheetByName(title)!;
    const seconds = estimate(project).total;
    views.push({
      view,
      cells: sheet.getMaxRows() * sheet.getMaxColumns(),
      calls: calls.total(),
      estimatedSeconds: seconds,
      withinRunBudget: seconds <= DEFAULTS.runBudgetSeconds,
    });
  }
  return { tasks: size, views: views.map((v) => ({ ...v, estimatedSeconds: round1(v.estimatedSeconds) })) };
}

const sizes = process.argv.slice(2).map(Number);
const report = (sizes.length > 0 ? sizes : [100, 1_000, 10_000]).map(measureViews);
console.log(JSON.stringify({ runBudgetSeconds: DEFAULTS.runBudgetSeconds, report }, null, 2));
