// Static analysis of PoolScript notebooks: the StaticProject implementation and the
// pieces hosts and the interpreter may reuse (library table, refusal messages).
export { StaticNotebook, createStaticProject } from './project';
export type { CellAnalysis } from './project';
export * as library from './library';
export { OUTSIDE_SUBSET, REFUSED_BUILTINS, PYTHON_BUILTIN_NAMES } from './diagnostics';
export type { DiagnosticCode } from './diagnostics';
export type { SType } from './types';
