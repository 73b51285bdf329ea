import torch
from torch import nn
import torch.nn.functional as F

conv = nn.Conv2d(1, 2, 3)
conv.weight.data = torch.ones(2, 1, 3, 3)
conv.bias.data = torch.tensor([0.5, -1.0])
x = torch.arange(25.).reshape(1, 1, 5, 5)
y = conv(x)
print(y)
print(F.max_pool2d(y, 2))
