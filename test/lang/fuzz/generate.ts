// Program generators for the pipeline fuzz test: random PoolScript programs built from a
// small grammar (tensors, pooling layers and functionals, control flow, printing), and
// token-level mutations of real programs (deletion, duplication, swaps, hostile numbers,
// huge shapes, values of the wrong type). Everything is driven by one seeded generator,
// so a failing program is reproduced from the seed and its index.

export type Rng = () => number;

/** mulberry32: small, fast and the same on every platform. */
export function rng(seed: number): Rng {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** Numbers a careless or hostile user writes: edges, overflows, wrong types. */
const HOSTILE = ['0', '-1', '2**40', '2**40', '2**31', '-2**40', '2**63', '10**6', '100000', '1e308', "float('inf')", "float('nan')",
  '0.5', '-0.0', 'True', 'None', "'a'", '(2, 3)', '[1, 2]', 'torch.float64', 'x', '()'];
const SMALL = ['1', '2', '3', '2', '1', '0', '4', '5'];
const DTYPES = ['torch.float32', 'torch.float64', 'torch.int64', 'torch.int32', 'torch.bool', 'torch.uint8', 'torch.float', 'torch.long'];

function num(r: Rng): string {
  return r() < 0.8 ? pick(r, SMALL) : pick(r, HOSTILE);
}

function shape(r: Rng, n = int(r, 1, 4)): string {
  const dims: string[] = [];
  for (let i = 0; i < n; i++) dims.push(r() < 0.92 ? String(int(r, 1, 5)) : pick(r, ['0', '-1', '2**40', '100000', "'2'", '2.5']));
  return n === 1 && r() < 0.5 ? dims[0] : `(${dims.join(', ')}${n === 1 ? ',' : ''})`;
}

function literal(r: Rng, dims: number[] = Array.from({ length: int(r, 1, 3) }, () => int(r, 1, 3))): string {
  if (dims.length === 0) return pick(r, ['1', '2.5', '-3', '0', "float('nan')", "float('inf')", 'True', '7', '0.1']);
  const items: string[] = [];
  for (let i = 0; i < dims[0]; i++) {
    // occasionally ragged, as a typo makes it
    items.push(literal(r, r() < 0.002 ? dims.slice(1).map((d) => d + 1) : dims.slice(1)));
  }
  return `[${items.join(', ')}]`;
}

/** A well-formed starting tensor: batch and channel dims, then 1 to 3 spatial dims. */
function startTensor(r: Rng): string {
  const spatial = Array.from({ length: int(r, 1, 3) }, () => int(r, 1, 6));
  const dims = [int(r, 1, 2), int(r, 1, 3), ...spatial];
  const n = dims.reduce((a, b) => a * b, 1);
  switch (int(r, 0, 3)) {
    case 0: return `torch.arange(${n}, dtype=${pick(r, ['torch.float32', 'torch.float32', 'torch.float64', 'torch.int64'])}).reshape(${dims.join(', ')})`;
    case 1: return `torch.randn(${dims.join(', ')})`;
    case 2: return `torch.tensor(${literal(r, dims)})`;
    default: return tensorExpr(r).replace(/\bx\b/g, 'torch.ones(2, 3)');
  }
}

function tensorExpr(r: Rng): string {
  switch (int(r, 0, 9)) {
    case 0: return `torch.arange(${pick(r, ['24', '16', '12', '60', '8', num(r)])}, dtype=${pick(r, DTYPES)}).reshape(${shape(r)})`;
    case 1: return `torch.randn(${shape(r)})`;
    case 2: return `torch.ones(${shape(r)}${r() < 0.3 ? `, dtype=${pick(r, DTYPES)}` : ''})`;
    case 3: return `torch.tensor(${literal(r)}${r() < 0.3 ? `, dtype=${pick(r, DTYPES)}` : ''})`;
    case 4: return `torch.rand(${shape(r)})`;
    case 5: return `torch.randint(${r() < 0.8 ? '0, 10' : `${num(r)}, ${num(r)}`}, ${shape(r)})`;
    case 6: return `torch.full(${shape(r)}, ${num(r)})`;
    case 7: return `x.${pick(r, ['float()', 'long()', 'double()', 'clone()', 'contiguous()', 'abs()', 't()', 'flatten()', 'floor()'])}`;
    case 8: return `torch.cat([x, x], dim=${num(r)})`;
    default: return `torch.zeros(${shape(r)}, dtype=${pick(r, DTYPES)})`;
  }
}

const kw = (r: Rng, names: readonly string[]): string =>
  names.filter(() => r() < 0.4).map((n) => `, ${n}=${n.endsWith('mode') || n.startsWith('return') || n === 'count_include_pad' ? pick(r, ['True', 'False', num(r)]) : num(r)}`).join('');

function layer(r: Rng): string {
  const nd = int(r, 1, 3);
  switch (int(r, 0, 11)) {
    case 0: return `nn.MaxPool${nd}d(${num(r)}${kw(r, ['stride', 'padding', 'dilation', 'ceil_mode', 'return_indices'])})`;
    case 1: return `nn.AvgPool${nd}d(${num(r)}${kw(r, ['stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override'])})`;
    case 2: return `nn.AdaptiveAvgPool${nd}d(${r() < 0.5 ? num(r) : shape(r, nd)})`;
    case 3: return `nn.AdaptiveMaxPool${nd}d(${r() < 0.5 ? num(r) : shape(r, nd)}${kw(r, ['return_indices'])})`;
    case 4: return `nn.LPPool${int(r, 1, 2)}d(${num(r)}, ${num(r)}${kw(r, ['stride', 'ceil_mode'])})`;
    case 5: return `nn.FractionalMaxPool${int(r, 2, 3)}d(${num(r)}, ${r() < 0.5 ? `output_size=${num(r)}` : `output_ratio=${pick(r, ['0.5', '0.7', num(r)])}`}${kw(r, ['return_indices'])})`;
    case 6: return `nn.MaxUnpool${nd}d(${num(r)}${kw(r, ['stride', 'padding'])})`;
    case 7: return `nn.Conv${int(r, 1, 2)}d(${num(r)}, ${num(r)}, ${num(r)}${kw(r, ['stride', 'padding', 'dilation', 'groups', 'bias'])})`;
    case 8: return `nn.Upsample(${r() < 0.5 ? `scale_factor=${num(r)}` : `size=${shape(r)}`}${r() < 0.4 ? `, mode=${pick(r, ["'nearest'", "'bilinear'", "'linear'", "'x'"])}` : ''})`;
    case 9: return `nn.Sequential(${layer(r)}, ${pick(r, ['nn.ReLU()', 'nn.Flatten()', 'nn.Identity()', layer(r)])})`;
    case 10: return `nn.${pick(r, ['ZeroPad2d', 'ConstantPad1d', 'ReflectionPad2d', 'ReplicationPad1d'])}(${num(r)}${r() < 0.5 ? `, ${num(r)}` : ''})`;
    default: return `nn.${pick(r, ['ReLU', 'Flatten', 'Identity', 'Sigmoid'])}()`;
  }
}

function functional(r: Rng): string {
  const nd = int(r, 1, 3);
  switch (int(r, 0, 7)) {
    case 0: return `F.max_pool${nd}d(x, ${num(r)}${kw(r, ['stride', 'padding', 'dilation', 'ceil_mode', 'return_indices'])})`;
    case 1: return `F.avg_pool${nd}d(x, ${num(r)}${kw(r, ['stride', 'padding', 'ceil_mode', 'count_include_pad'])})`;
    case 2: return `F.adaptive_${pick(r, ['avg', 'max'])}_pool${nd}d(x, ${r() < 0.5 ? num(r) : shape(r, nd)})`;
    case 3: return `F.interpolate(x, ${r() < 0.5 ? `size=${shape(r)}` : `scale_factor=${num(r)}`}${r() < 0.4 ? `, mode=${pick(r, ["'nearest'", "'bilinear'", "'linear'", "'area'"])}` : ''})`;
    case 4: return `F.pad(x, (${num(r)}, ${num(r)})${r() < 0.3 ? `, value=${num(r)}` : ''})`;
    case 5: return `F.lp_pool${int(r, 1, 2)}d(x, ${num(r)}, ${num(r)})`;
    case 6: return `F.max_unpool${nd}d(y, ${num(r)}, ${num(r)})`;
    default: return `F.relu(x)`;
  }
}

function expr(r: Rng): string {
  switch (int(r, 0, 11)) {
    case 0: return tensorExpr(r);
    case 1: return `${layer(r)}(x)`;
    case 2: return functional(r);
    case 3: return `x.${pick(r, ['sum', 'mean', 'max', 'min', 'argmax', 'amax', 'squeeze', 'unsqueeze', 'flatten', 'size', 'softmax', 'cumsum'])}(${r() < 0.5 ? num(r) : ''})`;
    case 4: return `x.${pick(r, ['view', 'reshape', 'permute', 'repeat', 'expand'])}(${shape(r)})`;
    case 5: return `x[${pick(r, ['0', '-1', ':', '..., 0', '0, 1', '1:', '::2', 'None', num(r), 'x > 1', '[0, 0]'])}]`;
    case 6: return `x ${pick(r, ['+', '-', '*', '/', '//', '%', '**', '@', '>', '==', '&'])} ${pick(r, ['y', num(r), 'x'])}`;
    case 7: return `x.${pick(r, ['shape', 'dtype', 'ndim', 'T', 'grad', 'requires_grad'])}`;
    case 8: return `${pick(r, ['len', 'int', 'float', 'str', 'list', 'abs', 'bool', 'max', 'sum'])}(${pick(r, ['x', 'y', num(r)])})`;
    case 9: return `x.${pick(r, ['item', 'tolist', 'numel', 'dim', 'stride', 'is_contiguous'])}()`;
    case 10: return `torch.${pick(r, ['max', 'sum', 'mean', 'stack', 'flatten', 'allclose', 'equal', 'where'])}(${pick(r, ['x', '[x, y]', 'x, y', `x, ${num(r)}`])})`;
    default: return num(r);
  }
}

function statement(r: Rng, indent: string, depth: number): string {
  const inner = (): string => statement(r, indent + '    ', depth + 1);
  const k = depth > 1 ? int(r, 0, 7) : int(r, 0, 15);
  switch (k) {
    case 0: return `${indent}x = ${r() < 0.5 ? startTensor(r) : tensorExpr(r)}\n`;
    case 1: return `${indent}y = ${layer(r)}(x)\n`;
    case 2: case 3: return `${indent}y = ${expr(r)}\n`;
    case 4: return `${indent}print(${pick(r, ['x', 'y', expr(r), `f"{x.shape} {y}"`, `f"{x.sum():.${num(r)}f}"`, 'x, y'])})\n`;
    case 5: return `${indent}x[${pick(r, ['0', ':', '0, 0', '..., -1', num(r)])}] = ${num(r)}\n`;
    case 6: return `${indent}x = ${expr(r)}\n`;
    case 7: return `${indent}${expr(r)}\n`;
    case 8: return `${indent}for i in range(${pick(r, [...SMALL, num(r), 'len(x)'])}):\n${inner()}${r() < 0.5 ? inner() : ''}`;
    case 9: return `${indent}while ${pick(r, ['True', 'x.sum() > 0', 'len(x) > 0', 'y'])}:\n${inner()}${r() < 0.3 ? `${indent}    break\n` : ''}`;
    case 10: return `${indent}try:\n${inner()}${indent}except ${pick(r, ['Exception', 'RuntimeError', 'ValueError', 'TypeError', '(IndexError, KeyError)'])} as e:\n${indent}    print(type(e).__name__, e)\n`;
    case 11: return `${indent}torch.set_printoptions(${pick(r, ['precision', 'threshold', 'edgeitems', 'linewidth', 'sci_mode', 'profile'])}=${num(r)})\n`;
    case 12: return `${indent}def f(a, b=${num(r)}):\n${indent}    return ${expr(r).replace(/\bx\b/g, 'a')}\n${indent}y = f(${pick(r, ['x', 'y', num(r)])})\n`;
    case 13: return `${indent}class M(nn.Module):\n${indent}    def __init__(self):\n${indent}        super().__init__()\n${indent}        self.p = ${layer(r)}\n` +
      `${indent}    def forward(self, x):\n${indent}        return self.p(x)\n${indent}y = M()(x)\n${indent}print(M())\n`;
    case 14: return `${indent}if ${pick(r, ['x.sum() > 1', 'y is None', 'x.shape[0] == 1', 'y'])}:\n${inner()}${indent}else:\n${inner()}`;
    default: return `${indent}torch.manual_seed(${num(r)})\n`;
  }
}

const HEADER = 'import torch\nfrom torch import nn\nimport torch.nn.functional as F\n';

/** A random program from the grammar: a tensor `x` and `y`, then a few statements. */
export function randomProgram(r: Rng): string {
  let s = HEADER + `x = ${startTensor(r)}\ny = x\n`;
  const n = int(r, 1, 6);
  for (let i = 0; i < n; i++) s += statement(r, '', 0);
  return s;
}

/** Python-ish tokens, whitespace kept as its own tokens so a join gives the text back. */
const TOKEN = /\s+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|[A-Za-z_]\w*|'[^'\n]*'|"[^"\n]*"|\*\*|\/\/|[=!<>]=|[^\s]/g;

