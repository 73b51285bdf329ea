// Hover: the type under the cursor as Markdown. A tensor shows `Tensor[1, 1, 2, 2] float32`;
// a pooling result or layer adds one line per axis from the engine's derivation, e.g.
// `H = floor((5 + 0 - 2 - 1) / 3) + 1 = 1`.

import type { AxisDerivation } from '../../common/viewModel';
import type { HoverInfo } from '../api';
import { nodeAt } from '../syntax/nodeAt';
import type * as N from '../syntax/nodes';
import type { NotebookFacts } from './checker';
import type { LibEntry, LibParam } from './library';
import { PlanInfo, SType, describe, prefixOf } from './types';
import { ModuleReprNode, extraReprFor, moduleRepr } from '../format/moduleRepr';
import { PyData, PyFloat, PyRendered, PyTuple } from '../format/pyRepr';

const HOVERABLE = new Set(['Name', 'Ident', 'Attribute', 'Call', 'Subscript']);

export function hoverAt(module: N.Module, offset: number, facts: NotebookFacts): HoverInfo | undefined {
  const { node, parents } = nodeAt(module, offset);
  const chain: N.Node[] = [node, ...parents.slice().reverse()];
  for (let i = 0; i < chain.length; i++) {
    const n = chain[i];
    if (!HOVERABLE.has(n.kind)) continue;
    const t = facts.types.get(n);
    if (!t) continue;
    const md = hoverMarkdown(t, facts);
    if (!md) return undefined;
    // The name of a called function or layer also shows what the call gives.
    const call = calleeOf(n, chain.slice(i + 1));
    const result = call ? facts.types.get(call) : undefined;
    const resultMd = result ? hoverMarkdown(result, facts) : undefined;
    if (resultMd && call) {
      return { range: { start: n.start, end: n.end }, markdown: `${md}\n\n---\n\n**${calleeText(call)}(…)** gives\n\n${resultMd}` };
    }
    return { range: { start: n.start, end: n.end }, markdown: md };
  }
  return undefined;
}

/** The call whose callee is `n` (a Name, or the attribute name of `obj.f`), if any. */
function calleeOf(n: N.Node, outer: N.Node[]): N.Call | undefined {
  let callee: N.Node = n;
  let k = 0;
  if (n.kind === 'Ident' && outer[0]?.kind === 'Attribute' && outer[0].attr === n) { callee = outer[0]; k = 1; }
  const parent = outer[k];
  return parent && parent.kind === 'Call' && parent.func === callee ? parent : undefined;
}

function calleeText(c: N.Call): string {
  const f = c.func;
  if (f.kind === 'Name') return f.id;
  if (f.kind === 'Attribute' && f.attr.kind === 'Ident') return f.attr.name;
  return 'the call';
}

export function hoverMarkdown(t: SType, facts: NotebookFacts): string | undefined {
  switch (t.k) {
    case 'unknown': return undefined;
    case 'tensor': {
      const lines = [code(describe(t))];
      if (t.plan) lines.push(...planLines(t.plan));
      return lines.join('\n\n');
    }
    case 'tuple': {
      const lines = [code(describe(t))];
      const first = t.items[0];
      if (first && first.k === 'tensor' && first.plan) lines.push(...planLines(first.plan));
      return lines.join('\n\n');
    }
    case 'layer': {
      const lines = [code(layerRepr(t))];
      const plan = facts.layerPlans.get(t);
      if (plan) lines.push(...planLines(plan));
      return lines.join('\n\n');
    }
    case 'lib': return [code(signature(prefixOf(t.table), t.entry)), t.entry.doc].join('\n\n');
    case 'method': return [code(signature('Tensor.', t.entry)), t.entry.doc].join('\n\n');
    default: return code(describe(t));
  }
}

/** The module as PyTorch prints it (repr), with `?` for what is not known statically. */
export function layerRepr(t: Extract<SType, { k: 'layer' }>): string {
  return moduleRepr(reprNode(t));
}

function reprNode(t: SType): ModuleReprNode {
  if (t.k !== 'layer') return { name: t.k === 'instance' ? t.cls.def.name.name : '?', extraRepr: '' };
  const attrs: Record<string, PyData> = {};
  for (const [k, v] of Object.entries(t.args)) attrs[k] = pyData(v);
  const children = t.children?.map((c, i) => [String(i), reprNode(c)] as const);
  return { name: t.cls, extraRepr: extraReprFor(t.cls, attrs), children };
}

function pyData(t: SType): PyData {
  switch (t.k) {
    case 'int': return t.v ?? new PyRendered('?');
    case 'float': return t.v !== undefined ? new PyFloat(t.v) : new PyRendered('?');
    case 'bool': return t.v ?? new PyRendered('?');
    case 'none': return null;
    case 'str': return t.v ?? new PyRendered('?');
    case 'tuple': return new PyTuple(t.items.map(pyData));
    case 'list': return t.items ? t.items.map(pyData) : new PyRendered('[...]');
    default: return new PyRendered('?');
  }
}

function code(s: string): string {
  return '```python\n' + s + '\n```';
}

function paramText(p: LibParam): string {
  if (p.kind === 'varargs') return `*${p.name}`;
  if (p.kind === 'varkw') return `**${p.name}`;
  if (!('default' in p)) return p.name;
  return `${p.name}=${defaultText(p.default)}`;
}

function defaultText(d: unknown): string {
  if (d === null) return 'None';
  if (d === true) return 'True';
  if (d === false) return 'False';
  if (typeof d === 'string') return `'${d.replace(/\n/g, '\\n')}'`;
  if (Array.isArray(d)) return `(${d.join(', ')})`;
  return String(d);
}

export function signature(prefix: string, e: LibEntry): string {
  const params = e.params ?? [];
  const parts: string[] = [];
  let kwOnlyMarked = params.some((p) => p.kind === 'varargs');
  for (const p of params) {
    if (p.kind === 'kwonly' && !kwOnlyMarked) { parts.push('*'); kwOnlyMarked = true; }
    parts.push(paramText(p));
  }
  if (e.kind === 'property') return `${prefix}${e.name}`;
  return `${prefix}${e.name}(${parts.join(', ')})`;
}

/** `maxpool2d: kernel (3, 3), stride (3, 3) ...` then one derivation line per axis. */
function planLines(plan: PlanInfo): string[] {
  const lines: string[] = [];
  const py = (v: unknown): string => (Array.isArray(v) ? `(${v.map(py).join(', ')})` : v === true ? 'True' : v === false ? 'False' : v === null || v === undefined ? 'None' : String(v));
  const params = Object.entries(plan.params)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}=${py(v)}`).join(', ');
  lines.push(`\`${plan.op}\` on input [${plan.inputShape.join(', ')}]: ${params}`);
  if (plan.derivation.length) lines.push(plan.derivation.map(axisLine).join('  \n'));
  return lines;
}

/** `H = floor((5 + 0 - 2 - 1) / 3) + 1 = 1`: the engine's own derivation text (the renderer
 * and the Compute Output Size command show the same), with the ceil correction spelt out. */
export function axisLine(a: AxisDerivation): string {
  const last = a.steps[a.steps.length - 1];
  // one decrement is always enough (Pool.h), so the uncorrected size is output + 1
  if (a.ceilCorrection) return `${a.axis} = ${a.substituted} = ${a.output + 1} → ${a.output} (${last.replace(/: -?\d+$/, '')})`;
  return `${a.axis} = ${a.substituted} = ${a.output}`;
}
