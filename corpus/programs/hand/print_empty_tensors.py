import torch
from torch import nn
import torch.nn.functional as F

print(torch.zeros(0))
print(torch.zeros(0, 3))
print(torch.zeros(2, 0, dtype=torch.int64))
print(torch.tensor([]))
print(torch.ones(0, dtype=torch.bool))
print(torch.arange(0))
