// The static library table: every torch / nn / F / tensor / builtin name PoolScript
// supports, with its parameters in PyTorch's order, defaults, and a one-line doc.
// Plain data on purpose: the checker uses it for completion, hover and keyword checks,
// and the interpreter may use it for argument binding. The Python-level signatures
// (nn modules, Python-defined F functions) are tested against real PyTorch 1.13.1 in
// test/lang/check/library.test.ts (fixture from scripts/gen_check_fixtures.py).

export type LibDefault = number | boolean | string | null | number[];

export interface LibParam {
  name: string;
  /** CPython parameter kind; omitted means positional-or-keyword */
  kind?: 'pos' | 'kwonly' | 'varargs' | 'varkw';
  /** absent: required */
  default?: LibDefault;
  doc?: string;
}

export interface LibEntry {
  name: string;
  kind: 'class' | 'function' | 'method' | 'property' | 'dtype' | 'module';
  doc: string;
  params?: LibParam[];
  /**
   * Set for signatures defined in Python (nn module constructors, F functions written in
   * Python): CPython's name in its TypeErrors, e.g. `_MaxPoolNd.__init__`. C builtins
   * (torch.zeros, F.avg_pool2d, tensor methods) parse arguments differently and have none.
   */
  qualname?: string;
  /** for boolean-dispatched F functions: the qualname when return_indices=True */
  qualnameWithIndices?: string;
}

export const isRequired = (p: LibParam): boolean => !('default' in p) && (p.kind ?? 'pos') !== 'varargs' && p.kind !== 'varkw';

const req = (name: string, doc?: string): LibParam => (doc ? { name, doc } : { name });
const opt = (name: string, dflt: LibDefault, doc?: string): LibParam => (doc ? { name, default: dflt, doc } : { name, default: dflt });
const kw = (name: string, dflt: LibDefault, doc?: string): LibParam => ({ name, kind: 'kwonly', default: dflt, ...(doc ? { doc } : {}) });
const varargs = (name: string): LibParam => ({ name, kind: 'varargs' });
const varkw = (name: string): LibParam => ({ name, kind: 'varkw' });

const K = 'the size of the window (int or tuple)';
const S = 'the stride of the window; default: kernel_size';
const P = 'implicit negative-infinity / zero padding on both sides';
const D = 'spacing between window elements';
const CEIL = 'use ceil instead of floor to compute the output shape';
const RI = 'also return the argmax indices (for MaxUnpool)';

const maxPoolParams = (): LibParam[] => [
  req('kernel_size', K), opt('stride', null, S), opt('padding', 0, P), opt('dilation', 1, D),
  opt('return_indices', false, RI), opt('ceil_mode', false, CEIL),
];
const avgPoolParams = (nd: number): LibParam[] => [
  req('kernel_size', K), opt('stride', null, S), opt('padding', 0, P), opt('ceil_mode', false, CEIL),
  opt('count_include_pad', true, 'include the zero-padding in the averaging divisor'),
  ...(nd > 1 ? [opt('divisor_override', null, 'if set, the divisor instead of the window size')] : []),
];
const unpoolParams = (): LibParam[] => [req('kernel_size', K), opt('stride', null, S), opt('padding', 0, P)];
const fractionalParams = (): LibParam[] => [
  req('kernel_size', K), opt('output_size', null, 'the target output size'),
  opt('output_ratio', null, 'output size as a ratio of the input size, in (0, 1)'),
  opt('return_indices', false, RI), opt('_random_samples', null),
];

