import torch
from torch import nn
import torch.nn.functional as F

print(1, 2, 3)
print(1, 2, 3, sep='')
print(1, 2, 3, sep=', ', end='.\n')
print('a', end='')
print('b', end=' ')
print('c')
print()
print('x', torch.tensor([1, 2]), sep='\n')
print(end='')
print('tail')
