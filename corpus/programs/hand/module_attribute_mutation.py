import torch
from torch import nn
import torch.nn.functional as F

pool = nn.MaxPool2d(2)
x = torch.arange(25.).reshape(1, 1, 5, 5)
print(pool(x).shape)
pool.ceil_mode = True
print(pool)
print(pool(x).shape)
pool.stride = 1
print(pool)
print(pool(x))
