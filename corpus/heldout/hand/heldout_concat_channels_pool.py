import torch
from torch import nn
import torch.nn.functional as F

X = torch.arange(16, dtype=torch.float32).reshape((1, 1, 4, 4))
X = torch.cat((X, X + 1, X * 2), 1)
print(X.shape)
pool = nn.MaxPool2d(3, padding=1, stride=2)
print(pool(X))
print(nn.AvgPool2d(3, padding=1, stride=2)(X))
