import torch
from torch import nn
import torch.nn.functional as F

# Python ints have arbitrary precision
print(3 ** 40)
print(2 ** 64 + 1)
print(10 ** 20 // 7)
print(2 ** 53 + 1)
print(-(2 ** 70) % 1000)
