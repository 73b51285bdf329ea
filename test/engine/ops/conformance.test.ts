// Runs every fixture case of scripts/gen_ops_fixtures.py (measured with PyTorch 1.13.1)
// against the engine's ops. Each case is one test: values, shapes, dtypes, strides of views,
// and error type + message.

import { DType } from '../../../src/engine/dtype';
import { Tensor } from '../../../src/engine/tensor';
import * as ops from '../../../src/engine/ops';
import { Index, NestedList, PyScalar, Scalar, kindOfDtype } from '../../../src/engine/ops';
import { Case, DTypeArg, assertError, assertResult, decode, loadCases } from './fixtureCodec';

type Args = unknown[];
type Kw = Record<string, unknown>;

const n = (x: unknown): number => (x as PyScalar).value;
const opt = (x: unknown): number | undefined => (x === undefined || x === null ? undefined : n(x));
const nums = (x: unknown): number[] => (Array.isArray(x) ? x.map(n) : [n(x)]);
const dt = (x: unknown): DType | undefined => (x ? (x as DTypeArg).dtype : undefined);
const T = (x: unknown) => x as Tensor;
const S = (x: unknown) => x as Tensor | Scalar;
const dimArg = (x: unknown): number | number[] | undefined =>
  x === undefined || x === null ? undefined : Array.isArray(x) ? x.map(n) : n(x);
const bool = (x: unknown): boolean => (x === undefined ? false : n(x) !== 0);

/** Index arguments: ints stay numbers; slices, None, Ellipsis and tensors pass through. */
function index(x: unknown): Index {
  const one = (v: unknown) => {
    if (typeof v === 'object' && v !== null && 'kind' in v && 'value' in v) {
      return (v as PyScalar).kind === 'bool' ? n(v) !== 0 : n(v);
    }
    return v;
  };
  return (Array.isArray(x) ? x.map(one) : one(x)) as Index;
}

function leafKinds(t: Tensor, v: NestedList): unknown {
  if (Array.isArray(v)) return v.map((x) => leafKinds(t, x));
  return { value: typeof v === 'boolean' ? (v ? 1 : 0) : v, kind: kindOfDtype(t.dtype) };
}

