// The pure half of "Pooling: Compute Output Size": the list of layers, parsing what the
// user types (an input shape, the layer's settings as Python arguments) and building
// the PoolScript cell that reproduces the question. No `vscode` here, so it is unit-tested;
// messages go through the `l10n.t` the caller passes (vscode.l10n in the extension).

export interface L10n { t(message: string, ...args: Array<string | number | boolean>): string }

/** English fallback with `{0}` substitution, as vscode.l10n.t does. */
export const plainL10n: L10n = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i) => (Number(i) < args.length ? String(args[Number(i)]) : m)),
};

export type LayerFamily = 'maxPool' | 'avgPool' | 'lpPool' | 'adaptiveAvgPool' | 'adaptiveMaxPool' | 'maxUnpool' | 'fractionalMaxPool';

export interface LayerSpec {
  /** the nn class name, e.g. 'MaxPool2d' */
  name: string;
  family: LayerFamily;
  nd: 1 | 2 | 3;
  /** constructor parameters in PyTorch's positional order, with their defaults */
  params: Array<{ name: string; default?: Value; required?: boolean }>;
  /** settings offered in the input box */
  example: string;
  /** an input shape offered in the input box */
  exampleShape: number[];
}

export type Value = number | boolean | null | Array<number | null>;

const SHAPES: Record<number, number[]> = { 1: [1, 3, 32], 2: [1, 3, 32, 32], 3: [1, 3, 8, 32, 32] };

function spec(name: string, family: LayerFamily, nd: 1 | 2 | 3, params: LayerSpec['params'], example: string): LayerSpec {
  return { name, family, nd, params, example, exampleShape: SHAPES[nd] };
}

const dims = [1, 2, 3] as const;

/** Every layer the command offers, in the order the QuickPick lists them. */
export const LAYERS: readonly LayerSpec[] = [
  ...dims.map((nd) => spec(`MaxPool${nd}d`, 'maxPool', nd, [
    { name: 'kernel_size', required: true }, { name: 'stride', default: null }, { name: 'padding', default: 0 },
    { name: 'dilation', default: 1 }, { name: 'return_indices', default: false }, { name: 'ceil_mode', default: false },
  ], 'kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False')),
  ...dims.map((nd) => spec(`AvgPool${nd}d`, 'avgPool', nd, [
    { name: 'kernel_size', required: true }, { name: 'stride', default: null }, { name: 'padding', default: 0 },
    { name: 'ceil_mode', default: false }, { name: 'count_include_pad', default: true },
    ...(nd > 1 ? [{ name: 'divisor_override', default: null }] : []),
  ], 'kernel_size=2, stride=2, padding=0, ceil_mode=False')),
  ...([1, 2] as const).map((nd) => spec(`LPPool${nd}d`, 'lpPool', nd, [
    { name: 'norm_type', required: true }, { name: 'kernel_size', required: true }, { name: 'stride', default: null },
    { name: 'ceil_mode', default: false },
  ], 'norm_type=2, kernel_size=2, stride=2, ceil_mode=False')),
  ...dims.map((nd) => spec(`AdaptiveAvgPool${nd}d`, 'adaptiveAvgPool', nd, [
    { name: 'output_size', required: true },
  ], nd === 1 ? 'output_size=1' : `output_size=(${Array(nd).fill(1).join(', ')})`)),
  ...dims.map((nd) => spec(`AdaptiveMaxPool${nd}d`, 'adaptiveMaxPool', nd, [
    { name: 'output_size', required: true }, { name: 'return_indices', default: false },
  ], nd === 1 ? 'output_size=1' : `output_size=(${Array(nd).fill(1).join(', ')})`)),
  ...dims.map((nd) => spec(`MaxUnpool${nd}d`, 'maxUnpool', nd, [
    { name: 'kernel_size', required: true }, { name: 'stride', default: null }, { name: 'padding', default: 0 },
  ], 'kernel_size=2, stride=2, padding=0')),
  ...([2, 3] as const).map((nd) => spec(`FractionalMaxPool${nd}d`, 'fractionalMaxPool', nd, [
    { name: 'kernel_size', required: true }, { name: 'output_size', default: null },
    { name: 'output_ratio', default: null }, { name: 'return_indices', default: false },
  ], 'kernel_size=2, output_ratio=0.5')),
];

export function findLayer(name: string): LayerSpec | undefined {
  return LAYERS.find((l) => l.name === name);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

// ---------------------------------------------------------------- input shape

/**
 * Parses an input shape typed as `1,3,32,32`, `1x3x32x32`, `1 3 32 32`, `(1, 3, 32, 32)`,
 * `[1, 3, 32, 32]` or `torch.Size([1, 3, 32, 32])`.
 */
export function parseShape(text: string, l10n: L10n = plainL10n): Parsed<number[]> {
  let s = text.trim();
  const size = /^torch\.Size\(\s*\[(.*)\]\s*\)$/.exec(s);
  if (size) s = size[1];
  else if (/^[([].*[)\]]$/.test(s)) s = s.slice(1, -1);
  s = s.trim();
  if (s === '') {
    return { ok: false, message: l10n.t('Enter the input size, for example 1,3,32,32 or 1x3x32x32') };
  }
  const parts = s.split(/\s*[,x×*]\s*|\s+/i);
  if (parts.length && parts[parts.length - 1] === '') parts.pop(); // `(3,)` style
  const shape: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) {
      return { ok: false, message: l10n.t('"{0}" is not a size: use whole numbers separated by commas or x, for example 1,3,32,32', p) };
    }
    const n = Number(p);
    if (!Number.isSafeInteger(n)) return { ok: false, message: l10n.t('"{0}" is too large', p) };
    shape.push(n);
  }
  if (shape.length > 5) {
    return { ok: false, message: l10n.t('{0} dimensions given; pooling layers take at most 5 (N, C, D, H, W)', shape.length) };
  }
  return { ok: true, value: shape };
}

