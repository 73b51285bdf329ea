#!/usr/bin/python3
"""Generates test/fixtures/format/*.json: what real PyTorch 1.13.1 / Python 3 print.

Run with /usr/bin/python3 scripts/gen_format_fixtures.py. The fixtures are committed so
the TypeScript tests (test/lang/format/*.test.ts) need no Python.

- tensors.json: print(tensor) for many shapes, dtypes, magnitudes, special values and
  print options (each case records its options; defaults are restored between cases).
- pyformat.json: repr(float), format(value, spec) for float/int/bool/str, repr(str).
- modules.json: repr(module) for the pooling modules, Sequential, Conv2d, ReLU, Flatten,
  Identity and a user nn.Module subclass, with the attributes the repr reads.
- torch_misc.json: torch.Size, dtype and torch.return_types reprs.
"""
import json
import math
import os
import random
import struct

import torch
from torch import nn

torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'format')
rng = random.Random(1234)
DTYPES = {'float32': torch.float32, 'float64': torch.float64, 'int64': torch.int64,
          'int32': torch.int32, 'uint8': torch.uint8, 'bool': torch.bool}


def enc_float(v):
    if math.isnan(v):
        return 'nan'
    if math.isinf(v):
        return 'inf' if v > 0 else '-inf'
    return v


def f32(v):
    return struct.unpack('f', struct.pack('f', v))[0]


tensor_cases = []


def add(name, t, opts=None):
    opts = opts or {}
    extras = {}
    if isinstance(t, nn.Parameter):
        extras['parameter'] = True
    if t.grad_fn is not None:
        extras['gradFn'] = type(t.grad_fn).__name__
    elif t.requires_grad:
        extras['requiresGrad'] = True
    torch.set_printoptions(profile='default')
    if opts:
        torch.set_printoptions(**opts)
    try:
        text = repr(t)
        assert text == str(t)
    except (RuntimeError, ValueError) as e:
        text = None
        error = type(e).__name__ + ': ' + str(e)
    torch.set_printoptions(profile='default')
    flat = t.detach().reshape(-1).tolist()
    if t.dtype.is_floating_point:
        flat = [enc_float(v) for v in flat]
    elif t.dtype == torch.bool:
        flat = [1 if v else 0 for v in flat]
    case = {'name': name, 'dtype': str(t.dtype)[6:], 'shape': list(t.shape), 'values': flat, 'options': opts}
    if extras:
        case['extras'] = extras
    if text is None:
        case['error'] = error
    else:
        case['expected'] = text
    tensor_cases.append(case)


def rand_values(n, kind):
    out = []
    for _ in range(n):
        if kind == 'unit':
            v = rng.uniform(-1, 1)
        elif kind == 'pos':
            v = rng.uniform(0, 1)
        elif kind == 'int':
            v = float(rng.randint(-20, 20))
        elif kind == 'bigint':
            v = float(rng.randint(-10 ** 9, 10 ** 9))
        elif kind == 'wide':
            v = rng.choice([-1, 1]) * 10 ** rng.uniform(-6, 9)
        elif kind == 'small':
            v = rng.uniform(-1, 1) * 1e-5
        elif kind == 'large':
            v = rng.uniform(-1, 1) * 1e10
        elif kind == 'hundreds':
            v = rng.uniform(-999, 999)
        elif kind == 'ties':
            # exact binary fractions land on decimal ties: 0.125, 2.5, 0.03125 ...
            v = rng.randint(-4000, 4000) / rng.choice([8, 16, 32, 64, 2])
        elif kind == 'special':
            v = rng.choice([float('nan'), float('inf'), float('-inf'), 0.0, -0.0, 1.5, -2.0, 3.0])
        else:
            raise ValueError(kind)
        out.append(v)
    return out


def rand_shape(max_numel=60):
    nd = rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4])
    while True:
        shape = [rng.randint(1, 6) for _ in range(nd)]
        n = 1
        for s in shape:
            n *= s
        if n <= max_numel:
            return shape


