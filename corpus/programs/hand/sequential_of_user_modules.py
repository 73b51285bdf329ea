import torch
from torch import nn
import torch.nn.functional as F

class Block(nn.Module):
    def __init__(self, k):
        super().__init__()
        self.pool = nn.MaxPool2d(k, stride=1, padding=k // 2)
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(self.pool(x))


net = nn.Sequential(Block(3), Block(1), nn.AvgPool2d(2))
print(net)
x = torch.arange(-8., 8.).reshape(1, 1, 4, 4)
print(net(x))
