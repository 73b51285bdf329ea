#!/usr/bin/python3
"""Generates test/fixtures/ops/*.json: the expected results of the engine's general tensor
ops (src/engine/ops), measured with real PyTorch 1.13.1. Run with /usr/bin/python3.

Each case: {"name", "op", "args": [...], "kwargs": {...}, "out": value | {"error": {type, message}},
"tol"?: {"ulp": n} | {"rtol": r, "atol": a}, "strides"?: true}. Values are encoded as:
tensor {"T": dtype, "shape", "data" (flat; "nan"/"inf"/"-inf"), "stride"}, or an input made
from a pattern {"P": dtype, "shape", "a", "m", "c", "d"} whose element i is
((i * a) % m - c) / d in float64, then cast (exact in both Python and JS, keeps fixtures small), {"int": n},
{"float": x}, {"bool": b}, null, strings, {"list": [...]}, {"tuple": [...]},
{"slice": [start, stop, step]}, {"ellipsis": 1}, {"dtype": name}, {"vi": [values, indices]}.
"""
import itertools
import json
import math
import os
import sys

import torch
import torch.nn.functional as F

assert torch.__version__.startswith('1.13'), torch.__version__
torch.manual_seed(0)

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'ops')

DT = {torch.float32: 'float32', torch.float64: 'float64', torch.int64: 'int64', torch.int32: 'int32',
      torch.uint8: 'uint8', torch.bool: 'bool'}


def num(v):
    if isinstance(v, float):
        if math.isnan(v):
            return 'nan'
        if math.isinf(v):
            return 'inf' if v > 0 else '-inf'
    return v


def enc(v):
    if isinstance(v, torch.Tensor) and getattr(v, '_pat', None):
        return dict(v._pat)
    if isinstance(v, torch.Tensor):
        data = v.reshape(-1).tolist()
        if v.dtype == torch.bool:
            data = [1 if b else 0 for b in data]
        return {'T': DT[v.dtype], 'shape': list(v.shape), 'data': [num(x) for x in data], 'stride': list(v.stride())}
    if isinstance(v, bool):
        return {'bool': v}
    if isinstance(v, int):
        return {'int': v}
    if isinstance(v, float):
        return {'float': num(v)}
    if v is None:
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, torch.dtype):
        return {'dtype': DT[v]}
    if isinstance(v, slice):
        return {'slice': [v.start, v.stop, v.step]}
    if v is Ellipsis:
        return {'ellipsis': 1}
    if hasattr(v, 'values') and hasattr(v, 'indices'):
        return {'vi': [enc(v.values), enc(v.indices)]}
    if isinstance(v, list):
        return {'list': [enc(x) for x in v]}
    if isinstance(v, tuple):
        return {'tuple': [enc(x) for x in v]}
    raise TypeError(f'cannot encode {type(v)}')


def clone_args(v):
    if isinstance(v, torch.Tensor):
        if 0 in v.stride() and v.numel() > 1:
            # keep an expanded input expanded (clone() would make it dense): rebuild its storage
            span = 1 + sum((s - 1) * st for s, st in zip(v.shape, v.stride()))
            flat = torch.zeros(span, dtype=v.dtype)
            for idx in itertools.product(*[range(s) for s in v.shape]):
                flat[sum(i * st for i, st in zip(idx, v.stride()))] = v[idx]
            return flat.as_strided(v.shape, v.stride())
        return v.clone()
    if isinstance(v, list):
        return [clone_args(x) for x in v]
    if isinstance(v, tuple):
        return tuple(clone_args(x) for x in v)
    return v


def setitem(x, idx, value):
    x[idx] = value
    return x


def setitem_through_view(x):
    y = x[0]
    y[1] = 5
    return x