# --- hand-picked cases -------------------------------------------------------------------
add('scalar float', torch.tensor(3.))
add('scalar float frac', torch.tensor(3.25))
add('scalar int', torch.tensor(3))
add('scalar bool', torch.tensor(True))
add('scalar nan', torch.tensor(float('nan')))
add('scalar -inf', torch.tensor(float('-inf')))
add('scalar negzero', torch.tensor(-0.0))
add('scalar double', torch.tensor(2.5, dtype=torch.float64))
add('scalar uint8', torch.tensor(7, dtype=torch.uint8))
add('scalar small', torch.tensor(1e-5))
add('scalar big', torch.tensor(1e10))
add('empty 1d', torch.tensor([]))
add('empty 2d', torch.zeros(0, 3))
add('empty 3d int', torch.zeros(2, 0, 3, dtype=torch.int64))
add('empty bool', torch.zeros(0, dtype=torch.bool))
add('empty double', torch.zeros(0, dtype=torch.float64))
add('empty int32 2d', torch.zeros(3, 0, dtype=torch.int32))
add('arange', torch.arange(10))
add('arange float', torch.arange(10.))
add('arange 16 4x4', torch.arange(16.).reshape(1, 1, 4, 4))
add('arange 25 5x5', torch.arange(25, dtype=torch.float32).reshape(1, 1, 5, 5))
add('seed maxpool input', torch.tensor([[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0],
                                       [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]], dtype=torch.float32).reshape(-1, 1, 5, 5))
