import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(9.).reshape(1, 1, 3, 3)
p = F.pad(x, (1, 1, 1, 1))
print(p)
print(F.max_pool2d(p, 2))
print(F.pad(x, (0, 1), value=-5.0))
