/** The 满意度 notices in words (SPEC §2.11): a digest line per rule, and a score field's name. */
import { t, type Locale, type MessageKey } from '../i18n/index';
import type { Rule } from './notice';
import type { ScoreField } from './satisfaction';

export const SCORE_FIELD_TEXT: Readonly<Record<ScoreField, MessageKey>> = {
  overall: 'ratingFieldOverall',
  clarity: 'ratingFieldClarity',
  flow: 'ratingFieldFlow',
  communication: 'ratingFieldCommunication',
};

export function scoreFieldName(locale: Locale, field: string): string {
  const key = SCORE_FIELD_TEXT[field as ScoreField];
  return key ? t(locale, key) : field;
}

export function ratingLine(
  locale: Locale,
  rule: Extract<Rule, 'ratingAsked' | 'ratingReminder' | 'surveyOpen' | 'ratingLow'>,
  facts: Readonly<Record<string, string | number>>,
): string {
  switch (rule) {
    case 'ratingAsked':
      return t(locale, 'lineRatingAsked', facts);
    case 'ratingReminder':
      return t(locale, 'lineRatingReminder', facts);
    case 'surveyOpen':
      return t(locale, 'lineSurveyOpen', facts);
    case 'ratingLow': {
      const line = t(locale, 'lineRatingLow', { ...facts, dimension: scoreFieldName(locale, String(facts.lowest)) });
      const comment = String(facts.comment ?? '');
      return comment === ''
        ? line
        : `${line}${locale === 'en' ? '. ' : '。'}${t(locale, 'lineRatingComment', { comment })}`;
    }
  }
}
