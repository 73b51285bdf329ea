import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(2 * 3 * 4 * 4.).reshape(2, 3, 4, 4)
a = nn.AdaptiveAvgPool2d((1, 1))(x)
b = nn.AdaptiveAvgPool2d(1)(x)
c = F.adaptive_avg_pool2d(x, 1)
print(a.shape, torch.equal(a, b), torch.equal(a, c))
print(a.flatten(1))
m = nn.AdaptiveMaxPool2d(1)(x)
print(m.reshape(2, 3))
print(torch.allclose(a.flatten(1), x.mean(dim=3).mean(dim=2)))
