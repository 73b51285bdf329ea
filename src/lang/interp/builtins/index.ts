// Assembles the builtins namespace and the importable modules of a session.

import { PyBuiltin, PyFloat, PyModule, PyUnsupported, Value, pyError } from '../values';
import { Builtins, makePythonBuiltins, toFloat, toInt } from './python';
import { installTorch } from './torch';
import { installNn } from './nn';
import { installNotebook } from './notebook';
import { installImage } from './image';
import { toArray } from '../iterate';

function mathModule(): PyModule {
  const m = new PyModule('math');
  const f1 = (name: string, f: (x: number) => number, int = false) =>
    m.attrs.set(name, new PyBuiltin(name, (args) => {
      if (args.length !== 1) throw pyError('TypeError', `math.${name}() takes exactly one argument (${args.length} given)`);
      const r = f(toFloat(args[0]));
      if (int) {
        if (!Number.isFinite(r)) throw pyError(Number.isNaN(r) ? 'ValueError' : 'OverflowError', Number.isNaN(r) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
        return r;
      }
      if (Number.isNaN(r) && !Number.isNaN(toFloat(args[0]))) throw pyError('ValueError', 'math domain error');
      return new PyFloat(r);
    }));
  f1('sqrt', Math.sqrt); f1('exp', Math.exp); f1('log2', Math.log2); f1('log10', Math.log10);
  f1('sin', Math.sin); f1('cos', Math.cos); f1('tan', Math.tan); f1('fabs', Math.abs);
  f1('floor', Math.floor, true); f1('ceil', Math.ceil, true); f1('trunc', Math.trunc, true);
  m.attrs.set('log', new PyBuiltin('log', (args) => {
    const x = toFloat(args[0]);
    if (x <= 0) throw pyError('ValueError', 'math domain error');
    return new PyFloat(args.length > 1 ? Math.log(x) / Math.log(toFloat(args[1])) : Math.log(x));
  }));
  m.attrs.set('pow', new PyBuiltin('pow', (args) => new PyFloat(Math.pow(toFloat(args[0]), toFloat(args[1])))));
  m.attrs.set('isnan', new PyBuiltin('isnan', (args) => Number.isNaN(toFloat(args[0]))));
  m.attrs.set('isinf', new PyBuiltin('isinf', (args) => Math.abs(toFloat(args[0])) === Infinity));
  m.attrs.set('gcd', new PyBuiltin('gcd', (args) => {
    let x = Math.abs(toInt(args[0])), y = Math.abs(toInt(args[1]));
    while (y) [x, y] = [y, x % y];
    return x;
  }));
  m.attrs.set('prod', new PyBuiltin('prod', (args) => {
    const items = toArray(args[0]);
    const allInt = items.every((v) => typeof v === 'number');
    const p = items.reduce((acc: number, v: Value) => acc * toFloat(v), 1);
    return allInt ? p : new PyFloat(p);
  }));
  m.attrs.set('pi', new PyFloat(Math.PI));
  m.attrs.set('e', new PyFloat(Math.E));
  m.attrs.set('inf', new PyFloat(Infinity));
  m.attrs.set('nan', new PyFloat(NaN));
  return m;
}

/** Names PyTorch has but PoolScript does not: using them explains, instead of an AttributeError. */
function refuseMissing(m: PyModule, names: string[]): void {
  for (const n of names) {
    if (!m.attrs.has(n)) {
      m.attrs.set(n, new PyUnsupported(`${m.name}.${n}`, `poolnb: ${m.name}.${n} is not part of PoolScript (it covers pooling, convolution, padding, interpolation and the tensor basics around them)`));
    }
  }
}

/** A fresh builtins namespace with torch, nn, F (one per session: modules are mutable). */
export function makeBuiltins(): Builtins {
  const b = makePythonBuiltins();
  const torch = installTorch(b);
  const { nn, F } = installNn(b, torch);
  installNotebook(b);
  installImage(b);
  b.modules.set('torch', torch);
  b.modules.set('torch.nn', nn);
  b.modules.set('torch.nn.functional', F);
  b.modules.set('torch.nn.modules', nn);
  b.modules.set('math', mathModule());
  // Every session starts as if `import torch`, `from torch import nn` and
  // `import torch.nn.functional as F` had run.
  refuseMissing(torch, ['from_numpy', 'save', 'load', 'matmul', 'mm', 'bmm', 'softmax', 'sigmoid', 'tanh', 'exp2', 'nonzero', 'sort', 'topk', 'unique', 'norm', 'std', 'var', 'prod', 'cumsum', 'round', 'floor', 'ceil', 'optim', 'utils', 'autograd', 'jit', 'hub', 'onnx', 'randperm', 'normal', 'bernoulli', 'multinomial']);
  refuseMissing(nn, ['Linear', 'Dropout', 'Dropout2d', 'BatchNorm1d', 'BatchNorm2d', 'LayerNorm', 'GroupNorm', 'Softmax', 'Sigmoid', 'Tanh', 'LeakyReLU', 'GELU', 'ELU', 'ReLU6', 'Upsample', 'ConvTranspose2d', 'Conv3d', 'Embedding', 'LSTM', 'GRU', 'RNN', 'CrossEntropyLoss', 'MSELoss', 'NLLLoss', 'BCELoss', 'ModuleDict', 'ParameterList', 'Transformer', 'ZeroPad2d', 'ConstantPad2d', 'ReflectionPad2d']);
  refuseMissing(F, ['linear', 'dropout', 'softmax', 'log_softmax', 'sigmoid', 'tanh', 'leaky_relu', 'gelu', 'batch_norm', 'layer_norm', 'cross_entropy', 'mse_loss', 'nll_loss', 'conv3d', 'conv_transpose2d', 'unfold', 'fold', 'grid_sample', 'upsample', 'normalize', 'one_hot']);
  b.names.set('torch', torch);
  b.names.set('nn', nn);
  b.names.set('F', F);
  return b;
}

export type { Builtins };
