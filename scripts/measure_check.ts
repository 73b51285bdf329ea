// Measures static-analysis latency on a typical 20-line cell (run: npx tsx scripts/measure_check.ts).
// Prints: parse of a fresh text, a full check of the cell (as after an edit), and a hover on an
// unchanged cell (parse and analysis cached). Not a test: numbers depend on the machine.

import { createStaticProject } from '../src/lang/check';
import { parse } from '../src/lang/syntax/parser';

const CELL = `import torch
from torch import nn
import torch.nn.functional as F

input = torch.tensor([[1, 2, 0, 3, 1],
                      [0, 1, 2, 3, 1],
                      [1, 2, 1, 0, 0],
                      [5, 2, 3, 1, 1],
                      [2, 1, 0, 1, 1]], dtype=torch.float32)
input = torch.reshape(input, (-1, 1, 5, 5))

class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.maxpool1 = nn.MaxPool2d(kernel_size=3, ceil_mode=True)

    def forward(self, input):
        return self.maxpool1(input)

output = Tudui()(input)
print(f"{output.shape} {output.sum():.2f}")
`;

function time(label: string, n: number, f: (i: number) => void): void {
  for (let i = 0; i < Math.min(50, n); i++) f(i); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f(i);
  const ms = (performance.now() - t0) / n;
  console.log(`${label}: ${ms.toFixed(3)} ms`);
}

const lines = CELL.split('\n').length - 1;
console.log(`cell: ${lines} lines, ${CELL.length} chars`);
time('parse (fresh text each time)', 2000, (i) => parse(CELL + `# ${i}\n`));
const p = createStaticProject();
time('edit + check + hover (parse and check from scratch)', 1000, (i) => {
  p.setCells([CELL + `# ${i}\n`]);
  p.hover(0, CELL.indexOf('output ='));
});
p.setCells([CELL]);
p.diagnostics(0);
time('hover on an unchanged cell (cached)', 20000, () => p.hover(0, CELL.indexOf('output =')));
time('completion after `nn.` on an unchanged cell', 5000, () => p.completions(0, CELL.indexOf('nn.MaxPool2d') + 3));
