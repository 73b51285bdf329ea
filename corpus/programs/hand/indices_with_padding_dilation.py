import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(1., 37.).reshape(1, 1, 6, 6)
y, idx = F.max_pool2d(x, 3, stride=2, padding=1, dilation=2, return_indices=True)
print(y)
print(idx)
y, idx = F.max_pool2d(-x, 2, stride=2, padding=1, return_indices=True)
print(y)
print(idx)
