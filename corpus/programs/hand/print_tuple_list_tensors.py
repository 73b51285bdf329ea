import torch
from torch import nn
import torch.nn.functional as F

a = torch.tensor([1., 2.])
b = torch.tensor([[1, 2], [3, 4]])
print([a, b])
print((a, b))
print((a,))
print([a.shape, b.dtype])
print(a.shape, b.shape, sep=' | ')
print(tuple(b.shape), list(b.shape))
