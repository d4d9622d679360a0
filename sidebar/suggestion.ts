/**
 * The suggestion on the selected row of Suggestions (SPEC §2.13): its facts, and for a coordinator
 * the decision (next status, owner from People, due, note) saved once per client token, with each
 * field's message beside it. Everything is set with textContent: the proposer's words stay text.
 */
import type { SidebarSetup, SuggestionCard, SuggestionDecisionPayload } from '../src/contract';
import { byId, call, element, format, newToken } from './dom';

export interface SuggestionPage {
  readonly text: SidebarSetup['text'];
  refresh(): Promise<void>;
}

type Field = Exclude<keyof SuggestionDecisionPayload, 'id'>;
const FIELDS: readonly Field[] = ['status', 'owner', 'due', 'decisionNote'];

/** What is on screen: redrawn only when the card changes, so a decision being typed survives the polls. */
let shown = '';
/** The decision being tried: kept for a retry after a failed call, new once the card or an input changes. */
let token: string | undefined;
/** The answer to the decision just saved, shown again once the refreshed card is drawn. */
let saved = '';

export function renderSuggestion(card: SuggestionCard | null, page: SuggestionPage): void {
  const key = JSON.stringify(card);
  if (key === shown) return;
  shown = key;
  token = undefined;
  const section = byId('suggestion');
  section.hidden = card === null;
  section.replaceChildren();
  if (!card) return;
  const facts = element(
    'dl',
    {},
    card.facts.flatMap((fact) => [element('dt', { text: fact.label }), element('dd', { text: fact.value })]),
  );
  section.append(element('h2', { id: 'suggestion-name', text: `${card.id} ${card.title}` }), facts);
  if (!card.decision) return;
  section.append(decisionForm(card, card.decision, page));
  if (saved === '') return;
  const message = byId('suggestion-message');
  message.textContent = saved;
  message.className = 'message ok';
  saved = '';
}

function decisionForm(
  card: SuggestionCard,
  decision: NonNullable<SuggestionCard['decision']>,
  page: SuggestionPage,
): HTMLFormElement {
  const form = element('form', { id: 'suggestion-decision' });
  form.noValidate = true;
  const controls = new Map<Field, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const errors = new Map<Field, HTMLElement>();
  for (const field of FIELDS) {
    const input = control(field, decision);
    input.id = `suggestion-${field}`;
    input.value = decision.values[field];
    input.addEventListener('input', () => (token = undefined));
    input.addEventListener('change', () => (token = undefined));
    const label = element('label', { text: decision.labels[field] });
    label.htmlFor = input.id;
    const error = element('p', { className: 'error', id: `${input.id}-error` });
    input.setAttribute('aria-describedby', error.id);
    controls.set(field, input);
    errors.set(field, error);
    form.append(element('div', { className: 'field' }, [label, input, error]));
  }
  const submit = element('button', { text: decision.labels.save });
  submit.type = 'submit';
  const message = element('p', { className: 'message', id: 'suggestion-message' });
  message.setAttribute('role', 'status');
  form.append(submit, message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const payload = { id: card.id } as Record<keyof SuggestionDecisionPayload, string>;
    for (const [field, input] of controls) payload[field] = input.value;
    void save(payload, { submit, message, controls, errors }, page);
  });
  return form;
}

function control(
  field: Field,
  decision: NonNullable<SuggestionCard['decision']>,
): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  if (field === 'decisionNote') {
    const area = element('textarea');
    area.rows = 2;
    return area;
  }
  if (field === 'status' || field === 'owner') {
    const choices = field === 'status' ? decision.statuses.map((option) => option.label) : ['', ...decision.people];
    // An owner typed on the sheet that People does not list stays selectable, so saving keeps it.
    if (field === 'owner' && !choices.includes(decision.values.owner)) choices.push(decision.values.owner);
    return element(
      'select',
      {},
      choices.map((choice) => {
        const option = element('option', { text: choice });
        option.value = choice;
        return option;
      }),
    );
  }
  const input = element('input');
  input.type = 'date';
  return input;
}

async function save(
  payload: SuggestionDecisionPayload,
  view: {
    submit: HTMLButtonElement;
    message: HTMLElement;
    controls: ReadonlyMap<Field, HTMLElement>;
    errors: ReadonlyMap<Field, HTMLElement>;
  },
  page: SuggestionPage,
): Promise<void> {
  view.submit.disabled = true;
  view.message.textContent = page.text.sidebarSubmitting;
  view.message.className = 'message busy';
  token ??= newToken();
  try {
    const result = await call('decideSuggestion', payload, token);
    token = undefined;
    const fieldErrors: Readonly<Record<string, string>> = result.ok ? {} : result.errors;
    for (const [field, error] of view.errors) error.textContent = fieldErrors[field] ?? '';
    for (const [field, input] of view.controls) input.setAttribute('aria-invalid', String(field in fieldErrors));
    // Field messages sit beside their fields; the line below says nothing was saved.
    view.message.textContent =
      result.ok || Object.keys(fieldErrors).length === 0 ? result.message : page.text.sidebarFixFields;
    view.message.className = `message ${result.ok ? 'ok' : 'error'}`;
    if (result.ok) {
      saved = result.message;
      await page.refresh();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    view.message.textContent = format(page.text.sidebarServerError, { message });
    view.message.className = 'message error';
  } finally {
    view.submit.disabled = false;
  }
}
