import torch
from torch import nn
import torch.nn.functional as F

class A(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        return self.pool(x)


class B(nn.Module):
    def __init__(self, k):
        super(B, self).__init__()
        self.k = k
        self.inner = A()
        self.avg = nn.AvgPool2d(self.k, stride=1)

    def forward(self, x):
        return self.avg(self.inner(x))


x = torch.arange(36.).reshape(1, 1, 6, 6)
m = B(2)
print(m)
print(m(x))
print(m.k, isinstance(m.inner, A), isinstance(m, nn.Module))