/** torch.nn: modules (classes). Constructor parameters, without `self`. */
export const NN_CLASSES: readonly LibEntry[] = [
  ...[1, 2, 3].map((nd): LibEntry => ({
    name: `MaxPool${nd}d`, kind: 'class', qualname: '_MaxPoolNd.__init__', params: maxPoolParams(),
    doc: `${nd}-D max pooling: the largest value in each window.`,
  })),
  ...[1, 2, 3].map((nd): LibEntry => ({
    name: `AvgPool${nd}d`, kind: 'class', qualname: `AvgPool${nd}d.__init__`, params: avgPoolParams(nd),
    doc: `${nd}-D average pooling: the mean of each window.`,
  })),
  ...[1, 2, 3].map((nd): LibEntry => ({
    name: `AdaptiveAvgPool${nd}d`, kind: 'class', qualname: '_AdaptiveAvgPoolNd.__init__',
    params: [req('output_size', 'the target output size (None keeps that input size)')],
    doc: `${nd}-D adaptive average pooling to a fixed output size.`,
  })),
  ...[1, 2, 3].map((nd): LibEntry => ({
    name: `AdaptiveMaxPool${nd}d`, kind: 'class', qualname: '_AdaptiveMaxPoolNd.__init__',
    params: [req('output_size', 'the target output size (None keeps that input size)'), opt('return_indices', false, RI)],
    doc: `${nd}-D adaptive max pooling to a fixed output size.`,
  })),
  ...[1, 2].map((nd): LibEntry => ({
    name: `LPPool${nd}d`, kind: 'class', qualname: '_LPPoolNd.__init__',
    params: [req('norm_type', 'the power p'), req('kernel_size', K), opt('stride', null, S), opt('ceil_mode', false, CEIL)],
    doc: `${nd}-D power-average pooling: (sum of x^p over the window)^(1/p).`,
  })),
  ...[1, 2, 3].map((nd): LibEntry => ({
    name: `MaxUnpool${nd}d`, kind: 'class', qualname: `MaxUnpool${nd}d.__init__`, params: unpoolParams(),
    doc: `${nd}-D partial inverse of MaxPool${nd}d: puts values back at their argmax indices.`,
  })),
  ...[2, 3].map((nd): LibEntry => ({
    name: `FractionalMaxPool${nd}d`, kind: 'class', qualname: `FractionalMaxPool${nd}d.__init__`, params: fractionalParams(),
    doc: `${nd}-D fractional max pooling with pseudo-random window positions.`,
  })),
  { name: 'Sequential', kind: 'class', params: [varargs('args')], doc: 'A chain of modules applied in order.' },
  { name: 'Flatten', kind: 'class', qualname: 'Flatten.__init__', params: [opt('start_dim', 1), opt('end_dim', -1)], doc: 'Flattens a range of dims into one.' },
  { name: 'Identity', kind: 'class', params: [varargs('args'), varkw('kwargs')], doc: 'Returns its input unchanged.' },
  { name: 'ReLU', kind: 'class', qualname: 'ReLU.__init__', params: [opt('inplace', false)], doc: 'max(0, x) element-wise.' },
  ...[1, 2].map((nd): LibEntry => ({
    name: `Conv${nd}d`, kind: 'class', qualname: `Conv${nd}d.__init__`,
    params: [
      req('in_channels'), req('out_channels'), req('kernel_size', K), opt('stride', 1), opt('padding', 0),
      opt('dilation', 1), opt('groups', 1), opt('bias', true), opt('padding_mode', 'zeros'), opt('device', null), opt('dtype', null),
    ],
    doc: `${nd}-D convolution (weights are settable: conv.weight.data = ...).`,
  })),
  { name: 'Module', kind: 'class', params: [], doc: 'Base class for your own modules (define __init__ and forward).' },
];