add('seed maxpool output', torch.tensor([[[[2., 3.], [5., 1.]]]]))
add('ones', torch.ones(2, 3))
add('zeros', torch.zeros(2, 3))
add('zeros sci', torch.zeros(3), {'sci_mode': True})
add('eye', torch.eye(3))
add('eye int', torch.eye(3, dtype=torch.int64))
add('bools', torch.tensor([True, False, True]))
add('bools 2d', torch.tensor([[True, False], [False, False]]))
add('linspace', torch.linspace(0, 1, 5))
add('linspace 7', torch.linspace(-1, 1, 7))
add('thirds', torch.tensor([1 / 3, 2 / 3, 1.0]))
add('thirds double', torch.tensor([1 / 3, 2 / 3, 1.0], dtype=torch.float64))
add('negzero mix', torch.tensor([-0.0, 0.0, 1.0]))
add('negzero frac', torch.tensor([-0.0, 0.5]))
add('nan int', torch.tensor([float('nan'), 1.0, 2.0]))
add('inf int', torch.tensor([float('inf'), -1.0, 20.0]))
add('nan frac', torch.tensor([float('nan'), 1.5, -2.25]))
add('all nan', torch.tensor([float('nan'), float('nan')]))
add('all inf', torch.tensor([float('inf'), float('-inf')]))
add('nan inf sci', torch.tensor([float('nan'), float('inf'), 1e-8, 1.0]))
add('ratio 1000 exact', torch.tensor([1.0, 1000.0]))
add('ratio 1001', torch.tensor([1.0, 1001.0]))
add('ratio 1000 frac', torch.tensor([0.5, 500.0]))
add('ratio 1001 frac', torch.tensor([0.5, 500.5]))
add('max 1e8', torch.tensor([1e8, 2e7]))
add('max 1e8+', torch.tensor([1.1e8, 2e7]))
add('min 1e-4', torch.tensor([1e-4, 2e-4]))
add('min below 1e-4', torch.tensor([0.99e-4, 2e-4]))
add('int big', torch.tensor([123456789, -5]))
add('int neg', torch.tensor([[-1, 20], [300, -4000]]))
add('int32', torch.tensor([1, 2, 3], dtype=torch.int32))
add('uint8', torch.tensor([0, 128, 255], dtype=torch.uint8))
add('float64 ints', torch.tensor([1.0, 2.0], dtype=torch.float64))
add('float64 frac', torch.tensor([0.1, 0.2], dtype=torch.float64))
add('float32 0.1', torch.tensor([0.1, 0.2, 0.3]))
add('precision 2', torch.tensor([1.12345, 2.5]), {'precision': 2})
add('precision 0', torch.tensor([1.5, 2.5, 3.5, 0.5]), {'precision': 0})
add('precision 8', torch.tensor([1 / 3, 2 / 3]), {'precision': 8})
add('precision 10 double', torch.tensor([1 / 3, 2 / 3], dtype=torch.float64), {'precision': 10})
add('sci on', torch.tensor([1.5, 2.25]), {'sci_mode': True})
add('sci on ints', torch.tensor([1.0, 2.0]), {'sci_mode': True})
add('sci off', torch.tensor([1e-6, 1.0]), {'sci_mode': False})
add('sci off big', torch.tensor([1e10, 1.0]), {'sci_mode': False})
add('sci off big ints', torch.tensor([1e20, 1.0]), {'sci_mode': False})
add('sci on int dtype', torch.tensor([1, 2]), {'sci_mode': True})
add('threshold 5', torch.arange(10), {'threshold': 5})
add('threshold 5 float', torch.arange(10.) / 3, {'threshold': 5})
add('edgeitems 1', torch.arange(100.).reshape(10, 10), {'threshold': 10, 'edgeitems': 1})
add('edgeitems 2 3d', torch.arange(1000.).reshape(10, 10, 10), {'threshold': 10, 'edgeitems': 2})
add('linewidth 40', torch.arange(30.) / 7, {'linewidth': 40})
add('linewidth 20 2d', torch.arange(24.).reshape(2, 12) / 7, {'linewidth': 20})
add('linewidth 200', torch.arange(60.) / 7, {'linewidth': 200})
add('profile short', torch.tensor([1.12345, 2.5]), {'profile': 'short'})
add('profile short big', torch.arange(2000.), {'profile': 'short'})
add('profile full', torch.arange(1200), {'profile': 'full'})
add('summarise 1d', torch.arange(1001))
add('summarise 1d float', torch.arange(2000.) / 3)
add('no summarise 1000', torch.arange(1000))
add('summarise 2d', torch.arange(1500.).reshape(30, 50))
add('summarise 2d narrow', torch.arange(2000.).reshape(1000, 2))
add('summarise 3d', torch.arange(2400.).reshape(4, 20, 30))
add('summarise 4d', torch.arange(4096.).reshape(8, 8, 8, 8))
add('summarise 4d pool', torch.arange(4096.).reshape(1, 1, 64, 64))
add('summarise bool', torch.arange(1100) % 3 == 0)
add('summarise sci', torch.cat([torch.tensor([1e-6]), torch.arange(1, 1200.)]))
add('summarise hidden big', torch.cat([torch.arange(1, 4.), torch.full((1000,), 1e9), torch.arange(1, 4.)]))
add('wrap ints', torch.arange(100))
add('wrap floats', torch.arange(100.) * 1.5)
add('wrap sci', torch.arange(1, 40.) * 1e-6)
add('indices', torch.tensor([[[[6, 8], [16, 18]]]]))
add('indices 3d', torch.tensor([[[[1, 3], [11, 13]], [[41, 43], [51, 53]]]]))
add('big 2d ints wide', torch.tensor([[1e9, 2.0], [3.0, 4.0]]))
add('mixed negatives', torch.tensor([[-1.5, 2.25], [3.125, -4.0625]]))
# torch writes the precision into a format string: negative and huge ones fail when a float is formatted with it
for prec in (2 ** 40, 2 ** 31, 2 ** 63, -3, 1000, 0.5, 1.5, -0.5):
    add(f'precision {prec} fractions', torch.tensor([1.5, 2.25]), {'precision': prec})
    add(f'precision {prec} integral floats', torch.tensor([1., 2.]), {'precision': prec})
    add(f'precision {prec} nan and a fraction', torch.tensor([float('nan'), 1.5]), {'precision': prec})
    add(f'precision {prec} only nan/inf', torch.tensor([float('nan'), float('inf')]), {'precision': prec})
    add(f'precision {prec} ints', torch.tensor([1, 2]), {'precision': prec})
