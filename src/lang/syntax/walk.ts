// Generic traversal of the AST: a node's children are the node-valued properties
// (and arrays of nodes), in source order. Generic on purpose, so that node kinds
// added later are walked without touching this file.

import type * as N from './nodes';

function isNode(v: unknown): v is N.Node {
  return typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string'
    && typeof (v as { start?: unknown }).start === 'number';
}

export function children(node: N.Node): N.Node[] {
  const out: N.Node[] = [];
  for (const v of Object.values(node)) {
    if (Array.isArray(v)) { for (const x of v) if (isNode(x)) out.push(x); }
    else if (isNode(v)) out.push(v);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Depth-first, parents before children; return false from `visit` to skip a subtree. */
export function walk(node: N.Node, visit: (n: N.Node, parents: readonly N.Node[]) => boolean | void, parents: N.Node[] = []): void {
  if (visit(node, parents) === false) return;
  parents.push(node);
  for (const c of children(node)) walk(c, visit, parents);
  parents.pop();
}
