"""Generates test/fixtures/check/signatures.json: the Python-level signatures (qualname,
parameter names in order, kinds, defaults) of the torch.nn modules and
torch.nn.functional functions PoolScript supports, read from real PyTorch 1.13.1 with
inspect. src/lang/check/library.ts is tested against it.
Run: /usr/bin/python3 scripts/gen_check_fixtures.py"""
import inspect, json, os, sys
import torch
from torch import nn
import torch.nn.functional as F

NN = ["MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d",
      "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d",
      "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "AdaptiveMaxPool3d",
      "LPPool1d", "LPPool2d", "MaxUnpool1d", "MaxUnpool2d", "MaxUnpool3d",
      "FractionalMaxPool2d", "FractionalMaxPool3d",
      "Flatten", "ReLU", "Conv1d", "Conv2d"]
# F functions defined in Python (C builtins such as avg_pool2d have no inspectable signature)
F_PY = {
    "max_pool1d": "_max_pool1d", "max_pool2d": "_max_pool2d", "max_pool3d": "_max_pool3d",
    "adaptive_max_pool1d": "_adaptive_max_pool1d", "adaptive_max_pool2d": "_adaptive_max_pool2d",
    "adaptive_max_pool3d": "_adaptive_max_pool3d",
    "fractional_max_pool2d": "_fractional_max_pool2d", "fractional_max_pool3d": "_fractional_max_pool3d",
    "adaptive_avg_pool2d": "adaptive_avg_pool2d", "adaptive_avg_pool3d": "adaptive_avg_pool3d",
    "lp_pool1d": "lp_pool1d", "lp_pool2d": "lp_pool2d",
    "max_unpool1d": "max_unpool1d", "max_unpool2d": "max_unpool2d", "max_unpool3d": "max_unpool3d",
    "relu": "relu", "interpolate": "interpolate",
}


def default(p):
    if p.default is inspect.Parameter.empty:
        return {"required": True}
    d = p.default
    if isinstance(d, (bool, int, float, str)) or d is None:
        return {"default": d}
    if isinstance(d, tuple):
        return {"default": list(d)}
    return {"defaultRepr": repr(d)}


KIND = {inspect.Parameter.POSITIONAL_OR_KEYWORD: "pos", inspect.Parameter.POSITIONAL_ONLY: "pos",
        inspect.Parameter.KEYWORD_ONLY: "kwonly", inspect.Parameter.VAR_POSITIONAL: "varargs",
        inspect.Parameter.VAR_KEYWORD: "varkw"}


def sig(fn, skip_self):
    ps = list(inspect.signature(fn).parameters.values())
    if skip_self:
        ps = ps[1:]
    return [dict(name=p.name, kind=KIND[p.kind], **default(p)) for p in ps]


def main():
    out = {"torch": torch.__version__, "nn": {}, "F": {}}
    for name in NN:
        cls = getattr(nn, name)
        out["nn"][name] = {"qualname": cls.__init__.__qualname__, "params": sig(cls.__init__, True)}
    for name, impl in F_PY.items():
        fn = getattr(F, impl)
        out["F"][name] = {"qualname": fn.__qualname__, "params": sig(fn, False)}
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "check", "signatures.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print("wrote", os.path.normpath(path))


if __name__ == "__main__":
    main()
