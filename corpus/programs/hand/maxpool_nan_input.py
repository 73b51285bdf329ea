import torch
from torch import nn
import torch.nn.functional as F

x = torch.tensor([[[[1., float('nan'), 2.], [3., 4., 5.], [6., 7., 8.]]]])
y, i = F.max_pool2d(x, 2, stride=1, return_indices=True)
print(y)
print(i)
