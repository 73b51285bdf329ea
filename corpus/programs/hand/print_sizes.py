import torch
from torch import nn
import torch.nn.functional as F

x = torch.zeros(2, 3, 4, 5)
print(x.shape)
print(x.size())
print(x.size(1), x.size(-1))
print(x.shape[2:])
print(x.shape[0], len(x.shape))
print(torch.zeros(()).shape, torch.zeros(0).shape)
print(x.reshape(6, -1).shape)
print(x.flatten(1).shape, x.flatten(0, 2).shape)