OPS = {
    # factories
    'tensor': lambda data, **kw: torch.tensor(data, **kw),
    'arange': lambda *a, **kw: torch.arange(*a, **kw),
    'linspace': lambda *a, **kw: torch.linspace(*a, **kw),
    'zeros': lambda shape, **kw: torch.zeros(shape, **kw),
    'ones': lambda shape, **kw: torch.ones(shape, **kw),
    'full': lambda shape, v, **kw: torch.full(shape, v, **kw),
    'eye': lambda *a, **kw: torch.eye(*a, **kw),
    'zeros_like': lambda x, **kw: torch.zeros_like(x, **kw),
    'ones_like': lambda x, **kw: torch.ones_like(x, **kw),
    'rand': lambda shape, **kw: torch.rand(shape, **kw),
    'randn': lambda shape, **kw: torch.randn(shape, **kw),
    'randint': lambda lo, hi, shape, **kw: torch.randint(lo, hi, shape, **kw),
    'full_like': lambda x, v, **kw: torch.full_like(x, v, **kw),
    # shape
    'reshape': lambda x, s: x.reshape(s),
    'view': lambda x, s: x.view(s),
    'flatten': lambda x, *a: torch.flatten(x, *a),
    'unflatten': lambda x, d, s: x.unflatten(d, s),
    'permute': lambda x, d: x.permute(d),
    'transpose': lambda x, a, b: x.transpose(a, b),
    't': lambda x: x.t(),
    'squeeze': lambda x, *a: x.squeeze(*a),
    'unsqueeze': lambda x, d: x.unsqueeze(d),
    'expand': lambda x, s: x.expand(s),
    'contiguous': lambda x: x.contiguous(),
    'clone': lambda x: x.clone(),
    'narrow': lambda x, d, s, n: x.narrow(d, s, n),
    'split': lambda x, s, d: torch.split(x, s, d),
    'chunk': lambda x, *a: torch.chunk(x, *a),
    't_view': lambda x, s: x.t().view(s),
    't_reshape': lambda x, s: x.t().reshape(s),
    't_clone_view': lambda x, s: x.t().clone().view(s),
    'permute_contiguous': lambda x, d: x.permute(d).contiguous(),
    # indexing
    'getitem': lambda x, i: x[i],
    'setitem': setitem,
    'setitem_view': setitem_through_view,
    # join
    'cat': lambda ts, *a: torch.cat(ts, *a),
    'stack': lambda ts, *a: torch.stack(ts, *a),
    # element-wise
    'add': lambda a, b: a + b,
    'sub': lambda a, b: a - b,
    'mul': lambda a, b: a * b,
    'div': lambda a, b: a / b,
    'floordiv': lambda a, b: a // b,
    'mod': lambda a, b: a % b,
    'pow': lambda a, b: a ** b,
    'neg': lambda a: -a,
    'abs': torch.abs,
    'sqrt': torch.sqrt,
    'exp': torch.exp,
    'log': torch.log,
    'sign': torch.sign,
    'relu': torch.relu,
    'floor': torch.floor,
    'ceil': torch.ceil,
    'trunc': torch.trunc,
    'round': torch.round,
    'maximum': torch.maximum,
    'minimum': torch.minimum,
    'max2': torch.max,
    'T': lambda x: x.T,
    'expand_as': lambda x, o: x.expand_as(o),
    'clamp': lambda x, *a, **kw: torch.clamp(x, *a, **kw),
    'eq': lambda a, b: a == b,
    'ne': lambda a, b: a != b,
    'lt': lambda a, b: a < b,
    'le': lambda a, b: a <= b,
    'gt': lambda a, b: a > b,
    'ge': lambda a, b: a >= b,
    'logical_and': torch.logical_and,
    'logical_or': torch.logical_or,
    'logical_not': torch.logical_not,
    'and': lambda a, b: a & b,
    'or': lambda a, b: a | b,
    'xor': lambda a, b: a ^ b,
    'invert': lambda a: ~a,
    'where': torch.where,
    # reductions
    'sum': lambda x, *a, **kw: torch.sum(x, *a, **kw),
    'mean': lambda x, *a, **kw: torch.mean(x, *a, **kw),
    'max': lambda x, *a, **kw: torch.max(x, *a, **kw),
    'min': lambda x, *a, **kw: torch.min(x, *a, **kw),
    'argmax': lambda x, *a, **kw: torch.argmax(x, *a, **kw),
    'argmin': lambda x, *a, **kw: torch.argmin(x, *a, **kw),
    'getitem_sum': lambda x, i, *a: torch.sum(x[i], *a),
    'sum_t': lambda x, *a, **kw: torch.sum(x.t(), *a, **kw),
    'sum_permuted': lambda x, p, *a, **kw: torch.sum(x.permute(p), *a, **kw),
    # conversion
    'to': lambda x, d: x.to(d),
    'float': lambda x: x.float(),
    'double': lambda x: x.double(),
    'long': lambda x: x.long(),
    'int': lambda x: x.int(),
    'bool': lambda x: x.bool(),
    'item': lambda x: x.item(),
    'tolist': lambda x: x.tolist(),
    'allclose': lambda a, b, **kw: torch.allclose(a, b, **kw),
    'equal': torch.equal,
    # nn.functional
    'conv1d': lambda *a, **kw: F.conv1d(*a, **kw),
    'conv2d': lambda *a, **kw: F.conv2d(*a, **kw),
    'pad': lambda *a, **kw: F.pad(*a, **kw),
    'interpolate': lambda *a, **kw: F.interpolate(*a, **kw),
}

GROUPS = {}


def case(group, op, *args, tol=None, strides=False, name=None, **kwargs):
    fn = OPS[op]
    enc_args = [enc(a) for a in args]
    enc_kwargs = {k: enc(v) for k, v in kwargs.items()}
    try:
        out = enc(fn(*clone_args(list(args)), **kwargs))
    except Exception as e:  # noqa: BLE001 - the error is the expected result
        out = {'error': {'type': type(e).__name__, 'message': str(e)}}
    c = {'name': name or f'{op} #{len(GROUPS.get(group, []))}', 'op': op, 'args': enc_args, 'kwargs': enc_kwargs, 'out': out}
    if callable(tol):
        tol = tol(args, kwargs)
    if tol:
        c['tol'] = tol
    if strides:
        c['strides'] = True
    GROUPS.setdefault(group, []).append(c)


_PAT = [0]


def rn(*shape, dtype=torch.float32):
    """A float input with varied magnitudes and mantissas, encoded as a pattern (see the docstring)."""
    k = _PAT[0]
    _PAT[0] += 1
    a = [7919, 104729, 1299709, 15485863][k % 4]
    m = 1000 + 17 * k
    c = m // 2
    d = [37, 13, 101, 7, 3][k % 5]
    n = math.prod(shape)
    vals = [((i * a) % m - c) / d for i in range(n)]
    t = torch.tensor(vals, dtype=torch.float64).to(dtype).reshape(shape)
    t._pat = {'P': DT[dtype], 'shape': list(shape), 'a': a, 'm': m, 'c': c, 'd': d}
    return t


def ri(lo, hi, *shape, dtype=torch.int64):
    return torch.randint(lo, hi, shape).to(dtype)


NAN, INF = float('nan'), float('inf')

# ---------------------------------------------------------------- factories
G = 'factories'
for data in [[1, 2, 3], [1.5, 2, 3], [True, False], [True, 2], [[1, 2], [3, 4]], [], [[], []], 3, 2.5, True,
             [[1, 2], [3]], [[1, 2], 3], [1, [2, 3]], [[[1.0], [2.0]], [[3.0], [4.0]]], [1e10, -0.0, 1e-45],
             [3.4e38, 1e39], [0.1, 0.2, 0.3]]:
    case(G, 'tensor', data)