add('ties .5', torch.tensor([0.125, 0.375, 2.5, -0.0625]), {'precision': 2})
add('ties .0f', torch.tensor([0.5, 1.5, 2.5, 3.5]), {'precision': 0})
add('tiny subnormal', torch.tensor([1e-40, 1.0]))
add('double tiny', torch.tensor([1e-300, 1.0], dtype=torch.float64))
add('double huge', torch.tensor([1e300, -1.0], dtype=torch.float64))
add('float max', torch.tensor([3.4028234663852886e38, 1.0]))
add('avg pool thirds', nn.AvgPool2d(3, stride=1)(torch.arange(25.).reshape(1, 1, 5, 5) / 7))
add('adaptive 3x3', nn.AdaptiveAvgPool2d(3)(torch.arange(49.).reshape(1, 1, 7, 7)))
add('lp pool', nn.LPPool2d(2, 2)(torch.arange(16.).reshape(1, 1, 4, 4)))
add('nchw 2x3', torch.arange(2 * 3 * 2 * 2.).reshape(2, 3, 2, 2))
add('5d', torch.arange(32.).reshape(1, 2, 2, 2, 4))
add('5d int', torch.arange(32).reshape(2, 1, 2, 2, 4))
add('dtype suffix wrap', torch.arange(18, dtype=torch.float64) / 7)
add('dtype suffix long line', torch.tensor([123456.5, 2.25, 3.0, 4.0, 5.0, 6.0], dtype=torch.float64))
add('dtype suffix newline', torch.arange(9, dtype=torch.int32) * 1000000, {'linewidth': 40})
add('dtype int32 2d', torch.arange(12, dtype=torch.int32).reshape(3, 4))
add('uint8 image', (torch.arange(48) * 5 % 256).to(torch.uint8).reshape(3, 4, 4))
add('linewidth 10', torch.arange(5.), {'linewidth': 10})
add('linewidth 1', torch.arange(3.), {'linewidth': 1})
add('neg zero int mode', torch.tensor([-0.0, -1.0]))
add('neg zero sci', torch.tensor([-0.0, 1e-6]))
add('column', torch.arange(5.).reshape(5, 1))
add('row', torch.arange(5.).reshape(1, 5))
add('one elem', torch.tensor([7.]))
add('one elem 4d', torch.tensor([[[[7.]]]]))
w = torch.arange(6.).reshape(2, 3).requires_grad_()
add('requires_grad', w)
add('grad_fn mul', w * 2)
add('grad_fn wraps', torch.arange(16.).requires_grad_() / 7 + 1)
add('grad_fn long line', (torch.arange(10.) * 1234.5).requires_grad_() * 1)
add('grad_fn 4d conv', nn.functional.conv2d(torch.arange(16.).reshape(1, 1, 4, 4), torch.ones(1, 1, 2, 2, requires_grad=True)))
add('grad_fn pool', nn.functional.max_pool2d(torch.arange(16.).reshape(1, 1, 4, 4).requires_grad_(), 2))
add('grad_fn double', torch.arange(5, dtype=torch.float64).requires_grad_() + 1)
add('grad_fn linewidth', torch.arange(8.).requires_grad_() * 3, {'linewidth': 40})
add('parameter', nn.Parameter(torch.tensor([[0.5, -1.0], [2.0, 3.25]])))
add('parameter 4d', nn.Conv2d(1, 2, 2, bias=False).weight.detach().fill_(0.25).requires_grad_())
add('edgeitems 0 1d', torch.arange(10.), {'threshold': 5, 'edgeitems': 0})
add('edgeitems 0 1d int', torch.arange(10), {'threshold': 5, 'edgeitems': 0})
add('edgeitems 0 2d', torch.arange(20.).reshape(4, 5), {'threshold': 5, 'edgeitems': 0})
add('edgeitems 0 not summarised', torch.arange(4.).reshape(2, 2), {'threshold': 5, 'edgeitems': 0})

# --- random grid ---------------------------------------------------------------------------
KINDS = ['unit', 'pos', 'int', 'bigint', 'wide', 'small', 'large', 'hundreds', 'ties', 'special']
OPTS = [{}, {}, {}, {'precision': 2}, {'precision': 6}, {'sci_mode': True}, {'sci_mode': False},
        {'linewidth': 50}, {'threshold': 20}, {'threshold': 20, 'edgeitems': 2}, {'profile': 'short'}]
for i in range(420):
    shape = rand_shape()
    n = 1
    for s in shape:
        n *= s
    dname = rng.choice(['float32'] * 6 + ['float64'] * 2 + ['int64', 'int32', 'uint8', 'bool'])
    kind = rng.choice(KINDS)
    vals = rand_values(n, kind)
    if dname in ('float32', 'float64'):
        t = torch.tensor(vals, dtype=DTYPES[dname]).reshape(shape)
    elif dname == 'bool':
        t = torch.tensor([rng.random() < 0.5 for _ in range(n)]).reshape(shape)
    elif dname == 'uint8':
        t = torch.tensor([rng.randint(0, 255) for _ in range(n)], dtype=torch.uint8).reshape(shape)
    else:
        big = kind in ('bigint', 'large', 'wide')
        lim = 10 ** 12 if big else 100
        if dname == 'int32':
            lim = min(lim, 2 ** 31 - 1)
        t = torch.tensor([rng.randint(-lim, lim) for _ in range(n)], dtype=DTYPES[dname]).reshape(shape)
    add(f'random {i} {dname} {kind} {shape}', t, rng.choice(OPTS))

