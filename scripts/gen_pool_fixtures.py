#!/usr/bin/python3
"""Generate the pooling conformance fixtures from real PyTorch 1.13.1.

Run:  /usr/bin/python3 scripts/gen_pool_fixtures.py
Writes test/fixtures/pool/<group>.json. Each case names the engine call (op, nd and the
engine's argument object), the exact input values (little-endian typed-array bytes in
base64, so the TypeScript side needs no RNG agreement) and either the exact outputs or
the error PyTorch raised (Python type + message). Inputs come from numpy's default_rng
seeded per group (the seed is recorded in each file), rounded into float32 first.

Storage per dtype: float32 -> Float32Array bytes; float64 and int64 -> Float64Array
bytes (the engine keeps int64 in a Float64Array); int32 -> Int32Array; uint8/bool -> Uint8Array.
"""
import base64
import itertools
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)  # MaxUnpool duplicates are last-wins only single-threaded
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "pool")
nan, inf = float("nan"), float("inf")

TORCH_DT = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64,
            "int32": torch.int32, "uint8": torch.uint8, "bool": torch.bool}
NP_STORE = {"float32": "<f4", "float64": "<f8", "int64": "<f8", "int32": "<i4", "uint8": "u1", "bool": "u1"}
DT_NAME = {v: k for k, v in TORCH_DT.items()}


def enc(t):
    if any(n < 0 for n in t.shape):  # MaxUnpool can return a size -1 next to a size 0
        return {"shape": list(t.shape), "dtype": DT_NAME[t.dtype], "b64": ""}
    t = t.detach().contiguous()
    dt = DT_NAME[t.dtype]
    arr = t.numpy()
    if dt == "int64":
        arr = arr.astype(np.float64)
    data = np.ascontiguousarray(arr).astype(NP_STORE[dt]).tobytes()
    return {"shape": list(t.shape), "dtype": dt, "b64": base64.b64encode(data).decode("ascii")}


def to_torch_arg(v):
    """engine arrays -> python tuples (as a user would write them)"""
    if isinstance(v, list):
        return tuple(v)
    return v


def call_torch(c, x, extra):
    op, nd, a = c["op"], c["nd"], c["args"]
    if op == "max_pool":
        f = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}[nd]
        kw = dict(stride=to_torch_arg(a.get("stride")), padding=to_torch_arg(a.get("padding", 0)),
                  dilation=to_torch_arg(a.get("dilation", 1)), ceil_mode=a.get("ceilMode", False),
                  return_indices=a.get("returnIndices", False))
        r = f(x, to_torch_arg(a["kernelSize"]), **kw)
        return list(r) if isinstance(r, tuple) else [r]
    if op == "avg_pool":
        f = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}[nd]
        kw = dict(stride=to_torch_arg(a.get("stride")), padding=to_torch_arg(a.get("padding", 0)),
                  ceil_mode=a.get("ceilMode", False), count_include_pad=a.get("countIncludePad", True))
        if nd > 1:
            kw["divisor_override"] = a.get("divisorOverride")
        return [f(x, to_torch_arg(a["kernelSize"]), **kw)]
    if op == "adaptive_avg":
        f = {1: F.adaptive_avg_pool1d, 2: F.adaptive_avg_pool2d, 3: F.adaptive_avg_pool3d}[nd]
        return [f(x, to_torch_arg(a["outputSize"]))]
    if op == "adaptive_max":
        f = {1: F.adaptive_max_pool1d, 2: F.adaptive_max_pool2d, 3: F.adaptive_max_pool3d}[nd]
        r = f(x, to_torch_arg(a["outputSize"]), return_indices=a["returnIndices"])
        return list(r) if isinstance(r, tuple) else [r]
    if op == "lp_pool":
        p = a["normType"]
        p = int(p) if a["normIsInt"] else float(p)
        if a["fromModule"]:
            m = (nn.LPPool1d if nd == 1 else nn.LPPool2d)(p, to_torch_arg(a["kernelSize"]), to_torch_arg(a.get("stride")), a.get("ceilMode", False))
            return [m(x)]
        f = F.lp_pool1d if nd == 1 else F.lp_pool2d
        return [f(x, p, to_torch_arg(a["kernelSize"]), to_torch_arg(a.get("stride")), a.get("ceilMode", False))]
    if op == "max_unpool":
        f = {1: F.max_unpool1d, 2: F.max_unpool2d, 3: F.max_unpool3d}[nd]
        os_ = a.get("outputSize")
        return [f(x, extra["indices"], to_torch_arg(a["kernelSize"]), to_torch_arg(a.get("stride")),
                  to_torch_arg(a.get("padding", 0)), list(os_) if os_ is not None else None)]
    if op == "frac_max":
        f = F.fractional_max_pool2d if nd == 2 else F.fractional_max_pool3d
        r = f(x, to_torch_arg(a["kernelSize"]), output_size=to_torch_arg(a.get("outputSize")),
              output_ratio=to_torch_arg(a.get("outputRatio")), return_indices=a["returnIndices"],
              _random_samples=extra.get("samples"))
        return list(r) if isinstance(r, tuple) else [r]
    raise ValueError(op)


CASES = {}


def json_safe(v):
    """JSON has no inf/nan: non-finite numbers in arguments are written as "inf", "-inf", "nan"."""
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if v != v else ("inf" if v > 0 else "-inf")
    if isinstance(v, dict):
        return {k: json_safe(x) for k, x in v.items()}
    if isinstance(v, list):
        return [json_safe(x) for x in v]
    return v


def add(group, op, nd, args, x, indices=None, samples=None, note=""):
    c = {"op": op, "nd": nd, "args": args, "input": enc(x)}
    extra = {}
    if indices is not None:
        c["indices"] = enc(indices)
        extra["indices"] = indices
    if samples is not None:
        c["samples"] = enc(samples)
        extra["samples"] = samples
    if note:
        c["note"] = note
    outs = None
    try:
        with torch.no_grad():
            outs = call_torch(c, x, extra)
    except Exception as e:  # noqa: BLE001 - every Python exception is a legitimate expectation
        c["expect"] = {"error": {"type": type(e).__name__, "message": str(e)}}
    if outs is not None:
        c["expect"] = {"outputs": [enc(o) for o in outs]}
        if op == "adaptive_avg":
            osz = args["outputSize"]
            osz = [osz] * nd if isinstance(osz, int) else osz
            if all(o == 1 for o in osz):
                c["meanPath"] = True  # torch computes input.mean() (ATen's reduction order)
    c["args"] = json_safe(args)
    CASES.setdefault(group, []).append(c)


# --------------------------------------------------------------------------------------
# inputs
# --------------------------------------------------------------------------------------
def special_input(rng, shape, dtype, specials=True):
    """small integers (many ties) plus NaN, +-inf and +-0 for floats"""
    n = int(np.prod(shape)) if shape else 1
    if dtype in ("float32", "float64"):
        if rng.random() < 0.5:
            v = rng.integers(-4, 5, n).astype(np.float64)
        else:
            v = rng.standard_normal(n) * 10
        if specials:
            r = rng.random(n)
            v[r < 0.05] = np.nan
            v[(r >= 0.05) & (r < 0.08)] = np.inf
            v[(r >= 0.08) & (r < 0.11)] = -np.inf
            v[(r >= 0.11) & (r < 0.14)] = -0.0
        t = torch.tensor(v.astype(np.float32).astype(np.float64), dtype=TORCH_DT[dtype])
    elif dtype == "bool":
        t = torch.tensor(rng.integers(0, 2, n).astype(bool))
    elif dtype == "uint8":
        t = torch.tensor(rng.integers(0, 256, n).astype(np.uint8))
    else:
        t = torch.tensor(rng.integers(-20, 21, n), dtype=TORCH_DT[dtype])
    return t.reshape(shape)


def plain_input(rng, shape, dtype="float32"):
    n = int(np.prod(shape)) if shape else 1
    v = (rng.standard_normal(n) * 10).astype(np.float32).astype(np.float64)
    return torch.tensor(v, dtype=TORCH_DT[dtype]).reshape(shape)


