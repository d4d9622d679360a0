/**
 * The menus' dialogs (SPEC §4): a question whose buttons say what they do, or the split form's
 * task rows. Everything shown comes from the server's data element and is set with textContent.
 */
import type { ActionResult, SplitTaskPayload } from '../src/contract';
import type {
  ChoiceDialog,
  DialogButton,
  DialogData,
  DialogServer,
  DialogText,
  SplitColumn,
  SplitDialog,
} from '../src/dialogContract';
import { byId, element, newToken } from './dom';

/** One server call, typed by the dialog contract. */
function call<K extends keyof DialogServer>(name: K, ...args: Parameters<DialogServer[K]>): Promise<ActionResult> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value: ActionResult) => resolve(value))
      .withFailureHandler((error: Error) => reject(error));
    const server = runner[name] as (...params: google.script.Parameter[]) => void;
    server.apply(runner, args as google.script.Parameter[]);
  });
}

type Control = HTMLTextAreaElement | HTMLSelectElement | HTMLInputElement;

/** The dialog's message line, its buttons, and how a server answer is shown on them. */
class Outcome {
  readonly message = element('div', { className: 'message', id: 'message' });
  readonly actions = element('div', { className: 'actions' });

  constructor(private readonly text: DialogText) {}

  busy(): void {
    this.setButtons(false);
    this.show('busy', this.text.working);
  }

  /** True when saved: the buttons give way to Close, so nothing is sent twice. */
  settle(result: ActionResult, errors: Map<string, HTMLElement>, controls: Map<string, Control>): boolean {
    for (const [key, node] of errors) {
      node.textContent = result.ok ? '' : (result.errors[key] ?? '');
      controls.get(key)?.setAttribute('aria-invalid', String(!result.ok && key in result.errors));
    }
    this.show(result.ok ? 'ok' : 'error', result.message);
    if (result.ok) this.actions.replaceChildren(closeButton(this.text.close, true));
    else this.setButtons(true);
    return result.ok;
  }

  fail(error: unknown): void {
    this.show('error', `${this.text.failed}${error instanceof Error ? error.message : String(error)}`);
    this.setButtons(true);
  }

  private show(kind: string, text: string): void {
    this.message.className = `message ${kind}`;
    this.message.textContent = text;
  }

  private setButtons(enabled: boolean): void {
    this.actions.querySelectorAll('button').forEach((button) => (button.disabled = !enabled));
  }
}

function closeButton(label: string, primary = false): HTMLButtonElement {
  const button = element('button', { text: label, ...(primary ? { className: 'primary' } : {}) });
  button.type = 'button';
  button.addEventListener('click', () => google.script.host.close());
  return button;
}

function select(options: readonly { value: string; label: string }[], value = ''): HTMLSelectElement {
  const node = element('select');
  for (const option of options) node.append(new Option(option.label, option.value));
  node.value = value;
  return node;
}

function renderChoice(dialog: ChoiceDialog): Node[] {
  const outcome = new Outcome(dialog.text);
  const controls = new Map<string, Control>();
  const errors = new Map<string, HTMLElement>();
  const fields = dialog.fields.map((field) => {
    const control = field.input === 'select' ? select(field.options ?? []) : element('textarea');
    control.id = `field-${field.key}`;
    control.value = field.initial ?? '';
    controls.set(field.errorKey ?? field.key, control);
    const error = element('div', { className: 'error' });
    errors.set(field.errorKey ?? field.key, error);
    const label = element('label', { text: field.label });
    label.htmlFor = control.id;
    return element('div', {}, [label, control, error]);
  });
  // A token per button: a retry after a lost answer gets the first answer, a different answer is its own save.
  const tokens = new Map<DialogButton, string>();
  const press = async (button: DialogButton) => {
    const target = button.call;
    if (!target) return google.script.host.close();
    const values = Object.fromEntries(
      dialog.fields.map((field) => [field.key, controls.get(field.errorKey ?? field.key)!.value]),
    );
    outcome.busy();
    try {
      const token = tokens.get(button) ?? newToken();
      tokens.set(button, token);
      const result =
        target.name === 'setupWorkbookIn'
          ? await call(target.name, target.payload)
          : target.name === 'submitSplitForSignOff'
            ? await call(target.name, target.payload, token)
            : await call(target.name, { ...target.payload, ...values }, token);
      outcome.settle(result, errors, controls);
    } catch (error) {
      outcome.fail(error);
    }
  };
  for (const button of dialog.buttons) {
    const node = element('button', { text: button.label, ...(button.primary ? { className: 'primary' } : {}) });
    node.type = 'button';
    node.addEventListener('click', () => void press(button));
    outcome.actions.append(node);
  }
  return [element('p', { className: 'question', text: dialog.message }), ...fields, outcome.actions, outcome.message];
}

