import torch
from torch import nn
import torch.nn.functional as F
# seed 002, cell 1: imports the d2l package
import torch
from torch import nn
from d2l import torch as d2l
