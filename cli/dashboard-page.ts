/**
 * out/dashboard.html and `collab-desk dashboard` (SPEC §2.8): the 看板 and 时间线 sheets as one
 * static page people open without Sheets: the same tiles, tables and key figures (read from the
 * sheets after the add-on refreshed them, so the page's numbers are the workbook's), the timeline's
 * bars in the colours its conditional formatting gives each cell, and two charts drawn by the
 * inlined ECharts (echarts-bundle.ts). Every text from the workbook is escaped, and the data reach
 * the script as JSON with `<` escaped: nothing typed into a sheet runs in the page.
 */
import type { EmuSpreadsheet } from '../emulator/spreadsheet/spreadsheet';
import { t, LOCALES, type Locale, type MessageKey } from '../src/i18n/index';
import { echartsScript } from './echarts-bundle';

type Cell = string | number | boolean | Date;

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface DashboardView {
  readonly locale: Locale;
  readonly title: string;
  readonly note: string;
  readonly tiles: readonly { readonly label: string; readonly value: string; readonly colour: string }[];
  readonly requests: Table;
  readonly departments: Table & { readonly numbers: readonly (readonly number[])[] };
  readonly top: Table;
  readonly months: Table & { readonly numbers: readonly (readonly Cell[])[] };
  readonly timeline: (Table & { readonly colours: readonly (readonly string[])[] }) | undefined;
}

const WHITE = '#ffffff';

/** yyyy-mm-dd of a spreadsheet date serial (days since 1899-12-30). */
function serialDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function findLocale(spreadsheet: EmuSpreadsheet): Locale | undefined {
  return LOCALES.find((locale) => spreadsheet.getSheetByName(t(locale, 'dashboardSheet')));
}

/** The dashboard and timeline as the workbook shows them now; undefined without a dashboard. */
export function readDashboardView(spreadsheet: EmuSpreadsheet): DashboardView | undefined {
  const locale = findLocale(spreadsheet);
  if (!locale) return undefined;
  const title = t(locale, 'dashboardSheet');
  const sheet = spreadsheet.getSheetByName(title)!;
  const range = sheet.getDataRange();
  const values = range.getValues() as Cell[][];
  const formats = range.getNumberFormats();
  // A date a formula returns (INDEX, MINIFS) comes back as its serial; shown as the sheet formats it.
  const shown = range
    .getDisplayValues()
    .map((row, r) =>
      row.map((cell, c) =>
        formats[r]![c] === 'yyyy-mm-dd' && typeof values[r]![c] === 'number'
          ? serialDate(values[r]![c] as number)
          : cell,
      ),
    );
  const text = (key: MessageKey) => t(locale, key);
  const width = shown[3]!.findIndex((label, i) => label === '' && i > 0);
  const visible = (row: readonly string[]) => row.slice(0, width < 0 ? 9 : width);
  const rowOf = (label: string) => shown.findIndex((row) => row[0] === label);
  /** Rows below `start` up to the next blank one. */
  const block = (start: number) => {
    const rows: number[] = [];
    for (let r = start; r < shown.length && shown[r]![0] !== ''; r++) rows.push(r);
    return rows;
  };
  const section = (heading: MessageKey, headerBelow: boolean) => {
    const at = rowOf(text(heading));
    const headerRow = headerBelow ? at + 1 : at;
    const rows = block(headerRow + 1);
    return {
      header: visible(shown[headerRow]!).filter((cell) => cell !== ''),
      rows: rows.map((r) => visible(shown[r]!)),
      indexes: rows,
    };
  };
  const tiles = visible(shown[3]!).map((label, i) => ({
    label,
    value: shown[4]![i]!,
    colour: spreadsheet.emuEffectiveBackground(title, `${String.fromCharCode(65 + i)}5`),
  }));
  const requests = section('dashOpenRequests', true);
  const departments = section('dashDepartments', false);
  const top = section('dashTopOverdue', true);
  const months = section('kpiByMonth', true);
  return {
    locale,
    title: shown[0]![0]!,
    note: shown[1]![0]!,
    tiles,
    requests: { header: requests.header, rows: requests.rows.map((row) => row.slice(0, requests.header.length)) },
    departments: {
      header: departments.header,
      rows: departments.rows.map((row) => row.slice(0, 4)),
      numbers: departments.indexes.map((r) => values[r]!.slice(1, 4).map(Number)),
    },
    top: { header: top.header, rows: top.rows.map((row) => row.slice(0, 6)) },
    months: {
      header: months.header,
      rows: months.rows.map((row) => row.slice(0, months.header.length)),
      numbers: months.indexes.map((r) => values[r]!.slice(0, months.header.length)),
    },
    timeline: readTimeline(spreadsheet, t(locale, 'timelineSheet')),
  };
}