/** torch.nn.functional */
export const F_FUNCTIONS: readonly LibEntry[] = [
  ...[1, 2, 3].map((nd): LibEntry => ({
    name: `max_pool${nd}d`, kind: 'function', qualname: `_max_pool${nd}d`, qualnameWithIndices: `max_pool${nd}d_with_indices`,
    params: [req('input'), req('kernel_size', K), opt('stride', null, S), opt('padding', 0, P), opt('dilation', 1, D),
      opt('ceil_mode', false, CEIL), opt('return_indices', false, RI)],
    doc: `${nd}-D max pooling.`,
  })),
  {
    name: 'avg_pool1d', kind: 'function',
    params: [req('input'), req('kernel_size', K), opt('stride', null, S), opt('padding', 0, P), opt('ceil_mode', false, CEIL), opt('count_include_pad', true)],
    doc: '1-D average pooling.',
  },
  ...[2, 3].map((nd): LibEntry => ({
    name: `avg_pool${nd}d`, kind: 'function',
    params: [req('input'), req('kernel_size', K), opt('stride', null, S), opt('padding', 0, P), opt('ceil_mode', false, CEIL),
      opt('count_include_pad', true), opt('divisor_override', null)],
    doc: `${nd}-D average pooling.`,
  })),
  { name: 'adaptive_avg_pool1d', kind: 'function', params: [req('input'), req('output_size')], doc: '1-D adaptive average pooling.' },
  ...[2, 3].map((nd): LibEntry => ({
    name: `adaptive_avg_pool${nd}d`, kind: 'function', qualname: `adaptive_avg_pool${nd}d`,
    params: [req('input'), req('output_size')], doc: `${nd}-D adaptive average pooling.`,
  })),
  ...[1, 2, 3].map((nd): LibEntry => ({
    name: `adaptive_max_pool${nd}d`, kind: 'function', qualname: `_adaptive_max_pool${nd}d`,
    qualnameWithIndices: `adaptive_max_pool${nd}d_with_indices`,
    params: [req('input'), req('output_size'), opt('return_indices', false, RI)], doc: `${nd}-D adaptive max pooling.`,
  })),
  ...[1, 2].map((nd): LibEntry => ({
    name: `lp_pool${nd}d`, kind: 'function', qualname: `lp_pool${nd}d`,
    params: [req('input'), req('norm_type'), req('kernel_size', K), opt('stride', null, S), opt('ceil_mode', false, CEIL)],
    doc: `${nd}-D power-average pooling.`,
  })),
  ...[1, 2, 3].map((nd): LibEntry => ({
    name: `max_unpool${nd}d`, kind: 'function', qualname: `max_unpool${nd}d`,
    params: [req('input'), req('indices'), req('kernel_size', K), opt('stride', null, S), opt('padding', 0, P), opt('output_size', null)],
    doc: `${nd}-D max unpooling.`,
  })),
  ...[2, 3].map((nd): LibEntry => ({
    name: `fractional_max_pool${nd}d`, kind: 'function', qualname: `_fractional_max_pool${nd}d`,
    qualnameWithIndices: `fractional_max_pool${nd}d_with_indices`,
    params: [req('input'), ...fractionalParams()], doc: `${nd}-D fractional max pooling.`,
  })),
  ...[1, 2].map((nd): LibEntry => ({
    name: `conv${nd}d`, kind: 'function',
    params: [req('input'), req('weight'), opt('bias', null), opt('stride', 1), opt('padding', 0), opt('dilation', 1), opt('groups', 1)],
    doc: `${nd}-D convolution.`,
  })),
  { name: 'pad', kind: 'function', params: [req('input'), req('pad'), opt('mode', 'constant'), opt('value', null)], doc: 'Pads the last dims: pad = (left, right, top, bottom, ...).' },
  { name: 'relu', kind: 'function', qualname: 'relu', params: [req('input'), opt('inplace', false)], doc: 'max(0, x) element-wise.' },
  {
    name: 'interpolate', kind: 'function', qualname: 'interpolate',
    params: [req('input'), opt('size', null), opt('scale_factor', null), opt('mode', 'nearest'), opt('align_corners', null),
      opt('recompute_scale_factor', null), opt('antialias', false)],
    doc: 'Resizes (mode="nearest" is supported).',
  },
];

