/**
 * The sidebar page. Everything it shows comes from the server (strings in the workbook's language,
 * form fields, the selected task) and is set with textContent: user text is never parsed as HTML.
 */
import type { FieldSpec, FormPayload, FormSpec, SidebarSetup, SidebarState, TaskCard } from '../src/contract';
import { byId, call, element, format, newToken } from './dom';
import { similarCasesBlock } from './cases';
import { isOffered, refusalOf, showDependentFields, showRequired, type Control, type FormView } from './formStates';
import { loadMyWork } from './myWork';
import { renderRequestCard } from './requestCard';
import { refreshRatings } from './rating';
import { renderSignOffs } from './signOffs';
import { renderSuggestion } from './suggestion';

/**
 * A sidebar gets no event when the selection moves, so it asks the server, often enough to feel
 * like following the row (the usual pattern: https://ramblings.mcpher.com/gassnippets2/pseudo-binding-in-html-service/).
 */
const POLL_MS = 3000;

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
  hint.hidden = state.card !== null || state.hint === '';
  section.hidden = state.card === null;
  section.replaceChildren();
  if (state.card) section.append(...cardContent(state.card));
  renderSignOffs(state.signOffs, { text: setup.text, refresh });
  renderSuggestion(state.suggestion ?? null, { text: setup.text, refresh });
  renderRequestCard(state.request, setup);
  for (const view of views) {
    showTask(view);
    followCard(view);
    showDependentFields(view, card);
    showRequired(view, card, setup.text);
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
    ...similarCasesBlock(task.similarCases),
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
  } else if (fieldSpec.input === 'multi') {
    // The list as text, which the ticks (multiTicks) fill and anyone may still type into: a
    // participant from outside Departments and People is written as typed.
    node = element('input');
    node.type = 'text';
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

/** A list as typed: its items, split where the sheet splits a list cell. */
function listItems(text: string, splitAt: RegExp): string[] {
  return text
    .split(splitAt)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A list field's choices as ticks (departments, people): ticking one adds its value to the text
 * box `list`, unticking removes it, joined as the field's `list` says; typing in the box ticks
 * what it names.
 */
function multiTicks(fieldSpec: FieldSpec, list: Control): HTMLElement {
  const splitAt = new RegExp(fieldSpec.list?.splitAt ?? ',');
  const group = element('div', { className: 'ticks', id: `${list.id}-ticks` });
  group.setAttribute('role', 'group');
  group.setAttribute('aria-labelledby', `${list.id}-label`);
  const boxes = (fieldSpec.options ?? []).map((option) => {
    const box = element('input');
    box.type = 'checkbox';
    box.value = option.value;
    box.addEventListener('change', () => {
      const items = listItems(list.value, splitAt).filter((item) => item !== option.value);
      if (box.checked) items.push(option.value);
      list.value = items.join(fieldSpec.list?.join ?? ', ');
      list.dispatchEvent(new Event('input'));
      list.dispatchEvent(new Event('change'));
    });
    group.append(element('label', { className: 'tick' }, [box, element('span', { text: option.label })]));
    return box;
  });
  list.addEventListener('input', () => {
    const items = new Set(listItems(list.value, splitAt));
    for (const box of boxes) box.checked = items.has(box.value);
  });
  return group;
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
    requiredMarks: new Map(),
    refusal: element('p', { className: 'refusal', id: `form-${spec.key}-refusal` }),
    taskLine: element('p', { className: 'task-line' }),
    submit: element('button', { text: setup.text.sidebarSubmit }),
    message: element('p', { className: 'message', id: `form-${spec.key}-message` }),
    busy: false,
    token: undefined,
  };
  view.submit.type = 'submit';
  view.message.setAttribute('role', 'status');
  if (spec.forTask) form.append(view.taskLine);
  view.refusal.hidden = true;
  form.append(view.refusal);
  for (const fieldSpec of spec.fields) {
    const input = control(spec, fieldSpec);
    const label = element('label', { text: fieldSpec.label + (fieldSpec.required ? ' *' : '') });
    label.htmlFor = input.id;
    label.id = `${input.id}-label`;
    const hint = element('p', { className: 'hint', id: `${input.id}-hint` });
    if (fieldSpec.requiredWhen) {
      const mark = element('span', { className: 'required-mark', text: ' *' });
      label.append(mark);
      view.requiredMarks.set(fieldSpec.key, { mark, hint });
    }
    const error = element('p', { className: 'error', id: `${input.id}-error` });
    input.addEventListener('input', () => {
      input.dataset.typed = 'true';
      view.token = undefined;
      showRequired(view, card, setup.text);
    });
    // A change may show or hide a field that depends on this one (select and checkbox fire 'change').
    input.addEventListener('change', () => {
      view.token = undefined;
      showDependentFields(view, card);
    });
    view.controls.set(fieldSpec.key, input);
    view.errors.set(fieldSpec.key, error);
    // A checkbox reads as a sentence: the box first, its caption after it.
    const ticks = fieldSpec.input === 'multi' ? [multiTicks(fieldSpec, input)] : [];
    const block =
      fieldSpec.input === 'checkbox'
        ? element('div', { className: 'field check' }, [input, label, error])
        : element('div', { className: 'field' }, [
            label,
            ...(fieldSpec.requiredWhen ? [hint] : []),
            ...ticks,
            input,
            error,
          ]);
    view.blocks.set(fieldSpec.key, block);
    form.append(block);
  }
  showDependentFields(view, card);
  showRequired(view, card, setup.text);
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

function enableSubmit(view: FormView): void {
  const refusal = refusalOf(view, card);
  view.refusal.textContent = refusal ? format(setup.text.sidebarNotYours, { reason: refusal }) : '';
  view.refusal.hidden = refusal === '';
  view.submit.disabled = view.busy || (view.spec.forTask && card === null) || refusal !== '';
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
  byId('form-result').textContent = '';
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
        view.blocks
          .get(fieldSpec.key)
          ?.querySelectorAll<HTMLInputElement>('.ticks input')
          .forEach((tick) => (tick.checked = false));
        delete input.dataset.typed;
      }
      followCard(view);
      showDependentFields(view, card);
      showMessage(view, result.message, 'ok');
      await refresh();
      await loadMyWork(myWorkPage);
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

/**
 * Forms offered only in some states: one with offeredWhen shows while the card says so; one with
 * withdrawnUnless hides while a card says otherwise. A form withdrawn while open gives way to the
 * first form still offered.
 */
function offerForms(): void {
  const offered = (view: FormView): boolean => isOffered(view, card);
  for (const view of views) byId(`tab-${view.spec.key}`).hidden = !offered(view);
  const open = views.find((view) => !view.form.hidden);
  const fallback = views.find(offered);
  if (open && !offered(open) && fallback) {
    // A save that closes its own form (a Pass ends acceptance) keeps its answer on screen.
    byId('form-result').textContent = open.message.classList.contains('ok') ? (open.message.textContent ?? '') : '';
    selectForm(fallback.spec.key);
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

const myWorkPage = {
  get text() {
    return setup.text;
  },
  refresh,
};

async function start(): Promise<void> {
  const [loaded, state] = await Promise.all([call('getSidebarSetup'), call('getSidebarState')]);
  setup = loaded;
  document.documentElement.lang = setup.locale;
  byId('title').textContent = setup.title;
  renderForms();
  renderCard(state);
  await loadMyWork(myWorkPage);
  setInterval(() => void refresh(), POLL_MS);
  // My work and the ratings waiting change with what the user does elsewhere: read again when they come back, not every poll.
  window.addEventListener('focus', () => {
    void refresh();
    void loadMyWork(myWorkPage);
    void refreshRatings();
  });
  void refreshRatings();
}

start().catch((error: unknown) => {
  byId('hint').textContent = error instanceof Error ? error.message : String(error);
});
