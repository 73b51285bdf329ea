import torch
from torch import nn
import torch.nn.functional as F

x = torch.tensor([[1., 5., 3.], [4., 2., 6.]])
r = torch.max(x, dim=1)
print(r)
print(r.values)
print(r.indices)
print(x.min(0))
print(torch.max(x, 1, keepdim=True))
values, indices = x.max(dim=0)
print(values, indices)