/** Interprets a tensor/number data argument of torch.tensor (PyScalars and nested arrays). */
const OPS: Record<string, (a: Args, kw: Kw) => unknown> = {
  tensor: (a, kw) => ops.tensor(a[0] as ops.NestedData, dt(kw.dtype)),
  arange: (a, kw) => ops.arange(S(a[0]) as Scalar, a[1] as Scalar | undefined, a[2] as Scalar | undefined, dt(kw.dtype)),
  linspace: (a, kw) => ops.linspace(S(a[0]) as Scalar, S(a[1]) as Scalar, n(a[2]), dt(kw.dtype)),
  zeros: (a, kw) => ops.zeros(nums(a[0]), dt(kw.dtype)),
  ones: (a, kw) => ops.ones(nums(a[0]), dt(kw.dtype)),
  full: (a, kw) => ops.full(nums(a[0]), a[1] as Scalar, dt(kw.dtype)),
  eye: (a, kw) => ops.eye(n(a[0]), opt(a[1]), dt(kw.dtype)),
  rand: (a, kw) => ops.rand(nums(a[0]), dt(kw.dtype)),
  randn: (a, kw) => ops.randn(nums(a[0]), dt(kw.dtype)),
  randint: (a, kw) => ops.randint(n(a[0]), n(a[1]), nums(a[2]), dt(kw.dtype)),
  zeros_like: (a, kw) => ops.zerosLike(T(a[0]), dt(kw.dtype)),
  ones_like: (a, kw) => ops.onesLike(T(a[0]), dt(kw.dtype)),
  full_like: (a, kw) => ops.fullLike(T(a[0]), a[1] as Scalar, dt(kw.dtype)),

  reshape: (a) => ops.reshape(T(a[0]), nums(a[1])),
  view: (a) => ops.view(T(a[0]), nums(a[1])),
  flatten: (a) => ops.flatten(T(a[0]), opt(a[1]), opt(a[2])),
  unflatten: (a) => ops.unflatten(T(a[0]), n(a[1]), nums(a[2])),
  permute: (a) => ops.permute(T(a[0]), nums(a[1])),
  transpose: (a) => ops.transpose(T(a[0]), n(a[1]), n(a[2])),
  t: (a) => ops.t(T(a[0])),
  squeeze: (a) => ops.squeeze(T(a[0]), opt(a[1])),
  unsqueeze: (a) => ops.unsqueeze(T(a[0]), n(a[1])),
  expand: (a) => ops.expand(T(a[0]), nums(a[1])),
  contiguous: (a) => ops.contiguous(T(a[0])),
  clone: (a) => ops.clone(T(a[0])),
  narrow: (a) => ops.narrow(T(a[0]), n(a[1]), n(a[2]), n(a[3])),
  split: (a) => ops.split(T(a[0]), Array.isArray(a[1]) ? nums(a[1]) : n(a[1]), n(a[2])),
  chunk: (a) => ops.chunk(T(a[0]), n(a[1]), opt(a[2])),
  t_view: (a) => ops.view(ops.t(T(a[0])), nums(a[1])),
  t_reshape: (a) => ops.reshape(ops.t(T(a[0])), nums(a[1])),
  t_clone_view: (a) => ops.view(ops.clone(ops.t(T(a[0]))), nums(a[1])),
  permute_contiguous: (a) => ops.contiguous(ops.permute(T(a[0]), nums(a[1]))),

  getitem: (a) => ops.getitem(T(a[0]), index(a[1])),
  setitem: (a) => { ops.setitem(T(a[0]), index(a[1]), S(a[2])); return a[0]; },
  setitem_view: (a) => { const y = ops.getitem(T(a[0]), 0); ops.setitem(y, 1, 5); return a[0]; },

  cat: (a) => ops.cat(a[0] as Tensor[], opt(a[1])),
  stack: (a) => ops.stack(a[0] as Tensor[], opt(a[1])),

  add: (a) => ops.add(S(a[0]), S(a[1])),
  sub: (a) => ops.sub(S(a[0]), S(a[1])),
  mul: (a) => ops.mul(S(a[0]), S(a[1])),
  div: (a) => ops.div(S(a[0]), S(a[1])),
  floordiv: (a) => ops.floorDivide(S(a[0]), S(a[1])),
  mod: (a) => ops.remainder(S(a[0]), S(a[1])),
  pow: (a) => ops.pow(S(a[0]), S(a[1])),
  neg: (a) => ops.neg(T(a[0])),
  abs: (a) => ops.abs(T(a[0])),
  sqrt: (a) => ops.sqrt(T(a[0])),
  exp: (a) => ops.exp(T(a[0])),
  log: (a) => ops.log(T(a[0])),
  sign: (a) => ops.sign(T(a[0])),
  relu: (a) => ops.relu(T(a[0])),
  floor: (a) => ops.floor(T(a[0])),
  ceil: (a) => ops.ceil(T(a[0])),
  trunc: (a) => ops.trunc(T(a[0])),
  round: (a) => ops.round(T(a[0])),
  maximum: (a) => ops.maximum(T(a[0]), T(a[1])),
  minimum: (a) => ops.minimum(T(a[0]), T(a[1])),
  max2: (a) => ops.maximum(T(a[0]), T(a[1])),
  T: (a) => ops.T(T(a[0])),
  expand_as: (a) => ops.expandAs(T(a[0]), T(a[1])),
  getitem_sum: (a) => ops.sum(ops.getitem(T(a[0]), index(a[1])), dimArg(a[2])),
  clamp: (a, kw) => ops.clamp(T(a[0]), S(a[1] ?? kw.min ?? null), S(a[2] ?? kw.max ?? null)),
  eq: (a) => ops.eq(S(a[0]), S(a[1])),
  ne: (a) => ops.ne(S(a[0]), S(a[1])),
  lt: (a) => ops.lt(S(a[0]), S(a[1])),
  le: (a) => ops.le(S(a[0]), S(a[1])),
  gt: (a) => ops.gt(S(a[0]), S(a[1])),
  ge: (a) => ops.ge(S(a[0]), S(a[1])),
  logical_and: (a) => ops.logicalAnd(T(a[0]), T(a[1])),
  logical_or: (a) => ops.logicalOr(T(a[0]), T(a[1])),
  logical_not: (a) => ops.logicalNot(T(a[0])),
  and: (a) => ops.bitwiseAnd(S(a[0]), S(a[1])),
  or: (a) => ops.bitwiseOr(S(a[0]), S(a[1])),
  xor: (a) => ops.bitwiseXor(S(a[0]), S(a[1])),
  invert: (a) => ops.bitwiseNot(T(a[0])),
  where: (a) => ops.where(T(a[0]), S(a[1]), S(a[2])),

  sum: (a, kw) => ops.sum(T(a[0]), dimArg(a[1]), bool(a[2] ?? kw.keepdim), dt(kw.dtype)),
  mean: (a, kw) => ops.mean(T(a[0]), dimArg(a[1]), bool(a[2] ?? kw.keepdim), dt(kw.dtype)),
  sum_t: (a, kw) => ops.sum(ops.t(T(a[0])), dimArg(a[1]), bool(a[2] ?? kw.keepdim), dt(kw.dtype)),
  sum_permuted: (a, kw) => ops.sum(ops.permute(T(a[0]), nums(a[1])), dimArg(a[2]), bool(a[3] ?? kw.keepdim)),
  max: (a, kw) => (a[1] === undefined ? ops.max(T(a[0])) : ops.maxDim(T(a[0]), n(a[1]), bool(a[2] ?? kw.keepdim))),
  min: (a, kw) => (a[1] === undefined ? ops.min(T(a[0])) : ops.minDim(T(a[0]), n(a[1]), bool(a[2] ?? kw.keepdim))),
  argmax: (a, kw) => ops.argmax(T(a[0]), opt(a[1]), bool(a[2] ?? kw.keepdim)),
  argmin: (a, kw) => ops.argmin(T(a[0]), opt(a[1]), bool(a[2] ?? kw.keepdim)),

  to: (a) => ops.to(T(a[0]), dt(a[1]) as DType),
  float: (a) => ops.toFloat(T(a[0])),
  double: (a) => ops.toDouble(T(a[0])),
  long: (a) => ops.toLong(T(a[0])),
  int: (a) => ops.toInt(T(a[0])),
  bool: (a) => ops.toBool(T(a[0])),
  item: (a) => ops.item(T(a[0])),
  tolist: (a) => leafKinds(T(a[0]), ops.tolist(T(a[0]))),
  allclose: (a, kw) => ops.allclose(T(a[0]), T(a[1]), opt(kw.rtol), opt(kw.atol), bool(kw.equal_nan)),
  equal: (a) => ops.equal(T(a[0]), T(a[1])),

  conv1d: (a, kw) => ops.conv1d(T(a[0]), T(a[1]), convArgs(a, kw)),
  conv2d: (a, kw) => ops.conv2d(T(a[0]), T(a[1]), convArgs(a, kw)),
  pad: (a, kw) => ops.pad(T(a[0]), nums(a[1]), (a[2] ?? kw.mode ?? 'constant') as string,
    (a[3] ?? kw.value ?? null) as Scalar | null),
  interpolate: (a, kw) => ops.interpolate(T(a[0]), {
    size: kw.size === undefined || kw.size === null ? null : Array.isArray(kw.size) ? nums(kw.size) : n(kw.size),
    scaleFactor: kw.scale_factor === undefined || kw.scale_factor === null ? null
      : Array.isArray(kw.scale_factor) ? nums(kw.scale_factor) : n(kw.scale_factor),
    mode: kw.mode as string | undefined,
    recomputeScaleFactor: kw.recompute_scale_factor === undefined ? null : bool(kw.recompute_scale_factor),
  }),
};

