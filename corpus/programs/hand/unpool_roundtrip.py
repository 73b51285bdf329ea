import torch
from torch import nn
import torch.nn.functional as F

x = torch.tensor([[[[1., 2., 3., 4.], [5., 6., 7., 8.], [9., 10., 11., 12.], [13., 14., 15., 16.]]]])
pool = nn.MaxPool2d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool2d(2, stride=2)
output, indices = pool(x)
print(output)
print(indices)
print(unpool(output, indices))
print(unpool(output, indices, output_size=torch.Size([1, 1, 5, 5])))
