import torch
from torch import nn
import torch.nn.functional as F

# seed 001 (【学习笔记】【Pytorch】八、池化层), the code block with its indentation restored
# (the published text lost it) and without the torchvision / DataLoader / SummaryWriter
# lines, which are kept in corpus/outside/seed001_dataset_part.py
import torch
from torch import nn
from torch.nn import MaxPool2d
class Model(nn.Module):
    def __init__(self):
        super().__init__() # 父类参数初始化
        self.maxpool1 = MaxPool2d(kernel_size=3, ceil_mode=True) # 创建一个实例化
        self.maxpool2 = MaxPool2d(kernel_size=3, ceil_mode=False) # 创建一个实例化
    def forward(self, input, num):
        if num == 1:
            output = self.maxpool1(input)
        else:
            output = self.maxpool2(input)
        return output
#---------------示例1:二维张量---------------#
# 二维张量,最大池化层的输入应该是torch.float32类型
input = torch.tensor([[1, 2, 0, 3, 1],
[0, 1, 2, 3, 1],
[1, 2, 1, 0, 0],
[5, 2, 3, 1, 1],
[2, 1, 0, 1, 1]], dtype=torch.float32)
# 转化为四维张量,batch_size(数据个数)自动计算,,通道数是1,数据维度是5*5
input = torch.reshape(input, (-1, 1, 5, 5))
print(input.shape) # torch.Size([1, 1, 5, 5])
model = Model() # 创建一个实例
output1 = model(input, 1) # 父类__call__
output2 = model(input, 2) # 父类__call__
print(output1)
print(output2) # tensor([[[[2.]]]])
