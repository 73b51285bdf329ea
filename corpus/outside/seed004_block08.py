import torch
from torch import nn
import torch.nn.functional as F
# seed 004 (paperspace pooling article), code block 8: numpy / cv2 / matplotlib / tqdm
average_pool('image.jpg', 2, visualize=True)
