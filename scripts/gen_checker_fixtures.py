"""Generates test/fixtures/check/programs.json: small notebooks (lists of cells) run with
real PyTorch 1.13.1, recording the first exception (type, message, cell, line of the
top-level statement in that cell) or, when the notebook runs, every tensor variable's
shape and dtype. test/lang/check/checker.test.ts checks that the static checker reports
exactly those errors (and none for notebooks that run) and infers those shapes.
Run: /usr/bin/python3 scripts/gen_checker_fixtures.py"""
import json, os, sys, traceback
import torch
from torch import nn
import torch.nn.functional as F

TUDUI = '''class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.maxpool1 = MaxPool2d(kernel_size=3, ceil_mode=True)

    def forward(self, input):
        output = self.maxpool1(input)
        return output
'''
INPUT5 = '''input = torch.tensor([[1, 2, 0, 3, 1],
                      [0, 1, 2, 3, 1],
                      [1, 2, 1, 0, 0],
                      [5, 2, 3, 1, 1],
                      [2, 1, 0, 1, 1]], dtype=torch.float32)
input = torch.reshape(input, (-1, 1, 5, 5))
'''
POOL2D = '''def pool2d(X, pool_size, mode='max'):
    p_h, p_w = pool_size
    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            if mode == 'max':
                Y[i, j] = X[i: i + p_h, j: j + p_w].max()
            elif mode == 'avg':
                Y[i, j] = X[i: i + p_h, j: j + p_w].mean()
    return Y
'''

