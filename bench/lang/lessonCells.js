// Deterministic workloads for the language benchmark (bench/lang/benchLang.js):
// - lessonNotebook(n): a .poolnb of n typical lesson cells, the kinds the pooling tutorials
//   (shared/seeds) are made of: build a small tensor, pool it with modules and functions, a
//   user nn.Module, the hand-written pool2d loop, f-strings and printing. Every cell differs
//   (sizes, kernels and names vary with the cell number), so no parse or result is reused.
// - hoverCells(n): n distinct 20-line cells (a tutorial's typical cell) and, for each, the
//   offset of a name to hover on.
'use strict';

/** Small deterministic generator (mulberry32), so the same notebook comes out every time. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEMPLATES = [
  (i, r) => {
    const rows = [];
    for (let y = 0; y < 5; y++) rows.push('[' + Array.from({ length: 5 }, () => Math.floor(r() * 6)).join(', ') + ']');
    return `input = torch.tensor([${rows.join(',\n                      ')}], dtype=torch.float32)\n` +
      `input = torch.reshape(input, (-1, 1, 5, 5))\nprint(input.shape)`;
  },
  (i) => `pool${i} = nn.MaxPool2d(kernel_size=${2 + (i % 2)}, ceil_mode=${i % 3 === 0 ? 'True' : 'False'})\n` +
    `output = pool${i}(input)\nprint(output)\noutput`,
  (i) => `class Demo${i}(nn.Module):\n    def __init__(self):\n        super(Demo${i}, self).__init__()\n` +
    `        self.maxpool1 = nn.MaxPool2d(kernel_size=3, ceil_mode=${i % 2 === 0 ? 'True' : 'False'})\n` +
    `    def forward(self, x):\n        return self.maxpool1(x)\ndemo = Demo${i}()\nprint(demo(input))`,
  (i) => `x = torch.arange(${64 + 16 * (i % 3)}.0).view(1, 1, ${8 + 2 * (i % 3)}, 8)\n` +
    `y, idx = F.max_pool2d(x, 2, return_indices=True)\nprint(y.shape, idx[0, 0, 0])\n` +
    `print(F.max_unpool2d(y, idx, 2).sum())`,
  (i) => `def pool2d_${i}(X, pool_size, mode="max"):\n    p_h, p_w = pool_size\n` +
    `    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))\n` +
    `    for i in range(Y.shape[0]):\n        for j in range(Y.shape[1]):\n            if mode == "max":\n` +
    `                Y[i, j] = X[i: i + p_h, j: j + p_w].max()\n            elif mode == "avg":\n` +
    `                Y[i, j] = X[i: i + p_h, j: j + p_w].mean()\n    return Y\n` +
    `X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, ${8 + (i % 5)}.0]])\n` +
    `print(pool2d_${i}(X, (2, 2)), pool2d_${i}(X, (2, 2), "avg"))`,
  (i) => `img = torch.rand(1, 3, ${16 + 8 * (i % 3)}, 32)\nfor k in [2, 3, 4]:\n` +
    `    print(k, nn.AvgPool2d(k, stride=1, padding=k // 2, count_include_pad=False)(img).shape)\n` +
    `nn.AdaptiveAvgPool2d((1, ${1 + (i % 2)}))(img)`,
  (i) => `print(f"{output.sum().item():.${1 + (i % 3)}f}", nn.LPPool2d(2, ${2 + (i % 2)})(input))`,
  (i) => `seq = nn.Sequential(nn.MaxPool2d(2), nn.ReLU(), nn.Flatten())\nprint(seq)\n` +
    `seq(torch.randn(2, ${1 + (i % 3)}, 8, 8)).shape`,
];

/** The notebook text (the .poolnb JSON) of n lesson cells. */
function lessonNotebook(n = 200) {
  const r = rng(20240607);
  const cells = [];
  for (let i = 0; i < n; i++) {
    const source = `# cell ${i}\n${TEMPLATES[i % TEMPLATES.length](i, r)}`;
    cells.push({ kind: 'code', language: 'poolscript', source, metadata: {} });
  }
  return JSON.stringify({ version: 1, cells });
}

/** n distinct 20-line cells, each with the offset of a name to hover on (the pooled output). */
function hoverCells(n = 400) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const k = 2 + (i % 3), name = `Net${i}`, out_ = `out${i}`;
    const text = `import torch
from torch import nn
import torch.nn.functional as F
input = torch.tensor([[1, 2, 0, 3, ${i % 7}],
                      [0, 1, 2, 3, 1],
                      [1, 2, 1, 0, 0],
                      [5, 2, 3, 1, 1],
                      [2, 1, 0, 1, ${i % 5}]], dtype=torch.float32)
input = torch.reshape(input, (-1, 1, 5, 5))

class ${name}(nn.Module):
    def __init__(self):
        super(${name}, self).__init__()
        self.maxpool1 = nn.MaxPool2d(kernel_size=${k}, ceil_mode=${i % 2 ? 'True' : 'False'})

    def forward(self, input):
        return self.maxpool1(input)

${out_} = ${name}()(input)
print(f"{${out_}.shape} {${out_}.sum():.2f}")
`;
    out.push({ text, offset: text.indexOf(`${out_} =`) });
  }
  return out;
}

module.exports = { lessonNotebook, hoverCells };
