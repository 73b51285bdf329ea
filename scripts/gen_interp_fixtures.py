#!/usr/bin/python3
"""Runs the interpreter's semantic test programs under real Python 3 + PyTorch 1.13.1 and
records what they print and the exception they end with, into
test/fixtures/interp/programs.json (read by test/lang/interp/programs.test.ts).

Run with /usr/bin/python3 scripts/gen_interp_fixtures.py
"""
import contextlib
import io
import json
import os
import sys

import torch
from torch import nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'test', 'fixtures', 'interp', 'programs.json')

# name -> program. Each runs in a fresh namespace with torch, nn and F bound.
PROGRAMS = {
    # ---- numbers
    'int_vs_float': 'print(7 // 2, 7 / 2, 2 ** -1, 2 ** 10, -7 // 2, -7 % 3, 7 % -3, 7.5 // 2, -7.5 % 2)',
    'float_repr': 'print(0.1 + 0.2, 1e16, 1e-5, 1.0, 3.0 * 2, 1 / 3, float("inf"), -float("inf"), 2.5e-7)',
    'bool_arith': 'print(True + True, True * 3, -True, ~5, 3 & 5, 3 | 5, 3 ^ 5, 1 << 4)',
    'round_bankers': 'print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2), round(7, -1), round(1.5), type(round(2.5)).__name__)',
    'abs_min_max_sum': 'print(abs(-3), abs(-2.5), min(3, 1, 2), max([4, 9, 2]), sum([1, 2, 3]), sum([0.5, 0.25], 1), min("b", "a"), max([1, 5], key=lambda v: -v))',
    'int_float_conv': 'print(int(2.7), int(-2.7), int("12"), float("3.5"), float(2), int(True), bool(0), bool([]), bool("x"), str(1.0))',
    'zero_division': 'print(1 / 0)',
    'zero_floordiv': 'print(1 // 0)',
    'zero_mod': 'print(1 % 0)',
    'float_zero_div': 'print(1.0 / 0)',
    'zero_neg_pow': 'print(0 ** -1)',
    # ---- strings and f-strings
    'str_ops': 'print("ab" + "cd", "ab" * 3, "a,b,c".split(","), "-".join(["x", "y"]), "  hi ".strip(), "Hi".upper(), "abc"[1], "abc"[-1], "abcdef"[1:4], len("héllo"))',
    'fstrings': 'x = 3.14159\nn = 42\nprint(f"{x:.2f} {n:5d} {n:<5}| {n:^7}| {x!r} {n:#x} {x:e} {x:10.3f} {n:,} {\'s\':>3}")',
    'fstring_tensor': 'x = torch.tensor(2.5)\nprint(f"{x:.3f} {x} {x.item():.1f}")',
    'fstring_shape': 'x = torch.ones(1, 2, 3)\nprint(f"shape: {x.shape}, dtype: {x.dtype}, n={x.numel()}")',
    'str_format_method': 'print("{} + {} = {:.1f}".format(1, 2, 3.0), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="hi"))',
    'percent_format': 'print("%d items, %.2f%% done, %s" % (3, 42.5, "ok"))',
    'str_repr': 'print(repr("it\'s"), repr(\'say "hi"\'), repr("a\\nb"), str("x"), [\'a\', "b"])',
    'str_plus_int': 'print("a" + 1)',
    'int_plus_str': 'print(1 + "a")',
    # ---- lists, tuples, dicts
    'list_ops': 'a = [1, 2, 3]\na.append(4)\na.extend([5])\na.insert(0, 0)\nprint(a, a[1:3], a[::-1], a[-2:], len(a), a.pop(), a.index(2), 3 in a, a + [9], [0] * 3)',
    'list_slice_assign': 'a = list(range(6))\na[1:3] = [9]\ndel a[0]\nprint(a)\na.sort(reverse=True)\nprint(a, sorted([3, 1, 2]), list(reversed([1, 2])))',
    'list_index_error': 'a = [1, 2]\nprint(a[5])',
    'tuple_ops': 't = (1, 2, 3)\nprint(t, t[0], t[1:], len(t), (1,), (), t + (4,), t * 2, t.index(2), t.count(1))',
    'tuple_index_error': 't = (1,)\nprint(t[3])',
    'dict_ops': 'd = {"a": 1, "b": 2}\nd["c"] = 3\nprint(d, d["a"], len(d), list(d.keys()), list(d.values()), d.get("z", 0), "a" in d)\nfor k, v in d.items():\n    print(k, v)',
    'dict_key_error': 'd = {}\nprint(d["k"])',
    'unpacking': 'a, b = 1, 2\na, b = b, a\nc, *d = [1, 2, 3]\nprint(a, b, c, d)',
    'unpack_too_many': 'a, b = [1, 2, 3]',
    'unpack_too_few': 'a, b, c = [1, 2]',
    'unpack_non_iterable': 'a, b = 3',
    'comprehensions': 'print([i * i for i in range(5) if i % 2 == 0], {i: i * 2 for i in range(3)}, sum(i for i in range(4)), [(i, j) for i in range(2) for j in range(2)])',
    'range_enumerate_zip': 'print(list(range(3)), list(range(1, 10, 3)), list(range(5, 0, -2)))\nfor i, (a, b) in enumerate(zip("xy", [1, 2]), start=1):\n    print(i, a, b)',
    'range_float': 'range(1.5)',
    'isinstance_type': 'print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance([], (list, tuple)), type(1).__name__, type(2.0).__name__, type("s").__name__, isinstance(torch.ones(1), torch.Tensor))',
    'none_and_bool_print': 'print(None, True, False, [None, True])',
    'print_sep_end': 'print(1, 2, 3, sep="-", end="!\\n")\nprint("a", end="")\nprint("b")',
    # ---- control flow and functions
    'control_flow': 'for i in range(5):\n    if i == 1:\n        continue\n    elif i == 3:\n        break\n    print(i)\nelse:\n    print("no")\nn = 0\nwhile n < 3:\n    n += 1\nprint(n)',
    'functions': 'def f(a, b=2, *args, c=3, **kw):\n    return a + b + c + sum(args) + len(kw)\nprint(f(1), f(1, 1), f(1, 1, 1, 1, c=0, z=5))\ng = lambda x: x * 2\nprint(g(4))',
    'closures_global': 'count = 0\ndef inc():\n    global count\n    count += 1\ndef make(k):\n    def add(x):\n        return x + k\n    return add\ninc(); inc()\nprint(count, make(3)(4))',
    'recursion': 'def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\nprint(fact(10))',
    'missing_arg': 'def f(a, b):\n    return a\nf(1)',
    'too_many_args': 'def f(a):\n    return a\nf(1, 2)',
    'unexpected_kw': 'def f(a):\n    return a\nf(1, z=2)',
    'name_error': 'print(undefined_name)',
    'unbound_local': 'x = 1\ndef f():\n    print(x)\n    x = 2\nf()',
    'not_callable': 'x = 3\nx()',
    'attribute_error_int': 'x = 3\nx.foo',
    'try_except': 'try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print("caught", e)\ntry:\n    [][1]\nexcept (KeyError, IndexError) as e:\n    print(type(e).__name__, e)\nfinally:\n    print("done")',
    'raise_custom': 'class MyError(ValueError):\n    pass\ntry:\n    raise MyError("boom")\nexcept ValueError as e:\n    print("got", e)\nraise MyError("again")',
    'assert_fail': 'assert 1 == 2, "one is not two"',
    'classes': 'class P:\n    def __init__(self, x):\n        self.x = x\n    def double(self):\n        return self.x * 2\np = P(4)\nprint(p.double(), p.x)\np.x = 5\nprint(p.double())',
    # ---- tensors
    'tensor_basics': 'x = torch.tensor([[1, 2], [3, 4]])\nprint(x, x.shape, x.dtype, x.ndim, x.size(0), x.dim(), x.numel())\nprint(x.float(), x.sum(), x.max(), x.float().mean())',
    'tensor_arith': 'x = torch.tensor([1.0, 2.0, 3.0])\nprint(x + 1, x * 2, x / 2, x // 2, x ** 2, -x, x - x, 1 - x, x > 1.5, (x == 2).sum())',
    'tensor_int_promotion': 'x = torch.tensor([1, 2, 3])\nprint(x + 1, x + 1.5, x / 2, x * True, (x > 1).dtype)',
    'tensor_inplace': 'x = torch.zeros(2, 2)\ny = x[0]\ny[1] = 5\nx += 1\nprint(x)\nz = torch.tensor([1, 2])\nz += 1\nprint(z)',
    'tensor_inplace_cast_error': 'z = torch.tensor([1, 2])\nz += 1.5',
    'tensor_indexing': 'x = torch.arange(24).reshape(2, 3, 4)\nprint(x[0], x[:, 1], x[..., 0], x[1, 1:3, ::2], x[0, -1, -1], x[None].shape, x[x > 20])',
    'tensor_setitem': 'X = torch.zeros(3, 3)\nX[1, :] = 2\nX[:, 0] = torch.tensor([7.0, 8.0, 9.0])\nX[X > 7] = -1\nprint(X)',
    'tensor_index_error': 'x = torch.ones(2, 2)\nx[5]',
    'tensor_attr_error': 'x = torch.ones(2)\nx.foo',
    'tensor_methods': 'x = torch.arange(6.0).view(2, 3)\nprint(x.t(), x.permute(1, 0).shape, x.transpose(0, 1).contiguous().view(-1), x.unsqueeze(0).shape, x.flatten(), x.tolist(), x[0, 1].item())\nv, i = x.max(dim=1)\nprint(v, i, x.argmax(), x.sum(dim=0, keepdim=True))',
    'tensor_factories': 'print(torch.zeros(2, 3), torch.ones((2,), dtype=torch.int64), torch.full((2, 2), 7), torch.eye(2), torch.arange(0, 1, 0.25), torch.linspace(0, 1, 5), torch.zeros_like(torch.ones(2, dtype=torch.int32)))',
    'tensor_cat_stack': 'a = torch.ones(1, 2)\nb = torch.zeros(1, 2)\nprint(torch.cat([a, b]), torch.cat((a, b), dim=1), torch.stack([a, b]).shape)',
    'tensor_bool_ambiguous': 'x = torch.ones(2)\nif x:\n    print("yes")',
    'tensor_item_error': 'torch.ones(3).item()',
    'int_of_tensor': 'print(int(torch.tensor(3.7)), float(torch.tensor([2])), len(torch.ones(4, 2)))\nfor row in torch.arange(4).view(2, 2):\n    print(row)',
    'allclose_equal': 'a = torch.tensor([1.0, 2.0])\nprint(torch.allclose(a, a + 1e-9), torch.equal(a, a.clone()), torch.equal(a, a[:1]))',
    'set_printoptions': 'torch.set_printoptions(precision=2)\nprint(torch.tensor([1.23456, 2.5]))\ntorch.set_printoptions(profile="default")\nprint(torch.tensor([1.23456]))',
    'reshape_error': 'torch.arange(6).reshape(4, 2)',
    'broadcast_error': 'torch.ones(2, 3) + torch.ones(4)',
    'tensor_plus_str': 'torch.ones(2) + "a"',
    # ---- nn and F
    'maxpool_module': 'input = torch.tensor([[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]], dtype=torch.float32).reshape(-1, 1, 5, 5)\npool = nn.MaxPool2d(kernel_size=3, ceil_mode=True)\nprint(pool)\nprint(pool(input))\nprint(nn.MaxPool2d(3)(input))',
    'maxpool_indices': 'x = torch.arange(16.0).view(1, 1, 4, 4)\ny, i = nn.MaxPool2d(2, return_indices=True)(x)\nprint(y, i)\nprint(nn.MaxUnpool2d(2)(y, i))',
    'functional_order': 'x = torch.arange(25.0).view(1, 1, 5, 5)\nprint(F.max_pool2d(x, 3, 2, 1, 1, True))\nprint(F.max_pool2d(x, 2, return_indices=True)[1])\nprint(F.avg_pool2d(x, 2, ceil_mode=True))',
    'lp_pool_int_float': 'x = torch.arange(16).view(1, 1, 4, 4)\nprint(F.lp_pool2d(x.float(), 2, 2))\nprint(F.lp_pool2d(x.float(), 2.0, 2))\nprint(nn.LPPool2d(1, 2)(x.float()))',
    'adaptive_pools': 'x = torch.arange(30.0).view(1, 1, 5, 6)\nprint(nn.AdaptiveAvgPool2d((2, None))(x))\nprint(nn.AdaptiveMaxPool2d(1)(x), F.adaptive_avg_pool1d(x[0], 2))',
    'module_bad_kw': 'nn.MaxPool2d(3, foo=1)',
    'module_missing_arg': 'nn.AvgPool2d()',
    'module_too_many': 'nn.MaxPool2d(1, 2, 3, 4, 5, 6, 7)',
    'functional_missing': 'F.max_pool2d(torch.ones(1, 1, 4, 4))',
    'functional_bad_kw': 'F.max_pool2d(torch.ones(1, 1, 4, 4), 2, foo=1)',
    'functional_indices_bad_kw': 'F.max_pool2d(torch.ones(1, 1, 4, 4), 2, return_indices=True, foo=1)',
    'output_too_small': 'nn.MaxPool2d(3)(torch.ones(1, 1, 2, 2))',
    'user_module': 'class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.pool = nn.MaxPool2d(2)\n        self.flat = nn.Flatten()\n    def forward(self, x):\n        return self.flat(self.pool(x))\nnet = Net()\nprint(net)\nprint(net(torch.arange(16.0).view(1, 1, 4, 4)))',
    'user_module_super_old': 'class Demo(nn.Module):\n    def __init__(self):\n        super(Demo, self).__init__()\n        self.maxpool1 = nn.MaxPool2d(kernel_size=3, ceil_mode=True)\n    def forward(self, input):\n        return self.maxpool1(input)\nprint(Demo()(torch.ones(1, 1, 5, 5)))',
    'user_module_no_forward': 'class M(nn.Module):\n    pass\nM()(torch.ones(1))',
    'module_before_init': 'class M(nn.Module):\n    def __init__(self):\n        self.p = nn.ReLU()\nM()',
    'sequential': 'seq = nn.Sequential(nn.MaxPool2d(2), nn.ReLU(), nn.Flatten())\nprint(seq)\nprint(seq(-torch.arange(16.0).view(1, 1, 4, 4)), len(seq), seq[0])\nfor m in seq:\n    print(type(m).__name__)',
    'conv_weights': 'conv = nn.Conv2d(1, 1, 2, bias=False)\nconv.weight.data = torch.tensor([[[[1.0, 0.0], [0.0, -1.0]]]])\nprint(conv)\nprint(conv(torch.arange(9.0).view(1, 1, 3, 3)))\nwith torch.no_grad():\n    print(conv(torch.ones(1, 1, 2, 2)))',
    'conv_parameter': 'conv = nn.Conv2d(1, 1, 2)\nconv.weight = nn.Parameter(torch.ones(1, 1, 2, 2))\nconv.bias = nn.Parameter(torch.zeros(1))\nprint(conv.weight)\nprint(conv(torch.ones(1, 1, 3, 3)))',
    'torch_max_dim': 'x = torch.tensor([[1.0, 5.0], [7.0, 2.0]])\nr = torch.max(x, 1)\nprint(r)\nprint(r.values, r.indices, torch.max(x), torch.max(x, torch.ones(2, 2) * 3))',
    # ---- more Python
    'nonlocal_main_guard': 'def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    inc(); inc()\n    return n\nprint(outer())\nif __name__ == "__main__":\n    print("main")',
    'key_error_args': 'try:\n    {}["missing"]\nexcept KeyError as e:\n    print(repr(str(e)), e.args)',
    'fstring_nested_spec': 'w = 8\np = 3\nv = 3.14159\nprint(f"{v:{w}.{p}f}|{v!s:>10}|{\'hi\'!r}|{w=}|{v*2=:.1f}")',
    'module_training': 'p = nn.MaxPool2d(3, 2)\nprint(p.kernel_size, p.stride, p.padding, p.ceil_mode, p.training)\np.eval()\nprint(p.training)\np.ceil_mode = True\nprint(p)',
    'shape_comparisons': 'x = torch.ones(1, 1, 5, 5)\nprint(x.shape[2:], x.size()[1], x.shape == (1, 1, 5, 5), x.shape == torch.Size([1, 1, 5, 5]), tuple(x.shape), list(x.shape), len(x.shape), x.dtype == torch.float32, x.dtype is torch.float32)',
    'requires_grad_flow': 'x = torch.ones(2, 2, requires_grad=True)\ny = x * 2\nprint(x, y, y.requires_grad, x.is_leaf, y.is_leaf)\nwith torch.no_grad():\n    z = x * 2\nprint(z, z.requires_grad)\nprint(y.detach(), y.sum())',
    'conv_no_grad_setitem': 'conv = nn.Conv2d(1, 1, 3, bias=False)\nwith torch.no_grad():\n    conv.weight[:] = torch.ones(1, 1, 3, 3)\nprint(conv.weight)\nout = conv(torch.ones(1, 1, 4, 4))\nprint(out)\nprint(nn.MaxPool2d(2)(out))',
    'param_assign_error': 'conv = nn.Conv2d(1, 1, 2)\nconv.weight = torch.ones(1, 1, 2, 2)',
    'forward_extra_arg': 'class M(nn.Module):\n    def forward(self, x, num):\n        return x * num\nm = M()\nprint(m(torch.ones(2), 3))\nm(torch.ones(2))',
    'user_module_children': 'class N(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.a = nn.MaxPool2d(2)\n        self.b = nn.AvgPool2d(2)\n        self.k = 3\n    def forward(self, x):\n        return self.b(self.a(x))\nn = N()\nprint(n, n.k)\nfor c in n.children():\n    print(c)',
    'seq_nested_repr': 'm = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.ReLU(inplace=True), nn.Sequential(nn.MaxPool2d(2), nn.Identity()), nn.Flatten(0))\nprint(m)',
    'reshape_kw': 'print(torch.arange(6).reshape(shape=(2, 3)), torch.reshape(torch.arange(4), (2, -1)))',
    'module_list_and_torch_pools': 'x = torch.arange(16.).view(1,1,4,4)\nprint(torch.max_pool2d(x, 2), torch.avg_pool1d(x[0], 2), torch.adaptive_max_pool1d(x[0], 2))\nml = nn.ModuleList([nn.MaxPool2d(2), nn.ReLU()])\nml.append(nn.Identity())\nprint(ml, len(ml), ml[0])\nfor m in ml:\n    x = m(x)\nprint(x)\nml(x)',
    'big_ints': 'print(3 ** 40, 2 ** 64 + 1, 10 ** 20 // 7, 2 ** 53 + 1, -(2 ** 70) % 1000, f"{2**70:,}", {2**64: 1}, 10**20 / 3)',
    'tensor_data_errors': 'for d in ([None], "abc", ["a"], [[1], ["a"]]):\n    try:\n        torch.tensor(d)\n    except Exception as e:\n        print(type(e).__name__, e)',
    'size_arg_errors': 'for f in [lambda: torch.ones(2.5), lambda: torch.ones((2, 2.5)), lambda: torch.rand(2, "3"), lambda: torch.ones(6).view((2, 3.0)), lambda: torch.ones(1, 1, 4, 4).unsqueeze(1.5)]:\n    try:\n        f()\n    except TypeError as e:\n        print(e)',
    'decorators_property_static_class': 'class Layer:\n    scale = 2\n    def __init__(self, k):\n        self._k = k\n    @property\n    def k(self):\n        return self._k * Layer.scale\n    @k.setter\n    def k(self, v):\n        self._k = v\n    @staticmethod\n    def out_size(n, k):\n        return (n - k) // k + 1\n    @classmethod\n    def make(cls, k):\n        return cls(k)\nl = Layer.make(3)\nprint(l.k, Layer.out_size(10, 3), l.out_size(7, 2))\nl.k = 5\nprint(l.k)\nclass A:\n    @property\n    def x(self):\n        return 1\nA().x = 3',
    'user_str_repr': 'class P:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return f"P({self.x})"\np = P(3)\nprint(p, str(p), repr(p), f"{p}", f"{p!r}")\nclass Q:\n    def __str__(self):\n        return "q!"\nprint(Q(), f"<{Q()}>")',
    'nested_qualnames': 'def outer():\n    def inner(a):\n        return a\n    return inner\ntry:\n    outer()()\nexcept TypeError as e:\n    print(e)\nclass A:\n    def m(self):\n        pass\nA().m(1)',
    'user_operators': 'class V:\n    def __init__(self, x):\n        self.x = x\n    def __add__(self, o):\n        return V(self.x + (o.x if isinstance(o, V) else o))\n    def __radd__(self, o):\n        return V(o + self.x)\n    def __eq__(self, o):\n        return isinstance(o, V) and o.x == self.x\n    def __lt__(self, o):\n        return self.x < o.x\n    def __len__(self):\n        return 3\n    def __getitem__(self, i):\n        return self.x * i\n    def __repr__(self):\n        return f"V({self.x})"\na = V(1) + V(2)\nprint(a, a + 1, 1 + a, a == V(3), a != V(3), V(1) < V(2), V(5) > V(2), len(a), a[4], sorted([V(3), V(1)]), sum([V(1), V(2)], V(0)), max([V(2), V(7), V(1)]))\nvs = [V(2), V(1)]\nvs.sort()\nprint(vs)\nV(1) - V(2)',
    'devices': 'd = torch.device("cpu")\nprint(d, repr(d), d.type, d == torch.device("cpu"), torch.device("cuda:0"), torch.ones(1).device)\ndevice = torch.device("cuda" if torch.cuda.is_available() else "cpu")\nx = torch.ones(2).to(device)\nm = nn.Conv2d(1, 1, 2).to(device)\nprint(x, device, torch.cuda.device_count(), nn.MaxPool2d(2).to("cuda"))\nnn.Conv2d(1, 1, 2).to("cuda")',
    'legacy_tensor_constructors': "print(torch.Tensor([[1, 2], [3, 4]]), torch.Tensor([1.5]).dtype, torch.LongTensor([1, 2]), torch.FloatTensor([1]), torch.Tensor(2, 3).shape, torch.Tensor().shape)\ntorch.Tensor('a')",
    'rounding_and_chunk': "x = torch.tensor([-1.5, 0.5, 2.5, float('nan')])\nprint(x.floor(), torch.ceil(x), x.trunc(), x.round(), torch.round(torch.tensor([0.5, 1.5, -0.5])), x.reciprocal(), torch.maximum(x, torch.zeros(4)), torch.arange(5).chunk(2))\ntorch.maximum(x, 1)",
    'bare_reraise': "try:\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        print('inner')\n        raise\nexcept ArithmeticError as e:\n    print('outer', e, repr(e))\n    raise",
    'import_forms': 'import torch\nimport torch.nn as nn\nfrom torch import nn\nimport torch.nn.functional as F\nfrom torch.nn import MaxPool2d, AvgPool2d\nprint(MaxPool2d(2), AvgPool2d(2), F.relu(torch.tensor([-1.0, 1.0])))',
}


def run(src):
    out = io.StringIO()
    ns = {'torch': torch, 'nn': nn, 'F': F, '__name__': '__main__'}
    err = None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(src, '<cell>', 'exec'), ns)
        except Exception as e:  # noqa: BLE001
            err = {'type': type(e).__name__, 'message': str(e)}
    return {'stdout': out.getvalue(), 'error': err}


def main():
    result = {}
    for name, src in PROGRAMS.items():
        torch.set_printoptions(profile='default')
        torch.manual_seed(0)
        r = run(src)
        r['source'] = src
        result[name] = r
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump({'torch': torch.__version__, 'python': sys.version.split()[0], 'programs': result}, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'{len(result)} programs -> {OUT}')


if __name__ == '__main__':
    main()
