// Diagnostic codes and the messages of features PoolScript refuses. Messages for what
// would fail at run time are Python's / PyTorch's own (`RuntimeError: ...`); messages
// for refused features say what to use instead. One place, so hosts can localise.

import type { LangDiagnostic, Severity } from '../api';
import type { SyntaxErrorInfo, Span } from '../syntax/nodes';

export type DiagnosticCode =
  | 'syntax'              // SyntaxError / IndentationError / TabError from the parser
  | 'undefined-name'      // NameError
  | 'unknown-keyword'     // TypeError: f() got an unexpected keyword argument 'x'
  | 'bad-arguments'       // other TypeErrors of argument binding
  | 'output-too-small'    // RuntimeError: ... Output size is too small
  | 'pad-too-large'       // RuntimeError: pad should be at most half of kernel size ...
  | 'wrong-rank'          // RuntimeError: non-empty 3D or 4D (batch mode) tensor expected ...
  | 'torch-error'         // any other error PyTorch raises for these arguments
  | 'unsupported'         // a Python feature PoolScript refuses
  | 'unavailable-module'; // an import of something PoolScript does not have

export function diagnostic(range: Span, code: DiagnosticCode, message: string, severity: Severity = 'error'): LangDiagnostic {
  return { range: { start: range.start, end: range.end }, severity, code, message };
}

export function syntaxDiagnostic(e: SyntaxErrorInfo): LangDiagnostic {
  return diagnostic(e.range, 'syntax', `${e.type}: ${e.message}`);
}

/** The code for an engine error, by what it says. */
export function codeForTorchMessage(message: string): DiagnosticCode {
  if (message.includes('Output size is too small')) return 'output-too-small';
  if (message.includes('should be at most half')) return 'pad-too-large';
  if (/tensor expected for input|Expected \d+ to \d+ dimensions|Expected [23]D or [34]D|dimensional tensor/.test(message)) return 'wrong-rank';
  return 'torch-error';
}

/** Python features PoolScript does not run, and what to write instead. */
export const REFUSED: Readonly<Record<string, string>> = {
  While: 'while loops are not supported in PoolScript (a cell must finish): use for i in range(n)',
  Lambda: 'lambda is not supported in PoolScript: define a function with def',
  Delete: 'del is not supported in PoolScript: assign a new value instead',
  With: 'with statements are not supported in PoolScript (no files or contexts)',
  Try: 'try/except is not supported in PoolScript: errors stop the cell and are shown with their message',
  Global: 'global and nonlocal are not supported in PoolScript: return values from functions instead',
  Yield: 'generators (yield) are not supported in PoolScript: build and return a list',
  Raise: 'raise is not supported in PoolScript: use assert to stop with a message',
  NamedExpr: 'assignment expressions (:=) are not supported in PoolScript: assign on its own line',
  Decorator: 'decorators are not supported in PoolScript',
  GeneratorExp: 'generator expressions are not supported in PoolScript: use a list comprehension [...]',
  SetComp: 'set comprehensions are not supported in PoolScript',
  DictComp: 'dict comprehensions are not supported in PoolScript',
  Await: 'async code is not supported in PoolScript',
  open: "file access is not available in PoolScript: use image('path.png') to load a picture",
  input: 'input() is not available in a notebook cell: assign the value in the cell',
  eval: 'eval/exec are not supported in PoolScript',
  exec: 'eval/exec are not supported in PoolScript',
};

/** Every name Python 3.11 predefines (dir(builtins)): never reported as undefined. */
export const PYTHON_BUILTIN_NAMES: ReadonlySet<string> = new Set((
  'ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError ' +
  'BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ' +
  'ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup ' +
  'False FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ' +
  'ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError ' +
  'MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError ' +
  'OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError ' +
  'ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError ' +
  'SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError ' +
  'UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError __build_class__ __debug__ ' +
  '__doc__ __import__ __loader__ __name__ __package__ __spec__ abs aiter all anext any ascii bin bool breakpoint ' +
  'bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir divmod enumerate eval ' +
  'exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass ' +
  'iter len license list locals map max memoryview min next object oct open ord pow print property quit range repr ' +
  'reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip'
).split(' '));
