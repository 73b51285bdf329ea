import torch
from torch import nn
import torch.nn.functional as F

import torch.nn as nn
from torch.nn import MaxPool2d, AvgPool2d, AdaptiveAvgPool2d
import torch.nn.functional as F
x = torch.arange(16.).reshape(1, 1, 4, 4)
print(MaxPool2d(2)(x))
print(AvgPool2d(2)(x))
print(AdaptiveAvgPool2d(1)(x))
print(F.max_pool2d(x, kernel_size=2, stride=1).shape)
