/**
 * What the sidebar page builds on: its typed server call (google.script.run through the contract),
 * elements made with textContent only, and client tokens for submissions.
 */
import type { SidebarServer } from '../src/contract';

/** One server call, typed by the contract: a renamed function or a wrong argument fails the type check. */
export function call<K extends keyof SidebarServer>(
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

export function element<K extends keyof HTMLElementTagNameMap>(
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

export function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`sidebar.html lacks #${id}`);
  return node;
}

export function format(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** 128 random bits as hex: getRandomValues works where randomUUID (secure contexts only) may not. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
