import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(1., 26.).reshape(1, 1, 5, 5)
print(nn.LPPool2d(2, 2, ceil_mode=True)(x))
print(nn.LPPool2d(1, 2, ceil_mode=True)(x))
print(nn.AvgPool2d(2, ceil_mode=True)(x))
print(nn.AvgPool2d(2, ceil_mode=True, padding=1)(x))
