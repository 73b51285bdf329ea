// repr(module) as torch.nn.Module.__repr__ builds it: the class name, then either the
// one-line extra_repr in parentheses or one indented line per extra_repr line and child
// ("(0): ..."), children indented by _addindent. The extra_repr texts of the modules
// PoolScript has are reproduced from torch 1.13.1 (nn/modules/pooling.py, conv.py,
// activation.py, flatten.py); attribute values print with str(), as str.format does.

import { PyData, PyTuple, pyStr } from './pyRepr';

export interface ModuleReprNode {
  /** the class name, e.g. 'MaxPool2d', or a user class name */
  readonly name: string;
  /** the module's extra_repr() text ('' for none) */
  readonly extraRepr: string;
  /** registered children in registration order: [attribute name or index, child] */
  readonly children?: readonly (readonly [string, ModuleReprNode])[];
}

/** torch.nn.modules.module._addindent */
function addIndent(s: string, numSpaces: number): string {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  const first = lines.shift()!;
  return first + '\n' + lines.map((l) => ' '.repeat(numSpaces) + l).join('\n');
}

export function moduleRepr(m: ModuleReprNode): string {
  const extraLines = m.extraRepr ? m.extraRepr.split('\n') : [];
  const childLines = (m.children ?? []).map(([key, child]) => '(' + key + '): ' + addIndent(moduleRepr(child), 2));
  const lines = [...extraLines, ...childLines];
  let main = m.name + '(';
  if (lines.length) {
    if (extraLines.length === 1 && childLines.length === 0) main += extraLines[0];
    else main += '\n  ' + lines.join('\n  ') + '\n';
  }
  return main + ')';
}

type Attrs = Readonly<Record<string, PyData>>;
const s = (v: PyData) => pyStr(v);

/** _MaxPoolNd.extra_repr (MaxPool1d/2d/3d) */
export function maxPoolExtraRepr(a: Attrs): string {
  return `kernel_size=${s(a.kernel_size)}, stride=${s(a.stride)}, padding=${s(a.padding)}, dilation=${s(a.dilation)}, ceil_mode=${s(a.ceil_mode)}`;
}

/** _AvgPoolNd.extra_repr and _MaxUnpoolNd.extra_repr */
export function avgPoolExtraRepr(a: Attrs): string {
  return `kernel_size=${s(a.kernel_size)}, stride=${s(a.stride)}, padding=${s(a.padding)}`;
}
export const maxUnpoolExtraRepr = avgPoolExtraRepr;

/** _LPPoolNd.extra_repr */
export function lpPoolExtraRepr(a: Attrs): string {
  return `norm_type=${s(a.norm_type)}, kernel_size=${s(a.kernel_size)}, stride=${s(a.stride)}, ceil_mode=${s(a.ceil_mode)}`;
}

/** _AdaptiveMaxPoolNd / _AdaptiveAvgPoolNd.extra_repr */
export function adaptivePoolExtraRepr(a: Attrs): string {
  return `output_size=${s(a.output_size)}`;
}

/** ReLU.extra_repr */
export function reluExtraRepr(a: Attrs): string {
  return a.inplace ? 'inplace=True' : '';
}

/** Flatten.extra_repr */
export function flattenExtraRepr(a: Attrs): string {
  return `start_dim=${s(a.start_dim)}, end_dim=${s(a.end_dim)}`;
}

const allEqual = (v: PyData, x: number) => v instanceof PyTuple && v.items.every((i) => i === x);

/** _ConvNd.extra_repr; tuples for kernel_size/stride/padding/dilation as the module stores them. */
export function convExtraRepr(a: Attrs): string {
  let r = `${s(a.in_channels)}, ${s(a.out_channels)}, kernel_size=${s(a.kernel_size)}, stride=${s(a.stride)}`;
  if (a.padding !== undefined && !allEqual(a.padding, 0)) r += `, padding=${s(a.padding)}`;
  if (a.dilation !== undefined && !allEqual(a.dilation, 1)) r += `, dilation=${s(a.dilation)}`;
  if (a.output_padding !== undefined && !allEqual(a.output_padding, 0)) r += `, output_padding=${s(a.output_padding)}`;
  if (a.groups !== undefined && a.groups !== 1) r += `, groups=${s(a.groups)}`;
  if (a.bias === false || a.bias === null) r += ', bias=False';
  if (a.padding_mode !== undefined && a.padding_mode !== 'zeros') r += `, padding_mode=${s(a.padding_mode)}`;
  return r;
}

/**
 * extra_repr by class name, for the modules PoolScript builds. Modules without an
 * extra_repr in PyTorch (Sequential, Identity, FractionalMaxPool2d/3d, user
 * subclasses) give ''.
 */
export function extraReprFor(className: string, a: Attrs): string {
  if (/^MaxPool[123]d$/.test(className)) return maxPoolExtraRepr(a);
  if (/^AvgPool[123]d$/.test(className) || /^MaxUnpool[123]d$/.test(className)) return avgPoolExtraRepr(a);
  if (/^LPPool[12]d$/.test(className)) return lpPoolExtraRepr(a);
  if (/^Adaptive(Max|Avg)Pool[123]d$/.test(className)) return adaptivePoolExtraRepr(a);
  if (/^Conv[123]d$/.test(className)) return convExtraRepr(a);
  if (className === 'ReLU') return reluExtraRepr(a);
  if (className === 'Flatten') return flattenExtraRepr(a);
  return '';
}
