// The names a cell binds anywhere (any scope): the checker reports `NameError` only for
// a name no cell binds at all, since cells may run in any order and functions read
// globals when called, not when defined.

import type * as N from '../syntax/nodes';
import { walk } from '../syntax/walk';

export function collectBoundNames(module: N.Module, into: Set<string>): { starImport: boolean } {
  let starImport = false;
  const target = (t: N.Expr | null | undefined): void => {
    if (!t) return;
    if (t.kind === 'Name') into.add(t.id);
    else if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach(target);
    else if (t.kind === 'Starred') target(t.value);
  };
  walk(module, (n) => {
    switch (n.kind) {
      case 'Assign': n.targets.forEach(target); break;
      case 'AugAssign': case 'AnnAssign': target(n.target); break;
      case 'For': case 'Comprehension': target(n.target); break;
      case 'NamedExpr': target(n.target); break;
      case 'With': (n.vars ?? []).forEach(target); break;
      case 'FunctionDef': case 'ClassDef': into.add(n.name.name); break;
      case 'Param': into.add(n.name.name); break;
      case 'ExceptHandler': if (n.name) into.add(n.name.name); break;
      case 'Global': n.names.forEach((i) => into.add(i.name)); break;
      case 'Import': for (const a of n.names) into.add(a.asname?.name ?? a.name.split('.')[0]); break;
      case 'ImportFrom':
        for (const a of n.names) {
          if (a.name === '*') starImport = true;
          else into.add(a.asname?.name ?? a.name);
        }
        break;
      default: break;
    }
  });
  return { starImport };
}
