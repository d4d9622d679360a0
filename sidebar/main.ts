/**
 * The sidebar page. Everything it shows comes from the server (strings in the workbook's language,
 * form fields, the selected task) and is set with textContent: user text is never parsed as HTML.
 */
import type { FieldSpec, FormPayload, FormSpec, SidebarSetup, SidebarState, TaskCard } from '../src/contract';
import { byId, call, element, format, newToken } from './dom';
import { refreshRatings } from './rating';
import { renderSignOffs } from './signOffs';

/**
 * A sidebar gets no event when the selection moves, so it asks the server, often enough to feel
 * like following the row (the usual pattern: https://ramblings.mcpher.com/gassnippets2/pseudo-binding-in-html-service/).
 */
const POLL_MS = 3000;

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface FormView {
  readonly spec: FormSpec;
  readonly form: HTMLFormElement;
  readonly controls: Map<string, Control>;
  readonly errors: Map<string, HTMLElement>;
  /** Each field's block (caption, input, error), for fields shown only in some states. */
  readonly blocks: Map<string, HTMLElement>;
  readonly taskLine: HTMLElement;
  readonly submit: HTMLButtonElement;
  readonly message: HTMLElement;
  /** A submission is on its way: the button stays off even if the card changes meanwhile. */
  busy: boolean;
  /** The submission being tried: kept for a retry after a failed call, new once the form changes. */
  token: string | undefined;
}

let setup: SidebarSetup;
let card: TaskCard | null = null;
let shownState = '';
const views: FormView[] = [];

// ---- The task card ----

function renderCard(state: SidebarState): void {
  // Polls usually bring the same card; redrawing it would drop a selection the user made in it.
  const shown = JSON.stringify(state);
  if (shown === shownState) return;
  shownState = shown;
  card = state.card;
  const hint = byId('hint');
  const section = byId('card');
  hint.textContent = state.card ? '' : state.hint;
  hint.hidden = state.card !== null;
  section.hidden = state.card === null;
  section.replaceChildren();
  if (state.card) section.append(...cardContent(state.card));
  renderSignOffs(state.signOffs, { text: setup.text, refresh });
  for (const view of views) {
    showTask(view);
    followCard(view);
    showDependentFields(view);
  }
  offerForms();
}

function cardContent(task: TaskCard): Node[] {
  const labels = setup.cardLabels;
  const health = task.health
    ? element('span', { className: `badge health-${task.healthCode || 'unknown'}`, text: task.health })
    : null;
  const rows: [string, string | Node | null][] = [
    [labels.id, task.id],
    [labels.owner, task.owner],
    [labels.dept, task.dept],
    [labels.due, task.due],
    [labels.status, task.status],
    [labels.health, health],
    [labels.pct, task.pct],
    [labels.deliverable, task.deliverable],
  ];
  const list = element('dl');
  for (const [label, value] of rows) {
    if (value === null) continue;
    // A blank cell shows as a dash, so a missing due date or owner stands out.
    const cell = typeof value === 'string' ? element('dd', { text: value || '—' }) : element('dd', {}, [value]);
    list.append(element('dt', { text: label }), cell);
  }
  const latest = task.latest
    ? element('div', { className: 'latest' }, [
        element('p', { className: 'summary', text: task.latest.summary }),
        element('p', {
          className: 'muted',
          text: [task.latest.pct, task.latest.updatedAt, task.latest.updatedBy].filter(Boolean).join(' · '),
        }),
      ])
    : element('p', { className: 'muted', text: setup.text.sidebarNoProgress });
  const history = element(
    'ul',
    { className: 'history', id: 'card-history' },
    task.history.map((line) => element('li', { text: `${line.time} ${line.sentence}` })),
  );
  // 催办: offered only to those who may nudge (the server checks again).
  const nudge = task.mayNudge ? element('button', { id: 'card-nudge', text: setup.text.sidebarNudgeButton }) : null;
  if (nudge) {
    nudge.type = 'button';
    nudge.addEventListener('click', () => {
      selectForm('nudge');
      views
        .find((view) => view.spec.key === 'nudge')
        ?.controls.get('words')
        ?.focus();
    });
  }
  return [
    element('h2', { id: 'card-name', text: task.name }),
    list,
    ...(nudge ? [nudge] : []),
    element('h3', { text: setup.text.sidebarLatestProgress }),
    latest,
    ...(task.history.length > 0 ? [element('h3', { text: setup.text.sidebarHistory }), history] : []),
  ];
}

