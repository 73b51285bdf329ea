import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(2 * 5 * 5.).reshape(2, 5, 5)
print(nn.MaxPool2d(2)(x).shape, nn.AvgPool2d(2)(x).shape, nn.AdaptiveMaxPool2d(3)(x).shape)
print(nn.LPPool2d(1, 2)(x))
print(nn.MaxPool1d(2)(x[0]))
