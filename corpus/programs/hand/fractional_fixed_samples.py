import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(49.).reshape(1, 1, 7, 7)
samples = torch.tensor([[[0.25, 0.75]]])
y = F.fractional_max_pool2d(x, 2, output_size=(3, 3), _random_samples=samples)
print(y)
y, idx = F.fractional_max_pool2d(x, 3, output_size=(2, 4), return_indices=True, _random_samples=torch.tensor([[[0.5, 0.1]]]))
print(y)
print(idx)
