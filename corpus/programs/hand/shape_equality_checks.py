import torch
from torch import nn
import torch.nn.functional as F

x = torch.zeros(1, 1, 4, 4)
y = F.max_pool2d(x, 2)
print(y.shape == (1, 1, 2, 2), y.shape == torch.Size([1, 1, 2, 2]), y.shape[2:] == (2, 2))
print(list(y.shape) == [1, 1, 2, 2], y.shape != x.shape)
print(y.numel(), y.dim(), y.ndim, len(y))
