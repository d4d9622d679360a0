/**
 * A 复盘 sheet as a person sees it outside Sheets (SPEC §2.8): exported as .xlsx and printed by
 * LibreOffice, its conclusions (what went well, what to improve, suggestions) read whole, with
 * where each came from, and blank rows under them to write in. The page image is saved under
 * CASES_SHOTS (default out/shots/cases) for a person to look at.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportWorkbook } from '../../emulator/xlsx';
import { printWholeSheets } from '../support/renderSheets';
import { missingTool, testUnless } from '../support/tools';
import { at, ReportDesk } from './reports-fixture';

const sofficeMissing = missingTool('soffice', 'libreoffice-calc-nogui') || missingTool('pdftoppm', 'poppler-utils');
const shots = process.env.CASES_SHOTS ?? 'out/shots/cases';

testUnless(sofficeMissing)(
  'LibreOffice prints a retrospective with its conclusions drawn from ratings, cases and suggestions',
  async () => {
    const desk = new ReportDesk('zh-CN').example();
    desk.put('satisfaction', [
      {
        kind: '需求评价',
        ref: 'XQ202406001',
        rater: 'wang.wu@example.com',
        overall: 2,
        clarity: 4,
        flow: 2,
        communication: 5,
        comment: '手册返工一次，验收时限没说清',
        time: at('2024-06-07T10:00'),
      },
    ]);
    desk.put('suggestions', [
      {
        id: 'JY202406001',
        title: '验收标准前置',
        detail: '像 XQ202406001 这样的手册，立项时就写明验收时限',
        dept: '售后部',
        status: '采纳',
        time: at('2024-06-06T10:00'),
      },
    ]);
    desk.select('requests', desk.rowOf('requests', 'id', 'XQ202406001'));
    desk.project.call('createRetrospective_');
    const title = '复盘 XQ202406001';
    for (const sheet of desk.ss.getSheets()) if (sheet.getName() !== title) desk.ss.deleteSheet(sheet);

    const dir = mkdtempSync(join(tmpdir(), 'retro-lo-'));
    const path = join(dir, 'retro.xlsx');
    await exportWorkbook(desk.ss, path);
    const pdf = printWholeSheets(path, dir);
    assert.equal(pdf.status, 0, pdf.stderr);
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'retro.pdf'), '-'], { encoding: 'utf8' });
    assert.equal(text.status, 0, text.stderr);
    const lines = text.stdout.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    const lineWith = (words: string) => lines.find((line) => line.includes(words));
    for (const heading of ['做得好的地方', '需要改进的地方', '建议']) assert.ok(lineWith(heading), heading);
    assert.match(lineWith('2 项任务中') ?? '', /计划与实际 2 项任务中 1 项按原定截止完成/);
    assert.match(
      lineWith('满意度 · 王五') ?? '',
      /总体 2 · 权责清晰度 4 · 流程顺畅度 2 · 沟通效率 5；意见：手册返工一次/,
    );
    assert.match(lineWith('AL202407001') ?? '', /延误 2 个工作日完成/);
    assert.match(lineWith('JY202406001') ?? '', /验收标准前置：像 XQ202406001 这样的手册/);

    const image = spawnSync('pdftoppm', [
      '-png',
      '-r',
      '96',
      '-f',
      '1',
      '-l',
      '1',
      join(dir, 'retro.pdf'),
      join(dir, 'page'),
    ]);
    assert.equal(image.status, 0, String(image.stderr));
    assert.ok(readFileSync(join(dir, 'page-1.png')).length > 0);
    mkdirSync(shots, { recursive: true });
    copyFileSync(join(dir, 'page-1.png'), join(shots, 'retrospective-libreoffice.png'));
  },
);
