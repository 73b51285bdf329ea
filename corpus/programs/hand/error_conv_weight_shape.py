import torch
from torch import nn
import torch.nn.functional as F

conv = nn.Conv2d(1, 1, 3, bias=False)
conv.weight.data = torch.ones(1, 1, 2, 2)
print(conv(torch.ones(1, 1, 4, 4)))
print(conv(torch.ones(1, 2, 4, 4)))
