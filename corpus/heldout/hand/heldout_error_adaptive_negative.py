import torch
from torch import nn
import torch.nn.functional as F

x = torch.ones(1, 1, 4, 4)
print(F.adaptive_max_pool2d(x, (2, 3)).shape)
print(F.adaptive_max_pool2d(x, -1).shape)
