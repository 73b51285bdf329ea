"""Generates the view models the renderer tests feed to dist/renderer.js.

Every number (values, shapes, indices, output sizes, PyTorch's printed text) is measured
with real PyTorch 1.13.1; only the layout follows src/common/viewModel.ts. Run with
/usr/bin/python3 scripts/gen_renderer_fixtures.py; commits test/fixtures/renderer/views.json.
"""
import base64
import json
import math
import os

import torch
from torch import nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'renderer', 'views.json')
FORMULA = {False: 'floor((L + 2p - d(k-1) - 1) / s) + 1', True: 'ceil((L + 2p - d(k-1) - 1) / s) + 1'}
DTYPES = {torch.float32: 'float32', torch.float64: 'float64', torch.int64: 'int64', torch.int32: 'int32',
          torch.uint8: 'uint8', torch.bool: 'bool'}


def json_number(v):
    if isinstance(v, float):
        if math.isnan(v):
            return 'nan'
        if math.isinf(v):
            return 'inf' if v > 0 else '-inf'
    return v


def tensor_view(t, encoding='list'):
    flat = t.detach().reshape(-1)
    if encoding == 'list':
        data = {'encoding': 'list', 'values': [json_number(v) for v in flat.tolist()]}
    else:
        storage = {torch.float32: torch.float32, torch.float64: torch.float64, torch.int64: torch.float64,
                   torch.int32: torch.int32, torch.uint8: torch.uint8, torch.bool: torch.uint8}[t.dtype]
        raw = flat.to(storage).contiguous().numpy().astype(flat.to(storage).numpy().dtype.newbyteorder('<')).tobytes()
        data = {'encoding': 'base64', 'bytes': base64.b64encode(raw).decode('ascii')}
    return {'kind': 'tensor', 'shape': list(t.shape), 'dtype': DTYPES[t.dtype], 'data': data, 'text': repr(t)}


def derivation(axis, size, k, s, p, d, ceil, out):
    num = size + 2 * p - d * (k - 1) - 1
    fn = 'ceil' if ceil else 'floor'
    value = (-(-num // s) if ceil else num // s) + 1
    return {
        'axis': axis, 'input': size, 'kernel': k, 'stride': s, 'padding': p, 'dilation': d, 'ceilMode': ceil,
        'formula': FORMULA[ceil].replace('L', axis),
        'substituted': f'{fn}(({size} + {2 * p} - {d * (k - 1)} - 1) / {s}) + 1',
        'ceilCorrection': bool(ceil and value != out),
        'output': out,
        'steps': [],
    }


def windows(h, w, k, s, p, d, oh, ow):
    """Input taps of each output cell, flat in the input plane, -1 for padding (as the view model says)."""
    result = []
    for i in range(oh):
        for j in range(ow):
            taps = []
            for a in range(k[0]):
                for b in range(k[1]):
                    r, c = i * s[0] - p[0] + a * d[0], j * s[1] - p[1] + b * d[1]
                    if r < 0 or c < 0 or r >= h or c >= w:
                        if r < h + p[0] and c < w + p[1]:
                            taps.append(-1)
                    else:
                        taps.append(r * w + c)
            result.append(taps)
    return result


def pooled_max2d(x, k, s, p, d, ceil):
    y, idx = F.max_pool2d(x, k, s, p, d, ceil_mode=ceil, return_indices=True)
    h, w = x.shape[-2:]
    oh, ow = y.shape[-2:]
    view = tensor_view(y)
    view['pooling'] = {
        'op': 'max_pool2d',
        'params': {'kernel_size': [k, k], 'stride': [s, s], 'padding': [p, p], 'dilation': [d, d], 'ceil_mode': ceil},
        'input': tensor_view(x),
        'indices': tensor_view(idx),
        'derivation': [derivation('H', h, k, s, p, d, ceil, oh), derivation('W', w, k, s, p, d, ceil, ow)],
        'windows': windows(h, w, (k, k), (s, s), (p, p), (d, d), oh, ow),
    }
    return view


def main():
    torch.manual_seed(0)
    seed = torch.tensor([[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]],
                        dtype=torch.float32).reshape(1, 1, 5, 5)
    big = torch.arange(64 * 64, dtype=torch.float32).reshape(1, 1, 64, 64) / 4096
    views = {
        # The seed lesson's 5x5 image pooled with kernel 3, ceil_mode=True.
        'maxpoolCeil': pooled_max2d(seed, 3, 3, 0, 1, True),
        'maxpoolPadded': pooled_max2d(torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4), 3, 2, 1, 1, False),
        'plainTensor': tensor_view(torch.arange(6, dtype=torch.int64).reshape(2, 3)),
        'base64Float': tensor_view(nn.AvgPool2d(2)(torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4)), 'base64'),
        'nonFinite': tensor_view(torch.tensor([1.5, float('nan'), float('inf'), float('-inf')])),
        'large': {**tensor_view(big, 'base64')},
        'module': {'kind': 'module', 'name': 'MaxPool2d', 'text': repr(nn.MaxPool2d(3, ceil_mode=True)),
                   'params': {'kernel_size': 3, 'stride': 3, 'padding': 0, 'dilation': 1, 'return_indices': False,
                              'ceil_mode': True}},
        'text': {'kind': 'text', 'text': str(seed.shape)},
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump({'generatedBy': 'scripts/gen_renderer_fixtures.py', 'torch': torch.__version__, 'views': views},
                  f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