case(G, 'tensor', [1.7, -2.7, 300.0], dtype=torch.int64)
case(G, 'tensor', [1.7, -2.7, 300.0], dtype=torch.uint8)
case(G, 'tensor', [1.7, -2.7, 300.0], dtype=torch.int32)
case(G, 'tensor', [0, 2, 0.5], dtype=torch.bool)
case(G, 'tensor', [1, 2], dtype=torch.float64)
case(G, 'tensor', [torch.tensor(1.5), torch.tensor(2.5)])
case(G, 'tensor', [torch.tensor(1, dtype=torch.int32), 2])
case(G, 'tensor', [torch.tensor([1, 2]), torch.tensor([3, 4])])
for a in [(5,), (2, 7), (1, 10, 3), (10, 1, -3), (0.5,), (0, 1, 0.1), (1, 2.5, 0.5), (-1.5, 2.5, 0.25),
          (0, 5, 0), (5, 0), (0, 1, 0.3), (0, 3, 0.1), (1, 0, -0.1), (0.1, 3.3, 0.1), (0, 100), (2.5,),
          (0, 50, 0.7), (-10, 10, 0.37), (0, 0.10001, 0.0001)]:
    case(G, 'arange', *a)
case(G, 'arange', 5, dtype=torch.float32)
case(G, 'arange', 0, 5.5, 1.5, dtype=torch.int64)
case(G, 'arange', 0, 5, 0.5, dtype=torch.int64)
case(G, 'arange', 0, 2, 0.1, dtype=torch.float64)
case(G, 'arange', 0, 1, 1e-2, dtype=torch.float64)
case(G, 'arange', float('inf'))
for a in [(0, 1, 5), (0, 1, 1), (0, 1, 0), (-1, 1, 7), (0, 10, 11), (0.1, 0.9, 9), (1, 0, 4), (0, 1, 33),
          (3, 7, 2), (0, 1, -1), (-3.3, 8.1, 21), (0, 1, 20)]:
    case(G, 'linspace', *a)
case(G, 'linspace', 0, 10, 4, dtype=torch.int64)
case(G, 'linspace', 0, 1, 7, dtype=torch.float64)
# lengths around the vectorized path (pairs of 8 floats / 4 doubles) and the halfway switch
for steps in [15, 16, 17, 24, 31, 32, 40, 65, 100]:
    case(G, 'linspace', -3.3, 8.1, steps)
    case(G, 'linspace', 0.1, 1.7, steps, dtype=torch.float64)
    case(G, 'linspace', -7, 1000, steps, dtype=torch.int64)
for a in [(0, 3.7, 0.013), (-5, 5, 0.07), (1.1, 9.9, 0.3), (0, 100, 0.9)]:
    case(G, 'arange', *a)
    case(G, 'arange', *a, dtype=torch.float64)
case(G, 'arange', 3, dtype=torch.bool)
case(G, 'arange', 3, dtype=torch.uint8)
case(G, 'arange', 1e20, dtype=torch.int64)
case(G, 'linspace', 0, 1, 3, dtype=torch.bool)
case(G, 'linspace', 0, 300, 3, dtype=torch.uint8)
case(G, 'linspace', 0, 200, 5, dtype=torch.uint8)
case(G, 'eye', 2, dtype=torch.bool)
case(G, 'rand', (2,), dtype=torch.int64)
case(G, 'randn', (2,), dtype=torch.int64)
case(G, 'rand', (2, -1))
case(G, 'randint', 0, 5, (2,), dtype=torch.bool)
case(G, 'randint', 3, 3, (2,))
case(G, 'tensor', [torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])])
case(G, 'tensor', [[1, 2], torch.tensor([3, 4])])
case(G, 'tensor', [1e20], dtype=torch.int64)
case(G, 'tensor', [-1, 255], dtype=torch.uint8)
case(G, 'tensor', [float('nan')], dtype=torch.int32)
case(G, 'full', (2,), 2.5, dtype=torch.bool)
case(G, 'full', (2,), 2, dtype=torch.bool)
case(G, 'full', (2,), -1, dtype=torch.uint8)
case(G, 'full', (2,), -256, dtype=torch.uint8)
case(G, 'full', (2,), 1e39)
case(G, 'full', (2,), 3e9, dtype=torch.int32)
case(G, 'full', (2,), float('nan'), dtype=torch.int64)
case(G, 'zeros', (2, 3))
case(G, 'zeros', (2, 3), dtype=torch.int64)
case(G, 'zeros', ())
case(G, 'zeros', (2, -1))
case(G, 'ones', (3,))
case(G, 'ones', (2, 2), dtype=torch.bool)
for v in [3, 2.5, True, -1]:
    case(G, 'full', (2, 2), v)
case(G, 'full', (2,), 2.7, dtype=torch.int64)
case(G, 'full', (3,), 300, dtype=torch.uint8)
case(G, 'eye', 3)
case(G, 'eye', 2, 4)
case(G, 'eye', 3, dtype=torch.int64)
case(G, 'eye', -1)
case(G, 'zeros_like', ri(0, 5, 2, 3))
case(G, 'ones_like', rn(2), dtype=torch.float64)
case(G, 'full_like', rn(2, 2), 7)

# ---------------------------------------------------------------- shape
G = 'shape'
x = torch.arange(24).reshape(2, 3, 4)
for s in [(6, 4), (-1,), (4, -1), (2, -1, 2), (-1, -1), (5, -1), (7,), (0, -1), (24, 1, 1), (-2, 12)]:
    case(G, 'reshape', x, s, strides=True)
    case(G, 'view', x, s, strides=True)
case(G, 'view', torch.zeros(0, 3), (-1, 0))
case(G, 'reshape', torch.tensor(5.0), (1, 1))
case(G, 'reshape', torch.tensor(5.0), (-1,))
y = torch.arange(12.0).reshape(3, 4)
for s in [(12,), (4, 3), (2, 2, 3), (4, 1, 3), (1, 4, 3)]:
    case(G, 't_view', y, s, strides=True)
    case(G, 't_reshape', y, s, strides=True)
case(G, 't_clone_view', y, (12,), strides=True)
case(G, 't_clone_view', y, (2, 2, 3), strides=True)
for a in [(), (1,), (0, 1), (1, 2), (-2, -1), (2, 1), (0, 0), (3,), (-4,)]:
    case(G, 'flatten', x, *a, strides=True)