async function refresh(): Promise<void> {
  if (refreshing || document.hidden) return;
  refreshing = true;
  try {
    renderCard(await call('getSidebarState'));
  } catch {
    // The next poll tries again; a failed poll must not disturb a form being typed.
  } finally {
    refreshing = false;
  }
}
let refreshing = false;

// ---- Forms ----

function control(spec: FormSpec, fieldSpec: FieldSpec): Control {
  const id = `${spec.key}-${fieldSpec.key}`;
  let node: Control;
  if (fieldSpec.input === 'textarea') {
    node = element('textarea');
    node.rows = 2;
  } else if (fieldSpec.input === 'select') {
    node = element('select', {}, [
      element('option', { text: '' }),
      ...(fieldSpec.options ?? []).map((option) => {
        const item = element('option', { text: option.label });
        item.value = option.value;
        return item;
      }),
    ]);
  } else {
    node = element('input');
    const types = { number: 'number', date: 'date', checkbox: 'checkbox' } as const;
    node.type = types[fieldSpec.input as keyof typeof types] ?? 'text';
  }
  node.id = id;
  node.name = fieldSpec.key;
  node.value = fieldSpec.initial ?? '';
  node.setAttribute('aria-describedby', `${id}-error`);
  return node;
}

function buildForm(spec: FormSpec): FormView {
  const form = element('form', { id: `form-${spec.key}`, className: 'panel' });
  // The server judges every field, so its messages show instead of the browser's.
  form.noValidate = true;
  form.hidden = true;
  const view: FormView = {
    spec,
    form,
    controls: new Map(),
    errors: new Map(),
    blocks: new Map(),
    taskLine: element('p', { className: 'task-line' }),
    submit: element('button', { text: setup.text.sidebarSubmit }),
    message: element('p', { className: 'message', id: `form-${spec.key}-message` }),
    busy: false,
    token: undefined,
  };
  view.submit.type = 'submit';
  view.message.setAttribute('role', 'status');
  if (spec.forTask) form.append(view.taskLine);
  for (const fieldSpec of spec.fields) {
    const input = control(spec, fieldSpec);
    const label = element('label', { text: fieldSpec.label + (fieldSpec.required ? ' *' : '') });
    label.htmlFor = input.id;
    const error = element('p', { className: 'error', id: `${input.id}-error` });
    input.addEventListener('input', () => {
      input.dataset.typed = 'true';
      view.token = undefined;
    });
    // A change may show or hide a field that depends on this one (select and checkbox fire 'change').
    input.addEventListener('change', () => {
      view.token = undefined;
      showDependentFields(view);
    });
    view.controls.set(fieldSpec.key, input);
    view.errors.set(fieldSpec.key, error);
    // A checkbox reads as a sentence: the box first, its caption after it.
    const block =
      fieldSpec.input === 'checkbox'
        ? element('div', { className: 'field check' }, [input, label, error])
        : element('div', { className: 'field' }, [label, input, error]);
    view.blocks.set(fieldSpec.key, block);
    form.append(block);
  }
  showDependentFields(view);
  form.append(view.submit, view.message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(view);
  });
  return view;
}

function showTask(view: FormView): void {
  if (!view.spec.forTask) return;
  view.taskLine.textContent = card
    ? format(setup.text.sidebarForTask, { id: card.id, name: card.name })
    : setup.text.sidebarNeedsTask;
  view.taskLine.classList.toggle('warning', card === null);
  enableSubmit(view);
}

/**
 * Fields shown only in some states (shownWhen): the confirmation to record Pass on a task not
 * 待验收 shows while Pass is chosen and the card says this user must confirm it. A hidden box is
 * unticked, so a confirmation never travels for a task or result it was not given for.
 */
function showDependentFields(view: FormView): void {
  for (const fieldSpec of view.spec.fields) {
    const when = fieldSpec.shownWhen;
    const block = view.blocks.get(fieldSpec.key);
    const input = view.controls.get(fieldSpec.key);
    if (!when || !block || !input) continue;
    const shown = card?.[when.card] === true && view.controls.get(when.field)?.value === when.value;
    block.hidden = !shown;
    if (!shown && input instanceof HTMLInputElement) input.checked = false;
  }
}

function enableSubmit(view: FormView): void {
  view.submit.disabled = view.busy || (view.spec.forTask && card === null);
}

/** Fields that name the selected task keep up with it until the user types their own value. */
function followCard(view: FormView): void {
  for (const fieldSpec of view.spec.fields) {
    const input = view.controls.get(fieldSpec.key);
    if (fieldSpec.followsCard && input && input.dataset.typed !== 'true') input.value = card?.id ?? '';
  }
}

