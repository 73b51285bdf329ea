import torch
from torch import nn
import torch.nn.functional as F

pool = nn.MaxPool2d(2, return_indices=True)
unpool = nn.MaxUnpool2d(2)
y, idx = pool(torch.arange(16.).reshape(1, 1, 4, 4))
print(unpool(y, idx, output_size=(5, 5)).shape)
print(unpool(y, idx, output_size=(7, 7)).shape)
