import torch
from torch import nn
import torch.nn.functional as F

pool = nn.AdaptiveAvgPool2d(2)
print(pool(torch.ones(3, 4, 4)).shape)
print(pool(torch.ones(2, 3, 4, 4)).shape)
print(pool(torch.ones(4, 4)).shape)
