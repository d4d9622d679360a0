/**
 * A set-up Collab Desk workbook in the emulator, driven the way a user drives it: menu items,
 * answers to dialogs, and rows typed (pasted) into sheets, each edit followed by onEdit.
 * Columns are found by header, as the add-on finds them, never by position.
 */
import { loadBundle } from '../support/bundle';
import type { EmulatorOptions } from '../../emulator/index';
import { mapHeaders, SHEET_ORDER, sheetDef, sheetTitle, type SheetKey } from '../../src/domain/schema';
import { settingKeyOf, type SettingKey } from '../../src/domain/settings';
import type { LoadedProject } from '../../emulator/runtime';
import type { ActionResult } from '../../src/contract';
import { press, submitSplitForm } from '../support/dialogs';

export type Lang = 'zh-CN' | 'en';

export const PEOPLE = [
  ['张三', 'zhang.san@example.com', '市场部'],
  ['李四', 'li.si@example.com', '销售部'],
  ['王五', 'wang.wu@example.com', '售后部'],
] as const;

export const DEPARTMENTS = [
  ['市场部', 'head.market@example.com', 'vp.market@example.com'],
  ['销售部', 'head.sales@example.com', 'vp.sales@example.com'],
  ['售后部', 'head.service@example.com', 'vp.sales@example.com'],
  ['产品部', 'head.product@example.com', 'vp.product@example.com'],
] as const;

const TIME_ZONE = 'Asia/Shanghai';

/** yyyy-MM-dd `days` from today in the workbook's zone (the bundle reads the real clock). */
export function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: TIME_ZONE });
}

export class Desk {
  readonly project: LoadedProject;

  constructor(
    readonly lang: Lang,
    options: { activeUser?: string; setUp?: boolean; emulator?: EmulatorOptions } = {},
  ) {
    this.project = loadBundle({
      ...options.emulator,
      now: new Date(),
      timeZone: TIME_ZONE,
      spreadsheetLocale: lang === 'en' ? 'en_US' : 'zh_CN',
      userLocale: lang === 'en' ? 'en' : 'zh',
      ...(options.activeUser ? { activeUser: options.activeUser } : {}),
    });
    if (options.setUp !== false) this.setUp(lang);
  }

  get ss() {
    return this.project.emulator.spreadsheet;
  }

  get ui() {
    return this.project.emulator.ui;
  }

  get calls() {
    return this.project.emulator.calls;
  }

  answer(button: 'YES' | 'NO' | 'OK' | 'CANCEL', text = ''): this {
    this.ui.emuQueueAnswer(this.ui.ui.Button[button], text);
    return this;
  }

  /**
   * Runs a menu item that asks in an HTML dialog; true when it showed one (a refusal before the
   * question is an alert instead).
   */
  menuDialog(handler: string): boolean {
    const before = this.ui.emuDialogs().length;
    this.project.call(handler);
    return this.ui.emuDialogs().length > before;
  }

  /** Clicks the button labelled `label` on the dialog shown last, with `fields` typed; its answer. */
  press(label: string, fields: Readonly<Record<string, string>> = {}): ActionResult | 'closed' {
    const answer = press(this.project, label, fields);
    this.lastAnswer = answer === 'closed' ? '' : answer.message;
    return answer;
  }

  /** What the dialog said after its last button press ('' after one that only closed it). */
  lastAnswer = '';

  setUp(lang: Lang): void {
    if (this.menuDialog('setupWorkbook_')) this.press(lang === 'en' ? 'English' : '中文');
    for (const key of SHEET_ORDER) {
      const sheet = this.ss.getSheetByName(sheetTitle(key, lang));
      if (sheet) this.sheetIds.set(key, sheet.getSheetId());
    }
  }

  lastAlert(): string {
    return this.ui.emuAlerts().at(-1)?.message ?? '';
  }

  /** Each sheet setup made, by key: found by its ID, so a test may rename it. */
  private readonly sheetIds = new Map<SheetKey, number>();