# --- larger random tensors (summarisation, wrapping) --------------------------------------
for i in range(30):
    shape = rng.choice([[1200], [40, 40], [3, 20, 20], [2, 3, 16, 16], [1, 1, 32, 40], [90], [7, 150]])
    n = 1
    for s in shape:
        n *= s
    kind = rng.choice(['unit', 'int', 'wide', 'hundreds', 'ties'])
    t = torch.tensor(rand_values(n, kind), dtype=torch.float32).reshape(shape)
    add(f'large {i} {kind} {shape}', t, rng.choice([{}, {}, {'edgeitems': 2}, {'linewidth': 120}, {'precision': 3}]))

# --- Python float / format spec ------------------------------------------------------------
py_cases = []
floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 1e-5, 1e-4, 0.0001234, 1e16, 1e15, 123456789012345678.0,
          1e22, 1.7976931348623157e308, 5e-324, 3.14159265358979, 2 / 3, 100.0, 1234.5678, 0.125, 0.375,
          float('nan'), float('inf'), float('-inf'), 1e-7, 12345.6789, 9.995, 0.045, 2.675, 1e100, 255.0,
          -123.456, 0.3, f32(0.1), f32(0.2), f32(1 / 3), f32(2.675), 65504.0, 1e21, 1e-310]
for _ in range(60):
    floats.append(f32(rng.uniform(-1000, 1000)))
    floats.append(rng.choice([-1, 1]) * 10 ** rng.uniform(-12, 20))
specs = ['', '.2f', '.0f', '.4f', '.10f', 'f', '.3e', 'e', '.4e', '.0e', 'E', 'g', '.3g', '.10g', 'G', '.0g',
         '%', '.1%', '>10', '<10', '^12', '*^12.2f', '+.2f', ' .3f', '010.3f', ',', ',.2f', '_.1f', '.2',
         '.3', '.5', '.12', '#.0f', '#g', 'z.1f', '+', 'n', '12.4e', '-^15,.3f', '08.2f', '=+10.2f', 'x<8.1f']
for x in floats:
    py_cases.append({'kind': 'float', 'value': enc_float(x), 'spec': None, 'expected': repr(x)})
    for spec in rng.sample(specs, 12):
        try:
            py_cases.append({'kind': 'float', 'value': enc_float(x), 'spec': spec, 'expected': format(x, spec)})
        except ValueError as e:
            py_cases.append({'kind': 'float', 'value': enc_float(x), 'spec': spec, 'error': 'ValueError: ' + str(e)})
ints = [0, 1, -1, 7, 42, -42, 255, 1000, 1234567, -1234567, 2 ** 31, 2 ** 53, 10 ** 15, 65]
int_specs = ['', 'd', '5d', '<5', '^7', '>08', '+d', ' d', ',', '_', '010,', 'x', 'X', '#x', 'o', '#o', 'b', '#b',
             '_b', '.2f', 'e', '.3g', '%', 'c', '=+8', '*>6', 'n', '.2', 's', 'x,', ',d']
for x in ints:
    for spec in int_specs:
        try:
            py_cases.append({'kind': 'int', 'value': x, 'spec': spec, 'expected': format(x, spec)})
        except (ValueError, OverflowError) as e:
            py_cases.append({'kind': 'int', 'value': x, 'spec': spec, 'error': type(e).__name__ + ': ' + str(e)})
for b in [True, False]:
    for spec in ['', 'd', '>6', '.2f', 's', '^7', 'x']:
        try:
            py_cases.append({'kind': 'bool', 'value': b, 'spec': spec, 'expected': format(b, spec)})
        except ValueError as e:
            py_cases.append({'kind': 'bool', 'value': b, 'spec': spec, 'error': 'ValueError: ' + str(e)})
strs = ['', 'a', 'abc', 'pool', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'new\nline', 'back\\slash',
        '池化', 'é', '\x00\x7f', 'emoji 😀', 'bell\x07']
str_specs = ['', 's', '>8', '<8', '^9', '*^9', '.2', '8.2', '+', '=', 'd', '05', ',']
for s in strs:
    py_cases.append({'kind': 'str', 'value': s, 'spec': None, 'expected': repr(s)})
    for spec in str_specs:
        try:
            py_cases.append({'kind': 'str', 'value': s, 'spec': spec, 'expected': format(s, spec)})
        except ValueError as e:
            py_cases.append({'kind': 'str', 'value': s, 'spec': spec, 'error': 'ValueError: ' + str(e)})
