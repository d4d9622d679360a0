/**
 * Sign-offs waiting for the active user (SPEC §2.9, §4): what is to be signed, with one-click Agree
 * or Return (a comment required to return), each decision sent once with its client token.
 */
import type { PendingSignOff, SidebarSetup } from '../src/contract';
import { byId, call, element, format, newToken } from './dom';

/** What the list needs of the page: its strings, and a refresh once a decision is saved. */
export interface SignOffPage {
  readonly text: SidebarSetup['text'];
  refresh(): Promise<void>;
}

export function renderSignOffs(pending: readonly PendingSignOff[], page: SignOffPage): void {
  const section = byId('signoffs');
  section.hidden = pending.length === 0;
  section.replaceChildren();
  if (pending.length === 0) return;
  section.append(
    element('h2', { text: page.text.sidebarSignOffsTitle }),
    ...pending.map((item) => signOffItem(item, page)),
  );
}

function signOffItem(item: PendingSignOff, page: SignOffPage): HTMLElement {
  const comment = element('textarea', { className: 'signoff-comment' });
  comment.rows = 2;
  comment.setAttribute('aria-label', page.text.sidebarComment);
  comment.placeholder = page.text.sidebarComment;
  const message = element('p', { className: 'message' });
  message.setAttribute('role', 'status');
  const button = (text: string, decision: 'agree' | 'return') => {
    const node = element('button', { text, className: `signoff-${decision}` });
    node.type = 'button';
    node.addEventListener('click', () => void decide(item, decision, { comment, message, button: node }, page));
    return node;
  };
  const lines = [
    element('p', { className: 'summary', text: `${item.subjectLabel} · ${item.ref} ${item.title}` }),
    element('p', { className: 'muted', text: item.requestedAt }),
    ...(item.onBehalfOf
      ? [element('p', { className: 'muted', text: format(page.text.sidebarOnBehalfOf, { signer: item.onBehalfOf }) })]
      : []),
    ...whatIsSigned(item, page.text),
  ];
  const agree = button(page.text.sidebarAgree, 'agree');
  agree.classList.add('primary');
  const returned = button(page.text.sidebarReturn, 'return');
  returned.classList.add('secondary');
  const actions = element('div', { className: 'actions' }, [agree, returned]);
  const node = element('div', { className: 'signoff' }, [...lines, comment, actions, message]);
  node.dataset.ref = item.ref;
  return node;
}

/** What the head signs (SPEC §4): the change's facts as a definition list, the split's tasks as a list. */
function whatIsSigned(item: PendingSignOff, text: SignOffPage['text']): HTMLElement[] {
  const nodes: HTMLElement[] = [];
  if (item.facts.length > 0) {
    nodes.push(
      element(
        'dl',
        { className: 'signoff-facts' },
        item.facts.flatMap((fact) => [element('dt', { text: fact.label }), element('dd', { text: fact.value })]),
      ),
    );
  }
  if (item.tasks.length > 0) {
    nodes.push(
      element('p', {
        className: 'signoff-tasks-title',
        text: format(text.sidebarSignOffTasks, { n: String(item.tasks.length) }),
      }),
      element(
        'ol',
        { className: 'signoff-tasks' },
        item.tasks.map((task) =>
          element('li', {}, [
            element('span', { className: 'task-name', text: task.name }),
            element('span', { className: 'muted', text: format(text.sidebarSignOffTaskLine, { ...task }) }),
            ...(task.deliverable
              ? [element('span', { text: format(text.sidebarSignOffStandardLine, { deliverable: task.deliverable }) })]
              : []),
          ]),
        ),
      ),
    );
  }
  return nodes;
}

/** Sign-off decisions sent and not answered yet, by item and decision: their client tokens. */
const decisionTokens = new Map<string, string>();

async function decide(
  item: PendingSignOff,
  decision: 'agree' | 'return',
  { comment, message, button }: { comment: HTMLTextAreaElement; message: HTMLElement; button: HTMLButtonElement },
  page: SignOffPage,
): Promise<void> {
  button.disabled = true;
  message.textContent = page.text.sidebarSubmitting;
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
      await page.refresh();
    }
  } catch (error) {
    message.textContent = format(page.text.sidebarServerError, {
      message: error instanceof Error ? error.message : String(error),
    });
    message.className = 'message error';
  } finally {
    button.disabled = false;
  }
}
