import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(16).reshape(1, 1, 4, 4)
print(F.avg_pool2d(x, 2))
print(F.avg_pool2d(x.to(torch.int32), 2, stride=1))
print(F.avg_pool2d(x.to(torch.uint8), 3, stride=1, padding=1))