case(G, 'flatten', torch.tensor(3), strides=True)
case(G, 'unflatten', torch.arange(12), 0, (3, -1), strides=True)
case(G, 'unflatten', torch.arange(12).reshape(2, 6), -1, (2, 3), strides=True)
for s_ in [(3, 5), (-1, -1), ()]:
    case(G, 'unflatten', torch.arange(12), 0, s_)
for a_ in [(torch.arange(10), 3), (torch.arange(10), 4), (torch.arange(5), 0), (torch.arange(0), 3),
           (torch.arange(12).reshape(3, 4), 2, 1), (torch.tensor(1.0), 2), (torch.arange(3), 5)]:
    case(G, 'chunk', *a_, strides=True)
case(G, 'split', torch.arange(10), -1, 0)
case(G, 'split', torch.arange(10), 0, 0)
case(G, 'split', torch.arange(0), 0, 0)
for d in [(2, 0, 1), (0, 1), (0, 0, 1), (-1, 0, 1), (0, 1, 3)]:
    case(G, 'permute', x, d, strides=True)
case(G, 'permute_contiguous', x, (2, 0, 1), strides=True)
for a in [(0, 1), (-1, 0), (1, 1), (0, 3)]:
    case(G, 'transpose', x, *a, strides=True)
case(G, 't', y, strides=True)
case(G, 'T', x, strides=True)
case(G, 'T', torch.tensor(1.0), strides=True)
case(G, 'expand_as', torch.tensor([[1.0], [2.0], [3.0]]), torch.zeros(2, 3, 4), strides=True)
case(G, 't', torch.arange(3), strides=True)
case(G, 't', x)
z = torch.zeros(1, 3, 1, 2)
for a in [(), (0,), (1,), (-2,), (4,)]:
    case(G, 'squeeze', z, *a, strides=True)
for d in [0, 2, 4, -1, -5, 5]:
    case(G, 'unsqueeze', z, d, strides=True)
case(G, 'unsqueeze', torch.tensor(2.0), 0, strides=True)
v = torch.tensor([[1.0], [2.0], [3.0]])
for s in [(3, 4), (2, 3, 4), (-1, 2), (3, 1), (4, 4), (3,), (-1, 3, 1), (2, -1, 2)]:
    case(G, 'expand', v, s, strides=True)
case(G, 'contiguous', y.t(), strides=True)
case(G, 'clone', y, strides=True)
case(G, 'narrow', y, 1, 1, 2, strides=True)
case(G, 'narrow', y, 0, -2, 2, strides=True)
case(G, 'narrow', y, 0, 2, 2)
case(G, 'split', torch.arange(10), 3, 0, strides=True)
case(G, 'split', torch.arange(10).reshape(2, 5), [2, 3], 1, strides=True)
case(G, 'split', torch.arange(10), [2, 3], 0)

# ---------------------------------------------------------------- indexing
G = 'indexing'
x = torch.arange(24.0).reshape(2, 3, 4)
E = Ellipsis
for i in [0, -1, 1, 2, -3, (0, 1), (1, -1, 2), (0, 1, 2, 3), slice(None), slice(1, None), slice(None, None, 2),
          (slice(None), 1), (E, 0), (E, slice(1, 3)), (0, E, 1), (None,), (None, 0, None), (E, None),
          (slice(None), None, slice(0, 2)), (slice(-2, None), slice(None, None, 2), slice(1, 100, 3)),
          slice(5, 10), slice(0, 0), (slice(None, None, -1),), (slice(None, None, 0),), (E, E), (0, 5),
          (slice(1, 3), slice(-100, 2)), (0, slice(None), -5)]:
    case(G, 'getitem', x, i, strides=True)
case(G, 'getitem', torch.tensor(3.0), 0)
case(G, 'getitem', torch.tensor(3.0), (None,), strides=True)
case(G, 'getitem', torch.tensor(3.0), E, strides=True)
case(G, 'getitem', torch.tensor(3.0), slice(None))
m = torch.tensor([[True, False, True, False], [False, False, True, True], [True, True, True, True]])
case(G, 'getitem', x[0], m)
case(G, 'getitem', x, torch.tensor([True, False]))
case(G, 'getitem', x, (slice(None), torch.tensor([True, False, True])))
case(G, 'getitem', x, torch.tensor([1, 0, 1]))
case(G, 'getitem', x, (0, torch.tensor([2, 0])))
case(G, 'getitem', x, (torch.tensor([1, 0]), slice(None), torch.tensor([3, 1])))
case(G, 'getitem', x, (slice(None), torch.tensor([[0, 1], [2, 2]]), torch.tensor([1, 3])))
case(G, 'getitem', x, torch.tensor([2]))
case(G, 'getitem', x, torch.tensor([-1]))
case(G, 'getitem', x, torch.tensor([0.0]))
case(G, 'getitem', x, torch.tensor([True, False, True]))
case(G, 'getitem', x[0], x[0] > 5)
for i in [True, False, (0, True), (True, 1), (E, True), (None, False, 0)]:
    case(G, 'getitem', x, i, strides=True)
case(G, 'getitem', torch.tensor(2.0), True, strides=True)
for i, val in [(0, 1.5), ((0, 1), torch.tensor([9.0, 8, 7, 6])), ((slice(None), 0), torch.tensor([5.0, 6, 7, 8])),
               ((E, 1), torch.tensor([1.0, 2, 3])), ((slice(None), slice(None), 0), torch.tensor([[1.0], [2.0]])),
               ((0, slice(0, 2)), torch.tensor([1.0, 2, 3])), (1, 7), ((0, 0, 0), torch.tensor(4.5)),
               ((0, slice(None, None, 2)), torch.ones(1, 1, 2, 4)), (x[0] > 5, 0.0)]:
    case(G, 'setitem', x.clone() if not (isinstance(i, torch.Tensor)) else x[0].clone(), i, val)
