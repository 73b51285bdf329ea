import torch
from torch import nn
import torch.nn.functional as F

# seed 000 (cnblogs 深度学习（九）), code block 1, verbatim
import torch
from torch import nn
from torch.nn import MaxPool2d
input=torch.tensor([[1,2,0,3,1],
                    [0,1,2,3,1],
                    [1,2,1,0,0],
                    [5,2,3,1,1],
                    [2,1,0,1,1]],dtype=torch.float32)   #输入图像数据;与卷积操作不同的是，最大池化操作要求输入的图像数据是浮点数，而不是整数(为整数第23行会报错)
input=torch.reshape(input,(-1,1,5,5))     #构造图像数据，使其符合输入标准，即分别为（输入batch_size待定，1通道，大小为5×5）
print(input.shape)  #[Run] torch.Size([1, 1, 5, 5])；数据格式符合输入标准

#构造神经网络
class Demo(nn.Module):
    def __init__(self):
        super(Demo,self).__init__()
        self.maxpool1=MaxPool2d(kernel_size=3,ceil_mode=True)  #设置最大池化函数，这里以ceil_mode=True为例

    def forward(self,input):
        output=self.maxpool1(input)  #将输入的数据（input）进行最大池化草子哦
        return output

demo=Demo()  #创建神经网络
output=demo(input)
print(output)
"""
[Run]
tensor([[[[2., 3.],
          [5., 1.]]]])

符合前面ceil_mode=True例子的输出结果一致
"""
