/**
 * The selected request's card (SPEC §4): status, what it waits for, its tasks with their health
 * and its split's sign-offs, every value set as text.
 */
import type { RequestCard, SidebarSetup } from '../src/contract';
import { byId, element, format } from './dom';

export function renderRequestCard(request: RequestCard | null, setup: SidebarSetup): void {
  const section = byId('request-card');
  section.hidden = request === null;
  section.replaceChildren();
  if (!request) return;
  const labels = setup.requestLabels;
  const text = setup.text;
  const facts = element(
    'dl',
    {},
    (
      [
        [labels.id, request.id],
        [labels.status, request.status],
        [labels.dept, request.dept],
        [labels.requester, request.requester],
        [labels.due, request.due],
      ] as const
    ).flatMap(([label, value]) => [element('dt', { text: label }), element('dd', { text: value || '—' })]),
  );
  const waits = request.waitingFor
    ? [
        element('p', {
          className: 'waiting',
          id: 'request-waiting',
          text: format(text.requestCardWaits, { what: request.waitingFor }),
        }),
      ]
    : [];
  const tasks =
    request.tasks.length === 0
      ? [element('p', { className: 'muted', text: text.requestCardNoTasks })]
      : [
          element('h3', { text: format(text.requestCardTasks, { n: String(request.tasks.length) }) }),
          element(
            'ol',
            { className: 'request-tasks' },
            request.tasks.map((task) =>
              element('li', {}, [
                element('span', { className: 'task-name', text: task.name }),
                element('span', { className: 'muted', text: format(text.requestCardTaskLine, { ...task }) }),
                element('span', {}, [
                  element('span', { text: task.status }),
                  ...(task.health
                    ? [
                        element('span', {
                          className: `badge health-${task.healthCode || 'unknown'}`,
                          text: task.health,
                        }),
                      ]
                    : []),
                ]),
              ]),
            ),
          ),
        ];
  const signOffs =
    request.signOffs.length === 0
      ? []
      : [
          element('h3', { text: text.requestCardSignOffs }),
          element(
            'ul',
            { className: 'request-signoffs' },
            request.signOffs.map((row) => element('li', { text: `${row.signer} · ${row.decision}` })),
          ),
        ];
  section.append(
    element('h2', { id: 'request-title', text: request.title || request.id }),
    facts,
    ...waits,
    ...tasks,
    ...signOffs,
  );
}