case(G, 'setitem', torch.arange(6).reshape(2, 3), (0, 1), 2.7)
case(G, 'setitem', torch.arange(6).reshape(2, 3), torch.tensor([True, False]), torch.tensor([7, 8, 9]))
case(G, 'setitem', torch.arange(6).reshape(2, 3), (slice(None), torch.tensor([0, 2])), -1)
case(G, 'setitem', torch.arange(6.0), slice(1, None), torch.arange(6.0)[:-1])
case(G, 'setitem', torch.arange(6.0), 9, 1.0)
case(G, 'setitem_view', torch.arange(6.0).reshape(2, 3))
ex = torch.arange(3.0).expand(2, 3)
for i_, v_ in [(0, 1.0), ((slice(None), 0), 1.0), ((0, 1), 7.0), (ex == 1, 5.0), (1, torch.tensor([4.0, 5.0, 6.0]))]:
    case(G, 'setitem', ex, i_, v_, strides=True)
case(G, 'setitem', torch.zeros(3, dtype=torch.uint8), 0, 300)
case(G, 'setitem', torch.zeros(3, dtype=torch.uint8), 0, -3)
case(G, 'setitem', torch.zeros(3, dtype=torch.int64), 0, 2.9)

# ---------------------------------------------------------------- join
G = 'join'
a, b = rn(2, 3), rn(2, 3)
case(G, 'cat', [a, b])
case(G, 'cat', [a, b], 1)
case(G, 'cat', [a, b], -1)
case(G, 'cat', [a, rn(1, 3)])
case(G, 'cat', [a, rn(2, 2)], 1)
case(G, 'cat', [a, rn(3, 2)])
case(G, 'cat', [a, rn(3)])
case(G, 'cat', [a, torch.tensor([])])
case(G, 'cat', [a, ri(0, 5, 2, 3)])
case(G, 'cat', [ri(0, 5, 2), torch.tensor([True, False])])
case(G, 'cat', [])
case(G, 'cat', [torch.tensor(1.0), torch.tensor(2.0)])
case(G, 'cat', [a, b], 2)
case(G, 'cat', [a.t(), b.t()], 0)
case(G, 'stack', [a, b])
case(G, 'stack', [a, b], 2)
case(G, 'stack', [a, b], -1)
case(G, 'stack', [a, b], 3)
case(G, 'stack', [a, rn(3, 2)])
case(G, 'stack', [])
case(G, 'stack', [torch.tensor(1), torch.tensor(2.5)])

# ---------------------------------------------------------------- element-wise
G = 'elementwise'
_case = case


def case(group, op, *args, **kw):  # noqa: F811 - element-wise results also check the output layout
    kw.setdefault('strides', True)
    _case(group, op, *args, **kw)


f = rn(2, 3)
f2 = rn(3)
d = rn(2, 3, dtype=torch.float64)
i = ri(-5, 6, 2, 3)
i2 = ri(1, 4, 3)
i32 = ri(-5, 6, 2, 3, dtype=torch.int32)
u8 = ri(0, 256, 2, 3, dtype=torch.uint8)
bl = torch.tensor([[True, False, True], [False, False, True]])
special = torch.tensor([0.0, -0.0, 1.0, -1.0, NAN, INF, -INF, 3.5, -2.5, 1e-30, 7.0, -7.0])
sp2 = torch.tensor([1.0, -1.0, 0.0, -0.0, 2.0, INF, NAN, -2.0, 0.5, 3.0, -3.0, 2.0])
operands = [
    (f, f2), (f, 2), (f, 2.5), (2, f), (0.1, f), (f, torch.tensor(3.0, dtype=torch.float64)),
    (f, d), (i, 2), (i, 2.5), (i, i2), (i, f), (i32, 3), (i32, i), (u8, 3), (u8, 300), (u8, -1), (u8, i32),
    (bl, bl), (bl, 1), (bl, 1.5), (bl, f), (i, torch.tensor(2.5)), (i32, torch.tensor(2)),
    (special, sp2), (f, rn(4)), (torch.tensor(1.5), torch.tensor(2)), (i, True), (f, torch.tensor([[1.0], [2.0]])),
]
for op in ['add', 'sub', 'mul', 'div']:
    for a_, b_ in operands:
        case(G, op, a_, b_)
for op in ['floordiv', 'mod']:
    for a_, b_ in [(f, f2), (f, 0.7), (-3.5, f), (i, i2), (i, 3), (i, -3), (i, 2.5), (special, sp2), (i, 0),
                   (i, torch.tensor([1, 0, 1])), (f, 0.0), (u8, 7), (i32, -4),
                   (torch.tensor([7.0, -7.0, 7.0, -7.0, 1e20, 0.3]), torch.tensor([2.0, 2.0, -2.0, -2.0, 3.0, 0.1]))]:
        case(G, op, a_, b_)
for a_, b_ in [(f, 2), (f, 3), (f, -2), (f, 0.5), (f, -1), (f, 0), (f, 1), (f.abs(), 1.5), (f.abs(), -0.5),
                    (i, 2), (i, 3), (i, 0), (i, -1), (i2, i2), (i, 2.0), (2, i2), (2.0, i2), (2, f),
                    (u8, 2), (special, 2), (special, sp2), (f.abs(), f2)]:
    gen = isinstance(b_, torch.Tensor) or not (b_ in (0, 1, 2, 3, -2, 0.5, -1)) or isinstance(a_, (int, float))
    case(G, 'pow', a_, b_, tol={'ulp': 1} if gen else None)
for op, tol in [('neg', None), ('abs', None), ('sqrt', None), ('exp', {'ulp': 1}), ('log', {'ulp': 1}),
                ('sign', None), ('relu', None)]:
    for t in [f, special, i, d, bl, u8, torch.tensor(2.0), rn(40)]:
        case(G, op, t, tol=tol)
for op in ['floor', 'ceil', 'trunc', 'round']:
    for t in [torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, -0.0, NAN, INF, 1e20, 0.49999997]), i, d * 3, bl]:
        case(G, op, t)
for op in ['maximum', 'minimum', 'max2']:
    for a_, b_ in [(special, sp2), (f, f2), (i, f), (i, i2), (u8, bl)]:
        case(G, op, a_, b_)