# (name, cells, must_know): must_know lists tensor variables whose shape the checker must infer exactly
CASES = [
    ("tutorial maxpool ceil", ["from torch.nn import MaxPool2d\n" + INPUT5, TUDUI + "tudui = Tudui()\noutput = tudui(input)\nprint(output)\n"], ["input", "output"]),
    ("tutorial maxpool floor", [INPUT5 + "pool = nn.MaxPool2d(kernel_size=3, ceil_mode=False)\ny = pool(input)\n"], ["input", "y"]),
    ("d2l pool2d", ["X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])\n" + POOL2D, "Y = pool2d(X, (2, 2))\nZ = pool2d(X, (2, 2), 'avg')\n"], ["X", "Y", "Z"]),
    ("d2l padding stride", ["X = torch.arange(16, dtype=torch.float32).reshape((1, 1, 4, 4))\npool2d = nn.MaxPool2d(3)\na = pool2d(X)\npool2d = nn.MaxPool2d(3, padding=1, stride=2)\nb = pool2d(X)\npool2d = nn.MaxPool2d((2, 3), stride=(2, 3), padding=(0, 1))\nc = pool2d(X)\n"], ["X", "a", "b", "c"]),
    ("d2l channels", ["X = torch.arange(16, dtype=torch.float32).reshape((1, 1, 4, 4))\nX = torch.cat((X, X + 1), 1)\npool2d = nn.MaxPool2d(3, padding=1, stride=2)\ny = pool2d(X)\n"], ["X", "y"]),
    ("output too small", ["pool = nn.MaxPool2d(3)\nx = torch.zeros(1, 2, 2)\ny = pool(x)\n"], []),
    ("output too small F", ["x = torch.ones(1, 1, 2, 2)\ny = F.max_pool2d(x, 3)\n"], []),
    ("avg output too small", ["x = torch.ones(1, 1, 2, 2)\ny = F.avg_pool2d(x, kernel_size=3)\n"], []),
    ("pad too large", ["x = torch.ones(1, 1, 6, 6)\ny = nn.MaxPool2d(2, padding=2)(x)\n"], []),
    ("avg pad too large", ["x = torch.ones(1, 1, 6, 6)\ny = nn.AvgPool2d(3, padding=2)(x)\n"], []),
    ("wrong rank 2d", ["x = torch.ones(5, 5)\ny = nn.MaxPool2d(2)(x)\n"], []),
    ("wrong rank avg", ["x = torch.ones(5)\ny = nn.AvgPool2d(2)(x)\n"], []),
    ("int dtype maxpool", ["x = torch.tensor([[[1, 2], [3, 4]]])\ny = nn.MaxPool2d(2)(x)\n"], []),
    ("unknown keyword", ["pool = nn.MaxPool2d(kernal_size=3)\n"], []),
    ("unknown keyword F", ["x = torch.ones(1, 1, 4, 4)\ny = F.max_pool2d(x, kernal_size=2)\n"], []),
    ("too many positional", ["pool = nn.AdaptiveAvgPool2d(3, 4)\n"], []),
    ("missing argument", ["pool = nn.MaxPool2d()\n"], []),
    ("name error", ["x = torch.ones(2)\nprint(y)\n"], []),
    ("name from earlier cell", ["x = torch.ones(1, 1, 4, 4)\n", "y = F.avg_pool2d(x, 2)\n"], ["x", "y"]),
    ("error in second cell", ["x = torch.ones(1, 1, 4, 4)\n", "y = F.avg_pool2d(x, 5)\n"], []),
    ("return indices", ["x = torch.rand(1, 1, 4, 4)\ny, idx = nn.MaxPool2d(2, return_indices=True)(x)\nz = nn.MaxUnpool2d(2)(y, idx)\n"], ["x", "y", "idx", "z"]),
    ("F return indices", ["x = torch.rand(2, 3, 8)\ny, idx = F.max_pool1d(x, 3, stride=2, return_indices=True)\n"], ["x", "y", "idx"]),
    ("adaptive", ["x = torch.rand(1, 3, 7, 9)\na = nn.AdaptiveAvgPool2d((2, None))(x)\nb = F.adaptive_max_pool2d(x, 3)\nc = nn.AdaptiveAvgPool1d(4)(torch.rand(2, 10))\n"], ["x", "a", "b", "c"]),
    ("avg 3d and 1d", ["x = torch.rand(1, 1, 4, 6, 6)\na = nn.AvgPool3d(2)(x)\nb = nn.MaxPool3d(3, stride=1, padding=1)(x)\nc = F.avg_pool1d(torch.rand(1, 2, 9), 3, ceil_mode=True)\n"], ["a", "b", "c"]),
    ("lp pool", ["x = torch.rand(1, 1, 6, 6)\na = nn.LPPool2d(2, 3)(x)\nb = F.lp_pool1d(torch.rand(1, 2, 7), 1, 2)\n"], ["a", "b"]),
    ("dilation ceil", ["x = torch.rand(1, 1, 10, 10)\na = nn.MaxPool2d(3, stride=2, dilation=2, ceil_mode=True)(x)\nb = nn.MaxPool2d(2, stride=2, padding=1, ceil_mode=True)(torch.rand(1, 1, 5, 5))\n"], ["a", "b"]),
    ("sequential", ["net = nn.Sequential(nn.MaxPool2d(2), nn.AvgPool2d(2), nn.Flatten())\nx = torch.rand(2, 3, 8, 8)\ny = net(x)\n"], ["x", "y"]),
    ("sequential too small", ["net = nn.Sequential(nn.MaxPool2d(2), nn.MaxPool2d(3))\nx = torch.rand(1, 1, 4, 4)\ny = net(x)\n"], []),
    ("conv then pool", ["conv = nn.Conv2d(3, 6, 3, padding=1)\npool = nn.MaxPool2d(2)\nx = torch.rand(1, 3, 8, 8)\ny = pool(conv(x))\nw = conv.weight\n"], ["x", "y", "w"]),
    ("factories", ["a = torch.zeros(2, 3)\nb = torch.ones((4,), dtype=torch.int64)\nc = torch.arange(10)\nd = torch.arange(0, 1, 0.25)\ne = torch.full((2, 2), 7)\nf = torch.eye(3)\ng = torch.linspace(0, 1, 5)\nh = torch.zeros_like(a)\ni = torch.randn(3, 4, dtype=torch.float64)\nj = torch.randint(0, 10, (2, 5))\n"], ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]),
    ("tensor literals", ["a = torch.tensor([1, 2, 3])\nb = torch.tensor([[1.0, 2], [3, 4]])\nc = torch.tensor(3.5)\nd = torch.tensor([True, False])\ne = torch.tensor([[1, 2]], dtype=torch.float32)\n"], ["a", "b", "c", "d", "e"]),
    ("shape ops", ["x = torch.rand(2, 3, 4)\na = x.reshape(6, -1)\nb = x.view(-1)\nc = x.flatten(1)\nd = x.permute(2, 0, 1)\ne = x.transpose(0, 2)\nf = x.unsqueeze(0)\ng = torch.rand(1, 3, 1).squeeze()\nh = x.squeeze(0)\ni = torch.flatten(x)\nj = x.sum(dim=1)\nk = x.mean(2, keepdim=True)\nl, m = x.max(dim=0)\nn = x.argmax()\no = x.float().long()\n"], ["x", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o"]),
    ("bad reshape", ["x = torch.rand(2, 3)\ny = x.reshape(4, 2)\n"], []),
    ("indexing", ["x = torch.rand(2, 3, 4, 5)\na = x[0]\nb = x[:, 1:3]\nc = x[..., 0]\nd = x[None]\ne = x[0, :, ::2, -1]\nf = x[:, :, 1:100]\n"], ["a", "b", "c", "d", "e", "f"]),
    ("index out of range", ["x = torch.rand(2, 3)\ny = x[5]\n"], []),
    ("too many indices", ["x = torch.rand(2, 3)\ny = x[0, 1, 2]\n"], []),
    ("broadcast", ["a = torch.rand(2, 1, 4)\nb = torch.rand(3, 1)\nc = a + b\nd = a * 2\ne = torch.arange(4) / 2\nf = a > 0.5\n"], ["c", "d", "e", "f"]),
    ("broadcast error", ["a = torch.rand(2, 3)\nb = torch.rand(4)\nc = a + b\n"], []),
    ("cat stack", ["a = torch.rand(2, 3)\nb = torch.rand(4, 3)\nc = torch.cat([a, b])\nd = torch.stack([a, a], dim=1)\n"], ["c", "d"]),
    ("scalars drive shapes", ["n = 5\nk = n - 2\nx = torch.zeros(1, 1, n, n)\ny = F.max_pool2d(x, k, stride=1)\nsz = y.shape[-1]\nz = torch.ones(sz * 2)\n"], ["x", "y", "z"]),
    ("loop shrinking is not a false positive", ["x = torch.rand(1, 1, 16, 16)\nfor i in range(3):\n    x = F.max_pool2d(x, 2)\nprint(x.shape)\n"], []),
    ("guarded branch", ["x = torch.rand(1, 1, 2, 2)\nif x.shape[-1] >= 3:\n    y = F.max_pool2d(x, 3)\nelse:\n    y = x\n"], []),
    ("function called", ["def down(t):\n    return F.max_pool2d(t, 2)\n", "x = torch.rand(1, 1, 8, 8)\ny = down(x)\nz = down(down(y))\n"], ["x", "y", "z"]),
    ("function call fails", ["def down(t):\n    return F.max_pool2d(t, 4)\n", "x = torch.rand(1, 1, 8, 8)\ny = down(x)\nz = down(y)\n"], []),
    ("module forward fails", ["class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.pool = nn.MaxPool2d(5)\n\n    def forward(self, x):\n        return self.pool(x)\n", "net = Net()\ny = net(torch.rand(1, 1, 4, 4))\n"], []),
    ("unused function is not judged", ["def bad():\n    return F.max_pool2d(torch.ones(1, 1, 2, 2), 3)\nprint('ok')\n"], []),
    ("list and tuple values", ["sizes = [2, 3]\nx = torch.zeros(sizes)\nt = (1, 1, 4, 4)\ny = torch.ones(t)\nk = sizes[0]\nz = F.avg_pool2d(y, k)\nn = len(sizes)\n"], ["x", "y", "z"]),
    ("f-strings and prints", ["x = torch.rand(1, 1, 4, 4)\ny = F.max_pool2d(x, 2)\nprint(f'{y.shape} {y.sum():.2f} {x.dim()!r}')\nprint(y.shape, y.size(-1), sep=', ')\n"], ["y"]),
    ("list comprehension", ["xs = [torch.rand(1, 1, 4, 4) for _ in range(3)]\nys = [F.max_pool2d(x, 2) for x in xs]\ny = torch.cat(ys, dim=0)\n"], []),
    ("fractional", ["x = torch.rand(1, 1, 9, 9)\ny = nn.FractionalMaxPool2d(2, output_size=(4, 5))(x)\n"], ["y"]),
    ("unpool size", ["x = torch.rand(1, 1, 5, 5)\ny, i = F.max_pool2d(x, 2, return_indices=True)\nz = F.max_unpool2d(y, i, 2, output_size=(5, 5))\n"], ["y", "i", "z"]),
    ("pad and interpolate", ["x = torch.rand(1, 1, 4, 4)\na = F.pad(x, (1, 1, 2, 0))\nb = F.interpolate(x, scale_factor=2)\nc = F.interpolate(x, size=(3, 5))\n"], ["a", "b", "c"]),
    ("chained and augmented", ["a = b = torch.ones(2, 2)\na += 1\nc = a @ b\n"], ["a", "b"]),
    ("imports", ["import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom torch.nn import MaxPool2d, AvgPool2d as AP\nx = AP(2)(torch.rand(1, 1, 4, 4))\ny = MaxPool2d(2)(x)\n"], ["x", "y"]),
    ("tuple unpack error", ["a, b = (1, 2, 3)\n"], []),
    ("stride zero", ["x = torch.rand(1, 1, 4, 4)\ny = F.max_pool2d(x, 2, stride=0)\n"], []),
    ("negative padding", ["x = torch.rand(1, 1, 4, 4)\ny = nn.MaxPool2d(2, padding=-1)(x)\n"], []),
    ("kernel tuple length", ["x = torch.rand(1, 1, 4, 4)\ny = nn.MaxPool2d((2, 2, 2))(x)\n"], []),
    ("adaptive wrong rank", ["y = nn.AdaptiveMaxPool2d(2)(torch.rand(4, 4))\n"], []),
    ("1d on 4d", ["y = nn.MaxPool1d(2)(torch.rand(1, 1, 4, 4))\n"], []),
    ("divisor override", ["x = torch.rand(1, 1, 4, 4)\ny = F.avg_pool2d(x, 2, divisor_override=3)\n"], ["y"]),
    ("avg of int tensor", ["x = torch.arange(16).reshape(1, 1, 4, 4)\ny = F.avg_pool2d(x, 2)\n"], ["x", "y"]),
    ("module with constructor args", ["class Down(nn.Module):\n    def __init__(self, k, mode='max'):\n        super().__init__()\n        self.mode = mode\n        self.pool = nn.MaxPool2d(k) if mode == 'max' else nn.AvgPool2d(k)\n\n    def forward(self, x):\n        return self.pool(x)\n", "x = torch.rand(2, 3, 12, 12)\na = Down(2)(x)\nb = Down(3, 'avg')(x)\nc = Down(4)(Down(3)(x))\n"], ["x", "a", "b", "c"]),
    ("kernel from shape", ["x = torch.rand(1, 2, 8, 8)\nk = x.shape[2] // 2\ny = nn.MaxPool2d(kernel_size=(k, k), stride=(k, k))(x)\nz = y.view(y.size(0), -1)\n"], ["y", "z"]),
    ("dict config and enumerate zip", ["cfg = {'k': 3, 's': 1}\nx = torch.rand(1, 1, 5, 5)\ny = nn.MaxPool2d(cfg['k'], stride=cfg['s'])(x)\nfor i, (a, b) in enumerate(zip([1, 2], [3, 4])):\n    print(i, a + b)\n"], ["x"]),
    ("function defaults", ["def down(x, k=2):\n    return F.max_pool2d(x, k)\n", "x = torch.rand(1, 1, 8, 8)\na = down(x)\nb = down(x, k=4)\nc = down(x, 8)\n"], ["a", "b", "c"]),
    ("function default too big", ["def down(x, k=2):\n    return F.max_pool2d(x, k)\n", "x = torch.rand(1, 1, 8, 8)\nc = down(x, 9)\n"], []),
    ("layers in a list", ["layers = [nn.MaxPool2d(2), nn.AvgPool2d(2)]\nx = torch.rand(1, 1, 8, 8)\nfor layer in layers:\n    x = layer(x)\nprint(x.shape)\n"], []),
    ("reassigned names change type", ["x = 3\nx = torch.zeros(1, 1, x, x)\ny = F.avg_pool2d(x, 3)\nx = 'done'\nprint(x)\n"], ["y"]),
    ("string mode picks the branch", [POOL2D, "X = torch.ones(2, 2)\nY = pool2d(X, (3, 3), 'none')\n"], []),
    ("float kernel (the checker may stay silent)", ["x = torch.rand(1, 1, 4, 4)\ny = F.avg_pool2d(x, 4 / 2)\n"], []),
    ("unbatched input", ["x = torch.rand(3, 6, 6)\na = nn.MaxPool2d(2)(x)\nb = F.avg_pool2d(x, 3)\nc = nn.AdaptiveAvgPool2d(1)(x)\n"], ["a", "b", "c"]),
    ("list grown by append then indexed", ["pools = []\npools.append(torch.rand(1, 1, 8, 8))\nfor it in range(2):\n    pools.append(F.max_pool2d(pools[-1], 2))\nlast = pools[-1]\nn = len(pools)\n", "def add(lst):\n    lst.append(1)\nxs = [0]\nadd(xs)\nv = xs[1]\n"], []),
    ("list index out of range", ["xs = [1, 2]\nv = xs[2]\n"], []),
    ("layer attribute changed before use", ["pool = nn.MaxPool2d(5)\npool.kernel_size = 2\ny = pool(torch.rand(1, 1, 4, 4))\n"], []),
    ("global changed by a function", ["x = torch.rand(1, 1, 2, 2)\ndef grow():\n    global x\n    x = torch.rand(1, 1, 8, 8)\ngrow()\ny = F.max_pool2d(x, 4)\n"], []),
    ("attribute set in a branch", ["class Net(nn.Module):\n    def __init__(self, big):\n        super().__init__()\n        self.pool = nn.MaxPool2d(2)\n        if big:\n            self.pool = nn.MaxPool2d(6)\n\n    def forward(self, x):\n        return self.pool(x)\n", "flag = torch.rand(1).item() > 2.0\ny = Net(flag)(torch.rand(1, 1, 4, 4))\n"], []),
    ("data replaced", ["x = torch.rand(1, 1, 2, 2)\nx.data = torch.rand(1, 1, 6, 6)\ny = F.max_pool2d(x, 3)\n"], ["y"]),
    ("module reprs", ["a = nn.MaxPool2d(3)\nb = nn.AvgPool1d(3)\nc = nn.MaxUnpool2d(2)\nd = nn.LPPool2d(2, 3)\ne = nn.AdaptiveAvgPool2d((2, None))\nf = nn.Conv2d(3, 8, 3, padding=1)\ng = nn.Sequential(nn.MaxPool2d(2, ceil_mode=True), nn.ReLU(), nn.Flatten())\nh = nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False)\ni = nn.FractionalMaxPool2d(2, output_size=3)\nj = nn.AdaptiveMaxPool1d(4, return_indices=True)\n"], []),
    ("named tuple fields", ["x = torch.rand(2, 3)\nv = x.max(dim=1).values\ni = torch.min(x, 0).indices\n"], ["v", "i"]),
    ("len of 0-d tensor", ["n = len(torch.tensor(3.0))\n"], []),
    ("range step zero", ["r = range(1, 2, 0)\n"], []),
    ("size tuple index", ["s = torch.zeros(2, 3).shape[5]\n"], []),
    ("unsqueeze out of range", ["y = torch.zeros(2, 3).unsqueeze(5)\n"], []),
    ("size dim out of range", ["n = torch.zeros(2, 3).size(5)\n"], []),
    ("flatten start after end", ["y = torch.zeros(2, 3).flatten(1, 0)\n"], []),
    ("cat dim out of range", ["y = torch.cat([torch.zeros(2, 3), torch.zeros(2, 3)], dim=2)\n"], []),
    ("two inferred dims", ["y = torch.zeros(2, 3).view(-1, -1)\n"], []),
    ("not enough to unpack", ["a, b, c = (1, 2)\n"], []),
    ("user function too many arguments", ["def f(a, b=2):\n    return a\n", "y = f(1, 2, 3)\n"], []),
    ("user function unknown keyword", ["def f(a, b=2):\n    return a\ny = f(1, c=3)\n"], []),
    ("user function missing argument", ["def f(a, b):\n    return a\ny = f(1)\n"], []),
    ("user function multiple values", ["def f(a, b=2):\n    return a\ny = f(1, a=2)\n"], []),
    ("module init missing argument", ["class Net(nn.Module):\n    def __init__(self, k):\n        super().__init__()\n        self.pool = nn.MaxPool2d(k)\n\n    def forward(self, x):\n        return self.pool(x)\n", "net = Net()\n"], []),
    ("forward extra argument", ["class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n\n    def forward(self, x):\n        return x\n", "y = Net()(torch.rand(2), 1)\n"], []),
    ("keyword-only missing", ["def h(a, *, k):\n    return a\ny = h(1)\n"], []),
    ("keyword-only and varargs run", ["def h(*xs, k=2, **kw):\n    return k\ny = h(1, 2, 3, k=4, z=5)\ndef g(a, /, b):\n    return a\nz = g(1, b=2)\n"], []),
    ("ragged literal", ["x = torch.tensor([[1, 2, 0, 3, 1],\n                  [0, 1, 2, 3],\n                  [1, 2, 1, 0, 0]])\n"], []),
    ("ragged deeper", ["x = torch.tensor([[[1, 2], [3, 4]], [[1, 2], [3]]])\n"], []),
    ("ragged with an empty row", ["x = torch.tensor([[1, 2], []])\n"], []),
    ("empty rows are not checked", ["x = torch.tensor([[], [1]])\n"], []),
    ("inherited forward", ["class Base(nn.Module):\n    def __init__(self, k):\n        super().__init__()\n        self.pool = nn.MaxPool2d(k)\n\n    def forward(self, x):\n        return self.pool(x)\n\nclass Big(Base):\n    def __init__(self):\n        super().__init__(2)\n", "y = Big()(torch.rand(1, 1, 8, 8))\nz = Base(4)(torch.rand(1, 1, 8, 8))\n"], ["z"]),
    ("ceil mode avg", ["x = torch.rand(1, 1, 5, 5)\ny = nn.AvgPool2d(2, ceil_mode=True)(x)\nz = nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False)(x)\n"], ["y", "z"]),
]

# errors the checker is allowed not to foresee (it must never report a different one)
MAY_MISS = {"float kernel (the checker may stay silent)"}

PRELUDE = "import torch\nfrom torch import nn\nimport torch.nn.functional as F\n"


def run_case(cells):
    ns = {}
    exec(compile(PRELUDE, "<prelude>", "exec"), ns)
    for ci, src in enumerate(cells):
        try:
            exec(compile(src, f"<cell{ci}>", "exec"), ns)
        except Exception as e:
            tb = traceback.extract_tb(e.__traceback__)
            frames = [f for f in tb if f.filename == f"<cell{ci}>"]
            line = frames[0].lineno if frames else None
            msg = str(e)
            if isinstance(e, KeyError):
                msg = repr(e.args[0])
            return {"error": {"type": type(e).__name__, "message": msg, "cell": ci, "line": line}}
    tensors = {}
    modules = {}
    for k, v in ns.items():
        if isinstance(v, torch.Tensor) and not k.startswith("_"):
            tensors[k] = {"shape": list(v.shape), "dtype": str(v.dtype).replace("torch.", "")}
        elif isinstance(v, nn.Module) and type(v).__module__.startswith("torch.nn"):
            modules[k] = repr(v)
    return {"tensors": tensors, "modules": modules}


def main():
    torch.manual_seed(0)
    out = []
    for name, cells, must in CASES:
        r = run_case(cells)
        out.append({"name": name, "cells": cells, "mustKnow": must, "mayMiss": name in MAY_MISS, **r})
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "check", "programs.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": out}, f, indent=1, ensure_ascii=False)
    print(f"wrote {len(out)} cases to {os.path.normpath(path)}")
    for c in out:
        if "error" in c:
            print(" ", c["name"], "->", c["error"]["type"], c["error"]["message"][:100], "cell", c["error"]["cell"], "line", c["error"]["line"])


if __name__ == "__main__":
    main()
