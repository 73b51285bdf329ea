import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(64.).reshape(1, 1, 8, 8)
torch.set_printoptions(threshold=20, edgeitems=2)
print(x)
torch.set_printoptions(threshold=1000, edgeitems=3)
print(x)
