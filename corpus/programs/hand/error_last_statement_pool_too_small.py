import torch
from torch import nn
import torch.nn.functional as F

x = torch.ones(1, 1, 4, 4)
print(nn.MaxPool2d(2)(x).shape)
print(nn.MaxPool2d(2)(nn.MaxPool2d(2)(x)).shape)
y = nn.MaxPool2d(2)(nn.MaxPool2d(2)(nn.MaxPool2d(2)(x)))
