import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(1., 7.).reshape(1, 1, 2, 3)
print(F.adaptive_avg_pool2d(x, (4, 5)))
y, idx = F.adaptive_max_pool2d(x, (3, 7), return_indices=True)
print(y)
print(idx)
print(F.adaptive_avg_pool1d(torch.arange(5.).reshape(1, 1, 5), 3))
