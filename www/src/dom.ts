// A tiny element builder: enough to keep the screens declarative without a framework.

export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, unknown>;

/**
 * `h('button', { class: 'primary', onclick: save }, 'Save')`. Functions under `on…` become
 * listeners; `true` sets a boolean attribute; `false`/`null`/`undefined` leave it out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value as EventListener);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent`. */
export function mount(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A progress bar with its text, updated in place. */
export function progressBar(label: string): { element: HTMLElement; update(done: number, total: number): void } {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': label });
  const text = h('span', { class: 'progress-text' }, '');
  return {
    element: h('div', { class: 'progress' }, bar, text),
    update(done, total) {
      bar.max = Math.max(total, 1);
      bar.value = done;
      text.textContent = `${done} of ${total}`;
    },
  };
}

/** A notice box: `kind` is one of info, success, error. */
export function notice(kind: 'info' | 'success' | 'error', ...children: Child[]): HTMLElement {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}