  sheet(key: SheetKey) {
    const id = this.sheetIds.get(key);
    const sheet =
      (id === undefined ? null : this.ss.getSheetById(id)) ?? this.ss.getSheetByName(sheetTitle(key, this.lang));
    if (!sheet) throw new Error(`no ${key} sheet`);
    return sheet;
  }

  headers(key: SheetKey): unknown[] {
    const sheet = this.sheet(key);
    return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  }

  /** 1-based column of a column key, by header. */
  col(key: SheetKey, column: string): number {
    const index = (mapHeaders(sheetDef(key), this.headers(key)) as Record<string, number | undefined>)[column];
    if (index === undefined) throw new Error(`${key} has no ${column} column`);
    return index + 1;
  }

  cell(key: SheetKey, row: number, column: string) {
    return this.sheet(key).getRange(row, this.col(key, column));
  }

  value(key: SheetKey, row: number, column: string): unknown {
    return this.cell(key, row, column).getValue();
  }

  text(key: SheetKey, row: number, column: string): string {
    return this.cell(key, row, column).getDisplayValue();
  }

  note(key: SheetKey, row: number, column: string): string {
    return this.cell(key, row, column).getNote();
  }

  background(key: SheetKey, row: number, column: string): string {
    return this.cell(key, row, column).getBackground();
  }

  /** Pastes rows below the last one and fires onEdit for the pasted block; returns their row numbers. */
  paste(key: SheetKey, records: readonly Record<string, unknown>[]): number[] {
    const sheet = this.sheet(key);
    const width = sheet.getLastColumn();
    const first = sheet.getLastRow() + 1;
    const grid = records.map((record) => {
      const line: unknown[] = new Array(width).fill('');
      for (const [column, value] of Object.entries(record)) line[this.col(key, column) - 1] = value;
      return line;
    });
    const range = sheet.getRange(first, 1, grid.length, width);
    range.setValues(grid as never);
    this.project.call('onEdit', { range, source: this.ss });
    return records.map((_, i) => first + i);
  }

  /**
   * Types one cell and fires onEdit as Sheets does: with the new value, and the value it replaced
   * when the cell had one ("oldValue … Will be undefined if the cell had no previous content",
   * https://developers.google.com/apps-script/guides/triggers/events#edit).
   */
  edit(key: SheetKey, row: number, column: string, value: unknown): void {
    const range = this.cell(key, row, column);
    const oldValue = range.getValue();
    range.setValue(value as never);
    this.project.call('onEdit', { range, source: this.ss, value, ...(oldValue === '' ? {} : { oldValue }) });
  }

  /**
   * Pastes (or fills) `values` over the cells of `columns` on rows `rows`, as one edit: onEdit gets
   * the range and neither value nor oldValue ("Only available if the edited range is a single
   * cell", https://developers.google.com/apps-script/guides/triggers/events#edit).
   */
  pasteOver(key: SheetKey, rows: readonly number[], column: string, values: readonly unknown[]): void {
    const first = Math.min(...rows);
    const range = this.sheet(key).getRange(first, this.col(key, column), Math.max(...rows) - first + 1, 1);
    const grid = range.getValues();
    rows.forEach((row, i) => (grid[row - first]![0] = (values[i] ?? values[0]) as never));
    range.setValues(grid as never);
    this.project.call('onEdit', { range, source: this.ss });
  }

  /** Copies row `from` over row `to` (every column) as one paste, and fires onEdit for it. */
  copyRow(key: SheetKey, from: number, to: number): void {
    const sheet = this.sheet(key);
    const width = sheet.getLastColumn();
    const range = sheet.getRange(to, 1, 1, width);
    range.setValues(sheet.getRange(from, 1, 1, width).getValues());
    this.project.call('onEdit', { range, source: this.ss });
  }

  /**
   * Submits a request's split from the menu (Split into tasks, then "submit for sign-off" with the
   * task rows already on the sheet); the dialog's answer, or undefined when the menu refused first.
   */
  submitSplit(requestRow: number): ActionResult | undefined {
    this.select('requests', requestRow);
    return this.menuDialog('splitRequest_') ? submitSplitForm(this.project, []) : undefined;
  }

