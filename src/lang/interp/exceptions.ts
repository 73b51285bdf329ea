// Python's exception classes as PoolScript values, and the bridge between them and the
// TorchError that engine and interpreter throw (pyType + message).

import { TorchError, PyErrorType } from '../../engine/errors';
import { PyBuiltin, PyClass, PyInstance, PyTuple, Value, keyErrorKeys, pyError } from './values';
import { str } from './repr';

/** name -> parent, in CPython's hierarchy (the subset PoolScript can raise or catch). */
const HIERARCHY: [string, string | null][] = [
  ['BaseException', null],
  ['Exception', 'BaseException'],
  ['KeyboardInterrupt', 'BaseException'],
  ['ArithmeticError', 'Exception'],
  ['ZeroDivisionError', 'ArithmeticError'],
  ['OverflowError', 'ArithmeticError'],
  ['LookupError', 'Exception'],
  ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'],
  ['RuntimeError', 'Exception'],
  ['NotImplementedError', 'RuntimeError'],
  ['RecursionError', 'RuntimeError'],
  ['TypeError', 'Exception'],
  ['ValueError', 'Exception'],
  ['NameError', 'Exception'],
  ['UnboundLocalError', 'NameError'],
  ['AttributeError', 'Exception'],
  ['AssertionError', 'Exception'],
  ['OSError', 'Exception'],
  ['FileNotFoundError', 'OSError'],
  ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'],
  ['StopIteration', 'Exception'],
  ['MemoryError', 'Exception'],
  ['SyntaxError', 'Exception'],
  ['IndentationError', 'SyntaxError'],
];

/** The exception instance behind a TorchError raised by `raise` (keeps user subclasses). */
const instanceOf = new WeakMap<TorchError, PyInstance>();

export function makeExceptionClasses(): Map<string, PyClass> {
  const map = new Map<string, PyClass>();
  for (const [name, parent] of HIERARCHY) {
    const cls = new PyClass(name, parent ? [map.get(parent)!] : [], { errorType: name }, 'builtins');
    map.set(name, cls);
  }
  const base = map.get('BaseException')!;
  base.dict.set('__init__', new PyBuiltin('__init__', (args) => {
    const self = args[0] as PyInstance;
    self.excArgs = args.slice(1);
    return null;
  }));
  // Instances need excArgs even before __init__ runs (user subclasses that skip super().__init__).
  return map;
}

export function exceptionClassFor(type: string, classes: Map<string, PyClass>): PyClass {
  return classes.get(type) ?? classes.get('Exception')!;
}

/** The Python exception object for `except ... as e`. */
export function errorToInstance(err: TorchError, b: { exceptions: Map<string, PyClass> }): PyInstance {
  const known = instanceOf.get(err);
  if (known) return known;
  const inst = new PyInstance(exceptionClassFor(err.pyType, b.exceptions));
  const key = keyErrorKeys.get(err);
  inst.excArgs = key !== undefined ? [key] : err.message === '' ? [] : [err.message];
  instanceOf.set(err, inst);
  return inst;
}

/** `raise inst`: a TorchError carrying the instance's class name and str(). */
export function instanceToError(inst: PyInstance): TorchError {
  inst.excArgs ??= [];
  let type = inst.cls.name;
  const e = new TorchError(type as PyErrorType, str(inst));
  instanceOf.set(e, inst);
  return e;
}

/** Does `except T` (a class or a tuple of classes) catch this error? */
export function exceptionMatches(err: TorchError, t: Value, b: { exceptions: Map<string, PyClass> }): boolean {
  if (t instanceof PyTuple) return t.items.some((x) => exceptionMatches(err, x, b));
  if (!(t instanceof PyClass) || !t.mro().some((c) => c.native?.errorType === 'BaseException')) {
    throw pyError('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
  }
  const cls = instanceOf.get(err)?.cls ?? exceptionClassFor(err.pyType, b.exceptions);
  return cls.isSubclassOf(t);
}