def lead(rng, batched):
    """leading dims: (N, C) or (C,)"""
    c = int(rng.integers(1, 3))
    return [int(rng.integers(1, 3)), c] if batched else [c]


def rand_arg(rng, nd, lo, hi, allow_scalar=True):
    if allow_scalar and rng.random() < 0.4:
        return int(rng.integers(lo, hi + 1))
    return [int(rng.integers(lo, hi + 1)) for _ in range(nd)]


def per_axis(v, nd):
    if isinstance(v, int):
        return [v] * nd
    return list(v) if len(v) == nd else [v[0]] * nd


# --------------------------------------------------------------------------------------
# valid random cases (invalid draws are recorded too: they become error cases)
# --------------------------------------------------------------------------------------
def gen_max(seed=101, count=520):
    rng = np.random.default_rng(seed)
    for i in range(count):
        nd = int(rng.integers(1, 4))
        batched = bool(rng.integers(2))
        dtype = "float64" if rng.random() < 0.2 else "float32"
        spatial = [int(rng.integers(1, 8 if nd < 3 else 5)) for _ in range(nd)]
        k = rand_arg(rng, nd, 1, 4)
        kk = per_axis(k, nd)
        s = None if rng.random() < 0.3 else rand_arg(rng, nd, 1, 3)
        p = rand_arg(rng, nd, 0, 2) if rng.random() < 0.6 else 0
        if rng.random() < 0.85:  # mostly valid padding
            p = [min(pp, kx // 2) for pp, kx in zip(per_axis(p, nd), kk)]
        d = 1 if rng.random() < 0.5 else rand_arg(rng, nd, 1, 3)
        args = {"kernelSize": k, "padding": p, "dilation": d, "ceilMode": bool(rng.integers(2)),
                "returnIndices": bool(rng.integers(2))}
        if s is not None:
            args["stride"] = s
        x = special_input(rng, lead(rng, batched) + spatial, dtype)
        add("max_pool", "max_pool", nd, args, x, note=f"seed {seed} #{i}")


def gen_avg(seed=202, count=520):
    rng = np.random.default_rng(seed)
    for i in range(count):
        nd = int(rng.integers(1, 4))
        batched = bool(rng.integers(2))
        r = rng.random()
        dtype = "int64" if r < 0.25 else "float64" if r < 0.4 else "float32"
        spatial = [int(rng.integers(1, 9 if nd < 3 else 6)) for _ in range(nd)]
        k = rand_arg(rng, nd, 1, 4)
        kk = per_axis(k, nd)
        s = None if rng.random() < 0.3 else rand_arg(rng, nd, 1, 3)
        p = rand_arg(rng, nd, 0, 2) if rng.random() < 0.6 else 0
        if rng.random() < 0.85:
            p = [min(pp, kx // 2) for pp, kx in zip(per_axis(p, nd), kk)]
        args = {"kernelSize": k, "padding": p, "ceilMode": bool(rng.integers(2)),
                "countIncludePad": bool(rng.integers(2))}
        if s is not None:
            args["stride"] = s
        if nd > 1 and rng.random() < 0.3:
            args["divisorOverride"] = int(rng.choice([-3, -1, 1, 2, 3, 5, 7]))
        specials = dtype != "int64" and rng.random() < 0.3
        x = special_input(rng, lead(rng, batched) + spatial, dtype, specials) if specials or dtype == "int64" \
            else plain_input(rng, lead(rng, batched) + spatial, dtype)
        add("avg_pool", "avg_pool", nd, args, x, note=f"seed {seed} #{i}")


def gen_adaptive(seed=303, count=420):
    rng = np.random.default_rng(seed)
    for i in range(count):
        nd = int(rng.integers(1, 4))
        batched = bool(rng.integers(2))
        dtype = "float64" if rng.random() < 0.2 else "float32"
        spatial = [int(rng.integers(1, 10 if nd < 3 else 6)) for _ in range(nd)]
        r = rng.random()
        if r < 0.15:
            osz = 1 if rng.random() < 0.5 else [1] * nd
        elif r < 0.35 or nd == 1:
            osz = int(rng.integers(0, 8))
            if nd == 1 and rng.random() < 0.5:
                osz = [osz]
        else:
            osz = [int(rng.integers(0, 8)) for _ in range(nd)]
            if rng.random() < 0.3:
                osz[int(rng.integers(nd))] = None
        op = "adaptive_avg" if i % 2 == 0 else "adaptive_max"
        args = {"outputSize": osz}
        if op == "adaptive_max":
            args["returnIndices"] = bool(rng.integers(2))
        x = special_input(rng, lead(rng, batched) + spatial, dtype, specials=(op == "adaptive_max" or rng.random() < 0.2)) \
            if op == "adaptive_max" or rng.random() < 0.3 else plain_input(rng, lead(rng, batched) + spatial, dtype)
        add("adaptive", op, nd, args, x, note=f"seed {seed} #{i}")


def gen_lp(seed=404, count=260):
    rng = np.random.default_rng(seed)
    ps = [1, 2, 3, 4, 0.5, 1.5, inf, -1, 2.5]
    for i in range(count):
        nd = int(rng.integers(1, 3))
        batched = bool(rng.integers(2))
        r = rng.random()
        dtype = "float32" if r < 0.6 else "float64" if r < 0.7 else "int64" if r < 0.85 else str(rng.choice(["int32", "uint8", "bool"]))
        spatial = [int(rng.integers(1, 8)) for _ in range(nd)]
        p = ps[int(rng.integers(len(ps)))]
        is_int = float(p).is_integer() and rng.random() < 0.5
        args = {"normType": p, "kernelSize": int(rng.integers(1, 4)) if (nd == 1 or rng.random() < 0.5) else rand_arg(rng, nd, 1, 3, False),
                "ceilMode": bool(rng.integers(2)), "normIsInt": bool(is_int), "fromModule": (not is_int) and rng.random() < 0.5}
        if rng.random() < 0.6:
            args["stride"] = int(rng.integers(1, 4)) if (nd == 1 or rng.random() < 0.5) else rand_arg(rng, nd, 1, 3, False)
        if dtype in ("float32", "float64"):
            x = special_input(rng, lead(rng, batched) + spatial, dtype, specials=rng.random() < 0.3)
            if rng.random() < 0.5:
                x = x.abs()
        else:
            x = special_input(rng, lead(rng, batched) + spatial, dtype)
            if dtype == "int64":
                x = x.clamp(-6, 6)
        add("lp_pool", "lp_pool", nd, args, x, note=f"seed {seed} #{i}")


def gen_unpool(seed=505, count=220):
    rng = np.random.default_rng(seed)
    for i in range(count):
        nd = int(rng.integers(1, 4))
        batched = bool(rng.integers(2))
        dtype = "float64" if rng.random() < 0.2 else "float32"
        spatial = [int(rng.integers(1, 8 if nd < 3 else 5)) for _ in range(nd)]
        k = int(rng.integers(1, 4))
        s = None if rng.random() < 0.4 else int(rng.integers(1, 4))
        p = int(rng.integers(0, k // 2 + 1))
        x = special_input(rng, lead(rng, batched) + spatial, dtype, specials=False)
        mp = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}[nd]
        try:
            pooled, idx = mp(x, k, s, p, return_indices=True)
        except RuntimeError:
            continue
        mode = rng.random()
        args = {"kernelSize": k, "padding": p}
        if s is not None:
            args["stride"] = s
        if mode < 0.4:
            args["outputSize"] = list(x.shape[-nd:])
        elif mode < 0.5:
            args["outputSize"] = list(x.shape)
        elif mode < 0.6:  # random duplicate indices within a small plane
            plane = int(np.prod([(n - 1) * (s or k) - 2 * p + k for n in pooled.shape[-nd:]]))
            idx = torch.tensor(rng.integers(0, max(plane, 1), tuple(idx.shape)), dtype=torch.long)
        elif mode < 0.7:
            args["outputSize"] = [int(v) + int(rng.integers(-3, 4)) for v in x.shape[-nd:]]
        add("max_unpool", "max_unpool", nd, args, pooled, indices=idx, note=f"seed {seed} #{i}")


def gen_frac(seed=606, count=160):
    rng = np.random.default_rng(seed)
    for i in range(count):
        nd = int(rng.integers(2, 4))
        batched = bool(rng.integers(2))
        dtype = "float64" if rng.random() < 0.2 else "float32"
        spatial = [int(rng.integers(2, 9 if nd == 2 else 6)) for _ in range(nd)]
        ld = lead(rng, batched)
        x = special_input(rng, ld + spatial, dtype, specials=rng.random() < 0.3)
        k = int(rng.integers(1, 4)) if rng.random() < 0.5 else [int(rng.integers(1, 4)) for _ in range(nd)]
        args = {"kernelSize": k, "returnIndices": bool(rng.integers(2))}
        if rng.random() < 0.7:
            args["outputSize"] = int(rng.integers(1, 5)) if rng.random() < 0.4 else [int(rng.integers(1, 5)) for _ in range(nd)]
        else:
            args["outputRatio"] = float(rng.choice([0.3, 0.5, 0.75])) if rng.random() < 0.5 else [float(rng.choice([0.3, 0.5, 0.8])) for _ in range(nd)]
        nb = ld[0] if batched else 1
        samples = torch.tensor(rng.random((nb, ld[-1], nd)).astype(np.float32).astype(np.float64), dtype=TORCH_DT[dtype])
        add("frac_max", "frac_max", nd, args, x, samples=samples, note=f"seed {seed} #{i}")


# --------------------------------------------------------------------------------------
# hand-picked cases: the semantics document's examples and every error path
# --------------------------------------------------------------------------------------
def T(v, dtype=torch.float32):
    return torch.tensor(v, dtype=dtype)


def gen_specials():
    g = "specials"
    x5 = T([[[1., 2., 3., 4., 5.]]])
    add(g, "max_pool", 1, {"kernelSize": 2, "stride": 2, "padding": 1, "ceilMode": True, "returnIndices": True}, x5)
    X4 = torch.arange(1., 5.).reshape(1, 1, 2, 2)
    add(g, "max_pool", 2, {"kernelSize": 3, "ceilMode": True}, X4)
    add(g, "avg_pool", 2, {"kernelSize": 3, "ceilMode": True}, X4)
    add(g, "avg_pool", 2, {"kernelSize": 3}, X4)
    add(g, "max_pool", 1, {"kernelSize": 3}, torch.zeros(1, 1, 2))          # fast path: empty output
    add(g, "max_pool", 1, {"kernelSize": 3}, torch.zeros(2, 2))
    add(g, "max_pool", 1, {"kernelSize": 3, "stride": 1}, torch.zeros(1, 1, 1))  # negative size
    add(g, "max_pool", 1, {"kernelSize": 3, "returnIndices": True}, torch.zeros(1, 1, 2))
    add(g, "max_pool", 1, {"kernelSize": 3}, torch.zeros(1, 1, 2, dtype=torch.long))
    add(g, "max_pool", 1, {"kernelSize": 3}, torch.zeros(0, 1, 2))
    add(g, "max_pool", 1, {"kernelSize": 2}, torch.zeros(0, 1, 4))
    add(g, "max_pool", 1, {"kernelSize": 2, "returnIndices": True}, torch.zeros(0, 1, 4))
    add(g, "max_pool", 1, {"kernelSize": 2}, torch.zeros(1, 0, 4))
    add(g, "max_pool", 1, {"kernelSize": 2, "returnIndices": True}, torch.zeros(1, 0, 4))
    add(g, "max_pool", 1, {"kernelSize": 2}, torch.zeros(0, 4))
    add(g, "max_pool", 1, {"kernelSize": 2}, torch.zeros(1, 1, 0))
    add(g, "max_pool", 1, {"kernelSize": 2, "returnIndices": True}, torch.zeros(1, 1, 0))
    # max pooling rules [M1..M8]
    add(g, "max_pool", 2, {"kernelSize": 3, "stride": 1, "padding": 1, "returnIndices": True}, -torch.arange(1., 10.).reshape(1, 1, 3, 3))
    add(g, "max_pool", 2, {"kernelSize": 3, "returnIndices": True}, T([[[[1., 3., 3.], [3., 0., 3.], [0., 0., 0.]]]]))
    add(g, "max_pool", 2, {"kernelSize": 3, "returnIndices": True}, T([[[[1., nan, 3.], [nan, 5., 0.], [0., 0., 9.]]]]))
    add(g, "max_pool", 1, {"kernelSize": 5}, T([[[1., nan, 3., nan, 9.]]]))
    for ri in (False, True):
        add(g, "max_pool", 1, {"kernelSize": 2, "returnIndices": ri}, T([[[-0.0, 0.0]]]))
        add(g, "max_pool", 1, {"kernelSize": 2, "returnIndices": ri}, T([[[0.0, -0.0]]]))
        add(g, "max_pool", 1, {"kernelSize": 2, "stride": 1, "padding": 1, "dilation": 4, "returnIndices": ri}, T([[[1., 2., 3.]]]))
        add(g, "max_pool", 1, {"kernelSize": 3, "stride": 2, "padding": 1, "dilation": 3, "ceilMode": True, "returnIndices": ri}, T([[[nan, 2., -inf, 3., nan]]]))
    add(g, "max_pool", 2, {"kernelSize": 2, "stride": 1, "padding": 1, "returnIndices": True}, torch.full((1, 1, 3, 3), -inf))
    add(g, "max_pool", 2, {"kernelSize": 2, "stride": 1, "dilation": 2, "returnIndices": True}, torch.arange(25.).reshape(1, 1, 5, 5))
    add(g, "max_pool", 2, {"kernelSize": 3, "stride": 2, "padding": 1, "dilation": 2, "returnIndices": True}, torch.arange(25.).reshape(1, 1, 5, 5))
    add(g, "max_pool", 2, {"kernelSize": 2, "returnIndices": True}, torch.arange(64.).reshape(2, 2, 4, 4))
    add(g, "max_pool", 3, {"kernelSize": 2, "returnIndices": True}, torch.arange(128.).reshape(1, 2, 4, 4, 4))
    add(g, "max_pool", 2, {"kernelSize": 2, "stride": []}, torch.arange(25.).reshape(1, 1, 5, 5))
    add(g, "max_pool", 2, {"kernelSize": [2], "stride": [2], "padding": [1]}, torch.arange(16.).reshape(1, 1, 4, 4))
    add(g, "max_pool", 3, {"kernelSize": [2], "stride": [2], "padding": [1]}, torch.arange(64.).reshape(1, 1, 4, 4, 4))
    A55 = T([[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]]).reshape(1, 1, 5, 5)
    add(g, "max_pool", 2, {"kernelSize": 3, "ceilMode": True, "returnIndices": True}, A55)
    add(g, "max_pool", 2, {"kernelSize": 3, "returnIndices": True}, A55)
    # average rules [A1..A6]
    X9 = torch.arange(1., 10.).reshape(1, 1, 3, 3)
    for cip in (True, False):
        add(g, "avg_pool", 2, {"kernelSize": 3, "stride": 1, "padding": 1, "countIncludePad": cip}, X9)
        add(g, "avg_pool", 2, {"kernelSize": 3, "stride": 1, "padding": 1, "countIncludePad": cip, "divisorOverride": 2}, X9)
        add(g, "avg_pool", 1, {"kernelSize": 2, "stride": 2, "ceilMode": True, "countIncludePad": cip}, x5)
        add(g, "avg_pool", 1, {"kernelSize": 3, "stride": 2, "padding": 1, "ceilMode": True, "countIncludePad": cip}, x5)
        add(g, "avg_pool", 1, {"kernelSize": 4, "stride": 3, "padding": 1, "ceilMode": True, "countIncludePad": cip}, T([[[1., 2., 3., 4., 5., 6.]]]))
        add(g, "avg_pool", 2, {"kernelSize": 3, "stride": 2, "padding": 1, "ceilMode": True, "countIncludePad": cip}, torch.arange(1., 17.).reshape(1, 1, 4, 4))
        add(g, "avg_pool", 3, {"kernelSize": 3, "stride": 2, "padding": 1, "countIncludePad": cip}, torch.arange(1., 28.).reshape(1, 1, 3, 3, 3))
    add(g, "avg_pool", 3, {"kernelSize": 2, "stride": 2, "ceilMode": True, "divisorOverride": 1}, torch.arange(1., 28.).reshape(1, 1, 3, 3, 3))
    add(g, "avg_pool", 1, {"kernelSize": 2}, T([[[-0.0, -0.0]]]))
    add(g, "avg_pool", 2, {"kernelSize": 2, "divisorOverride": -1}, torch.ones(1, 1, 2, 2))
    for dt in (torch.float32, torch.float64):  # 0 / negative divisor gives +0 (the output starts at 0)
        add(g, "avg_pool", 2, {"kernelSize": 2, "stride": 1, "padding": 1, "divisorOverride": -2}, torch.zeros(1, 2, 3, 3, dtype=dt))
        add(g, "avg_pool", 3, {"kernelSize": 2, "divisorOverride": -2}, torch.zeros(1, 1, 2, 2, 2, dtype=dt))
        add(g, "avg_pool", 1, {"kernelSize": 2}, T([[[3., -3., -0.0, 0.0]]]).to(dt))
    add(g, "max_unpool", 3, {"kernelSize": 1, "padding": 1}, torch.ones(5, 5, 1, 2), indices=torch.zeros(5, 5, 1, 2, dtype=torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2, "stride": [1]}, torch.ones(1, 1, 2, 2), indices=torch.zeros(1, 1, 2, 2, dtype=torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2, "padding": [0]}, torch.ones(1, 1, 2, 2), indices=torch.zeros(1, 1, 2, 2, dtype=torch.long))
    add(g, "max_unpool", 3, {"kernelSize": 2, "stride": [1, 1, 1, 1]}, torch.ones(1, 1, 2, 2, 2), indices=torch.zeros(1, 1, 2, 2, 2, dtype=torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2}, torch.ones(2), indices=torch.zeros(2, dtype=torch.long))
    add(g, "max_unpool", 1, {"kernelSize": 1, "stride": 3, "padding": 1}, torch.ones(0, 1, 1), indices=torch.zeros(0, 1, 1, dtype=torch.long))
    add(g, "max_unpool", 1, {"kernelSize": 1, "stride": 3, "padding": 1}, torch.ones(1, 1, 1), indices=torch.zeros(1, 1, 1, dtype=torch.long))
    L = torch.arange(16).reshape(1, 1, 4, 4)
    add(g, "avg_pool", 2, {"kernelSize": 2}, L)
    add(g, "avg_pool", 2, {"kernelSize": 2}, T([[[[1, 2], [2, 2]]]], torch.long))
    add(g, "avg_pool", 2, {"kernelSize": 2, "divisorOverride": 2}, T([[[[-3, -4], [0, 0]]]], torch.long))
    add(g, "avg_pool", 3, {"kernelSize": 2}, torch.arange(8).reshape(1, 1, 2, 2, 2))
    add(g, "avg_pool", 2, {"kernelSize": 2}, torch.zeros(0, 1, 4, 4))
    add(g, "max_pool", 2, {"kernelSize": 2}, torch.zeros(0, 1, 4, 4))
    add(g, "max_pool", 3, {"kernelSize": 2}, torch.zeros(0, 1, 4, 4, 4))
    add(g, "avg_pool", 3, {"kernelSize": 2}, torch.zeros(0, 1, 4, 4, 4))
    # adaptive [D1..D7]
    x10 = torch.arange(1., 11.).reshape(1, 1, 10)
    for o in (3, 4, 1, 10, 13):
        add(g, "adaptive_avg", 1, {"outputSize": o}, x10)
        add(g, "adaptive_max", 1, {"outputSize": o, "returnIndices": True}, x10)
    add(g, "adaptive_avg", 1, {"outputSize": 5}, T([[[1., 2., 3.]]]))
    add(g, "adaptive_max", 1, {"outputSize": 5, "returnIndices": True}, T([[[1., 2., 3.]]]))
    add(g, "adaptive_max", 1, {"outputSize": 1, "returnIndices": True}, T([[[1., nan, 3., nan]]]))
    add(g, "adaptive_max", 1, {"outputSize": 1, "returnIndices": True}, T([[[1., 3., 3., 2.]]]))
    add(g, "adaptive_max", 2, {"outputSize": [2, 3], "returnIndices": True}, torch.arange(30.).reshape(1, 1, 5, 6))
    X4 = T([[1, 3, 2, 4], [5, 6, 8, 7], [4, 2, 1, 0], [9, 7, 3, 2]]).reshape(1, 1, 4, 4)
    add(g, "adaptive_avg", 2, {"outputSize": [1, 1]}, X4)
    add(g, "adaptive_max", 2, {"outputSize": [1, 1], "returnIndices": True}, X4)
    add(g, "adaptive_avg", 2, {"outputSize": [None, 3]}, plain_input(np.random.default_rng(7), [1, 2, 5, 7]))
    add(g, "adaptive_max", 2, {"outputSize": [2, None], "returnIndices": False}, plain_input(np.random.default_rng(8), [1, 2, 5, 7]))
    add(g, "adaptive_avg", 3, {"outputSize": [None, 2, None]}, plain_input(np.random.default_rng(9), [1, 1, 4, 5, 6]))
    for op in ("adaptive_avg", "adaptive_max"):
        ex = {"returnIndices": True} if op == "adaptive_max" else {}
        add(g, op, 2, {"outputSize": 0, **ex}, torch.ones(1, 2, 5, 7))
        add(g, op, 1, {"outputSize": [None], **ex}, torch.ones(1, 2, 5))
        add(g, op, 3, {"outputSize": [None, None, None], **ex}, torch.ones(1, 2, 3, 4, 5))
        add(g, op, 2, {"outputSize": [None, 0], **ex}, torch.ones(2, 5, 7))
        add(g, op, 2, {"outputSize": [0, 3], **ex}, torch.ones(1, 2, 5, 7))
        add(g, op, 1, {"outputSize": 0, **ex}, torch.ones(1, 2, 5))
        add(g, op, 3, {"outputSize": 0, **ex}, torch.ones(1, 2, 3, 3, 3))
        for nd in (1, 2, 3):
            shp = [1, 2] + [4] * nd
            add(g, op, nd, {"outputSize": -1, **ex}, torch.ones(shp))
            add(g, op, nd, {"outputSize": [2] * (nd + 1), **ex}, torch.ones(shp))
            add(g, op, nd, {"outputSize": 2, **ex}, torch.ones([4] * nd))
            add(g, op, nd, {"outputSize": 1, **ex}, torch.ones([4] * nd))
            add(g, op, nd, {"outputSize": [2] * nd, **ex}, torch.ones([4] * nd))
            add(g, op, nd, {"outputSize": 2, **ex}, torch.ones([4] * (nd + 3)))
            add(g, op, nd, {"outputSize": 1, **ex}, torch.arange(float(4 ** (nd + 3))).reshape([4] * (nd + 3)))
            add(g, op, nd, {"outputSize": 1, **ex}, torch.ones([1, 1] + [0] * nd))
            add(g, op, nd, {"outputSize": 1, **ex}, torch.ones([2] + [0] * nd))
            add(g, op, nd, {"outputSize": 1, **ex}, torch.ones([1] * (nd - 1)))
            add(g, op, nd, {"outputSize": 2, **ex}, torch.ones([1, 1] + [4] * (nd - 1) + [0]))
            add(g, op, nd, {"outputSize": 2, **ex}, torch.ones([1, 0] + [4] * nd))
            add(g, op, nd, {"outputSize": 2, **ex}, torch.ones([0, 1] + [4] * nd))
            add(g, op, nd, {"outputSize": 1, **ex}, torch.ones([0, 1] + [4] * nd))
            add(g, op, nd, {"outputSize": 2, **ex}, torch.ones([0] + [4] * nd))
            add(g, op, nd, {"outputSize": 2, **ex}, torch.ones([1] + [0] + [4] * (nd - 1)))
            for dt in ("int64", "int32", "uint8", "bool"):
                add(g, op, nd, {"outputSize": 2, **ex}, torch.ones([1, 1] + [4] * nd, dtype=TORCH_DT[dt]))
                add(g, op, nd, {"outputSize": 1, **ex}, torch.ones([1, 1] + [4] * nd, dtype=TORCH_DT[dt]))
            big = plain_input(np.random.default_rng(nd), [1, 3] + [9 if nd < 3 else 5] * nd)
            add(g, op, nd, {"outputSize": 1, **ex}, big)
            add(g, op, nd, {"outputSize": 1, **ex}, big.double())
    # LP [L1..L5]
    x6 = T([[[1., -2., 3., -4., 5., -6.]]])
    for p in (2, 1, 3, inf, 0):
        add(g, "lp_pool", 1, {"normType": p, "kernelSize": 2, "normIsInt": False, "fromModule": True}, x6)
    add(g, "lp_pool", 1, {"normType": 0.5, "kernelSize": 2, "normIsInt": False, "fromModule": True}, T([[[1., 4., -1., 4.]]]))
    add(g, "lp_pool", 1, {"normType": 2, "kernelSize": 2, "ceilMode": True, "normIsInt": False, "fromModule": True}, T([[[3., 4., 12.]]]))
    add(g, "lp_pool", 2, {"normType": 1, "kernelSize": 2, "ceilMode": True, "normIsInt": False, "fromModule": True}, torch.arange(1., 10.).reshape(1, 1, 3, 3))
    add(g, "lp_pool", 2, {"normType": 2, "kernelSize": 2, "normIsInt": False, "fromModule": True}, T([[[3., 4.], [0., 12.]]]))
    add(g, "lp_pool", 1, {"normType": 2, "kernelSize": [2], "normIsInt": False, "fromModule": True}, T([[[3., 4.]]]))
    add(g, "lp_pool", 1, {"normType": 2, "kernelSize": [2, 2], "normIsInt": False, "fromModule": True}, T([[[3., 4.]]]))
    add(g, "lp_pool", 2, {"normType": 2, "kernelSize": [2, 2, 2], "normIsInt": False, "fromModule": True}, T([[[3., 4.], [1., 2.]]]))
    add(g, "lp_pool", 2, {"normType": 2, "kernelSize": [2], "normIsInt": False, "fromModule": True}, T([[[3., 4.], [1., 2.]]]))
    add(g, "lp_pool", 2, {"normType": 2, "kernelSize": 3, "normIsInt": False, "fromModule": True}, T([[[3., 4.], [1., 2.]]]))
    add(g, "lp_pool", 2, {"normType": 0, "kernelSize": 3, "normIsInt": True, "fromModule": False}, T([[[3., 4.], [1., 2.]]]))
    xl = T([[[[0, 1], [4, 5]]]], torch.long)
    for dt in ("int64", "int32", "uint8", "bool", "float64"):
        for is_int in (True, False):
            for fm in ((False, True) if not is_int else (False,)):
                add(g, "lp_pool", 2, {"normType": 2, "kernelSize": 2, "normIsInt": is_int, "fromModule": fm}, xl.to(TORCH_DT[dt]))
                add(g, "lp_pool", 1, {"normType": 3, "kernelSize": 2, "normIsInt": is_int, "fromModule": fm}, xl[0].to(TORCH_DT[dt]))
    add(g, "lp_pool", 2, {"normType": -1, "kernelSize": 2, "normIsInt": True, "fromModule": False}, xl)
    # unpool [U1..U5]
    inp = torch.arange(1., 17.).reshape(1, 1, 4, 4)
    o, i = F.max_pool2d(inp, 2, 2, return_indices=True)
    add(g, "max_unpool", 2, {"kernelSize": 2, "stride": 2}, o, indices=i)
    inp = torch.arange(1., 26.).reshape(1, 1, 5, 5)
    o, i = F.max_pool2d(inp, 2, 2, return_indices=True)
    for osz in (None, [5, 5], [1, 1, 5, 5], [7, 7], [2, 2], [3, 3], [1, 5, 5], [6, 6], [5, 3], []):
        args = {"kernelSize": 2, "stride": 2}
        if osz is not None:
            args["outputSize"] = osz
        add(g, "max_unpool", 2, args, o, indices=i)
    xin = T([[[[1., 2.], [3., 4.]]]])
    add(g, "max_unpool", 2, {"kernelSize": 2}, xin, indices=T([[[[0, 0], [0, 3]]]], torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2}, xin, indices=T([[[[0, 1], [2, -1]]]], torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2}, xin, indices=T([[[[0, 99], [2, -1]]]], torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2}, xin, indices=T([[[[0, 1]]]], torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2}, xin, indices=T([[[[0, 1], [2, 3]]]], torch.int32))
    add(g, "max_unpool", 2, {"kernelSize": 2}, xin[0, 0], indices=T([[0, 1], [2, 3]], torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2}, xin.long(), indices=T([[[[0, 1], [2, 3]]]], torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2}, torch.zeros(1, 0, 2, 2), indices=torch.zeros(1, 0, 2, 2, dtype=torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2}, torch.zeros(0, 1, 2, 2), indices=torch.zeros(0, 1, 2, 2, dtype=torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2}, torch.zeros(0, 1, 2, 2, dtype=torch.long), indices=torch.zeros(0, 1, 2, 2, dtype=torch.long))
    add(g, "max_unpool", 3, {"kernelSize": 2}, torch.zeros(0, 1, 1, 1, 1, dtype=torch.long), indices=torch.zeros(0, 1, 1, 1, 1, dtype=torch.long))
    add(g, "max_unpool", 1, {"kernelSize": 2}, torch.zeros(0, 1, 2, dtype=torch.long), indices=torch.zeros(0, 1, 2, dtype=torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2, "stride": 1, "outputSize": [2, 2]}, torch.zeros(1, 1, 1, 1), indices=torch.full((1, 1, 1, 1), 5))
    add(g, "max_unpool", 1, {"kernelSize": 2}, T([[[1., 2.]]]), indices=T([[[0, 9]]], torch.long))
    add(g, "max_unpool", 1, {"kernelSize": 2}, T([1., 2.]), indices=T([0, 1], torch.long))
    add(g, "max_unpool", 1, {"kernelSize": 2}, T([[1., 2.]]), indices=T([[0, 3]], torch.long))
    add(g, "max_unpool", 1, {"kernelSize": 2}, T([[[1., 2.]]]).long(), indices=T([[[0, 3]]], torch.long))
    add(g, "max_unpool", 1, {"kernelSize": 2}, T([[[1., 2.]]]), indices=T([[[0, 3]]], torch.int32))
    add(g, "max_unpool", 1, {"kernelSize": 2}, T([[[1., 2.]]]), indices=T([[[0, 3, 1]]], torch.long))
    t9 = T([[[1., 2, 3, 4, 5, 6, 7, 8, 9]]])
    o, i = F.max_pool1d(t9, 2, 2, return_indices=True)
    add(g, "max_unpool", 1, {"kernelSize": 2, "stride": 2}, o, indices=i)
    add(g, "max_unpool", 1, {"kernelSize": 2, "stride": 2, "outputSize": [1, 1, 9]}, o, indices=i)
    add(g, "max_unpool", 1, {"kernelSize": 2, "stride": 2, "outputSize": [9]}, o, indices=i)
    add(g, "max_unpool", 1, {"kernelSize": 2, "stride": 2, "outputSize": [10]}, o, indices=i)
    add(g, "max_unpool", 1, {"kernelSize": 2, "stride": 2, "outputSize": [9, 9]}, o, indices=i)
    o, i = F.max_pool3d(torch.arange(1., 28.).reshape(1, 1, 3, 3, 3), 2, return_indices=True)
    add(g, "max_unpool", 3, {"kernelSize": 2}, o, indices=i)
    add(g, "max_unpool", 3, {"kernelSize": 2, "outputSize": [3, 3, 3]}, o, indices=i)
    add(g, "max_unpool", 3, {"kernelSize": 2, "outputSize": [3, 3]}, o, indices=i)
    add(g, "max_unpool", 3, {"kernelSize": 2}, o[0], indices=i[0])
    add(g, "max_unpool", 3, {"kernelSize": 2}, o[0, 0], indices=i[0, 0])
    add(g, "max_unpool", 3, {"kernelSize": 2}, o, indices=i.int())
    add(g, "max_unpool", 3, {"kernelSize": 2}, o.long(), indices=i)
    add(g, "max_unpool", 3, {"kernelSize": 2}, o, indices=i[..., :0])
    add(g, "max_unpool", 3, {"kernelSize": 2}, torch.ones(1, 1, 1, 2, 1), indices=torch.ones(1, 1, 1, 1, 1, dtype=torch.long))
    add(g, "max_unpool", 3, {"kernelSize": 2}, torch.ones(1, 1, 1, 1), indices=torch.zeros(1, 1, 1, 1, dtype=torch.long))
    add(g, "max_unpool", 3, {"kernelSize": 2}, torch.ones(1, 0, 1, 1, 1), indices=torch.zeros(1, 0, 1, 1, 1, dtype=torch.long))
    add(g, "max_unpool", 3, {"kernelSize": 2, "stride": 0}, torch.ones(1, 1, 1, 1, 1), indices=torch.zeros(1, 1, 1, 1, 1, dtype=torch.long))
    add(g, "max_unpool", 3, {"kernelSize": 2, "padding": -1}, torch.ones(1, 1, 1, 1, 1), indices=torch.zeros(1, 1, 1, 1, 1, dtype=torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 2, "stride": 0}, torch.ones(1, 1, 1, 1), indices=torch.zeros(1, 1, 1, 1, dtype=torch.long))
    add(g, "max_unpool", 2, {"kernelSize": 3, "stride": 2, "padding": 1}, *F.max_pool2d(torch.arange(1., 26.).reshape(1, 1, 5, 5), 3, 2, 1, return_indices=True))
    add(g, "max_unpool", 3, {"kernelSize": 2, "stride": 1}, torch.arange(1., 9.).reshape(1, 1, 2, 2, 2), indices=torch.tensor([0, 0, 1, 1, 2, 5, 5, 8]).reshape(1, 1, 2, 2, 2))
    # fractional [R1]
    x49 = torch.arange(1., 50.).reshape(1, 1, 7, 7)
    for uw, uh in [(0.1, 0.7), (0.9, 0.3), (0.5, 0.5), (0.0, 0.999)]:
        add(g, "frac_max", 2, {"kernelSize": 2, "outputSize": [3, 4], "returnIndices": True}, x49, samples=T([[[uw, uh]]]))
    add(g, "frac_max", 2, {"kernelSize": 2, "returnIndices": False}, x49, samples=T([[[0.1, 0.2]]]))
    add(g, "frac_max", 2, {"kernelSize": 4, "outputSize": 5, "returnIndices": False}, x49, samples=T([[[0.1, 0.2]]]))
    add(g, "frac_max", 2, {"kernelSize": [2, 4], "outputSize": [5, 5], "returnIndices": False}, x49, samples=T([[[0.1, 0.2]]]))
    add(g, "frac_max", 2, {"kernelSize": 2, "outputRatio": 0.5, "returnIndices": True}, x49, samples=T([[[0.4, 0.6]]]))
    add(g, "frac_max", 2, {"kernelSize": 2, "outputSize": 3, "returnIndices": True}, x49[0, 0], samples=T([[[0.4, 0.6]]]))
    add(g, "frac_max", 2, {"kernelSize": 2, "outputSize": 3, "returnIndices": True}, x49[0], samples=T([[[0.4, 0.6]]]))
    add(g, "frac_max", 2, {"kernelSize": 2, "outputSize": 3, "returnIndices": True}, x49.long(), samples=T([[[0.4, 0.6]]]))
    add(g, "frac_max", 2, {"kernelSize": 2, "outputSize": 3, "returnIndices": True}, torch.ones(1, 0, 7, 7), samples=T([[[0.4, 0.6]]]))
    add(g, "frac_max", 2, {"kernelSize": 2, "outputSize": 0, "returnIndices": True}, x49, samples=T([[[0.4, 0.6]]]))
    add(g, "frac_max", 2, {"kernelSize": [2, 2, 2], "outputSize": 3, "returnIndices": True}, x49, samples=T([[[0.4, 0.6]]]))
    add(g, "frac_max", 2, {"kernelSize": 2, "outputSize": [3, 3, 3], "returnIndices": True}, x49, samples=T([[[0.4, 0.6]]]))
    for k, o in [(0, [1, -1]), (1, [1, -1]), (1, [-1, 1]), (1, [0, 1]), (2, [2, 0])]:
        add(g, "frac_max", 2, {"kernelSize": k, "outputSize": o, "returnIndices": True}, x49, samples=T([[[0.4, 0.6]]]))
        add(g, "frac_max", 2, {"kernelSize": k, "outputSize": o, "returnIndices": True}, x49.long(), samples=T([[[0.4, 0.6]]]))
    x3 = torch.arange(1., 126.).reshape(1, 1, 5, 5, 5)
    for o in ([1, 1, -1], [0, 1, 1]):
        add(g, "frac_max", 3, {"kernelSize": 1, "outputSize": o, "returnIndices": True}, x3, samples=T([[[0.1, 0.5, 0.9]]]))
    add(g, "frac_max", 3, {"kernelSize": 2, "outputSize": [2, 3, 4], "returnIndices": True}, x3, samples=T([[[0.1, 0.5, 0.9]]]))
    add(g, "frac_max", 3, {"kernelSize": 2, "returnIndices": True}, x3, samples=T([[[0.1, 0.5, 0.9]]]))
    add(g, "frac_max", 3, {"kernelSize": 5, "outputSize": 3, "returnIndices": True}, x3, samples=T([[[0.1, 0.5, 0.9]]]))
    add(g, "frac_max", 3, {"kernelSize": [1, 1, 5], "outputSize": 3, "returnIndices": True}, x3, samples=T([[[0.1, 0.5, 0.9]]]))
    add(g, "frac_max", 3, {"kernelSize": [1, 5, 1], "outputSize": 3, "returnIndices": True}, x3, samples=T([[[0.1, 0.5, 0.9]]]))
    add(g, "frac_max", 3, {"kernelSize": 2, "outputSize": 3, "returnIndices": True}, x3[0, 0], samples=T([[[0.1, 0.5, 0.9]]]))
    add(g, "frac_max", 3, {"kernelSize": 2, "outputSize": 3, "returnIndices": True}, x3.long(), samples=T([[[0.1, 0.5, 0.9]]]))
    add(g, "frac_max", 3, {"kernelSize": 2, "outputSize": 3, "returnIndices": True}, torch.ones(1, 0, 5, 5, 5), samples=T([[[0.1, 0.5, 0.9]]]))
    add(g, "frac_max", 3, {"kernelSize": [2, 2], "outputSize": 3, "returnIndices": True}, x3, samples=T([[[0.1, 0.5, 0.9]]]))
    add(g, "frac_max", 3, {"kernelSize": 2, "outputSize": [3, 3], "returnIndices": True}, x3, samples=T([[[0.1, 0.5, 0.9]]]))


def gen_edges(seed=707):
    """all -inf windows, long mean reductions (ATen's cascade levels), LP on longer inputs
    (PyTorch's vectorised pow loop), wide 1-D fast-path inputs"""
    g = "edges"
    rng = np.random.default_rng(seed)
    ninf = torch.full((1, 2, 3, 3, 3), -inf)
    ninf[0, 1, 2, 2, 2] = 1.0
    add(g, "max_pool", 3, {"kernelSize": 2, "stride": 1, "padding": 1, "returnIndices": True}, ninf)
    add(g, "max_pool", 3, {"kernelSize": 2, "padding": 1, "dilation": 3, "returnIndices": True}, ninf)
    add(g, "max_pool", 2, {"kernelSize": 2, "padding": 1, "dilation": [1, 4], "returnIndices": True}, ninf[0, :, 0])
    for o in (1, 2, 4):
        add(g, "adaptive_max", 3, {"outputSize": o, "returnIndices": True}, ninf)
        add(g, "adaptive_max", 2, {"outputSize": o, "returnIndices": True}, ninf[0, :, 0])
        add(g, "adaptive_max", 1, {"outputSize": o, "returnIndices": True}, ninf[0, :, 0, 0])
    add(g, "frac_max", 3, {"kernelSize": 2, "outputSize": 1, "returnIndices": True}, ninf, samples=T([[[0.3, 0.6, 0.9], [0.1, 0.2, 0.3]]]))
    add(g, "frac_max", 2, {"kernelSize": 2, "outputSize": 2, "returnIndices": True}, ninf[:, :, 0], samples=T([[[0.3, 0.6], [0.1, 0.2]]]))
    for n in (3, 7, 8, 9, 31, 33, 64, 100, 255, 257, 511, 512, 600, 1024, 1100, 2100):
        for dt in ("float32", "float64"):
            x = plain_input(rng, [2, n], dt) if n > 600 else plain_input(rng, [1, 3, n], dt)
            add(g, "adaptive_avg", 1, {"outputSize": 1}, x)
        h = int(math.sqrt(n)) or 1
        add(g, "adaptive_avg", 2, {"outputSize": 1}, plain_input(rng, [2, h, n // h]))
    for p in (3, 4, 1.5, 2.5, 0.5, inf):
        for dt in ("float32", "float64"):
            x = plain_input(rng, [2, 3, 20], dt).abs()
            add(g, "lp_pool", 1, {"normType": p, "kernelSize": 3, "stride": 1, "normIsInt": False, "fromModule": True}, x)
            add(g, "lp_pool", 2, {"normType": p, "kernelSize": 2, "stride": 1, "normIsInt": False, "fromModule": False}, x.reshape(2, 6, 10))
    add(g, "lp_pool", 2, {"normType": 3, "kernelSize": 2, "stride": 1, "normIsInt": True, "fromModule": False}, torch.tensor(rng.integers(-5, 6, (1, 6, 7))))
    for ri in (False, True):
        x = special_input(rng, [2, 3, 70], "float32")
        add(g, "max_pool", 1, {"kernelSize": 4, "stride": 3, "padding": 2, "dilation": 2, "ceilMode": True, "returnIndices": ri}, x)


def gen_fuzz(seed=808, count=900):
    """random, mostly invalid calls: ranks 0-6, empty dims, every dtype, scalars and lists
    of any length, negative and zero values, so that the order of PyTorch's checks shows"""
    g = "fuzz"
    rng = np.random.default_rng(seed)
    dts = ["float32", "float32", "float64", "int64", "int32", "uint8", "bool"]

    def iarg(lo=-1, hi=4, allow_none=False):
        r = rng.random()
        if allow_none and r < 0.2:
            return None
        if r < 0.55:
            return int(rng.integers(lo, hi + 1))
        return [int(rng.integers(lo, hi + 1)) for _ in range(int(rng.integers(0, 5)))]

    for i in range(count):
        op = ["max_pool", "avg_pool", "adaptive_avg", "adaptive_max", "lp_pool", "max_unpool", "frac_max"][i % 7]
        nd = int(rng.integers(1, 4)) if op not in ("lp_pool", "frac_max") else (int(rng.integers(1, 3)) if op == "lp_pool" else int(rng.integers(2, 4)))
        rank = int(rng.integers(0, 7))
        shape = [int(rng.choice([0, 1, 2, 3, 4, 5])) if rng.random() < 0.15 else int(rng.integers(1, 6)) for _ in range(rank)]
        if int(np.prod(shape)) > 400:
            continue
        dt = str(rng.choice(dts))
        x = special_input(rng, shape, dt, specials=False) if shape else torch.zeros([], dtype=TORCH_DT[dt])
        if op in ("max_pool", "avg_pool"):
            a = {"kernelSize": iarg(-1, 4), "padding": iarg(-1, 2), "ceilMode": bool(rng.integers(2))}
            st = iarg(-1, 3, allow_none=True)
            if st is not None:
                a["stride"] = st
            if op == "max_pool":
                a["dilation"] = iarg(-1, 3)
                a["returnIndices"] = bool(rng.integers(2))
            else:
                a["countIncludePad"] = bool(rng.integers(2))
                if nd > 1 and rng.random() < 0.3:
                    a["divisorOverride"] = int(rng.integers(-2, 3))
            add(g, op, nd, a, x)
        elif op in ("adaptive_avg", "adaptive_max"):
            o = iarg(-1, 4)
            if isinstance(o, list) and nd > 1 and o and rng.random() < 0.3:
                o[int(rng.integers(len(o)))] = None
            a = {"outputSize": o}
            if op == "adaptive_max":
                a["returnIndices"] = bool(rng.integers(2))
            add(g, op, nd, a, x)
        elif op == "lp_pool":
            pi = bool(rng.integers(2))
            a = {"normType": int(rng.choice([1, 2, 3, -1, 0])) if pi else float(rng.choice([1.0, 2.0, 1.5])),
                 "kernelSize": iarg(0, 3), "ceilMode": bool(rng.integers(2)), "normIsInt": pi, "fromModule": (not pi) and bool(rng.integers(2))}
            st = iarg(-1, 3, allow_none=True)
            if st is not None:
                a["stride"] = st
            add(g, op, nd, a, x)
        elif op == "max_unpool":
            a = {"kernelSize": int(rng.integers(1, 4)), "padding": int(rng.integers(0, 2))}
            if rng.random() < 0.5:
                a["stride"] = int(rng.integers(1, 4))
            if rng.random() < 0.4:
                a["outputSize"] = [int(rng.integers(0, 9)) for _ in range(int(rng.integers(0, 6)))]
            ish = shape if rng.random() < 0.85 else shape[:-1]
            idt = torch.long if rng.random() < 0.9 else torch.int32
            n_out = max(1, int(np.prod(shape[-nd:])) * 4 if shape else 1)
            idx = torch.tensor(rng.integers(-1, n_out + 1, int(np.prod(ish)) if ish else 1), dtype=idt).reshape(ish)
            add(g, op, nd, a, x, indices=idx)
        else:
            a = {"kernelSize": iarg(0, 3), "returnIndices": bool(rng.integers(2))}
            if rng.random() < 0.8:
                a["outputSize"] = iarg(-1, 4)
            elif rng.random() < 0.5:
                a["outputRatio"] = 0.5
            nb = shape[0] if len(shape) == nd + 2 else 1
            c = shape[-nd - 1] if len(shape) > nd else 1
            samples = torch.tensor(rng.random((max(nb, 1), max(c, 1), nd)), dtype=torch.float32 if dt != "float64" else torch.float64)
            add(g, op, nd, a, x, samples=samples)


def gen_errors():
    """every argument/shape/dtype check of the kernel-based ops, over 1d/2d/3d"""
    g = "errors"
    bad_values = [
        {"kernelSize": 0}, {"kernelSize": 0, "stride": 1}, {"kernelSize": -1}, {"kernelSize": -2},
        {"kernelSize": 2, "stride": 0}, {"kernelSize": 2, "stride": -1}, {"kernelSize": 2, "stride": -1, "padding": 2},
        {"kernelSize": 3, "padding": -1}, {"kernelSize": 3, "padding": 2}, {"kernelSize": 2, "stride": 1, "padding": 2, "dilation": 3},
        {"kernelSize": 2, "dilation": 0}, {"kernelSize": 2, "dilation": -1}, {"kernelSize": 9}, {"kernelSize": 5, "ceilMode": True},
        {"kernelSize": 3, "stride": 1, "padding": 1, "dilation": 5}, {"kernelSize": 1, "stride": 1},
        {"kernelSize": 4, "padding": 2, "ceilMode": True}, {"kernelSize": 2, "stride": 0, "padding": -1},
        {"kernelSize": 0, "padding": 1}, {"kernelSize": -3, "stride": 1, "padding": -1},
    ]
    shapes = {1: [[1, 1, 4], [2, 4], [4], [1, 1, 1, 4], [0, 1, 4], [1, 0, 4], [1, 1, 0], [0, 4], [2, 0], []],
              2: [[1, 1, 4, 4], [1, 4, 4], [4, 4], [1, 1, 1, 4, 4], [0, 1, 4, 4], [1, 0, 4, 4], [1, 1, 0, 4], [1, 1, 4, 0], [0, 4, 4], [1, 4, 0], [4]],
              3: [[1, 1, 4, 4, 4], [1, 4, 4, 4], [4, 4, 4], [1, 1, 1, 4, 4, 4], [0, 1, 4, 4, 4], [1, 0, 4, 4, 4], [1, 1, 4, 0, 4], [0, 4, 4, 4], [1, 2, 2, 2], [1, 1, 2, 4, 4]]}
    for nd in (1, 2, 3):
        for shp in shapes[nd]:
            for bv in bad_values:
                for op in ("max_pool", "avg_pool"):
                    args = dict(bv)
                    if op == "avg_pool":
                        if "dilation" in args:
                            continue
                    for ri in ((False, True) if op == "max_pool" else (None,)):
                        a = dict(args)
                        if ri is not None:
                            a["returnIndices"] = ri
                        add(g, op, nd, a, torch.zeros(shp))
        # tuple lengths, one bad argument at a time (and two at once, to see which wins)
        base = torch.zeros([1, 1] + [4] * nd)
        for name in ("kernelSize", "stride", "padding", "dilation"):
            for ln in (0, 2, 3, 4):
                if ln == nd:
                    continue
                for op in ("max_pool", "avg_pool"):
                    if op == "avg_pool" and name == "dilation":
                        continue
                    a = {"kernelSize": 2}
                    a[name] = [1 if name != "padding" else 0] * ln if name != "kernelSize" else [2] * ln
                    for ri in ((False, True) if op == "max_pool" else (None,)):
                        b = dict(a)
                        if ri is not None:
                            b["returnIndices"] = ri
                        add(g, op, nd, b, base)
                        add(g, op, nd, b, torch.zeros([4]))
        for op in ("max_pool", "avg_pool"):
            add(g, op, nd, {"kernelSize": [2] * (nd + 1), "stride": [1] * (nd + 1), "padding": -1}, base)
            add(g, op, nd, {"kernelSize": 2, "stride": [1] * (nd + 1), "padding": [0] * (nd + 1)}, base)
            add(g, op, nd, {"kernelSize": 2, "padding": [0] * (nd + 1), "stride": 0}, base)
        # divisor_override
        if nd > 1:
            for shp in shapes[nd][:4] + [[1, 1] + [2] * nd]:
                for dv in (0, -2):
                    add(g, "avg_pool", nd, {"kernelSize": 3, "stride": 1, "padding": 2, "divisorOverride": dv}, torch.zeros(shp))
                    add(g, "avg_pool", nd, {"kernelSize": 3, "divisorOverride": dv}, torch.zeros(shp, dtype=torch.int32))
                    add(g, "avg_pool", nd, {"kernelSize": [2] * (nd + 1), "divisorOverride": dv}, torch.zeros(shp))
        # dtypes
        for dt in ("int64", "int32", "uint8", "bool", "float64"):
            x = torch.ones([1, 1] + [4] * nd, dtype=TORCH_DT[dt])
            for ri in (False, True):
                add(g, "max_pool", nd, {"kernelSize": 2, "returnIndices": ri}, x)
                add(g, "max_pool", nd, {"kernelSize": 5, "returnIndices": ri}, x)
                add(g, "max_pool", nd, {"kernelSize": 0, "returnIndices": ri}, x)
            add(g, "avg_pool", nd, {"kernelSize": 2}, x)
            add(g, "avg_pool", nd, {"kernelSize": 5}, x)
            add(g, "avg_pool", nd, {"kernelSize": 5, "ceilMode": True}, x)
            add(g, "max_pool", nd, {"kernelSize": 2}, torch.ones([0, 1] + [4] * nd, dtype=TORCH_DT[dt]))
            add(g, "avg_pool", nd, {"kernelSize": 2}, torch.ones([0, 1] + [4] * nd, dtype=TORCH_DT[dt]))
            if nd == 1:
                add(g, "max_pool", 1, {"kernelSize": 5}, torch.ones([1, 1, 3], dtype=TORCH_DT[dt]))
                add(g, "max_pool", 1, {"kernelSize": 2}, torch.ones([1, 1, 0], dtype=TORCH_DT[dt]))
    # 0-d and 1-d inputs to ops that index size(-3)
    for op in ("max_pool", "avg_pool"):
        for nd in (2, 3):
            add(g, op, nd, {"kernelSize": 2}, torch.zeros([]))
            add(g, op, nd, {"kernelSize": 2}, torch.zeros([4]))
    # LP errors via avg_pool
    for nd in (1, 2):
        for bv in bad_values[:12]:
            if "dilation" in bv or "padding" in bv:
                continue
            a = {"normType": 2, "kernelSize": bv["kernelSize"], "normIsInt": False, "fromModule": False}
            if "stride" in bv:
                a["stride"] = bv["stride"]
            add(g, "lp_pool", nd, a, torch.ones([1, 1] + [4] * nd))
            add(g, "lp_pool", nd, a, torch.ones([4] * nd))
    # values past a C int: max pooling (and avg_pool3d) refuse them with safe_downcast's "integer out of
    # range"; avg_pool1d/2d narrow them silently in pool2d_shape_check (2**40 -> 0, 2**32+2 -> 2)
    huge = [{"kernelSize": 2 ** 40, "ceilMode": True}, {"kernelSize": 2 ** 40}, {"kernelSize": -(2 ** 40)},
            {"kernelSize": 2, "stride": 2 ** 40}, {"kernelSize": 2, "stride": 2 ** 40, "ceilMode": True},
            {"kernelSize": 2 ** 40, "padding": 2 ** 39, "ceilMode": True}, {"kernelSize": 2 ** 32 + 2, "ceilMode": True},
            {"kernelSize": 2, "dilation": 2 ** 40, "ceilMode": True}, {"kernelSize": 2, "padding": 2 ** 32}]
    for nd in (1, 2, 3):
        for bv in huge:
            for op in ("max_pool", "avg_pool"):
                if op == "avg_pool" and "dilation" in bv:
                    continue
                for ri in ((False, True) if op == "max_pool" else (None,)):
                    # max_pool1d without indices loops over the whole int64 kernel in 1.13.1 (hours)
                    if op == "max_pool" and nd == 1 and not ri and (bv["kernelSize"] > 2 ** 31 or bv.get("dilation", 1) > 2 ** 31):
                        continue
                    a = dict(bv)
                    if ri is not None:
                        a["returnIndices"] = ri
                    add(g, op, nd, a, torch.ones([1, 1] + [4] * nd))
        if nd < 3:
            add(g, "lp_pool", nd, {"normType": 2, "kernelSize": 2 ** 40, "ceilMode": True, "normIsInt": False, "fromModule": True}, torch.ones([1, 1] + [4] * nd))


def main():
    gen_max()
    gen_avg()
    gen_adaptive()
    gen_lp()
    gen_unpool()
    gen_frac()
    gen_specials()
    gen_edges()
    gen_fuzz()
    gen_errors()
    os.makedirs(OUT_DIR, exist_ok=True)
    total = 0
    for group, cases in CASES.items():
        for n, c in enumerate(cases):
            c["id"] = f"{group}/{n}"
        doc = {"generator": "scripts/gen_pool_fixtures.py", "torch": torch.__version__,
               "inputs": "numpy default_rng seeds per group are noted per case; values stored exactly (base64 LE bytes)",
               "cases": cases}
        with open(os.path.join(OUT_DIR, f"{group}.json"), "w") as f:
            json.dump(doc, f, separators=(",", ":"), allow_nan=False)
        total += len(cases)
        print(f"{group}: {len(cases)} cases", file=sys.stderr)
    print(f"total: {total} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