const DT = kw('dtype', null, 'the dtype of the result');
/** torch.* functions (C builtins: overloads are parsed by PyTorch, so no qualname). */
export const TORCH_FUNCTIONS: readonly LibEntry[] = [
  { name: 'tensor', kind: 'function', params: [req('data', 'a number or (nested) list'), kw('dtype', null), kw('requires_grad', false)], doc: 'A tensor from a (nested) list of numbers.' },
  { name: 'arange', kind: 'function', params: [req('start'), opt('end', null), opt('step', 1), DT], doc: 'Values from start to end (exclusive) with step.' },
  { name: 'zeros', kind: 'function', params: [varargs('size'), DT], doc: 'A tensor of zeros.' },
  { name: 'ones', kind: 'function', params: [varargs('size'), DT], doc: 'A tensor of ones.' },
  { name: 'full', kind: 'function', params: [req('size'), req('fill_value'), DT], doc: 'A tensor filled with one value.' },
  { name: 'eye', kind: 'function', params: [req('n'), opt('m', null), DT], doc: 'The identity matrix.' },
  { name: 'linspace', kind: 'function', params: [req('start'), req('end'), req('steps'), DT], doc: 'steps evenly spaced values from start to end.' },
  { name: 'zeros_like', kind: 'function', params: [req('input'), DT], doc: 'Zeros with the shape of input.' },
  { name: 'ones_like', kind: 'function', params: [req('input'), DT], doc: 'Ones with the shape of input.' },
  { name: 'rand', kind: 'function', params: [varargs('size'), DT], doc: 'Uniform random numbers in [0, 1) (deterministic after manual_seed; not PyTorch\'s stream).' },
  { name: 'randn', kind: 'function', params: [varargs('size'), DT], doc: 'Standard normal random numbers (deterministic after manual_seed; not PyTorch\'s stream).' },
  { name: 'randint', kind: 'function', params: [req('low'), req('high'), req('size'), DT], doc: 'Random integers in [low, high).' },
  { name: 'manual_seed', kind: 'function', params: [req('seed')], doc: 'Seeds the random number generator.' },
  { name: 'cat', kind: 'function', params: [req('tensors'), opt('dim', 0)], doc: 'Concatenates tensors along an existing dim.' },
  { name: 'stack', kind: 'function', params: [req('tensors'), opt('dim', 0)], doc: 'Stacks tensors along a new dim.' },
  { name: 'reshape', kind: 'function', params: [req('input'), req('shape')], doc: 'The same data with a new shape (-1 infers one size).' },
  { name: 'flatten', kind: 'function', params: [req('input'), opt('start_dim', 0), opt('end_dim', -1)], doc: 'Flattens a range of dims.' },
  { name: 'squeeze', kind: 'function', params: [req('input'), opt('dim', null)], doc: 'Removes dims of size 1.' },
  { name: 'unsqueeze', kind: 'function', params: [req('input'), req('dim')], doc: 'Inserts a dim of size 1.' },
  { name: 'permute', kind: 'function', params: [req('input'), req('dims')], doc: 'Reorders the dims.' },
  { name: 'transpose', kind: 'function', params: [req('input'), req('dim0'), req('dim1')], doc: 'Swaps two dims.' },
  { name: 'max', kind: 'function', params: [req('input'), opt('dim', null), opt('keepdim', false)], doc: 'The maximum (with dim: values and indices).' },
  { name: 'min', kind: 'function', params: [req('input'), opt('dim', null), opt('keepdim', false)], doc: 'The minimum (with dim: values and indices).' },
  { name: 'sum', kind: 'function', params: [req('input'), opt('dim', null), opt('keepdim', false), DT], doc: 'The sum of elements.' },
  { name: 'mean', kind: 'function', params: [req('input'), opt('dim', null), opt('keepdim', false), DT], doc: 'The mean of elements (floating dtypes).' },
  { name: 'argmax', kind: 'function', params: [req('input'), opt('dim', null), opt('keepdim', false)], doc: 'The index of the maximum.' },
  { name: 'argmin', kind: 'function', params: [req('input'), opt('dim', null), opt('keepdim', false)], doc: 'The index of the minimum.' },
  { name: 'abs', kind: 'function', params: [req('input')], doc: 'Absolute values.' },
  { name: 'relu', kind: 'function', params: [req('input')], doc: 'max(0, x) element-wise.' },
  { name: 'allclose', kind: 'function', params: [req('input'), req('other'), opt('rtol', 1e-05), opt('atol', 1e-08), opt('equal_nan', false)], doc: 'True when all elements are close.' },
  { name: 'equal', kind: 'function', params: [req('input'), req('other')], doc: 'True when shapes and all elements are equal.' },
  { name: 'set_printoptions', kind: 'function', params: [opt('precision', null), opt('threshold', null), opt('edgeitems', null), opt('linewidth', null), opt('profile', null), opt('sci_mode', null)], doc: 'Changes how tensors print.' },
  { name: 'is_tensor', kind: 'function', params: [req('obj')], doc: 'True for a tensor.' },
  { name: 'numel', kind: 'function', params: [req('input')], doc: 'The number of elements.' },
  { name: 'Tensor', kind: 'class', params: [], doc: 'The tensor type (for isinstance).' },
  { name: 'Size', kind: 'class', params: [], doc: 'The type of tensor.shape (a tuple of ints).' },
];

