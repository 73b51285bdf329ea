import torch
from torch import nn
import torch.nn.functional as F

net = nn.Sequential(nn.MaxPool2d(2), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten())
print(net)
print(net[0])
print(net[-1])
print(len(net))
x = torch.arange(-32., 32.).reshape(1, 1, 8, 8)
for i in range(len(net)):
    x = net[i](x)
    print(i, x.shape)
print(x)
