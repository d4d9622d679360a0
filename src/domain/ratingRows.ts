/**
 * A 满意度 row as typed on the sheet (SPEC §2.11): the sidebar's card checks an answer before it
 * writes one, but the sheet is open to anyone behind a warning, so Validate and onEdit check each
 * row too: a known kind, a reference, scores whole numbers 1–5, a quarter's rated department known.
 */
import { columnDef, columnLabel } from './schema';
import { parseEnum } from './enums';
import { SCORE_FIELDS } from './satisfaction';
import { Checker, type Problem, type RecordOf, type WorkflowEnv } from './workflow';

export function checkRatingRow(record: RecordOf<'satisfaction'>, env: WorkflowEnv, row?: number): Problem[] {
  const c = new Checker('satisfaction', record, env, row);
  c.enumeration('kind', 'ratingKind');
  c.required('ref');
  for (const field of SCORE_FIELDS) {
    const value = c.text(field);
    if (value !== '' && !/^[1-5]$/.test(value))
      c.add(field, 'ratingScoreNotWhole', { field: columnLabel(columnDef('satisfaction', field), env.locale), value });
  }
  if (parseEnum('ratingKind', c.value('kind')) === 'quarter') c.dept('ratedDept', true);
  return c.problems;
}