/** torch.<dtype> names. */
export const DTYPE_NAMES: Readonly<Record<string, 'float32' | 'float64' | 'int64' | 'int32' | 'uint8' | 'bool'>> = {
  float32: 'float32', float: 'float32', float64: 'float64', double: 'float64',
  int64: 'int64', long: 'int64', int32: 'int32', int: 'int32', uint8: 'uint8', bool: 'bool',
};

/** Tensor attributes and methods (method params without `self`). */
export const TENSOR_MEMBERS: readonly LibEntry[] = [
  { name: 'shape', kind: 'property', doc: 'The size of each dim (torch.Size).' },
  { name: 'ndim', kind: 'property', doc: 'The number of dims.' },
  { name: 'dtype', kind: 'property', doc: 'The element type.' },
  { name: 'T', kind: 'property', doc: 'The tensor with its dims reversed.' },
  { name: 'data', kind: 'property', doc: 'The tensor itself (settable on parameters).' },
  { name: 'size', kind: 'method', params: [opt('dim', null)], doc: 'The shape, or the size of one dim.' },
  { name: 'dim', kind: 'method', params: [], doc: 'The number of dims.' },
  { name: 'numel', kind: 'method', params: [], doc: 'The number of elements.' },
  { name: 'reshape', kind: 'method', params: [varargs('shape')], doc: 'The same data with a new shape.' },
  { name: 'view', kind: 'method', params: [varargs('shape')], doc: 'A view with a new shape (contiguous data).' },
  { name: 'permute', kind: 'method', params: [varargs('dims')], doc: 'Reorders the dims.' },
  { name: 'transpose', kind: 'method', params: [req('dim0'), req('dim1')], doc: 'Swaps two dims.' },
  { name: 'squeeze', kind: 'method', params: [opt('dim', null)], doc: 'Removes dims of size 1.' },
  { name: 'unsqueeze', kind: 'method', params: [req('dim')], doc: 'Inserts a dim of size 1.' },
  { name: 'flatten', kind: 'method', params: [opt('start_dim', 0), opt('end_dim', -1)], doc: 'Flattens a range of dims.' },
  { name: 'clone', kind: 'method', params: [], doc: 'A copy.' },
  { name: 'contiguous', kind: 'method', params: [], doc: 'Contiguous data (a copy when needed).' },
  { name: 'detach', kind: 'method', params: [], doc: 'The same values (no autograd in poolnb).' },
  { name: 'float', kind: 'method', params: [], doc: 'Converted to float32.' },
  { name: 'double', kind: 'method', params: [], doc: 'Converted to float64.' },
  { name: 'long', kind: 'method', params: [], doc: 'Converted to int64.' },
  { name: 'int', kind: 'method', params: [], doc: 'Converted to int32.' },
  { name: 'bool', kind: 'method', params: [], doc: 'Converted to bool.' },
  { name: 'to', kind: 'method', params: [req('dtype')], doc: 'Converted to a dtype.' },
  { name: 'item', kind: 'method', params: [], doc: 'The value of a one-element tensor as a Python number.' },
  { name: 'tolist', kind: 'method', params: [], doc: 'The values as nested Python lists.' },
  { name: 'max', kind: 'method', params: [opt('dim', null), opt('keepdim', false)], doc: 'The maximum (with dim: values and indices).' },
  { name: 'min', kind: 'method', params: [opt('dim', null), opt('keepdim', false)], doc: 'The minimum (with dim: values and indices).' },
  { name: 'sum', kind: 'method', params: [opt('dim', null), opt('keepdim', false), DT], doc: 'The sum of elements.' },
  { name: 'mean', kind: 'method', params: [opt('dim', null), opt('keepdim', false), DT], doc: 'The mean of elements.' },
  { name: 'argmax', kind: 'method', params: [opt('dim', null), opt('keepdim', false)], doc: 'The index of the maximum.' },
  { name: 'argmin', kind: 'method', params: [opt('dim', null), opt('keepdim', false)], doc: 'The index of the minimum.' },
  { name: 'abs', kind: 'method', params: [], doc: 'Absolute values.' },
  { name: 'relu', kind: 'method', params: [], doc: 'max(0, x) element-wise.' },
];

