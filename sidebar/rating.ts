/**
 * "Ratings waiting for me" (SPEC §2.11, §4): a card per rating asked of the active user, overall
 * and the three dimensions each a choice of 1–5, an optional comment, sent once with its client
 * token; the server's field messages shown under their fields. Everything shown is text.
 */
import type { RatingItem, RatingPayload, RatingsView } from '../src/contract';
import { byId, call, element, format, newToken } from './dom';

const SCORES = ['overall', 'clarity', 'flow', 'communication'] as const;
type Score = (typeof SCORES)[number];

/** Loads and shows the list; called at start, when the page regains focus, and after a save. */
export async function refreshRatings(): Promise<void> {
  try {
    renderRatings(await call('getMyRatings'));
  } catch {
    // The list is not essential to the page: the next focus tries again.
  }
}

let shown = '';

function renderRatings(view: RatingsView): void {
  // Unchanged lists are left alone: redrawing would drop scores being chosen.
  const json = JSON.stringify(view);
  if (json === shown) return;
  shown = json;
  const section = byId('ratings');
  section.hidden = view.section.items.length === 0;
  section.replaceChildren();
  if (view.section.items.length === 0) return;
  section.append(
    element('h2', { text: view.section.title }),
    ...view.section.items.map((item) => ratingCard(item, view.text)),
  );
}

/** Ratings sent and not answered yet, by rating: their client tokens, so a retry writes nothing twice. */
const tokens = new Map<string, string>();

function ratingCard(item: RatingItem, text: RatingsView['text']): HTMLElement {
  const key = `${item.ref}\u0000${item.ratedDept}`;
  const errors = new Map<string, HTMLElement>();
  const errorLine = (field: string) => {
    const line = element('p', { className: 'message error field-error' });
    errors.set(field, line);
    return line;
  };
  const scoreGroups = SCORES.map((field) => {
    const legend = element('legend', { text: text.fields[field] });
    const choices = [1, 2, 3, 4, 5].map((n) => {
      const input = element('input');
      input.type = 'radio';
      input.name = `${key}\u0000${field}`;
      input.value = String(n);
      return element('label', { className: 'score' }, [input, document.createTextNode(String(n))]);
    });
    const group = element('fieldset', { className: 'rating-score' }, [
      legend,
      element('div', { className: 'choices' }, choices),
      errorLine(field),
    ]);
    group.dataset.field = field;
    // A score chosen answers its field's message.
    group.addEventListener('change', () => {
      const line = errors.get(field);
      if (line) line.textContent = '';
    });
    return group;
  });
  const comment = element('textarea', { className: 'rating-comment' });
  comment.rows = 2;
  comment.setAttribute('aria-label', text.fields.comment);
  comment.placeholder = text.fields.comment;
  const message = element('p', { className: 'message' });
  message.setAttribute('role', 'status');
  const submit = element('button', { className: 'primary', text: text.submit });
  submit.type = 'button';
  const node = element('div', { className: 'rating' }, [
    element('p', { className: 'summary', text: item.heading }),
    element('p', { className: 'rating-title', text: item.title }),
    ...(item.closes ? [element('p', { className: 'muted', text: format(text.closes, { closes: item.closes }) })] : []),
    ...(item.onBehalfOf
      ? [element('p', { className: 'muted', text: format(text.onBehalfOf, { person: item.onBehalfOf }) })]
      : []),
    element('p', { className: 'muted', text: text.scale }),
    ...scoreGroups,
    comment,
    errorLine('comment'),
    element('div', { className: 'actions' }, [submit]),
    message,
  ]);
  node.dataset.ref = item.ref;
  const chosen = (field: Score) =>
    node.querySelector<HTMLInputElement>(`fieldset[data-field="${field}"] input:checked`)?.value ?? '';
  submit.addEventListener('click', () => {
    const payload: RatingPayload = {
      ref: item.ref,
      ratedDept: item.ratedDept,
      overall: chosen('overall'),
      clarity: chosen('clarity'),
      flow: chosen('flow'),
      communication: chosen('communication'),
      comment: comment.value,
    };
    void save(key, payload, { submit, message, errors }, text);
  });
  return node;
}

async function save(
  key: string,
  payload: RatingPayload,
  view: { submit: HTMLButtonElement; message: HTMLElement; errors: Map<string, HTMLElement> },
  text: RatingsView['text'],
): Promise<void> {
  const { submit, message, errors } = view;
  submit.disabled = true;
  for (const line of errors.values()) line.textContent = '';
  message.textContent = '…';
  message.className = 'message busy';
  const token = tokens.get(key) ?? newToken();
  tokens.set(key, token);
  try {
    const result = await call('submitRating', payload, token);
    tokens.delete(key);
    const fields = result.ok ? {} : result.errors;
    for (const [field, line] of errors) line.textContent = fields[field] ?? '';
    // Field messages stand under their fields; the status line says only what no field says.
    message.textContent = Object.keys(fields).length > 0 ? '' : result.message;
    message.className = result.ok ? 'message ok' : 'message error';
    if (result.ok) {
      // The saved rating leaves the list; its thanks stay below it.
      byId('rating-result').textContent = result.message;
      await refreshRatings();
    }
  } catch (error) {
    message.textContent = format(text.serverError, { message: error instanceof Error ? error.message : String(error) });
    message.className = 'message error';
  } finally {
    submit.disabled = false;
  }
}
