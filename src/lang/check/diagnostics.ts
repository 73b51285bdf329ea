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

/**
 * Python features outside PoolScript's subset. The interpreter still runs most of them
 * (a step budget stops runaway `while` loops), so these are reported as information with
 * what to write instead; `yield` fails when its function is called, so it is a warning.
 */
export const OUTSIDE_SUBSET: Readonly<Record<string, string>> = {
  While: 'while loops are outside PoolScript (a step budget stops a loop that never ends): prefer for i in range(n)',
  Lambda: 'lambda is outside PoolScript: define a function with def',
  Delete: 'del is outside PoolScript: assign a new value instead',
  With: 'with statements are outside PoolScript: there are no files or contexts to manage',
  Try: 'try/except is outside PoolScript: an error stops the cell and is shown with its message',
  Global: 'global and nonlocal are outside PoolScript: return values from functions instead',
  Decorator: 'decorators are outside PoolScript',
  Yield: 'generators (yield) are not supported in PoolScript: build and return a list',
};

/**
 * Builtins the interpreter refuses when called, with its NotImplementedError message
 * (src/lang/interp/builtins/python.ts; test/lang/check/refusals.test.ts keeps them equal).
 */
export const REFUSED_BUILTINS: Readonly<Record<string, string>> = {
  open: 'poolnb: open() is not part of PoolScript (no file access; load a picture with image(path))',
  input: 'poolnb: input() is not part of PoolScript (a notebook cell cannot read from the keyboard)',
  exec: 'poolnb: exec() is not part of PoolScript (code is written in cells)',
  eval: 'poolnb: eval() is not part of PoolScript (code is written in cells)',
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
