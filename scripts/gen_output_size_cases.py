"""Expected answers of "Pooling: Compute Output Size", measured with real PyTorch 1.13.1.

Run with /usr/bin/python3; writes test/fixtures/extension/output_size_cases.json. Each case
is a layer, its settings as the user types them (Python arguments) and an input shape; the
answer is the output shape (and indices shape) or the exception PyTorch raises.
"""
import json
import os

import torch
from torch import nn

CASES = [
    ("MaxPool2d", "kernel_size=3, ceil_mode=True", [1, 1, 5, 5]),
    ("MaxPool2d", "kernel_size=3, ceil_mode=False", [1, 1, 5, 5]),
    ("MaxPool2d", "3", [1, 1, 2, 2]),
    ("MaxPool2d", "2, stride=2, padding=1, return_indices=True", [1, 3, 32, 32]),
    ("MaxPool2d", "(3, 2), stride=(2, 1), padding=(1, 0), dilation=2", [2, 3, 17, 9]),
    ("MaxPool2d", "kernel_size=2, padding=2", [1, 1, 8, 8]),
    ("MaxPool2d", "kernel_size=2, stride=0", [1, 1, 8, 8]),
    ("MaxPool2d", "2", [4, 4]),
    ("MaxPool1d", "2, 2, padding=1, ceil_mode=True", [1, 1, 5]),
    ("MaxPool1d", "3", [1, 10]),
    ("MaxPool3d", "2, ceil_mode=True", [1, 2, 5, 5, 5]),
    ("AvgPool2d", "kernel_size=3, stride=2, padding=1, ceil_mode=True", [1, 1, 4, 4]),
    ("AvgPool2d", "2", [1, 3, 224, 224]),
    ("AvgPool1d", "4, stride=3, padding=1, ceil_mode=True", [1, 1, 6]),
    ("AvgPool3d", "(1, 2, 2)", [1, 1, 3, 4, 4]),
    ("AvgPool2d", "5", [1, 1, 3, 3]),
    ("LPPool2d", "2, 3, stride=2", [1, 1, 7, 7]),
    ("LPPool1d", "norm_type=1, kernel_size=2, ceil_mode=True", [1, 1, 5]),
    ("AdaptiveAvgPool2d", "(1, 1)", [1, 512, 7, 7]),
    ("AdaptiveAvgPool2d", "output_size=(None, 3)", [1, 1, 5, 8]),
    ("AdaptiveMaxPool1d", "4, return_indices=True", [2, 3, 10]),
    ("AdaptiveAvgPool3d", "2", [1, 1, 4, 5, 6]),
    ("MaxUnpool2d", "2", [1, 1, 2, 2]),
    ("MaxUnpool1d", "3, stride=2, padding=1", [1, 1, 4]),
    ("FractionalMaxPool2d", "kernel_size=2, output_ratio=0.5", [1, 1, 8, 8]),
    ("FractionalMaxPool2d", "kernel_size=2, output_size=(3, 5)", [1, 1, 8, 10]),
]


def run(name, settings, shape):
    layer = eval(f"nn.{name}({settings})")
    x = torch.rand(*shape)
    if name.startswith("MaxUnpool"):
        y = layer(x, torch.zeros(*shape, dtype=torch.long))
    else:
        y = layer(x)
    if isinstance(y, tuple):
        return {"outputShape": list(y[0].shape), "indicesShape": list(y[1].shape)}
    return {"outputShape": list(y.shape)}


def main():
    out = []
    for name, settings, shape in CASES:
        case = {"layer": name, "settings": settings, "shape": shape}
        try:
            case.update(run(name, settings, shape))
        except Exception as e:  # noqa: BLE001 - the exception is the expected answer
            case["error"] = f"{type(e).__name__}: {e}"
        out.append(case)
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "extension", "output_size_cases.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"torch": torch.__version__, "cases": out}, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
