// Completion: members after `torch.`, `nn.`, `F.`, a tensor or a layer; keyword
// arguments inside a call's parentheses (`kernel_size=`, `ceil_mode=` ...); otherwise the
// names in scope, builtins and helpers. Built on nodeAt and the checker's recorded types.

import type { CompletionInfo } from '../api';
import { nodeAt } from '../syntax/nodeAt';
import { walk } from '../syntax/walk';
import type * as N from '../syntax/nodes';
import { KEYWORDS } from '../syntax/tokens';
import type { NotebookFacts, Scope } from './checker';
import {
  BUILTINS, DTYPE_NAMES, F_FUNCTIONS, HELPERS, LibEntry, LibParam, NN_CLASSES, TENSOR_MEMBERS, TORCH_FUNCTIONS,
} from './library';
import { signature } from './hover';
import { SType, describe, prefixOf } from './types';

const ID_CHAR = /[\p{L}\p{N}_]/u;

export function completionsAt(text: string, module: N.Module, offset: number, facts: NotebookFacts, scope: Scope): CompletionInfo[] {
  let wordStart = offset;
  while (wordStart > 0 && ID_CHAR.test(text[wordStart - 1])) wordStart--;
  const prefix = text.slice(wordStart, offset);
  const { node, parents } = nodeAt(module, offset);
  const chain: N.Node[] = [node, ...parents.slice().reverse()];

  // In a comment or a string: nothing.
  if (inCommentOrString(text, offset, chain)) return [];

  let dot = wordStart - 1;
  while (dot >= 0 && (text[dot] === ' ' || text[dot] === '\t')) dot--;
  if (dot >= 0 && text[dot] === '.' && !/[0-9]/.test(text[dot - 1] ?? '')) {
    const attr = chain.find((n): n is N.Attribute => n.kind === 'Attribute' && n.attr.start >= dot && n.attr.start <= wordStart);
    if (!attr) return [];
    const t = facts.types.get(attr.value);
    return t ? filter(membersOf(t), prefix) : [];
  }

  const items: CompletionInfo[] = [];
  const call = enclosingCall(module, text, offset);
  if (call && !(offset <= call.func.end)) {
    const callee = facts.types.get(call.func);
    const given = new Set(call.args.filter((a) => a.name).map((a) => a.name!.name));
    // parameters already filled by positional arguments before the cursor
    let positional = call.args.filter((a) => !a.name && !a.star && a.end < offset).length;
    for (const p of paramsOf(callee)) {
      if ((p.kind ?? 'pos') === 'pos' && positional > 0) { positional--; continue; }
      if (p.kind === 'varargs' || p.kind === 'varkw' || p.name === 'input' || p.name.startsWith('_') || given.has(p.name)) continue;
      items.push({ label: `${p.name}=`, kind: 'argument', insertText: `${p.name}=`, detail: 'default' in p ? `= ${String(p.default)}` : 'required', documentation: p.doc });
    }
  }
  items.push(...namesInScope(scope, chain, facts));
  return filter(items, prefix);
}

/** The innermost call whose parentheses hold the cursor (an unclosed call extends over trailing blanks). */
function enclosingCall(module: N.Module, text: string, offset: number): N.Call | undefined {
  let best: N.Call | undefined;
  walk(module, (n) => {
    if (n.start > offset) return false;
    if (n.kind === 'Call' && offset > n.lparen && (n.closed ? offset < n.end : text.slice(n.end, offset).trim() === '')) {
      if (!best || n.lparen > best.lparen) best = n;
    }
    return undefined;
  });
  return best;
}

function inCommentOrString(text: string, offset: number, chain: N.Node[]): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  // a '#' outside quotes on this line
  let q: string | null = null;
  for (const c of line) {
    if (q) { if (c === q) q = null; continue; }
    if (c === '"' || c === "'") q = c;
    else if (c === '#') return true;
  }
  return chain.some((n) => n.kind === 'Str' || n.kind === 'FStringText') && !chain.some((n) => n.kind === 'FormattedValue');
}

