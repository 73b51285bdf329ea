import torch
from torch import nn
import torch.nn.functional as F

x = torch.tensor([[[[1., 2.], [3., 4.]]]])
up = F.interpolate(x, scale_factor=2)
print(up)
print(F.max_pool2d(up, 2))
print(torch.equal(F.max_pool2d(up, 2), x))
print(F.interpolate(x, size=(3, 5)))
