/**
 * "Refresh timeline" (SPEC §2.8): rebuilds the 时间线 / Timeline sheet from Tasks and Requests,
 * from the menu and after the daily scan. It writes only the timeline sheet; its bars are
 * conditional formatting, so today's column and the red part past the baseline move by themselves
 * between refreshes.
 */
import { WorkCalendar } from '../domain/calendar';
import { timeline } from '../domain/timeline';
import { writeTimeline } from '../gas/timelineSheet';
import { menuAction, inWorkbook } from './operation';
import { latestProgress, readProgress, readRequests, readTasks } from './records';
import { type Workbook } from './workbook';

type Ui = GoogleAppsScript.Base.Ui;

export interface TimelineOutcome {
  readonly sheet: string;
  readonly tasks: number;
  readonly cells: number;
}

export function refreshTimeline(wb: Workbook): TimelineOutcome {
  const calendar = new WorkCalendar(wb.settings);
  const tasks = readTasks(wb, latestProgress(readProgress(wb)));
  const built = timeline(tasks, readRequests(wb), calendar.dayOf(wb.now), calendar);
  const written = writeTimeline(wb.spreadsheet, built, {
    locale: wb.locale,
    dateOf: (day) => calendar.at(day, 0),
  });
  return {
    sheet: written.title,
    tasks: built.rows.filter((row) => row.kind === 'task').length,
    cells: written.cells,
  };
}

export function refreshTimelineFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    ui.alert(
      inWorkbook(now, (wb) => {
        const outcome = refreshTimeline(wb);
        return wb.text('timelineDone', { sheet: outcome.sheet, tasks: outcome.tasks });
      }),
    );
  });
}
