import torch
from torch import nn
import torch.nn.functional as F

print(torch.tensor(1e-5).item())
print(torch.tensor(0.1).item(), torch.tensor(0.1, dtype=torch.float64).item())
print(torch.tensor(16777217.0).item())
print(F.avg_pool1d(torch.tensor([[[1., 2., 2.]]]), 3).item())
print(torch.tensor([1 / 3]).tolist()[0] * 3)
