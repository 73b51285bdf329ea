import torch
from torch import nn
import torch.nn.functional as F

img = torch.zeros(1, 1, 6, 6)
img[:, :, :, 3:] = 1.0
prewitt = torch.tensor([[-1., 0., 1.], [-1., 0., 1.], [-1., 0., 1.]]).reshape(1, 1, 3, 3)
edges = F.conv2d(img, prewitt, padding=1)
print(edges)
print(F.max_pool2d(F.relu(edges), 2))
print(F.avg_pool2d(F.relu(edges), 2))