for a_ in [(f, -0.5, 0.5), (f, None, 0.0), (f, 0.0), (i, 0, 3), (i, 0.5), (special, -1.0, 1.0), (f, None, None),
           (f, 1.0, -1.0), (i, torch.tensor(1), torch.tensor(2))]:
    case(G, 'clamp', *a_)
case(G, 'clamp', i, min=-1.5, max=2)
for op in ['eq', 'ne', 'lt', 'le', 'gt', 'ge']:
    for a_, b_ in [(f, f2), (f, 0), (i, 2.5), (i, i2), (special, sp2), (bl, 0), (u8, 300), (2, f), (i, f)]:
        case(G, op, a_, b_)
for a_, b_ in [(bl, bl[0]), (f, i), (special, sp2)]:
    case(G, 'logical_and', a_, b_)
    case(G, 'logical_or', a_, b_)
for t in [bl, f, i, special]:
    case(G, 'logical_not', t)
for op in ['and', 'or', 'xor']:
    for a_, b_ in [(bl, bl[0]), (i, i2), (i, 3), (f, f2)]:
        case(G, op, a_, b_)
for t in [bl, i, u8, f]:
    case(G, 'invert', t)
for a_ in [(bl, f, f2), (bl, i, 0.5), (bl, i, i32), (bl, 1.0, 0.0), (bl, f, 0), (f, f, f), (bl[0], f, f2[:1])]:
    case(G, 'where', *a_)
# a larger broadcast to exercise strided loops
case(G, 'add', rn(3, 1, 4), rn(2, 1))
case(G, 'mul', rn(4, 5).t(), rn(4))

for a_, b_ in [(rn(4, 5).t(), 1), (rn(4, 5).t(), rn(5, 4)), (rn(5, 4), rn(4, 5).t()), (rn(2, 3, 4).permute(2, 0, 1), rn(4, 1, 1)),
               (rn(3, 1, 4).permute(1, 2, 0), rn(1, 4, 3).permute(0, 1, 2)), (rn(1, 5).t(), rn(3))]:
    case(G, 'mul', a_, b_)
case(G, 'exp', rn(3, 4).t(), tol={'ulp': 1})
case(G, 'where', rn(4, 3).t() > 0, rn(3, 4), 0.0)
case = _case

# ---------------------------------------------------------------- reductions
G = 'reduce'
for shape in [(7,), (8,), (16,), (33,), (100,), (1000,), (4097,), (2, 3), (5, 40), (40, 5), (3, 4, 5), (6, 70, 9),
              (2, 3, 50, 1)]:
    t = rn(*shape)
    case(G, 'sum', t)
    case(G, 'mean', t)
    for dim in range(len(shape)):
        case(G, 'sum', t, dim)
        case(G, 'mean', t, dim)
    if len(shape) >= 2:
        case(G, 'sum', t, (0, len(shape) - 1))
        case(G, 'sum', t, (0, 1), True)
        case(G, 'mean', t, -1, True)
for shape in [(300,), (20, 30), (3, 50, 7)]:
    t = rn(*shape, dtype=torch.float64)
    case(G, 'sum', t)
    case(G, 'sum', t, 0)
    case(G, 'sum', t, -1)
    case(G, 'mean', t, 1 if len(shape) > 1 else 0)
big = rn(1000, 30)
case(G, 'sum', big)
case(G, 'sum', big, 0)
case(G, 'sum', big, 1)
# Past 32768 elements PyTorch may split a reduction across threads: compared to 1e-6 relative.
BIG = {'rtol': 1e-6, 'atol': 0}
huge = rn(300, 400)
case(G, 'sum', huge, tol=BIG)
case(G, 'sum', huge, 0, tol=BIG)
case(G, 'sum', huge, 1, tol=BIG)
case(G, 'mean', huge, tol=BIG)
case(G, 'sum', rn(100003), tol=BIG)
case(G, 'getitem_sum', rn(40, 50), (slice(None), slice(None, None, 2)))
case(G, 'getitem_sum', rn(40, 50), (slice(None, None, 3),), 0)
case(G, 'getitem_sum', rn(40, 50), (slice(None), slice(None, None, 2)), 1)
case(G, 'getitem_sum', rn(6, 7, 40), (slice(None), slice(1, 5), slice(None, None, 2)), (0, 2))
t2 = rn(9, 13)
case(G, 'sum_t', t2)
case(G, 'sum_t', t2, 0)
case(G, 'sum_t', t2, 1)
case(G, 'sum_permuted', rn(4, 10, 6), (2, 0, 1))
case(G, 'sum_permuted', rn(4, 10, 6), (2, 0, 1), 1)
case(G, 'sum_permuted', rn(4, 10, 6), (1, 2, 0), (0, 2))
case(G, 'sum', ri(-100, 100, 3, 4))
case(G, 'sum', ri(-100, 100, 3, 4), 1)
case(G, 'sum', ri(-100, 100, 3, 4, dtype=torch.int32), 0)
case(G, 'sum', ri(0, 256, 5, dtype=torch.uint8))
case(G, 'sum', bl)
case(G, 'sum', bl, 1)
case(G, 'sum', f, dtype=torch.float64)
case(G, 'sum', i, dtype=torch.float32)
case(G, 'sum', special)
case(G, 'sum', torch.zeros(0, 3))
case(G, 'sum', torch.zeros(0, 3), 0)
case(G, 'sum', torch.tensor(2.5))
case(G, 'sum', f, 2)
case(G, 'sum', f, (0, 0))
case(G, 'mean', i)
case(G, 'mean', bl)
case(G, 'mean', i, dtype=torch.float32)
case(G, 'mean', torch.zeros(0))
mx = torch.tensor([[1.0, 3.0, 3.0, -1.0], [NAN, 2.0, NAN, 5.0], [2.0, 2.0, 1.0, 1.0]])
for t in [mx, f, i, bl, torch.tensor([[3, 1, 3], [0, 0, -2]]), torch.tensor(4.0), u8]:
    for op in ['max', 'min']:
        case(G, op, t)
        for dim in ([0, 1, -1] if t.dim() >= 2 else [0]):
            case(G, op, t, dim)
            case(G, op, t, dim, True)
    for op in ['argmax', 'argmin']:
        case(G, op, t)
        for dim in ([0, 1, -1] if t.dim() >= 2 else [0]):
            case(G, op, t, dim)
            case(G, op, t, dim, True)
        case(G, op, t, keepdim=True)
