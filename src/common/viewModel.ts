// The view model: what crosses from the kernel (extension host) to the renderer
// (webview), serialised as JSON in the POOLNB_MIME output item. Plain data only.
// Large tensors carry their values as base64 of the little-endian typed-array bytes
// (`data.encoding: 'base64'`), small ones as a JSON list (`'list'`, non-finite values
// as the strings "nan", "inf", "-inf" — JSON has no such numbers).

export type DTypeName = 'float32' | 'float64' | 'int64' | 'int32' | 'uint8' | 'bool';

export type JsonNumber = number | 'nan' | 'inf' | '-inf';

export type TensorData =
  | { encoding: 'list'; values: JsonNumber[] }
  /** float32 -> Float32Array bytes, float64/int64 -> Float64Array bytes, int32 -> Int32Array, uint8/bool -> Uint8Array */
  | { encoding: 'base64'; bytes: string };

export interface TensorView {
  kind: 'tensor';
  shape: number[];
  dtype: DTypeName;
  data: TensorData;
  /** PyTorch's repr, as print() shows it */
  text: string;
  /** set when the tensor came out of a pooling op */
  pooling?: PoolingView;
  /** how the user asked it to be drawn (show(x, mode=...)) */
  display?: { mode?: 'grid' | 'heatmap' | 'image'; title?: string };
}

/** One axis of an output-size derivation, as src/engine/outputSize.ts derives it. */
export interface AxisDerivation {
  axis: string;              // 'L' | 'D' | 'H' | 'W'
  input: number;
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
  ceilMode: boolean;
  /** the formula with symbols, e.g. "floor((H + 2p - d(k-1) - 1) / s) + 1" */
  formula: string;
  /** the formula with the user's numbers, e.g. "floor((5 + 0 - 2 - 1) / 3) + 1" */
  substituted: string;
  /** true when the ceil-mode correction removed a last window that started in the right padding */
  ceilCorrection: boolean;
  output: number;
  /** free-text steps for display (already in English; renderer may localise the labels) */
  steps: string[];
}

export interface PoolingView {
  op: string;                         // e.g. 'max_pool2d'
  params: Record<string, unknown>;    // effective parameters
  input: TensorView;                  // the (unpadded) input
  indices?: TensorView;               // winning indices for max ops
  derivation: AxisDerivation[];       // for kernel-based ops; empty for adaptive
  /** per output element (row-major over the output's spatial dims of plane 0):
   * the input positions of its window, flat within the input plane; -1 marks a padding tap */
  windows?: number[][];
}

export interface ModuleView {
  kind: 'module';
  name: string;                       // 'MaxPool2d'
  text: string;                       // repr
  params: Record<string, unknown>;
}

export interface TextView {
  kind: 'text';
  text: string;
}

export interface SequenceView {
  kind: 'sequence';
  text: string;
  items: ValueView[];
}

export type ValueView = TensorView | ModuleView | TextView | SequenceView;