# precisions past a C int / Py_ssize_t (refused), and long ones (every digit of the exact expansion)
for spec in ['.2147483648f', '.1099511627776f', '.1099511627776', '.1099511627776e', '.1099511627776%',
             '.9223372036854775807f', '.9223372036854775808f', '99999999999999999999.2f', '.1100f', '.1074f', '.800e', '.900g']:
    for x in [1.5, 1 / 3, 1e-300, float('nan')]:
        try:
            py_cases.append({'kind': 'float', 'value': enc_float(x), 'spec': spec, 'expected': format(x, spec)})
        except ValueError as e:
            py_cases.append({'kind': 'float', 'value': enc_float(x), 'spec': spec, 'error': 'ValueError: ' + str(e)})
for spec in ['.1099511627776', '.9223372036854775808']:
    for kind, x in [('int', 7), ('str', 'ab')]:
        try:
            py_cases.append({'kind': kind, 'value': x, 'spec': spec, 'expected': format(x, spec)})
        except ValueError as e:
            py_cases.append({'kind': kind, 'value': x, 'spec': spec, 'error': 'ValueError: ' + str(e)})
for spec in ['abc', '.', '1.2.3f', ',_f', '_,f']:
    for x in [1.0]:
        try:
            py_cases.append({'kind': 'float', 'value': x, 'spec': spec, 'expected': format(x, spec)})
        except ValueError as e:
            py_cases.append({'kind': 'float', 'value': x, 'spec': spec, 'error': 'ValueError: ' + str(e)})


# --- modules -------------------------------------------------------------------------------
def enc_py(v):
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return {'float': enc_float(v)}
    if isinstance(v, tuple):
        return {'tuple': [enc_py(x) for x in v]}
    if isinstance(v, list):
        return [enc_py(x) for x in v]
    raise TypeError(type(v))


ATTRS = ['kernel_size', 'stride', 'padding', 'dilation', 'ceil_mode', 'norm_type', 'output_size',
         'in_channels', 'out_channels', 'output_padding', 'groups', 'padding_mode', 'inplace', 'start_dim', 'end_dim']


def enc_module(m):
    attrs = {k: enc_py(v) for k, v in m.__dict__.items() if k in ATTRS}
    if isinstance(m, nn.modules.conv._ConvNd):
        attrs['bias'] = m.bias is not None
    return {'name': type(m).__name__, 'attrs': attrs,
            'children': [[k, enc_module(c)] for k, c in m._modules.items()]}


module_cases = []


def addm(label, m):
    module_cases.append({'label': label, 'module': enc_module(m), 'expected': repr(m)})


for k in [2, 3, (2, 2), (3, 2)]:
    for kw in [{}, {'stride': 1}, {'stride': (2, 1)}, {'padding': 1}, {'ceil_mode': True}, {'dilation': 2},
               {'return_indices': True}]:
        addm(f'MaxPool2d {k} {kw}', nn.MaxPool2d(k, **kw))
for kw in [{}, {'stride': 1, 'padding': 1}, {'ceil_mode': True}]:
    addm(f'MaxPool1d {kw}', nn.MaxPool1d(3, **kw))
    addm(f'MaxPool3d {kw}', nn.MaxPool3d(3, **kw))
    addm(f'AvgPool1d {kw}', nn.AvgPool1d(3, **kw))
    addm(f'AvgPool2d {kw}', nn.AvgPool2d(3, **kw))
    addm(f'AvgPool3d {kw}', nn.AvgPool3d(3, **kw))
    addm(f'AvgPool2d tuple {kw}', nn.AvgPool2d((2, 3), **kw))
addm('AvgPool2d count_include_pad', nn.AvgPool2d(2, count_include_pad=False, divisor_override=3))
for os_ in [1, 3, (2, 3), (None, 4), (1, 1)]:
    addm(f'AdaptiveAvgPool2d {os_}', nn.AdaptiveAvgPool2d(os_))
    addm(f'AdaptiveMaxPool2d {os_}', nn.AdaptiveMaxPool2d(os_))