case(G, 'max', torch.zeros(0))
case(G, 'max', torch.zeros(0, 3), 0)
case(G, 'max', torch.zeros(0, 3), 1)
case(G, 'argmax', torch.zeros(0))
case(G, 'max', f, 2)

# ---------------------------------------------------------------- conversion
G = 'convert'
conv_src = torch.tensor([1.7, -1.7, 0.5, -0.5, 255.9, 256.0, -129.0, 3e9, -3e9, NAN, INF, -INF, 0.0])
for dt in [torch.int64, torch.int32, torch.uint8, torch.bool, torch.float64, torch.float32]:
    case(G, 'to', conv_src, dt)
case(G, 'to', torch.tensor([1e40, 1.0000001, 1 / 3], dtype=torch.float64), torch.float32)
case(G, 'to', torch.tensor([300, -1, 2 ** 40]), torch.uint8)
case(G, 'to', torch.tensor([300, -1, 2 ** 40]), torch.int32)
case(G, 'to', torch.tensor([2 ** 40 + 1, 16777217]), torch.float32)
for op in ['float', 'double', 'long', 'int', 'bool']:
    case(G, op, torch.tensor([[1.5, -2.5], [0.0, 7.9]]))
for t in [torch.tensor(2.5), torch.tensor(3), torch.tensor(True), torch.tensor([7.25]), torch.zeros(2),
          torch.tensor(0.1), torch.tensor(2.5, dtype=torch.float64)]:
    case(G, 'item', t)
for t in [torch.tensor([[1.5, 2.0], [NAN, 0.1]]), torch.tensor([1, 2]), torch.tensor([True, False]),
          torch.tensor(3.0), torch.zeros(2, 0), y.t()]:
    case(G, 'tolist', t)
fa = rn(5)
for a_, b_, kw in [(fa, fa + 1e-6, {}), (fa, fa + 1e-3, {}), (fa, fa * (1 + 2e-5), {}), (fa, fa * (1 + 2e-5), {'rtol': 1e-4}),
                   (torch.tensor([NAN]), torch.tensor([NAN]), {}), (torch.tensor([NAN]), torch.tensor([NAN]), {'equal_nan': True}),
                   (torch.tensor([INF]), torch.tensor([INF]), {}), (fa, fa[:1], {}), (fa, fa.double(), {}),
                   (torch.tensor([1, 2]), torch.tensor([1, 3]), {'atol': 1.0}), (fa, rn(3), {})]:
    case(G, 'allclose', a_, b_, **kw)
for a_, b_ in [(fa, fa.clone()), (fa, fa + 1), (fa, fa[:3]), (torch.tensor([1, 2]), torch.tensor([1.0, 2.0])),
               (torch.tensor([NAN]), torch.tensor([NAN]))]:
    case(G, 'equal', a_, b_)

# ---------------------------------------------------------------- conv
G = 'conv'


def CT(args, kwargs):
    """Exact when PyTorch's result does not depend on the backend (oneDNN vs im2col + GEMM,
    which poolnb reproduces); otherwise float32 accumulation error: 1e-6 of the convolution
    of absolute values."""
    op = F.conv2d if args[0].dim() in (3, 4) and args[1].dim() == 4 else F.conv1d
    with torch.backends.mkldnn.flags(enabled=False):
        reference = op(*args, **kwargs)
    if torch.equal(op(*args, **kwargs), reference):
        return None
    a = [t.abs() if isinstance(t, torch.Tensor) else t for t in args]
    scale = float(op(*a, **kwargs).abs().max())
    return {'rtol': 1e-6, 'atol': 1e-6 * scale}



x4 = rn(2, 3, 7, 6)
w4 = rn(4, 3, 3, 3)
b4 = rn(4)
case(G, 'conv2d', x4, w4, tol=CT)
case(G, 'conv2d', x4, w4, b4, tol=CT)
case(G, 'conv2d', x4, w4, b4, stride=2, padding=1, tol=CT)
case(G, 'conv2d', x4, w4, b4, stride=(1, 2), padding=(2, 0), dilation=(2, 1), tol=CT)
case(G, 'conv2d', x4, rn(6, 1, 3, 2), None, groups=3, tol=CT)
case(G, 'conv2d', x4, rn(3, 3, 4, 4), padding='same', tol=CT)
case(G, 'conv2d', x4, rn(3, 3, 3, 2), padding='same', dilation=2, tol=CT)
case(G, 'conv2d', x4, w4, padding='valid', tol=CT)
case(G, 'conv2d', x4[0], w4, b4, tol=CT)
case(G, 'conv2d', torch.arange(25.0).reshape(1, 1, 5, 5), torch.tensor([[[[1.0, 0, -1], [1, 0, -1], [1, 0, -1]]]]))
x1 = rn(1, 3, 9, 8)
for kw in [{}, {'stride': 2}, {'padding': 1}, {'dilation': 2}, {'padding': 'same'}, {'groups': 3}]:
    case(G, 'conv2d', x1, w4 if 'groups' not in kw else rn(6, 1, 3, 3), b4 if 'groups' not in kw else rn(6), tol=CT, **kw)
