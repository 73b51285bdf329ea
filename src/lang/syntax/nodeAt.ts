// The node under the cursor, and its parents (outermost first). Hover and completion
// are built on this one helper instead of each walking the tree.

import type * as N from './nodes';
import { children } from './walk';

export interface NodeAt { node: N.Node; parents: N.Node[] }

/**
 * The innermost node whose range contains `offset` (start <= offset <= end: the cursor
 * right after `torch.` still belongs to the Attribute). Among touching siblings the
 * later one wins, so `x|.` finds `x` and `.|attr` finds the attribute.
 */
export function nodeAt(root: N.Node, offset: number): NodeAt {
  const parents: N.Node[] = [];
  let node: N.Node = root;
  for (;;) {
    let next: N.Node | undefined;
    for (const c of children(node)) {
      if (c.start <= offset && offset <= c.end) next = c;
      else if (c.start > offset) break;
    }
    if (!next) return { node, parents };
    parents.push(node);
    node = next;
  }
}
