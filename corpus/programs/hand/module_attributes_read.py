import torch
from torch import nn
import torch.nn.functional as F

pool = nn.MaxPool2d(3, stride=2, padding=1)
print(pool.kernel_size, pool.stride, pool.padding, pool.dilation, pool.ceil_mode, pool.return_indices)
avg = nn.AvgPool1d(3)
print(avg.kernel_size, avg.stride, avg.padding, avg.ceil_mode, avg.count_include_pad)
a2 = nn.AvgPool2d((2, 3))
print(a2.kernel_size, a2.stride, a2.divisor_override)
ad = nn.AdaptiveAvgPool2d((None, 2))
print(ad.output_size)
lp = nn.LPPool2d(2, 3)
print(lp.norm_type, lp.kernel_size, lp.stride)
un = nn.MaxUnpool2d(2)
print(un.kernel_size, un.stride, un.padding)
