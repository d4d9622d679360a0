/**
 * What the sidebar (google.script.run) may ask of the workflow beyond its forms: review a
 * request and split one into tasks. Payloads are untrusted: their shape is checked with zod,
 * their content by the workflow rules, and only a coordinator may do either.
 */
// The namespace import lets esbuild keep only what is used of zod.
import * as z from 'zod/mini';
import { CELL_MAX_CHARS } from '../domain/values';
import { submissionToken } from '../gas/submissions';
import { reviewRequestById } from './requests';
import { decideSignOff } from './signOffDecisions';
import { splitRequest } from './tasks';
import { requireCoordinator, type Workbook } from './workbook';
import { formAction } from './operation';
import type { ActionResult, ReviewPayload, SignOffPayload, SplitPayload, SplitTaskPayload } from '../contract';

const text = z.optional(z.string().check(z.maxLength(CELL_MAX_CHARS)));

// Each schema is typed by the contract's payload, so the two cannot drift apart.
const reviewPayload: z.ZodMiniType<ReviewPayload> = z.object({
  id: z.string().check(z.minLength(1)),
  decision: z.enum(['approve', 'return', 'reject']),
  notes: text,
  lead: text,
  coordinator: text,
});

const taskPayload: z.ZodMiniType<SplitTaskPayload> = z.object({
  name: text,
  description: text,
  dept: text,
  owner: text,
  assisting: text,
  start: text,
  due: text,
  deliverable: text,
  resources: text,
  risk: text,
  dependsOn: text,
  notes: text,
});

const signOffPayload: z.ZodMiniType<SignOffPayload> = z.object({
  subject: z.enum(['split', 'change', 'acceptance']),
  ref: z.string().check(z.minLength(1), z.maxLength(200)),
  decision: z.enum(['agree', 'return']),
  comment: text,
});

const splitPayload: z.ZodMiniType<SplitPayload> = z.object({
  requestId: z.string().check(z.minLength(1)),
  tasks: z.array(taskPayload).check(z.minLength(1), z.maxLength(50)),
});

function malformed(wb: Workbook, issues: readonly { path: readonly PropertyKey[] }[]): ActionResult {
  const errors = Object.fromEntries(issues.map((issue) => [issue.path.map(String).join('.'), wb.text('wbBadValue')]));
  return { ok: false, message: wb.text('wbBadPayload'), errors };
}

/** `token`, as for sidebar forms: a retry of a review whose answer was lost writes nothing again. */
export function reviewRequestFromSidebar(payload: unknown, now: Date, token?: unknown): ActionResult {
  return formAction(
    now,
    (wb) => {
      requireCoordinator(wb);
      const parsed = reviewPayload.safeParse(payload);
      if (!parsed.success) return malformed(wb, parsed.error.issues);
      const { id, decision, notes = '', lead, coordinator } = parsed.data;
      return reviewRequestById(wb, id, {
        decision,
        notes,
        ...(lead === undefined ? {} : { lead }),
        ...(coordinator === undefined ? {} : { coordinator }),
      });
    },
    submissionToken(token),
  );
}

/** Field errors come back keyed "index.field", e.g. "1.owner" for the second task's owner. */
export function splitRequestFromSidebar(payload: unknown, now: Date, token?: unknown): ActionResult {
  return formAction(
    now,
    (wb) => {
      requireCoordinator(wb);
      const parsed = splitPayload.safeParse(payload);
      if (!parsed.success) return malformed(wb, parsed.error.issues);
      return splitRequest(wb, parsed.data.requestId, parsed.data.tasks);
    },
    submissionToken(token),
  );
}

/** Anyone may call it; only what waits for them (as signer or delegate) can be decided. */
export function decideSignOffFromSidebar(payload: unknown, now: Date, token?: unknown): ActionResult {
  return formAction(
    now,
    (wb) => {
      const parsed = signOffPayload.safeParse(payload);
      if (!parsed.success) return malformed(wb, parsed.error.issues);
      const { subject, ref, decision, comment = '' } = parsed.data;
      return decideSignOff(wb, { subject, ref, decision, comment });
    },
    submissionToken(token),
  );
}