function readTimeline(spreadsheet: EmuSpreadsheet, title: string): DashboardView['timeline'] {
  const sheet = spreadsheet.getSheetByName(title);
  if (!sheet) return undefined;
  const shown = sheet.getDataRange().getDisplayValues();
  const letter = (c: number) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return {
    header: shown[0]!,
    rows: shown.slice(1),
    colours: shown
      .slice(1)
      .map((row, r) => row.map((_, c) => spreadsheet.emuEffectiveBackground(title, `${letter(c)}${r + 2}`))),
  };
}

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function tableHtml(table: Table, id: string): string {
  const head = table.header.map((cell) => `<th>${escape(cell)}</th>`).join('');
  const body = table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table id="${id}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function timelineHtml(timeline: NonNullable<DashboardView['timeline']>): string {
  const facts = 8;
  const head = timeline.header.map((cell, c) => `<th${c >= facts ? ' class="day"' : ''}>${escape(cell)}</th>`).join('');
  const body = timeline.rows
    .map((row, r) => {
      const cells = row.map((cell, c) => {
        const colour = timeline.colours[r]![c]!;
        const style = colour !== WHITE ? ` style="background:${escape(colour)}"` : '';
        return `<td${c >= facts ? ` class="day"` : ''}${style}>${c >= facts ? '' : escape(cell)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table id="timeline"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The page, with the charting library and its data inline. */
export async function dashboardHtml(view: DashboardView): Promise<string> {
  const text = (key: MessageKey) => t(view.locale, key);
  const tiles = view.tiles
    .map(
      (tile) =>
        `<div class="tile" data-label="${escape(tile.label)}" style="background:${escape(tile.colour)}">` +
        `<div class="number">${escape(tile.value)}</div><div class="label">${escape(tile.label)}</div></div>`,
    )
    .join('\n');
  const data = {
    departments: {
      names: view.departments.rows.map((row) => row[0]),
      series: view.departments.header.slice(1, 3).map((name, i) => ({
        name,
        data: view.departments.numbers.map((n) => n[i]),
      })),
      title: text('dashDepartments'),
    },
    months: {
      labels: view.months.numbers.map((row) => String(row[0])),
      // On-time and delay rate, as percentages; a month without a figure is a gap, not 0.
      series: view.months.header.slice(1, 3).map((name, i) => ({
        name,
        data: view.months.numbers.map((row) =>
          typeof row[i + 1] === 'number' ? Math.round((row[i + 1] as number) * 1000) / 10 : null,
        ),
      })),
      title: text('kpiByMonth'),
    },
  };
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const lang = view.locale === 'zh-CN' ? 'zh-CN' : 'en';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escape(view.title)}</title>
<style>
body { font-family: "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 24px; color: #202124; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; }
.note { color: #5f6368; font-size: 12px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 10px; margin-top: 16px; }
.tile { border: 1px solid #dadce0; border-radius: 8px; padding: 10px; text-align: center; }
.tile .number { font-size: 28px; font-weight: bold; } .tile .label { font-size: 12px; color: #3c4043; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.chart { height: 280px; border: 1px solid #dadce0; border-radius: 8px; }
table { border-collapse: collapse; font-size: 12px; } th, td { border: 1px solid #e8eaed; padding: 3px 6px; text-align: left; }
th { background: #f1f3f4; } #timeline td, #timeline th { white-space: nowrap; } #timeline td.day, #timeline th.day { width: 26px; padding: 3px 0; text-align: center; font-size: 10px; }
</style>
</head>
<body>
<h1>${escape(view.title)}</h1>
<div class="note">${escape(view.note)}</div>
<div class="tiles">${tiles}</div>
<div class="charts"><div class="chart" id="chart-departments"></div><div class="chart" id="chart-months"></div></div>
<h2>${escape(text('dashOpenRequests'))}</h2>
${tableHtml(view.requests, 'requests')}
<h2>${escape(text('dashDepartments'))}</h2>
${tableHtml(view.departments, 'departments')}
<h2>${escape(text('dashTopOverdue'))}</h2>
${tableHtml(view.top, 'top')}
<h2>${escape(text('kpiByMonth'))}</h2>
${tableHtml(view.months, 'months')}
${view.timeline ? `<h2>${escape(text('timelineSheet'))}</h2>\n${timelineHtml(view.timeline)}` : ''}
<script>${await echartsScript()}</script>
<script>
const data = ${json};
const bar = echarts.init(document.getElementById('chart-departments'), null, { renderer: 'svg' });
bar.setOption({ animation: false, title: { text: data.departments.title, left: 8, top: 8, textStyle: { fontSize: 14 } }, tooltip: {}, legend: { right: 8, top: 8 },
  grid: { top: 56 }, xAxis: { type: 'category', data: data.departments.names }, yAxis: { type: 'value', minInterval: 1 },
  series: data.departments.series.map((s) => ({ ...s, type: 'bar' })) });
const line = echarts.init(document.getElementById('chart-months'), null, { renderer: 'svg' });
line.setOption({ animation: false, title: { text: data.months.title, left: 8, top: 8, textStyle: { fontSize: 14 } }, tooltip: { trigger: 'axis' }, legend: { right: 8, top: 8 },
  grid: { top: 56 }, xAxis: { type: 'category', data: data.months.labels }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
  series: data.months.series.map((s) => ({ ...s, type: 'line', connectNulls: false })) });
</script>
</body>
</html>
`;
}
