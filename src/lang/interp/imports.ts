// import statements: torch, torch.nn, torch.nn.functional (and names from them), a
// small math module, and placeholders for libraries PoolScript cannot run
// (torchvision, DataLoader, tensorboard, numpy, matplotlib, PIL, cv2, tqdm): the
// import succeeds, and using the name raises an error that says what to use instead.

import { PyModule, PyUnsupported, Value, pyError } from './values';
import type { Builtins } from './builtins/python';

const ADVICE: [RegExp, string][] = [
  [/^torchvision/, 'datasets cannot be downloaded or read here; load a local picture with image(path) instead (it gives an N×C×H×W float tensor in [0, 1], like ToTensor)'],
  [/^torch\.utils\.data/, 'loop over your tensors directly, or load pictures with image(path)'],
  [/^torch\.utils\.tensorboard/, 'show(x) draws a tensor in the notebook (mode="grid", "heatmap" or "image")'],
  [/^(numpy|np)\b/, 'use torch tensors instead (torch.tensor(...), x.tolist())'],
  [/^matplotlib/, 'show(x, mode="image") draws a tensor as a picture in the notebook'],
  [/^(PIL|cv2|imageio|skimage)/, 'image(path) loads a workspace picture as a tensor'],
  [/^tqdm/, 'loop directly'],
  [/^d2l/, 'write the helper you need as a function in a cell'],
];

export function unsupported(name: string): PyUnsupported {
  const advice = ADVICE.find(([re]) => re.test(name))?.[1] ?? `the module '${name.split('.')[0]}' is not part of PoolScript (only torch, torch.nn, torch.nn.functional and math are)`;
  return new PyUnsupported(name, `poolnb: ${name} is not available here: ${advice}`);
}

/** `unavailable.attr`: the same advice, naming the full dotted path (checker and interpreter alike). */
export function unsupportedMember(u: { name: string; advice: string }, attr: string): PyUnsupported {
  const full = `${u.name}.${attr}`;
  return new PyUnsupported(full, u.advice.replace(`poolnb: ${u.name} `, `poolnb: ${full} `));
}

function known(name: string, b: Builtins): PyModule | undefined {
  return b.modules.get(name);
}

/** `import a.b.c [as x]`: what name is bound, to what. */
export function importModule(dotted: string, asname: string | undefined, b: Builtins): { bindName: string; value: Value } {
  const mod = known(dotted, b);
  if (asname) return { bindName: asname, value: mod ?? unsupported(dotted) };
  const top = dotted.split('.')[0];
  if (mod) return { bindName: top, value: known(top, b)! };
  return { bindName: top, value: known(top, b) ?? unsupported(top) };
}

/** `from module import name [as x]` (name may be '*'): the bindings it makes. */
export function importFrom(module: string, name: string, asname: string | undefined, b: Builtins): [string, Value][] {
  const mod = known(module, b);
  if (!mod) {
    if (name === '*') return [];
    return [[asname ?? name, unsupported(`${module}.${name}`)]];
  }
  if (name === '*') return [...mod.attrs].filter(([k]) => !k.startsWith('_'));
  const v = mod.attrs.get(name) ?? known(`${module}.${name}`, b);
  if (v === undefined) {
    if (/^torch\.(utils|hub|onnx|optim|cuda)/.test(`${module}.${name}`) || module === 'torch' && ['utils', 'optim', 'cuda'].includes(name)) {
      return [[asname ?? name, unsupported(`${module}.${name}`)]];
    }
    throw pyError('ImportError', `cannot import name '${name}' from '${module}' (unknown location)`);
  }
  return [[asname ?? name, v]];
}