/** Python builtins PoolScript provides. */
export const BUILTINS: readonly LibEntry[] = [
  { name: 'print', kind: 'function', params: [varargs('args'), kw('sep', ' '), kw('end', '\n')], doc: 'Writes values as text.' },
  { name: 'range', kind: 'class', params: [req('start'), opt('stop', null), opt('step', 1)], doc: 'Integers from start to stop (exclusive).' },
  { name: 'len', kind: 'function', params: [req('obj')], doc: 'The length of a list, tuple, string or the first dim of a tensor.' },
  { name: 'list', kind: 'class', params: [opt('iterable', [])], doc: 'A list.' },
  { name: 'tuple', kind: 'class', params: [opt('iterable', [])], doc: 'A tuple.' },
  { name: 'int', kind: 'class', params: [opt('x', 0)], doc: 'An integer.' },
  { name: 'float', kind: 'class', params: [opt('x', 0)], doc: 'A float.' },
  { name: 'bool', kind: 'class', params: [opt('x', false)], doc: 'A bool.' },
  { name: 'str', kind: 'class', params: [opt('object', '')], doc: 'A string.' },
  { name: 'abs', kind: 'function', params: [req('x')], doc: 'The absolute value.' },
  { name: 'min', kind: 'function', params: [varargs('args')], doc: 'The smallest item.' },
  { name: 'max', kind: 'function', params: [varargs('args')], doc: 'The largest item.' },
  { name: 'sum', kind: 'function', params: [req('iterable'), opt('start', 0)], doc: 'The sum of items.' },
  { name: 'round', kind: 'function', params: [req('number'), opt('ndigits', null)], doc: 'Rounds (half to even).' },
  { name: 'enumerate', kind: 'class', params: [req('iterable'), opt('start', 0)], doc: '(index, item) pairs.' },
  { name: 'zip', kind: 'class', params: [varargs('iterables')], doc: 'Tuples of items taken in parallel.' },
  { name: 'isinstance', kind: 'function', params: [req('obj'), req('classinfo')], doc: 'True when obj is an instance of classinfo.' },
  { name: 'super', kind: 'class', params: [varargs('args')], doc: 'The parent class (in __init__: super().__init__()).' },
  { name: 'type', kind: 'class', params: [req('object')], doc: 'The type of a value.' },
];

/** Notebook helpers (not PyTorch; exports to Python include a small module defining them). */
export const HELPERS: readonly LibEntry[] = [
  { name: 'show', kind: 'function', params: [req('x'), opt('mode', null, "'grid', 'heatmap' or 'image'"), opt('title', null)], doc: 'Displays a tensor as a grid, heatmap or image.' },
  { name: 'explain', kind: 'function', params: [req('layer'), req('x')], doc: 'Shows the output-size derivation and the window walk-through of a pooling layer on x.' },
  { name: 'image', kind: 'function', params: [req('path'), opt('mode', 'RGB', "'RGB' or 'L'")], doc: 'A workspace PNG/JPEG as a float tensor N×C×H×W in [0, 1].' },
];

/** Modules that import cleanly: dotted name -> what it binds to. */
export const KNOWN_MODULES: Readonly<Record<string, 'torch' | 'nn' | 'F'>> = {
  torch: 'torch', 'torch.nn': 'nn', 'torch.nn.functional': 'F', 'torch.nn.modules': 'nn',
};

export function findEntry(table: readonly LibEntry[], name: string): LibEntry | undefined {
  return table.find((e) => e.name === name);
}
