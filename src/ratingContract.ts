/**
 * What the sidebar's rating card (SPEC §2.11) and the server exchange: plain JSON, importable by
 * both. The list is one "My work" section, so it can join the others there.
 */
import type { RatingKind } from './domain/enums';

/** One rating waiting for the active user. */
export interface RatingItem {
  /** A request ID, or a round's YYYY-Qn. */
  readonly ref: string;
  readonly kind: RatingKind;
  /** The department rated ('' for a request's rating). */
  readonly ratedDept: string;
  /** The request's title, or "2024-Q3 survey · rate 销售部". */
  readonly title: string;
  /** "Request XQ…" or "Quarterly survey". */
  readonly heading: string;
  /** When a round closes (yyyy-MM-dd HH:mm); '' for a request's rating. */
  readonly closes: string;
  /** The rater's name when the user rates for them as their delegate. */
  readonly onBehalfOf?: string;
  /** The 满意度 row the answer lands on, for My work's click (found again by ref if rows moved). */
  readonly row: number;
}

/** The "ratings waiting for me" section of My work. */
export interface RatingsSection {
  readonly kind: 'ratings';
  readonly title: string;
  readonly items: readonly RatingItem[];
}

/** The card's captions, in the workbook's language. */
export interface RatingCardText {
  readonly fields: Readonly<Record<'overall' | 'clarity' | 'flow' | 'communication' | 'comment', string>>;
  readonly scale: string;
  readonly submit: string;
  readonly closes: string;
  readonly onBehalfOf: string;
  /** "Could not reach the server ({message}); click again": the same click is sent once. */
  readonly serverError: string;
}

export interface RatingsView {
  readonly section: RatingsSection;
  readonly text: RatingCardText;
}

/** An answer from the card: each score a whole number 1–5, the comment optional. */
export interface RatingPayload {
  readonly ref: string;
  readonly ratedDept?: string;
  readonly overall: number | string;
  readonly clarity: number | string;
  readonly flow: number | string;
  readonly communication: number | string;
  readonly comment?: string;
}

export interface RatingServer {
  getMyRatings(): RatingsView;
  /** `token` names one submission: a retry writes nothing again and gets the first answer. */
  submitRating(payload: RatingPayload, token?: string): import('./contract').ActionResult;
}
