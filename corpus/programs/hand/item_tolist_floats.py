import torch
from torch import nn
import torch.nn.functional as F

x = torch.tensor([0.1, 0.25, 1 / 3])
print(x.tolist())
print(x[0].item(), x[1].item())
print(x.sum().item())
d = x.double()
print(d.tolist())
print(torch.tensor([1, 2, 3]).tolist(), torch.tensor(True).item())
print(float(x[2]), int(torch.tensor(3.7)))
