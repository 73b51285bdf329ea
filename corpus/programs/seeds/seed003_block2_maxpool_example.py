import torch
from torch import nn
import torch.nn.functional as F
# seed 003 (池化层详解), code block 2, verbatim
import torch
import torch.nn as nn
# 定义一个2x2的最大池化层,步幅为2
maxpool2d = nn.MaxPool2d(kernel_size=2, stride=2)
# 输入数据 (1, 1, 4, 4) 表示 (batch_size, channels, height, width)
input_tensor = torch.tensor([[[[1, 3, 2, 4],
                               [5, 6, 8, 7],
                               [4, 2, 1, 0],
                               [9, 7, 3, 2]]]], dtype=torch.float32)
# 进行池化操作
output_tensor = maxpool2d(input_tensor)
print(output_tensor)