function convArgs(a: Args, kw: Kw): ops.ConvArgs {
  const p = kw.padding;
  return {
    bias: (a[2] ?? kw.bias ?? null) as Tensor | null,
    stride: kw.stride === undefined ? undefined : Array.isArray(kw.stride) ? nums(kw.stride) : n(kw.stride),
    padding: p === undefined ? undefined : typeof p === 'string' ? p : Array.isArray(p) ? nums(p) : n(p),
    dilation: kw.dilation === undefined ? undefined : Array.isArray(kw.dilation) ? nums(kw.dilation) : n(kw.dilation),
    groups: opt(kw.groups),
  };
}

const GROUPS = ['factories', 'shape', 'indexing', 'join', 'elementwise', 'reduce', 'convert', 'conv', 'pad', 'interpolate'];

for (const group of GROUPS) {
  describe(`ops conformance with PyTorch 1.13.1: ${group}`, () => {
    for (const c of loadCases(group)) {
      const label = `${c.name}: ${JSON.stringify(c.args).slice(0, 90)} ${JSON.stringify(c.kwargs).slice(0, 40)}`;
      it(label, () => run(c));
    }
  });
}

function run(c: Case): void {
  const fn = OPS[c.op];
  if (!fn) throw new Error(`no dispatch for op ${c.op}`);
  const args = c.args.map(decode);
  const kw: Kw = {};
  for (const [k, v] of Object.entries(c.kwargs)) kw[k] = decode(v);
  const out = c.out as { error?: { type: string; message: string } } | null;
  if (out && typeof out === 'object' && 'error' in out && out.error) {
    assertError(() => fn(args, kw), out.error);
    return;
  }
  assertResult(fn(args, kw), c.out, c);
}
