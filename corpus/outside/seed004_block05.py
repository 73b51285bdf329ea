import torch
from torch import nn
import torch.nn.functional as F
# seed 004 (paperspace pooling article), code block 5: numpy / cv2 / matplotlib / tqdm
visualize_pooling('image.jpg', 3)
