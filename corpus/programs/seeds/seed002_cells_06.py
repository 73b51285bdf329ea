import torch
from torch import nn
import torch.nn.functional as F
# seed 002 (d2l 6.5 汇聚层): notebook code cells 2..6 in order, verbatim.
# Cell 1 (`from d2l import torch as d2l`) is outside the subset (corpus/outside/).
# As a script, the cells' last expressions print nothing.

def pool2d(X, pool_size, mode='max'):
    p_h, p_w = pool_size
    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):  # 枚举输出的每个位置，[i,j]对应输入的位置[i至i+p_h,j至j+p_w]
            if mode == 'max':  # 最大池化
                Y[i, j] = X[i: i + p_h, j: j + p_w].max()  # max函数返回最大值
            elif mode == 'avg':  # 平均池化
                Y[i, j] = X[i: i + p_h, j: j + p_w].mean()  # mean函数返回平均值
    return Y

X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
pool2d(X, (2, 2))

pool2d(X, (2, 2), 'avg')

X = torch.arange(16, dtype=torch.float32).reshape(
    (1, 1, 4, 4))  # 维度[batch_size，通道数，H，W]
X

pool2d = nn.MaxPool2d(3)
pool2d(X)
