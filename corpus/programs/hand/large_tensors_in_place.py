import torch
from torch import nn
import torch.nn.functional as F

# Tensors of 16,384 float32 elements or more live in the engine's WebAssembly arena and are pooled
# in place (no copies); chains, loops, views and NaN/inf must still give PyTorch's bits.
x = torch.arange(32 * 2048 * 49, dtype=torch.float32).reshape(32, 2048, 7, 7) / 977
x[0, 0, 0, 0] = float('nan')
x[1, 5, 3, 3] = float('inf')
g = F.adaptive_avg_pool2d(x, 1)
print(g.shape, g[0, :3].flatten().tolist(), g[1, 4:7].flatten().tolist(), g[5, 100:103].flatten().tolist())
for _ in range(30):
    g = nn.AdaptiveAvgPool2d((1, 1))(x)
print(g[31, -3:].flatten().tolist())

y = x.reshape(-1)[:2 * 64 * 112 * 112].reshape(2, 64, 112, 112)
m, i = F.max_pool2d(y, 3, 2, padding=1, return_indices=True)
print(m.shape, m[0, 0, :2, :5].tolist(), i[1, 63, -2:, -4:].tolist())
twice = F.max_pool2d(F.max_pool2d(y, 2), 2, ceil_mode=True)
print(twice.shape, twice[1, 7, -1, -6:].tolist())

a = nn.AvgPool2d(3, 1, padding=1, count_include_pad=False)(y[:1, :8])
print(a.shape, a[0, 7, -1, -5:].tolist(), a[0, 0, 0, :3].tolist())
t = y[1, :4].transpose(1, 2)  # not contiguous: copied before pooling
print(F.avg_pool2d(t, 4, divisor_override=3)[3, -1, -4:].tolist())
print(F.adaptive_max_pool2d(y[1, :2], 3)[1].tolist())
