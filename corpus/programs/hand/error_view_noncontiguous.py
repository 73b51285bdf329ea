import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(12.).reshape(3, 4)
print(x.transpose(0, 1).reshape(12))
print(x.transpose(0, 1).view(12))
