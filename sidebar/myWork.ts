/**
 * My work at the top of the sidebar (SPEC §4): one list per section the server built (my tasks
 * with their health, sign-offs and action items waiting for me), each item a button that selects
 * its row in the sheet, after which the card follows. A section kind the page does not know yet
 * renders like the others: the server decides what a section holds.
 */
import type { MyWork, MyWorkItem, SidebarSetup } from '../src/contract';
import { byId, call, element } from './dom';

export interface MyWorkPage {
  readonly text: SidebarSetup['text'];
  /** Redraws the card once the item's row is selected. */
  refresh(): Promise<void>;
}

let shown = '';

export async function loadMyWork(page: MyWorkPage): Promise<void> {
  try {
    renderMyWork(await call('getMyWork'), page);
  } catch {
    // My work is read again on the next focus or save; the card and forms work without it.
  }
}

function renderMyWork(work: MyWork, page: MyWorkPage): void {
  const drawn = JSON.stringify(work);
  if (drawn === shown) return;
  shown = drawn;
  const section = byId('mywork');
  section.replaceChildren(element('h2', { text: page.text.myWorkTitle }));
  if (work.sections.length === 0) section.append(element('p', { className: 'muted', text: page.text.myWorkNothing }));
  for (const part of work.sections) {
    const list = element(
      'ul',
      { className: 'mywork-items' },
      part.items.map((item) => element('li', {}, [itemButton(item, page)])),
    );
    const block = element('div', { className: 'mywork-section' }, [element('h3', { text: part.title }), list]);
    block.dataset.kind = part.kind;
    section.append(block);
  }
  section.append(element('p', { className: 'message error', id: 'mywork-message' }));
}

function itemButton(item: MyWorkItem, page: MyWorkPage): HTMLButtonElement {
  const badge = item.health
    ? [element('span', { className: `badge health-${item.healthCode || 'unknown'}`, text: item.health })]
    : [];
  const button = element('button', { className: 'mywork-item' }, [
    element('span', { className: 'mywork-title', text: item.title }),
    element('span', { className: 'mywork-detail muted' }, [document.createTextNode(item.detail), ...badge]),
  ]);
  button.type = 'button';
  button.addEventListener('click', () => void select(item, page));
  return button;
}

async function select(item: MyWorkItem, page: MyWorkPage): Promise<void> {
  const message = byId('mywork-message');
  message.textContent = '';
  try {
    const found = await call('selectMyWorkItem', item.target);
    if (!found) message.textContent = page.text.myWorkGone;
    await page.refresh();
  } catch (error) {
    message.textContent = error instanceof Error ? error.message : String(error);
  }
}
