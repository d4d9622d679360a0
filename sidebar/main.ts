/**
 * The sidebar page. Everything it shows comes from the server (strings in the workbook's language,
 * form fields, the selected task) and is set with textContent: user text is never parsed as HTML.
 */
import type {
  FieldSpec,
  FormPayload,
  FormSpec,
  PendingSignOff,
  SidebarServer,
  SidebarSetup,
  SidebarState,
  TaskCard,
} from '../src/contract';

/**
 * A sidebar gets no event when the selection moves, so it asks the server, often enough to feel
 * like following the row (the usual pattern: https://ramblings.mcpher.com/gassnippets2/pseudo-binding-in-html-service/).
 */
const POLL_MS = 3000;

/** One server call, typed by the contract: a renamed function or a wrong argument fails the type check. */
function call<K extends keyof SidebarServer>(
  name: K,
  ...args: Parameters<SidebarServer[K]>
): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value: ReturnType<SidebarServer[K]>) => resolve(value))
      .withFailureHandler((error: Error) => reject(error));
    // google.script.run's type is an open index; the contract above is what names the functions.
    const server = runner[name] as (...params: google.script.Parameter[]) => void;
    server.apply(runner, args as google.script.Parameter[]);
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; id?: string; text?: string } = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`sidebar.html lacks #${id}`);
  return node;
}

function format(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface FormView {
  readonly spec: FormSpec;
  readonly form: HTMLFormElement;
  readonly controls: Map<string, Control>;
  readonly errors: Map<string, HTMLElement>;
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
  renderSignOffs(state.signOffs);
  for (const view of views) {
    showTask(view);
    followCard(view);
  }
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
    task.history.map((line) => element('li', { text: format(setup.text.sidebarHistoryLine, { ...line }) })),
  );
  return [
    element('h2', { id: 'card-name', text: task.name }),
    list,
    element('h3', { text: setup.text.sidebarLatestProgress }),
    latest,
    ...(task.history.length > 0 ? [element('h3', { text: setup.text.sidebarHistory }), history] : []),
  ];
}

// ---- Sign-offs waiting for the user ----

function renderSignOffs(pending: readonly PendingSignOff[]): void {
  const section = byId('signoffs');
  section.hidden = pending.length === 0;
  section.replaceChildren();
  if (pending.length === 0) return;
  section.append(element('h2', { text: setup.text.sidebarSignOffsTitle }), ...pending.map(signOffItem));
}

function signOffItem(item: PendingSignOff): HTMLElement {
  const comment = element('textarea', { className: 'signoff-comment' });
  comment.rows = 2;
  comment.setAttribute('aria-label', setup.text.sidebarComment);
  comment.placeholder = setup.text.sidebarComment;
  const message = element('p', { className: 'message' });
  message.setAttribute('role', 'status');
  const button = (text: string, decision: 'agree' | 'return') => {
    const node = element('button', { text, className: `signoff-${decision}` });
    node.type = 'button';
    node.addEventListener('click', () => void decide(item, decision, comment, message, node));
    return node;
  };
  const lines = [
    element('p', { className: 'summary', text: `${item.subjectLabel} · ${item.ref} ${item.title}` }),
    element('p', { className: 'muted', text: item.requestedAt }),
    ...(item.onBehalfOf
      ? [element('p', { className: 'muted', text: format(setup.text.sidebarOnBehalfOf, { signer: item.onBehalfOf }) })]
      : []),
  ];
  const agree = button(setup.text.sidebarAgree, 'agree');
  const returned = button(setup.text.sidebarReturn, 'return');
  const node = element('div', { className: 'signoff' }, [...lines, comment, agree, returned, message]);
  node.dataset.ref = item.ref;
  return node;
}

/** Sign-off decisions sent and not answered yet, by item and decision: their client tokens. */
const decisionTokens = new Map<string, string>();

async function decide(
  item: PendingSignOff,
  decision: 'agree' | 'return',
  comment: HTMLTextAreaElement,
  message: HTMLElement,
  button: HTMLButtonElement,
): Promise<void> {
  button.disabled = true;
  message.textContent = setup.text.sidebarSubmitting;
  message.className = 'message busy';
  // One token per decision until the server answers: a retry after a lost answer writes nothing twice.
  const key = `${item.subject}\u0000${item.ref}\u0000${decision}`;
  const token = decisionTokens.get(key) ?? newToken();
  decisionTokens.set(key, token);
  try {
    const result = await call(
      'decideSignOff',
      { subject: item.subject, ref: item.ref, decision, comment: comment.value },
      token,
    );
    decisionTokens.delete(key);
    // A decided item leaves the list on the next refresh: its outcome stays below the list.
    message.textContent = result.ok ? '' : result.message;
    message.className = 'message error';
    if (result.ok) {
      byId('signoff-result').textContent = result.message;
      await refresh();
    }
  } catch (error) {
    message.textContent = format(setup.text.sidebarServerError, {
      message: error instanceof Error ? error.message : String(error),
    });
    message.className = 'message error';
  } finally {
    button.disabled = false;
  }
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
    node.type = fieldSpec.input === 'number' ? 'number' : fieldSpec.input === 'date' ? 'date' : 'text';
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
    view.controls.set(fieldSpec.key, input);
    view.errors.set(fieldSpec.key, error);
    form.append(element('div', { className: 'field' }, [label, input, error]));
  }
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

/** 128 random bits as hex: getRandomValues works where randomUUID (secure contexts only) may not. */
function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function showMessage(view: FormView, text: string, kind: 'ok' | 'error' | 'busy'): void {
  view.message.textContent = text;
  view.message.className = `message ${kind}`;
}

async function submit(view: FormView): Promise<void> {
  const payload: Record<string, string> = {};
  for (const [key, input] of view.controls) payload[key] = input.value;
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
        delete input.dataset.typed;
      }
      followCard(view);
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
}

start().catch((error: unknown) => {
  byId('hint').textContent = error instanceof Error ? error.message : String(error);
});
