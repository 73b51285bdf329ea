import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(100 * 100.).reshape(1, 1, 100, 100)
y = F.max_pool2d(x, 2)
print(y.shape)
print(y)
z = F.avg_pool2d(x / 7, 3, stride=2)
print(z)
