import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(40.) / 9
torch.set_printoptions(linewidth=60)
print(x)
torch.set_printoptions(linewidth=120)
print(x)
