import torch
from torch import nn
import torch.nn.functional as F

y = F.max_pool2d(torch.arange(16.).reshape(1, 1, 4, 4), 2)
print(y.max().item())
print(y.item())
