import torch
from torch import nn
import torch.nn.functional as F

x = torch.tensor([[[[3., 1., 4., 1.], [5., 9., 2., 6.], [5., 3., 5., 8.], [9., 7., 9., 3.]]]])
y, idx = nn.MaxPool2d(2, return_indices=True)(x)
flat = x.flatten()
for i in range(2):
    for j in range(2):
        k = int(idx[0, 0, i, j])
        print(i, j, k, flat[k].item(), y[0, 0, i, j].item())
