import torch
from torch import nn
import torch.nn.functional as F

def out(L, k, s, p, d, ceil):
    y = nn.MaxPool1d(k, stride=s, padding=p, dilation=d, ceil_mode=ceil)(torch.zeros(1, 1, L))
    return y.shape[-1]

for L in [5, 6, 7]:
    row = []
    for ceil in [False, True]:
        row.append(out(L, 3, 2, 1, 1, ceil))
    print(L, row)
