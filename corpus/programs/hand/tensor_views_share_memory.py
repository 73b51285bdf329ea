import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(6.).reshape(2, 3)
y = x[0]
y[1] = 100.
print(x)
z = x.view(3, 2)
z[2, 1] = -1.
print(x)
t = x.transpose(0, 1)
t[0, 1] = 7.
print(x)
c = x.clone()
c[0, 0] = 55.
print(x[0, 0], c[0, 0])
