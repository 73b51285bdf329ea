import torch
from torch import nn
import torch.nn.functional as F

x = torch.arange(125.).reshape(1, 1, 5, 5, 5)
y = F.fractional_max_pool3d(x, 2, output_size=(2, 3, 2), _random_samples=torch.tensor([[[0.3, 0.6, 0.9]]]))
print(y)