  /**
   * Approve / return request from the menu on row `row`: the button for `decision` with `fields`
   * (notes, lead) typed; the dialog's answer, or undefined when the menu refused first.
   */
  review(
    row: number,
    decision: 'approve' | 'return' | 'reject',
    fields: Readonly<Record<string, string>> = {},
  ): ActionResult | 'closed' | undefined {
    this.select('requests', row);
    if (!this.menuDialog('approveRequest_')) return undefined;
    const labels = {
      approve: { 'zh-CN': '立项', en: 'Approve' },
      return: { 'zh-CN': '退回修改', en: 'Return for changes' },
      reject: { 'zh-CN': '驳回', en: 'Reject' },
    } as const;
    return this.press(labels[decision][this.lang], fields);
  }

  /**
   * An approved request with `tasks` typed into Tasks and its split submitted under
   * signOffSplit = coordinator, so it is in execution at once; its row, ID and task rows.
   */
  executingRequest(tasks: readonly Record<string, unknown>[] = [{}]): { row: number; id: string; taskRows: number[] } {
    this.setSetting('signOffSplit', 'coordinator');
    const { row, id } = this.approvedRequest();
    const taskRows = this.paste(
      'tasks',
      tasks.map((task) => this.taskRecord(id, task)),
    );
    this.submitSplit(row);
    return { row, id, taskRows };
  }

  /** Runs `body` as `user` at the keyboard, then gives the keyboard back to whoever had it. */
  as<T>(user: string, body: () => T): T {
    const session = this.project.emulator.session;
    const before = session.emuCurrentUser();
    session.emuSetActiveUser(user);
    try {
      return body();
    } finally {
      session.emuSetActiveUser(before);
    }
  }

  select(key: SheetKey, row: number): void {
    this.sheet(key).emuSelect(`A${row}`);
  }

  /** Types a setting's value into its Settings row (found by its label in either language). */
  setSetting(key: SettingKey, value: string): void {
    const settings = this.sheet('settings');
    const row = settings
      .getDataRange()
      .getValues()
      .findIndex((line) => settingKeyOf(String(line[0])) === key);
    if (row < 1) throw new Error(`Settings lists no ${key}`);
    settings.getRange(row + 1, 2).setValue(value);
  }

  /** Departments and People as the coordinator would fill them in. */
  fillDirectory(): void {
    const depts = this.sheet('departments');
    depts.getRange(2, this.col('departments', 'name'), DEPARTMENTS.length, 1).setValues(DEPARTMENTS.map((d) => [d[0]]));
    depts.getRange(2, this.col('departments', 'head'), DEPARTMENTS.length, 1).setValues(DEPARTMENTS.map((d) => [d[1]]));
    depts
      .getRange(2, this.col('departments', 'sponsor'), DEPARTMENTS.length, 1)
      .setValues(DEPARTMENTS.map((d) => [d[2]]));
    const people = this.sheet('people');
    for (const [i, column] of (['name', 'email', 'dept'] as const).entries()) {
      people.getRange(2, this.col('people', column), PEOPLE.length, 1).setValues(PEOPLE.map((p) => [p[i]]));
    }
  }

  /** A complete request as a department would type it. */
  requestRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      title: '2024年Q3新品上市推广方案',
      dept: '市场部',
      requester: '张三',
      goal: 'Q3 销售额较 Q2 提升 30%，预算 ≤ 50 万元',
      depts: '市场部、销售部、产品部',
      expected: day(30),
      ...overrides,
    };
  }

  /** Types a request, approves it from the menu with a lead department; returns its row and ID. */
  approvedRequest(overrides: Record<string, unknown> = {}): { row: number; id: string } {
    const row = this.paste('requests', [this.requestRecord(overrides)])[0]!;
    this.review(row, 'approve', { lead: '市场部' });
    return { row, id: String(this.value('requests', row, 'id')) };
  }

  /** A complete task row of a request, typed into Tasks. */
  taskRecord(request: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      request,
      name: '新品推广方案初稿撰写',
      dept: '市场部',
      owner: '张三',
      start: day(-5),
      due: day(5),
      deliverable: '方案初稿经市场部评审通过',
      ...overrides,
    };
  }
}
