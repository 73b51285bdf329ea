import torch
from torch import nn
import torch.nn.functional as F
# seed 003 (池化层详解), code block 3, verbatim
import torch
import torch.nn as nn
# 创建一个二维平均池化层,池化窗口大小为2x2,步幅为2x2
avgpool2d = nn.AvgPool2d(kernel_size=2, stride=2)
# 输入数据为 (batch_size, channels, height, width)
input_tensor = torch.tensor([[[[1, 2, 3, 4],
                               [5, 6, 7, 8],
                               [9, 10, 11, 12],
                               [13, 14, 15, 16]]]], dtype=torch.float32)
# 进行池化操作
output_tensor = avgpool2d(input_tensor)
print(output_tensor)
