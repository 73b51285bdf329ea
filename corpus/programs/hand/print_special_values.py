import torch
from torch import nn
import torch.nn.functional as F

x = torch.tensor([0.0, -0.0, float('inf'), float('-inf'), float('nan'), 1.5])
print(x)
print(torch.tensor([float('nan'), 2.0]))
print(torch.tensor(-0.0))
print(torch.tensor([1e-10, 1.0, 1e10]))
print(torch.tensor([100000000.0, 1.0]))
print(torch.tensor([123456789.0]))
