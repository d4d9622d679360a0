import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { headerText, mapHeaders, SHEET_ORDER, SHEETS, sheetDef, titleMatches } from '../../src/domain/schema';
import { enumLabel, enumLabels, ENUMS, parseEnum } from '../../src/domain/enums';

test('every sheet and column has a key and distinct Chinese and English titles', () => {
  assert.deepEqual([...SHEET_ORDER].sort(), Object.keys(SHEETS).sort());
  for (const key of SHEET_ORDER) {
    const def = sheetDef(key);
    const keys = def.columns.map((c) => c.key);
    assert.equal(new Set(keys).size, keys.length, `${key} has duplicate column keys`);
    for (const locale of ['zh', 'en'] as const) {
      const headers = def.columns.map((c) => c[locale].toLowerCase());
      assert.equal(new Set(headers).size, headers.length, `${key} has duplicate ${locale} headers`);
    }
  }
});

test('the columns other areas rely on exist under the keys of SPEC §2', () => {
  const keys = (s: keyof typeof SHEETS) => SHEETS[s].columns.map((c) => c.key);
  for (const key of [
    'id',
    'request',
    'name',
    'description',
    'dept',
    'owner',
    'assisting',
    'start',
    'due',
    'baseline',
    'deliverable',
    'resources',
    'risk',
    'dependsOn',
    'status',
    'pct',
    'lastUpdate',
    'health',
    'notes',
  ]) {
    assert.ok(keys('tasks').includes(key as never), `tasks.${key}`);
  }
  assert.deepEqual(keys('notificationLog'), [
    'time',
    'rule',
    'level',
    'item',
    'recipients',
    'status',
    'key',
    'id',
    'channel',
    'recordedAt',
    'attempts',
    'about',
  ]);
});

test('every header of a sheet maps back to its own column, in either language', () => {
  for (const key of SHEET_ORDER) {
    const def = sheetDef(key);
    for (const locale of ['zh-CN', 'en'] as const) {
      const headers = def.columns.map((c) => headerText(c, locale));
      const mapped = mapHeaders(def, headers);
      def.columns.forEach((c, i) => assert.equal(mapped[c.key], i, `${key}.${c.key} (${locale})`));
    }
  }
});

test('columns are found by header wherever they are, with unknown columns left out', () => {
  const mapped = mapHeaders(sheetDef('tasks'), [
    '我的备注列',
    'Primary owner',
    '',
    '任务编号 ⚙',
    ' DUE ',
    'Something else',
  ]);
  assert.equal(mapped.owner, 1);
  assert.equal(mapped.id, 3);
  assert.equal(mapped.due, 4);
  assert.equal(mapped.name, undefined);
});

test('an exact title wins over an alias that another header shares', () => {
  // "编号" is an alias of the Task ID column; "任务编号" is its title.
  const mapped = mapHeaders(sheetDef('tasks'), ['编号', '任务编号']);
  assert.equal(mapped.id, 1);
});

test('aliases, full-width brackets and markers are accepted in headers', () => {
  const tasks = sheetDef('tasks');
  for (const header of ['负责人', 'Owner *', '第一责任人（⚙）', ' primary OWNER '])
    assert.equal(mapHeaders(tasks, [header]).owner, 0, header);
  assert.equal(mapHeaders(tasks, ['协助部门/协作人']).owner, undefined);
  assert.ok(titleMatches(tasks, '任务清单'));
  assert.ok(titleMatches(tasks, 'tasks'));
});

test('enumerated values read in either language and are written in the workbook language', () => {
  assert.equal(parseEnum('taskStatus', '进行中'), 'inProgress');
  assert.equal(parseEnum('taskStatus', ' in progress '), 'inProgress');
  assert.equal(parseEnum('taskStatus', 'Done'), 'done');
  assert.equal(parseEnum('taskStatus', '做完了'), undefined);
  assert.equal(parseEnum('requestStatus', 'Needs changes'), 'changes');
  assert.equal(parseEnum('acceptanceResult', '不通过'), 'fail');
  assert.equal(enumLabel('taskStatus', 'blocked', 'zh-CN'), '阻塞');
  assert.equal(enumLabel('taskStatus', 'blocked', 'en'), 'Blocked');
  assert.deepEqual(enumLabels('health', ['overdue', 'done']), ['逾期', 'Overdue', '已完成', 'Done']);
});

test('no label of an enumeration means two different codes', () => {
  for (const [kind, list] of Object.entries(ENUMS)) {
    const seen = new Map<string, string>();
    for (const v of list) {
      for (const label of [v.code, v.zh, v.en, ...('aliases' in v ? v.aliases : [])]) {
        const key = label.toLowerCase();
        assert.ok(!seen.has(key) || seen.get(key) === v.code, `${kind}: "${label}"`);
        seen.set(key, v.code);
      }
    }
  }
});
