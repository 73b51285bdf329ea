import torch
from torch import nn
import torch.nn.functional as F

# seed 000, code block 2: needs torchvision (CIFAR10 download), DataLoader and SummaryWriter
from torch import nn
from torch.nn import MaxPool2d
import torchvision
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

dataset=torchvision.datasets.CIFAR10("./dataset",train=False,download=True,transform=torchvision.transforms.ToTensor())
dataloder=DataLoader(dataset,batch_size=64)

#构造神经网络
class Demo(nn.Module):
    def __init__(self):
        super(Demo,self).__init__()
        self.maxpool1=MaxPool2d(kernel_size=3,ceil_mode=True)  #设置最大池化函数，这里以ceil_mode=True为例

    def forward(self,input):
        output=self.maxpool1(input)  #将输入的数据（input）进行最大池化草子哦
        return output

demo=Demo()  #创建神经网络

writer=SummaryWriter("logs_maxpool")
step=0

for data in dataloder:
    imgs,targets=data
    writer.add_images("input",imgs,step)
    output=demo(imgs)
    writer.add_images("output",output,step)
    step+=1
writer.close()
