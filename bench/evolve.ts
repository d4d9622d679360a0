/**
 * How the workbook moves from one working day to the next in the 4-week run (weeks.ts): people
 * work, by a seeded generator, so the run is the same every time. Between two scans, per task:
 * - 未开始 starts (进行中) with probability 1/4;
 * - 进行中 reports progress with probability `report` (typical 1/3: a third of the tasks report
 *   each day; worst 1/10), +10 to +34 points, and at 100 % awaits acceptance (待验收); a task that
 *   does not report is blocked (阻塞) with probability 1/50;
 * - 阻塞 is unblocked with probability 1/5, reporting progress as it is;
 * - 待验收 is accepted (已完成) with probability 2/5;
 * - each task accepted is replaced by a new one (未开始, owner and department drawn as at the
 *   start, due 5 to 40 days later), so the open workload holds steady over the 4 weeks rather than
 *   draining: dues keep arriving, and every rule keeps firing at its own rate.
 * Nothing is planned to fail: lateness comes from the starting state and from tasks that report
 * less often than their plan needs. Progress is stamped 16:00 on the previous working day.
 */
import { below, mixSeed, seededRandom } from './prng';
import {
  DAY,
  deptName,
  personName,
  type BenchData,
  type BenchTask,
  type ProgressEntry,
  type Scenario,
} from './workbook';

/** What one day changed: progress entries to append, tasks to append, and the tasks whose row changed. */
export interface DayChanges {
  readonly progress: readonly ProgressEntry[];
  readonly arrivals: readonly BenchTask[];
  readonly changed: ReadonlySet<BenchTask>;
}

/**
 * Moves `data` from the previous working day's scan to the scan at `now` (day `day` of the run, the
 * previous scan `gapDays` calendar days before; `seed` the case's): tasks change in place, new
 * ones are appended.
 */
export function evolve(
  data: BenchData,
  scenario: Scenario,
  seed: number,
  day: number,
  now: number,
  gapDays: number,
): DayChanges {
  const random = seededRandom(mixSeed(seed, day));
  const report = scenario === 'worst' ? 1 / 10 : 1 / 3;
  const workedAt = now - gapDays * DAY + 7 * 3_600_000;
  const progress: ProgressEntry[] = [];
  const changed = new Set<BenchTask>();
  let accepted = 0;
  const post = (task: BenchTask) => {
    task.pct = Math.min(100, task.pct + 10 + below(random, 25));
    task.lastUpdate = workedAt;
    task.summary = `进度 ${task.pct}%`;
    progress.push({ task: task.id, summary: task.summary, pct: task.pct / 100, updatedAt: new Date(workedAt) });
    if (task.pct === 100) task.status = '待验收';
  };
  for (const task of data.tasks) {
    const before = `${task.status}|${task.pct}|${task.lastUpdate}`;
    const draw = random();
    if (task.status === '未开始' && draw < 1 / 4) task.status = '进行中';
    else if (task.status === '进行中' && draw < report) post(task);
    else if (task.status === '进行中' && draw < report + 1 / 50) task.status = '阻塞';
    else if (task.status === '阻塞' && draw < 1 / 5) {
      task.status = '进行中';
      post(task);
    } else if (task.status === '待验收' && draw < 2 / 5) {
      task.status = '已完成';
      accepted++;
    }
    if (`${task.status}|${task.pct}|${task.lastUpdate}` !== before) changed.add(task);
  }
  const arrivals: BenchTask[] = [];
  for (let k = 0; k < accepted; k++) {
    const owner = below(random, data.people.length);
    const n = data.tasks.length + 1;
    const task: BenchTask = {
      id: `RW202407001-${String(n).padStart(2, '0')}`,
      name: `任务 ${n}`,
      dept: deptName(data.people[owner] ?? 0),
      owner: personName(owner),
      start: now,
      due: now + (5 + below(random, 36)) * DAY,
      status: '未开始',
      pct: 0,
      lastUpdate: undefined,
      summary: '',
    };
    data.tasks.push(task);
    arrivals.push(task);
  }
  data.progress.push(...progress);
  return { progress, arrivals, changed };
}
