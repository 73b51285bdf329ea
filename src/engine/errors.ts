// The exceptions PyTorch (and Python) raise, carried with their Python type name so
// that every layer can print `RuntimeError: message` exactly as Python would.

export type PyErrorType =
  | 'RuntimeError' | 'ValueError' | 'TypeError' | 'IndexError' | 'ZeroDivisionError'
  | 'NotImplementedError' | 'AttributeError' | 'NameError' | 'KeyError' | 'SyntaxError'
  | 'RecursionError' | 'KeyboardInterrupt' | 'AssertionError' | 'OverflowError'
  | 'ModuleNotFoundError' | 'ImportError' | 'UnboundLocalError' | 'IndentationError'
  | 'StopIteration' | 'MemoryError';

export class TorchError extends Error {
  constructor(readonly pyType: PyErrorType, message: string) {
    super(message);
    this.name = pyType;
  }
}

export const runtimeError = (msg: string) => new TorchError('RuntimeError', msg);
export const valueError = (msg: string) => new TorchError('ValueError', msg);
export const typeError = (msg: string) => new TorchError('TypeError', msg);
export const indexError = (msg: string) => new TorchError('IndexError', msg);

/** Raised when a cancellation signal fires during a long operation. */
export class CancelledError extends TorchError {
  constructor() { super('KeyboardInterrupt', ''); }
}

/** Co-operative cancellation: long loops call `check()` every few thousand elements. */
export interface CancelToken { readonly cancelled: boolean }

export function throwIfCancelled(token: CancelToken | undefined): void {
  if (token?.cancelled) throw new CancelledError();
}
