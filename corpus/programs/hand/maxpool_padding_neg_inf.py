import torch
from torch import nn
import torch.nn.functional as F

x = -torch.arange(1., 10.).reshape(1, 1, 3, 3)
print(nn.MaxPool2d(2, stride=1, padding=1)(x))
print(nn.AvgPool2d(2, stride=1, padding=1)(x))
print(nn.AvgPool2d(2, stride=1, padding=1, count_include_pad=False)(x))
