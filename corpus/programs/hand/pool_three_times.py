import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(64.).reshape(1, 1, 8, 8)
for step in range(3):
    x = F.max_pool2d(x, 2)
    print(step, tuple(x.shape))
print(x)
