/**
 * Renders sheets of an exported workbook the way LibreOffice lays them out, for tests that check
 * what a person sees (SPEC §2 "Layout for people"): each sheet printed at 100 % on wide pages
 * (A3 landscape, no margins), so a sheet's first page shows its first ~1,500 pixels of columns.
 * Positions come from pdftotext's word boxes, in points (0.75 pt per pixel at 96 dpi).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export interface RenderedWord {
  readonly text: string;
  /** Pixels from the page's left edge. */
  readonly x: number;
  readonly page: number;
}

export interface RenderedSheets {
  readonly pdf: string;
  /** Words of each page, by sheet name (pages in order). */
  readonly pages: ReadonlyMap<string, readonly (readonly RenderedWord[])[]>;
}

const PIXELS_PER_POINT = 96 / 72;

/** Prints `sheets` of the workbook at `xlsx` to one PDF and reads back its words per page. */
export async function renderSheets(xlsx: string, sheets: readonly string[]): Promise<RenderedSheets> {
  const dir = mkdtempSync(join(tmpdir(), 'render-'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  for (const worksheet of [...workbook.worksheets]) {
    if (!sheets.includes(worksheet.name)) {
      workbook.removeWorksheet(worksheet.id);
      continue;
    }
    worksheet.pageSetup = {
      ...worksheet.pageSetup,
      paperSize: 8 as unknown as ExcelJS.PaperSize, // A3, which exceljs's enum lacks
      orientation: 'landscape',
      scale: 100,
      fitToPage: false,
      margins: { left: 0, right: 0, top: 0, bottom: 0, header: 0, footer: 0 },
    };
  }
  const path = join(dir, 'sheets.xlsx');
  await workbook.xlsx.writeFile(path);
  const converted = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', path, '--outdir', dir],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (converted.status !== 0) throw new Error(`soffice failed: ${converted.stderr}`);
  const pdf = join(dir, 'sheets.pdf');
  const bbox = spawnSync('pdftotext', ['-bbox', pdf, join(dir, 'words.html')], { encoding: 'utf8' });
  if (bbox.status !== 0) throw new Error(`pdftotext failed: ${bbox.stderr}`);
  const html = readFileSync(join(dir, 'words.html'), 'utf8');
  const pageWords = html
    .split('<page ')
    .slice(1)
    .map((page, index) =>
      [...page.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
        text: m[2]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
        x: Number(m[1]) * PIXELS_PER_POINT,
        page: index + 1,
      })),
    );
  // LibreOffice prints the sheets in order; a sheet's pages start with its header row, whose
  // first cell is its first column's header.
  const firstHeaders = sheets.map((name) => String(workbook.getWorksheet(name)?.getCell(1, 1).value ?? ''));
  const pages = new Map<string, RenderedWord[][]>();
  let current = -1;
  for (const words of pageWords) {
    const next = firstHeaders.findIndex((h, i) => i > current && words[0]?.text === h.split(' ')[0]);
    if (next > current) current = next;
    const name = sheets[Math.max(current, 0)]!;
    pages.set(name, [...(pages.get(name) ?? []), words]);
  }
  return { pdf, pages };
}

/**
 * `xlsx` printed by LibreOffice to `<dir>/<name>.pdf`, each sheet on one page (so a grid is not cut
 * across pages); `faketime` runs it at that wall time, for sheets whose formulas read today.
 */
export function printWholeSheets(xlsx: string, dir: string, faketime?: string): SpawnSyncReturns<string> {
  const soffice = [
    'soffice',
    `-env:UserInstallation=file://${dir}/profile`,
    '--headless',
    '--convert-to',
    'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
    xlsx,
    '--outdir',
    dir,
  ];
  const [command, ...args] = faketime ? ['faketime', faketime, ...soffice] : soffice;
  return spawnSync(command!, args, {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
}