const REPLACEMENTS = ['None', 'True', "'a'", '[1, 2]', '(2, 3)', 'torch.float64', 'x', '1.5', 'torch.ones(2)', '-1', '0',
  '2**40', '100000', '(100000, 100000)', '(2**40, 2)', "float('nan')", 'print', 'nn', 'self', '()', 'torch.int64'];

/** 1 to 3 token-level edits of a real program. */
export function mutate(src: string, r: Rng): string {
  const toks = src.match(TOKEN) ?? [];
  const edits = int(r, 1, 3);
  for (let e = 0; e < edits && toks.length > 0; e++) {
    const i = Math.floor(r() * toks.length);
    const op = int(r, 0, 6);
    if (op === 0) toks.splice(i, 1); // deletion
    else if (op === 1) toks.splice(i, 0, toks[i]); // duplication
    else if (op === 2) { // swap with a nearby token
      const j = Math.min(toks.length - 1, i + int(r, 1, 6));
      [toks[i], toks[j]] = [toks[j], toks[i]];
    } else {
      // number tweaks (the most fruitful edit): find a number at or after i
      let j = i;
      if (op <= 4) while (j < toks.length && !/^\d/.test(toks[j])) j++;
      if (j >= toks.length) j = i;
      if (/^\d/.test(toks[j]) && op <= 4) toks[j] = pick(r, ['0', '-1', '2**40', '1', '3', '100000', '-2', String(Number(toks[j]) + 1), '0.5', '2**63', 'True', "'3'"]);
      else if (/^\S/.test(toks[j])) toks[j] = pick(r, REPLACEMENTS); // type swap
    }
  }
  return toks.join('');
}