function showErrors(view: FormView, errors: Readonly<Record<string, string>>): string[] {
  const unplaced: string[] = [];
  for (const [key, error] of view.errors) error.textContent = errors[key] ?? '';
  for (const [key, input] of view.controls) input.setAttribute('aria-invalid', String(key in errors));
  for (const [key, text] of Object.entries(errors)) if (!view.errors.has(key)) unplaced.push(text);
  return unplaced;
}

function showMessage(view: FormView, text: string, kind: 'ok' | 'error' | 'busy'): void {
  view.message.textContent = text;
  view.message.className = `message ${kind}`;
}

async function submit(view: FormView): Promise<void> {
  const payload: Record<string, string> = {};
  for (const [key, input] of view.controls)
    payload[key] = input instanceof HTMLInputElement && input.type === 'checkbox' ? String(input.checked) : input.value;
  if (view.spec.forTask) {
    if (!card) return;
    payload.task = card.id;
  }
  view.busy = true;
  enableSubmit(view);
  showMessage(view, setup.text.sidebarSubmitting, 'busy');
  view.token ??= newToken();
  try {
    const result = await call('submitSidebarForm', view.spec.key, payload as FormPayload, view.token);
    // The server answered: whatever is sent next is a new submission.
    view.token = undefined;
    if (result.ok) {
      showErrors(view, {});
      for (const fieldSpec of view.spec.fields) {
        const input = view.controls.get(fieldSpec.key);
        if (!input) continue;
        input.value = fieldSpec.initial ?? '';
        if (input instanceof HTMLInputElement) input.checked = false;
        delete input.dataset.typed;
      }
      followCard(view);
      showDependentFields(view);
      showMessage(view, result.message, 'ok');
      await refresh();
    } else {
      // Field errors sit next to their fields; the message only repeats those that have no field.
      const unplaced = showErrors(view, result.errors);
      const placedAny = Object.keys(result.errors).length > unplaced.length;
      const lines = Object.keys(result.errors).length === 0 ? [result.message] : unplaced;
      showMessage(view, [...(placedAny ? [setup.text.sidebarFixFields] : []), ...lines].join(' '), 'error');
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    showMessage(view, format(setup.text.sidebarServerError, { message }), 'error');
  } finally {
    view.busy = false;
    enableSubmit(view);
  }
}

/** Forms offered only in some states (offeredWhen): their tab shows while the card says so; one shown without it gives way to the first form. */
function offerForms(): void {
  for (const view of views) {
    const flag = view.spec.offeredWhen;
    if (!flag) continue;
    const offered = card?.[flag] === true;
    const tab = byId(`tab-${view.spec.key}`);
    tab.hidden = !offered;
    if (!offered && !view.form.hidden && views[0]) selectForm(views[0].spec.key);
  }
}

function selectForm(key: string): void {
  for (const view of views) view.form.hidden = view.spec.key !== key;
  byId('tabs')
    .querySelectorAll('button')
    .forEach((tab) => tab.setAttribute('aria-selected', String(tab.dataset.form === key)));
}

function renderForms(): void {
  const tabs = byId('tabs');
  const panels = byId('forms');
  for (const spec of setup.forms) {
    const view = buildForm(spec);
    views.push(view);
    const tab = element('button', { text: spec.title, id: `tab-${spec.key}` });
    tab.type = 'button';
    tab.dataset.form = spec.key;
    tab.setAttribute('role', 'tab');
    tab.addEventListener('click', () => selectForm(spec.key));
    tabs.append(tab);
    panels.append(view.form);
  }
  // "New request" in the menu opens the page on that form; otherwise the first one.
  const asked = document.querySelector('meta[name="collab-desk-first-form"]')?.getAttribute('content');
  const first = setup.forms.find((spec) => spec.key === asked) ?? setup.forms[0];
  if (first) selectForm(first.key);
  offerForms();
}

async function start(): Promise<void> {
  const [loaded, state] = await Promise.all([call('getSidebarSetup'), call('getSidebarState')]);
  setup = loaded;
  document.documentElement.lang = setup.locale;
  byId('title').textContent = setup.title;
  renderForms();
  renderCard(state);
  setInterval(() => void refresh(), POLL_MS);
  window.addEventListener('focus', () => void refresh());
  void refreshRatings();
  window.addEventListener('focus', () => void refreshRatings());
}

start().catch((error: unknown) => {
  byId('hint').textContent = error instanceof Error ? error.message : String(error);
});
