import torch
from torch import nn
import torch.nn.functional as F

conv = nn.Conv2d(1, 1, 2, bias=False)
conv.weight.data = torch.tensor([[[[1., 2.], [3., 4.]]]])
print(conv.weight)
print(conv.weight.shape)
print(conv)
