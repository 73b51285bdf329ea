import torch
from torch import nn
import torch.nn.functional as F
# seed 003 (池化层详解), code block 5, verbatim
import torch
import torch.nn as nn
# 定义一个全局最大池化层
global_maxpool = nn.AdaptiveMaxPool2d((1, 1))
# 输入数据 (batch_size, channels, height, width)
input_tensor = torch.tensor([[[[1, 3, 2, 4],
                               [5, 6, 8, 7],
                               [4, 2, 1, 0],
                               [9, 7, 3, 2]]]], dtype=torch.float32)
# 进行全局最大池化操作
output_tensor = global_maxpool(input_tensor)
print("全局最大池化后的特征图:", output_tensor)