// ---------------------------------------------------------------- layer settings

export interface LayerArgs {
  /** effective values by parameter name (defaults filled in) */
  values: Record<string, Value>;
  /** the arguments as the user gave them, normalised, for the generated code */
  source: string;
}

/** Splits on commas outside brackets. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (c === ',' && depth === 0) { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim());
}

function parseValue(text: string, l10n: L10n): Parsed<Value> {
  const s = text.trim();
  if (s === 'True') return { ok: true, value: true };
  if (s === 'False') return { ok: true, value: false };
  if (s === 'None') return { ok: true, value: null };
  if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return { ok: true, value: Number(s) };
  const tuple = /^[([](.*)[)\]]$/.exec(s);
  if (tuple) {
    const items = splitTop(tuple[1]);
    if (items.length && items[items.length - 1] === '' && items.length > 1) items.pop();
    const values: Array<number | null> = [];
    for (const it of items) {
      if (it === 'None') values.push(null);
      else if (/^-?\d+(\.\d+)?$/.test(it)) values.push(Number(it));
      else return { ok: false, message: l10n.t('"{0}" is not a number', it) };
    }
    return { ok: true, value: values };
  }
  return { ok: false, message: l10n.t('"{0}" is not a value: use a number, a tuple like (2, 2), True, False or None', s) };
}

function formatValue(v: Value): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (Array.isArray(v)) return v.length === 1 ? `(${formatValue(v[0])},)` : `(${v.map(formatValue).join(', ')})`;
  return String(v);
}

/** Parses settings typed as Python arguments: `3, stride=2, ceil_mode=True`. */
export function parseLayerArgs(layer: LayerSpec, text: string, l10n: L10n = plainL10n): Parsed<LayerArgs> {
  const values: Record<string, Value> = {};
  const given: string[] = [];
  const trimmed = text.trim();
  const parts = trimmed === '' ? [] : splitTop(trimmed);
  let keywordSeen = false;
  const names = layer.params.map((p) => p.name);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === '' && i === parts.length - 1 && i > 0) break; // trailing comma
    const kw = /^([A-Za-z_]\w*)\s*=(?!=)\s*(.*)$/s.exec(part);
    let name: string;
    let valueText: string;
    if (kw) {
      [, name, valueText] = kw;
      if (!names.includes(name)) {
        return { ok: false, message: l10n.t('{0} has no setting "{1}"; its settings are: {2}', layer.name, name, names.join(', ')) };
      }
      keywordSeen = true;
    } else {
      if (keywordSeen) return { ok: false, message: l10n.t('A value without a name cannot follow a named setting (as in Python)') };
      if (i >= names.length) return { ok: false, message: l10n.t('{0} takes at most {1} settings', layer.name, names.length) };
      name = names[i];
      valueText = part;
    }
    if (name in values) return { ok: false, message: l10n.t('"{0}" is given twice', name) };
    if (valueText.trim() === '') return { ok: false, message: l10n.t('"{0}" needs a value', name) };
    const v = parseValue(valueText, l10n);
    if (!v.ok) return v;
    values[name] = v.value;
    given.push(kw ? `${name}=${formatValue(v.value)}` : formatValue(v.value));
  }
  for (const p of layer.params) {
    if (!(p.name in values)) {
      if (p.required) return { ok: false, message: l10n.t('{0} needs "{1}"', layer.name, p.name) };
      values[p.name] = p.default ?? null;
    }
  }
  return { ok: true, value: { values, source: given.join(', ') } };
}

// ---------------------------------------------------------------- the generated cell

/** The PoolScript (= Python) cell that builds the layer, runs it on a tensor of the shape and shows the result's shape. */
export function buildCellCode(layer: LayerSpec, args: LayerArgs, shape: readonly number[]): string {
  const x = `x = torch.rand(${shape.join(', ')})`;
  const ctor = `${layer.name}(${args.source})`;
  if (layer.family === 'maxUnpool') {
    // any in-range indices will do for the shape: 0 is always in range
    return [x, `indices = torch.zeros(${shape.join(', ')}, dtype=torch.long)`,
      `unpool = nn.${ctor}`, 'y = unpool(x, indices)', 'y.shape'].join('\n');
  }
  const returnsTuple = args.values.return_indices === true;
  return [x, `pool = nn.${ctor}`, returnsTuple ? 'y, indices = pool(x)' : 'y = pool(x)', 'y.shape'].join('\n');
}

/** `[1, 3, 16, 16]` as PyTorch prints a shape. */
export function formatShape(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}
