import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(16.).reshape(1, 1, 4, 4)
print(nn.LPPool2d(2, 2, stride=(1, 2))(x))
print(nn.LPPool2d(2, (2, 2, 2))(x))
