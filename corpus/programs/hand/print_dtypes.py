import torch
from torch import nn
import torch.nn.functional as F

print(torch.float32, torch.float, torch.float64, torch.double)
print(torch.int64, torch.long, torch.int32, torch.int, torch.uint8, torch.bool)
print(torch.zeros(2).dtype, torch.zeros(2, dtype=torch.int64).dtype)
print(torch.tensor([1, 2]).dtype, torch.tensor([1.5]).dtype, torch.tensor([True]).dtype)
print(torch.arange(3).float().dtype, torch.arange(3.).long().dtype, torch.arange(3).double().dtype)
