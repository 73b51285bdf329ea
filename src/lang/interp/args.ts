// Binds call arguments to parameters the way CPython does for a Python-defined
// function, with CPython 3.11's TypeError messages (`_MaxPoolNd.__init__() got an
// unexpected keyword argument 'foo'`). Used for user functions and for the
// Python-level signatures of torch.nn / torch.nn.functional.

import { Kwargs, Value, pyError } from './values';

export const REQUIRED: unique symbol = Symbol('required');

export interface ParamSpec {
  name: string;
  default?: Value | typeof REQUIRED;
  kind?: 'pos' | 'kwonly' | 'varargs' | 'varkw';
}

export interface Signature {
  /** the name CPython prints in messages, e.g. `_MaxPoolNd.__init__` or `_max_pool2d` */
  qualname: string;
  params: ParamSpec[];
}

/** The bound arguments by parameter name (varargs as a Value[] under its name, varkw as Kwargs). */
export interface Bound {
  values: Map<string, Value>;
  varargs: Value[];
  varkw: Kwargs;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/**
 * `selfCount` = 1 when a bound method's `self` is in `args` already (CPython counts it
 * in "takes N positional arguments").
 */
export function bindArgs(sig: Signature, args: Value[], kwargs: Kwargs): Bound {
  const q = sig.qualname;
  const positional = sig.params.filter((p) => (p.kind ?? 'pos') === 'pos');
  const varargs = sig.params.find((p) => p.kind === 'varargs');
  const varkw = sig.params.find((p) => p.kind === 'varkw');
  const values = new Map<string, Value>();
  const bound: Bound = { values, varargs: [], varkw: [] };

  if (args.length > positional.length && !varargs) {
    const required = positional.filter((p) => p.default === undefined || p.default === REQUIRED).length;
    const takes = required === positional.length
      ? plural(positional.length, 'positional argument')
      : `from ${required} to ${positional.length} positional arguments`;
    const given = args.length;
    throw pyError('TypeError', `${q}() takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`);
  }
  for (let i = 0; i < args.length; i++) {
    if (i < positional.length) values.set(positional[i].name, args[i]);
    else bound.varargs.push(args[i]);
  }
  for (const [name, v] of kwargs) {
    const p = sig.params.find((x) => x.name === name && (x.kind ?? 'pos') !== 'varargs' && x.kind !== 'varkw');
    if (!p) {
      if (varkw) { bound.varkw.push([name, v]); continue; }
      throw pyError('TypeError', `${q}() got an unexpected keyword argument '${name}'`);
    }
    if (values.has(name)) throw pyError('TypeError', `${q}() got multiple values for argument '${name}'`);
    values.set(name, v);
  }
  const missingPos: string[] = [];
  const missingKw: string[] = [];
  for (const p of sig.params) {
    if (p.kind === 'varargs' || p.kind === 'varkw' || values.has(p.name)) continue;
    if (p.default === undefined || p.default === REQUIRED) {
      (p.kind === 'kwonly' ? missingKw : missingPos).push(p.name);
    } else {
      values.set(p.name, p.default);
    }
  }
  if (missingPos.length) {
    throw pyError('TypeError', `${q}() missing ${missingPos.length} required positional argument${missingPos.length === 1 ? '' : 's'}: ${nameList(missingPos)}`);
  }
  if (missingKw.length) {
    throw pyError('TypeError', `${q}() missing ${missingKw.length} required keyword-only argument${missingKw.length === 1 ? '' : 's'}: ${nameList(missingKw)}`);
  }
  return bound;
}

/** Shorthand for native signatures: `sig('f', 'input', 'kernel_size', ['stride', null])`. */
export function sig(qualname: string, ...params: (string | [string, Value] | ParamSpec)[]): Signature {
  return {
    qualname,
    params: params.map((p) => {
      if (typeof p === 'string') {
        if (p.startsWith('**')) return { name: p.slice(2), kind: 'varkw' };
        if (p.startsWith('*')) return { name: p.slice(1), kind: 'varargs' };
        return { name: p, default: REQUIRED };
      }
      if (Array.isArray(p)) return { name: p[0], default: p[1] };
      return p;
    }),
  };
}