const SPLIT_COLUMNS: readonly SplitColumn[] = ['name', 'dept', 'owner', 'start', 'due', 'deliverable'];

function renderSplit(dialog: SplitDialog): Node[] {
  const outcome = new Outcome(dialog.text);
  const list = element('div', { id: 'tasks' });
  let rows: Map<SplitColumn, Control>[] = [];
  let token = newToken();
  const errors = new Map<string, HTMLElement>();
  const controls = new Map<string, Control>();
  const choose = { value: '', label: dialog.labels.choose };

  const peopleOf = (dept: string) => [
    choose,
    ...(dialog.departments.find((d) => d.name === dept)?.people ??
      dialog.departments
        .flatMap((d) => d.people)
        .filter((p, i, all) => all.findIndex((q) => q.value === p.value) === i)),
  ];

  /** Draws the rows again after one is added or removed, keeping what was typed and the keys errors come back on. */
  const redraw = () => {
    errors.clear();
    controls.clear();
    list.replaceChildren(
      ...rows.map((row, i) => {
        const remove = element('button', { className: 'link', text: dialog.labels.removeTask });
        remove.type = 'button';
        remove.addEventListener('click', () => {
          rows = rows.filter((other) => other !== row);
          token = newToken();
          redraw();
        });
        const head = element('div', { className: 'task-head' }, [
          element('span', { text: dialog.labels.task.replace('{n}', String(i + 1)) }),
          remove,
        ]);
        const cells = SPLIT_COLUMNS.map((column) => {
          const control = row.get(column)!;
          control.id = `task-${i}-${column}`;
          controls.set(`${i}.${column}`, control);
          const error = element('div', { className: 'error' });
          errors.set(`${i}.${column}`, error);
          const label = element('label', { text: dialog.columns[column] });
          label.htmlFor = control.id;
          return element('div', column === 'name' || column === 'deliverable' ? { className: 'wide' } : {}, [
            label,
            control,
            error,
          ]);
        });
        return element('div', { className: 'task' }, [head, element('div', { className: 'task-grid' }, cells)]);
      }),
    );
  };

  const addRow = () => {
    const dept = select([choose, ...dialog.departments.map((d) => ({ value: d.name, label: d.name }))], dialog.lead);
    const owner = select(peopleOf(dept.value));
    dept.addEventListener('change', () =>
      owner.replaceChildren(...peopleOf(dept.value).map((p) => new Option(p.label, p.value))),
    );
    const [start, due] = [element('input'), element('input')];
    start.type = 'date';
    due.type = 'date';
    const row = new Map<SplitColumn, Control>([
      ['name', element('input')],
      ['dept', dept],
      ['owner', owner],
      ['start', start],
      ['due', due],
      ['deliverable', element('textarea')],
    ]);
    rows.push(row);
    token = newToken();
    redraw();
    row.get('name')!.focus();
  };

  const submit = async () => {
    const tasks: SplitTaskPayload[] = rows.map((row) =>
      Object.fromEntries(SPLIT_COLUMNS.map((column) => [column, row.get(column)!.value])),
    );
    outcome.busy();
    try {
      const result =
        tasks.length === 0
          ? await call('submitSplitForSignOff', { requestId: dialog.requestId }, token)
          : await call('splitRequest', { requestId: dialog.requestId, tasks }, token);
      if (outcome.settle(result, errors, controls)) list.querySelectorAll('button').forEach((b) => (b.disabled = true));
    } catch (error) {
      outcome.fail(error);
    }
  };

  list.addEventListener('input', () => (token = newToken()));
  const add = element('button', { text: dialog.labels.addTask, id: 'add-task' });
  add.type = 'button';
  add.addEventListener('click', addRow);
  const send = element('button', { text: dialog.labels.submit, className: 'primary', id: 'submit' });
  send.type = 'button';
  send.addEventListener('click', () => void submit());
  outcome.actions.append(send, add, closeButton(dialog.labels.cancel));
  if (dialog.existing.length === 0) addRow();
  const existing =
    dialog.existing.length === 0
      ? []
      : [
          element(
            'ul',
            { className: 'existing' },
            dialog.existing.map((line) => element('li', { text: line })),
          ),
        ];
  return [
    element('p', { className: 'question', text: dialog.intro }),
    ...existing,
    list,
    outcome.actions,
    outcome.message,
  ];
}

const data = JSON.parse(byId('dialog-data').textContent ?? '{}') as DialogData;
byId('dialog').replaceChildren(...(data.kind === 'split' ? renderSplit(data) : renderChoice(data)));
