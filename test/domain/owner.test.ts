import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { checkOwner, duplicateIds, OWNER_SEPARATORS } from '../../src/domain/owner';
import type { Directory } from '../../src/domain/directory';

const directory: Pick<Directory, 'people'> = {
  people: [
    { name: '张三', email: 'zhang.san@example.com', dept: '市场部' },
    { name: '李四', email: 'li.si@example.com', dept: '销售部' },
    { name: '和珅', email: 'he.shen@example.com', dept: '财务部' },
    { name: 'Wang Wu', email: 'wang.wu@example.com', dept: '产品部' },
    { name: '王芳', email: 'wang.fang1@example.com', dept: '设计部' },
    { name: '王芳', email: 'wang.fang2@example.com', dept: '售后部' },
  ],
};

test('one email is a valid owner, whatever People lists', () => {
  assert.deepEqual(checkOwner('Someone.Else@Example.com', directory), { ok: true, email: 'someone.else@example.com' });
});

test('an email with a plus tag is one address, not two people', () => {
  assert.deepEqual(checkOwner('zhang+tasks@example.com', directory), { ok: true, email: 'zhang+tasks@example.com' });
});

test('a display name with the address in angle brackets is one person', () => {
  assert.deepEqual(checkOwner('张三 <zhang.san@example.com>', directory), { ok: true, email: 'zhang.san@example.com' });
});

test('a name People resolves to one email is a valid owner, spaces and case ignored', () => {
  assert.deepEqual(checkOwner(' 张三 ', directory), { ok: true, email: 'zhang.san@example.com' });
  assert.deepEqual(checkOwner('wang wu', directory), { ok: true, email: 'wang.wu@example.com' });
});

test('a known name containing a conjunction character (和) is not split', () => {
  assert.deepEqual(checkOwner('和珅', directory), { ok: true, email: 'he.shen@example.com' });
});

test('every listed separator between two people is a violation', () => {
  for (const separator of OWNER_SEPARATORS) {
    const result = checkOwner(`张三${separator}李四`, directory);
    assert.deepEqual(
      result,
      { ok: false, problem: 'multiple', parts: ['张三', '李四'] },
      `separator ${JSON.stringify(separator)}`,
    );
  }
});

test('conjunctions between two people are violations: 和 与 及 and or', () => {
  for (const text of [
    '张三和李四',
    '张三与李四',
    '张三及李四',
    'Wang Wu and 李四',
    '张三 or 李四',
    'Wang Wu AND li.si@example.com',
  ]) {
    const result = checkOwner(text, directory);
    assert.equal(result.ok, false, text);
    assert.equal(!result.ok && result.problem, 'multiple', text);
  }
});

test('plain spaces between two addresses or two known names are violations', () => {
  assert.deepEqual(checkOwner('zhang.san@example.com li.si@example.com', directory), {
    ok: false,
    problem: 'multiple',
    parts: ['zhang.san@example.com', 'li.si@example.com'],
  });
  assert.deepEqual(checkOwner('张三 李四', directory), { ok: false, problem: 'multiple', parts: ['张三', '李四'] });
});

test('separators between two emails are violations, with each address reported', () => {
  const result = checkOwner('zhang.san@example.com；li.si@example.com', directory);
  assert.deepEqual(result, { ok: false, problem: 'multiple', parts: ['zhang.san@example.com', 'li.si@example.com'] });
});

test('three people are reported as three parts', () => {
  const result = checkOwner('张三、李四、Wang Wu', directory);
  assert.deepEqual(result, { ok: false, problem: 'multiple', parts: ['张三', '李四', 'Wang Wu'] });
});

test('an unknown name is a violation naming what was typed', () => {
  assert.deepEqual(checkOwner('赵六', directory), { ok: false, problem: 'unknown', text: '赵六' });
  assert.deepEqual(checkOwner('Zhao Liu', directory), { ok: false, problem: 'unknown', text: 'Zhao Liu' });
});

test('an unknown name containing 和 is reported whole, not as a fragment', () => {
  assert.deepEqual(checkOwner('和平', directory), { ok: false, problem: 'unknown', text: '和平' });
});

test('a name People lists with two emails is ambiguous', () => {
  assert.deepEqual(checkOwner('王芳', directory), {
    ok: false,
    problem: 'ambiguous',
    text: '王芳',
    emails: ['wang.fang1@example.com', 'wang.fang2@example.com'],
  });
});

test('a malformed address is reported as an invalid email', () => {
  assert.deepEqual(checkOwner('zhang.san@', directory), { ok: false, problem: 'invalidEmail', text: 'zhang.san@' });
});

test('an empty or whitespace-only cell is empty', () => {
  for (const cell of ['', '   ', '\u3000', undefined, null]) {
    assert.deepEqual(checkOwner(cell, directory), { ok: false, problem: 'empty' });
  }
});

test('a number in the owner cell is an unknown name', () => {
  assert.deepEqual(checkOwner(42, directory), { ok: false, problem: 'unknown', text: '42' });
});

test('duplicate IDs are found case-insensitively with every row they are on', () => {
  const found = duplicateIds([
    { id: 'RW202407001-01', rowNumber: 2 },
    { id: 'RW202407001-02', rowNumber: 3 },
    { id: 'rw202407001-01 ', rowNumber: 7 },
    { id: '', rowNumber: 8 },
    { id: '', rowNumber: 9 },
  ]);
  assert.deepEqual([...found], [['RW202407001-01', [2, 7]]]);
});
