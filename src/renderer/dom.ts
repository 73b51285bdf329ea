// Element helpers. Data reaches the page only through textContent and attributes, never innerHTML.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, className?: string, text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function append(parent: HTMLElement, ...children: Array<HTMLElement | string | undefined>): HTMLElement {
  for (const c of children) {
    if (c === undefined) continue;
    parent.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return parent;
}
