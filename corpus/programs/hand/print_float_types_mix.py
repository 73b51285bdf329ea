import torch
from torch import nn
import torch.nn.functional as F

vals = [1, 1.0, 1e-4, 1e-5, 123456789.123, 1 / 3, -0.0, 2 ** 0.5, 10 / 4, 7 // 2, 2 ** 63]
for v in vals:
    print(v, str(v), f"{v}", f"{v!r}")
print(vals)
