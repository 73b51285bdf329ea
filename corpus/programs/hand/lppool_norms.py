import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(1., 17.).reshape(1, 1, 4, 4)
for p in [1, 2, 3]:
    print(p, nn.LPPool2d(p, 2)(x))
print(nn.LPPool1d(2, 2)(x.reshape(1, 1, 16)))
