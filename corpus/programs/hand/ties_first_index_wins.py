import torch
from torch import nn
import torch.nn.functional as F

x = torch.tensor([[[[1., 1., 2., 2.], [1., 1., 2., 2.], [3., 3., 3., 3.], [3., 3., 3., 3.]]]])
y, idx = nn.MaxPool2d(2, return_indices=True)(x)
print(idx)
y, idx = nn.MaxPool2d(3, stride=1, return_indices=True)(x)
print(idx)
y, idx = nn.AdaptiveMaxPool2d(3, return_indices=True)(x)
print(y)
print(idx)
