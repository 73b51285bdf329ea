import torch
from torch import nn
import torch.nn.functional as F

y = F.avg_pool2d(torch.arange(9.).reshape(1, 1, 3, 3) / 7, 2, stride=1)
vals = y.tolist()
print(vals)
print(vals[0][0][1][1], len(vals[0][0]))
print(torch.tensor(vals).shape, torch.equal(torch.tensor(vals), y))