function filter(items: CompletionInfo[], prefix: string): CompletionInfo[] {
  const p = prefix.toLowerCase();
  const seen = new Set<string>();
  return items.filter((i) => {
    if (seen.has(i.label)) return false;
    seen.add(i.label);
    return i.label.toLowerCase().startsWith(p);
  });
}

function entryItem(prefix: string, e: LibEntry): CompletionInfo {
  const kind: CompletionInfo['kind'] = e.kind === 'class' ? 'class' : e.kind === 'property' ? 'property' : e.kind === 'module' ? 'module' : 'function';
  return { label: e.name, kind, detail: signature(prefix, e), documentation: e.doc };
}

export function membersOf(t: SType): CompletionInfo[] {
  switch (t.k) {
    case 'pymodule':
      if (t.name === 'torch') {
        return [
          ...TORCH_FUNCTIONS.map((e) => entryItem('torch.', e)),
          ...Object.keys(DTYPE_NAMES).map((d): CompletionInfo => ({ label: d, kind: 'property', detail: `torch.${DTYPE_NAMES[d]}` })),
          { label: 'nn', kind: 'module', detail: 'torch.nn' },
        ];
      }
      if (t.name === 'nn') return [...NN_CLASSES.map((e) => entryItem('nn.', e)), { label: 'functional', kind: 'module', detail: 'torch.nn.functional' }];
      return F_FUNCTIONS.map((e) => entryItem('F.', e));
    case 'tensor': return TENSOR_MEMBERS.map((e) => entryItem('Tensor.', e));
    case 'tuple': return (t.names ?? []).map((n, i) => ({ label: n, kind: 'property', detail: describe(t.items[i]) }));
    case 'layer': {
      const out: CompletionInfo[] = Object.entries(t.args).filter(([k]) => !k.startsWith('_'))
        .map(([k]) => ({ label: k, kind: 'property', detail: `${t.cls}.${k}` }));
      if (/^Conv/.test(t.cls)) out.push({ label: 'weight', kind: 'property' }, { label: 'bias', kind: 'property' });
      out.push({ label: 'forward', kind: 'function', detail: `${t.cls}.forward(input)` });
      return out;
    }
    case 'instance': {
      const out: CompletionInfo[] = [...t.attrs.entries()].map(([k, v]) => ({ label: k, kind: 'property', detail: describe(v) }));
      for (const m of t.cls.methods.keys()) if (!m.startsWith('__')) out.push({ label: m, kind: 'function' });
      return out;
    }
    default: return [];
  }
}

function paramsOf(t: SType | undefined): LibParam[] {
  if (!t) return [];
  if (t.k === 'lib' || t.k === 'method') return t.entry.params ?? [];
  if (t.k === 'function') return t.def.params.slice(t.self ? 1 : 0).map((p) => ({ name: p.name.name, ...(p.default ? { default: null } : {}) }));
  if (t.k === 'class') {
    const init = t.methods.get('__init__');
    return init ? init.params.slice(1).map((p) => ({ name: p.name.name })) : [];
  }
  return [];
}

function namesInScope(scope: Scope, chain: N.Node[], facts: NotebookFacts): CompletionInfo[] {
  const out: CompletionInfo[] = [];
  // parameters of the enclosing function(s)
  for (const n of chain) {
    if (n.kind === 'FunctionDef') for (const p of n.params) out.push({ label: p.name.name, kind: 'variable', detail: 'parameter' });
  }
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    for (const [name, t] of s.vars) {
      out.push({ label: name, kind: kindOf(t), detail: describe(t) });
    }
  }
  for (const e of BUILTINS) out.push(entryItem('', e));
  for (const e of HELPERS) out.push(entryItem('', e));
  for (const k of KEYWORDS) out.push({ label: k, kind: 'keyword' });
  void facts;
  void prefixOf;
  return out;
}

function kindOf(t: SType): CompletionInfo['kind'] {
  switch (t.k) {
    case 'pymodule': case 'unavailable': return 'module';
    case 'function': case 'method': return 'function';
    case 'class': return 'class';
    case 'lib': return t.entry.kind === 'class' ? 'class' : 'function';
    default: return 'variable';
  }
}
