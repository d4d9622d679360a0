/**
 * The weekly summary (SPEC §2.8) as one email per recipient: a department head's mail starts with
 * their department's part, then the company-wide summary every recipient gets. HTML tables with
 * every user string escaped, and the same content as plain text.
 */
import { dayKeyOf } from './calendar';
import { escapeHtml, type Digest } from './digest';
import { t, type Locale } from '../i18n/index';
import { cellText, weekLabel, type ReportCell, type ReportSection, type WeeklySummary } from './summary';

/**
 * Rows each section shows in the email; the rest are counted and left to the sheet, which keeps
 * every row: a mail of thousands of rows is unreadable and Gmail clips it past ~102 KB.
 */
export const EMAIL_SECTION_ROWS = 20;

// Borders and padding from the table's attributes, not a style on every cell: a cell's style is
// ~80 bytes, and ten sections of rows would be most of the mail Gmail clips at ~102 KB.
const TABLE =
  '<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;border-color:#dadce0">';
const MUTED = 'color:#757575';

/** A date, or a date and time, as the summary writes them: kept on one line. */
const DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;

/** A table cell; a named item as its name with its ID small and grey beside it. */
function cellHtml(cell: ReportCell): string {
  if (typeof cell === 'object') {
    return `<td>${escapeHtml(cell.name)} <small style="${MUTED}">${escapeHtml(cell.id)}</small></td>`;
  }
  const text = String(cell);
  return `<td${DATE.test(text) ? ' nowrap' : ''}>${escapeHtml(text)}</td>`;
}

function renderSection(section: ReportSection, locale: Locale, sheet: string, html: string[], text: string[]): void {
  const none = t(locale, 'reportNone');
  html.push(`<h3 style="margin:16px 0 4px">${escapeHtml(section.heading)} (${section.rows.length})</h3>`);
  text.push(`== ${section.heading} (${section.rows.length}) ==`);
  if (section.rows.length === 0) {
    html.push(`<p style="${MUTED}">${escapeHtml(none)}</p>`);
    text.push(none, '');
    return;
  }
  html.push(
    TABLE,
    `<tr style="background:#f1f3f4">${section.columns.map((c) => `<th align="left">${escapeHtml(c)}</th>`).join('')}</tr>`,
  );
  for (const row of section.rows.slice(0, EMAIL_SECTION_ROWS)) {
    html.push(`<tr valign="top">${row.map(cellHtml).join('')}</tr>`);
    text.push(
      `- ${row
        .map((cell) => cellText(locale, cell))
        .filter((value) => value !== '')
        .join(' | ')}`,
    );
  }
  html.push('</table>');
  const more = section.rows.length - EMAIL_SECTION_ROWS;
  if (more > 0) {
    const rest = t(locale, 'summaryEmailMore', { count: more, sheet });
    html.push(`<p style="${MUTED}">${escapeHtml(rest)}</p>`);
    text.push(rest);
  }
  text.push('');
}

function renderPart(heading: string, html: string[], text: string[]): void {
  html.push(`<h2 style="margin:24px 0 4px;border-bottom:2px solid #1a73e8">${escapeHtml(heading)}</h2>`);
  text.push(`#### ${heading} ####`, '');
}

/**
 * The mail to `recipient` (an email): the parts of the departments they head first, then the
 * company-wide summary under its own heading; a coordinator heading none gets the company-wide
 * summary alone.
 */
export function summaryEmail(summary: WeeklySummary, recipient: string, locale: Locale, link: string): Digest {
  const week = weekLabel(summary.week);
  const period = t(locale, 'summaryPeriod', { from: dayKeyOf(summary.week.first), to: dayKeyOf(summary.week.last) });
  const intro = t(locale, 'summaryEmailIntro', { week, period });
  const open = t(locale, 'summaryEmailOpen');
  const html: string[] = [
    `<div style="font-family:Arial,'Microsoft YaHei',sans-serif;font-size:14px">`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p><b>${escapeHtml(summary.headline)}</b></p>`,
    `<p style="${MUTED};font-size:12px">${escapeHtml(summary.keyFigures)}</p>`,
  ];
  const text: string[] = [intro, '', summary.headline, summary.keyFigures, ''];

  const mine = summary.departments.filter((part) => part.head.trim().toLowerCase() === recipient.trim().toLowerCase());
  for (const part of mine) {
    renderPart(t(locale, 'summaryYourDepartment', { dept: part.dept }), html, text);
    for (const section of part.sections) renderSection(section, locale, summary.title, html, text);
  }
  if (mine.length > 0) renderPart(t(locale, 'summaryCompanyWide'), html, text);
  for (const section of summary.sections) renderSection(section, locale, summary.title, html, text);

  html.push(`<p><a href="${escapeHtml(link)}">${escapeHtml(open)}</a></p>`, '</div>');
  text.push(`${open}: ${link}`);
  return {
    recipient,
    subject: t(locale, 'summaryEmailSubject', {
      week,
      attention: summary.counts.attention,
      completed: summary.counts.completed,
    }),
    htmlBody: html.join('\n'),
    textBody: text.join('\n'),
  };
}
