import torch
from torch import nn
import torch.nn.functional as F

x = torch.ones(1, 1, 6, 6)
print('start')
y = F.avg_pool2d(x, 3, padding=2)
