// Benchmark of `poolnb run` on a 200-cell notebook of typical lesson cells (each cell
// distinct, so nothing is cached): builds the bundle if needed, then reports the median
// in-process time of main(['run', file]) and the wall time of whole `node dist/cli.js run`
// processes (startup included). Figures, not a test: machines are shared and noisy.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const bundle = path.join(ROOT, 'dist', 'cli.js');
if (!fs.existsSync(bundle)) execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT, stdio: 'inherit' });

const LESSON = [
  'input = torch.tensor([[1, 2, 0, 3, 1],\n                      [0, 1, 2, 3, 1],\n                      [1, 2, 1, 0, 0],\n                      [5, 2, 3, 1, 1],\n                      [2, 1, 0, 1, 1]], dtype=torch.float32)\ninput = torch.reshape(input, (-1, 1, 5, 5))\nprint(input.shape)',
  'pool = nn.MaxPool2d(kernel_size=3, ceil_mode=True)\noutput = pool(input)\nprint(output)\noutput',
  'class Demo(nn.Module):\n    def __init__(self):\n        super(Demo, self).__init__()\n        self.maxpool1 = nn.MaxPool2d(kernel_size=3, ceil_mode=False)\n    def forward(self, x):\n        return self.maxpool1(x)\ndemo = Demo()\nprint(demo(input))',
  'x = torch.arange(64.0).view(1, 1, 8, 8)\ny, idx = F.max_pool2d(x, 2, return_indices=True)\nprint(y.shape, idx[0, 0, 0])\nprint(F.max_unpool2d(y, idx, 2).sum())',
  'def pool2d(X, pool_size, mode="max"):\n    p_h, p_w = pool_size\n    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))\n    for i in range(Y.shape[0]):\n        for j in range(Y.shape[1]):\n            if mode == "max":\n                Y[i, j] = X[i: i + p_h, j: j + p_w].max()\n            elif mode == "avg":\n                Y[i, j] = X[i: i + p_h, j: j + p_w].mean()\n    return Y\nX = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])\nprint(pool2d(X, (2, 2)), pool2d(X, (2, 2), "avg"))',
  'img = torch.rand(1, 3, 32, 32)\nfor k in [2, 3, 4]:\n    print(k, nn.AvgPool2d(k, stride=1, padding=k // 2, count_include_pad=False)(img).shape)\nnn.AdaptiveAvgPool2d((1, 1))(img)',
  'print(f"{output.sum().item():.2f}", nn.LPPool2d(2, 2)(input))',
  'seq = nn.Sequential(nn.MaxPool2d(2), nn.ReLU(), nn.Flatten())\nprint(seq)\nseq(torch.randn(2, 3, 8, 8)).shape',
];
const cells = [];
for (let i = 0; i < 200; i++) cells.push({ kind: 'code', language: 'poolscript', source: `# cell ${i}\n${LESSON[i % LESSON.length]}`, metadata: {} });
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'poolnb-bench-')), 'lesson200.poolnb');
fs.writeFileSync(file, JSON.stringify({ version: 1, cells }));

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
(async () => {
  const { main } = require(bundle);
  const io = { out() {}, err() {} };
  const inproc = [], cpu = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now(), c0 = process.cpuUsage();
    await main(['run', file], io);
    const c = process.cpuUsage(c0);
    inproc.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const proc = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bundle, 'run', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    proc.push(performance.now() - t0);
  }
  console.log(`poolnb run, 200 lesson cells: in-process median ${median(inproc).toFixed(0)} ms (cpu ${median(cpu).toFixed(0)} ms), ` +
    `whole process median ${median(proc).toFixed(0)} ms (min ${Math.min(...proc).toFixed(0)} ms); load average ${os.loadavg()[0].toFixed(1)}`);
})();
