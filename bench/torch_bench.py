#!/usr/bin/env python3
"""PyTorch baseline for `npm run bench` (run as /usr/bin/python3 bench/torch_bench.py).

Times the issue's workloads W1-W5 on one thread (torch.set_num_threads(1), as the issue's PyTorch
figures are single-thread), NCHW float32, and prints one JSON object per line:
{"workload", "impl": "pytorch", "median_ms", "runs"} (W5: median per call over batches).
`torch_bench.py RUNS W2 W4` times only the named workloads: the benchmark calls it once per
workload, right after timing poolnb on it, so that both are measured in the same few seconds
(these shared VMs drift between fast and slow phases by up to 2x over minutes).
Exits 3 with a message on stderr when torch cannot be imported.
"""
import json
import statistics
import sys
import time

try:
    import torch
    import torch.nn.functional as F
except Exception as e:  # noqa: BLE001 - any import failure means "no baseline"
    print(f"torch unavailable: {e}", file=sys.stderr)
    sys.exit(3)

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 9
ONLY = set(sys.argv[2:])

torch.set_num_threads(1)
torch.manual_seed(0)

WORKLOADS = [
    ("W1", (1, 64, 512, 512), lambda x: F.max_pool2d(x, 2, 2)),
    ("W2", (8, 64, 112, 112), lambda x: F.max_pool2d(x, 3, 2, padding=1)),
    ("W3", (1, 64, 256, 256), lambda x: F.avg_pool2d(x, 3, 1, padding=1, count_include_pad=False)),
    ("W4", (32, 2048, 7, 7), lambda x: F.adaptive_avg_pool2d(x, 1)),
]


def median_ms(fn, x, runs):
    with torch.no_grad():
        fn(x)  # warm-up
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            fn(x)
            times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def main():
    for name, shape, fn in WORKLOADS:
        if ONLY and name not in ONLY:
            continue
        x = torch.randn(shape)
        print(json.dumps({"workload": name, "impl": "pytorch", "median_ms": median_ms(fn, x, RUNS), "runs": RUNS}), flush=True)
    if ONLY and "W5" not in ONLY:
        return
    # W5: per-call cost of the module call, median over batches of calls
    x = torch.randn(1, 1, 5, 5)
    m = torch.nn.MaxPool2d(3, ceil_mode=True)
    batch = 20000
    with torch.no_grad():
        for _ in range(batch):
            m(x)
        per_call = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            for _ in range(batch):
                m(x)
            per_call.append((time.perf_counter() - t0) * 1e3 / batch)
    print(json.dumps({"workload": "W5", "impl": "pytorch", "median_ms": statistics.median(per_call), "runs": RUNS}), flush=True)


if __name__ == "__main__":
    main()