case(G, 'conv2d', x1, rn(2, 3, 5, 5), tol=CT)
case(G, 'conv2d', x1, rn(2, 3, 1, 1), tol=CT)
case(G, 'conv2d', rn(1, 1, 30, 25), rn(1, 1, 3, 3), tol=CT)
case(G, 'conv2d', rn(1, 1, 150, 140), rn(1, 1, 3, 3), stride=4, tol=CT)
case(G, 'conv2d', x1.double(), w4.double(), b4.double(), tol=CT)
case(G, 'conv1d', rn(1, 3, 20), rn(2, 3, 4), rn(2), tol=CT)
case(G, 'conv2d', x4, w4, padding='same', stride=2)
case(G, 'conv2d', x4, w4, padding='full')
case(G, 'conv2d', x4[0, 0], w4)
case(G, 'conv2d', x4, rn(4, 2, 3, 3))
case(G, 'conv2d', x4, rn(4, 1, 3, 3), groups=2)
case(G, 'conv2d', x4, rn(4, 3, 3, 3), groups=3)
case(G, 'conv2d', x4, rn(2, 1, 3, 3), groups=3)
case(G, 'conv2d', x4, w4, rn(3))
case(G, 'conv2d', x4, rn(4, 3, 9, 3))
case(G, 'conv2d', x4, w4, stride=0)
case(G, 'conv2d', x4, w4, padding=-1)
case(G, 'conv2d', x4, w4, stride=(1, 1, 1))
case(G, 'conv2d', x4, rn(4, 3, 3))
case(G, 'conv2d', x4.double(), w4)
case(G, 'conv2d', ri(0, 3, 1, 1, 4, 4), ri(0, 3, 1, 1, 2, 2))
case(G, 'conv2d', x4.double(), w4.double(), b4.double(), tol={'rtol': 1e-12, 'atol': 1e-12})
x3 = rn(2, 3, 10)
w3 = rn(5, 3, 3)
case(G, 'conv1d', x3, w3, tol=CT)
case(G, 'conv1d', x3, w3, rn(5), stride=2, padding=2, dilation=2, tol=CT)
case(G, 'conv1d', x3, w3, padding='same', tol=CT)
case(G, 'conv1d', x3, rn(2, 3, 4), padding='same', tol=CT)
case(G, 'conv1d', x3[0], w3, tol=CT)
case(G, 'conv1d', x3, rn(6, 1, 3), groups=3, tol=CT)
case(G, 'conv1d', x3, rn(5, 3, 11))
case(G, 'conv1d', x4, w3)

# ---------------------------------------------------------------- pad
G = 'pad'
p3 = torch.arange(12.0).reshape(1, 3, 4)
p4 = torch.arange(24.0).reshape(1, 2, 3, 4)
for a_ in [((1, 1),), ((1, 2, 0, 1),), ((1, 1), 'constant', 2.5), ((-1, 1),), ((0, 0, -1, -1, 1, 1),), ((1,),),
           ((1, 1, 1, 1, 1, 1, 1, 1),), ((-3, -2),)]:
    case(G, 'pad', p3, *a_)
case(G, 'pad', ri(0, 5, 2, 2), (1, 1), 'constant', 2.7)
case(G, 'pad', p4, (1, 2, 2, 1), value=-1.0)
for mode in ['reflect', 'replicate']:
    for t, pd in [(p3, (1, 2)), (p3, (3, 0)), (p3, (4, 4)), (p3, (1, 1, 1, 1)), (p4, (1, 2, 2, 1)), (p4, (3, 3, 1, 1)),
                  (p4, (1, 1, 3, 3)), (p4, (1, 1)), (p3[0], (2, 2)), (p3[0], (1, 1, 2, 2)), (p3, (-1, 2)),
                  (p4, (2, 1, 0, 1)), (p3[0, 0], (1, 1)), (torch.arange(120.0).reshape(1, 2, 3, 4, 5), (1, 1, 2, 0, 1, 1)),
                  (p4, (1, 1, 1, 1, 1, 1))]:
        case(G, 'pad', t, pd, mode)
case(G, 'pad', p3, (1, 1), 'reflect', 1.0)
case(G, 'pad', p3, (1, 1), 'wrap')

# ---------------------------------------------------------------- interpolate
G = 'interpolate'
q1 = rn(1, 2, 5)
q2 = rn(1, 2, 3, 4)
q3 = rn(1, 1, 2, 3, 2)
for t, kw in [(q1, {'size': 7}), (q1, {'size': 3}), (q1, {'scale_factor': 2}), (q1, {'scale_factor': 1.5}),
              (q1, {'scale_factor': 0.5}), (q1, {'size': 10}), (q1, {'size': 13}), (q1, {'scale_factor': 2.3}),
              (q2, {'size': (5, 7)}), (q2, {'size': 6}), (q2, {'scale_factor': 1.7}), (q2, {'scale_factor': (2, 0.5)}),
              (q2, {'scale_factor': 3}), (q2, {'size': (2, 9)}), (q2, {'scale_factor': 1.7, 'recompute_scale_factor': True}),
              (q3, {'size': (3, 4, 5)}), (q3, {'scale_factor': 2}), (torch.arange(10.0).reshape(1, 1, 10), {'scale_factor': 0.3}),
              (torch.arange(7.0).reshape(1, 1, 7), {'scale_factor': 1 / 3}), (torch.arange(7.0).reshape(1, 1, 7), {'size': 4}),
              (q2, {}), (q2, {'size': 4, 'scale_factor': 2}), (q2, {'size': (4,)}), (q2, {'scale_factor': (2, 2, 2)}),
              (q2[0, 0], {'size': 4}), (q2, {'scale_factor': 0.2}), (ri(0, 9, 1, 1, 3, dtype=torch.uint8), {'size': 5}),
              (ri(0, 9, 1, 1, 3), {'size': 5}), (q2, {'size': 4, 'recompute_scale_factor': True})]:
    case(G, 'interpolate', t, **kw)

os.makedirs(OUT_DIR, exist_ok=True)
total = 0
for g, cs in GROUPS.items():
    with open(os.path.join(OUT_DIR, f'{g}.json'), 'w') as fh:
        json.dump({'generator': 'scripts/gen_ops_fixtures.py', 'torch': torch.__version__, 'cases': cs}, fh,
                  separators=(',', ':'))
        fh.write('\n')
    total += len(cs)
    print(f'{g}: {len(cs)} cases', file=sys.stderr)
print(f'total: {total} cases', file=sys.stderr)
