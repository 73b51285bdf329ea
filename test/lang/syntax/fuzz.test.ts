// The parser never throws and always reports located errors: 100,000 seeded random and
// mutated programs (deterministic, so a failure reproduces from its index).

import * as assert from 'assert';
import { parse } from '../../../src/lang/syntax/parser';
import { walk } from '../../../src/lang/syntax/walk';
import fixture from '../../fixtures/syntax/errors.json';

function rng(seed: number): () => number {
  // mulberry32
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CORPUS: string[] = [
  ...(fixture as { cases: { source: string }[] }).cases.map((c) => c.source),
  'import torch\nfrom torch import nn\n\nclass Tudui(nn.Module):\n    def __init__(self):\n        super(Tudui, self).__init__()\n' +
  '        self.maxpool1 = nn.MaxPool2d(kernel_size=3, ceil_mode=False)\n\n    def forward(self, input):\n        output = self.maxpool1(input)\n' +
  '        return output\n\ninput = torch.tensor([[1, 2, 0, 3, 1],\n                      [0, 1, 2, 3, 1]], dtype=torch.float32)\n' +
  'input = torch.reshape(input, (-1, 1, 5, 5))\nprint(input.shape)\ntudui = Tudui()\noutput = tudui(input)\nprint(f"{output.shape} {output.sum():.2f}")\n',
  'def pool2d(X, pool_size, mode="max"):\n    p_h, p_w = pool_size\n    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))\n' +
  '    for i in range(Y.shape[0]):\n        for j in range(Y.shape[1]):\n            if mode == "max":\n                Y[i, j] = X[i: i + p_h, j: j + p_w].max()\n' +
  '            elif mode == "avg":\n                Y[i, j] = X[i: i + p_h, j: j + p_w].mean()\n    return Y\n',
];

const VOCAB = [
  'x', 'y', 'torch', 'nn', 'F', '.', ',', ':', '(', ')', '[', ']', '{', '}', '=', '==', '+', '-', '*', '**', '/', '//',
  '%', '<', '>=', '!=', 'if', 'elif', 'else', 'for', 'in', 'while', 'def', 'class', 'return', 'pass', 'import', 'from',
  'as', 'lambda', 'not', 'and', 'or', 'True', 'None', '1', '2.5', '0x1F', '1e-3', '1_000', "'s'", '"t', "f'{x:.2f}'",
  "f'{", '"""', '\\', '\n', '\n    ', '\n  ', '\t', ' ', '#c', '@', '...', ';', '->', ':=', '!', '$', '（', '，', 'é', '\r\n',
  'yield', 'del', 'assert', 'try', 'except', 'with', 'global', '*args', '**kw', 'x[', 'y(',
];

function randomProgram(r: () => number): string {
  const n = 1 + Math.floor(r() * 30);
  let s = '';
  for (let i = 0; i < n; i++) s += VOCAB[Math.floor(r() * VOCAB.length)] + (r() < 0.5 ? ' ' : '');
  return s;
}

function mutate(src: string, r: () => number): string {
  let s = src;
  const edits = 1 + Math.floor(r() * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(r() * (s.length + 1));
    const op = r();
    if (op < 0.3) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 5));
    else if (op < 0.6) s = s.slice(0, at) + VOCAB[Math.floor(r() * VOCAB.length)] + s.slice(at);
    else if (op < 0.8) s = s.slice(0, at); // half-typed: cut anywhere
    else s = s.slice(0, at) + String.fromCharCode(Math.floor(r() * 128)) + s.slice(at);
  }
  return s;
}

function checkResult(src: string, index: number): void {
  const r = parse(src);
  const where = `program #${index}: ${JSON.stringify(src).slice(0, 200)}`;
  for (const e of r.errors) {
    assert.ok(!e.message.startsWith('internal parser error'), `${where}\n${e.message}`);
    assert.ok(e.range && e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= src.length,
      `${where}\nbad error range ${JSON.stringify(e)}`);
  }
  walk(r.module, (n) => {
    assert.ok(n.start >= 0 && n.start <= n.end && n.end <= src.length, `${where}\nbad range on ${n.kind} ${n.start}-${n.end}`);
  });
}

describe('parser fuzz', function () {
  this.timeout(120000);
  it('100,000 seeded random and mutated programs: no exception escapes, every error has a range', () => {
    const r = rng(Number(process.env.SEED ?? 20241122));
    let count = 0;
    for (let i = 0; i < Number(process.env.N ?? 100000); i++) {
      const src = i % 3 === 0 ? randomProgram(r) : mutate(CORPUS[Math.floor(r() * CORPUS.length)], r);
      checkResult(src, i);
      count++;
    }
    assert.ok(count >= 100000);
  });
});
