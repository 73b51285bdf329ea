// The SyntaxErrors CPython's compiler (not its parser) raises: they are reported only
// when the cell parsed cleanly, exactly as Python does.

import type * as N from './nodes';
import { walk } from './walk';

/** `mayYield` false (the source has no "yield") skips the whole-tree walk that looks for one. */
export function checkSemantics(module: N.Module, mayYield = true): N.SyntaxErrorInfo[] {
  const errors: N.SyntaxErrorInfo[] = [];
  const err = (message: string, span: N.Span) => errors.push({ type: 'SyntaxError', message, range: { start: span.start, end: span.end } });
  const visitBody = (body: N.Stmt[], inFunc: boolean, inLoop: boolean, atModule: boolean) => {
    for (const s of body) visit(s, inFunc, inLoop, atModule);
  };
  const visit = (s: N.Stmt, inFunc: boolean, inLoop: boolean, atModule: boolean): void => {
    switch (s.kind) {
      case 'Return': if (!inFunc) err("'return' outside function", s); break;
      case 'Break': if (!inLoop) err("'break' outside loop", s); break;
      case 'Continue': if (!inLoop) err("'continue' not properly in loop", s); break;
      case 'Global': if (s.isNonlocal && atModule) err('nonlocal declaration not allowed at module level', s); break;
      case 'For': case 'While':
        visitBody(s.body, inFunc, true, atModule);
        visitBody(s.orelse, inFunc, inLoop, atModule);
        break;
      case 'If': visitBody(s.body, inFunc, inLoop, atModule); visitBody(s.orelse, inFunc, inLoop, atModule); break;
      case 'With': visitBody(s.body, inFunc, inLoop, atModule); break;
      case 'Try':
        visitBody(s.body, inFunc, inLoop, atModule);
        for (const h of s.handlers) visitBody(h.body, inFunc, inLoop, atModule);
        visitBody(s.orelse, inFunc, inLoop, atModule);
        visitBody(s.finalbody, inFunc, inLoop, atModule);
        break;
      case 'FunctionDef': {
        const seen = new Set<string>();
        for (const p of s.params) {
          if (seen.has(p.name.name)) err(`duplicate argument '${p.name.name}' in function definition`, p.name);
          seen.add(p.name.name);
        }
        visitBody(s.body, true, false, false);
        break;
      }
      case 'ClassDef': visitBody(s.body, false, false, false); break;
      default: break;
    }
  };
  visitBody(module.body, false, false, true);
  // yield outside any function (lambdas count as functions)
  if (mayYield) walk(module, (n, parents) => {
    if (n.kind === 'Yield' && !parents.some((p) => p.kind === 'FunctionDef' || p.kind === 'Lambda')) err("'yield' outside function", n);
  });
  return errors.sort((a, b) => a.range.start - b.range.start);
}
