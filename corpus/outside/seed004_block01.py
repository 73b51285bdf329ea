import torch
from torch import nn
import torch.nn.functional as F
# seed 004 (paperspace pooling article), code block 1: numpy / cv2 / matplotlib / tqdm
#  import these dependencies
import torch
import numpy as np
import matplotlib.pyplot as plt
import torch.nn.functional as F
from tqdm import tqdm
