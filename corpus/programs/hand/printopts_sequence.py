import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(12.).reshape(3, 4) / 3
print(x)
torch.set_printoptions(precision=2)
print(x)
torch.set_printoptions(sci_mode=True)
print(x)
torch.set_printoptions(precision=3)
print(x)
torch.set_printoptions(profile='default')
print(x)
