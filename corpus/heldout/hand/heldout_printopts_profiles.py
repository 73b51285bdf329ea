import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(30.).reshape(5, 6) / 7
torch.set_printoptions(profile='short')
print(x)
torch.set_printoptions(profile='full', precision=6)
print(x[0])
torch.set_printoptions(profile='default')
print(x[:2])
