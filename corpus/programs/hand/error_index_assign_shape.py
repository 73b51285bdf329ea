import torch
from torch import nn
import torch.nn.functional as F

x = torch.zeros(2, 3)
x[0] = torch.tensor([1., 2., 3.])
print(x)
x[1] = torch.tensor([1., 2.])
