import torch
from torch import nn
import torch.nn.functional as F

# seed 001, the dataset half of the code block (needs torchvision, DataLoader, SummaryWriter)
import torchvision
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter
dataset = torchvision.datasets.CIFAR10(root="./dataset", train=False,
transform=torchvision.transforms.ToTensor()) # 创建实例
dataloader = DataLoader(dataset, batch_size=64) # 创建实例
step = 0
writer = SummaryWriter("./dataloader_logs") # 创建实例
for data in dataloader:
    imgs, targets = data
    writer.add_images("input", imgs, step)
    output = model(imgs, 1) # 父类__call__
    # 池化后,通道数不会变,不用reshape
    writer.add_images("output", output, step)
    step += 1