addm('AdaptiveAvgPool1d', nn.AdaptiveAvgPool1d(5))
addm('AdaptiveMaxPool1d', nn.AdaptiveMaxPool1d(5, return_indices=True))
addm('AdaptiveAvgPool3d', nn.AdaptiveAvgPool3d((1, None, 2)))
addm('AdaptiveMaxPool3d', nn.AdaptiveMaxPool3d(2))
for nt in [2, 2.0, 1, 3.5]:
    addm(f'LPPool2d {nt}', nn.LPPool2d(nt, 2))
    addm(f'LPPool1d {nt}', nn.LPPool1d(nt, 3, stride=2, ceil_mode=True))
addm('LPPool2d tuple', nn.LPPool2d(2, (2, 3)))
for cls in [nn.MaxUnpool1d, nn.MaxUnpool2d, nn.MaxUnpool3d]:
    addm(cls.__name__, cls(2))
    addm(cls.__name__ + ' stride', cls(3, stride=2, padding=1))
addm('FractionalMaxPool2d', nn.FractionalMaxPool2d(3, output_size=(13, 12)))
addm('FractionalMaxPool3d', nn.FractionalMaxPool3d(2, output_ratio=(0.5, 0.5, 0.5)))
addm('ReLU', nn.ReLU())
addm('ReLU inplace', nn.ReLU(inplace=True))
addm('Flatten', nn.Flatten())
addm('Flatten 0', nn.Flatten(0, 2))
addm('Identity', nn.Identity())
addm('Conv2d', nn.Conv2d(1, 1, 3))
addm('Conv2d bias False', nn.Conv2d(3, 8, (3, 5), stride=2, padding=1, bias=False))
addm('Conv2d dilation groups', nn.Conv2d(4, 4, 3, dilation=2, groups=2, padding_mode='reflect', padding=2))
addm('Conv1d', nn.Conv1d(2, 3, 4))
addm('Sequential', nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.MaxPool2d(2)))
addm('Sequential nested', nn.Sequential(nn.Sequential(nn.Conv2d(3, 6, 5), nn.ReLU()),
                                        nn.Sequential(nn.MaxPool2d(2, 2), nn.Flatten()), nn.Identity()))
addm('Sequential empty', nn.Sequential())


class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.maxpool1 = nn.MaxPool2d(kernel_size=3, ceil_mode=True)

    def forward(self, x):
        return self.maxpool1(x)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.pool = nn.AdaptiveAvgPool2d((1, 1))
        self.flat = nn.Flatten()


class Empty(nn.Module):
    pass


addm('user Tudui', Tudui())
addm('user Net', Net())
addm('user Empty', Empty())
addm('Sequential with user', nn.Sequential(Tudui(), nn.AvgPool2d(2)))

# --- torch misc ----------------------------------------------------------------------------
misc = []
for shape in [[], [3], [1, 1, 2, 2], [0, 3], [2, 3, 4, 5, 6]]:
    misc.append({'kind': 'size', 'shape': shape, 'expected': repr(torch.zeros(shape).shape)})
for d in DTYPES.values():
    misc.append({'kind': 'dtype', 'dtype': str(d)[6:], 'expected': repr(d)})
for alias in [torch.float, torch.double, torch.long, torch.int]:
    misc.append({'kind': 'dtype', 'dtype': str(alias)[6:], 'expected': repr(alias)})
x = torch.tensor([[1., 5., 3.], [4., 2., 6.]])
for name, r in [('max', torch.max(x, dim=1)), ('min', torch.min(x, dim=0)), ('max', x.max(1, keepdim=True)),
                ('sort', torch.sort(x)), ('topk', torch.topk(x, 2))]:
    misc.append({'kind': 'return_types', 'name': name,
                 'fields': [[f, repr(getattr(r, f))] for f in r._fields] if hasattr(r, '_fields')
                 else [['values', repr(r.values)], ['indices', repr(r.indices)]],
                 'expected': repr(r)})

os.makedirs(OUT, exist_ok=True)
for fname, data in [('tensors.json', tensor_cases), ('pyformat.json', py_cases), ('modules.json', module_cases),
                    ('torch_misc.json', misc)]:
    with open(os.path.join(OUT, fname), 'w') as f:
        json.dump(data, f, ensure_ascii=False, separators=(',', ':'))
print(f'tensors: {len(tensor_cases)}, pyformat: {len(py_cases)}, modules: {len(module_cases)}, misc: {len(misc)}')
