import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(-4., 4.).reshape(1, 2, 2, 2)
print(torch.equal(nn.Identity()(x), x))
print(nn.Flatten()(x))
print(nn.Flatten(0)(x).shape)
print(nn.Flatten(1, 2)(x).shape)
print(nn.ReLU()(x))
print(F.relu(x))
print(x)
